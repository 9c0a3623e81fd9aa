package io.qorgan.gateway.dialect;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

/** The walk over a request reads at most so many strings and so deep; answers are not bounded by it. */
class ReadLimitsTest {

    private static final TextRewriter SAME = (text, site) -> text;

    private static byte[] rewrite(Dialect dialect, String body, ReadLimits limits) {
        return dialect.rewriteRequest(body.getBytes(StandardCharsets.UTF_8), "application/json", null, limits, SAME);
    }

    private static String strings(int n) {
        StringBuilder b = new StringBuilder("[");
        for (int i = 0; i < n; i++) {
            b.append(i == 0 ? "\"a\"" : ",\"a\"");
        }
        return b.append(']').toString();
    }

    @Test
    void rewriteRequest_asManyStringsAsTheLimit_read() {
        assertThat(rewrite(Dialect.OPENAI_CHAT, strings(10), new ReadLimits(10, 8)))
                .isNotNull();
    }

    @Test
    void rewriteRequest_oneStringMoreThanTheLimit_refusedNamingTheLimit() {
        assertThatThrownBy(() -> rewrite(Dialect.OPENAI_CHAT, strings(11), new ReadLimits(10, 8)))
                .isInstanceOfSatisfying(BodyRejected.class, e -> {
                    assertThat(e.code()).isEqualTo("request_too_complex");
                    assertThat(e.getMessage()).contains("10").contains("protection.maxStrings");
                });
    }

    @Test
    void rewriteRequest_keysAndStringsInToolArguments_countToo() {
        // keys "a", "b", value "x": three; the arguments string and its two inner strings: three more
        String body = "{\"a\":\"x\",\"b\":\"{\\\"k\\\":\\\"v\\\"}\"}";
        assertThat(rewrite(Dialect.GENERIC_JSON, body, new ReadLimits(4, 8))).isNotNull();
        String withArguments = "{\"a\":\"x\",\"arguments\":\"{\\\"k\\\":\\\"v\\\"}\"}";
        assertThat(rewrite(Dialect.GENERIC_JSON, withArguments, new ReadLimits(6, 8)))
                .isNotNull();
        assertThatThrownBy(() -> rewrite(Dialect.GENERIC_JSON, withArguments, new ReadLimits(5, 8)))
                .isInstanceOf(BodyRejected.class)
                .hasMessageContaining("protection.maxStrings");
    }

    @Test
    void rewriteRequest_numbersAndLiterals_doNotCount() {
        assertThat(rewrite(Dialect.OPENAI_EMBEDDINGS, "{\"input\":[1,2,3,4,5,true,null]}", new ReadLimits(1, 8)))
                .isNotNull();
    }

    @Test
    void rewriteRequest_nestingAtTheLimit_read_deeperRefused() {
        String atLimit = "[".repeat(8) + "]".repeat(8);
        assertThat(rewrite(Dialect.OPENAI_CHAT, atLimit, new ReadLimits(10, 8))).isNotNull();
        String deeper = "[".repeat(9) + "]".repeat(9);
        assertThatThrownBy(() -> rewrite(Dialect.OPENAI_CHAT, deeper, new ReadLimits(10, 8)))
                .isInstanceOfSatisfying(BodyRejected.class, e -> {
                    assertThat(e.code()).isEqualTo("request_too_complex");
                    assertThat(e.getMessage()).contains("8").contains("protection.maxDepth");
                });
    }

    @Test
    void rewriteRequest_jsonInToolArguments_nestsInsideItsString() {
        // the arguments string sits 2 deep; its own 3 levels make 5
        String body = "{\"f\":{\"arguments\":\"[[[1]]]\"}}";
        assertThat(rewrite(Dialect.OPENAI_CHAT, body, new ReadLimits(10, 5))).isNotNull();
        assertThatThrownBy(() -> rewrite(Dialect.OPENAI_CHAT, body, new ReadLimits(10, 4)))
                .isInstanceOf(BodyRejected.class)
                .hasMessageContaining("protection.maxDepth");
    }

    @Test
    void rewriteAnswer_manyStrings_notLimited() {
        byte[] answer = strings(ReadLimits.DEFAULTS.maxStrings() + 1).getBytes(StandardCharsets.UTF_8);
        assertThat(Dialect.OPENAI_CHAT.rewriteAnswer(answer, SAME)).isSameAs(answer);
    }

    @Test
    void readLimits_notPositive_refused() {
        assertThatThrownBy(() -> new ReadLimits(0, 1)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new ReadLimits(1, 0)).isInstanceOf(IllegalArgumentException.class);
    }
}
