package io.qorgan.gateway.cache;

import com.fasterxml.jackson.databind.node.ObjectNode;
import com.github.benmanes.caffeine.cache.AsyncCache;
import com.github.benmanes.caffeine.cache.Caffeine;
import com.github.benmanes.caffeine.cache.Expiry;
import com.github.benmanes.caffeine.cache.RemovalCause;
import com.github.benmanes.caffeine.cache.Ticker;
import io.qorgan.gateway.config.CacheConfig;
import io.qorgan.gateway.dialect.Dialect;
import io.qorgan.gateway.metrics.GatewayMetrics;
import io.qorgan.gateway.policy.PolicySet;
import io.qorgan.gateway.policy.Verdict;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executor;
import java.util.concurrent.atomic.AtomicReference;
import java.util.concurrent.atomic.LongAdder;
import java.util.function.Consumer;

/**
 * The safe-answer cache. Upstream only ever sees placeholders, so its answer is a function of the anonymized request:
 * an answer stored for one request serves every identical protected request, restored with each caller's own vault.
 *
 * <p>How a request goes ({@link #lookup}, CPU only, thread-safe, about the cost of one parse of the protected body):
 *
 * <ol>
 *   <li><b>eligible?</b> — a POST with a readable JSON body on a protected route, caching enabled for the agency and
 *       route (policy {@code cache:} over {@code protection.cache}), every value found replaced by a placeholder
 *       or redacted (not kept, masked, hashed or encrypted: those identify the person), no {@code X-Qorgan-Cache: bypass} or {@code Cache-Control: no-store}, no Responses state kept
 *       upstream, and deterministic ({@link CanonicalRequest}) unless the caller sent {@code X-Qorgan-Cache: allow};
 *       otherwise {@link Lookup.Bypass} with its reason;
 *   <li><b>key</b> — SHA-256 over the scope (the agency, and the caller unless the scope is {@code agency}), route,
 *       upstream, method, protected path and query, the answer-shaping headers and the canonical protected body;
 *   <li><b>hit, wait or miss</b> — in one atomic step of an {@link AsyncCache}: a stored answer is opened and
 *       served in the form asked for ({@link AnswerForm}); an identical request already with the upstream is waited
 *       for ({@link Flight}); otherwise this request leads and its {@link Ticket} stores the answer when it is safe
 *       ({@code Cache-Control: no-cache} skips the look-up and stores afresh).
 * </ol>
 *
 * <p>Entries are sealed ({@link AnswerSeal}), weighed by their sealed size against {@code cache.maxBytes}, and
 * expire after their own ttl; time comes from the injected {@link Ticker}. Nothing here holds personal data: keys are
 * digests of protected requests, values are sealed answers as the upstream sent them (placeholders), and requests in
 * which a value went out as anything that identifies a person are never cached.
 */
public final class AnswerCache {

    private final CacheConfig config;
    private final GatewayMetrics metrics;
    private final AnswerSeal seal;
    private final AsyncCache<CacheKey, SealedAnswer> entries;
    private final Map<String, AgencyCounters> agencies = new ConcurrentHashMap<>();

    private AnswerCache(
            CacheConfig config, GatewayMetrics metrics, Ticker ticker, Executor executor, SecureRandom random) {
        this.config = config;
        this.metrics = metrics;
        this.seal = new AnswerSeal(random);
        this.entries = Caffeine.newBuilder()
                .maximumWeight(config.maxBytes())
                .weigher((CacheKey k, SealedAnswer v) -> v.weight())
                .expireAfter(Expiry.writing((CacheKey k, SealedAnswer v) -> Duration.ofNanos(v.ttlNanos())))
                .ticker(ticker)
                .executor(executor)
                .removalListener((CacheKey k, SealedAnswer v, RemovalCause cause) -> removed(v, cause))
                .buildAsync();
    }

