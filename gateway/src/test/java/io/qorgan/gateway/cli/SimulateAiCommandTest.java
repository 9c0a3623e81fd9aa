package io.qorgan.gateway.cli;

import static org.assertj.core.api.Assertions.assertThat;

import io.qorgan.gateway.sim.AiSimulator;
import io.qorgan.gateway.sim.SimulatorSettings;
import java.io.PrintWriter;
import java.io.StringWriter;
import org.junit.jupiter.api.Test;
import picocli.CommandLine;

class SimulateAiCommandTest {

    private final StringWriter out = new StringWriter();
    private final StringWriter err = new StringWriter();

    private int run(String... args) {
        CommandLine cl = QorganCommand.commandLine();
        cl.setOut(new PrintWriter(out, true));
        cl.setErr(new PrintWriter(err, true));
        return cl.execute(args);
    }

    @Test
    void simulateAi_help_printsOptionsAndExits0() {
        int code = run("simulate-ai", "--help");

        assertThat(code).isZero();
        assertThat(out.toString()).contains("--port", "--mode", "--ttft-ms", "--error-rate", "--disconnect-after-chunks");
    }

    @Test
    void simulateAi_badMode_exits2() {
        int code = run("simulate-ai", "--mode", "chatty");

        assertThat(code).isEqualTo(2);
        assertThat(err.toString()).contains("chatty");
    }

    @Test
    void simulateAi_badErrorStatus_exits2() {
        int code = run("simulate-ai", "--port", "0", "--error-status", "404");

        assertThat(code).isEqualTo(2);
        assertThat(err.toString()).contains("errorStatus");
    }

    @Test
    void simulateAi_portInUse_printsOneLineAndExits1() {
        try (AiSimulator taken = AiSimulator.start(SimulatorSettings.builder().build())) {
            int code = run("simulate-ai", "--port", String.valueOf(taken.port()));

            assertThat(code).isEqualTo(1);
            assertThat(err.toString().strip()).isEqualTo("qorgan: port " + taken.port() + " is in use");
        }
    }
}
