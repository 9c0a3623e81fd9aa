package io.qorgan.gateway.sim;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.qorgan.gateway.testing.IntegrationTest;
import java.net.http.HttpResponse;
import java.util.List;
import org.junit.jupiter.api.Test;

@IntegrationTest
class OpenAiChatSimulatorTest {

    /** Kazakh, Russian, English, emoji with skin tone and a flag: every code point outside the BMP is a surrogate pair. */
    static final String MIXED = "Сәлем, Әлия! Привет, мир. Hello 👋🏽 from ҚР 🇰🇿, ИИН 990101300123 — «тест» 😀";

    private static ObjectNode chat(String model, String userText) {
        ObjectNode body = SimHttp.MAPPER.createObjectNode().put("model", model);
        body.putArray("messages")
                .add(SimHttp.MAPPER.createObjectNode().put("role", "system").put("content", "Be brief."))
                .add(SimHttp.MAPPER.createObjectNode().put("role", "user").put("content", "first question"))
                .add(SimHttp.MAPPER.createObjectNode().put("role", "assistant").put("content", "first answer"))
                .add(SimHttp.MAPPER.createObjectNode().put("role", "user").put("content", userText));
        return body;
    }

    @Test
    void chatCompletions_echoNonStreaming_returnsLastUserMessageInCompletionShape() {
        try (AiSimulator sim = AiSimulator.start(SimulatorSettings.builder().build())) {
            HttpResponse<String> response = new SimHttp(sim).post("/v1/chat/completions", chat("gpt-4o-mini", MIXED));

            assertThat(response.statusCode()).isEqualTo(200);
            assertThat(response.headers().firstValue("content-type")).hasValue("application/json");
            JsonNode body = SimHttp.json(response.body());
            assertThat(body.path("id").asText()).startsWith("chatcmpl-");
            assertThat(body.path("object").asText()).isEqualTo("chat.completion");
            assertThat(body.path("created").isIntegralNumber()).isTrue();
            assertThat(body.path("model").asText()).isEqualTo("gpt-4o-mini");
            JsonNode choice = body.path("choices").get(0);
            assertThat(choice.path("message").path("role").asText()).isEqualTo("assistant");
            assertThat(choice.path("message").path("content").asText()).isEqualTo(MIXED);
            assertThat(choice.path("finish_reason").asText()).isEqualTo("stop");
            assertThat(body.path("usage").path("total_tokens").asInt())
                    .isEqualTo(body.path("usage").path("prompt_tokens").asInt()
                            + body.path("usage").path("completion_tokens").asInt());
        }
    }

    @Test
    void chatCompletions_contentAsParts_echoesConcatenatedTextParts() {
        ObjectNode body = SimHttp.MAPPER.createObjectNode().put("model", "gpt-4o");
        ObjectNode user = body.putArray("messages").addObject().put("role", "user");
        user.putArray("content")
                .add(SimHttp.MAPPER.createObjectNode().put("type", "text").put("text", "Алматы, "))
                .add(SimHttp.MAPPER.createObjectNode().put("type", "image_url").put("image_url", "x"))
                .add(SimHttp.MAPPER.createObjectNode().put("type", "text").put("text", "Астана"));
        try (AiSimulator sim = AiSimulator.start(SimulatorSettings.builder().build())) {
            JsonNode answer = SimHttp.json(
                    new SimHttp(sim).post("/v1/chat/completions", body).body());

            assertThat(answer.at("/choices/0/message/content").asText()).isEqualTo("Алматы, Астана");
        }
    }

    @Test
    void chatCompletions_echoStreamingOneCodePointChunks_reassemblesExactlyWithoutSplitSurrogates() {
        try (AiSimulator sim =
                AiSimulator.start(SimulatorSettings.builder().chunkChars(1).build())) {
            ObjectNode request = chat("gpt-4o-mini", MIXED).put("stream", true);
            HttpResponse<String> response = new SimHttp(sim).post("/v1/chat/completions", request);

            assertThat(response.statusCode()).isEqualTo(200);
            assertThat(response.headers().firstValue("content-type"))
                    .hasValueSatisfying(v -> assertThat(v).startsWith("text/event-stream"));
            assertThat(response.body()).contains("😀").doesNotContainIgnoringCase("\\uD83D");
            List<SimHttp.Sse> events = SimHttp.sse(response.body());
            assertThat(events.get(events.size() - 1).data()).isEqualTo("[DONE]");
            List<JsonNode> chunks = events.subList(0, events.size() - 1).stream()
                    .map(SimHttp.Sse::json)
                    .toList();
            assertThat(chunks).allSatisfy(c -> {
                assertThat(c.path("object").asText()).isEqualTo("chat.completion.chunk");
                assertThat(c.path("model").asText()).isEqualTo("gpt-4o-mini");
            });
            assertThat(chunks.get(0).at("/choices/0/delta/role").asText()).isEqualTo("assistant");
            JsonNode last = chunks.get(chunks.size() - 1);
            assertThat(last.at("/choices/0/finish_reason").asText()).isEqualTo("stop");
            StringBuilder text = new StringBuilder();
            for (JsonNode c : chunks) {
                String piece = c.at("/choices/0/delta/content").asText("");
                assertThat(piece.codePoints())
                        .noneMatch(cp -> cp >= Character.MIN_SURROGATE && cp <= Character.MAX_SURROGATE);
                assertThat(piece.codePointCount(0, piece.length())).isLessThanOrEqualTo(1);
                text.append(piece);
            }
            assertThat(text.toString()).isEqualTo(MIXED);
            assertThat(chunks).noneMatch(c -> c.has("usage"));
        }
    }

