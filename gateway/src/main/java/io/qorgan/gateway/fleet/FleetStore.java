package io.qorgan.gateway.fleet;

import io.lettuce.core.ClientOptions;
import io.lettuce.core.RedisClient;
import io.lettuce.core.RedisNoScriptException;
import io.lettuce.core.RedisURI;
import io.lettuce.core.ScriptOutputType;
import io.lettuce.core.SetArgs;
import io.lettuce.core.TimeoutOptions;
import io.lettuce.core.api.StatefulRedisConnection;
import io.lettuce.core.api.async.RedisAsyncCommands;
import io.lettuce.core.codec.ByteArrayCodec;
import io.lettuce.core.codec.RedisCodec;
import io.lettuce.core.codec.StringCodec;
import io.lettuce.core.resource.ClientResources;
import io.lettuce.core.resource.DefaultClientResources;
import io.qorgan.gateway.config.FleetConfig;
import io.qorgan.gateway.metrics.GatewayMetrics;
import io.qorgan.gateway.policy.UsageLimits;
import io.qorgan.gateway.protect.ConversationVaults;
import io.qorgan.gateway.quota.Limit;
import io.qorgan.gateway.quota.SharedCounters;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Duration;
import java.util.Base64;
import java.util.HexFormat;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.Function;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The fleet's shared store, Redis or Valkey, through Lettuce: fleet-wide request rates (token buckets) and tokens per
 * minute and day, each request checked and taken by one Lua script for agency and caller together, atomically; and the
 * sealed conversation vaults of the Responses API, so that any node continues any conversation.
 *
 * <p>What is in it: keys {@code qorgan:{AGENCY}:rate}, {@code qorgan:{AGENCY}:rate:CALLER} (buckets),
 * {@code qorgan:{AGENCY}:tokens[:CALLER]:m:MINUTE} and {@code :d:DAY} (counters), {@code qorgan:conv:ID} (a vault
 * sealed with AES-GCM, ID an HMAC of the caller and the response id). Agency and caller ids, numbers and ciphertext:
 * never a request's content or a citizen's data.
 *
 * <p>When it cannot be reached — a command fails or is slower than {@code fleet.store.timeout}, or it is not
 * connected — it says so once in the log and in {@code qorgan_fleet_store_up}, and is not asked again for a second:
 * meanwhile each node keeps its share of the limits ({@code limit / nodes}), and a conversation another node stored
 * cannot be continued here. It never blocks the caller: every operation returns a stage, completed on Lettuce's
 * thread. The first connection is made in the background, so a gateway starts while its store is down.
 */
public final class FleetStore implements SharedCounters, ConversationVaults.SharedTier, AutoCloseable {

    private static final Logger log = LoggerFactory.getLogger(FleetStore.class);
    private static final long RECHECK_NANOS = TimeUnit.SECONDS.toNanos(1);
    private static final Limit[] CODES = {
        null,
        Limit.AGENCY_REQUESTS,
        Limit.CALLER_REQUESTS,
        null,
        null,
        Limit.AGENCY_TOKENS_MINUTE,
        Limit.AGENCY_TOKENS_DAY,
        Limit.CALLER_TOKENS_MINUTE,
        Limit.CALLER_TOKENS_DAY
    };

    private final FleetConfig fleet;
    private final GatewayMetrics metrics;
    private final byte[] sealingKey;
    private final ClientResources resources;
    private final RedisClient client;
    private final ScheduledExecutorService connector;
    private final Script admit = Script.load("admit.lua");
    private final Script charge = Script.load("charge.lua");
    private final AtomicBoolean up = new AtomicBoolean(true);
    private volatile StatefulRedisConnection<String, byte[]> connection;
    private volatile long downUntil;

