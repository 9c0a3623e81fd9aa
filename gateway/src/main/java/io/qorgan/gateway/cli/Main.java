package io.qorgan.gateway.cli;

import picocli.CommandLine;

/** Entry point of {@code qorgan.jar}: runs the picocli command tree and exits with its code. */
public final class Main {

    private Main() {
    }

    public static void main(String[] args) {
        System.exit(QorganCommand.commandLine().execute(args));
    }
}
