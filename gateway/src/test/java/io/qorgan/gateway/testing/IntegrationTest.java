package io.qorgan.gateway.testing;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import org.junit.jupiter.api.Tag;

/**
 * A socket-level test: it starts a gateway, the simulator, a TLS server, another process or binds real sockets. Such
 * classes run in {@code ./mvnw verify} (failsafe), not in {@code ./mvnw test}; {@code SuiteSplitTest} checks that a
 * class which starts one of those carries this tag.
 */
@Documented
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
@Tag(IntegrationTest.TAG)
public @interface IntegrationTest {

    /** The JUnit tag the build selects on. */
    String TAG = "integration";
}