    /**
     * @param ticker the time entries expire by ({@link Ticker#systemTicker()} in production)
     * @param executor where Caffeine does its upkeep and tells of removals (tests: {@code Runnable::run})
     */
    public static AnswerCache create(
            CacheConfig config, GatewayMetrics metrics, Ticker ticker, Executor executor, SecureRandom random) {
        AnswerCache cache = new AnswerCache(config, metrics, ticker, executor, random);
        metrics.gauge("qorgan_cache_bytes", "Memory held by cached answers, sealed, in bytes", cache::bytes);
        metrics.gauge("qorgan_cache_entries", "Answers in the cache", cache::size);
        return cache;
    }

    /** What the cache needs of one request after the look-up, for its ticket or flight. */
    record Request(
            CacheKey key,
            String route,
            Dialect dialect,
            boolean stream,
            boolean streamUsage,
            long ttlNanos,
            int maxEntryBytes) {}

    /** The settings of one request: the policy's where it writes them, the configuration's elsewhere. */
    record Settings(boolean enabled, Duration ttl, CacheConfig.Scope scope, long maxEntryBytes) {

        static Settings of(CacheConfig config, Verdict.Cache policy) {
            if (policy == null) {
                return new Settings(config.enabled(), config.ttl(), config.scope(), config.maxEntryBytes());
            }
            return new Settings(
                    policy.enabled() != null ? policy.enabled() : config.enabled(),
                    policy.ttl() != null ? policy.ttl() : config.ttl(),
                    policy.scope() != null
                            ? CacheConfig.Scope.valueOf(policy.scope().toUpperCase(Locale.ROOT))
                            : config.scope(),
                    policy.maxEntryBytes() != null ? policy.maxEntryBytes() : config.maxEntryBytes());
        }
    }

    /** Judges one protected request; never throws for anything a request can hold. */
    public Lookup lookup(CacheQuery q) {
        Settings settings = Settings.of(config, q.policy());
        String directive = q.header(CacheQuery.DIRECTIVE);
        boolean allow = false;
        if (directive != null) {
            String d = directive.trim().toLowerCase(Locale.ROOT);
            if (d.equals("bypass")) {
                return bypass(q, "directive");
            }
            if (!d.equals("allow")) {
                return new Lookup.Invalid("X-Qorgan-Cache must be `allow` or `bypass`");
            }
            allow = true;
        }
        String reason = !settings.enabled() || config.maxBytes() == 0
                ? "disabled"
                : !q.method().equals("POST")
                        ? "method"
                        : q.body() == null ? "no_body" : !q.bodyRead() ? "unread_body" : null;
        if (reason == null && q.identifying()) {
            reason = "identifying_values";
        }
        boolean refresh = false;
        String cacheControl = q.header("cache-control");
        if (reason == null && cacheControl != null) {
            for (String part : cacheControl.toLowerCase(Locale.ROOT).split(",")) {
                String token = part.trim();
                if (token.equals("no-store")) {
                    reason = "no_store";
                } else if (token.equals("no-cache")) {
                    refresh = true; // not served from the cache, but the fresh answer is stored
                }
            }
        }
        if (reason != null) {
            return bypass(q, reason);
        }
        if (!allow && CanonicalRequest.surelySamples(q.dialect(), q.facts())) {
            return bypass(q, "not_deterministic"); // what the canonical form would say, without working it out
        }
        CanonicalRequest canonical = CanonicalRequest.of(q.dialect(), q.body());
        if (canonical == null) {
            return bypass(q, "not_json");
        }
        if (canonical.upstreamState()) {
            return bypass(q, "upstream_state");
        }
        if (!allow && !canonical.deterministic()) {
            return bypass(q, "not_deterministic");
        }
        Request request = new Request(
                key(q, settings.scope(), canonical),
                q.route(),
                q.dialect(),
                canonical.wantsStream(),
                canonical.wantsStreamUsage(),
                settings.ttl().toNanos(),
                (int) Math.min(Integer.MAX_VALUE - 1, settings.maxEntryBytes()));
        if (refresh) {
            return new Lookup.Miss(new Ticket(this, request, null));
        }
        CompletableFuture<SealedAnswer> mine = new CompletableFuture<>();
        CompletableFuture<SealedAnswer> found = entries.get(request.key(), (k, e) -> mine);
        if (found == mine) {
            return new Lookup.Miss(new Ticket(this, request, mine));
        }
        if (found.isDone()) {
            return landed(request, found.getNow(null));
        }
        return new Lookup.Wait(new Flight(this, request, found));
    }

