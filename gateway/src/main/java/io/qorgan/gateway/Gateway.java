package io.qorgan.gateway;

import com.github.benmanes.caffeine.cache.Ticker;
import io.netty.channel.EventLoopGroup;
import io.netty.util.concurrent.DefaultThreadFactory;
import io.qorgan.gateway.audit.AuditKeys;
import io.qorgan.gateway.audit.AuditTrail;
import io.qorgan.gateway.audit.ReloadRecord;
import io.qorgan.gateway.cache.AnswerCache;
import io.qorgan.gateway.config.AuditConfig;
import io.qorgan.gateway.config.GatewayConfig;
import io.qorgan.gateway.config.ListenerConfig;
import io.qorgan.gateway.config.ProtectionConfig;
import io.qorgan.gateway.config.Reloader;
import io.qorgan.gateway.config.UpstreamConfig;
import io.qorgan.gateway.detect.Canonical;
import io.qorgan.gateway.detect.Detector;
import io.qorgan.gateway.detect.DetectorSettings;
import io.qorgan.gateway.exchange.ExchangePreparer;
import io.qorgan.gateway.exchange.Protection;
import io.qorgan.gateway.fleet.FleetStore;
import io.qorgan.gateway.identity.CallerAuthenticator;
import io.qorgan.gateway.identity.IdentityStore;
import io.qorgan.gateway.metrics.GatewayMetrics;
import io.qorgan.gateway.policy.PolicyException;
import io.qorgan.gateway.policy.PolicyStore;
import io.qorgan.gateway.protect.ConversationVaults;
import io.qorgan.gateway.protect.FindingsMemo;
import io.qorgan.gateway.protect.TextScanner;
import io.qorgan.gateway.quota.FairUse;
import io.qorgan.gateway.route.Router;
import io.qorgan.gateway.server.AdminServer;
import io.qorgan.gateway.server.Admission;
import io.qorgan.gateway.server.CallerIdentification;
import io.qorgan.gateway.server.LoopHealth;
import io.qorgan.gateway.server.ProxyRuntime;
import io.qorgan.gateway.server.TrafficServer;
import io.qorgan.gateway.server.tls.ReloadingServerSslContext;
import io.qorgan.gateway.transport.TlsContexts;
import io.qorgan.gateway.transport.Transport;
import io.qorgan.gateway.upstream.UpstreamClient;
import java.io.IOException;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.Executors;
import java.util.concurrent.ForkJoinPool;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** Starts and stops one gateway: wires configuration, event loops, upstream pools and listeners. */
public final class Gateway implements AutoCloseable {

    private static final Logger log = LoggerFactory.getLogger(Gateway.class);
    private static final Duration WATCH_INTERVAL = Duration.ofSeconds(2);

    private final GatewayConfig config;
    private final Transport transport;
    private final EventLoopGroup group;
    private final EventLoopGroup adminGroup;
    private final LoopHealth loops;
    private final Map<String, UpstreamClient> upstreams;
    private final GatewayMetrics metrics;
    private final Admission admission;
    private final TrafficServer traffic;
    private final AdminServer admin;
    private final AnswerCache cache;
    /** File watching (certificates, identity store): never an event loop. */
    private final ScheduledExecutorService watcher;

    private PolicyStore policies;
    /** The audit trail; {@link AuditTrail#disabled()} without an {@code audit:} section. */
    private final AuditTrail audit;
    /** The fleet's shared store, or null when the nodes share none. */
    private final FleetStore fleetStore;
    /** Slow key hashing, bounded so that a flood of unknown keys cannot queue without end. */
    private final ThreadPoolExecutor hashing;
    /** Protection of large bodies, off the event loops; bounded, rejects rather than queue without end. */
    private final ThreadPoolExecutor workers;

    private boolean closed;

