package io.qorgan.gateway.cli;

import static org.assertj.core.api.Assertions.assertThat;

import io.qorgan.gateway.sim.AiSimulator;
import io.qorgan.gateway.sim.SimulatorSettings;
import io.qorgan.gateway.testing.Cli;
import io.qorgan.gateway.testing.IntegrationTest;
import org.junit.jupiter.api.Test;

@IntegrationTest
class SimulateAiCommandTest {

    private final Cli cli = new Cli();

    private int run(String... args) {
        return cli.run(args);
    }

    @Test
    void simulateAi_help_printsOptionsAndExits0() {
        int code = run("simulate-ai", "--help");

        assertThat(code).isZero();
        assertThat(cli.out()).contains("--port", "--mode", "--ttft-ms", "--error-rate", "--disconnect-after-chunks");
    }

    @Test
    void simulateAi_badMode_exits2() {
        int code = run("simulate-ai", "--mode", "chatty");

        assertThat(code).isEqualTo(2);
        assertThat(cli.err()).contains("chatty");
    }

    @Test
    void simulateAi_badErrorStatus_exits2() {
        int code = run("simulate-ai", "--port", "0", "--error-status", "404");

        assertThat(code).isEqualTo(2);
        assertThat(cli.err()).contains("errorStatus");
    }

    @Test
    void simulateAi_portInUse_printsOneLineAndExits1() {
        try (AiSimulator taken = AiSimulator.start(SimulatorSettings.builder().build())) {
            int code = run("simulate-ai", "--port", String.valueOf(taken.port()));

            assertThat(code).isEqualTo(1);
            assertThat(cli.err().strip()).isEqualTo("qorgan: port " + taken.port() + " is in use");
        }
    }
}