    /** A request the gateway answered before the cache could judge it (refused), counted as a bypass. */
    public void refused(String route, String agency) {
        metrics.cacheRequest(route, "bypass");
        metrics.cacheBypassed(route, "refused");
        counters(agency).bypassed.increment();
    }

    private Lookup bypass(CacheQuery q, String reason) {
        metrics.cacheRequest(q.route(), "bypass");
        metrics.cacheBypassed(q.route(), reason);
        counters(q.agency()).bypassed.increment();
        return new Lookup.Bypass(reason);
    }

    /**
     * The key: a digest over each part, each preceded by its length, so no two different requests run together into
     * the same bytes.
     */
    private static CacheKey key(CacheQuery q, CacheConfig.Scope scope, CanonicalRequest canonical) {
        MessageDigest digest = sha256();
        part(digest, "qorgan-cache-1");
        part(digest, scope.yamlName());
        part(digest, q.agency());
        part(digest, scope == CacheConfig.Scope.CALLER ? q.caller() : "");
        part(digest, q.route());
        part(digest, q.upstream());
        part(digest, q.method());
        part(digest, q.target());
        for (String name : CacheQuery.HEADERS) {
            if (!name.equals(CacheQuery.DIRECTIVE) && !name.equals("cache-control")) {
                String value = q.header(name);
                part(digest, value == null ? "" : value.trim());
            }
        }
        byte[] body = canonical.bytes();
        digest.update(lengthOf(body.length));
        digest.update(body);
        return new CacheKey(q.agency(), digest.digest());
    }

    private static void part(MessageDigest digest, String text) {
        byte[] bytes = text.getBytes(StandardCharsets.UTF_8);
        digest.update(lengthOf(bytes.length));
        digest.update(bytes);
    }

    private static byte[] lengthOf(int n) {
        return new byte[] {(byte) (n >>> 24), (byte) (n >>> 16), (byte) (n >>> 8), (byte) n};
    }

    private static MessageDigest sha256() {
        try {
            return MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 unavailable", e);
        }
    }

    /** A stored entry (or none: its call gave nothing to store) for a request that found or waited for it. */
    Lookup landed(Request request, SealedAnswer entry) {
        if (entry != null) {
            Lookup.Served served = serve(request, entry);
            if (served != null) {
                metrics.cacheRequest(request.route(), "hit");
                metrics.cacheSaved(
                        entry.upstreamNanos(),
                        entry.usage().input(),
                        entry.usage().output());
                counters(request.key().agency()).hits.increment();
                return new Lookup.Hit(served);
            }
        }
        // nothing to serve: this request goes on its own, and its answer may be stored in place of the old one
        return new Lookup.Miss(new Ticket(this, request, null));
    }

    /**
     * The stored answer in the form {@code request} asked for, or null when it cannot be: it lacks the usage the caller
     * needs (an OpenAI stream stored without its usage chunk), or a stream is asked of a dialect without streams.
     */
    private Lookup.Served serve(Request request, SealedAnswer entry) {
        StoredAnswer stored;
        try {
            stored = StoredAnswer.fromBytes(seal.open(request.key().digest(), entry.sealed()));
        } catch (RuntimeException e) {
            return null; // never expected; the request goes to the upstream instead
        }
        AnswerForm form = AnswerForm.of(request.dialect());
        boolean stream = request.stream();
        if (form == null) {
            return stored.streamed() || stream
                    ? null
                    : new Lookup.Served(stored.status(), stored.contentType(), false, stored.body());
        }
        boolean hasUsage = entry.usage().present();
        if (form.usageOptional() && !hasUsage && (!stream || request.streamUsage())) {
            return null;
        }
        boolean usageAsAsked = !stream || !form.usageOptional() || hasUsage == request.streamUsage();
        if (stored.streamed() == stream && usageAsAsked) {
            return new Lookup.Served(stored.status(), stored.contentType(), stream, stored.body());
        }
        ObjectNode whole = stored.streamed() ? form.whole(stored.body()) : AnswerForm.object(stored.body());
        if (whole == null) {
            return null;
        }
        return stream
                ? new Lookup.Served(stored.status(), form.streamType(), true, form.stream(whole, request.streamUsage()))
                : new Lookup.Served(stored.status(), AnswerForm.JSON_TYPE, false, AnswerForm.bytes(whole));
    }

