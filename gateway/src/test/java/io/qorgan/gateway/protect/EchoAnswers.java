package io.qorgan.gateway.protect;

import com.fasterxml.jackson.databind.JsonNode;
import io.qorgan.gateway.dialect.Dialect;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

/** Non-streamed answers in each API's shape that echo a text (as content and as tool-call arguments). */
final class EchoAnswers {

    private EchoAnswers() {}

    static byte[] json(Dialect dialect, String text) {
        String q = Json.quote(text);
        String args = Json.quote("{\"text\":" + q + "}");
        String body = switch (dialect) {
            case OPENAI_CHAT ->
                "{\"id\":\"chatcmpl-1\",\"object\":\"chat.completion\",\"created\":1,\"model\":\"m\","
                        + "\"choices\":[{\"index\":0,\"message\":{\"role\":\"assistant\",\"content\":" + q + ","
                        + "\"tool_calls\":[{\"id\":\"call_1\",\"type\":\"function\",\"function\":{\"name\":\"f\",\"arguments\":"
                        + args + "}}],\"refusal\":null},\"logprobs\":null,\"finish_reason\":\"stop\"}],"
                        + "\"usage\":{\"prompt_tokens\":1,\"completion_tokens\":2,\"total_tokens\":3}}";
            case OPENAI_RESPONSES ->
                "{\"id\":\"resp_1\",\"object\":\"response\",\"status\":\"completed\",\"output\":["
                        + "{\"id\":\"msg_1\",\"type\":\"message\",\"role\":\"assistant\",\"content\":[{\"type\":\"output_text\","
                        + "\"annotations\":[],\"text\":" + q + "}]},"
                        + "{\"type\":\"function_call\",\"call_id\":\"c\",\"name\":\"f\",\"arguments\":" + args + "}]}";
            case OPENAI_EMBEDDINGS ->
                "{\"object\":\"list\",\"data\":[{\"object\":\"embedding\",\"index\":0,"
                        + "\"embedding\":[0.125,-0.5]}],\"model\":\"m\",\"echo\":" + q + "}";
            case OPENAI_COMPLETIONS ->
                "{\"id\":\"cmpl-1\",\"object\":\"text_completion\",\"choices\":[{\"text\":" + q
                        + ",\"index\":0,\"logprobs\":null,\"finish_reason\":\"stop\"}]}";
            case ANTHROPIC_MESSAGES ->
                "{\"id\":\"msg_1\",\"type\":\"message\",\"role\":\"assistant\",\"content\":["
                        + "{\"type\":\"text\",\"text\":" + q + "},"
                        + "{\"type\":\"tool_use\",\"id\":\"tu\",\"name\":\"f\",\"input\":{\"text\":" + q + "}}],"
                        + "\"stop_reason\":\"end_turn\",\"usage\":{\"input_tokens\":1,\"output_tokens\":1}}";
            case OLLAMA_CHAT ->
                "{\"model\":\"m\",\"created_at\":\"2026-01-01T00:00:00Z\",\"message\":{\"role\":\"assistant\","
                        + "\"content\":" + q + ",\"tool_calls\":[{\"function\":{\"name\":\"f\",\"arguments\":{\"text\":"
                        + q
                        + "}}}]},\"done\":true,\"total_duration\":5}";
            case OLLAMA_GENERATE -> "{\"model\":\"m\",\"response\":" + q + ",\"done\":true,\"context\":[1,2,3]}";
            case GENERIC_JSON -> "{\"echo\":{\"text\":" + q + "}}";
        };
        return body.getBytes(StandardCharsets.UTF_8);
    }

    /** The echoed texts found in a (restored) answer of {@link #json}'s shape. */
    static List<String> texts(Dialect dialect, JsonNode answer) {
        List<String> out = new ArrayList<>();
        switch (dialect) {
            case OPENAI_CHAT -> {
                JsonNode m = answer.at("/choices/0/message");
                out.add(m.get("content").asText());
                out.add(Json.parse(m.at("/tool_calls/0/function/arguments").asText())
                        .get("text")
                        .asText());
            }
            case OPENAI_RESPONSES -> {
                out.add(answer.at("/output/0/content/0/text").asText());
                out.add(Json.parse(answer.at("/output/1/arguments").asText())
                        .get("text")
                        .asText());
            }
            case OPENAI_EMBEDDINGS -> out.add(answer.get("echo").asText());
            case OPENAI_COMPLETIONS -> out.add(answer.at("/choices/0/text").asText());
            case ANTHROPIC_MESSAGES -> {
                out.add(answer.at("/content/0/text").asText());
                out.add(answer.at("/content/1/input/text").asText());
            }
            case OLLAMA_CHAT -> {
                out.add(answer.at("/message/content").asText());
                out.add(answer.at("/message/tool_calls/0/function/arguments/text")
                        .asText());
            }
            case OLLAMA_GENERATE -> out.add(answer.get("response").asText());
            case GENERIC_JSON -> out.add(answer.at("/echo/text").asText());
        }
        return out;
    }
}
