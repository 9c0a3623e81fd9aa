package io.qorgan.gateway.testing;

import java.io.FileDescriptor;
import java.io.FileOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.Optional;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.jupiter.api.extension.TestWatcher;

/**
 * Says in the build's output why a test was skipped. Surefire counts a skipped test but keeps its reason in the report
 * files, and test output goes to files too; this writes one line to the forked JVM's own standard error, which the
 * build shows.
 */
public final class SkipReasonExtension implements TestWatcher {

    private static final PrintStream CONSOLE =
            new PrintStream(new FileOutputStream(FileDescriptor.err), true, StandardCharsets.UTF_8);

    @Override
    public void testAborted(ExtensionContext context, Throwable cause) {
        say(context, cause == null ? null : cause.getMessage());
    }

    @Override
    public void testDisabled(ExtensionContext context, Optional<String> reason) {
        say(context, reason.orElse(null));
    }

    private static void say(ExtensionContext context, String reason) {
        CONSOLE.println("SKIPPED " + context.getRequiredTestClass().getSimpleName() + "."
                + context.getRequiredTestMethod().getName() + ": "
                + (reason == null || reason.isBlank() ? "no reason given" : reason.replace("Assumption failed: ", "")));
    }
}
