package io.qorgan.gateway;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.classes;

import com.tngtech.archunit.core.domain.Dependency;
import com.tngtech.archunit.core.domain.JavaClass;
import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.junit.AnalyzeClasses;
import com.tngtech.archunit.junit.ArchTest;
import com.tngtech.archunit.lang.ArchCondition;
import com.tngtech.archunit.lang.ArchRule;
import com.tngtech.archunit.lang.ConditionEvents;
import com.tngtech.archunit.lang.SimpleConditionEvent;
import io.qorgan.gateway.testing.IntegrationTest;
import java.util.HashSet;
import java.util.Set;

/**
 * The split of the suite holds: a test class that starts a gateway, the simulator, a TLS server, another process or
 * binds sockets itself is tagged {@link IntegrationTest}, so {@code ./mvnw test} stays fast and socket-free.
 */
@AnalyzeClasses(packages = "io.qorgan.gateway", importOptions = ImportOption.OnlyIncludeTests.class)
class SuiteSplitTest {

    /** What only a socket-level test uses. */
    private static final Set<String> SOCKET_LEVEL = Set.of(
            "io.qorgan.gateway.Gateway",
            "io.qorgan.gateway.sim.AiSimulator",
            "io.qorgan.gateway.testing.TestGateways",
            "io.qorgan.gateway.testing.RawHttp",
            "io.qorgan.gateway.testing.MisbehavingUpstream",
            "io.qorgan.gateway.server.tls.TlsTestServer",
            "io.qorgan.gateway.server.tls.TlsTestClient",
            "io.qorgan.gateway.sim.SimHttp",
            "io.netty.bootstrap.Bootstrap",
            "io.netty.bootstrap.ServerBootstrap",
            "java.net.Socket",
            "java.net.ServerSocket",
            "java.net.http.HttpClient",
            "java.lang.ProcessBuilder");

    @ArchTest
    static final ArchRule socketLevelTestsAreTaggedIntegration = classes()
            .that()
            .haveSimpleNameEndingWith("Test")
            .and()
            .areTopLevelClasses()
            .should(new ArchCondition<JavaClass>("be tagged @IntegrationTest when they start sockets or processes") {
                @Override
                public void check(JavaClass test, ConditionEvents events) {
                    if (test.isAnnotatedWith(IntegrationTest.class)) {
                        return;
                    }
                    Set<JavaClass> parts = new HashSet<>(Set.of(test));
                    for (JavaClass c : test.getPackage().getClasses()) {
                        if (c.getName().startsWith(test.getName() + "$")) {
                            parts.add(c);
                        }
                    }
                    for (JavaClass part : parts) {
                        for (Dependency d : part.getDirectDependenciesFromSelf()) {
                            if (SOCKET_LEVEL.contains(d.getTargetClass().getName())) {
                                events.add(SimpleConditionEvent.violated(
                                        test,
                                        test.getName() + " uses "
                                                + d.getTargetClass().getSimpleName()
                                                + " but is not tagged @IntegrationTest"));
                                return;
                            }
                        }
                    }
                }
            });
}
