package io.qorgan.gateway.identity;

import io.qorgan.gateway.config.ConfigException;
import java.io.IOException;
import java.nio.file.Path;

/**
 * The identity store file is invalid. The message reads {@code FILE:LINE:COLUMN: FIELD: problem}
 * and never contains a key, a hash or other credential material. A checked exception (the store is
 * a file the caller may retry), with the location kept as the configuration's own error.
 */
public final class IdentityStoreException extends IOException {

    private final ConfigException where;

    IdentityStoreException(Path file, int line, int column, String field, String problem) {
        this(new ConfigException(String.valueOf(file), line, column, field, problem));
    }

    private IdentityStoreException(ConfigException where) {
        super(where.getMessage());
        this.where = where;
    }

    /** 1-based line, or 0 when unknown. */
    public int line() {
        return where.line();
    }

    public int column() {
        return where.column();
    }

    /** The field path, e.g. {@code callers[1].agency}; empty for the whole file. */
    public String field() {
        return where.field();
    }
}
