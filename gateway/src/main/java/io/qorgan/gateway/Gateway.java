package io.qorgan.gateway;

import io.netty.channel.EventLoopGroup;
import io.qorgan.gateway.config.GatewayConfig;
import io.qorgan.gateway.config.UpstreamConfig;
import io.qorgan.gateway.metrics.GatewayMetrics;
import io.qorgan.gateway.route.Router;
import io.qorgan.gateway.server.AdminServer;
import io.qorgan.gateway.server.Admission;
import io.qorgan.gateway.server.ProxyRuntime;
import io.qorgan.gateway.server.TrafficServer;
import io.qorgan.gateway.server.Transport;
import io.qorgan.gateway.upstream.UpstreamClient;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** Starts and stops one gateway: wires configuration, event loops, upstream pools and listeners. */
public final class Gateway implements AutoCloseable {

    private static final Logger log = LoggerFactory.getLogger(Gateway.class);

    private final GatewayConfig config;
    private final Transport transport;
    private final EventLoopGroup group;
    private final Map<String, UpstreamClient> upstreams;
    private final GatewayMetrics metrics;
    private final Admission admission;
    private final TrafficServer traffic;
    private final AdminServer admin;
    private boolean closed;

    private Gateway(GatewayConfig config, int threads) {
        this.config = config;
        this.transport = Transport.best();
        this.group = transport.newGroup(threads, "qorgan-io");
        this.metrics = new GatewayMetrics();
        this.admission = new Admission(config.limits().maxConcurrentExchanges());
        Map<String, UpstreamClient> clients = new LinkedHashMap<>();
        for (UpstreamConfig u : config.upstreams().values()) {
            UpstreamClient client = new UpstreamClient(u, group, transport);
            clients.put(u.name(), client);
        }
        this.upstreams = Map.copyOf(clients);
        metrics.gauge("qorgan_upstream_connections_open", "Open connections to all upstreams",
                () -> upstreams.values().stream().mapToInt(UpstreamClient::openConnections).sum());
        ProxyRuntime runtime = new ProxyRuntime(config, new Router(config), upstreams, metrics, admission);
        TrafficServer t = null;
        try {
            t = TrafficServer.start(runtime, group, transport, config.listeners().traffic());
            this.traffic = t;
            this.admin = AdminServer.start(runtime, group, transport, config.listeners().admin());
        } catch (RuntimeException e) {
            if (t != null) {
                t.close();
            }
            upstreams.values().forEach(UpstreamClient::close);
            group.shutdownGracefully(0, 1, TimeUnit.SECONDS).syncUninterruptibly();
            throw e;
        }
        metrics.gauge("qorgan_client_connections_open", "Open client connections on the traffic listener",
                traffic::openConnections);
        log.info("qorgan listening: traffic {}:{} admin {}:{} transport={} event_loops={} upstreams={}",
                config.listeners().traffic().host(), traffic.port(), config.listeners().admin().host(), admin.port(),
                transport.name(), threads, upstreams.keySet());
    }

    /** Binds both listeners; throws {@link io.qorgan.gateway.server.ListenerBindException} if a port is taken. */
    public static Gateway start(GatewayConfig config) {
        return new Gateway(config, Math.max(1, Runtime.getRuntime().availableProcessors()));
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

    public UpstreamClient upstream(String name) {
        return upstreams.get(name);
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
            log.warn("shutdown grace of {} ms ended with {} exchanges still in flight; closing them",
                    grace.toMillis(), unfinished);
        }
        traffic.close();
        admin.close();
        upstreams.values().forEach(UpstreamClient::close);
        group.shutdownGracefully(0, 2, TimeUnit.SECONDS).syncUninterruptibly();
        log.info("qorgan stopped");
    }

    @Override
    public void close() {
        shutdown(config.limits().shutdownGrace());
    }
}
