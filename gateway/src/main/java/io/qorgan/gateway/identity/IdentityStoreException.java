package io.qorgan.gateway.identity;

import io.qorgan.gateway.config.ConfigException;
import java.io.IOException;
import java.nio.file.Path;

/**
 * The identity store file is invalid. The message reads {@code FILE:LINE:COLUMN: FIELD: problem}
 * and never contains a key, a hash or other credential material.
 */
public final class IdentityStoreException extends IOException {

    private final transient Path file;
    private final int line;
    private final int column;
    private final String field;

    IdentityStoreException(Path file, int line, int column, String field, String problem) {
        super(ConfigException.format(String.valueOf(file), line, column, field, problem));
        this.file = file;
        this.line = line;
        this.column = column;
        this.field = field;
    }

    public Path file() {
        return file;
    }

    /** 1-based line, or 0 when unknown. */
    public int line() {
        return line;
    }

    public int column() {
        return column;
    }

    /** The field path, e.g. {@code callers[1].agency}; empty for the whole file. */
    public String field() {
        return field;
    }
}
