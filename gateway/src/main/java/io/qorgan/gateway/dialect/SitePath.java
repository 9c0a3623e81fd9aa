package io.qorgan.gateway.dialect;

/**
 * A path in a body made from its holder's when first asked: a walk names every string, key, number and container
 * it passes, and few readers want their paths. Immutable once made; one walk's, on one thread.
 */
class SitePath {

    /** What this path continues: an object or array of a walk, or a document's root. */
    private final SitePath holder;
    /** The last segment under {@link #holder}; null when the path is the holder's own. */
    private final String segment;

    private String path;

    SitePath(String path) {
        this.path = path;
        this.holder = null;
        this.segment = null;
    }

    SitePath(SitePath holder, String segment) {
        this.holder = holder;
        this.segment = segment;
    }

    public String path() {
        String p = path;
        if (p == null) {
            p = segment == null ? holder.path() : holder.path() + '/' + segment;
            path = p;
        }
        return p;
    }
}
