package io.qorgan.gateway.policy;

/**
 * A policy (or a policy test file) that cannot be used, with where the problem is:
 * {@code file:line:column: field: message}. Line and column are 1-based; 0 when unknown.
 * Messages name keys, ids and values written by the security officer, never request text.
 */
public final class PolicyException extends RuntimeException {

    private final String file;
    private final int line;
    private final int column;
    private final String field;

    public PolicyException(String file, int line, int column, String field, String message) {
        super(format(file, line, column, field, message), null, false, false);
        this.file = file;
        this.line = line;
        this.column = column;
        this.field = field;
    }

    public String file() {
        return file;
    }

    public int line() {
        return line;
    }

    public int column() {
        return column;
    }

    /** The field as a reader writes it ({@code rules[2].query}), or null. */
    public String field() {
        return field;
    }

    private static String format(String file, int line, int column, String field, String message) {
        StringBuilder sb = new StringBuilder(file);
        if (line > 0) {
            sb.append(':').append(line);
            if (column > 0) {
                sb.append(':').append(column);
            }
        }
        sb.append(": ");
        if (field != null && !field.isEmpty()) {
            sb.append(field).append(": ");
        }
        return sb.append(message).toString();
    }
}
