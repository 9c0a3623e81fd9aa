package io.qorgan.gateway;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;

import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.junit.AnalyzeClasses;
import com.tngtech.archunit.junit.ArchTest;
import com.tngtech.archunit.lang.ArchRule;

/**
 * The house rules of {@code STYLE.md}, checked: the packages follow the way of a request, each floor uses only the
 * floors below it, and the stages that hold the privacy logic know nothing of Netty, so they can be tested and used
 * without sockets.
 *
 * <p>Floors, top down: {@code cli} → {@code Gateway} → {@code server} → {@code exchange} → the stages ({@code identity},
 * {@code route}, {@code dialect}, {@code detect}, {@code policy}, {@code protect}, {@code cache}, {@code upstream},
 * {@code audit}, {@code quota}, {@code fleet}) → the foundations ({@code config}, {@code crypto}, {@code metrics}, {@code transport}). One documented
 * exception: {@code config} reads the stages' value types it validates ({@code EntityType}, {@code Operator}).
 */
@AnalyzeClasses(packages = "io.qorgan.gateway", importOptions = ImportOption.DoNotIncludeTests.class)
class ArchitectureTest {

    private static final String[] STAGES = {
        "..gateway.identity..",
        "..gateway.route..",
        "..gateway.dialect..",
        "..gateway.detect..",
        "..gateway.policy..",
        "..gateway.protect..",
        "..gateway.cache..",
        "..gateway.upstream..",
        "..gateway.audit..",
        "..gateway.quota..",
        "..gateway.fleet.."
    };

    @ArchTest
    static final ArchRule privacyStagesAreFreeOfNetty = noClasses()
            .that()
            .resideInAnyPackage(
                    "..gateway.detect..",
                    "..gateway.dialect..",
                    "..gateway.protect..",
                    "..gateway.policy..",
                    "..gateway.exchange..",
                    "..gateway.audit..",
                    "..gateway.cache..",
                    "..gateway.quota..",
                    "..gateway.route..",
                    "..gateway.config..",
                    "..gateway.identity..",
                    "..gateway.crypto..",
                    "..gateway.metrics..")
            .should()
            .dependOnClassesThat()
            .resideInAPackage("io.netty..")
            .because("the request's way is plain Java: Netty stays in server, upstream, transport and sim");

    @ArchTest
    static final ArchRule packagesAreFreeOfCycles =
            slices().matching("io.qorgan.gateway.(*)..").should().beFreeOfCycles();

    @ArchTest
    static final ArchRule nothingBelowTheCliUsesIt = noClasses()
            .that()
            .resideOutsideOfPackage("..gateway.cli..")
            .should()
            .dependOnClassesThat()
            .resideInAPackage("..gateway.cli..");

    @ArchTest
    static final ArchRule onlyTheCliStartsTheGateway = noClasses()
            .that()
            .resideOutsideOfPackages("..gateway.cli..")
            .and()
            .resideOutsideOfPackage("io.qorgan.gateway")
            .should()
            .dependOnClassesThat()
            .resideInAPackage("io.qorgan.gateway");

    @ArchTest
    static final ArchRule serverIsUsedOnlyFromAbove = noClasses()
            .that()
            .resideOutsideOfPackages("..gateway.server..", "..gateway.cli..", "io.qorgan.gateway")
            .should()
            .dependOnClassesThat()
            .resideInAPackage("..gateway.server..");

    @ArchTest
    static final ArchRule exchangeIsUsedOnlyFromAbove = noClasses()
            .that()
            .resideOutsideOfPackages(
                    "..gateway.exchange..", "..gateway.server..", "..gateway.cli..", "io.qorgan.gateway")
            .should()
            .dependOnClassesThat()
            .resideInAPackage("..gateway.exchange..");

    @ArchTest
    static final ArchRule stagesDoNotReachUp = noClasses()
            .that()
            .resideInAnyPackage(STAGES)
            .should()
            .dependOnClassesThat()
            .resideInAnyPackage("..gateway.server..", "..gateway.exchange..", "..gateway.sim..");

    @ArchTest
    static final ArchRule foundationsStayFoundations = noClasses()
            .that()
            .resideInAnyPackage("..gateway.crypto..", "..gateway.metrics..", "..gateway.transport..")
            .should()
            .dependOnClassesThat()
            .resideInAnyPackage(STAGES);

    @ArchTest
    static final ArchRule configReadsOnlyTheValueTypesItValidates = noClasses()
            .that()
            .resideInAPackage("..gateway.config..")
            .should()
            .dependOnClassesThat()
            .resideInAnyPackage(
                    "..gateway.identity..",
                    "..gateway.route..",
                    "..gateway.policy..",
                    "..gateway.cache..",
                    "..gateway.upstream..",
                    "..gateway.audit..",
                    "..gateway.transport..");

    @ArchTest
    static final ArchRule theSimulatorStandsApart = noClasses()
            .that()
            .resideOutsideOfPackages("..gateway.sim..", "..gateway.cli..")
            .should()
            .dependOnClassesThat()
            .resideInAPackage("..gateway.sim..")
            .because("the simulator stands in for an AI service; the gateway never calls it directly");
}
