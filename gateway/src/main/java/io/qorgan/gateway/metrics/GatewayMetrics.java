package io.qorgan.gateway.metrics;

import io.prometheus.metrics.core.datapoints.CounterDataPoint;
import io.prometheus.metrics.core.datapoints.DistributionDataPoint;
import io.prometheus.metrics.core.metrics.Counter;
import io.prometheus.metrics.core.metrics.CounterWithCallback;
import io.prometheus.metrics.core.metrics.Gauge;
import io.prometheus.metrics.core.metrics.GaugeWithCallback;
import io.prometheus.metrics.core.metrics.Histogram;
import io.prometheus.metrics.expositionformats.PrometheusTextFormatWriter;
import io.prometheus.metrics.model.registry.PrometheusRegistry;
import io.prometheus.metrics.model.snapshots.Unit;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicReferenceArray;
import java.util.function.DoubleSupplier;
import java.util.function.Supplier;

/**
 * Every metric of the gateway, by name, in one registry. Label values are routes, upstreams,
 * status codes and error codes — never anything taken from a request's content.
 *
 * <p>Every exchange ends in {@link #exchangeFinished}, so its series are looked up once per route,
 * upstream and status and kept, rather than found by their label values on every request. The
 * duration histogram keeps classic buckets only and no exemplars: the text exposition the admin
 * endpoint serves shows neither native buckets nor exemplars. Thread-safe.
 */
public final class GatewayMetrics {

    private final PrometheusRegistry registry = new PrometheusRegistry();

    private final Counter requests = Counter.builder()
            .name("qorgan_requests_total")
            .help("Exchanges finished, by route prefix, upstream and HTTP status")
            .labelNames("route", "upstream", "status")
            .register(registry);

    private final Counter rejected = Counter.builder()
            .name("qorgan_rejected_total")
            .help("Requests the gateway answered itself with an error, by error code")
            .labelNames("code")
            .register(registry);

    private final Counter bodyBudgetSpent = Counter.builder()
            .name("qorgan_body_budget_refusals_total")
            .help("Requests answered 503 before their body was read because the memory for bodies was spent")
            .register(registry);

    private final Counter headersDropped = Counter.builder()
            .name("qorgan_request_headers_dropped_total")
            .help("Client header values not passed on (a gateway key, malformed tracing or forwarding headers, "
                    + "an unsafe request id replaced by a fresh one), by reason")
            .labelNames("reason")
            .register(registry);

    private final Counter upstreamFailures = Counter.builder()
            .name("qorgan_upstream_failures_total")
            .help("Exchanges that failed on the upstream side, by upstream and kind")
            .labelNames("upstream", "kind")
            .register(registry);

    private final Counter retries = Counter.builder()
            .name("qorgan_upstream_retries_total")
            .help("Requests sent again to the same upstream before any of the answer was relayed: a stale keep-alive "
                    + "connection, a failed connection or time-out, or an answer of 429, 502, 503 or 504")
            .labelNames("upstream")
            .register(registry);

    private final Counter clientsStalled = Counter.builder()
            .name("qorgan_clients_stalled_total")
            .help("Exchanges cut because the client took nothing of its answer for limits.idleTimeout, by route")
            .labelNames("route")
            .register(registry);

    private final Counter failovers = Counter.builder()
            .name("qorgan_upstream_failovers_total")
            .help("Requests sent to the route's next upstream after the one before failed or was skipped")
            .labelNames("from", "to")
            .register(registry);

    private final Counter skipped = Counter.builder()
            .name("qorgan_upstream_skipped_total")
            .help(
                    "Upstreams of a route passed over for a request, by reason: breaker_open, policy (the caller's policy "
                            + "does not allow this data there) or permission")
            .labelNames("upstream", "reason")
            .register(registry);

    private final Counter budgetSpent = Counter.builder()
            .name("qorgan_upstream_retry_budget_exhausted_total")
            .help("Retries not made because the upstream's retry budget was spent")
            .labelNames("upstream")
            .register(registry);

    private final Counter rateLimited = Counter.builder()
            .name("qorgan_rate_limited_total")
            .help("Requests refused with 429 rate_limited on their head, by agency and the limit they went over")
            .labelNames("agency", "limit")
            .register(registry);

