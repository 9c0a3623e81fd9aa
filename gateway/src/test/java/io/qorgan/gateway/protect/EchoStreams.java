package io.qorgan.gateway.protect;

import com.fasterxml.jackson.databind.JsonNode;
import io.qorgan.gateway.dialect.Dialect;
import io.qorgan.gateway.dialect.Framing;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

/**
 * Streamed answers in each API's official shape (as the peer's node-sim sends them) that echo a
 * text split into the given pieces, as content deltas and, where the API has them, as tool-call
 * argument deltas of {@code {"text": ...}}; and the reader that puts the texts back together.
 */
final class EchoStreams {

    /** The texts a client would assemble from a stream. */
    record Assembled(String content, String arguments, List<String> wholeTexts) {}

    private EchoStreams() {}

    static boolean hasArguments(Dialect d) {
        return d == Dialect.OPENAI_CHAT || d == Dialect.OPENAI_RESPONSES || d == Dialect.ANTHROPIC_MESSAGES;
    }

    static String stream(Dialect dialect, List<String> pieces, List<String> argPieces) {
        String text = String.join("", pieces);
        String args = String.join("", argPieces);
        StringBuilder sb = new StringBuilder();
        switch (dialect) {
            case OPENAI_CHAT -> {
                String head =
                        "{\"id\":\"chatcmpl-1\",\"object\":\"chat.completion.chunk\",\"created\":1,\"model\":\"m\","
                                + "\"system_fingerprint\":\"fp\",\"choices\":[{\"index\":0,\"delta\":";
                String tail = ",\"logprobs\":null,\"finish_reason\":null}]}";
                sb.append(sse(null, head + "{\"role\":\"assistant\",\"content\":\"\",\"refusal\":null}" + tail));
                for (String p : pieces) {
                    sb.append(sse(null, head + "{\"content\":" + Json.quote(p) + "}" + tail));
                }
                sb.append(sse(
                        null,
                        head + "{\"tool_calls\":[{\"index\":0,\"id\":\"call_1\",\"type\":\"function\","
                                + "\"function\":{\"name\":\"f\",\"arguments\":\"\"}}]}" + tail));
                for (String p : argPieces) {
                    sb.append(sse(
                            null,
                            head + "{\"tool_calls\":[{\"index\":0,\"function\":{\"arguments\":" + Json.quote(p) + "}}]}"
                                    + tail));
                }
                sb.append(
                        sse(null, head + "{}" + tail.replace("\"finish_reason\":null", "\"finish_reason\":\"stop\"")));
                sb.append("data: [DONE]\n\n");
            }
            case OPENAI_COMPLETIONS -> {
                for (String p : pieces) {
                    sb.append(sse(
                            null,
                            "{\"id\":\"c\",\"object\":\"text_completion\",\"choices\":[{\"text\":" + Json.quote(p)
                                    + ",\"index\":0,\"logprobs\":null,\"finish_reason\":null}]}"));
                }
                sb.append(sse(
                        null,
                        "{\"id\":\"c\",\"object\":\"text_completion\",\"choices\":[{\"text\":\"\",\"index\":0,"
                                + "\"logprobs\":null,\"finish_reason\":\"stop\"}]}"));
                sb.append("data: [DONE]\n\n");
            }
            case OPENAI_RESPONSES -> {
                int[] seq = {0};
                String at = "\"item_id\":\"msg_1\",\"output_index\":0,\"content_index\":0";
                sb.append(responses(
                        seq,
                        "response.created",
                        "\"response\":{\"id\":\"resp_1\",\"status\":\"in_progress\",\"output\":[]}"));
                sb.append(responses(
                        seq,
                        "response.output_item.added",
                        "\"output_index\":0,\"item\":{\"id\":\"msg_1\",\"type\":\"message\",\"content\":[]}"));
                sb.append(responses(
                        seq, "response.content_part.added", at + ",\"part\":{\"type\":\"output_text\",\"text\":\"\"}"));
                for (String p : pieces) {
                    sb.append(responses(
                            seq,
                            "response.output_text.delta",
                            at + ",\"delta\":" + Json.quote(p) + ",\"logprobs\":[]"));
                }
                sb.append(responses(
                        seq, "response.output_text.done", at + ",\"text\":" + Json.quote(text) + ",\"logprobs\":[]"));
                sb.append(responses(
                        seq,
                        "response.content_part.done",
                        at + ",\"part\":{\"type\":\"output_text\",\"text\":" + Json.quote(text) + "}"));
                sb.append(responses(
                        seq,
                        "response.output_item.done",
                        "\"output_index\":0,\"item\":{\"id\":\"msg_1\",\"type\":\"message\"}"));
                String fc = "\"item_id\":\"fc_1\",\"output_index\":1";
                sb.append(
                        responses(
                                seq,
                                "response.output_item.added",
                                "\"output_index\":1,\"item\":{\"id\":\"fc_1\",\"type\":\"function_call\",\"name\":\"f\",\"arguments\":\"\"}"));
                for (String p : argPieces) {
                    sb.append(responses(
                            seq, "response.function_call_arguments.delta", fc + ",\"delta\":" + Json.quote(p)));
                }
                sb.append(responses(
                        seq, "response.function_call_arguments.done", fc + ",\"arguments\":" + Json.quote(args)));
                sb.append(responses(
                        seq,
                        "response.output_item.done",
                        "\"output_index\":1,\"item\":{\"id\":\"fc_1\",\"type\":\"function_call\",\"arguments\":"
                                + Json.quote(args) + "}"));
                sb.append(responses(
                        seq,
                        "response.completed",
                        "\"response\":{\"id\":\"resp_1\",\"status\":\"completed\",\"output\":[{\"type\":\"message\",\"content\":[{\"type\":\"output_text\",\"text\":"
                                + Json.quote(text) + "}]}]}"));
            }
            case ANTHROPIC_MESSAGES -> {
                sb.append(
                        sse(
                                "message_start",
                                "{\"type\":\"message_start\",\"message\":{\"id\":\"msg_1\",\"type\":\"message\",\"role\":\"assistant\",\"content\":[],\"usage\":{\"input_tokens\":3,\"output_tokens\":1}}}"));
                sb.append(
                        sse(
                                "content_block_start",
                                "{\"type\":\"content_block_start\",\"index\":0,\"content_block\":{\"type\":\"text\",\"text\":\"\"}}"));
                sb.append(sse("ping", "{\"type\":\"ping\"}"));
                for (String p : pieces) {
                    sb.append(sse(
                            "content_block_delta",
                            "{\"type\":\"content_block_delta\",\"index\":0,\"delta\":{\"type\":\"text_delta\",\"text\":"
                                    + Json.quote(p) + "}}"));
                }
                sb.append(sse("content_block_stop", "{\"type\":\"content_block_stop\",\"index\":0}"));
                sb.append(
                        sse(
                                "content_block_start",
                                "{\"type\":\"content_block_start\",\"index\":1,\"content_block\":{\"type\":\"tool_use\",\"id\":\"tu\",\"name\":\"f\",\"input\":{}}}"));
                for (String p : argPieces) {
                    sb.append(sse(
                            "content_block_delta",
                            "{\"type\":\"content_block_delta\",\"index\":1,\"delta\":{\"type\":\"input_json_delta\",\"partial_json\":"
                                    + Json.quote(p) + "}}"));
                }
                sb.append(sse("content_block_stop", "{\"type\":\"content_block_stop\",\"index\":1}"));
                sb.append(
                        sse(
                                "message_delta",
                                "{\"type\":\"message_delta\",\"delta\":{\"stop_reason\":\"end_turn\",\"stop_sequence\":null},\"usage\":{\"output_tokens\":9}}"));
                sb.append(sse("message_stop", "{\"type\":\"message_stop\"}"));
            }
            case OLLAMA_CHAT -> {
                for (String p : pieces) {
                    sb.append(
                                    "{\"model\":\"m\",\"created_at\":\"2026-01-01T00:00:00Z\",\"message\":{\"role\":\"assistant\",\"content\":")
                            .append(Json.quote(p))
                            .append("},\"done\":false}\n");
                }
                sb.append(
                        "{\"model\":\"m\",\"created_at\":\"2026-01-01T00:00:00Z\",\"message\":{\"role\":\"assistant\",\"content\":\"\"},"
                                + "\"done_reason\":\"stop\",\"done\":true,\"total_duration\":123,\"eval_count\":4}\n");
            }
            case OLLAMA_GENERATE -> {
                for (String p : pieces) {
                    sb.append("{\"model\":\"m\",\"created_at\":\"2026-01-01T00:00:00Z\",\"response\":")
                            .append(Json.quote(p))
                            .append(",\"done\":false}\n");
                }
                sb.append(
                        "{\"model\":\"m\",\"created_at\":\"2026-01-01T00:00:00Z\",\"response\":\"\",\"done\":true,\"done_reason\":\"stop\",\"context\":[1,2]}\n");
            }
            default -> throw new IllegalArgumentException("not a streaming dialect: " + dialect);
        }
        return sb.toString();
    }

