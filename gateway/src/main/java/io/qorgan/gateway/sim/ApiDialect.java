package io.qorgan.gateway.sim;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.netty.handler.codec.http.HttpResponseStatus;

/** The error body each API family uses, so clients and the gateway see the errors they expect. */
enum ApiDialect {

    /** {@code {"error":{"message","type","param","code"}}}. */
    OPENAI {
        @Override
        Reply.Full error(HttpResponseStatus status, String message, String code) {
            ObjectNode error = Json.object()
                    .put("message", message)
                    .put("type", openAiType(status))
                    .putNull("param");
            if (code == null) {
                error.putNull("code");
            } else {
                error.put("code", code);
            }
            ObjectNode body = Json.object();
            body.set("error", error);
            return new Reply.Full(status, Reply.JSON, Json.bytes(body));
        }
    },

    /** {@code {"type":"error","error":{"type","message"}}}. */
    ANTHROPIC {
        @Override
        Reply.Full error(HttpResponseStatus status, String message, String code) {
            ObjectNode body = Json.object().put("type", "error");
            body.putObject("error").put("type", anthropicType(status)).put("message", message);
            return new Reply.Full(status, Reply.JSON, Json.bytes(body));
        }
    },

    /** {@code {"error":"message"}}. */
    OLLAMA {
        @Override
        Reply.Full error(HttpResponseStatus status, String message, String code) {
            return new Reply.Full(status, Reply.JSON, Json.bytes(Json.object().put("error", message)));
        }
    };

    /** An error answer in this API's shape; {@code code} is used where the shape has one. */
    abstract Reply.Full error(HttpResponseStatus status, String message, String code);

    /** The answer of an injected fault with this status. */
    Reply.Full fault(int status) {
        HttpResponseStatus s = HttpResponseStatus.valueOf(status);
        return switch (status) {
            case 429 -> error(s, "Rate limit reached (simulated).", "rate_limit_exceeded");
            case 503 -> error(s, "The server is overloaded (simulated).", "service_unavailable");
            default -> error(s, "The server had an error while processing your request (simulated).", "server_error");
        };
    }

    private static String openAiType(HttpResponseStatus status) {
        return switch (status.code()) {
            case 429 -> "rate_limit_error"; // OpenAI: "requests" / "tokens"; tests look at the status
            case 500, 503 -> "server_error";
            default -> "invalid_request_error";
        };
    }

    private static String anthropicType(HttpResponseStatus status) {
        return switch (status.code()) {
            case 404 -> "not_found_error";
            case 413 -> "request_too_large";
            case 429 -> "rate_limit_error";
            case 500 -> "api_error";
            case 503 -> "overloaded_error";
            default -> "invalid_request_error";
        };
    }
}
