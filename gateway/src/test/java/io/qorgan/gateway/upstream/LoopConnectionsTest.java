package io.qorgan.gateway.upstream;

import static org.assertj.core.api.Assertions.assertThat;

import io.netty.bootstrap.Bootstrap;
import io.netty.channel.Channel;
import io.netty.channel.ChannelInitializer;
import io.netty.channel.EventLoop;
import io.netty.channel.EventLoopGroup;
import io.netty.channel.MultiThreadIoEventLoopGroup;
import io.netty.channel.nio.NioIoHandler;
import io.netty.channel.socket.nio.NioSocketChannel;
import io.netty.handler.codec.http.HttpDecoderConfig;
import io.netty.handler.codec.http.HttpRequestEncoder;
import io.qorgan.gateway.testing.IntegrationTest;
import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The per-loop pool of upstream connections, against a real listening socket: lending, reuse, waiting in line,
 * refusal when the line is full, dropping connections the upstream closed, a failed connect, and closing.
 */
@IntegrationTest
class LoopConnectionsTest {

    private final EventLoopGroup group = new MultiThreadIoEventLoopGroup(1, NioIoHandler.newFactory());
    private final EventLoop loop = group.next();
    private final List<Socket> accepted = new CopyOnWriteArrayList<>();
    private ServerSocket upstream;
    private Thread acceptor;

    @BeforeEach
    void listen() throws IOException {
        upstream = new ServerSocket(0, 50, InetAddress.getLoopbackAddress());
        acceptor = new Thread(() -> {
            try {
                while (true) {
                    accepted.add(upstream.accept());
                }
            } catch (IOException closed) {
                // the test ended
            }
        });
        acceptor.setDaemon(true);
        acceptor.start();
    }

    @AfterEach
    void stop() throws Exception {
        upstream.close();
        for (Socket s : accepted) {
            s.close();
        }
        group.shutdownGracefully(0, 1, TimeUnit.SECONDS).sync();
    }

    private LoopConnections pool(int port, int max, int maxWaiting) {
        Bootstrap bootstrap = new Bootstrap()
                .group(loop)
                .channel(NioSocketChannel.class)
                .remoteAddress(new InetSocketAddress("127.0.0.1", port))
                .handler(new ChannelInitializer<Channel>() {
                    @Override
                    protected void initChannel(Channel ch) {
                        UpstreamResponseDecoder decoder = new UpstreamResponseDecoder(new HttpDecoderConfig());
                        ch.pipeline()
                                .addLast(new HttpRequestEncoder())
                                .addLast(decoder)
                                .addLast(new UpstreamHandler(TimeUnit.SECONDS.toNanos(30), decoder));
                    }
                });
        return new LoopConnections(loop, bootstrap, max, maxWaiting);
    }

    /** What one acquire ended in. */
    private static final class Outcome implements LoopConnections.Lending {
        volatile Channel channel;
        volatile UpstreamHandler handler;
        volatile UpstreamFailure.Kind refused;

        @Override
        public void lent(Channel channel, UpstreamHandler handler) {
            this.channel = channel;
            this.handler = handler;
        }

        @Override
        public void refused(UpstreamFailure.Kind kind) {
            this.refused = kind;
        }

        boolean ended() {
            return channel != null || refused != null;
        }
    }

    private Outcome acquire(LoopConnections pool) throws Exception {
        Outcome outcome = new Outcome();
        loop.submit(() -> pool.acquire(outcome)).sync();
        return outcome;
    }

    private void release(LoopConnections pool, Outcome lent) throws Exception {
        loop.submit(() -> pool.release(lent.channel, lent.handler)).sync();
    }

    private static void await(Outcome outcome) throws InterruptedException {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
        while (!outcome.ended() && System.nanoTime() < deadline) {
            Thread.sleep(5);
        }
        assertThat(outcome.ended()).as("acquire ended").isTrue();
    }

    /** The upstream's accepting thread may add a connection after the client saw it open: waited for. */
    private void awaitAccepted(int count) throws InterruptedException {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
        while (accepted.size() < count && System.nanoTime() < deadline) {
            Thread.sleep(5);
        }
    }

    @Test
    void acquire_released_reusesTheIdleConnection() throws Exception {
        LoopConnections pool = pool(upstream.getLocalPort(), 2, 4);
        Outcome first = acquire(pool);
        await(first);
        release(pool, first);

        Outcome second = acquire(pool);
        await(second);

        assertThat(second.channel).isSameAs(first.channel);
        awaitAccepted(1);
        assertThat(accepted).hasSize(1);
    }

    @Test
    void acquire_allLent_waitsInLineUntilOneIsReleased() throws Exception {
        LoopConnections pool = pool(upstream.getLocalPort(), 1, 4);
        Outcome first = acquire(pool);
        await(first);

        Outcome waiting = acquire(pool);
        Thread.sleep(100);
        assertThat(waiting.ended())
                .as("waits while the only connection is lent")
                .isFalse();

        release(pool, first);
        await(waiting);
        assertThat(waiting.channel).isSameAs(first.channel);
    }

    @Test
    void acquire_lineFull_refusedAtOnce() throws Exception {
        LoopConnections pool = pool(upstream.getLocalPort(), 1, 1);
        await(acquire(pool));
        Outcome inLine = acquire(pool);

        Outcome third = acquire(pool);

        assertThat(third.refused).isEqualTo(UpstreamFailure.Kind.POOL_EXHAUSTED);
        assertThat(inLine.ended()).isFalse();
    }

    @Test
    void acquire_idleConnectionClosedByTheUpstream_dropsItAndConnectsAnew() throws Exception {
        LoopConnections pool = pool(upstream.getLocalPort(), 2, 4);
        Outcome first = acquire(pool);
        await(first);
        release(pool, first);
        awaitAccepted(1);
        accepted.get(0).close();
        first.channel.closeFuture().await(10, TimeUnit.SECONDS);

        Outcome second = acquire(pool);
        await(second);

        assertThat(second.channel).isNotSameAs(first.channel);
        assertThat(second.channel.isActive()).isTrue();
    }

    @Test
    void acquire_upstreamNotListening_refusedAsConnectAndTheSlotFreed() throws Exception {
        int closedPort;
        try (ServerSocket s = new ServerSocket(0)) {
            closedPort = s.getLocalPort();
        }
        LoopConnections pool = pool(closedPort, 1, 4);

        Outcome first = acquire(pool);
        await(first);
        Outcome second = acquire(pool);
        await(second);

        assertThat(first.refused).isEqualTo(UpstreamFailure.Kind.CONNECT);
        assertThat(second.refused)
                .as("the slot came back: a second connect was tried")
                .isEqualTo(UpstreamFailure.Kind.CONNECT);
    }

    @Test
    void close_idleClosedWaitingRefused_lentClosedWhenGivenBack() throws Exception {
        LoopConnections pool = pool(upstream.getLocalPort(), 2, 4);
        Outcome idle = acquire(pool);
        await(idle);
        Outcome lent = acquire(pool);
        await(lent);
        release(pool, idle);
        Outcome extra = acquire(pool); // takes the idle one back: two lent now
        await(extra);
        Outcome waiting = acquire(pool);

        pool.close(); // off the loop, as at shutdown

        assertThat(waiting.refused).isEqualTo(UpstreamFailure.Kind.POOL_EXHAUSTED);
        release(pool, lent);
        assertThat(lent.channel.closeFuture().await(10, TimeUnit.SECONDS)).isTrue();
        Outcome after = acquire(pool);
        assertThat(after.refused).isEqualTo(UpstreamFailure.Kind.POOL_EXHAUSTED);
    }
}
