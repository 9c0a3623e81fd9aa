package io.qorgan.gateway.protect;

import static io.qorgan.gateway.protect.TestData.ADDRESS;
import static io.qorgan.gateway.protect.TestData.CARD;
import static io.qorgan.gateway.protect.TestData.EMAIL;
import static io.qorgan.gateway.protect.TestData.EMAIL_2;
import static io.qorgan.gateway.protect.TestData.IIN_1;
import static io.qorgan.gateway.protect.TestData.IIN_2;
import static io.qorgan.gateway.protect.TestData.NAME_EN;
import static io.qorgan.gateway.protect.TestData.NAME_KK;
import static io.qorgan.gateway.protect.TestData.NAME_RU;
import static io.qorgan.gateway.protect.TestData.PHONE;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.qorgan.gateway.detect.EntityType;
import io.qorgan.gateway.detect.Finding;
import io.qorgan.gateway.dialect.Dialect;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Every dialect: a request full of synthetic Kazakh, Russian and English personal data goes out
 * with placeholders only, every other field unchanged, and the upstream's echo comes back with
 * every original restored exactly.
 */
class RequestProtectorDialectsTest {

    private static String args(String json) {
        return Json.quote(json);
    }

    static Stream<Arguments> requests() {
        String chat = """
                {"model":"gpt-4o-mini","temperature":0.2,"top_p":1.10,"seed":123456789012345678901234,
                 "user":"%1$s","metadata":{"case":"IIN %4$s"},
                 "messages":[
                  {"role":"system","content":"Вы помощник. Клиент: %1$s, ИИН %4$s."},
                  {"role":"user","content":[{"type":"text","text":"Менің атым %1$s, телефон %6$s, email %7$s"},
                    {"type":"image_url","image_url":{"url":"https://example.org/a.png","detail":"low"}}]},
                  {"role":"assistant","content":null,"tool_calls":[{"id":"call_1","type":"function",
                    "function":{"name":"lookup_citizen","arguments":%10$s}}]},
                  {"role":"tool","tool_call_id":"call_1","content":"Found: %2$s, IIN %5$s, address %9$s"},
                  {"role":"user","content":"Please write to %3$s at %8$s about %1$s, card %11$s"}],
                 "tools":[{"type":"function","function":{"name":"lookup_citizen","description":"Find by IIN",
                   "parameters":{"type":"object","properties":{"iin":{"type":"string"}},"required":["iin"]}}}],
                 "stream":false,"n":1}
                """;
        String responses = """
                {"model":"gpt-4.1","instructions":"Отвечай кратко. Оператор: %2$s","input":[
                  {"role":"user","content":[{"type":"input_text","text":"Мой ИИН %4$s, телефон %6$s"}]},
                  {"type":"function_call","call_id":"c1","name":"find","arguments":%10$s},
                  {"type":"function_call_output","call_id":"c1","output":"%1$s, %7$s"},
                  {"role":"user","content":"Write to %3$s about %1$s at %9$s"}],
                 "metadata":{"ticket":"%5$s"},"store":false,"max_output_tokens":500}
                """;
        String embeddings = """
                {"model":"text-embedding-3-small","input":["%1$s %4$s","%2$s %6$s","plain"],"encoding_format":"float","dimensions":8}
                """;
        String completions = """
                {"model":"gpt-3.5-turbo-instruct","prompt":["Letter to %3$s, IIN %5$s:","card %11$s"],"suffix":"Regards, %2$s","max_tokens":16,"logprobs":null}
                """;
        String anthropic = """
                {"model":"claude-sonnet-4-5","max_tokens":1024,
                 "system":[{"type":"text","text":"Клиент %1$s, ИИН %4$s","cache_control":{"type":"ephemeral"}}],
                 "messages":[{"role":"user","content":"Менің телефоным %6$s"},
                  {"role":"assistant","content":[{"type":"text","text":"Іздеймін"},
                    {"type":"tool_use","id":"tu1","name":"lookup","input":{"iin":"%4$s","who":"%1$s","n":[1,2.50]}}]},
                  {"role":"user","content":[{"type":"tool_result","tool_use_id":"tu1","content":"%2$s, %8$s, %9$s"},
                    {"type":"text","text":"Summarise for %3$s, card %11$s"}]}],
                 "metadata":{"user_id":"%5$s"},"stream":false}
                """;
        String ollamaChat = """
                {"model":"llama3.2","messages":[{"role":"system","content":"Клиент %2$s"},
                  {"role":"user","content":"ИИН %4$s, %1$s, %6$s, %9$s"},
                  {"role":"assistant","content":"","tool_calls":[{"function":{"name":"find","arguments":{"iin":"%5$s"}}}]},
                  {"role":"tool","content":"%3$s %7$s"}],
                 "options":{"temperature":0.1,"num_ctx":4096},"stream":false}
                """;
        String ollamaGenerate = """
                {"model":"llama3.2","prompt":"Письмо для %1$s (%4$s), %9$s","system":"Оператор %3$s","stream":false,"options":{"seed":42}}
                """;
        String generic = """
                {"foo":{"bar":["%1$s",42,{"x":"email %7$s","y":[true,null,-1.5e3]}]},"note":"%9$s"}
                """;
        return Stream.of(
                Arguments.of(Dialect.OPENAI_CHAT, chat),
                Arguments.of(Dialect.OPENAI_RESPONSES, responses),
                Arguments.of(Dialect.OPENAI_EMBEDDINGS, embeddings),
                Arguments.of(Dialect.OPENAI_COMPLETIONS, completions),
                Arguments.of(Dialect.ANTHROPIC_MESSAGES, anthropic),
                Arguments.of(Dialect.OLLAMA_CHAT, ollamaChat),
                Arguments.of(Dialect.OLLAMA_GENERATE, ollamaGenerate),
                Arguments.of(Dialect.GENERIC_JSON, generic));
    }

