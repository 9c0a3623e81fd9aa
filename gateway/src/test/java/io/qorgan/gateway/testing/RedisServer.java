package io.qorgan.gateway.testing;

import static org.junit.jupiter.api.Assumptions.assumeTrue;

import io.lettuce.core.RedisClient;
import io.lettuce.core.api.StatefulRedisConnection;
import io.lettuce.core.api.sync.RedisCommands;
import io.lettuce.core.codec.ByteArrayCodec;
import io.lettuce.core.codec.RedisCodec;
import io.lettuce.core.codec.StringCodec;
import java.io.ByteArrayOutputStream;
import java.io.File;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * A real Redis server for a test: Debian's {@code redis-server} (or the one {@code REDIS_SERVER} names) on a free
 * loopback port, nothing saved to disk. A test that needs one is skipped when none is installed, except under
 * {@code CI=true}: {@code .ci/run} installs it, so there a missing server fails the test rather than hide it.
 */
public final class RedisServer implements AutoCloseable {

    private final String binary;
    private final int port;
    private final Path dir;
    private Process process;

    private RedisServer(String binary, int port, Path dir) {
        this.binary = binary;
        this.port = port;
        this.dir = dir;
    }

    public static RedisServer start() throws IOException {
        String binary = System.getenv().getOrDefault("REDIS_SERVER", "redis-server");
        boolean installed = installed(binary);
        assumeTrue(
                installed || "true".equals(System.getenv("CI")),
                "redis-server is not installed here (.ci/run installs it)");
        if (!installed) {
            throw new IllegalStateException("redis-server not found under CI=true (set REDIS_SERVER or install it)");
        }
        int port;
        try (ServerSocket s = new ServerSocket(0)) {
            port = s.getLocalPort();
        }
        RedisServer server = new RedisServer(binary, port, Files.createTempDirectory("qorgan-redis"));
        server.startAgain();
        return server;
    }

    private static boolean installed(String binary) {
        if (binary.contains(File.separator)) {
            return Files.isExecutable(Path.of(binary));
        }
        for (String dir : System.getenv().getOrDefault("PATH", "").split(File.pathSeparator)) {
            if (Files.isExecutable(Path.of(dir, binary))) {
                return true;
            }
        }
        return false;
    }

    /** Starts the server (again, after {@link #stop()}) on the same port, and waits until it accepts connections. */
    public void startAgain() throws IOException {
        process = new ProcessBuilder(
                        binary,
                        "--port",
                        Integer.toString(port),
                        "--bind",
                        "127.0.0.1",
                        "--save",
                        "",
                        "--appendonly",
                        "no",
                        "--dir",
                        dir.toString())
                .redirectErrorStream(true)
                .redirectOutput(dir.resolve("redis.log").toFile())
                .start();
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
        while (System.nanoTime() < deadline) {
            try (Socket s = new Socket()) {
                s.connect(new InetSocketAddress("127.0.0.1", port), 200);
                return;
            } catch (IOException e) {
                sleep(20);
            }
        }
        throw new IOException("redis-server did not start: " + Files.readString(dir.resolve("redis.log")));
    }

    /** Stops the server, as an outage would. */
    public void stop() throws InterruptedException {
        if (process != null) {
            process.destroy();
            if (!process.waitFor(10, TimeUnit.SECONDS)) {
                process.destroyForcibly().waitFor();
            }
            process = null;
        }
    }

    public String url() {
        return "redis://127.0.0.1:" + port;
    }

    /** Every key and its value as stored (a hash's fields and values one after another), to look for what leaked. */
    public Map<String, byte[]> dump() {
        RedisClient client = RedisClient.create(url());
        try (StatefulRedisConnection<String, byte[]> c =
                client.connect(RedisCodec.of(StringCodec.UTF8, ByteArrayCodec.INSTANCE))) {
            c.setTimeout(Duration.ofSeconds(5));
            RedisCommands<String, byte[]> sync = c.sync();
            Map<String, byte[]> out = new LinkedHashMap<>();
            List<String> keys = sync.keys("*");
            for (String key : keys) {
                String type = sync.type(key);
                ByteArrayOutputStream value = new ByteArrayOutputStream();
                if (type.equals("hash")) {
                    sync.hgetall(key).forEach((field, v) -> {
                        value.writeBytes(field.getBytes(StandardCharsets.UTF_8));
                        value.writeBytes(v);
                    });
                } else if (type.equals("string")) {
                    value.writeBytes(sync.get(key));
                } else {
                    throw new IllegalStateException("unexpected " + type + " at " + key);
                }
                out.put(key, value.toByteArray());
            }
            return out;
        } finally {
            client.shutdown(Duration.ZERO, Duration.ofSeconds(2));
        }
    }

    private static void sleep(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new UncheckedIOException(new IOException("interrupted"));
        }
    }

    @Override
    public void close() throws Exception {
        stop();
        try (var files = Files.walk(dir)) {
            files.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
        }
    }
}
