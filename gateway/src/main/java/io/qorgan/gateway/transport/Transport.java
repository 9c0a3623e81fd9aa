package io.qorgan.gateway.transport;

import io.netty.channel.EventLoopGroup;
import io.netty.channel.IoEventLoopGroup;
import io.netty.channel.IoHandlerFactory;
import io.netty.channel.MultiThreadIoEventLoopGroup;
import io.netty.channel.ServerChannel;
import io.netty.channel.epoll.Epoll;
import io.netty.channel.epoll.EpollIoHandler;
import io.netty.channel.epoll.EpollServerSocketChannel;
import io.netty.channel.epoll.EpollSocketChannel;
import io.netty.channel.nio.NioIoHandler;
import io.netty.channel.socket.SocketChannel;
import io.netty.channel.socket.nio.NioServerSocketChannel;
import io.netty.channel.socket.nio.NioSocketChannel;
import io.netty.channel.uring.IoUring;
import io.netty.channel.uring.IoUringIoHandler;
import io.netty.channel.uring.IoUringServerSocketChannel;
import io.netty.channel.uring.IoUringSocketChannel;
import io.netty.util.concurrent.DefaultThreadFactory;

/**
 * The socket transport of the whole process, chosen once at start ({@code limits.transport}).
 * {@code auto} takes the cheapest one the machine offers: io_uring (Linux 5.14+, when the kernel
 * allows it: {@code kernel.io_uring_disabled}, seccomp), then epoll (Linux), then NIO. On the
 * proxy path io_uring costs the gateway about a tenth less CPU per exchange than epoll, since it
 * submits a loop's socket operations in one system call and wakes the thread less often.
 */
public record Transport(
        String name,
        IoHandlerFactory ioHandlerFactory,
        Class<? extends ServerChannel> serverChannel,
        Class<? extends SocketChannel> socketChannel) {

    /**
     * The transport named by {@code choice} ({@code auto}, {@code io_uring}, {@code epoll} or
     * {@code nio}, as validated by the config loader).
     *
     * @throws IllegalStateException when the transport asked for by name cannot run here, with Netty's reason
     */
    public static Transport select(String choice) {
        switch (choice) {
            case "auto":
                if (IoUring.isAvailable()) {
                    return ioUring();
                }
                return Epoll.isAvailable() ? epoll() : nio();
            case "io_uring":
                requireAvailable("io_uring", IoUring.unavailabilityCause());
                return ioUring();
            case "epoll":
                requireAvailable("epoll", Epoll.unavailabilityCause());
                return epoll();
            case "nio":
                return nio();
            default:
                throw new IllegalArgumentException("unknown transport `" + choice + "`");
        }
    }

    /** The transport {@code group} runs (a group shared with the simulator, say); NIO for any other group. */
    public static Transport of(EventLoopGroup group) {
        if (group instanceof IoEventLoopGroup io) {
            if (io.isIoType(IoUringIoHandler.class)) {
                return ioUring();
            }
            if (io.isIoType(EpollIoHandler.class)) {
                return epoll();
            }
        }
        return nio();
    }

    /** Whether the transport {@code name} can run on this machine. */
    public static boolean available(String name) {
        return switch (name) {
            case "io_uring" -> IoUring.isAvailable();
            case "epoll" -> Epoll.isAvailable();
            case "nio" -> true;
            default -> false;
        };
    }

    private static void requireAvailable(String name, Throwable cause) {
        if (cause != null) {
            throw new IllegalStateException("transport " + name + " is not available here: " + cause.getMessage());
        }
    }

    private static Transport ioUring() {
        return new Transport(
                "io_uring",
                IoUringIoHandler.newFactory(),
                IoUringServerSocketChannel.class,
                IoUringSocketChannel.class);
    }

    private static Transport epoll() {
        return new Transport(
                "epoll", EpollIoHandler.newFactory(), EpollServerSocketChannel.class, EpollSocketChannel.class);
    }

    private static Transport nio() {
        return new Transport("nio", NioIoHandler.newFactory(), NioServerSocketChannel.class, NioSocketChannel.class);
    }

    public EventLoopGroup newGroup(int threads, String threadPrefix) {
        return new MultiThreadIoEventLoopGroup(threads, new DefaultThreadFactory(threadPrefix, true), ioHandlerFactory);
    }
}
