package io.qorgan.gateway.server;

import static org.assertj.core.api.Assertions.assertThat;

import com.openai.client.OpenAIClient;
import com.openai.core.http.StreamResponse;
import com.openai.helpers.ChatCompletionAccumulator;
import com.openai.models.chat.completions.ChatCompletion;
import com.openai.models.chat.completions.ChatCompletionChunk;
import com.openai.models.chat.completions.ChatCompletionCreateParams;
import com.openai.models.chat.completions.ChatCompletionStreamOptions;
import io.qorgan.gateway.Gateway;
import io.qorgan.gateway.sim.AiSimulator;
import io.qorgan.gateway.testing.IntegrationTest;
import io.qorgan.gateway.testing.OpenAiSdkGateway;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The official OpenAI Java SDK reads a cached answer as it reads the service's own: a whole answer served as a stream,
 * and a stored stream served whole, each restored with its caller's values.
 */
@IntegrationTest
class OpenAiSdkCacheTest {

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

    private static ChatCompletionCreateParams params(String text, boolean usage) {
        ChatCompletionCreateParams.Builder b = ChatCompletionCreateParams.builder()
                .model("gpt-4o-mini")
                .temperature(0.0)
                .addUserMessage(text);
        if (usage) {
            b.streamOptions(
                    ChatCompletionStreamOptions.builder().includeUsage(true).build());
        }
        return b.build();
    }

    private static ChatCompletion streamed(ChatCompletionCreateParams params) {
        ChatCompletionAccumulator accumulator = ChatCompletionAccumulator.create();
        try (StreamResponse<ChatCompletionChunk> stream =
                client.chat().completions().createStreaming(params)) {
            stream.stream().forEach(accumulator::accumulate);
        }
        return accumulator.chatCompletion();
    }

    @Test
    void wholeAnswerStored_sdkStreamsIt() {
        int before = sim.requestsServed();
        String first = GatewayCacheTest.letter(GatewayCacheTest.CITIZEN_1);
        String second = GatewayCacheTest.letter(GatewayCacheTest.CITIZEN_2);

        ChatCompletion whole = client.chat().completions().create(params(first, false));
        ChatCompletion stream = streamed(params(second, true));

        assertThat(sim.requestsServed() - before).isEqualTo(1);
        assertThat(whole.choices().get(0).message().content()).contains(first);
        assertThat(stream.choices().get(0).message().content()).contains(second);
        assertThat(stream.choices().get(0).finishReason()).isEqualTo(ChatCompletion.Choice.FinishReason.STOP);
        assertThat(stream.usage()).isPresent();
        assertThat(stream.usage().get().completionTokens())
                .isEqualTo(whole.usage().get().completionTokens());
    }

    @Test
    void streamStored_sdkGetsItWhole() {
        int before = sim.requestsServed();
        String first = GatewayCacheTest.letter(GatewayCacheTest.CITIZEN_1).replace("ответ", "письмо");
        String second = GatewayCacheTest.letter(GatewayCacheTest.CITIZEN_2).replace("ответ", "письмо");

        ChatCompletion stream = streamed(params(first, true));
        ChatCompletion whole = client.chat().completions().create(params(second, false));

        assertThat(sim.requestsServed() - before).isEqualTo(1);
        assertThat(stream.choices().get(0).message().content()).contains(first);
        assertThat(whole.choices().get(0).message().content()).contains(second);
        assertThat(whole.choices().get(0).finishReason()).isEqualTo(ChatCompletion.Choice.FinishReason.STOP);
        assertThat(whole.usage()).isPresent();
    }
}
