import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * The attack of issue 14 (item 1), for attack-unauthenticated-bodies.sh: connections without an API key, each
 * declaring a 9.9 MB body and sending it slowly, 64 KB every 100 ms, for a bounded time. A gateway that reads bodies
 * before identifying callers buffers them all; one that decides on the head answers 401 and closes at once.
 *
 * <p>Run with the JDK's single-file launcher: {@code java UnauthenticatedBodies.java PORT CONNECTIONS SECONDS}.
 * Loopback only. Prints how many connections got an answer and how many bytes of body the gateway took.
 */
public final class UnauthenticatedBodies {

    public static void main(String[] args) throws Exception {
        int port = Integer.parseInt(args[0]);
        int connections = Integer.parseInt(args[1]);
        long seconds = Long.parseLong(args[2]);
        long deadline = System.nanoTime() + seconds * 1_000_000_000L;
        AtomicInteger answered = new AtomicInteger();
        AtomicInteger unauthorized = new AtomicInteger();
        java.util.concurrent.atomic.AtomicLong sent = new java.util.concurrent.atomic.AtomicLong();
        List<Thread> threads = new ArrayList<>();
        for (int i = 0; i < connections; i++) {
            Thread t = new Thread(() -> attack(port, deadline, answered, unauthorized, sent));
            t.setDaemon(true);
            t.start();
            threads.add(t);
        }
        long end = deadline + 2_000_000_000L; // a writer blocked on a full socket buffer is left behind
        for (Thread t : threads) {
            long left = (end - System.nanoTime()) / 1_000_000;
            if (left > 0) {
                t.join(left);
            }
        }
        System.out.printf(
                "attack: %d connections, %d answered (%d with 401); the attackers wrote %d body bytes before their connections were closed%n",
                connections, answered.get(), unauthorized.get(), sent.get());
        System.exit(0); // writers still blocked on a gateway that stopped reading are daemon threads: leave them
    }

    private static void attack(
            int port, long deadline, AtomicInteger answered, AtomicInteger unauthorized,
            java.util.concurrent.atomic.AtomicLong sent) {
        byte[] chunk = new byte[64 * 1024];
        java.util.Arrays.fill(chunk, (byte) 'a');
        try (Socket s = new Socket("127.0.0.1", port)) {
            s.setSoTimeout(100);
            OutputStream out = s.getOutputStream();
            InputStream in = s.getInputStream();
            out.write(("POST /v1/chat/completions HTTP/1.1\r\nHost: x\r\nContent-Type: application/json\r\n"
                            + "Content-Length: 9900000\r\n\r\n")
                    .getBytes(StandardCharsets.US_ASCII));
            out.flush();
            byte[] buf = new byte[4096];
            boolean gotAnswer = false;
            while (System.nanoTime() < deadline) {
                try {
                    int n = in.read(buf);
                    if (n < 0) {
                        return; // closed by the gateway
                    }
                    if (!gotAnswer) {
                        gotAnswer = true;
                        answered.incrementAndGet();
                        if (new String(buf, 0, n, StandardCharsets.US_ASCII).startsWith("HTTP/1.1 401")) {
                            unauthorized.incrementAndGet();
                        }
                    }
                } catch (java.net.SocketTimeoutException quiet) {
                    // nothing to read yet: send more of the body
                }
                out.write(chunk);
                out.flush();
                sent.addAndGet(chunk.length);
            }
        } catch (IOException e) {
            // reset or closed by the gateway: the attack on this connection is over
        }
    }
}
