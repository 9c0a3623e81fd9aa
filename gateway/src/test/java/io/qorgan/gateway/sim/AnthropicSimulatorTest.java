package io.qorgan.gateway.sim;

import static io.qorgan.gateway.sim.OpenAiChatSimulatorTest.MIXED;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.qorgan.gateway.testing.IntegrationTest;
import java.net.http.HttpResponse;
import java.util.List;
import org.junit.jupiter.api.Test;

@IntegrationTest
class AnthropicSimulatorTest {

    private static ObjectNode messages(String userText) {
        ObjectNode body = SimHttp.MAPPER
                .createObjectNode()
                .put("model", "claude-sonnet-4-5")
                .put("max_tokens", 256);
        body.putArray("system").addObject().put("type", "text").put("text", "You are a clerk.");
        body.putArray("messages")
                .add(SimHttp.MAPPER.createObjectNode().put("role", "user").put("content", "earlier"))
                .add(SimHttp.MAPPER.createObjectNode().put("role", "assistant").put("content", "ok"))
                .addObject()
                .put("role", "user")
                .putArray("content")
                .addObject()
                .put("type", "text")
                .put("text", userText);
        return body;
    }

    @Test
    void messages_nonStreaming_returnsMessageWithOneTextBlock() {
        try (AiSimulator sim = AiSimulator.start(SimulatorSettings.builder().build())) {
            JsonNode body = SimHttp.json(
                    new SimHttp(sim).post("/v1/messages", messages(MIXED)).body());

            assertThat(body.path("type").asText()).isEqualTo("message");
            assertThat(body.path("role").asText()).isEqualTo("assistant");
            assertThat(body.path("model").asText()).isEqualTo("claude-sonnet-4-5");
            assertThat(body.path("content")).hasSize(1);
            assertThat(body.at("/content/0/type").asText()).isEqualTo("text");
            assertThat(body.at("/content/0/text").asText()).isEqualTo(MIXED);
            assertThat(body.path("stop_reason").asText()).isEqualTo("end_turn");
            assertThat(body.at("/usage/output_tokens").asInt()).isPositive();
        }
    }

    @Test
    void messages_stringSystemAndStringContent_echoesUserText() {
        ObjectNode body = SimHttp.MAPPER
                .createObjectNode()
                .put("model", "claude-haiku-4-5")
                .put("max_tokens", 10)
                .put("system", "plain system prompt");
        body.putArray("messages").addObject().put("role", "user").put("content", "Қалайсыз?");
        try (AiSimulator sim = AiSimulator.start(SimulatorSettings.builder().build())) {
            JsonNode answer =
                    SimHttp.json(new SimHttp(sim).post("/v1/messages", body).body());

            assertThat(answer.at("/content/0/text").asText()).isEqualTo("Қалайсыз?");
        }
    }

    @Test
    void messages_streaming_sendsEventSequenceAndDeltasReassemble() {
        try (AiSimulator sim =
                AiSimulator.start(SimulatorSettings.builder().chunkChars(1).build())) {
            HttpResponse<String> response =
                    new SimHttp(sim).post("/v1/messages", messages(MIXED).put("stream", true));

            List<SimHttp.Sse> events = SimHttp.sse(response.body());
            assertThat(events.stream().map(SimHttp.Sse::event).distinct().toList())
                    .containsExactly(
                            "message_start",
                            "content_block_start",
                            "ping",
                            "content_block_delta",
                            "content_block_stop",
                            "message_delta",
                            "message_stop");
            StringBuilder text = new StringBuilder();
            for (SimHttp.Sse e : events) {
                JsonNode data = e.json();
                assertThat(data.path("type").asText()).isEqualTo(e.event());
                if (e.event().equals("content_block_delta")) {
                    assertThat(data.at("/delta/type").asText()).isEqualTo("text_delta");
                    text.append(data.at("/delta/text").asText());
                }
            }
            assertThat(text.toString()).isEqualTo(MIXED);
            assertThat(events.get(0).json().at("/message/role").asText()).isEqualTo("assistant");
            JsonNode messageDelta = events.get(events.size() - 2).json();
            assertThat(messageDelta.at("/delta/stop_reason").asText()).isEqualTo("end_turn");
        }
    }

    @Test
    void messages_malformedJson_returns400InAnthropicShape() {
        try (AiSimulator sim = AiSimulator.start(SimulatorSettings.builder().build())) {
            HttpResponse<String> response =
                    new SimHttp(sim).post("/v1/messages", "{\"model\": \"claude\", \"messages\": [");

            assertThat(response.statusCode()).isEqualTo(400);
            JsonNode body = SimHttp.json(response.body());
            assertThat(body.path("type").asText()).isEqualTo("error");
            assertThat(body.at("/error/type").asText()).isEqualTo("invalid_request_error");
            assertThat(body.at("/error/message").asText()).isNotEmpty();
        }
    }
}
