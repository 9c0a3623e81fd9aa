package io.qorgan.gateway.cli;

import io.qorgan.gateway.Gateway;
import io.qorgan.gateway.GatewayStartException;
import io.qorgan.gateway.config.ConfigException;
import io.qorgan.gateway.config.ConfigLoader;
import io.qorgan.gateway.config.GatewayConfig;
import io.qorgan.gateway.server.ListenerBindException;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;

/** {@code qorgan serve}: runs the gateway until SIGTERM or Ctrl-C, then shuts down gracefully. */
@Command(
        name = "serve",
        mixinStandardHelpOptions = true,
        description = {
            "Run the gateway.",
            "Either --config FILE, or --upstream URL for a quick start with one upstream and one route."
        })
public final class ServeCommand implements Callable<Integer> {

    @Spec
    CommandSpec spec;

    @Option(
            names = {"-c", "--config"},
            paramLabel = "FILE",
            description = "YAML configuration (see qorgan.example.yaml)")
    Path config;

    @Option(
            names = "--upstream",
            paramLabel = "URL",
            description = "Quick start: the AI service to forward to, e.g. http://127.0.0.1:9000")
    String upstream;

    @Option(
            names = "--host",
            defaultValue = "127.0.0.1",
            description = "Quick start: address to listen on (default: ${DEFAULT-VALUE})")
    String host;

    @Option(
            names = {"-p", "--port"},
            defaultValue = "8080",
            description = "Quick start: traffic port (default: ${DEFAULT-VALUE})")
    int port;

    @Option(
            names = "--admin-port",
            defaultValue = "8081",
            description = "Quick start: admin port for /healthz, /readyz, /metrics (default: ${DEFAULT-VALUE})")
    int adminPort;

    @Override
    public Integer call() throws InterruptedException {
        GatewayConfig cfg = resolve();
        Gateway gateway;
        try {
            gateway = Gateway.start(cfg);
        } catch (ListenerBindException | GatewayStartException | IllegalStateException e) {
            throw new UserError(e.getMessage());
        }
        spec.commandLine()
                .getOut()
                .printf(
                        "qorgan serving on %s (admin %s), config: %s%n",
                        cfg.listeners().traffic().url(gateway.trafficPort()),
                        cfg.listeners().admin().url(gateway.adminPort()),
                        cfg.source());
        spec.commandLine().getOut().flush();
        awaitShutdown(gateway::close);
        return 0;
    }

    private GatewayConfig resolve() {
        if (config != null && upstream != null) {
            throw new ParameterException(spec.commandLine(), "give either --config or --upstream, not both");
        }
        if (config == null && upstream == null) {
            throw new ParameterException(spec.commandLine(), "give --config FILE or --upstream URL");
        }
        try {
            return config != null ? ConfigLoader.load(config) : ConfigLoader.fromFlags(host, port, adminPort, upstream);
        } catch (ConfigException e) {
            throw new UserError(e.getMessage());
        }
    }

    /** Blocks until the JVM is asked to stop, then runs {@code stop} before it exits. */
    static void awaitShutdown(Runnable stop) throws InterruptedException {
        CountDownLatch stopped = new CountDownLatch(1);
        Runtime.getRuntime()
                .addShutdownHook(new Thread(
                        () -> {
                            try {
                                stop.run();
                            } finally {
                                stopped.countDown();
                            }
                        },
                        "qorgan-shutdown"));
        stopped.await();
    }
}
