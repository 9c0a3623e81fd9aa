package io.qorgan.gateway.cli;

/** Turns an exception into the one line a command prints. */
final class CliErrors {

    private CliErrors() {}

    static String describe(Throwable e) {
        String message = e.getMessage();
        if (message == null || message.isBlank()) {
            return e.getClass().getSimpleName();
        }
        return message;
    }
}
