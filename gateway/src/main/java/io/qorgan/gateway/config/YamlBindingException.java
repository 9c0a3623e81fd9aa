package io.qorgan.gateway.config;

/**
 * A YAML file that {@link YamlBinder} could not read or bind, with where: file, 1-based line and column (0 when
 * unknown), the field as a reader writes it ({@code routes[0].upstream}, empty for the whole file) and the problem.
 * The message is {@link ConfigException#format}'s; each loader maps this to its own exception type.
 */
public final class YamlBindingException extends RuntimeException {

    private final String file;
    private final int line;
    private final int column;
    private final String field;
    private final String problem;

    YamlBindingException(String file, int line, int column, String field, String problem) {
        super(ConfigException.format(file, line, column, field, problem), null, false, false);
        this.file = file;
        this.line = line;
        this.column = column;
        this.field = field == null ? "" : field;
        this.problem = problem;
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

    /** The field, e.g. {@code callers[1].agency}; empty for the whole file. */
    public String field() {
        return field;
    }

    /** What is wrong, without the location. */
    public String problem() {
        return problem;
    }
}