    /** A ticket's answer: stored when safe and complete; either way the flight (if any) learns the outcome. */
    boolean store(
            Request request,
            CompletableFuture<SealedAnswer> flight,
            int status,
            String contentType,
            boolean streamed,
            byte[] body,
            long upstreamNanos,
            boolean produced) {
        String why = null;
        Usage usage = Usage.NONE;
        AnswerForm form = AnswerForm.of(request.dialect());
        if (status < 200 || status > 299) {
            why = "status";
        } else if (produced) {
            why = "personal_data";
        } else if (body == null || body.length > request.maxEntryBytes()) {
            why = "too_large";
        } else if (streamed) {
            ObjectNode whole = form == null ? null : form.whole(body);
            if (whole == null) {
                why = "incomplete";
            } else {
                usage = form.usage(whole);
            }
        } else {
            ObjectNode whole = AnswerForm.object(body);
            if (whole == null) {
                why = "not_json";
            } else {
                usage = form != null
                        ? form.usage(whole)
                        : Usage.of(whole.get("usage"), "prompt_tokens", "completion_tokens");
            }
        }
        String route = request.route();
        AgencyCounters counters = counters(request.key().agency());
        if (why != null) {
            metrics.cacheNotStored(why);
            metrics.cacheRequest(route, "miss");
            counters.misses.increment();
            if (flight != null) {
                flight.complete(null);
            }
            return false;
        }
        StoredAnswer answer =
                new StoredAnswer(status, contentType == null ? AnswerForm.JSON_TYPE : contentType, streamed, body);
        SealedAnswer entry = new SealedAnswer(
                seal.seal(request.key().digest(), answer.toBytes()), upstreamNanos, usage, request.ttlNanos());
        if (flight != null) {
            flight.complete(entry); // stored unless a purge removed this flight meanwhile
        } else {
            entries.put(request.key(), CompletableFuture.completedFuture(entry));
        }
        metrics.cacheRequest(route, "stored");
        counters.stored.increment();
        return true;
    }

    /** A ticket's exchange ended without a complete answer. */
    void abandoned(Request request, CompletableFuture<SealedAnswer> flight) {
        metrics.cacheRequest(request.route(), "miss");
        counters(request.key().agency()).misses.increment();
        if (flight != null) {
            flight.complete(null);
        }
    }

    private void removed(SealedAnswer value, RemovalCause cause) {
        if (value == null) {
            return; // a flight that stored nothing
        }
        metrics.cacheEvicted(
                switch (cause) {
                    case EXPIRED -> "expired";
                    case SIZE -> "size";
                    case EXPLICIT -> "purged";
                    case REPLACED -> "replaced";
                    case COLLECTED -> "collected";
                });
    }

    // ---- operations ----

    /**
     * Removes every answer of {@code agency}, stored or on its way (those are then not stored).
     *
     * @return how many were removed
     */
    public int purge(String agency) {
        Objects.requireNonNull(agency, "agency");
        int[] removed = {0};
        entries.asMap().keySet().removeIf(k -> {
            boolean match = k.agency().equals(agency);
            removed[0] += match ? 1 : 0;
            return match;
        });
        return removed[0];
    }

    /** Removes every answer; returns how many. */
    public int purgeAll() {
        int n = entries.asMap().size();
        entries.asMap().clear();
        return n;
    }