    private Gateway(GatewayConfig config, int threads, Consumer<Throwable> onFatal) {
        this.config = config;
        this.transport = transport(config);
        this.metrics = new GatewayMetrics();
        this.admission = new Admission(config.limits().maxConcurrentExchanges());
        this.watcher = Executors.newSingleThreadScheduledExecutor(new DefaultThreadFactory("qorgan-watch", true));
        this.hashing = new ThreadPoolExecutor(
                config.identity().hashingThreads(),
                config.identity().hashingThreads(),
                30,
                TimeUnit.SECONDS,
                new ArrayBlockingQueue<>(256),
                new DefaultThreadFactory("qorgan-hash", true));
        int cores = Math.max(1, Runtime.getRuntime().availableProcessors());
        this.workers = new ThreadPoolExecutor(
                cores,
                cores,
                30,
                TimeUnit.SECONDS,
                new ArrayBlockingQueue<>(64),
                new DefaultThreadFactory("qorgan-protect", true));
        this.group = transport.newGroup(threads, "qorgan-io");
        // the admin listener has a loop of its own: /healthz and /metrics answer while traffic loops are busy or dead
        this.adminGroup = transport.newGroup(1, "qorgan-admin");
        this.loops = new LoopHealth(group, onFatal, System::nanoTime);
        Map<String, UpstreamClient> clients = new LinkedHashMap<>();
        TrafficServer t = null;
        AuditTrail trail = AuditTrail.disabled();
        FleetStore fleet = null;
        try {
            trail = audit(config.audit(), metrics);
            this.audit = trail;
            fleet = config.fleet().shared() ? fleetStore(config) : null;
            this.fleetStore = fleet;
            TlsContexts tls = TlsContexts.detect();
            for (UpstreamConfig u : config.upstreams().values()) {
                clients.put(u.name(), new UpstreamClient(u, group, transport, tls, metrics));
            }
            this.upstreams = Map.copyOf(clients);
            CallerIdentification identification = identification(config);
            this.policies = policies(config);
            Protection protection = protection(config, fleet, metrics);
            PolicyStore policyStore = policies;
            ExchangePreparer preparer = new ExchangePreparer(
                    protection,
                    () -> policyStore == null ? null : policyStore.current(),
                    upstreams.keySet(),
                    metrics,
                    false);
            this.cache = AnswerCache.create(
                    config.cache(), metrics, Ticker.systemTicker(), ForkJoinPool.commonPool(), new SecureRandom());
            if (policies != null) {
                // a reload that changes an agency's cache section purges what was stored under the old one
                policies.addListener(cache.purgeOnReload(policies.current()));
            }
            ProxyRuntime runtime = new ProxyRuntime(
                    config,
                    new Router(config),
                    upstreams,
                    metrics,
                    admission,
                    identification,
                    protection,
                    policies,
                    workers,
                    preparer,
                    loops,
                    audit,
                    cache,
                    new FairUse(
                            () -> policyStore == null ? null : policyStore.current(),
                            config.fleet().nodes(),
                            fleet,
                            metrics,
                            System::currentTimeMillis));
            t = TrafficServer.start(
                    runtime,
                    group,
                    transport,
                    config.listeners().traffic(),
                    serverTls(config.listeners().traffic(), tls));
            this.traffic = t;
            this.admin = AdminServer.start(
                    runtime,
                    adminGroup,
                    transport,
                    config.listeners().admin(),
                    serverTls(config.listeners().admin(), tls));
            if (!identification.authenticates()) {
                log.warn("no identity store configured (identity.store): every caller is accepted as `anonymous`");
                if (audit.enabled()) {
                    log.warn("searching the audit trail (/admin/audit) needs callers from an identity store: refused");
                }
            }
            log.info(
                    "TLS provider {}; traffic TLS {}; admin TLS {}",
                    tls.provider(),
                    config.listeners().traffic().tlsEnabled() ? "on" : "off",
                    config.listeners().admin().tlsEnabled() ? "on" : "off");
        } catch (RuntimeException e) {
            if (t != null) {
                t.close();
            }
            if (fleet != null) {
                fleet.close();
            }
            clients.values().forEach(UpstreamClient::close);
            if (policies != null) {
                policies.close();
            }
            trail.close();
            stopExecutors();
            group.shutdownGracefully(0, 1, TimeUnit.SECONDS).syncUninterruptibly();
            adminGroup.shutdownGracefully(0, 1, TimeUnit.SECONDS).syncUninterruptibly();
            throw e;
        }
        loops.start();
        if (policies != null) {
            PolicyStore store = policies;
            metrics.counter("qorgan_policy_reloads", "Policy sets swapped in since start", store::reloads);
            metrics.counter(
                    "qorgan_policy_reloads_rejected",
                    "Changed policy directories that did not load (the last good set stayed); see /admin/policies",
                    store::rejectedReloads);
            countReloads(store.reloader());
        }
        metrics.stateGauge(
                "qorgan_upstream_breaker_state",
                "Circuit breaker state of each upstream: 1 for the state it is in",
                "upstream",
                List.of("closed", "open", "half_open", "disabled"),
                () -> {
                    Map<String, String> states = new TreeMap<>();
                    upstreams.forEach(
                            (name, client) -> states.put(name, client.guard().state()));
                    return states;
                });
        metrics.gauge(
                "qorgan_upstream_connections_open",
                "Open connections to all upstreams",
                () -> upstreams.values().stream()
                        .mapToInt(UpstreamClient::openConnections)
                        .sum());
        metrics.gauge(
                "qorgan_client_connections_open",
                "Open client connections on the traffic listener",
                traffic::openConnections);
        metrics.gauge("qorgan_audit_queue_depth", "Audit records waiting for the audit writer", audit::queueDepth);
        log.info(
                "qorgan listening: traffic {} admin {} transport={} event_loops={} upstreams={}",
                config.listeners().traffic().url(traffic.port()),
                config.listeners().admin().url(admin.port()),
                transport.name(),
                threads,
                upstreams.keySet());
    }

