package io.qorgan.gateway.cli;

import io.netty.util.ResourceLeakDetector;

/** Entry point of {@code qorgan.jar}: runs the picocli command tree and exits with its code. */
public final class Main {

    private Main() {}

    /** Netty's own switch; set, it wins over the default below. */
    static final String LEAK_DETECTION_PROPERTY = "io.netty.leakDetection.level";

    public static void main(String[] args) {
        defaultLeakDetection();
        System.exit(QorganCommand.commandLine().execute(args));
    }

    // Leak tracking off in the product: its sampling cost a few µs per exchange under load. The
    // tests run Netty's detector at paranoid on every path; operators can turn it back on with
    // -Dio.netty.leakDetection.level=simple when chasing a suspected leak.
    static void defaultLeakDetection() {
        if (System.getProperty(LEAK_DETECTION_PROPERTY) == null) {
            ResourceLeakDetector.setLevel(ResourceLeakDetector.Level.DISABLED);
        }
    }
}
