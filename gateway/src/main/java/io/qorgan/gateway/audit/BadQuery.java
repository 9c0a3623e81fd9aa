package io.qorgan.gateway.audit;

/** A search that cannot run as written; the message says where, never repeating the query's text. */
public final class BadQuery extends Exception {

    public BadQuery(String message) {
        super(message, null, false, false);
    }
}
