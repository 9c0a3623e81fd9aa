package io.qorgan.gateway.server;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import io.netty.buffer.ByteBuf;
import io.netty.buffer.ByteBufAllocator;
import io.netty.buffer.ByteBufOutputStream;
import io.netty.handler.codec.http.DefaultFullHttpResponse;
import io.netty.handler.codec.http.FullHttpResponse;
import io.netty.handler.codec.http.HttpHeaderNames;
import io.netty.handler.codec.http.HttpHeaderValues;
import io.netty.handler.codec.http.HttpResponseStatus;
import io.netty.handler.codec.http.HttpVersion;
import io.qorgan.gateway.dialect.Dialect;
import io.qorgan.gateway.dialect.Framing;
import io.qorgan.gateway.exchange.GatewayError;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;

/**
 * Errors in the shape the AI APIs use, so that SDKs surface them as they surface the service's own:
 * {@code {"error":{"message":…,"type":…,"code":…},"request_id":…}}. Messages never carry request
 * content.
 */
public final class ErrorResponses {

    private static final JsonFactory JSON = new JsonFactory();

    private ErrorResponses() {}

    public static FullHttpResponse build(ByteBufAllocator alloc, GatewayError error, String requestId) {
        ByteBuf body = alloc.buffer(256);
        try (JsonGenerator g = JSON.createGenerator((OutputStream) new ByteBufOutputStream(body))) {
            g.writeStartObject();
            errorObject(g, error);
            if (requestId != null) {
                g.writeStringField("request_id", requestId);
            }
            g.writeEndObject();
        } catch (IOException e) {
            body.release();
            throw new UncheckedIOException(e);
        }
        FullHttpResponse response =
                new DefaultFullHttpResponse(HttpVersion.HTTP_1_1, HttpResponseStatus.valueOf(error.status()), body);
        response.headers()
                .set(HttpHeaderNames.CONTENT_TYPE, HttpHeaderValues.APPLICATION_JSON)
                .setInt(HttpHeaderNames.CONTENT_LENGTH, body.readableBytes());
        if (requestId != null) {
            response.headers().set(GatewayHeaders.REQUEST_ID, requestId);
        }
        if (error.retryAfterSeconds() > 0) {
            response.headers().set(HttpHeaderNames.RETRY_AFTER, error.retryAfterSeconds());
        }
        if (error.status() == 401) {
            response.headers().set(HttpHeaderNames.WWW_AUTHENTICATE, "Bearer realm=\"qorgan\"");
        }
        return response;
    }

    /**
     * The event that ends a stream the gateway cuts, framed and shaped as the API's clients read a stream's error:
     * an Ollama line {@code {"error":"…"}}; an Anthropic {@code event: error} with
     * {@code {"type":"error","error":{"type":…,"message":…}}}; an OpenAI Responses {@code event: error} with
     * {@code {"type":"error","code":…,"message":…}}; otherwise (OpenAI chat and completions) a {@code data:} event
     * with the usual error object.
     */
    public static byte[] streamEvent(Dialect dialect, Framing framing, GatewayError error, String requestId) {
        boolean line = framing == Framing.NDJSON;
        boolean named = !line && (dialect == Dialect.ANTHROPIC_MESSAGES || dialect == Dialect.OPENAI_RESPONSES);
        ByteArrayOutputStream event = new ByteArrayOutputStream(256);
        event.writeBytes(
                line ? new byte[0] : (named ? "event: error\ndata: " : "data: ").getBytes(StandardCharsets.UTF_8));
        try (JsonGenerator g = JSON.createGenerator(event)) {
            g.writeStartObject();
            if (line) {
                g.writeStringField("error", error.message());
            } else if (dialect == Dialect.ANTHROPIC_MESSAGES) {
                g.writeStringField("type", "error");
                g.writeObjectFieldStart("error");
                g.writeStringField("type", error.type());
                g.writeStringField("message", error.message());
                g.writeEndObject();
            } else if (dialect == Dialect.OPENAI_RESPONSES) {
                g.writeStringField("type", "error");
                g.writeStringField("code", error.code());
                g.writeStringField("message", error.message());
                g.writeNullField("param");
            } else {
                errorObject(g, error);
            }
            if (requestId != null) {
                g.writeStringField("request_id", requestId);
            }
            g.writeEndObject();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        event.writeBytes((line ? "\n" : "\n\n").getBytes(StandardCharsets.UTF_8));
        return event.toByteArray();
    }

    /** {@code "error":{"message":…,"type":…,"code":…}}, the error object of the OpenAI-style shape. */
    private static void errorObject(JsonGenerator g, GatewayError error) throws IOException {
        g.writeObjectFieldStart("error");
        g.writeStringField("message", error.message());
        g.writeStringField("type", error.type());
        g.writeStringField("code", error.code());
        g.writeEndObject();
    }
}
