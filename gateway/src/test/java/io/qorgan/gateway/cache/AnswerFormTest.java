package io.qorgan.gateway.cache;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.qorgan.gateway.dialect.Dialect;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/** Whole answers as streams and streams as whole answers, per API, in the shapes the APIs send. */
class AnswerFormTest {

    static final String CHAT = """
            {"id":"chatcmpl-1","object":"chat.completion","created":1700000000,"model":"gpt-4o-mini",
             "choices":[{"index":0,"message":{"role":"assistant","content":"Dear [PERSON_1], call [PHONE_1].",
               "refusal":null,"annotations":[]},"logprobs":null,"finish_reason":"stop"}],
             "usage":{"prompt_tokens":10,"completion_tokens":5,"total_tokens":15},
             "service_tier":"default","system_fingerprint":"fp_1"}""";

    static final String CHAT_TOOL = """
            {"id":"chatcmpl-2","object":"chat.completion","created":1700000000,"model":"gpt-4o-mini",
             "choices":[{"index":0,"message":{"role":"assistant","content":null,"refusal":null,
               "tool_calls":[{"id":"call_1","type":"function","function":{"name":"lookup",
                 "arguments":"{\\"text\\":\\"[PERSON_1]\\"}"}}],"annotations":[]},
               "logprobs":null,"finish_reason":"tool_calls"}],
             "usage":{"prompt_tokens":10,"completion_tokens":5,"total_tokens":15}}""";

    static final String COMPLETION = """
            {"id":"cmpl-1","object":"text_completion","created":1700000000,"model":"gpt-3.5-turbo-instruct",
             "choices":[{"text":"Dear [PERSON_1]","index":0,"logprobs":null,"finish_reason":"stop"}],
             "usage":{"prompt_tokens":3,"completion_tokens":2,"total_tokens":5}}""";

    static final String RESPONSE = """
            {"id":"resp_1","object":"response","created_at":1700000000,"status":"completed","model":"gpt-4o-mini",
             "output":[{"id":"msg_1","type":"message","status":"completed","role":"assistant",
               "content":[{"type":"output_text","annotations":[],"logprobs":[],"text":"Dear [PERSON_1]"}]},
              {"id":"fc_1","type":"function_call","status":"completed","call_id":"call_1","name":"lookup",
               "arguments":"{\\"q\\":\\"[PHONE_1]\\"}"}],
             "store":false,"usage":{"input_tokens":9,"output_tokens":4,"total_tokens":13}}""";

    static final String ANTHROPIC = """
            {"id":"msg_01","type":"message","role":"assistant","model":"claude-sonnet-4-5",
             "content":[{"type":"text","text":"Dear [PERSON_1]"},
               {"type":"tool_use","id":"toolu_1","name":"lookup","input":{"q":"[PHONE_1]","n":2}}],
             "stop_reason":"tool_use","stop_sequence":null,
             "usage":{"input_tokens":11,"cache_creation_input_tokens":0,"cache_read_input_tokens":0,
               "output_tokens":6,"service_tier":"standard"}}""";

    static final String OLLAMA_CHAT = """
            {"model":"llama3.1","created_at":"2026-01-01T00:00:00Z",
             "message":{"role":"assistant","content":"Dear [PERSON_1]"},"done_reason":"stop","done":true,
             "total_duration":100,"load_duration":1,"prompt_eval_count":8,"prompt_eval_duration":2,
             "eval_count":3,"eval_duration":5}""";

    static final String OLLAMA_GENERATE = """
            {"model":"llama3.1","created_at":"2026-01-01T00:00:00Z","response":"Dear [PERSON_1]",
             "done":true,"done_reason":"stop","context":[1,2,3],"prompt_eval_count":8,"eval_count":3}""";

    private static ObjectNode json(String text) {
        return AnswerForm.object(text);
    }

    private static String text(byte[] bytes) {
        return new String(bytes, StandardCharsets.UTF_8);
    }

    @Test
    void chat_wholeAsStreamAndBack_isTheSameAnswer() {
        for (String whole : List.of(CHAT, CHAT_TOOL)) {
            byte[] stream = ChatForm.INSTANCE.stream(json(whole), true);

            assertThat(ChatForm.INSTANCE.whole(stream)).isEqualTo(json(whole));
            assertThat(text(stream)).startsWith("data: {").endsWith("data: [DONE]\n\n");
        }
    }

    @Test
    void chat_streamWithoutUsageChunk_isWholeWithoutUsage() {
        byte[] stream = ChatForm.INSTANCE.stream(json(CHAT), false);
        ObjectNode whole = ChatForm.INSTANCE.whole(stream);

        assertThat(text(stream)).doesNotContain("\"usage\"");
        assertThat(whole.has("usage")).isFalse();
        assertThat(ChatForm.INSTANCE.usage(whole).present()).isFalse();
        assertThat(whole.path("choices").get(0).path("message").path("content").asText())
                .isEqualTo("Dear [PERSON_1], call [PHONE_1].");
    }

