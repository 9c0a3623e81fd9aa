package io.qorgan.gateway.policy;

import io.qorgan.gateway.config.ConfigException;

/**
 * A policy (or a policy test file) that cannot be used, with where the problem is:
 * {@code file:line:column: field: message}. Line and column are 1-based; 0 when unknown.
 * Messages name keys, ids and values written by the security officer, never request text.
 */
public final class PolicyException extends ConfigException {

    public PolicyException(String file, int line, int column, String field, String message) {
        super(file, line, column, field, message);
    }
}
