package io.qorgan.gateway.dialect;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

class ChatFlatEventTest {

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
        FlatEvent e = Dialect.OPENAI_CHAT.eventTexts().flatReader();
        for (String json : others) {
            assertThat(e.read(bytes(json), 0, bytes(json).length)).as(json).isFalse();
        }
    }

    @Test
    void flatReader_onlyForChat() {
        assertThat(Dialect.ANTHROPIC_MESSAGES.eventTexts().flatReader()).isNull();
        assertThat(Dialect.OLLAMA_CHAT.eventTexts().flatReader()).isNull();
    }

    private static byte[] bytes(String s) {
        return s.getBytes(StandardCharsets.UTF_8);
    }
}
