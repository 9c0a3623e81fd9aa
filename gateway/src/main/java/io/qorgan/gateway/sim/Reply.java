package io.qorgan.gateway.sim;

import io.netty.handler.codec.http.HttpResponseStatus;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** What a responder answers: a whole body, or a stream of events written one by one. */
sealed interface Reply permits Reply.Full, Reply.Stream {

    /** A complete body with its status, and headers of its own. */
    record Full(HttpResponseStatus status, String contentType, byte[] body, Map<String, String> headers)
            implements Reply {

        Full(HttpResponseStatus status, String contentType, byte[] body) {
            this(status, contentType, body, Map.of());
        }

        Full withHeader(String name, String value) {
            Map<String, String> more = new LinkedHashMap<>(headers);
            more.put(name, value);
            return new Full(status, contentType, body, more);
        }
    }

    /** Events already framed (SSE or NDJSON lines), written with the configured pacing. */
    record Stream(String contentType, List<byte[]> events) implements Reply {}

    String JSON = "application/json";
    String SSE = "text/event-stream; charset=utf-8";
    String NDJSON = "application/x-ndjson";

    static Full json(byte[] body) {
        return new Full(HttpResponseStatus.OK, JSON, body);
    }
}