    private final Counter tokens = Counter.builder()
            .name("qorgan_tokens_total")
            .help("Tokens reported by the answers of agencies under a token limit")
            .labelNames("agency")
            .register(registry);

    private final Counter quotaDecisions = Counter.builder()
            .name("qorgan_quota_decisions_total")
            .help(
                    "Rate and token limits decided, by where: store (the fleet's shared store) or node (this node's share: "
                            + "no shared store, or it could not be reached)")
            .labelNames("where")
            .register(registry);

    private final Counter fleetStoreFailures = Counter.builder()
            .name("qorgan_fleet_store_failures_total")
            .help("Operations on the fleet's shared store that failed or timed out, by operation")
            .labelNames("op")
            .register(registry);

    private final Counter breakerTransitions = Counter.builder()
            .name("qorgan_upstream_breaker_transitions_total")
            .help("Circuit breaker state changes, by upstream and the state entered")
            .labelNames("upstream", "state")
            .register(registry);

    private final Counter clientAborts = Counter.builder()
            .name("qorgan_client_aborts_total")
            .help("Exchanges cancelled because the client disconnected before the answer ended")
            .labelNames("route")
            .register(registry);

    private final Counter tlsFailures = Counter.builder()
            .name("qorgan_tls_handshake_failures_total")
            .help("TLS handshakes that failed, by listener and reason")
            .labelNames("listener", "reason")
            .register(registry);

    private final Counter entities = Counter.builder()
            .name("qorgan_entities_total")
            .help(
                    "Personal data found, by entity type and direction: request (protected) or answer (produced by the model)")
            .labelNames("type", "direction")
            .register(registry);

    private final Counter protectionFailures = Counter.builder()
            .name("qorgan_protection_refused_total")
            .help("Requests not forwarded because protection could not be applied, by code")
            .labelNames("code")
            .register(registry);

    private final Counter restorationFailures = Counter.builder()
            .name("qorgan_restoration_failures_total")
            .help("Answers that could not be restored and were cut or refused, by code")
            .labelNames("code")
            .register(registry);

    private final Counter policyDecisions = Counter.builder()
            .name("qorgan_policy_decisions_total")
            .help("Policy verdicts by policy and outcome: passed, blocked, or shadow_blocked (would have blocked)")
            .labelNames("policy", "outcome")
            .register(registry);

    private final Counter policyRules = Counter.builder()
            .name("qorgan_policy_rules_fired_total")
            .help("Policy rules that fired, by rule id and mode (enforce or shadow)")
            .labelNames("rule", "mode")
            .register(registry);

    private final Histogram duration = Histogram.builder()
            .name("qorgan_request_duration_seconds")
            .help("Time from a complete request to the end of its answer")
            .unit(Unit.SECONDS)
            .classicUpperBounds(0.001, 0.0025, 0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10, 30, 60, 120)
            .classicOnly()
            .withoutExemplars()
            .labelNames("route")
            .register(registry);

    private final Histogram protectionTime = Histogram.builder()
            .name("qorgan_protection_seconds")
            .help("Time one exchange spent in protection, on its thread: stage request (detection, rewriting, "
                    + "policies) or answer (restoration and scanning, all of a stream's events together)")
            .unit(Unit.SECONDS)
            .classicUpperBounds(
                    0.00001, 0.000025, 0.00005, 0.0001, 0.00025, 0.0005, 0.001, 0.0025, 0.005, 0.01, 0.025, 0.1, 1)
            .classicOnly()
            .withoutExemplars()
            .labelNames("stage")
            .register(registry);
    private final DistributionDataPoint requestProtection = protectionTime.labelValues("request");
    private final DistributionDataPoint answerProtection = protectionTime.labelValues("answer");

    /** Time an exchange spent protecting its request. */
    public void requestProtected(long nanos) {
        requestProtection.observe(nanos / 1e9);
    }

    /** Time an exchange spent restoring and scanning its answer. */
    public void answerRestored(long nanos) {
        answerProtection.observe(nanos / 1e9);
    }

    private final Gauge inFlight = Gauge.builder()
            .name("qorgan_exchanges_in_flight")
            .help("Exchanges between a complete request and the end of its answer")
            .register(registry);

    public void exchangeStarted() {
        inFlight.inc();
    }

    /** The series of finished exchanges, by route; filled as routes are first used. */
    private final ConcurrentHashMap<String, RouteSeries> finished = new ConcurrentHashMap<>();

