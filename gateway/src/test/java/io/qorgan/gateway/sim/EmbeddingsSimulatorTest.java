package io.qorgan.gateway.sim;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.qorgan.gateway.testing.IntegrationTest;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.util.Base64;
import org.junit.jupiter.api.Test;

@IntegrationTest
class EmbeddingsSimulatorTest {

    @Test
    void embeddings_floatFormat_returnsDeterministicUnitVectorPerInput() {
        ObjectNode request = SimHttp.MAPPER.createObjectNode().put("model", "text-embedding-3-small");
        request.putArray("input").add("Алматы").add("Astana").add("Алматы");
        try (AiSimulator sim = AiSimulator.start(SimulatorSettings.builder().build())) {
            JsonNode body = SimHttp.json(
                    new SimHttp(sim).post("/v1/embeddings", request).body());

            assertThat(body.path("object").asText()).isEqualTo("list");
            assertThat(body.path("data")).hasSize(3);
            JsonNode first = body.at("/data/0");
            assertThat(first.path("object").asText()).isEqualTo("embedding");
            assertThat(first.path("embedding")).hasSize(8);
            assertThat(norm(first.path("embedding"))).isCloseTo(1.0, within(1e-5));
            assertThat(body.at("/data/2/embedding")).isEqualTo(first.path("embedding"));
            assertThat(body.at("/data/1/embedding")).isNotEqualTo(first.path("embedding"));
            assertThat(body.at("/data/2/index").asInt()).isEqualTo(2);
        }
    }

    @Test
    void embeddings_base64WithDimensions_decodesToTheSameLittleEndianFloats() {
        ObjectNode floats = SimHttp.MAPPER
                .createObjectNode()
                .put("model", "m")
                .put("input", "Сәлем 👋")
                .put("dimensions", 20);
        ObjectNode base64 = floats.deepCopy().put("encoding_format", "base64");
        try (AiSimulator sim = AiSimulator.start(SimulatorSettings.builder().build())) {
            SimHttp http = new SimHttp(sim);
            JsonNode asFloats =
                    SimHttp.json(http.post("/v1/embeddings", floats).body()).at("/data/0/embedding");
            String encoded = SimHttp.json(http.post("/v1/embeddings", base64).body())
                    .at("/data/0/embedding")
                    .asText();

            ByteBuffer bytes =
                    ByteBuffer.wrap(Base64.getDecoder().decode(encoded)).order(ByteOrder.LITTLE_ENDIAN);
            assertThat(bytes.remaining()).isEqualTo(20 * Float.BYTES);
            assertThat(asFloats).hasSize(20);
            for (int i = 0; i < 20; i++) {
                assertThat(bytes.getFloat()).isEqualTo(asFloats.get(i).floatValue());
            }
        }
    }

    private static double norm(JsonNode vector) {
        double sum = 0;
        for (JsonNode v : vector) {
            sum += v.doubleValue() * v.doubleValue();
        }
        return Math.sqrt(sum);
    }
}
