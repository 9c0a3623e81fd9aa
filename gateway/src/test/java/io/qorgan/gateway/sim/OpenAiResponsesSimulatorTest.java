package io.qorgan.gateway.sim;

import static io.qorgan.gateway.sim.OpenAiChatSimulatorTest.MIXED;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.qorgan.gateway.testing.IntegrationTest;
import java.util.List;
import org.junit.jupiter.api.Test;

@IntegrationTest
class OpenAiResponsesSimulatorTest {

    @Test
    void responses_stringInput_returnsResponseWithOutputTextAndInstructions() {
        ObjectNode request = SimHttp.MAPPER
                .createObjectNode()
                .put("model", "gpt-4.1-mini")
                .put("instructions", "Answer in Kazakh.")
                .put("input", MIXED);
        try (AiSimulator sim = AiSimulator.start(SimulatorSettings.builder().build())) {
            JsonNode body =
                    SimHttp.json(new SimHttp(sim).post("/v1/responses", request).body());

            assertThat(body.path("object").asText()).isEqualTo("response");
            assertThat(body.path("id").asText()).startsWith("resp_");
            assertThat(body.path("status").asText()).isEqualTo("completed");
            assertThat(body.path("model").asText()).isEqualTo("gpt-4.1-mini");
            assertThat(body.path("instructions").asText()).isEqualTo("Answer in Kazakh.");
            JsonNode item = body.path("output").get(0);
            assertThat(item.path("type").asText()).isEqualTo("message");
            assertThat(item.path("role").asText()).isEqualTo("assistant");
            assertThat(item.at("/content/0/type").asText()).isEqualTo("output_text");
            assertThat(item.at("/content/0/text").asText()).isEqualTo(MIXED);
            assertThat(body.at("/usage/output_tokens").asInt()).isPositive();
        }
    }

    @Test
    void responses_itemsInput_echoesLastUserMessageItem() {
        ObjectNode request = SimHttp.MAPPER.createObjectNode().put("model", "gpt-4.1-mini");
        request.putArray("input")
                .add(SimHttp.MAPPER.createObjectNode().put("role", "user").put("content", "earlier"))
                .add(SimHttp.MAPPER
                        .createObjectNode()
                        .put("type", "message")
                        .put("role", "assistant")
                        .put("content", "ok"))
                .addObject()
                .put("type", "message")
                .put("role", "user")
                .putArray("content")
                .add(SimHttp.MAPPER.createObjectNode().put("type", "input_text").put("text", "Менің атым "))
                .add(SimHttp.MAPPER.createObjectNode().put("type", "input_text").put("text", "Дәулет 🙂"));
        try (AiSimulator sim = AiSimulator.start(SimulatorSettings.builder().build())) {
            JsonNode body =
                    SimHttp.json(new SimHttp(sim).post("/v1/responses", request).body());

            assertThat(body.at("/output/0/content/0/text").asText()).isEqualTo("Менің атым Дәулет 🙂");
            assertThat(body.path("instructions").isNull()).isTrue();
        }
    }

    @Test
    void responses_streaming_sendsEventSequenceAndDeltasReassemble() {
        ObjectNode request = SimHttp.MAPPER
                .createObjectNode()
                .put("model", "gpt-4.1-mini")
                .put("input", MIXED)
                .put("stream", true);
        try (AiSimulator sim =
                AiSimulator.start(SimulatorSettings.builder().chunkChars(2).build())) {
            List<SimHttp.Sse> events =
                    SimHttp.sse(new SimHttp(sim).post("/v1/responses", request).body());

            List<String> names =
                    events.stream().map(SimHttp.Sse::event).distinct().toList();
            assertThat(names)
                    .containsExactly(
                            "response.created",
                            "response.in_progress",
                            "response.output_item.added",
                            "response.content_part.added",
                            "response.output_text.delta",
                            "response.output_text.done",
                            "response.content_part.done",
                            "response.output_item.done",
                            "response.completed");
            StringBuilder text = new StringBuilder();
            for (int i = 0; i < events.size(); i++) {
                JsonNode data = events.get(i).json();
                assertThat(data.path("type").asText()).isEqualTo(events.get(i).event());
                assertThat(data.path("sequence_number").asInt()).isEqualTo(i);
                if (events.get(i).event().equals("response.output_text.delta")) {
                    text.append(data.path("delta").asText());
                }
            }
            assertThat(text.toString()).isEqualTo(MIXED);
            JsonNode done = events.get(events.size() - 4).json();
            assertThat(done.path("text").asText()).isEqualTo(MIXED);
            JsonNode completed = events.get(events.size() - 1).json().path("response");
            assertThat(completed.path("status").asText()).isEqualTo("completed");
            assertThat(completed.at("/output/0/content/0/text").asText()).isEqualTo(MIXED);
            assertThat(events.get(0).json().at("/response/status").asText()).isEqualTo("in_progress");
        }
    }

    @Test
    void responses_functionCallOutputLast_echoesToolOutput() {
        ObjectNode request = SimHttp.MAPPER.createObjectNode().put("model", "gpt-4.1-mini");
        request.putArray("input")
                .add(SimHttp.MAPPER.createObjectNode().put("role", "user").put("content", "who?"))
                .add(SimHttp.MAPPER
                        .createObjectNode()
                        .put("type", "function_call_output")
                        .put("call_id", "c1")
                        .put("output", "Ерлан, +7 701 123 45 67"));
        try (AiSimulator sim = AiSimulator.start(SimulatorSettings.builder().build())) {
            JsonNode body =
                    SimHttp.json(new SimHttp(sim).post("/v1/responses", request).body());

            assertThat(body.at("/output/0/content/0/text").asText()).isEqualTo("Ерлан, +7 701 123 45 67");
        }
    }
}