    private static String sse(String event, String data) {
        return (event == null ? "" : "event: " + event + "\n") + "data: " + data + "\n\n";
    }

    private static String responses(int[] seq, String type, String fields) {
        return sse(type, "{\"type\":\"" + type + "\",\"sequence_number\":" + (seq[0]++) + "," + fields + "}");
    }

    /** JSON payloads of the events of a stream, in order ({@code [DONE]} left out). */
    static List<JsonNode> events(Dialect dialect, String stream) {
        List<JsonNode> out = new ArrayList<>();
        if (dialect.framing() == Framing.NDJSON) {
            for (String line : stream.split("\n")) {
                if (!line.isBlank()) {
                    out.add(Json.parse(line));
                }
            }
            return out;
        }
        for (String event : stream.split("\n\n")) {
            StringBuilder data = new StringBuilder();
            for (String line : event.split("\n")) {
                if (line.startsWith("data: ")) {
                    data.append(line.substring(6));
                }
            }
            if (data.length() > 0 && !data.toString().equals("[DONE]")) {
                out.add(Json.parse(data.toString()));
            }
        }
        return out;
    }

    static Assembled assemble(Dialect dialect, String stream) {
        StringBuilder content = new StringBuilder();
        StringBuilder args = new StringBuilder();
        List<String> whole = new ArrayList<>();
        for (JsonNode e : events(dialect, stream)) {
            switch (dialect) {
                case OPENAI_CHAT -> {
                    JsonNode d = e.at("/choices/0/delta");
                    if (d.path("content").isTextual()) {
                        content.append(d.get("content").asText());
                    }
                    if (d.at("/tool_calls/0/function/arguments").isTextual()) {
                        args.append(d.at("/tool_calls/0/function/arguments").asText());
                    }
                }
                case OPENAI_COMPLETIONS ->
                    content.append(e.at("/choices/0/text").asText());
                case OPENAI_RESPONSES -> {
                    String type = e.get("type").asText();
                    switch (type) {
                        case "response.output_text.delta" ->
                            content.append(e.get("delta").asText());
                        case "response.function_call_arguments.delta" ->
                            args.append(e.get("delta").asText());
                        case "response.output_text.done" ->
                            whole.add(e.get("text").asText());
                        case "response.function_call_arguments.done" ->
                            whole.add(e.get("arguments").asText());
                        case "response.completed" ->
                            whole.add(e.at("/response/output/0/content/0/text").asText());
                        default -> {}
                    }
                }
                case ANTHROPIC_MESSAGES -> {
                    if (e.get("type").asText().equals("content_block_delta")) {
                        JsonNode d = e.get("delta");
                        if (d.has("text")) {
                            content.append(d.get("text").asText());
                        } else {
                            args.append(d.get("partial_json").asText());
                        }
                    }
                }
                case OLLAMA_CHAT -> content.append(e.at("/message/content").asText());
                case OLLAMA_GENERATE -> content.append(e.get("response").asText());
                default -> throw new IllegalArgumentException();
            }
        }
        return new Assembled(content.toString(), args.toString(), whole);
    }

    static byte[] bytes(String s) {
        return s.getBytes(StandardCharsets.UTF_8);
    }
}
