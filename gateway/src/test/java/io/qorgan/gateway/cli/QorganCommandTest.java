package io.qorgan.gateway.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

class QorganCommandTest {

    private final StringWriter out = new StringWriter();
    private final StringWriter err = new StringWriter();

    private int run(String... args) {
        CommandLine cl = QorganCommand.commandLine();
        cl.setOut(new PrintWriter(out, true));
        cl.setErr(new PrintWriter(err, true));
        return cl.execute(args);
    }

    @Test
    void version_printsVersion_exit0() {
        assertThat(run("--version")).isZero();
        assertThat(out.toString()).startsWith("qorgan ");
    }

    @Test
    void serveHelp_listsOptions_exit0() {
        assertThat(run("serve", "--help")).isZero();
        assertThat(out.toString()).contains("--config").contains("--upstream").contains("--port");
    }

    @Test
    void everyCommand_hasHelp() {
        for (String command : QorganCommand.commandLine().getSubcommands().keySet()) {
            out.getBuffer().setLength(0);
            assertThat(run(command, "--help")).as(command).isZero();
            assertThat(out.toString()).as(command).contains("Usage:");
        }
    }

    @Test
    void serve_withoutConfigOrUpstream_usageError_exit2() {
        assertThat(run("serve")).isEqualTo(2);
        assertThat(err.toString()).contains("give --config FILE or --upstream URL");
    }

    @Test
    void unknownOption_exit2() {
        assertThat(run("serve", "--no-such-flag")).isEqualTo(2);
    }

    @Test
    void serve_badConfig_oneLineError_exit1(@TempDir Path dir) throws Exception {
        Path file = dir.resolve("qorgan.yaml");
        Files.writeString(file, "upstreams:\n  a: { baseUrl: http://127.0.0.1:1 }\nroutes:\n  - { pathPrefix: /v1, upstream: b }\n");
        assertThat(run("serve", "--config", file.toString())).isEqualTo(1);
        String message = err.toString().strip();
        assertThat(message).doesNotContain("\n").doesNotContain("Exception")
                .startsWith("qorgan: " + file + ":4:").contains("routes[0].upstream").contains("unknown upstream `b`");
    }

    @Test
    void serve_portInUse_oneLineError_exit1() throws Exception {
        try (java.net.ServerSocket taken = new java.net.ServerSocket(0, 1, java.net.InetAddress.getLoopbackAddress())) {
            int code = run("serve", "--upstream", "http://127.0.0.1:9", "--port", Integer.toString(taken.getLocalPort()),
                    "--admin-port", "0");
            assertThat(code).isEqualTo(1);
            assertThat(err.toString().strip()).isEqualTo("qorgan: 127.0.0.1:" + taken.getLocalPort() + " is already in use");
        }
    }
}