    private static Transport transport(GatewayConfig config) {
        try {
            return Transport.select(config.limits().transport());
        } catch (IllegalStateException e) {
            throw new GatewayStartException("limits.transport: " + e.getMessage());
        }
    }

    private CallerIdentification identification(GatewayConfig config) {
        if (!config.identity().enabled()) {
            return CallerIdentification.anonymous();
        }
        IdentityStore store;
        try {
            store = IdentityStore.open(config.identity().store());
        } catch (IOException e) {
            throw new GatewayStartException("identity store: " + e.getMessage());
        }
        store.onChange(() -> audit.record(
                ReloadRecord.ok(Instant.now(), ReloadRecord.Component.IDENTITY, "generation-" + store.generation())));
        store.onRejected(
                code -> audit.record(ReloadRecord.refused(Instant.now(), ReloadRecord.Component.IDENTITY, code)));
        store.watch(watcher, WATCH_INTERVAL);
        countReloads(store.reloader());
        CallerAuthenticator authenticator = CallerAuthenticator.create(
                store,
                Clock.systemUTC(),
                Ticker.systemTicker(),
                new CallerAuthenticator.CacheSettings(config.identity().cacheTtl(), 100_000));
        return CallerIdentification.using(authenticator, hashing);
    }

    private PolicyStore policies(GatewayConfig config) {
        if (!config.policies().enabled()) {
            return null;
        }
        try {
            // at start and on every reload, also against this configuration's upstream names
            PolicyStore store = PolicyStore.open(
                    config.policies().directory(),
                    config.upstreams().keySet(),
                    watcher,
                    config.policies().reloadInterval());
            store.addListener(
                    set -> audit.record(ReloadRecord.ok(Instant.now(), ReloadRecord.Component.POLICY, set.version())));
            store.onRejected(
                    code -> audit.record(ReloadRecord.refused(Instant.now(), ReloadRecord.Component.POLICY, code)));
            log.info(
                    "policies loaded from {}: version {}",
                    config.policies().directory(),
                    store.current().version());
            return store;
        } catch (PolicyException e) {
            throw new GatewayStartException("policies: " + e.getMessage());
        }
    }

    private FleetStore fleetStore(GatewayConfig config) {
        try {
            return FleetStore.start(config.fleet(), metrics);
        } catch (IllegalStateException e) {
            throw new GatewayStartException(e.getMessage());
        }
    }

    /** The audit trail of the configuration, open and writing; keys are read here, once. */
    private static AuditTrail audit(AuditConfig config, GatewayMetrics metrics) {
        if (!config.enabled()) {
            return AuditTrail.disabled();
        }
        try {
            AuditTrail trail = AuditTrail.open(config, AuditKeys.resolve(config), metrics.audit(), Clock.systemUTC());
            log.info(
                    "audit trail in {}: signature {}, sync {}, onFull {}, index {}",
                    config.directory(),
                    config.signature().configName(),
                    config.sync().configName(),
                    config.onFull().name().toLowerCase(Locale.ROOT),
                    config.index() ? "on" : "off");
            return trail;
        } catch (IOException | RuntimeException e) {
            throw new GatewayStartException("audit: " + e.getMessage());
        }
    }

    /** Detection and protection, built once: dictionaries load here, not on the first request. */
    private static Protection protection(GatewayConfig config, FleetStore fleet, GatewayMetrics metrics) {
        ProtectionConfig p = config.protection();
        Detector detector;
        try {
            detector = Detector.create(DetectorSettings.defaults()
                    .withEnabledTypes(p.enabledTypes())
                    .withMinScore(p.minScore())
                    .withExtraNameLists(p.extraNameLists()));
        } catch (RuntimeException e) {
            throw new GatewayStartException("detector: " + e.getMessage());
        }
        SecureRandom random = new SecureRandom();
        ConversationVaults conversations = fleet == null
                ? ConversationVaults.create(p.conversationTtl(), p.maxConversations(), Ticker.systemTicker(), random)
                : ConversationVaults.shared(
                        p.conversationTtl(),
                        p.maxConversations(),
                        Ticker.systemTicker(),
                        random,
                        fleet.sealingKey(),
                        fleet);
        TextScanner scanner = FindingsMemo.around(
                detector::detect, p.findingsMemo(), p.findingsMemoTtl(), Ticker.systemTicker(), random);
        if (scanner instanceof FindingsMemo memo) {
            String texts = "Texts of at least " + FindingsMemo.MIN_LENGTH + " chars ";
            metrics.counter(
                    "qorgan_findings_memo_hits",
                    texts + "whose findings were remembered, so they were not read again",
                    memo::hits);
            metrics.counter(
                    "qorgan_findings_memo_misses", texts + "read by the detector (and then remembered)", memo::misses);
        }
        return Protection.create(p, scanner, Canonical::canonical, random, conversations);
    }