    /**
     * A listener for {@link io.qorgan.gateway.policy.PolicyStore#addListener}: when a reload changes the cache section
     * that applies to an agency with stored answers, those answers are purged (they were stored under other rules).
     */
    public Consumer<PolicySet> purgeOnReload(PolicySet active) {
        AtomicReference<PolicySet> previous = new AtomicReference<>(active);
        return next -> {
            PolicySet before = previous.getAndSet(next);
            for (String agency : storedAgencies()) {
                if (before == null || !before.cacheSection(agency).equals(next.cacheSection(agency))) {
                    purge(agency);
                }
            }
        };
    }

    private List<String> storedAgencies() {
        return entries.asMap().keySet().stream()
                .map(CacheKey::agency)
                .distinct()
                .toList();
    }

    /** Bytes held, sealed answers and their share of the entries. */
    public long bytes() {
        return entries.synchronous()
                .policy()
                .eviction()
                .map(e -> e.weightedSize().orElse(0))
                .orElse(0L);
    }

    /** Answers held (approximate). */
    public long size() {
        return entries.synchronous().estimatedSize();
    }

    /**
     * An agency's figures, for {@code GET /admin/cache}.
     *
     * @param entries answers stored now
     * @param bytes their weight
     * @param hits requests served from the cache since start
     * @param misses eligible requests forwarded and not stored
     * @param stored eligible requests forwarded and stored
     * @param bypassed requests the cache did not take
     */
    public record Figures(long entries, long bytes, long hits, long misses, long stored, long bypassed) {

        /** Hits among the requests the cache took, or 0 before any. */
        public double hitRatio() {
            long taken = hits + misses + stored;
            return taken == 0 ? 0 : (double) hits / taken;
        }
    }

    /** Figures per agency, sorted by agency; every agency seen since start. */
    public Map<String, Figures> figures() {
        Map<String, long[]> held = new TreeMap<>();
        entries.asMap().forEach((key, future) -> {
            SealedAnswer value = future.isDone() && !future.isCompletedExceptionally() ? future.getNow(null) : null;
            if (value != null) {
                long[] h = held.computeIfAbsent(key.agency(), a -> new long[2]);
                h[0]++;
                h[1] += value.weight();
            }
        });
        Map<String, Figures> out = new TreeMap<>();
        for (String agency : agenciesSeen(held)) {
            long[] h = held.getOrDefault(agency, new long[2]);
            AgencyCounters c = agencies.getOrDefault(agency, new AgencyCounters());
            out.put(agency, new Figures(h[0], h[1], c.hits.sum(), c.misses.sum(), c.stored.sum(), c.bypassed.sum()));
        }
        return out;
    }

    private List<String> agenciesSeen(Map<String, long[]> held) {
        List<String> all = new ArrayList<>(agencies.keySet());
        held.keySet().stream().filter(a -> !agencies.containsKey(a)).forEach(all::add);
        return all;
    }

    private AgencyCounters counters(String agency) {
        AgencyCounters c = agencies.get(agency);
        return c != null ? c : agencies.computeIfAbsent(agency, a -> new AgencyCounters());
    }

    /** Outcomes of one agency's requests since start. */
    private static final class AgencyCounters {
        final LongAdder hits = new LongAdder();
        final LongAdder misses = new LongAdder();
        final LongAdder stored = new LongAdder();
        final LongAdder bypassed = new LongAdder();
    }

    /**
     * One entry as a test or an audit of the cache sees it: the key, the sealed bytes as held, and the answer opened.
     */
    public record Inspected(CacheKey key, byte[] sealed, byte[] opened) {}

    /** Every stored entry, opened: a test hook to prove that neither keys nor answers hold personal data. */
    public List<Inspected> inspect() {
        List<Inspected> out = new ArrayList<>();
        entries.synchronous()
                .asMap()
                .forEach((key, value) -> out.add(new Inspected(
                        key,
                        value.sealed().clone(),
                        StoredAnswer.fromBytes(seal.open(key.digest(), value.sealed()))
                                .body())));
        return out;
    }

    /** Runs Caffeine's pending upkeep (expiry, eviction) now; for tests with a fake ticker. */
    public void cleanUp() {
        entries.synchronous().cleanUp();
    }
}
