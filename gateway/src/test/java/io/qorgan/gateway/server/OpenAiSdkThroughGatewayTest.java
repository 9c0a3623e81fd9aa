package io.qorgan.gateway.server;

import static org.assertj.core.api.Assertions.assertThat;

import com.openai.client.OpenAIClient;
import com.openai.core.http.StreamResponse;
import com.openai.models.chat.completions.ChatCompletion;
import com.openai.models.chat.completions.ChatCompletionChunk;
import com.openai.models.chat.completions.ChatCompletionCreateParams;
import io.qorgan.gateway.Gateway;
import io.qorgan.gateway.sim.AiSimulator;
import io.qorgan.gateway.testing.IntegrationTest;
import io.qorgan.gateway.testing.OpenAiSdkGateway;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** An agency system using the official OpenAI Java SDK changes only its base URL to reach the AI through Qorgan. */
@IntegrationTest
class OpenAiSdkThroughGatewayTest {

    private static OpenAiSdkGateway setup;
    private static AiSimulator sim;
    private static Gateway gateway;
    private static OpenAIClient client;

    @BeforeAll
    static void start() {
        setup = OpenAiSdkGateway.start();
        sim = setup.sim();
        gateway = setup.gateway();
        client = setup.client();
    }

    @AfterAll
    static void stop() {
        setup.close();
    }

    private static ChatCompletionCreateParams params(String text) {
        return ChatCompletionCreateParams.builder()
                .model("gpt-4o-mini")
                .addSystemMessage("You are a helpful assistant of a public service centre.")
                .addUserMessage(text)
                .build();
    }

    @Test
    void chatCompletion_sdkThroughGateway_getsAnswer() {
        String text = "Қайырлы күн! Добрый день, what documents do I need?";
        ChatCompletion completion = client.chat().completions().create(params(text));
        assertThat(completion.choices()).hasSize(1);
        assertThat(completion.choices().get(0).message().content()).contains(text);
        assertThat(sim.recordedRequests().get(sim.recordedRequests().size() - 1).bodyText())
                .contains("gpt-4o-mini");
    }

    @Test
    void personalData_sdkThroughGateway_upstreamSeesPlaceholders_sdkGetsOriginals() {
        String text = GatewayProtectionTest.TEXT;
        ChatCompletion completion = client.chat().completions().create(params(text));
        assertThat(completion.choices().get(0).message().content()).contains(text);
        StringBuilder streamed = new StringBuilder();
        try (StreamResponse<ChatCompletionChunk> stream =
                client.chat().completions().createStreaming(params(text))) {
            stream.stream()
                    .forEach(chunk -> chunk.choices()
                            .forEach(choice -> choice.delta().content().ifPresent(streamed::append)));
        }
        assertThat(streamed.toString()).isEqualTo(text);
        for (var seen : sim.recordedRequests()) {
            for (String canary : GatewayProtectionTest.CANARIES) {
                assertThat(seen.bodyText()).doesNotContain(canary);
            }
        }
    }

    @Test
    void streamedChat_sdkThroughGateway_reassemblesAnswer() {
        String text = "Стримминг арқылы жауап: streamed answer, 🇰🇿 included.";
        StringBuilder answer = new StringBuilder();
        int chunks;
        try (StreamResponse<ChatCompletionChunk> stream =
                client.chat().completions().createStreaming(params(text))) {
            chunks = (int) stream.stream()
                    .peek(chunk -> chunk.choices()
                            .forEach(choice -> choice.delta().content().ifPresent(answer::append)))
                    .count();
        }
        assertThat(answer.toString()).isEqualTo(text);
        assertThat(chunks).isGreaterThan(5);
    }
}