    public void exchangeFinished(String route, String upstream, int status, long nanos) {
        RouteSeries series = finished.get(route);
        if (series == null) {
            series = finished.computeIfAbsent(route, RouteSeries::new);
        }
        series.requests(upstream, status).inc();
        series.duration.observe(nanos / 1e9);
        // last: a scrape that sees no exchange in flight sees every finished one counted
        inFlight.dec();
    }

    /** The request counters and duration histogram of one route, by upstream and status. */
    private final class RouteSeries {
        /** Statuses below this are kept in an array; others (none expected) are looked up each time. */
        private static final int STATUS_LIMIT = 600;

        private final String route;
        private final DistributionDataPoint duration;
        private final ConcurrentHashMap<String, AtomicReferenceArray<CounterDataPoint>> byUpstream =
                new ConcurrentHashMap<>();

        RouteSeries(String route) {
            this.route = route;
            this.duration = GatewayMetrics.this.duration.labelValues(route);
        }

        CounterDataPoint requests(String upstream, int status) {
            if (status < 0 || status >= STATUS_LIMIT) {
                return GatewayMetrics.this.requests.labelValues(route, upstream, Integer.toString(status));
            }
            AtomicReferenceArray<CounterDataPoint> byStatus = byUpstream.get(upstream);
            if (byStatus == null) {
                byStatus = byUpstream.computeIfAbsent(upstream, u -> new AtomicReferenceArray<>(STATUS_LIMIT));
            }
            CounterDataPoint counter = byStatus.get(status);
            if (counter == null) {
                // labelValues returns the same series for the same labels, so a race only repeats the lookup
                counter = GatewayMetrics.this.requests.labelValues(route, upstream, Integer.toString(status));
                byStatus.set(status, counter);
            }
            return counter;
        }
    }

    private final Counter cacheRequests = Counter.builder()
            .name("qorgan_cache_requests_total")
            .help("Requests on protected routes by what the answer cache did: hit (served from the cache), miss "
                    + "(forwarded, not stored), stored (forwarded and stored), bypass (not the cache's)")
            .labelNames("route", "outcome")
            .register(registry);

    private final Counter cacheBypasses = Counter.builder()
            .name("qorgan_cache_bypasses_total")
            .help("Requests the answer cache did not take, by route and reason")
            .labelNames("route", "reason")
            .register(registry);

    private final Counter cacheNotStored = Counter.builder()
            .name("qorgan_cache_not_stored_total")
            .help("Answers of cache misses that were not stored, by reason (status, personal_data, too_large, "
                    + "incomplete, not_json)")
            .labelNames("reason")
            .register(registry);

    private final Counter cacheEvictions = Counter.builder()
            .name("qorgan_cache_evictions_total")
            .help("Cached answers removed, by cause: expired, size (memory full), purged, replaced")
            .labelNames("cause")
            .register(registry);

    private final Counter cacheUpstreamSaved = Counter.builder()
            .name("qorgan_cache_upstream_seconds_saved_total")
            .help("Upstream time that cache hits did not spend: the stored answer's own upstream time, per hit")
            .register(registry);

    private final Counter cacheTokensSaved = Counter.builder()
            .name("qorgan_cache_tokens_saved_total")
            .help("Tokens that cache hits did not spend, from the stored answers' usage, by kind (input, output)")
            .labelNames("kind")
            .register(registry);
    private final CounterDataPoint inputTokensSaved = cacheTokensSaved.labelValues("input");
    private final CounterDataPoint outputTokensSaved = cacheTokensSaved.labelValues("output");

    /** What the answer cache did with a request on a protected route: hit, miss, stored or bypass. */
    public void cacheRequest(String route, String outcome) {
        cacheRequests.labelValues(route, outcome).inc();
    }

    /** Why the answer cache did not take a request. */
    public void cacheBypassed(String route, String reason) {
        cacheBypasses.labelValues(route, reason).inc();
    }

    public void cacheNotStored(String reason) {
        cacheNotStored.labelValues(reason).inc();
    }

    public void cacheEvicted(String cause) {
        cacheEvictions.labelValues(cause).inc();
    }