    @Test
    void chat_streamAsTheApiSendsIt_addsUpToTheWholeAnswer() {
        String stream = """
                data: {"id":"c","object":"chat.completion.chunk","created":1,"model":"m","choices":[{"index":0,"delta":{"role":"assistant","content":""},"finish_reason":null}]}

                data: {"id":"c","object":"chat.completion.chunk","created":1,"model":"m","choices":[{"index":0,"delta":{"content":"Dear [PER"},"finish_reason":null}]}

                data: {"id":"c","object":"chat.completion.chunk","created":1,"model":"m","choices":[{"index":0,"delta":{"content":"SON_1]"},"finish_reason":null}]}

                data: {"id":"c","object":"chat.completion.chunk","created":1,"model":"m","choices":[{"index":0,"delta":{},"finish_reason":"stop"}]}

                data: [DONE]

                """.replace("\n", "\r\n");

        ObjectNode whole = ChatForm.INSTANCE.whole(stream.getBytes(StandardCharsets.UTF_8));

        assertThat(whole.path("choices").get(0).path("message").path("content").asText())
                .isEqualTo("Dear [PERSON_1]");
        assertThat(whole.path("choices").get(0).path("finish_reason").asText()).isEqualTo("stop");
        assertThat(whole.path("object").asText()).isEqualTo("chat.completion");
    }

    @Test
    void chat_streamThatEndedEarly_isNotWhole() {
        byte[] stream = ChatForm.INSTANCE.stream(json(CHAT), true);
        String text = text(stream);
        String withoutDone = text.substring(0, text.indexOf("data: [DONE]"));
        String cutMidEvent = text.substring(0, text.length() / 2);
        String withError = withoutDone + "data: {\"error\":{\"message\":\"x\"}}\n\ndata: [DONE]\n\n";

        assertThat(ChatForm.INSTANCE.whole(withoutDone.getBytes(StandardCharsets.UTF_8)))
                .isNull();
        assertThat(ChatForm.INSTANCE.whole(cutMidEvent.getBytes(StandardCharsets.UTF_8)))
                .isNull();
        assertThat(ChatForm.INSTANCE.whole(withError.getBytes(StandardCharsets.UTF_8)))
                .isNull();
    }

    @Test
    void completion_wholeAsStreamAndBack_isTheSameAnswer() {
        byte[] stream = CompletionForm.INSTANCE.stream(json(COMPLETION), true);

        assertThat(CompletionForm.INSTANCE.whole(stream)).isEqualTo(json(COMPLETION));
    }

    @Test
    void responses_wholeAsStreamAndBack_isTheSameAnswer_eventsNumberedInOrder() {
        byte[] stream = ResponsesForm.INSTANCE.stream(json(RESPONSE), false);
        List<AnswerForm.Event> events = AnswerForm.events(stream);

        assertThat(ResponsesForm.INSTANCE.whole(stream)).isEqualTo(json(RESPONSE));
        assertThat(events.get(0).name()).isEqualTo("response.created");
        assertThat(events.get(events.size() - 1).name()).isEqualTo("response.completed");
        assertThat(events)
                .extracting(AnswerForm.Event::name)
                .contains("response.output_text.delta", "response.function_call_arguments.delta");
        for (int i = 0; i < events.size(); i++) {
            assertThat(json(events.get(i).data()).path("sequence_number").asInt())
                    .isEqualTo(i);
            assertThat(json(events.get(i).data()).path("type").asText())
                    .isEqualTo(events.get(i).name());
        }
    }

    @Test
    void responses_streamWithoutCompletedEvent_isNotWhole() {
        String text = text(ResponsesForm.INSTANCE.stream(json(RESPONSE), false));
        String cut = text.substring(0, text.indexOf("event: response.completed"));

        assertThat(ResponsesForm.INSTANCE.whole(cut.getBytes(StandardCharsets.UTF_8)))
                .isNull();
    }

    @Test
    void anthropic_wholeAsStreamAndBack_isTheSameAnswer() {
        byte[] stream = AnthropicForm.INSTANCE.stream(json(ANTHROPIC), false);
        List<AnswerForm.Event> events = AnswerForm.events(stream);

        assertThat(AnthropicForm.INSTANCE.whole(stream)).isEqualTo(json(ANTHROPIC));
        assertThat(events)
                .extracting(AnswerForm.Event::name)
                .containsExactly(
                        "message_start",
                        "content_block_start",
                        "content_block_delta",
                        "content_block_stop",
                        "content_block_start",
                        "content_block_delta",
                        "content_block_stop",
                        "message_delta",
                        "message_stop");
    }

    @Test
    void anthropic_streamWithoutMessageStop_isNotWhole() {
        String text = text(AnthropicForm.INSTANCE.stream(json(ANTHROPIC), false));
        String cut = text.substring(0, text.indexOf("event: message_stop"));

        assertThat(AnthropicForm.INSTANCE.whole(cut.getBytes(StandardCharsets.UTF_8)))
                .isNull();
    }

    @Test
    void ollama_wholeAsLinesAndBack_isTheSameAnswer() {
        for (OllamaForm form : List.of(OllamaForm.CHAT, OllamaForm.GENERATE)) {
            String whole = form == OllamaForm.CHAT ? OLLAMA_CHAT : OLLAMA_GENERATE;
            byte[] lines = form.stream(json(whole), false);

            assertThat(form.whole(lines)).isEqualTo(json(whole));
            assertThat(text(lines).split("\n")).hasSize(2);
            assertThat(form.usage(json(whole))).isEqualTo(new Usage(true, 8, 3));
        }
    }

    @Test
    void ollama_linesWithoutDone_areNotWhole() {
        String first = text(OllamaForm.CHAT.stream(json(OLLAMA_CHAT), false)).split("\n")[0] + "\n";

        assertThat(OllamaForm.CHAT.whole(first.getBytes(StandardCharsets.UTF_8)))
                .isNull();
    }

    @ParameterizedTest
    @EnumSource(
            value = Dialect.class,
            names = {"OPENAI_EMBEDDINGS", "GENERIC_JSON"})
    void of_dialectsWithoutStreams_haveNoForm(Dialect dialect) {
        assertThat(AnswerForm.of(dialect)).isNull();
    }
}
