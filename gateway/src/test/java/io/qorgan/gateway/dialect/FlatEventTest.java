package io.qorgan.gateway.dialect;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

class FlatEventTest {

    private static final String COMMON = "{\"id\":\"chatcmpl-1\",\"object\":\"chat.completion.chunk\",\"created\":1,"
            + "\"model\":\"m\",\"system_fingerprint\":\"fp_1\",\"choices\":[{\"index\":2,\"delta\":{\"content\":\"Сәлем \\\"x\\\"\"},"
            + "\"logprobs\":null,\"finish_reason\":null}],\"usage\":{\"total_tokens\":3,\"details\":{\"a\":1}}}";

    @Test
    void read_commonChunk_givesEveryStringWithItsSourceSpanAndTheDelta() {
        byte[] padded = ("xx" + COMMON + "yy").getBytes(StandardCharsets.UTF_8);
        int from = 2;
        int length = COMMON.getBytes(StandardCharsets.UTF_8).length;
        FlatEvent e = Dialect.OPENAI_CHAT.eventTexts().flatReader();

        assertThat(e.read(padded, from, length)).isTrue();

        assertThat(e.count()).isEqualTo(5);
        assertThat(e.delta()).isEqualTo(4);
        assertThat(e.text(4)).isEqualTo("Сәлем \"x\"");
        assertThat(e.channel()).isEqualTo("choice:2/content");
        assertThat(e.closes()).isNull();
        for (int k = 0; k < e.count(); k++) {
            String literal = new String(padded, from + e.start(k), e.end(k) - e.start(k), StandardCharsets.UTF_8);
            assertThat(literal).startsWith("\"").endsWith("\"");
        }
        assertThat(new String(padded, from + e.start(4), e.end(4) - e.start(4), StandardCharsets.UTF_8))
                .isEqualTo("\"Сәлем \\\"x\\\"\"");
    }

    @Test
    void read_finishReason_closesTheChoice() {
        String finish = "{\"choices\":[{\"index\":0,\"delta\":{},\"finish_reason\":\"stop\"}]}";
        FlatEvent e = Dialect.OPENAI_CHAT.eventTexts().flatReader();
        assertThat(e.read(bytes(finish), 0, bytes(finish).length)).isTrue();
        assertThat(e.delta()).isEqualTo(-1);
        assertThat(e.closes()).isEqualTo("choice:0/");
    }

    @Test
    void read_otherShapes_leftToTheTree() {
        String[] others = {
            "{\"choices\":[{\"index\":0,\"delta\":{\"tool_calls\":[{\"index\":0,\"function\":{\"arguments\":\"{}\"}}]}}]}",
            "{\"choices\":[{\"index\":0,\"delta\":{\"content\":\"a\"}},{\"index\":1,\"delta\":{\"content\":\"b\"}}]}",
            "{\"choices\":[{\"index\":0,\"delta\":{\"refusal\":\"no\"}}]}",
            "{\"choices\":[{\"index\":0,\"delta\":{\"content\":\"a\",\"content\":\"b\"}}]}",
            "{\"id\":\"a\",\"id\":\"b\",\"choices\":[]}",
            "{\"meta\":{\"note\":\"a string inside\"},\"choices\":[]}",
            "{\"choices\":[{\"index\":\"0\",\"delta\":{\"content\":\"a\"}}]}",
            "{\"choices\":[{\"index\":0,\"delta\":{\"content\":\"a\"}}]} trailing",
            "{\"choices\":[{\"index\":0,\"delta\":{\"content\":\"a\"",
            "[1]",
        };
        assertAllLeftToTheTree(Dialect.OPENAI_CHAT, others);
    }