    @Test
    void chatCompletions_streamWithIncludeUsage_sendsUsageChunkBeforeDone() {
        try (AiSimulator sim = AiSimulator.start(SimulatorSettings.builder().build())) {
            ObjectNode request = chat("gpt-4o-mini", "Сәлем").put("stream", true);
            request.putObject("stream_options").put("include_usage", true);
            List<SimHttp.Sse> events = SimHttp.sse(
                    new SimHttp(sim).post("/v1/chat/completions", request).body());

            assertThat(events.get(events.size() - 1).data()).isEqualTo("[DONE]");
            JsonNode usageChunk = events.get(events.size() - 2).json();
            assertThat(usageChunk.path("choices")).isEmpty();
            assertThat(usageChunk.at("/usage/completion_tokens").asInt()).isPositive();
            assertThat(events.get(events.size() - 3)
                            .json()
                            .at("/choices/0/finish_reason")
                            .asText())
                    .isEqualTo("stop");
            assertThat(events.get(0).json().path("usage").isNull()).isTrue();
        }
    }

    @Test
    void chatCompletions_toolsAndUserLast_callsFirstToolWithTextArguments() {
        ObjectNode request = withTools(chat("gpt-4o-mini", MIXED));
        try (AiSimulator sim = AiSimulator.start(SimulatorSettings.builder().build())) {
            JsonNode body = SimHttp.json(
                    new SimHttp(sim).post("/v1/chat/completions", request).body());

            JsonNode choice = body.path("choices").get(0);
            assertThat(choice.path("finish_reason").asText()).isEqualTo("tool_calls");
            assertThat(choice.at("/message/content").isNull()).isTrue();
            JsonNode call = choice.at("/message/tool_calls/0");
            assertThat(call.path("type").asText()).isEqualTo("function");
            assertThat(call.at("/function/name").asText()).isEqualTo("lookup_citizen");
            JsonNode arguments = SimHttp.json(call.at("/function/arguments").asText());
            assertThat(arguments.path("text").asText()).isEqualTo(MIXED);
            assertThat(arguments.size()).isEqualTo(1);
        }
    }

    @Test
    void chatCompletions_toolsStreaming_argumentFragmentsReassembleToText() {
        ObjectNode request = withTools(chat("gpt-4o-mini", MIXED)).put("stream", true);
        try (AiSimulator sim =
                AiSimulator.start(SimulatorSettings.builder().chunkChars(3).build())) {
            List<SimHttp.Sse> events = SimHttp.sse(
                    new SimHttp(sim).post("/v1/chat/completions", request).body());

            assertThat(events.get(events.size() - 1).data()).isEqualTo("[DONE]");
            List<JsonNode> chunks = events.subList(0, events.size() - 1).stream()
                    .map(SimHttp.Sse::json)
                    .toList();
            JsonNode first = chunks.get(0).at("/choices/0/delta");
            assertThat(first.path("role").asText()).isEqualTo("assistant");
            assertThat(first.at("/tool_calls/0/function/name").asText()).isEqualTo("lookup_citizen");
            assertThat(first.at("/tool_calls/0/id").asText()).isNotEmpty();
            StringBuilder arguments = new StringBuilder();
            for (JsonNode c : chunks) {
                arguments.append(
                        c.at("/choices/0/delta/tool_calls/0/function/arguments").asText(""));
            }
            assertThat(chunks.size()).isGreaterThan(3);
            assertThat(SimHttp.json(arguments.toString()).path("text").asText()).isEqualTo(MIXED);
            assertThat(chunks.get(chunks.size() - 1)
                            .at("/choices/0/finish_reason")
                            .asText())
                    .isEqualTo("tool_calls");
        }
    }

