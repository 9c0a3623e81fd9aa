package io.qorgan.gateway.cli;

import picocli.CommandLine;
import picocli.CommandLine.Command;

/**
 * The root command. Exit codes: 0 ok, 1 runtime failure, 2 usage error; user errors print one
 * line, not a stack trace.
 */
@Command(
        name = "qorgan",
        mixinStandardHelpOptions = true,
        versionProvider = VersionProvider.class,
        description = "On-premise privacy gateway between agency systems and AI services.",
        subcommands = {
            CommandLine.HelpCommand.class,
            ServeCommand.class,
            DemoCommand.class,
            SimulateAiCommand.class,
            ScanCommand.class,
            PolicyCommand.class,
            KeysCommand.class,
            AuditCommand.class,
            CertsCommand.class
        })
public final class QorganCommand {

    // Not runnable: without a subcommand picocli prints "Missing required subcommand" and the usage to standard
    // error and exits 2, a usage error.

    /** The configured command line: exit codes and one-line error reporting. */
    public static CommandLine commandLine() {
        CommandLine cl = new CommandLine(new QorganCommand());
        cl.setExecutionExceptionHandler((e, commandLine, parseResult) -> {
            commandLine.getErr().println("qorgan: " + CliErrors.describe(e));
            return e instanceof UserError ue ? ue.exitCode() : 1;
        });
        return cl;
    }
}