    @Test
    void read_ollamaChatAndGenerateLines_giveTheirDelta_doneClosesEverything() {
        FlatEvent e = Dialect.OLLAMA_CHAT.eventTexts().flatReader();
        String chat = "{\"model\":\"m\",\"created_at\":\"2026-11-27T10:00:00Z\",\"message\":{\"role\":\"assistant\","
                + "\"content\":\"Сәлем\"},\"done\":false}";
        assertThat(e.read(bytes(chat), 0, bytes(chat).length)).isTrue();
        assertThat(e.text(e.delta())).isEqualTo("Сәлем");
        assertThat(e.channel()).isEqualTo("message/content");
        assertThat(e.closes()).isNull();

        String generate =
                "{\"model\":\"m\",\"response\":\"hi\",\"done\":true,\"done_reason\":\"stop\",\"context\":[1,2]}";
        assertThat(e.read(bytes(generate), 0, bytes(generate).length)).isTrue();
        assertThat(e.text(e.delta())).isEqualTo("hi");
        assertThat(e.channel()).isEqualTo("response");
        assertThat(e.closes()).isEqualTo("");
    }

    @Test
    void read_otherOllamaShapes_leftToTheTree() {
        String[] others = {
            "{\"message\":{\"role\":\"assistant\",\"content\":\"\",\"thinking\":\"hm\"},\"done\":false}",
            "{\"message\":{\"role\":\"assistant\",\"tool_calls\":[{\"function\":{\"name\":\"f\"}}]},\"done\":false}",
            "{\"message\":{\"content\":\"a\"},\"response\":\"b\",\"done\":false}",
            "{\"response\":\"a\",\"thinking\":\"b\",\"done\":false}",
            "{\"response\":\"a\",\"done\":\"true\"}",
        };
        assertAllLeftToTheTree(Dialect.OLLAMA_GENERATE, others);
    }

    private static void assertAllLeftToTheTree(Dialect dialect, String[] events) {
        FlatEvent e = dialect.eventTexts().flatReader();
        for (String json : events) {
            assertThat(e.read(bytes(json), 0, bytes(json).length)).as(json).isFalse();
        }
    }

    @Test
    void read_anthropicTextDeltaAndClosingEvents() {
        FlatEvent e = Dialect.ANTHROPIC_MESSAGES.eventTexts().flatReader();
        String delta =
                "{\"type\":\"content_block_delta\",\"index\":1,\"delta\":{\"type\":\"text_delta\",\"text\":\"Сәлем\"}}";
        assertThat(e.read(bytes(delta), 0, bytes(delta).length)).isTrue();
        assertThat(e.text(e.delta())).isEqualTo("Сәлем");
        assertThat(e.channel()).isEqualTo("block:1/text");
        assertThat(e.closes()).isNull();

        String stop = "{\"type\":\"content_block_stop\",\"index\":1}";
        assertThat(e.read(bytes(stop), 0, bytes(stop).length)).isTrue();
        assertThat(e.delta()).isEqualTo(-1);
        assertThat(e.closes()).isEqualTo("block:1/");

        String end =
                "{\"type\":\"message_delta\",\"delta\":{\"stop_reason\":\"end_turn\",\"text\":\"not a delta here\"}}";
        assertThat(e.read(bytes(end), 0, bytes(end).length)).isTrue();
        assertThat(e.delta())
                .as("text outside a content_block_delta is a whole text")
                .isEqualTo(-1);
        assertThat(e.closes()).isEqualTo("");
    }

    @Test
    void read_otherAnthropicShapes_leftToTheTree() {
        String[] others = {
            "{\"type\":\"content_block_delta\",\"index\":1,\"delta\":{\"type\":\"input_json_delta\",\"partial_json\":\"{\"}}",
            "{\"type\":\"content_block_delta\",\"index\":0,\"delta\":{\"type\":\"thinking_delta\",\"thinking\":\"hm\"}}",
            "{\"index\":0,\"delta\":{\"text\":\"no type: the SSE event name decides\"}}",
            "{\"type\":\"content_block_start\",\"index\":0,\"content_block\":{\"type\":\"text\",\"text\":\"\"}}",
            "{\"type\":\"message_start\",\"message\":{\"id\":\"msg_1\"}}",
        };
        assertAllLeftToTheTree(Dialect.ANTHROPIC_MESSAGES, others);
    }

    @Test
    void flatReader_noneForResponsesEvents() {
        assertThat(Dialect.OPENAI_RESPONSES.eventTexts().flatReader()).isNull();
    }

    private static byte[] bytes(String s) {
        return s.getBytes(StandardCharsets.UTF_8);
    }
}
