package io.qorgan.gateway.crypto;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Objects;
import java.util.function.UnaryOperator;

/**
 * Where a secret (e.g. an upstream's API key) comes from: {@code env:NAME} (an environment
 * variable), {@code file:/path} (a file's content, trailing newline removed), or a literal value.
 *
 * <p>Resolved on demand, so a rotated file is picked up by the next {@link #resolve} call. Printed
 * forms never show a literal secret: {@code toString} is {@code ****} for a literal and the
 * reference itself ({@code env:NAME}, {@code file:/path}) otherwise, since a name is not a secret.
 * Resolution reads a file: call it off the event loop.
 */
public final class SecretRef {

    /** Where the value lives. */
    public enum Kind {
        ENV,
        FILE,
        LITERAL
    }

    private final Kind kind;
    private final String reference;

    private SecretRef(Kind kind, String reference) {
        this.kind = kind;
        this.reference = reference;
    }

    /** Parses a configured value; blank values are refused. */
    public static SecretRef parse(String value) {
        Objects.requireNonNull(value, "secret value");
        if (value.startsWith("env:")) {
            String name = value.substring(4);
            if (!name.matches("[A-Za-z_][A-Za-z0-9_]*")) {
                throw new IllegalArgumentException("env: needs a variable name, e.g. env:UPSTREAM_API_KEY");
            }
            return new SecretRef(Kind.ENV, name);
        }
        if (value.startsWith("file:")) {
            String path = value.substring(5);
            if (path.isBlank()) {
                throw new IllegalArgumentException("file: needs a path, e.g. file:/run/secrets/upstream-key");
            }
            return new SecretRef(Kind.FILE, path);
        }
        if (value.isBlank()) {
            throw new IllegalArgumentException("secret is blank");
        }
        return new SecretRef(Kind.LITERAL, value);
    }

    public Kind kind() {
        return kind;
    }

    /** The secret, reading the process environment for {@code env:}. */
    public String resolve() throws IOException {
        return resolve(System::getenv);
    }

    /**
     * The secret, reading environment variables through {@code environment} (tests pass a map).
     *
     * @throws IOException naming the variable or file (never the value) when it is missing or empty
     */
    public String resolve(UnaryOperator<String> environment) throws IOException {
        String value = switch (kind) {
            case ENV -> environment.apply(reference);
            case FILE -> readFile(Path.of(reference));
            case LITERAL -> reference;
        };
        if (value == null || value.isEmpty()) {
            throw new IOException(this + " is not set or empty");
        }
        return value;
    }

    private static String readFile(Path file) throws IOException {
        String text = Files.readString(file, StandardCharsets.UTF_8);
        return text.strip();
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof SecretRef that && kind == that.kind && reference.equals(that.reference);
    }

    @Override
    public int hashCode() {
        return Objects.hash(kind, reference);
    }

    @Override
    public String toString() {
        return switch (kind) {
            case ENV -> "env:" + reference;
            case FILE -> "file:" + reference;
            case LITERAL -> "****";
        };
    }
}