    private ReloadingServerSslContext serverTls(ListenerConfig listener, TlsContexts contexts) {
        if (!listener.tlsEnabled()) {
            return null;
        }
        try {
            ReloadingServerSslContext context = ReloadingServerSslContext.open(listener.tls(), contexts);
            context.watch(watcher, WATCH_INTERVAL);
            countReloads(context.reloader());
            return context;
        } catch (IOException | RuntimeException e) {
            throw new GatewayStartException(
                    "TLS of " + listener.host() + ":" + listener.port() + ": " + e.getMessage());
        }
    }

    /** {@code qorgan_reloads_total{what,outcome}} of one hot-reloaded thing. */
    private void countReloads(Reloader<?> reloader) {
        for (Reloader.Outcome outcome :
                List.of(Reloader.Outcome.RELOADED, Reloader.Outcome.REJECTED, Reloader.Outcome.UNREADABLE)) {
            metrics.reloads(reloader.what(), outcome.label(), () -> reloader.count(outcome));
        }
    }

    private void stopExecutors() {
        watcher.shutdownNow();
        hashing.shutdownNow();
        workers.shutdownNow();
    }

    /**
     * Binds both listeners; throws {@link io.qorgan.gateway.server.ListenerBindException} if a port
     * is taken, {@link GatewayStartException} when a file it needs (certificates, identity store) is
     * unusable or the transport asked for cannot run here, {@link IllegalStateException} naming an
     * upstream whose settings are unusable.
     */
    public static Gateway start(GatewayConfig config) {
        return start(config, LoopHealth.halting());
    }

    /**
     * As {@link #start(GatewayConfig)}, with what a fatal error (an event loop that died, a {@link VirtualMachineError}
     * on a connection) does after it is logged: {@link LoopHealth#halting()} stops the process; tests record it.
     */
    public static Gateway start(GatewayConfig config, Consumer<Throwable> onFatal) {
        return new Gateway(config, Math.max(1, config.limits().ioThreads()), onFatal);
    }

    /** The traffic event loops (the admin listener has its own). */
    public EventLoopGroup trafficLoops() {
        return group;
    }

    public int trafficPort() {
        return traffic.port();
    }

    public int adminPort() {
        return admin.port();
    }

    public GatewayConfig config() {
        return config;
    }

    public GatewayMetrics metrics() {
        return metrics;
    }

    /** The audit trail ({@link AuditTrail#disabled()} without an {@code audit:} section). */
    public AuditTrail audit() {
        return audit;
    }

    public UpstreamClient upstream(String name) {
        return upstreams.get(name);
    }

    /** The safe-answer cache (for operations and tests: figures, purges, inspection). */
    public AnswerCache cache() {
        return cache;
    }

    /**
     * Graceful shutdown: stop accepting, let exchanges in flight finish for up to {@code grace},
     * then close everything. Blocks the calling thread (never call it on an event loop).
     */
    public synchronized void shutdown(Duration grace) {
        if (closed) {
            return;
        }
        closed = true;
        loops.stop();
        admission.startDraining();
        traffic.stopAccepting();
        traffic.drain();
        long deadline = System.nanoTime() + grace.toNanos();
        while (admission.inFlight() > 0 && System.nanoTime() < deadline) {
            try {
                Thread.sleep(10);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                break;
            }
        }
        int unfinished = admission.inFlight();
        if (unfinished > 0) {
            log.warn(
                    "shutdown grace of {} ms ended with {} exchanges still in flight; closing them",
                    grace.toMillis(),
                    unfinished);
        }
        traffic.close();
        admin.close();
        upstreams.values().forEach(UpstreamClient::close);
        if (policies != null) {
            policies.close();
        }
        if (fleetStore != null) {
            fleetStore.close();
        }
        stopExecutors();
        audit.close();
        group.shutdownGracefully(0, 2, TimeUnit.SECONDS).syncUninterruptibly();
        adminGroup.shutdownGracefully(0, 2, TimeUnit.SECONDS).syncUninterruptibly();
        log.info("qorgan stopped");
    }

    @Override
    public void close() {
        shutdown(config.limits().shutdownGrace());
    }
}
