package io.qorgan.gateway.config;

/**
 * A configuration that cannot be used, with where the problem is: {@code file:line:column: field:
 * message}. Line and column are 1-based; 0 when unknown.
 */
public class ConfigException extends RuntimeException {

    private final String file;
    private final int line;
    private final int column;
    private final String field;

    public ConfigException(String file, int line, int column, String field, String message) {
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

    public String field() {
        return field;
    }

    /** {@code file:line:column: field: message}, the form every file-validation error takes. */
    public static String format(String file, int line, int column, String field, String message) {
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
