package io.qorgan.gateway.cli;

import static org.assertj.core.api.Assertions.assertThat;

import io.qorgan.gateway.testing.Cli;
import io.qorgan.gateway.testing.IntegrationTest;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

@IntegrationTest
class QorganCommandTest {

    private final Cli cli = new Cli();

    private int run(String... args) {
        return cli.run(args);
    }

    @Test
    void version_printsVersion_exit0() {
        assertThat(run("--version")).isZero();
        assertThat(cli.out()).startsWith("qorgan ");
    }

    @Test
    void serveHelp_listsOptions_exit0() {
        assertThat(run("serve", "--help")).isZero();
        assertThat(cli.out()).contains("--config").contains("--upstream").contains("--port");
    }

    @Test
    void everyCommand_hasHelp() {
        for (String command : QorganCommand.commandLine().getSubcommands().keySet()) {
            cli.clear();
            assertThat(run(command, "--help")).as(command).isZero();
            assertThat(cli.out()).as(command).contains("Usage:");
        }
    }

    @Test
    void serve_withoutConfigOrUpstream_usageError_exit2() {
        assertThat(run("serve")).isEqualTo(2);
        assertThat(cli.err()).contains("give --config FILE or --upstream URL");
    }

    @Test
    void unknownOption_exit2() {
        assertThat(run("serve", "--no-such-flag")).isEqualTo(2);
    }

    @Test
    void serve_badConfig_oneLineError_exit1(@TempDir Path dir) throws Exception {
        Path file = dir.resolve("qorgan.yaml");
        Files.writeString(
                file,
                "upstreams:\n  a: { baseUrl: http://127.0.0.1:1 }\nroutes:\n  - { pathPrefix: /v1, upstream: b }\n");
        assertThat(run("serve", "--config", file.toString())).isEqualTo(1);
        String message = cli.err().strip();
        assertThat(message)
                .doesNotContain("\n")
                .doesNotContain("Exception")
                .startsWith("qorgan: " + file + ":4:")
                .contains("routes[0].upstream")
                .contains("unknown upstream `b`");
    }

    @Test
    void serve_portInUse_oneLineError_exit1() throws Exception {
        try (ServerSocket taken = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            int code = run(
                    "serve",
                    "--upstream",
                    "http://127.0.0.1:9",
                    "--port",
                    Integer.toString(taken.getLocalPort()),
                    "--admin-port",
                    "0");
            assertThat(code).isEqualTo(1);
            assertThat(cli.err().strip()).isEqualTo("qorgan: 127.0.0.1:" + taken.getLocalPort() + " is already in use");
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "keys", "certs", "policy"})
    void commandWithoutSubcommand_printsUsageToStandardError_exit2(String command) {
        int code = command.isEmpty() ? run() : run(command);

        assertThat(code).isEqualTo(2);
        assertThat(cli.out()).isEmpty();
        assertThat(cli.err()).contains("Missing required subcommand").contains("Usage: qorgan");
    }
}
