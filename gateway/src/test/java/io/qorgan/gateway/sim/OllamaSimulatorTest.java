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
class OllamaSimulatorTest {

    private static ObjectNode chat(String userText) {
        ObjectNode body = SimHttp.MAPPER.createObjectNode().put("model", "llama3.2");
        body.putArray("messages")
                .add(SimHttp.MAPPER.createObjectNode().put("role", "system").put("content", "short"))
                .add(SimHttp.MAPPER.createObjectNode().put("role", "user").put("content", userText));
        return body;
    }

    @Test
    void apiChat_streamNotGiven_streamsNdjsonEndingWithDone() {
        try (AiSimulator sim = AiSimulator.start(SimulatorSettings.builder().build())) {
            HttpResponse<String> response = new SimHttp(sim).post("/api/chat", chat(MIXED));

            assertThat(response.headers().firstValue("content-type")).hasValue("application/x-ndjson");
            List<JsonNode> lines = SimHttp.ndjson(response.body());
            assertThat(lines.size()).isGreaterThan(2);
            StringBuilder text = new StringBuilder();
            for (JsonNode line : lines.subList(0, lines.size() - 1)) {
                assertThat(line.path("done").asBoolean()).isFalse();
                assertThat(line.path("model").asText()).isEqualTo("llama3.2");
                assertThat(line.at("/message/role").asText()).isEqualTo("assistant");
                text.append(line.at("/message/content").asText());
            }
            assertThat(text.toString()).isEqualTo(MIXED);
            JsonNode last = lines.get(lines.size() - 1);
            assertThat(last.path("done").asBoolean()).isTrue();
            assertThat(last.path("done_reason").asText()).isEqualTo("stop");
            assertThat(last.path("eval_count").asInt()).isPositive();
            assertThat(last.path("prompt_eval_count").asInt()).isPositive();
        }
    }

    @Test
    void apiChat_streamFalse_returnsOneMessage() {
        try (AiSimulator sim = AiSimulator.start(SimulatorSettings.builder().build())) {
            JsonNode body = SimHttp.json(new SimHttp(sim)
                    .post("/api/chat", chat(MIXED).put("stream", false))
                    .body());

            assertThat(body.at("/message/content").asText()).isEqualTo(MIXED);
            assertThat(body.path("done").asBoolean()).isTrue();
        }
    }

    @Test
    void apiGenerate_streamingAndNot_echoPrompt() {
        ObjectNode request =
                SimHttp.MAPPER.createObjectNode().put("model", "llama3.2").put("prompt", MIXED);
        try (AiSimulator sim = AiSimulator.start(SimulatorSettings.builder().build())) {
            SimHttp http = new SimHttp(sim);
            List<JsonNode> lines =
                    SimHttp.ndjson(http.post("/api/generate", request).body());
            StringBuilder text = new StringBuilder();
            lines.forEach(l -> text.append(l.path("response").asText()));

            assertThat(text.toString()).isEqualTo(MIXED);
            assertThat(lines.get(lines.size() - 1).path("done").asBoolean()).isTrue();
            JsonNode whole = SimHttp.json(
                    http.post("/api/generate", request.put("stream", false)).body());
            assertThat(whole.path("response").asText()).isEqualTo(MIXED);
        }
    }

    @Test
    void apiEmbed_inputs_returnsOneUnitVectorPerInput() {
        ObjectNode request = SimHttp.MAPPER.createObjectNode().put("model", "nomic-embed-text");
        request.putArray("input").add("бір").add("екі");
        try (AiSimulator sim = AiSimulator.start(SimulatorSettings.builder().build())) {
            JsonNode body =
                    SimHttp.json(new SimHttp(sim).post("/api/embed", request).body());

            assertThat(body.path("model").asText()).isEqualTo("nomic-embed-text");
            assertThat(body.path("embeddings")).hasSize(2);
            assertThat(body.at("/embeddings/0")).hasSize(8);
            assertThat(body.at("/embeddings/0")).isNotEqualTo(body.at("/embeddings/1"));
        }
    }

    @Test
    void apiChat_malformedJson_returns400InOllamaShape() {
        try (AiSimulator sim = AiSimulator.start(SimulatorSettings.builder().build())) {
            HttpResponse<String> response = new SimHttp(sim).post("/api/chat", "not json");

            assertThat(response.statusCode()).isEqualTo(400);
            JsonNode body = SimHttp.json(response.body());
            assertThat(body.path("error").isTextual()).isTrue();
            assertThat(body.size()).isEqualTo(1);
        }
    }
}