    @Test
    void chatCompletions_toolMessageLast_answersWithToolContent() {
        ObjectNode request = withTools(chat("gpt-4o-mini", "Who is 990101300123?"));
        request.withArray("messages")
                .addObject()
                .put("role", "tool")
                .put("tool_call_id", "call_1")
                .put("content", "Айгүл Серікқызы, Алматы");
        try (AiSimulator sim = AiSimulator.start(SimulatorSettings.builder().build())) {
            JsonNode body = SimHttp.json(
                    new SimHttp(sim).post("/v1/chat/completions", request).body());

            assertThat(body.at("/choices/0/message/content").asText()).isEqualTo("Айгүл Серікқызы, Алматы");
            assertThat(body.at("/choices/0/finish_reason").asText()).isEqualTo("stop");
        }
    }

    @Test
    void chatCompletions_fixedMode_answersConfiguredText() {
        SimulatorSettings settings = SimulatorSettings.builder()
                .mode(SimulatorMode.FIXED)
                .fixedText("Жауап дайын.")
                .build();
        try (AiSimulator sim = AiSimulator.start(settings)) {
            JsonNode body = SimHttp.json(new SimHttp(sim)
                    .post("/v1/chat/completions", chat("m", "anything"))
                    .body());

            assertThat(body.at("/choices/0/message/content").asText()).isEqualTo("Жауап дайын.");
        }
    }

    @Test
    void chatCompletions_loremModeStreaming_answersLoremOfConfiguredLength() {
        SimulatorSettings settings = SimulatorSettings.builder()
                .mode(SimulatorMode.LOREM)
                .loremChars(1000)
                .build();
        try (AiSimulator sim = AiSimulator.start(settings)) {
            String body = new SimHttp(sim)
                    .post("/v1/chat/completions", chat("m", "x").put("stream", true))
                    .body();
            StringBuilder text = new StringBuilder();
            for (SimHttp.Sse e : SimHttp.sse(body)) {
                if (!e.data().equals("[DONE]")) {
                    text.append(e.json().at("/choices/0/delta/content").asText(""));
                }
            }

            assertThat(text).hasSize(1000).startsWith("Lorem ipsum dolor sit amet");
        }
    }

    @Test
    void chatCompletions_missingMessages_returns400InOpenAiShape() {
        try (AiSimulator sim = AiSimulator.start(SimulatorSettings.builder().build())) {
            HttpResponse<String> response = new SimHttp(sim).post("/v1/chat/completions", "{\"model\":\"m\"}");

            assertThat(response.statusCode()).isEqualTo(400);
            JsonNode error = SimHttp.json(response.body()).path("error");
            assertThat(error.path("type").asText()).isEqualTo("invalid_request_error");
            assertThat(error.path("code").asText()).isEqualTo("missing_required_parameter");
        }
    }

    @Test
    void completions_legacyNonStreamingAndStreaming_echoPromptInTextCompletionShape() {
        try (AiSimulator sim = AiSimulator.start(SimulatorSettings.builder().build())) {
            SimHttp http = new SimHttp(sim);
            ObjectNode request = SimHttp.MAPPER
                    .createObjectNode()
                    .put("model", "gpt-3.5-turbo-instruct")
                    .put("prompt", MIXED);

            JsonNode body = SimHttp.json(http.post("/v1/completions", request).body());
            assertThat(body.path("object").asText()).isEqualTo("text_completion");
            assertThat(body.at("/choices/0/text").asText()).isEqualTo(MIXED);
            assertThat(body.at("/choices/0/finish_reason").asText()).isEqualTo("stop");

            List<SimHttp.Sse> events = SimHttp.sse(
                    http.post("/v1/completions", request.put("stream", true)).body());
            assertThat(events.get(events.size() - 1).data()).isEqualTo("[DONE]");
            StringBuilder text = new StringBuilder();
            for (SimHttp.Sse e : events.subList(0, events.size() - 1)) {
                assertThat(e.json().path("object").asText()).isEqualTo("text_completion");
                text.append(e.json().at("/choices/0/text").asText());
            }
            assertThat(text.toString()).isEqualTo(MIXED);
            assertThat(events.get(events.size() - 2)
                            .json()
                            .at("/choices/0/finish_reason")
                            .asText())
                    .isEqualTo("stop");
        }
    }

    @Test
    void models_get_listsModels() {
        try (AiSimulator sim = AiSimulator.start(SimulatorSettings.builder().build())) {
            JsonNode body = SimHttp.json(new SimHttp(sim).get("/v1/models").body());

            assertThat(body.path("object").asText()).isEqualTo("list");
            assertThat(body.path("data").get(0).path("object").asText()).isEqualTo("model");
        }
    }

    private static ObjectNode withTools(ObjectNode request) {
        ObjectNode fn = request.putArray("tools")
                .addObject()
                .put("type", "function")
                .putObject("function")
                .put("name", "lookup_citizen");
        fn.putObject("parameters")
                .put("type", "object")
                .putObject("properties")
                .putObject("text")
                .put("type", "string");
        request.withArray("tools")
                .addObject()
                .put("type", "function")
                .putObject("function")
                .put("name", "second_tool");
        return request;
    }
}