    private FleetStore(FleetConfig fleet, GatewayMetrics metrics) {
        this.fleet = fleet;
        this.metrics = metrics;
        FleetConfig.Store store = fleet.store();
        this.sealingKey = key(store);
        RedisURI uri = RedisURI.create(store.url());
        uri.setTimeout(store.timeout());
        if (store.password() != null) {
            try {
                uri.setAuthentication(store.password().resolve().toCharArray());
            } catch (IOException e) {
                throw new IllegalStateException("fleet.store.password: " + e.getMessage());
            }
        }
        this.resources = DefaultClientResources.builder()
                .ioThreadPoolSize(1)
                .computationThreadPoolSize(1)
                .build();
        this.client = RedisClient.create(resources, uri);
        client.setOptions(ClientOptions.builder()
                .autoReconnect(true)
                // while disconnected, fail at once rather than queue: the node decides alone meanwhile
                .disconnectedBehavior(ClientOptions.DisconnectedBehavior.REJECT_COMMANDS)
                .timeoutOptions(TimeoutOptions.enabled(store.timeout()))
                .build());
        this.connector = Executors.newSingleThreadScheduledExecutor(r -> {
            Thread t = new Thread(r, "qorgan-fleet-connect");
            t.setDaemon(true);
            return t;
        });
        metrics.gauge(
                "qorgan_fleet_store_up",
                "1 while the fleet's shared store answers; 0 while each node keeps its own share of the limits",
                () -> available() ? 1 : 0);
    }

    /**
     * Starts connecting to the fleet's store, in the background.
     *
     * @throws IllegalStateException naming the setting when the key or password cannot be read (never the secret)
     */
    public static FleetStore start(FleetConfig fleet, GatewayMetrics metrics) {
        FleetStore store = new FleetStore(fleet, metrics);
        store.connector.execute(store::connect);
        return store;
    }

    /** The key every node seals conversation vaults with. */
    public byte[] sealingKey() {
        return sealingKey.clone();
    }

    private void connect() {
        try {
            connection = client.connect(RedisCodec.of(StringCodec.UTF8, ByteArrayCodec.INSTANCE));
            if (!up.get() || downUntil != 0) {
                reachable();
            }
            log.info("fleet store connected: {}", fleet.store());
        } catch (RuntimeException e) {
            unreachable("connect", e);
            if (!connector.isShutdown()) {
                connector.schedule(this::connect, 1, TimeUnit.SECONDS);
            }
        }
    }

    @Override
    public boolean available() {
        StatefulRedisConnection<String, byte[]> c = connection;
        if (c == null) {
            return false; // not connected yet: connect() reports a failure
        }
        if (!c.isOpen()) {
            // the store closed the connection (Lettuce reconnects): said once, as a failed command would be
            if (up.get()) {
                unreachable("connection", "disconnected");
            }
            return false;
        }
        return System.nanoTime() - downUntil >= 0;
    }

    @Override
    public CompletionStage<Verdict> admit(
            String agencyKey, UsageLimits.Rates agency, String callerKey, UsageLimits.Rates caller) {
        String tag = "qorgan:{" + agencyKey + "}";
        String callerId = callerKey.substring(callerKey.indexOf('/') + 1);
        String[] keys = {tag + ":rate", tag + ":rate:" + callerId, tag + ":tokens", tag + ":tokens:" + callerId};
        byte[][] args = {
            number(agency.requestsPerSecond()),
            number(caller.requestsPerSecond()),
            number(agency.tokensPerMinute()),
            number(agency.tokensPerDay()),
            number(caller.tokensPerMinute()),
            number(caller.tokensPerDay())
        };
        return this.<List<Object>>run("admit", admit, ScriptOutputType.MULTI, keys, args)
                .thenApply(result -> {
                    int code = ((Number) result.get(0)).intValue();
                    long wait = ((Number) result.get(1)).longValue();
                    Limit limit = code > 0 && code < CODES.length ? CODES[code] : null;
                    return limit == null ? Verdict.ADMITTED : new Verdict(limit, wait);
                });
    }

    @Override
    public CompletionStage<Void> charge(String agencyKey, String callerKey, long tokens) {
        String tag = "qorgan:{" + agencyKey + "}";
        String callerId = callerKey.substring(callerKey.indexOf('/') + 1);
        String[] keys = {tag + ":tokens", tag + ":tokens:" + callerId};
        return this.<Long>run("charge", charge, ScriptOutputType.INTEGER, keys, new byte[][] {number(tokens)})
                .thenApply(r -> null);
    }

    @Override
    public CompletionStage<byte[]> load(String id) {
        return guarded("load", c -> c.async().get("qorgan:conv:" + id));
    }

    @Override
    public CompletionStage<Void> save(String id, byte[] sealed, Duration ttl) {
        return guarded("save", c -> c.async().set("qorgan:conv:" + id, sealed, SetArgs.Builder.px(ttl.toMillis())))
                .thenApply(ok -> null);
    }

