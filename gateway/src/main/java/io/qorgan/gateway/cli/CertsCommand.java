package io.qorgan.gateway.cli;

import io.qorgan.gateway.crypto.ExampleCertificates;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.security.SecureRandom;
import java.time.Clock;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** {@code qorgan certs example}: a CA, a server and two agency client certificates for a trial. */
@Command(
        name = "certs",
        mixinStandardHelpOptions = true,
        description = "Certificates for trials.",
        subcommands = {CertsCommand.Example.class})
final class CertsCommand {

    // Not runnable: without a subcommand picocli prints "Missing required subcommand" and the usage to standard
    // error and exits 2, a usage error.

    @Command(
            name = "example",
            mixinStandardHelpOptions = true,
            description = {
                "Write a trial CA, a server certificate (localhost, 127.0.0.1, ::1) and client",
                "certificates for agencies egov and health: PEM files plus a PKCS#12 per client.",
                "The PKCS#12 passwords are printed once. Not for production."
            })
    static final class Example implements Callable<Integer> {

        @CommandLine.Spec
        CommandLine.Model.CommandSpec spec;

        @Option(
                names = "--out",
                defaultValue = "certs-example",
                description = "Output directory (default: ${DEFAULT-VALUE}).")
        Path out = Paths.get("certs-example");

        @Option(names = "--force", description = "Overwrite existing files.")
        boolean force;

        @Override
        public Integer call() {
            ExampleCertificates.Result result;
            try {
                result = new ExampleCertificates(new SecureRandom(), Clock.systemUTC()).write(out, force);
            } catch (FileAlreadyExistsException e) {
                throw new UserError(e.getFile());
            } catch (IOException e) {
                throw new UserError("cannot write certificates to " + out + ": " + CliErrors.describe(e));
            }
            PrintWriter stdout = spec.commandLine().getOut();
            stdout.println("wrote to " + result.directory() + ":");
            for (Path file : result.files()) {
                stdout.println("  " + file.getFileName());
            }
            stdout.println("PKCS#12 passwords (shown only now):");
            for (Map.Entry<String, String> entry : result.p12Passwords().entrySet()) {
                stdout.println("  " + entry.getKey() + ".p12: " + entry.getValue());
            }
            stdout.println("ca-key.pem signs certificates: keep it away from the gateway host.");
            stdout.flush();
            return 0;
        }
    }
}
