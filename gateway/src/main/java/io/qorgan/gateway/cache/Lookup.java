package io.qorgan.gateway.cache;

/** What the cache says of one request, from {@link AnswerCache#lookup}. */
public sealed interface Lookup {

    /**
     * The request is not the cache's: forward it, store nothing.
     *
     * @param reason why, for the metric (never in the answer): {@code disabled}, {@code method}, {@code no_body},
     *     {@code unread_body}, {@code identifying_values}, {@code directive}, {@code no_store}, {@code not_json},
     *     {@code upstream_state}, {@code not_deterministic}, {@code busy}
     */
    record Bypass(String reason) implements Lookup {}

    /** The caller's {@code X-Qorgan-Cache} is neither {@code allow} nor {@code bypass}: answer 400, forward nothing. */
    record Invalid(String message) implements Lookup {}

    /** A stored answer, in the form the caller asked for, to restore with this request's own vault. */
    record Hit(Served answer) implements Lookup {}

    /** Nothing stored: forward, then offer the answer to the ticket (or abandon it). */
    record Miss(Ticket ticket) implements Lookup {}

    /** An identical request is with the upstream now: wait for its answer. */
    record Wait(Flight flight) implements Lookup {}

    /**
     * A stored answer as it is served.
     *
     * @param status the stored answer's status
     * @param contentType the {@code Content-Type} of {@code body}
     * @param streamed whether {@code body} is a stream's events
     * @param body placeholders, not originals: the answer goes through the restore stage like an upstream's
     */
    record Served(int status, String contentType, boolean streamed, byte[] body) {

        @Override
        public String toString() {
            return "Served[" + status + ", " + contentType + ", bytes=" + body.length + "]";
        }
    }
}