    /** A hit: the upstream time and tokens its stored answer had cost. */
    public void cacheSaved(long upstreamNanos, long inputTokens, long outputTokens) {
        cacheUpstreamSaved.inc(upstreamNanos / 1e9);
        if (inputTokens > 0) {
            inputTokensSaved.inc(inputTokens);
        }
        if (outputTokens > 0) {
            outputTokensSaved.inc(outputTokens);
        }
    }

    /** A request turned away because {@code limits.maxBufferedBodies} was spent (also counted as rejected). */
    public void bodyBudgetSpent() {
        bodyBudgetSpent.inc();
    }

    public void rejected(String code) {
        rejected.labelValues(code).inc();
    }

    public void headerDropped(String reason) {
        headersDropped.labelValues(reason).inc();
    }

    public void upstreamFailure(String upstream, String kind) {
        upstreamFailures.labelValues(upstream, kind).inc();
    }

    public void retried(String upstream) {
        retries.labelValues(upstream).inc();
    }

    public void failedOver(String from, String to) {
        failovers.labelValues(from, to).inc();
    }

    /** An upstream passed over: {@code breaker_open}, {@code policy} or {@code permission}. */
    public void upstreamSkipped(String upstream, String reason) {
        skipped.labelValues(upstream, reason).inc();
    }

    public void retryBudgetExhausted(String upstream) {
        budgetSpent.labelValues(upstream).inc();
    }

    public void rateLimited(String agency, String limit) {
        rateLimited.labelValues(agency, limit).inc();
    }

    public void tokens(String agency, long count) {
        tokens.labelValues(agency).inc(count);
    }

    /** A rate or token limit decided {@code store} (fleet-wide) or {@code node} (this node's share). */
    public void quotaDecided(String where) {
        quotaDecisions.labelValues(where).inc();
    }

    public void fleetStoreFailed(String op) {
        fleetStoreFailures.labelValues(op).inc();
    }

    public void breakerTransition(String upstream, String state) {
        breakerTransitions.labelValues(upstream, state).inc();
    }

    /**
     * A gauge with one series per key and state, read at scrape time: 1 for the state each key is in, 0 for the others
     * (as circuit breakers are usually shown).
     */
    public void stateGauge(
            String name, String help, String keyLabel, List<String> states, Supplier<Map<String, String>> current) {
        GaugeWithCallback.builder()
                .name(name)
                .help(help)
                .labelNames(keyLabel, "state")
                .callback(cb -> current.get().forEach((key, state) -> {
                    for (String s : states) {
                        cb.call(s.equals(state) ? 1 : 0, key, s);
                    }
                }))
                .register(registry);
    }

    public void entities(String direction, Map<? extends Enum<?>, Integer> counts) {
        for (var e : counts.entrySet()) {
            if (e.getValue() > 0) {
                entities.labelValues(e.getKey().name(), direction).inc(e.getValue());
            }
        }
    }

    /** A policy's decision: which policy, its outcome, and the enforced and shadow rules that fired (ids). */
    public void policyDecision(String policy, String outcome, List<String> firedRules, List<String> shadowRules) {
        policyDecisions.labelValues(policy, outcome).inc();
        for (String rule : firedRules) {
            policyRules.labelValues(rule, "enforce").inc();
        }
        for (String rule : shadowRules) {
            policyRules.labelValues(rule, "shadow").inc();
        }
    }

    public void protectionFailed(String code) {
        protectionFailures.labelValues(code).inc();
    }

    public void restorationFailed(String code) {
        restorationFailures.labelValues(code).inc();
    }

    public void tlsHandshakeFailed(String listener, String reason) {
        tlsFailures.labelValues(listener, reason).inc();
    }

    /** A client that took nothing of its answer for the idle timeout was cut. */
    public void clientStalled(String route) {
        clientsStalled.labelValues(route).inc();
    }

    public void clientAborted(String route) {
        clientAborts.labelValues(route).inc();
    }

    /** Reload counts of the hot-reloaded things, kept by their reloaders, by {@code what} and {@code outcome}. */
    private final Map<List<String>, DoubleSupplier> reloadCounts = new ConcurrentHashMap<>();

    private final CounterWithCallback reloads = CounterWithCallback.builder()
            .name("qorgan_reloads")
            .help("Checks of a hot-reloaded thing (identity, tls, policies) that found changed content, by outcome:"
                    + " reloaded, rejected (the last good one stayed), unreadable")
            .labelNames("what", "outcome")
            .callback(cb ->
                    reloadCounts.forEach((labels, count) -> cb.call(count.getAsDouble(), labels.get(0), labels.get(1))))
            .register(registry);

