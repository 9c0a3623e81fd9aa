package io.qorgan.gateway.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.qorgan.gateway.Gateway;
import io.qorgan.gateway.sim.AiSimulator;
import io.qorgan.gateway.sim.RecordedRequest;
import io.qorgan.gateway.sim.SimulatorSettings;
import io.qorgan.gateway.testing.IntegrationTest;
import io.qorgan.gateway.testing.RawHttp;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import org.junit.jupiter.api.Test;

/** The demo's gateway settings reach every API of the simulator on the same path the caller used. */
@IntegrationTest
class DemoCommandTest {

    private static final ObjectMapper JSON = new ObjectMapper();

    @Test
    void demoSettings_openAiAnthropicAndOllamaPaths_reachTheSimulator_protectedAndRestored() throws Exception {
        try (AiSimulator sim = AiSimulator.start(SimulatorSettings.builder().build())) {
            Gateway gateway = Gateway.start(DemoCommand.demoConfig(0, 0, sim.port()));
            try {
                String[][] calls = {
                    {
                        "/v1/chat/completions",
                        "{\"model\":\"m\",\"messages\":[{\"role\":\"user\",\"content\":\"ЖСН 900515301234\"}]}",
                        "/choices/0/message/content"
                    },
                    {
                        "/v1/messages",
                        "{\"model\":\"m\",\"max_tokens\":16,\"messages\":[{\"role\":\"user\",\"content\":\"ЖСН 900515301234\"}]}",
                        "/content/0/text"
                    },
                    {
                        "/api/chat",
                        "{\"model\":\"m\",\"stream\":false,\"messages\":[{\"role\":\"user\",\"content\":\"ЖСН 900515301234\"}]}",
                        "/message/content"
                    }
                };
                for (String[] call : calls) {
                    try (RawHttp c = new RawHttp(gateway.trafficPort())) {
                        RawHttp.Response r = c.postJson(call[0], call[1]).readResponse();
                        assertThat(r.status()).as(call[0]).isEqualTo(200);
                        assertThat(JSON.readTree(r.body()).at(call[2]).asText())
                                .as(call[0])
                                .isEqualTo("ЖСН 900515301234");
                    }
                }
                assertThat(sim.recordedRequests())
                        .extracting(RecordedRequest::path)
                        .containsExactly("/v1/chat/completions", "/v1/messages", "/api/chat");
                assertThat(sim.recordedRequests())
                        .allSatisfy(seen -> assertThat(new String(seen.body(), StandardCharsets.UTF_8))
                                .contains("[IIN_1]")
                                .doesNotContain("900515301234"));
            } finally {
                gateway.shutdown(Duration.ofSeconds(2));
            }
        }
    }
}
