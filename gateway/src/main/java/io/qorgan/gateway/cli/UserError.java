package io.qorgan.gateway.cli;

/** A mistake of the user (bad file, bad value): printed as one line, never as a stack trace. */
public class UserError extends RuntimeException {

    private final int exitCode;

    public UserError(String message) {
        this(message, 1);
    }

    public UserError(String message, int exitCode) {
        super(message, null, false, false);
        this.exitCode = exitCode;
    }

    public int exitCode() {
        return exitCode;
    }
}
