package io.qorgan.gateway.testing;

import java.io.BufferedReader;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.net.Socket;
import java.net.SocketException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;

/**
 * A plain socket speaking HTTP/1.1 by hand, for what a well-behaved client library will not send
 * (malformed request lines, huge headers, pipelined requests) and for reading exact bytes.
 */
public final class RawHttp implements AutoCloseable {

    private final Socket socket;
    private final InputStream in;
    private final OutputStream out;

    public RawHttp(int port) throws IOException {
        this.socket = new Socket("127.0.0.1", port);
        socket.setSoTimeout(20_000);
        socket.setTcpNoDelay(true);
        this.in = socket.getInputStream();
        this.out = socket.getOutputStream();
    }

    /** How long a read may wait before it fails with a timeout. */
    public RawHttp timeout(Duration timeout) throws IOException {
        socket.setSoTimeout((int) timeout.toMillis());
        return this;
    }

    public RawHttp send(String text) throws IOException {
        out.write(text.getBytes(StandardCharsets.UTF_8));
        out.flush();
        return this;
    }

    public RawHttp send(byte[] bytes) throws IOException {
        out.write(bytes);
        out.flush();
        return this;
    }

    /** Sends a JSON POST with its exact length. */
    public RawHttp postJson(String path, String json) throws IOException {
        byte[] body = json.getBytes(StandardCharsets.UTF_8);
        send("POST " + path + " HTTP/1.1\r\nHost: x\r\nContent-Type: application/json\r\nContent-Length: " + body.length
                + "\r\n\r\n");
        return send(body);
    }

    /** Reads raw lines (head, chunk sizes, events) up to the first SSE {@code data:} line; null at end of stream. */
    public String firstDataLine() throws IOException {
        BufferedReader reader = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8));
        String line;
        while ((line = reader.readLine()) != null && !line.startsWith("data:")) {
            // skip
        }
        return line;
    }

    /** Reads raw bytes up to the end of a chunked body ({@code 0} and a blank line) or of the stream. */
    public String readUntilChunkedEnd() throws IOException {
        StringBuilder raw = new StringBuilder();
        byte[] buf = new byte[8192];
        int n;
        while (raw.indexOf("\r\n0\r\n\r\n") < 0 && (n = in.read(buf)) >= 0) {
            raw.append(new String(buf, 0, n, StandardCharsets.ISO_8859_1));
        }
        return new String(raw.toString().getBytes(StandardCharsets.ISO_8859_1), StandardCharsets.UTF_8);
    }

    /** Reads one response: status line and headers, then a Content-Length or chunked body. */
    public Response readResponse() throws IOException {
        String head = readHead();
        String[] lines = head.split("\r\n");
        int status = Integer.parseInt(lines[0].split(" ")[1]);
        Map<String, String> headers = new LinkedHashMap<>();
        for (int i = 1; i < lines.length; i++) {
            int c = lines[i].indexOf(':');
            if (c > 0) {
                headers.put(
                        lines[i].substring(0, c).trim().toLowerCase(Locale.ROOT),
                        lines[i].substring(c + 1).trim());
            }
        }
        byte[] body;
        if (headers.containsKey("content-length")) {
            body = in.readNBytes(Integer.parseInt(headers.get("content-length")));
        } else if ("chunked".equalsIgnoreCase(headers.get("transfer-encoding"))) {
            body = readChunked();
        } else {
            body = new byte[0];
        }
        return new Response(status, headers, new String(body, StandardCharsets.UTF_8));
    }

    private String readHead() throws IOException {
        ByteArrayOutputStream buf = new ByteArrayOutputStream();
        int state = 0;
        while (state < 4) {
            int b = in.read();
            if (b < 0) {
                throw new IOException("connection closed before a full response head");
            }
            buf.write(b);
            state = switch (state) {
                case 0, 2 -> b == '\r' ? state + 1 : 0;
                case 1, 3 -> b == '\n' ? state + 1 : (b == '\r' ? 1 : 0);
                default -> 0;
            };
        }
        return buf.toString(StandardCharsets.ISO_8859_1);
    }

    private byte[] readChunked() throws IOException {
        ByteArrayOutputStream body = new ByteArrayOutputStream();
        while (true) {
            String sizeLine = readLine();
            int size = Integer.parseInt(sizeLine.split(";")[0].trim(), 16);
            if (size == 0) {
                while (!readLine().isEmpty()) {
                    // trailers
                }
                return body.toByteArray();
            }
            body.write(in.readNBytes(size));
            readLine();
        }
    }

    private String readLine() throws IOException {
        ByteArrayOutputStream buf = new ByteArrayOutputStream();
        int b;
        while ((b = in.read()) >= 0) {
            if (b == '\n') {
                break;
            }
            if (b != '\r') {
                buf.write(b);
            }
        }
        return buf.toString(StandardCharsets.ISO_8859_1);
    }

    /** True when the server closed the connection (read returns end of stream). */
    public boolean closedByServer() throws IOException {
        try {
            return in.read() < 0;
        } catch (SocketException e) {
            return true;
        }
    }

    public InputStream input() {
        return in;
    }

    @Override
    public void close() throws IOException {
        socket.close();
    }

    public record Response(int status, Map<String, String> headers, String body) {}
}
