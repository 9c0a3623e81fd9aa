package io.qorgan.gateway.exchange;

/** What preparing an exchange gave: one ready to forward, or the error to answer instead, nothing forwarded. */
public sealed interface Preparation {

    /** The exchange may go on to its upstream. */
    record Ready(PreparedExchange exchange) implements Preparation {}

    /**
     * The request is answered by the gateway itself; nothing was forwarded.
     *
     * @param error the answer
     * @param decision what was decided and found before the refusal (counts, verdict), for the audit record
     */
    record Refused(GatewayError error, PreparedExchange.Decision decision) implements Preparation {}
}
