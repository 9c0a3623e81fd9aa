package io.qorgan.gateway.dialect;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Numbers in the walk over a body: each is handed over as its literal, and what comes back takes its place — a
 * number as a number, anything else as a string — except where the API needs a number, where only a number may.
 */
class NumberRewriteTest {

    private static byte[] utf8(String s) {
        return s.getBytes(StandardCharsets.UTF_8);
    }

    private static String request(Dialect dialect, String body, TextRewriter rewriter) {
        return new String(
                dialect.rewriteRequest(utf8(body), "application/json", null, rewriter), StandardCharsets.UTF_8);
    }

    /** Replaces the number 900515301234 wherever it is, by {@code replacement}. */
    private static TextRewriter number(String replacement) {
        return (text, site) -> site.kind() == TextSite.Kind.NUMBER && text.equals("900515301234") ? replacement : text;
    }

    @Test
    void rewriteRequest_numbers_handedOverAsLiteralsWithTheirHoldersPath() {
        List<String> seen = new ArrayList<>();
        request(Dialect.OPENAI_CHAT, "{\"a\":1,\"b\":[-2.5e3,{\"c\":0}],\"d\":\"7\"}", (text, site) -> {
            if (site.kind() == TextSite.Kind.NUMBER) {
                seen.add(site.path() + "=" + text);
            }
            return text;
        });
        assertThat(seen).containsExactly("=1", "/b=-2.5e3", "/b/1=0");
    }

    @Test
    void rewriteRequest_numberReplacedByText_becomesAString_restByteForByte() {
        String body = "{ \"user\" : 900515301234 , \"n\":  12, \"metadata\":{\"id\":900515301234}}";
        assertThat(request(Dialect.OPENAI_CHAT, body, number("[IIN_1]")))
                .isEqualTo("{ \"user\" : \"[IIN_1]\" , \"n\":  12, \"metadata\":{\"id\":\"[IIN_1]\"}}");
    }

    @Test
    void rewriteRequest_numberReplacedByANumber_staysANumber() {
        assertThat(request(Dialect.OPENAI_EMBEDDINGS, "{\"input\":[1,900515301234,3]}", number("415226013829")))
                .isEqualTo("{\"input\":[1,415226013829,3]}");
    }

    @Test
    void rewriteRequest_unchangedNumbers_sameBodyArray() {
        byte[] body = utf8("{\"input\":[[1,2,3],[4e2,5.5]],\"dimensions\":8}");
        assertThat(Dialect.OPENAI_EMBEDDINGS.rewriteRequest(body, "application/json", null, (text, site) -> text))
                .isSameAs(body);
    }

    @ParameterizedTest
    @CsvSource(
            delimiter = '|',
            value = {
                "OPENAI_EMBEDDINGS | {\"input\":[900515301234]}",
                "OPENAI_EMBEDDINGS | {\"input\":[[7,900515301234]]}",
                "OPENAI_COMPLETIONS | {\"prompt\":[[1,900515301234]]}",
                "OPENAI_CHAT | {\"seed\":900515301234,\"messages\":[]}",
                "OLLAMA_CHAT | {\"options\":{\"seed\":900515301234}}",
                "OLLAMA_GENERATE | {\"context\":[1,900515301234]}",
                "ANTHROPIC_MESSAGES | {\"max_tokens\":900515301234}"
            })
    void rewriteRequest_numberTheApiNeedsReplacedByText_refused(Dialect dialect, String body) {
        assertThatThrownBy(() -> request(dialect, body, number("[IIN_1]")))
                .isInstanceOfSatisfying(BodyRejected.class, e -> {
                    assertThat(e.code()).isEqualTo("personal_data_in_number");
                    assertThat(e.getMessage()).doesNotContain("900515301234");
                });
    }

    @Test
    void rewriteRequest_numberTheApiNeedsReplacedByANumber_accepted() {
        assertThat(request(Dialect.OPENAI_CHAT, "{\"seed\":900515301234}", number("415226013829")))
                .isEqualTo("{\"seed\":415226013829}");
    }

    @Test
    void rewriteRequest_numberInsideToolCallArguments_becomesAStringThere() {
        String body = "{\"messages\":[{\"role\":\"assistant\",\"tool_calls\":[{\"function\":{\"name\":\"f\","
                + "\"arguments\":\"{\\\"iin\\\":900515301234,\\\"n\\\":2}\"}}]}]}";
        assertThat(request(Dialect.OPENAI_CHAT, body, number("[IIN_1]")))
                .contains("\"arguments\":\"{\\\"iin\\\":\\\"[IIN_1]\\\",\\\"n\\\":2}\"");
    }

    @Test
    void rewriteAnswer_toolInputStringStandingForANumber_becomesTheNumber() {
        TextRewriter restorer = new TextRewriter() {
            @Override
            public String rewrite(String text, TextSite site) {
                return text;
            }

            @Override
            public String number(String text, TextSite site) {
                return text.equals("[IIN_1]") ? "900515301234" : null;
            }
        };
        String ollama = "{\"message\":{\"content\":\"[IIN_1]\",\"tool_calls\":[{\"function\":{\"name\":\"f\","
                + "\"arguments\":{\"iin\":\"[IIN_1]\",\"q\":\"x\"}}}]}}";
        assertThat(new String(Dialect.OLLAMA_CHAT.rewriteAnswer(utf8(ollama), restorer), StandardCharsets.UTF_8))
                .isEqualTo(ollama.replace("{\"iin\":\"[IIN_1]\"", "{\"iin\":900515301234"));
        String anthropic = "{\"content\":[{\"type\":\"text\",\"text\":\"[IIN_1]\"},"
                + "{\"type\":\"tool_use\",\"id\":\"t\",\"name\":\"f\",\"input\":{\"iin\":\"[IIN_1]\"}}]}";
        assertThat(new String(
                        Dialect.ANTHROPIC_MESSAGES.rewriteAnswer(utf8(anthropic), restorer), StandardCharsets.UTF_8))
                .isEqualTo(anthropic.replace("{\"iin\":\"[IIN_1]\"}", "{\"iin\":900515301234}"));
    }

    @ParameterizedTest
    @ValueSource(strings = {"0", "-0", "12", "-12", "1.5", "0.25", "1e5", "1E+5", "-2.5e-3", "900515301234"})
    void isNumber_jsonNumbers_true(String s) {
        assertThat(JsonText.isNumber(s)).isTrue();
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "-", "01", "1.", ".5", "1e", "+1", "1 ", "[IIN_1]", "90********34", "NaN", "0x10"})
    void isNumber_other_false(String s) {
        assertThat(JsonText.isNumber(s)).isFalse();
    }
}
