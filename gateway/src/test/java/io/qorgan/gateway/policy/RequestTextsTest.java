package io.qorgan.gateway.policy;

import static org.assertj.core.api.Assertions.assertThat;

import io.qorgan.gateway.dialect.Dialect;
import io.qorgan.gateway.dialect.TargetRewriter;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.junit.jupiter.api.Test;

class RequestTextsTest {

    private static List<RoleText> texts(Dialect dialect, String json) {
        return RequestTexts.of(json.getBytes(StandardCharsets.UTF_8), "application/json", dialect);
    }

    @Test
    void of_openAiChat_givesEachMessageItsRole() {
        List<RoleText> t = texts(Dialect.OPENAI_CHAT, """
                {"model":"gpt-4o","messages":[
                  {"role":"developer","content":"be brief"},
                  {"role":"user","content":[{"type":"text","text":"hello"}]},
                  {"role":"assistant","content":null,"tool_calls":[{"id":"c1","type":"function",
                    "function":{"name":"lookup","arguments":"{\\"city\\":\\"Astana\\"}"}}]},
                  {"role":"tool","tool_call_id":"c1","content":"sunny"}],
                 "user":"u-17"}
                """);

        assertThat(t)
                .contains(
                        new RoleText(RoleText.Role.SYSTEM, "be brief"),
                        RoleText.user("hello"),
                        new RoleText(RoleText.Role.ASSISTANT, "Astana"),
                        new RoleText(RoleText.Role.TOOL, "sunny"),
                        new RoleText(RoleText.Role.OTHER, "u-17"));
        assertThat(t).extracting(RoleText::text).doesNotContain("gpt-4o", "user", "text", "function");
    }

    @Test
    void of_anthropic_systemAndToolResults() {
        List<RoleText> t = texts(Dialect.ANTHROPIC_MESSAGES, """
                {"system":"rules","messages":[{"role":"user","content":[
                  {"type":"tool_result","tool_use_id":"t1","content":"result text"},
                  {"type":"text","text":"question"}]}]}
                """);

        assertThat(t)
                .contains(
                        new RoleText(RoleText.Role.SYSTEM, "rules"),
                        new RoleText(RoleText.Role.TOOL, "result text"),
                        RoleText.user("question"));
    }

    @Test
    void of_responses_instructionsAndFunctionOutputs() {
        List<RoleText> t = texts(Dialect.OPENAI_RESPONSES, """
                {"instructions":"be kind","input":[{"role":"user","content":"hi"},
                  {"type":"function_call_output","call_id":"c","output":"42"}]}
                """);

        assertThat(t)
                .contains(
                        new RoleText(RoleText.Role.SYSTEM, "be kind"),
                        RoleText.user("hi"),
                        new RoleText(RoleText.Role.TOOL, "42"));
    }

    @Test
    void of_roleAfterItsText_orNoRole_stillDecidesTheRole_numbersAreNoTexts() {
        List<RoleText> t = texts(Dialect.OPENAI_CHAT, """
                {"messages":[{"content":"late role","role":"assistant"},{"content":"no role"}],
                 "seed":42,"metadata":{"n":7,"note":"meta"}}
                """);

        assertThat(t)
                .containsExactly(
                        new RoleText(RoleText.Role.ASSISTANT, "late role"),
                        RoleText.user("no role"),
                        new RoleText(RoleText.Role.OTHER, "meta"));
    }

    @Test
    void of_genericEndpoint_everyStringAUserText_labelsOfItemsRead() {
        List<RoleText> t = texts(Dialect.GENERIC_JSON, """
                {"system":"s","input":[{"type":"function_call_output","output":"o"}],"items":["a","b"]}
                """);

        assertThat(t)
                .contains(
                        new RoleText(RoleText.Role.SYSTEM, "s"),
                        new RoleText(RoleText.Role.TOOL, "o"),
                        RoleText.user("a"),
                        RoleText.user("b"));
    }

    @Test
    void of_promptString_isUser() {
        assertThat(texts(Dialect.OLLAMA_GENERATE, "{\"prompt\":\"why\",\"system\":\"sys\"}"))
                .containsExactly(RoleText.user("why"), new RoleText(RoleText.Role.SYSTEM, "sys"));
    }

    @Test
    void toString_anyText_showsNoText() {
        assertThat(RoleText.user("900515301234").toString()).doesNotContain("900515301234");
    }

    /** The target's parts as protection decodes and hands them over, then header values. */
    private static List<RoleText> targetAndHeaders(String target, List<String> headerValues) {
        RequestTexts.Collector texts = new RequestTexts.Collector();
        TargetRewriter.rewrite(target, (text, site) -> {
            texts.targetText(text);
            return text;
        });
        headerValues.forEach(texts::headerText);
        return texts.texts();
    }

    @Test
    void collector_decodedTargetPartsAndHeaderValues_allOther() {
        List<RoleText> t = targetAndHeaders(
                "/v1/models?topic=%D0%94%D0%A1%D0%9F+%D0%BF%D1%80%D0%B8%D0%BA%D0%B0%D0%B7&flag",
                List.of("для служебного пользования"));

        assertThat(t)
                .containsExactly(
                        new RoleText(RoleText.Role.OTHER, "v1"),
                        new RoleText(RoleText.Role.OTHER, "models"),
                        new RoleText(RoleText.Role.OTHER, "topic"),
                        new RoleText(RoleText.Role.OTHER, "ДСП приказ"),
                        new RoleText(RoleText.Role.OTHER, "flag"),
                        new RoleText(RoleText.Role.OTHER, "для служебного пользования"));
        assertThat(targetAndHeaders("/", List.of())).isEmpty();
    }

    @Test
    void collector_bodyTextsFirst_forgottenWhenTheBodyWentOnUnread() {
        RequestTexts.Collector texts = new RequestTexts.Collector();
        Dialect.OPENAI_CHAT.rewriteRequest(
                "{\"messages\":[{\"role\":\"user\",\"content\":\"hello\"}]}".getBytes(StandardCharsets.UTF_8),
                "application/json",
                null,
                (text, site) -> {
                    texts.bodyText(text, site);
                    return text;
                });
        texts.headerText("ДСП");
        assertThat(texts.texts()).containsExactly(RoleText.user("hello"), new RoleText(RoleText.Role.OTHER, "ДСП"));
        texts.forgetBody();
        assertThat(texts.texts()).containsExactly(new RoleText(RoleText.Role.OTHER, "ДСП"));
    }
}
