package io.qorgan.gateway.testing;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.IntFunction;

/**
 * An upstream on a plain server socket that answers each request with the exact bytes a test gives, however wrong:
 * informational answers before the final one, a 204 with a body, more bytes than the length said. The simulator
 * speaks correct HTTP through Netty and cannot misbehave this way. Requests are read by their {@code Content-Length}
 * (what the gateway sends); answers are numbered from 0 across connections, and a null answer closes the connection.
 */
public final class MisbehavingUpstream implements AutoCloseable {

    private final ServerSocket server;
    private final IntFunction<byte[]> answers;
    private final AtomicInteger requests = new AtomicInteger();
    private final AtomicInteger connections = new AtomicInteger();
    private final List<String> heads = new CopyOnWriteArrayList<>();
    private final List<Socket> sockets = new CopyOnWriteArrayList<>();
    private final List<Thread> threads = new CopyOnWriteArrayList<>();

    public MisbehavingUpstream(IntFunction<byte[]> answers) throws IOException {
        this.server = new ServerSocket(0, 50, InetAddress.getLoopbackAddress());
        this.answers = answers;
        start(this::accept);
    }

    /** The same answer text for every request. */
    public static MisbehavingUpstream always(String answer) throws IOException {
        byte[] bytes = answer.getBytes(StandardCharsets.UTF_8);
        return new MisbehavingUpstream(n -> bytes);
    }

    public String baseUrl() {
        return "http://127.0.0.1:" + server.getLocalPort();
    }

    /** Connections accepted so far. */
    public int connections() {
        return connections.get();
    }

    /** The heads of the requests received, as text, in order. */
    public List<String> heads() {
        return new ArrayList<>(heads);
    }

    private void start(Runnable task) {
        Thread t = new Thread(task, "misbehaving-upstream");
        t.setDaemon(true);
        threads.add(t);
        t.start();
    }

    private void accept() {
        while (!server.isClosed()) {
            try {
                Socket socket = server.accept();
                socket.setSoTimeout(20_000);
                connections.incrementAndGet();
                sockets.add(socket);
                start(() -> serve(socket));
            } catch (IOException e) {
                return; // closed
            }
        }
    }

    private void serve(Socket socket) {
        try (socket) {
            InputStream in = socket.getInputStream();
            OutputStream out = socket.getOutputStream();
            while (true) {
                String head = readHead(in);
                if (head == null) {
                    return;
                }
                heads.add(head);
                in.readNBytes(contentLength(head));
                byte[] answer = answers.apply(requests.getAndIncrement());
                if (answer == null) {
                    return;
                }
                out.write(answer);
                out.flush();
            }
        } catch (IOException e) {
            // the gateway closed the connection
        }
    }

    private static String readHead(InputStream in) throws IOException {
        ByteArrayOutputStream buf = new ByteArrayOutputStream();
        int matched = 0;
        int b;
        while (matched < 4 && (b = in.read()) >= 0) {
            buf.write(b);
            matched = (b == '\r' && matched % 2 == 0) || (b == '\n' && matched % 2 == 1) ? matched + 1 : 0;
        }
        return matched == 4 ? buf.toString(StandardCharsets.ISO_8859_1) : null;
    }

    private static int contentLength(String head) {
        for (String line : head.split("\r\n")) {
            if (line.toLowerCase(Locale.ROOT).startsWith("content-length:")) {
                return Integer.parseInt(line.substring(15).trim());
            }
        }
        return 0;
    }

    @Override
    public void close() throws IOException {
        server.close();
        for (Socket s : sockets) {
            s.close();
        }
        for (Thread t : threads) {
            try {
                t.join(5_000);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            }
        }
    }
}
