package io.qorgan.gateway.testing;

import io.qorgan.gateway.cli.QorganCommand;
import java.io.PrintWriter;
import java.io.StringWriter;
import picocli.CommandLine;

/** Runs {@code qorgan} commands in-process, gathering what they print across runs. */
public final class Cli {

    private final StringWriter out = new StringWriter();
    private final StringWriter err = new StringWriter();

    /** The exit code of {@code qorgan args...}. */
    public int run(String... args) {
        CommandLine cl = QorganCommand.commandLine();
        cl.setOut(new PrintWriter(out, true));
        cl.setErr(new PrintWriter(err, true));
        return cl.execute(args);
    }

    /** Standard output of every run so far. */
    public String out() {
        return out.toString();
    }

    public String err() {
        return err.toString();
    }

    /** Forgets what was printed so far. */
    public void clear() {
        out.getBuffer().setLength(0);
        err.getBuffer().setLength(0);
    }
}
