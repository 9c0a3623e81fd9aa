package io.qorgan.gateway.cli;

import io.qorgan.gateway.Gateway;
import io.qorgan.gateway.GatewayStartException;
import io.qorgan.gateway.config.ConfigLoader;
import io.qorgan.gateway.config.GatewayConfig;
import io.qorgan.gateway.server.ListenerBindException;
import io.qorgan.gateway.sim.AiSimulator;
import io.qorgan.gateway.sim.SimulatorMode;
import io.qorgan.gateway.sim.SimulatorSettings;
import java.io.PrintWriter;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * {@code qorgan demo}: the simulator (echo mode, so you see what the AI service received) and the
 * gateway in front of it, in one process, with copy-paste commands to try. Ctrl-C stops both.
 */
@Command(
        name = "demo",
        mixinStandardHelpOptions = true,
        description = "Start the AI-service simulator and the gateway in front of it, and print how to try them.")
public final class DemoCommand implements Callable<Integer> {

    @Spec
    CommandSpec spec;

    @Option(
            names = {"-p", "--port"},
            defaultValue = "8080",
            description = "Gateway traffic port (default: ${DEFAULT-VALUE})")
    int port;

    @Option(
            names = "--admin-port",
            defaultValue = "8081",
            description = "Gateway admin port (default: ${DEFAULT-VALUE})")
    int adminPort;

    @Option(names = "--sim-port", defaultValue = "9000", description = "Simulator port (default: ${DEFAULT-VALUE})")
    int simPort;

    @Override
    public Integer call() throws InterruptedException {
        AiSimulator sim;
        try {
            sim = AiSimulator.start(SimulatorSettings.builder()
                    .port(simPort)
                    .mode(SimulatorMode.ECHO)
                    .chunkChars(4)
                    .chunkDelayMillis(15)
                    .build());
        } catch (RuntimeException e) {
            throw new UserError("cannot start the simulator on port " + simPort + ": " + CliErrors.describe(e));
        }
        Gateway gateway;
        try {
            gateway = Gateway.start(demoConfig(port, adminPort, sim.port()));
        } catch (ListenerBindException | GatewayStartException | IllegalStateException e) {
            sim.close();
            throw new UserError(e.getMessage());
        }
        printWelcome(spec.commandLine().getOut(), gateway, sim);
        ServeCommand.awaitShutdown(() -> {
            gateway.close();
            sim.close();
        });
        return 0;
    }

    /** The demo gateway's settings: the simulator's OpenAI/Anthropic API under /v1, its Ollama API under /api. */
    static GatewayConfig demoConfig(int port, int adminPort, int upstreamPort) {
        return ConfigLoader.parse("demo settings", """
                listeners:
                  traffic: { host: 127.0.0.1, port: %d }
                  admin: { host: 127.0.0.1, port: %d }
                upstreams:
                  simulator: { baseUrl: "http://127.0.0.1:%3$d/v1", readTimeout: 60s, maxConnections: 64 }
                  simulator-ollama: { baseUrl: "http://127.0.0.1:%3$d/api", readTimeout: 60s, maxConnections: 64 }
                routes:
                  - { pathPrefix: /v1, upstream: simulator, dialect: auto }
                  - { pathPrefix: /api, upstream: simulator-ollama, dialect: ollama }
                limits: { shutdownGrace: 5s }
                """.formatted(port, adminPort, upstreamPort));
    }

    private static void printWelcome(PrintWriter out, Gateway gateway, AiSimulator sim) {
        String base = "http://127.0.0.1:" + gateway.trafficPort();
        out.printf("""

                Qorgan demo is running.
                  gateway (point your SDK here):  %1$s/v1
                  admin:                          http://127.0.0.1:%2$d/healthz  /readyz  /metrics
                  AI-service simulator (echo):    %3$s   (what it received: %3$s/_sim/requests)

                A chat completion with personal data (synthetic):
                  curl -si %1$s/v1/chat/completions -H 'Content-Type: application/json' \\
                    -d '{"model":"gpt-4o-mini","messages":[{"role":"user","content":"Өтініш беруші Ахметов Нұрлан, ЖСН 900515301234, тел. +7 701 123 45 67"}]}'

                The same, streamed:
                  curl -sN %1$s/v1/chat/completions -H 'Content-Type: application/json' \\
                    -d '{"model":"gpt-4o-mini","stream":true,"messages":[{"role":"user","content":"Өтініш беруші Ахметов Нұрлан, ЖСН 900515301234, тел. +7 701 123 45 67"}]}'

                What the AI service received (placeholders only):
                  curl -s %3$s/_sim/requests

                Press Ctrl-C to stop.
                """, base, gateway.adminPort(), sim.baseUrl());
        out.flush();
    }
}