    /**
     * Adds the series {@code qorgan_reloads_total{what,outcome}}, read from {@code count} at scrape time. Two listeners
     * with TLS both report as {@code tls}: their counts are summed.
     */
    public void reloads(String what, String outcome, DoubleSupplier count) {
        reloadCounts.merge(List.of(what, outcome), count, (a, b) -> () -> a.getAsDouble() + b.getAsDouble());
    }

    /** A counter kept elsewhere (a reload count, say) and read at scrape time; {@code _total} is added to the name. */
    public void counter(String name, String help, DoubleSupplier value) {
        CounterWithCallback.builder()
                .name(name)
                .help(help)
                .callback(cb -> cb.call(value.getAsDouble()))
                .register(registry);
    }

    private final Counter auditWritten = Counter.builder()
            .name("qorgan_audit_records_written_total")
            .help("Audit records written to a segment and synced")
            .register(registry);

    private final Counter auditDropped = Counter.builder()
            .name("qorgan_audit_records_dropped_total")
            .help("Audit records not written because the queue was full; each is counted in a gap record")
            .register(registry);

    private final Counter auditRefused = Counter.builder()
            .name("qorgan_audit_refused_total")
            .help("Exchanges refused with 503 audit_unavailable: the audit queue was full or the writer failing")
            .register(registry);

    private final Counter auditWriteFailures = Counter.builder()
            .name("qorgan_audit_write_failures_total")
            .help("Audit writes or syncs that failed; the writer went on in a new segment")
            .register(registry);

    private final Counter auditSearches = Counter.builder()
            .name("qorgan_audit_searches_total")
            .help("Searches of the audit trail on the admin listener, by outcome")
            .labelNames("outcome")
            .register(registry);

    private final Histogram auditSync = Histogram.builder()
            .name("qorgan_audit_fsync_seconds")
            .help("Time one fsync of an audit segment took")
            .unit(Unit.SECONDS)
            .classicUpperBounds(0.0001, 0.00025, 0.0005, 0.001, 0.0025, 0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 1)
            .classicOnly()
            .withoutExemplars()
            .register(registry);

    private final Histogram auditSign = Histogram.builder()
            .name("qorgan_audit_signature_seconds")
            .help("Time one signature of the audit chain head took")
            .unit(Unit.SECONDS)
            .classicUpperBounds(0.00005, 0.0001, 0.00025, 0.0005, 0.001, 0.0025, 0.005, 0.01, 0.1)
            .classicOnly()
            .withoutExemplars()
            .register(registry);

    private final AuditMetrics audit = new AuditMetrics() {
        @Override
        public void written(int records) {
            if (records > 0) {
                auditWritten.inc(records);
            }
        }

        @Override
        public void dropped() {
            auditDropped.inc();
        }

        @Override
        public void refused() {
            auditRefused.inc();
        }

        @Override
        public void synced(long nanos) {
            auditSync.observe(nanos / 1e9);
        }

        @Override
        public void signed(long nanos) {
            auditSign.observe(nanos / 1e9);
        }

        @Override
        public void writeFailed() {
            auditWriteFailures.inc();
        }

        @Override
        public void searched(String outcome) {
            auditSearches.labelValues(outcome).inc();
        }
    };

    /** The audit trail's metrics ({@code qorgan_audit_*}); the queue depth is a gauge registered with the trail. */
    public AuditMetrics audit() {
        return audit;
    }

    /** A gauge read at scrape time, e.g. open connections of a pool. */
    public void gauge(String name, String help, DoubleSupplier value) {
        GaugeWithCallback.builder()
                .name(name)
                .help(help)
                .callback(cb -> cb.call(value.getAsDouble()))
                .register(registry);
    }

    public PrometheusRegistry registry() {
        return registry;
    }

    /** The Prometheus text exposition of everything registered. */
    public String scrape() {
        ByteArrayOutputStream out = new ByteArrayOutputStream(8192);
        try {
            PrometheusTextFormatWriter.create().write(out, registry.scrape());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out.toString(StandardCharsets.UTF_8);
    }
}
