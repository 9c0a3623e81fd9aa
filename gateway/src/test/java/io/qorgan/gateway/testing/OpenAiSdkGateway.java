package io.qorgan.gateway.testing;

import com.openai.client.OpenAIClient;
import com.openai.client.okhttp.OpenAIOkHttpClient;
import io.qorgan.gateway.Gateway;
import io.qorgan.gateway.sim.AiSimulator;
import io.qorgan.gateway.sim.SimulatorSettings;
import java.time.Duration;

/**
 * An agency system's setup: the simulator, a gateway in front of it, and the official OpenAI Java SDK whose only change
 * is its base URL.
 */
public record OpenAiSdkGateway(AiSimulator sim, Gateway gateway, OpenAIClient client) implements AutoCloseable {

    public static OpenAiSdkGateway start() {
        AiSimulator sim =
                AiSimulator.start(SimulatorSettings.builder().chunkChars(3).build());
        Gateway gateway = Gateway.start(TestGateways.config(sim.baseUrl(), "10s", ""));
        OpenAIClient client = OpenAIOkHttpClient.builder()
                .baseUrl("http://127.0.0.1:" + gateway.trafficPort() + "/v1")
                .apiKey("sk-test-not-a-real-key")
                .maxRetries(0)
                .timeout(Duration.ofSeconds(20))
                .build();
        return new OpenAiSdkGateway(sim, gateway, client);
    }

    @Override
    public void close() {
        client.close();
        gateway.shutdown(Duration.ofSeconds(2));
        sim.close();
    }
}