    private static String fill(String template) {
        String toolArgs = "{\"iin\":\"" + IIN_1 + "\",\"name\":\"" + NAME_KK + "\",\"flags\":[1,true,null],"
                + "\"addr\":" + Json.quote(ADDRESS) + "}";
        // JSON-escape every value once: ADDRESS contains quotes.
        Object[] v = Stream.of(NAME_KK, NAME_RU, NAME_EN, IIN_1, IIN_2, PHONE, EMAIL, EMAIL_2, ADDRESS)
                .map(s -> Json.quote(s).substring(1, Json.quote(s).length() - 1))
                .toArray();
        Object[] all = new Object[11];
        System.arraycopy(v, 0, all, 0, 9);
        all[9] = args(toolArgs);
        all[10] = CARD;
        return template.formatted(all);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("requests")
    void protect_requestFullOfPersonalData_sendsPlaceholdersOnly(Dialect dialect, String template) {
        byte[] body = fill(template).getBytes(StandardCharsets.UTF_8);
        ProtectedRequest result = TestData.protector().protect(body, "application/json", null, dialect);

        // canary: no original anywhere in the bytes that leave, raw or JSON-escaped
        String sent = new String(result.body(), StandardCharsets.UTF_8);
        for (String value : TestData.VALUES.keySet()) {
            assertThat(sent).doesNotContain(value);
            assertThat(sent)
                    .doesNotContain(
                            Json.quote(value).substring(1, Json.quote(value).length() - 1));
        }
        List<String> sentStrings = new ArrayList<>();
        Json.strings(Json.expand(Json.parse(result.body())), sentStrings);
        for (String s : sentStrings) {
            for (String value : TestData.VALUES.keySet()) {
                assertThat(s).doesNotContain(value);
            }
        }

        // everything else is the same, in the same order: the input with each value replaced by its placeholder
        Map<String, String> placeholders = placeholdersOf(result.vault());
        Function<String, String> replace = s -> replaceKnown(s, placeholders);
        JsonNode expected = Json.mapStrings(Json.expand(Json.parse(body)), replace::apply);
        assertThat(Json.write(Json.expand(Json.parse(result.body())))).isEqualTo(Json.write(expected));
        assertThat(result.counts()).isEqualTo(result.vault().counts()).isNotEmpty();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("requests")
    void restoreAnswer_upstreamEchoesEveryText_givesEveryOriginalBack(Dialect dialect, String template) {
        byte[] body = fill(template).getBytes(StandardCharsets.UTF_8);
        ProtectedRequest result = TestData.protector().protect(body, "application/json", null, dialect);
        List<String> sentStrings = new ArrayList<>();
        Json.strings(Json.expand(Json.parse(result.body())), sentStrings);
        List<String> originalStrings = new ArrayList<>();
        Json.strings(Json.expand(Json.parse(body)), originalStrings);
        String echoed = String.join("\n", sentStrings);
        String expected = String.join("\n", originalStrings);

        byte[] answer = EchoAnswers.json(dialect, echoed);
        byte[] restored = TextRestorer.of(result.vault()).restoreAnswer(answer, dialect);

        List<String> texts = EchoAnswers.texts(dialect, Json.parse(restored));
        assertThat(texts).isNotEmpty().allSatisfy(t -> assertThat(t).isEqualTo(expected));
    }

    @Test
    void protect_sameValueInSystemMessagesAndToolArguments_getsOnePlaceholder() {
        String body = "{\"messages\":["
                + "{\"role\":\"system\",\"content\":\"Client " + NAME_KK + "\"},"
                + "{\"role\":\"user\",\"content\":\"I am " + NAME_KK + ", IIN " + IIN_1 + "\"},"
                + "{\"role\":\"assistant\",\"tool_calls\":[{\"id\":\"c\",\"type\":\"function\",\"function\":"
                + "{\"name\":\"f\",\"arguments\":"
                + Json.quote("{\"who\":\"" + NAME_KK + "\",\"iin\":\"" + IIN_1 + "\"}")
                + "}}]},"
                + "{\"role\":\"user\",\"content\":\"Again " + NAME_KK.toUpperCase() + " and " + NAME_RU + "\"}]}";
        Map<String, EntityType> values = new HashMap<>(TestData.VALUES);
        values.put(NAME_KK.toUpperCase(), EntityType.PERSON);
        RequestProtector protector = RequestProtector.create(
                new KnownValuesScanner(values), ValueKey.simple(), ProtectionSettings.defaults());
        ProtectedRequest result =
                protector.protect(body.getBytes(StandardCharsets.UTF_8), null, null, Dialect.OPENAI_CHAT);
        String sent = new String(result.body(), StandardCharsets.UTF_8);
        assertThat(sent)
                .isEqualTo("{\"messages\":["
                        + "{\"role\":\"system\",\"content\":\"Client [PERSON_1]\"},"
                        + "{\"role\":\"user\",\"content\":\"I am [PERSON_1], IIN [IIN_1]\"},"
                        + "{\"role\":\"assistant\",\"tool_calls\":[{\"id\":\"c\",\"type\":\"function\",\"function\":"
                        + "{\"name\":\"f\",\"arguments\":\"{\\\"who\\\":\\\"[PERSON_1]\\\",\\\"iin\\\":\\\"[IIN_1]\\\"}\"}}]},"
                        + "{\"role\":\"user\",\"content\":\"Again [PERSON_1] and [PERSON_2]\"}]}");
        assertThat(result.vault().restore(EntityType.PERSON, 1)).contains(NAME_KK);
        assertThat(result.entitiesHeader()).isEqualTo("PERSON=2,IIN=1");
    }

    static Map<String, String> placeholdersOf(ExchangeVault vault) {
        Map<String, String> out = new HashMap<>();
        for (EntityType type : EntityType.values()) {
            for (int n = 1; vault.restore(type, n).isPresent(); n++) {
                out.put(vault.restore(type, n).get(), "[" + type.name() + "_" + n + "]");
            }
        }
        return out;
    }

    static String replaceKnown(String s, Map<String, String> placeholders) {
        List<Finding> findings = TestData.scanner().scan(s);
        StringBuilder sb = new StringBuilder();
        int pos = 0;
        for (Finding f : findings) {
            sb.append(s, pos, f.start()).append(placeholders.get(s.substring(f.start(), f.end())));
            pos = f.end();
        }
        return sb.append(s.substring(pos)).toString();
    }
}
