package io.qorgan.gateway.exchange;

/** What preparing an exchange gave: one ready to forward, or the error to answer instead, nothing forwarded. */
public sealed interface Preparation {

    /**
     * The exchange may go on to its upstream.
     *
     * @param fallback what preparing it for another upstream of its route needs (the findings, the texts, the policy
     *     set that judged it), or null when its route has one upstream
     */
    record Ready(PreparedExchange exchange, ExchangePreparer.Fallback fallback) implements Preparation {

        public Ready(PreparedExchange exchange) {
            this(exchange, null);
        }
    }

    /**
     * The request is answered by the gateway itself; nothing was forwarded.
     *
     * @param error the answer
     * @param decision what was decided and found before the refusal (counts, verdict), for the audit record
     * @param model the body's {@code model} as the gateway read it, for the audit record; null when the body was not
     *     read or had none
     */
    record Refused(GatewayError error, PreparedExchange.Decision decision, String model) implements Preparation {}
}
