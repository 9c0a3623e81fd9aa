package io.qorgan.gateway.sim;

import io.netty.handler.codec.http.HttpResponseStatus;
import java.util.List;

/** What a responder answers: a whole body, or a stream of events written one by one. */
sealed interface Reply permits Reply.Full, Reply.Stream {

    /** A complete body with its status. */
    record Full(HttpResponseStatus status, String contentType, byte[] body) implements Reply {}

    /** Events already framed (SSE or NDJSON lines), written with the configured pacing. */
    record Stream(String contentType, List<byte[]> events) implements Reply {}

    String JSON = "application/json";
    String SSE = "text/event-stream; charset=utf-8";
    String NDJSON = "application/x-ndjson";

    static Full json(byte[] body) {
        return new Full(HttpResponseStatus.OK, JSON, body);
    }
}