    /** Runs a script by its digest, loading it on the server when the server does not know it (a restart). */
    private <T> CompletionStage<T> run(String op, Script script, ScriptOutputType type, String[] keys, byte[][] args) {
        return guarded(op, c -> {
            RedisAsyncCommands<String, byte[]> async = c.async();
            CompletionStage<T> bySha = async.evalsha(script.sha, type, keys, args);
            return bySha.handle((r, e) -> {
                        if (e == null) {
                            return CompletableFuture.completedFuture(r);
                        }
                        Throwable cause = e.getCause() != null ? e.getCause() : e;
                        if (cause instanceof RedisNoScriptException || e instanceof RedisNoScriptException) {
                            return async.<T>eval(script.text, type, keys, args).toCompletableFuture();
                        }
                        return CompletableFuture.<T>failedFuture(e);
                    })
                    .thenCompose(Function.identity());
        });
    }

    /** One operation on the store, failing at once while it is believed down; its outcome updates that belief. */
    private <T> CompletionStage<T> guarded(
            String op, Function<StatefulRedisConnection<String, byte[]>, CompletionStage<T>> command) {
        StatefulRedisConnection<String, byte[]> c = connection;
        if (c == null || !c.isOpen()) {
            IllegalStateException down = new IllegalStateException("fleet store not connected");
            unreachable(op, down);
            return CompletableFuture.failedFuture(down);
        }
        CompletionStage<T> stage;
        try {
            stage = command.apply(c);
        } catch (RuntimeException e) {
            unreachable(op, e);
            return CompletableFuture.failedFuture(e);
        }
        return stage.whenComplete((r, e) -> {
            if (e != null) {
                unreachable(op, e);
            } else if (!up.get()) {
                reachable();
            }
        });
    }

    private void unreachable(String op, Throwable e) {
        unreachable(op, e.getClass().getSimpleName());
    }

    private void unreachable(String op, String why) {
        metrics.fleetStoreFailed(op);
        downUntil = System.nanoTime() + RECHECK_NANOS;
        if (up.compareAndSet(true, false)) {
            log.warn(
                    "fleet store unreachable ({}: {}): each node now keeps its share of the agencies' rate and token"
                            + " limits (limit / {} nodes); conversations stored by other nodes cannot be continued here",
                    op,
                    why,
                    fleet.nodes());
        }
    }

    private void reachable() {
        downUntil = 0;
        if (up.compareAndSet(false, true)) {
            log.info("fleet store reachable again: agencies' rate and token limits are fleet-wide again");
        }
    }

    private static byte[] number(long n) {
        return Long.toString(n).getBytes(StandardCharsets.US_ASCII);
    }

    /** The sealing key, given as hex or base64 through its secret reference; at least 32 bytes. */
    private static byte[] key(FleetConfig.Store store) {
        String text;
        try {
            text = store.key().resolve().strip();
        } catch (IOException e) {
            throw new IllegalStateException("fleet.store.key: " + e.getMessage());
        }
        byte[] key;
        try {
            key = text.length() % 2 == 0 && text.chars().allMatch(ch -> Character.digit(ch, 16) >= 0)
                    ? HexFormat.of().parseHex(text)
                    : Base64.getDecoder().decode(text);
        } catch (IllegalArgumentException e) {
            throw new IllegalStateException("fleet.store.key: " + store.key() + " is neither hex nor base64");
        }
        if (key.length < 32) {
            throw new IllegalStateException("fleet.store.key: must hold at least 32 bytes");
        }
        return key;
    }

    @Override
    public void close() {
        connector.shutdownNow();
        StatefulRedisConnection<String, byte[]> c = connection;
        if (c != null) {
            c.close();
        }
        client.shutdown(Duration.ZERO, Duration.ofSeconds(2));
        resources.shutdown(0, 2, TimeUnit.SECONDS);
    }

    /** A Lua script of this package and its SHA-1, by which the server knows it. */
    private record Script(String text, String sha) {
        static Script load(String name) {
            try (InputStream in = FleetStore.class.getResourceAsStream(name)) {
                if (in == null) {
                    throw new IllegalStateException("missing resource " + name);
                }
                String text = new String(in.readAllBytes(), StandardCharsets.UTF_8);
                return new Script(
                        text,
                        HexFormat.of()
                                .formatHex(MessageDigest.getInstance("SHA-1")
                                        .digest(text.getBytes(StandardCharsets.UTF_8))));
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            } catch (NoSuchAlgorithmException e) {
                throw new IllegalStateException(e);
            }
        }
    }
}
