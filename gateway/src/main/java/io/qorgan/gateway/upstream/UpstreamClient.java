package io.qorgan.gateway.upstream;

import io.netty.bootstrap.Bootstrap;
import io.netty.channel.Channel;
import io.netty.channel.ChannelInitializer;
import io.netty.channel.ChannelOption;
import io.netty.channel.EventLoop;
import io.netty.channel.EventLoopGroup;
import io.netty.handler.codec.http.DefaultHttpHeadersFactory;
import io.netty.handler.codec.http.HttpDecoderConfig;
import io.netty.handler.codec.http.HttpRequestEncoder;
import io.netty.util.concurrent.EventExecutor;
import io.qorgan.gateway.config.UpstreamConfig;
import io.qorgan.gateway.metrics.GatewayMetrics;
import io.qorgan.gateway.transport.TlsContexts;
import io.qorgan.gateway.transport.Transport;
import io.qorgan.gateway.transport.UpstreamTls;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.util.IdentityHashMap;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Connections to one upstream: one bounded pool ({@link LoopConnections}) per event loop, so that a
 * client channel and the upstream connection serving it share a thread and no locks. The
 * upstream's {@code maxConnections} is split evenly across the loops (rounded up).
 *
 * <p>Thread-safety: {@link #acquire} must be called on the event loop passed to it; pools are
 * built once at start and only read afterwards.
 */
public final class UpstreamClient implements AutoCloseable {

    /** Exchanges that may wait for a connection on one loop before new ones are refused. */
    private static final int MAX_PENDING_ACQUIRES_PER_LOOP = 1024;

    private final UpstreamConfig config;
    private final UpstreamGuard guard;
    private final UpstreamCredential credential;
    private final String hostHeader;
    private final Map<EventExecutor, LoopConnections> pools = new IdentityHashMap<>();
    private final AtomicInteger openConnections = new AtomicInteger();
    private final AtomicInteger connectionsOpened = new AtomicInteger();

    /**
     * Builds the pools; resolves the upstream's credential and TLS context at once, so that a
     * gateway with an unusable upstream setting fails at start, not on the first request.
     *
     * @throws IllegalStateException naming the upstream and the setting (never a secret)
     */
    public UpstreamClient(
            UpstreamConfig config,
            EventLoopGroup group,
            Transport transport,
            TlsContexts tlsContexts,
            GatewayMetrics metrics) {
        this.config = config;
        this.guard = UpstreamGuard.create(config, metrics);
        this.credential = resolveCredential(config);
        this.hostHeader = config.hostHeader();
        UpstreamTls tls = null;
        if (config.tlsEnabled()) {
            try {
                tls = tlsContexts.client(config.tls());
            } catch (IOException | RuntimeException e) {
                throw new IllegalStateException(
                        "upstream `" + config.name() + "`: TLS settings unusable: " + e.getMessage());
            }
        }
        final UpstreamTls upstreamTls = tls;
        int loops = 0;
        for (EventExecutor ignored : group) {
            loops++;
        }
        int perLoop = Math.max(1, (config.maxConnections() + loops - 1) / loops);
        long readTimeoutNanos = config.readTimeout().toNanos();
        for (EventExecutor executor : group) {
            EventLoop loop = (EventLoop) executor;
            Bootstrap bootstrap = new Bootstrap()
                    .group(loop)
                    .channel(transport.socketChannel())
                    .option(ChannelOption.CONNECT_TIMEOUT_MILLIS, (int)
                            config.connectTimeout().toMillis())
                    .option(ChannelOption.TCP_NODELAY, true)
                    .option(ChannelOption.SO_KEEPALIVE, true)
                    .remoteAddress(InetSocketAddress.createUnresolved(config.host(), config.port()))
                    .handler(new ChannelInitializer<Channel>() {
                        @Override
                        protected void initChannel(Channel ch) {
                            openConnections.incrementAndGet();
                            connectionsOpened.incrementAndGet();
                            ch.closeFuture().addListener(f -> openConnections.decrementAndGet());
                            if (upstreamTls != null) {
                                ch.pipeline()
                                        .addLast(
                                                "tls",
                                                upstreamTls.newHandler(ch.alloc(), config.host(), config.port()));
                            }
                            UpstreamResponseDecoder decoder = new UpstreamResponseDecoder(new HttpDecoderConfig()
                                    .setMaxInitialLineLength(4096)
                                    .setMaxHeaderSize(64 * 1024)
                                    .setMaxChunkSize(64 * 1024));
                            ch.pipeline()
                                    .addLast("http-out", new HttpRequestEncoder())
                                    .addLast("http-in", decoder)
                                    .addLast("relay", new UpstreamHandler(readTimeoutNanos, decoder));
                        }
                    });
            pools.put(executor, new LoopConnections(loop, bootstrap, perLoop, MAX_PENDING_ACQUIRES_PER_LOOP));
        }
    }

    private static UpstreamCredential resolveCredential(UpstreamConfig config) {
        if (config.apiKey() == null) {
            return null;
        }
        UpstreamCredential credential;
        try {
            credential = new UpstreamCredential(
                    config.apiKeyHeader(), config.apiKey().resolve());
        } catch (IOException e) {
            throw new IllegalStateException("upstream `" + config.name() + "`: apiKey " + e.getMessage());
        }
        try {
            // checked here once: the upstream request's headers take values as given
            credential.applyTo(DefaultHttpHeadersFactory.headersFactory().newHeaders());
        } catch (IllegalArgumentException e) {
            throw new IllegalStateException(
                    "upstream `" + config.name() + "`: apiKey holds characters a header cannot carry");
        }
        return credential;
    }

    /** The upstream's own key to inject, or null when none is configured. */
    public UpstreamCredential credential() {
        return credential;
    }

    public UpstreamConfig config() {
        return config;
    }

    /** The upstream's circuit breaker, retry settings and budget. */
    public UpstreamGuard guard() {
        return guard;
    }

    /** The Host header the upstream expects, worked out once. */
    public String hostHeader() {
        return hostHeader;
    }

    public String name() {
        return config.name();
    }

    /**
     * A connection on {@code loop} with a listener attached, or a failure: {@link
     * UpstreamFailure.Kind#CONNECT} when none could be made, {@code POOL_EXHAUSTED} when too many
     * exchanges already wait.
     */
    public void acquire(EventLoop loop, UpstreamListener listener, AcquireCallback callback) {
        LoopConnections pool = pools.get(loop);
        pool.acquire(new LoopConnections.Lending() {
            @Override
            public void lent(Channel channel, UpstreamHandler handler) {
                handler.attach(listener);
                callback.acquired(new UpstreamConnection(channel, handler, pool));
            }

            @Override
            public void refused(UpstreamFailure.Kind kind) {
                callback.failed(new UpstreamFailure(kind, false, false));
            }
        });
    }

    /** Connections currently open to this upstream, across all loops. */
    public int openConnections() {
        return openConnections.get();
    }

    /** Connections ever opened to this upstream. */
    public int connectionsOpened() {
        return connectionsOpened.get();
    }

    @Override
    public void close() {
        for (LoopConnections pool : pools.values()) {
            pool.close();
        }
    }

    /** The result of {@link #acquire}. */
    public interface AcquireCallback {
        void acquired(UpstreamConnection connection);

        void failed(UpstreamFailure failure);
    }
}
