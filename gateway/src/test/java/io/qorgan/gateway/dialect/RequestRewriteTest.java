package io.qorgan.gateway.dialect;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.databind.node.TextNode;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class RequestRewriteTest {

    private static final String SECRET = "Ахметов Нұрлан";

    private static byte[] utf8(String s) {
        return s.getBytes(StandardCharsets.UTF_8);
    }

    /** Records every site and upper-cases nothing: identity rewriting. */
    private static Map<String, TextSite.Kind> sites(Dialect dialect, String body) {
        Map<String, TextSite.Kind> out = new LinkedHashMap<>();
        dialect.rewriteRequest(utf8(body), "application/json", null, (text, site) -> {
            if (site.kind() != TextSite.Kind.NAME) {
                out.put(site.path(), site.kind());
            }
            return text;
        });
        return out;
    }

    @Test
    void rewriteRequest_chat_labelsConversationAndOtherSites() {
        String body = """
                {"model":"m","user":"u1","metadata":{"k":"v"},"messages":[
                 {"role":"system","content":"s"},
                 {"role":"user","content":[{"type":"text","text":"t"},{"type":"image_url","image_url":{"url":"http://x"}}]},
                 {"role":"assistant","tool_calls":[{"id":"c","type":"function","function":{"name":"f","arguments":"{\\"a\\":\\"x\\",\\"b\\":[\\"y\\"]}"}}]},
                 {"role":"tool","tool_call_id":"c","content":"r"}],
                 "tools":[{"type":"function","function":{"name":"f","description":"d"}}]}
                """;
        Map<String, TextSite.Kind> sites = sites(Dialect.OPENAI_CHAT, body);
        assertThat(sites)
                .containsEntry("/messages/0/content", TextSite.Kind.CONVERSATION)
                .containsEntry("/messages/1/content/0/text", TextSite.Kind.CONVERSATION)
                .containsEntry("/messages/1/content/1/image_url/url", TextSite.Kind.OTHER)
                .containsEntry("/messages/2/tool_calls/0/function/arguments#/a", TextSite.Kind.CONVERSATION)
                .containsEntry("/messages/2/tool_calls/0/function/arguments#/b/0", TextSite.Kind.CONVERSATION)
                .containsEntry("/messages/3/content", TextSite.Kind.CONVERSATION)
                .containsEntry("/user", TextSite.Kind.OTHER)
                .containsEntry("/metadata/k", TextSite.Kind.OTHER)
                .containsEntry("/model", TextSite.Kind.OTHER)
                .containsEntry("/tools/0/function/description", TextSite.Kind.OTHER)
                .containsEntry("/messages/0/role", TextSite.Kind.OTHER);
    }

    @Test
    void rewriteRequest_responsesAnthropicOllama_labelConversationSites() {
        assertThat(sites(Dialect.OPENAI_RESPONSES, """
                {"instructions":"i","input":[{"role":"user","content":[{"type":"input_text","text":"t"}]},
                 {"type":"function_call","call_id":"c","name":"f","arguments":"{\\"q\\":\\"x\\"}"},
                 {"type":"function_call_output","call_id":"c","output":"o"}],"previous_response_id":"resp_1"}
                """))
                .containsEntry("/instructions", TextSite.Kind.CONVERSATION)
                .containsEntry("/input/0/content/0/text", TextSite.Kind.CONVERSATION)
                .containsEntry("/input/1/arguments#/q", TextSite.Kind.CONVERSATION)
                .containsEntry("/input/2/output", TextSite.Kind.CONVERSATION)
                .containsEntry("/previous_response_id", TextSite.Kind.OTHER);
        assertThat(sites(Dialect.OPENAI_RESPONSES, "{\"input\":\"plain\"}"))
                .containsEntry("/input", TextSite.Kind.CONVERSATION);
        assertThat(sites(Dialect.ANTHROPIC_MESSAGES, """
                {"system":[{"type":"text","text":"s"}],"messages":[{"role":"user","content":[
                 {"type":"tool_result","tool_use_id":"t","content":"r"},
                 {"type":"tool_use","id":"t","name":"n","input":{"q":"x"}}]}],"metadata":{"user_id":"u"}}
                """))
                .containsEntry("/system/0/text", TextSite.Kind.CONVERSATION)
                .containsEntry("/messages/0/content/0/content", TextSite.Kind.CONVERSATION)
                .containsEntry("/messages/0/content/1/input/q", TextSite.Kind.CONVERSATION)
                .containsEntry("/metadata/user_id", TextSite.Kind.OTHER);
        assertThat(sites(Dialect.OLLAMA_GENERATE, "{\"prompt\":\"p\",\"system\":\"s\",\"model\":\"m\"}"))
                .containsEntry("/prompt", TextSite.Kind.CONVERSATION)
                .containsEntry("/system", TextSite.Kind.CONVERSATION)
                .containsEntry("/model", TextSite.Kind.OTHER);
        assertThat(sites(Dialect.GENERIC_JSON, "{\"a\":{\"b\":[\"x\"]}}"))
                .containsEntry("/a/b/0", TextSite.Kind.CONVERSATION);
    }

    @Test
    void rewriteRequest_identity_keepsNumbersKeysOrderAndLiterals() {
        String body = "{\"z\":1.10,\"a\":12345678901234567890123,\"m\":-0.0e-7,\"t\":true,\"f\":false,"
                + "\"n\":null,\"s\":\"x\",\"arr\":[1,[2,{}],[]],\"o\":{}}";
        byte[] out = Dialect.OPENAI_CHAT.rewriteRequest(
                utf8(body),
                "application/json",
                null,
                (t, s) -> t.equals("x") ? "z" : t); // one change, so the body is re-generated
        assertThat(new String(out, StandardCharsets.UTF_8)).isEqualTo(body.replace("\"x\"", "\"z\""));
    }

    @Test
    void rewriteRequest_escapes_areDecodedForTheRewriterAndReEncoded() throws Exception {
        String body = "{\"s\":\"a\\\"b\\\\c\\n\\u0410\\ud83d\\ude00\", \"t\": \"x\", \"u\": \"\\u0410\"}";
        List<String> seen = new ArrayList<>();
        byte[] out = Dialect.GENERIC_JSON.rewriteRequest(utf8(body), null, null, (t, s) -> {
            if (s.kind() != TextSite.Kind.NAME) {
                seen.add(t);
            }
            return t.equals("x") ? "y" : t.startsWith("a") ? t + "\t\u0001\ud800" : t;
        });
        assertThat(seen).containsExactly("a\"b\\c\nА😀", "x", "А");
        // Changed strings are re-encoded (a lone surrogate escaped); the rest of the source is kept as it came.
        assertThat(new String(out, StandardCharsets.UTF_8))
                .isEqualTo("{\"s\":\"a\\\"b\\\\c\\nА😀\\t\\u0001\\ud800\", \"t\": \"y\", \"u\": \"\\u0410\"}");
        assertThat(new ObjectMapper().readTree(out).get("s").asText()).isEqualTo("a\"b\\c\nА😀\t\u0001\ud800");
    }

    @Test
    void rewriteRequest_randomDocuments_changedStringsSplicedIntoTheSource() throws Exception {
        var mapper = new ObjectMapper();
        Random random = new Random(23);
        String[] words = {"a", "Ә\"\\", "😀 x", "line\nbreak", "\u0001", "plain", "ИИН 1", ""};
        for (int c = 0; c < 300; c++) {
            var root = mapper.createObjectNode();
            fill(root, random, words, 0);
            String source = random.nextBoolean() ? root.toPrettyString() : root.toString();
            byte[] out = Dialect.GENERIC_JSON.rewriteRequest(utf8(source), null, null, (t, s) -> rewritten(t));
            var expected = mapper.readTree(source);
            rewriteTree(expected);
            assertThat(mapper.readTree(out)).as(source).isEqualTo(expected);
        }
    }

    private static void fill(ObjectNode node, Random random, String[] words, int depth) {
        int keys = random.nextInt(5);
        for (int k = 0; k < keys; k++) {
            String key = "k" + k + words[random.nextInt(words.length)];
            switch (depth < 3 ? random.nextInt(5) : random.nextInt(3)) {
                case 0 -> node.put(key, words[random.nextInt(words.length)] + words[random.nextInt(words.length)]);
                case 1 -> node.put(key, random.nextInt(1000) / 7.0);
                case 2 -> node.putNull(key);
                case 3 -> fill(node.putObject(key), random, words, depth + 1);
                default -> {
                    var array = node.putArray(key);
                    for (int i = random.nextInt(4); i > 0; i--) {
                        if (random.nextBoolean()) {
                            array.add(words[random.nextInt(words.length)] + "a");
                        } else {
                            fill(array.addObject(), random, words, depth + 1);
                        }
                    }
                }
            }
        }
    }

    private static String rewritten(String t) {
        return t.contains("a") ? "<" + t.toUpperCase(Locale.ROOT) + "\"\\>" : t;
    }

    /** The expected result: keys and string values holding an "a" rewritten. */
    private static void rewriteTree(JsonNode node) {
        if (node instanceof ObjectNode object) {
            List<Map.Entry<String, JsonNode>> fields = new ArrayList<>();
            object.fields().forEachRemaining(fields::add);
            object.removeAll();
            for (var e : fields) {
                var value = e.getValue();
                if (value.isTextual()) {
                    value = TextNode.valueOf(rewritten(value.asText()));
                } else {
                    rewriteTree(value);
                }
                object.set(rewritten(e.getKey()), value);
            }
        } else if (node instanceof ArrayNode array) {
            for (int i = 0; i < array.size(); i++) {
                if (array.get(i).isTextual() && array.get(i).asText().contains("a")) {
                    array.set(i, TextNode.valueOf("<" + array.get(i).asText().toUpperCase(Locale.ROOT) + "\"\\>"));
                } else {
                    rewriteTree(array.get(i));
                }
            }
        }
    }

    @Test
    void rewriteRequest_nothingChanges_returnsTheOriginalBytes() {
        byte[] body = utf8("{ \"a\" : \"\\u0410\\/x\",\n \"n\": 1.50e+3, \"messages\":[{\"tool_calls\":[{\"function\":"
                + "{\"arguments\":\"{ \\\"k\\\" : \\\"v\\\" }\"}}]}] }");
        assertThat(Dialect.OPENAI_CHAT.rewriteRequest(body, "application/json", null, (t, s) -> t))
                .isSameAs(body);
        assertThat(Dialect.OPENAI_CHAT.rewriteAnswer(body, (t, s) -> t)).isSameAs(body);
    }

    @Test
    void rewriteRequest_onlyOtherFieldChanges_keepsUnchangedArgumentsFormatting() {
        String body =
                "{\"user\":\"x\",\"messages\":[{\"tool_calls\":[{\"function\":{\"arguments\":\"{ \\\"k\\\" : 1 }\"}}]}]}";
        byte[] out = Dialect.OPENAI_CHAT.rewriteRequest(utf8(body), null, null, (t, s) -> t.equals("x") ? "y" : t);
        assertThat(new String(out, StandardCharsets.UTF_8)).isEqualTo(body.replace("\"x\"", "\"y\""));
    }

    @Test
    void rewriteRequest_toolArguments_rewrittenInsideAndReEncoded() {
        String body = "{\"messages\":[{\"role\":\"assistant\",\"tool_calls\":[{\"function\":{\"name\":\"f\","
                + "\"arguments\":\"{\\\"name\\\": \\\"" + SECRET + "\\\", \\\"n\\\": 2}\"}}]}]}";
        byte[] out = Dialect.OPENAI_CHAT.rewriteRequest(
                utf8(body), "application/json", null, (t, s) -> t.replace(SECRET, "[PERSON_1]"));
        assertThat(new String(out, StandardCharsets.UTF_8))
                .isEqualTo("{\"messages\":[{\"role\":\"assistant\",\"tool_calls\":[{\"function\":{\"name\":\"f\","
                        + "\"arguments\":\"{\\\"name\\\": \\\"[PERSON_1]\\\", \\\"n\\\": 2}\"}}]}]}");
    }

    @Test
    void rewriteRequest_toolArgumentsNotJson_areOnePlainText() {
        String body = "{\"messages\":[{\"tool_calls\":[{\"function\":{\"arguments\":\"{broken " + SECRET + "\"}}]}]}";
        List<TextSite> sites = new ArrayList<>();
        byte[] out = Dialect.OPENAI_CHAT.rewriteRequest(utf8(body), null, null, (t, s) -> {
            if (s.kind() != TextSite.Kind.NAME) {
                sites.add(s);
            }
            return t.replace(SECRET, "[PERSON_1]");
        });
        assertThat(sites).extracting(TextSite::path).containsExactly("/messages/0/tool_calls/0/function/arguments");
        assertThat(new String(out, StandardCharsets.UTF_8))
                .contains("{broken [PERSON_1]")
                .doesNotContain(SECRET);
    }

    @Test
    void rewriteAnswer_toolArguments_areMarkedJsonText() {
        List<TextSite> sites = new ArrayList<>();
        Dialect.OPENAI_CHAT.rewriteAnswer(
                utf8("{\"choices\":[{\"message\":{\"content\":\"c\",\"tool_calls\":"
                        + "[{\"function\":{\"arguments\":\"{}\"}}]}}]}"),
                (t, s) -> {
                    if (s.kind() != TextSite.Kind.NAME) {
                        sites.add(s);
                    }
                    return t;
                });
        assertThat(sites).extracting(TextSite::jsonText).containsExactly(false, true);
    }

    @Test
    void rewriteRequest_objectKeys_areNamesOfTheirObject_changedOnesSplicedWhateverTheirEscapes() {
        String body = "{\"metadata\": {\"\\u0039\\u0030\\u00305\\\"15301234\": \"x\", \"note\": \"" + SECRET + "\"},"
                + " \"messages\": [{\"role\": \"user\", \"content\": \"hi\"}]}";
        Map<String, TextSite.Kind> names = new LinkedHashMap<>();
        byte[] out = Dialect.OPENAI_CHAT.rewriteRequest(utf8(body), "application/json", null, (t, s) -> {
            if (s.kind() == TextSite.Kind.NAME) {
                names.put(s.path() + " " + t, s.kind());
            }
            return t.replace("9005\"15301234", "[IIN_1]").replace(SECRET, "[PERSON_1]");
        });
        assertThat(names.keySet())
                .containsExactly(
                        " metadata",
                        "/metadata 9005\"15301234",
                        "/metadata note",
                        " messages",
                        "/messages/0 role",
                        "/messages/0 content");
        assertThat(new String(out, StandardCharsets.UTF_8))
                .isEqualTo("{\"metadata\": {\"[IIN_1]\": \"x\", "
                        + "\"note\": \"[PERSON_1]\"}, \"messages\": [{\"role\": \"user\", \"content\": \"hi\"}]}");
    }

    @Test
    void rewriteRequest_keysInsideToolArguments_rewritten() {
        String body =
                "{\"messages\":[{\"tool_calls\":[{\"function\":{\"arguments\":\"{\\\"" + SECRET + "\\\": 1}\"}}]}]}";
        byte[] out =
                Dialect.OPENAI_CHAT.rewriteRequest(utf8(body), null, null, (t, s) -> t.replace(SECRET, "[PERSON_1]"));
        assertThat(new String(out, StandardCharsets.UTF_8))
                .isEqualTo(
                        "{\"messages\":[{\"tool_calls\":[{\"function\":{\"arguments\":\"{\\\"[PERSON_1]\\\": 1}\"}}]}]}");
    }

    @Test
    void rewriteRequest_twoKeysRewrittenToOne_rejectedDuplicateKey() {
        String body = "{\"metadata\": {\"[IIN_1]\": 1, \"900515301234\": 2}}";
        assertThatThrownBy(() -> Dialect.OPENAI_CHAT.rewriteRequest(
                        utf8(body), null, null, (t, s) -> t.replace("900515301234", "[IIN_1]")))
                .isInstanceOfSatisfying(
                        BodyRejected.class, e -> assertThat(e.code()).isEqualTo("duplicate_key"));
    }

    @Test
    void rewriteAnswer_objectKeys_restored() {
        byte[] out = Dialect.OPENAI_CHAT.rewriteAnswer(
                utf8("{\"choices\": [], \"x\": {\"[IIN_1]\": true}}"), (t, s) -> t.replace("[IIN_1]", "900515301234"));
        assertThat(new String(out, StandardCharsets.UTF_8))
                .isEqualTo("{\"choices\": [], \"x\": {\"900515301234\": true}}");
    }

    @Test
    void rewriteRequest_genericPlainText_isOneText() {
        byte[] out = Dialect.GENERIC_JSON.rewriteRequest(
                utf8("Hello " + SECRET), "text/plain; charset=utf-8", null, (t, s) -> t.replace(SECRET, "[PERSON_1]"));
        assertThat(new String(out, StandardCharsets.UTF_8)).isEqualTo("Hello [PERSON_1]");
    }

    private static void assertRejected(Dialect dialect, byte[] body, String contentType, String encoding, String code) {
        assertThatThrownBy(() -> dialect.rewriteRequest(body, contentType, encoding, (t, s) -> t))
                .isInstanceOfSatisfying(BodyRejected.class, e -> {
                    assertThat(e.code()).isEqualTo(code);
                    assertThat(e.getMessage()).doesNotContain(SECRET).doesNotContain("Ахметов");
                    assertThat(e.getCause()).isNull();
                });
    }

    @ParameterizedTest
    @ValueSource(
            strings = {
                "",
                "   ",
                "{",
                "{\"a\":\"Ахметов Нұрлан",
                "{\"a\":1,}",
                "{'a':1}",
                "{\"a\":01}",
                "{\"a\":NaN}",
                "{\"a\":1} x",
                "{\"a\":1}{\"b\":2}",
                "{\"a\":1}]",
                "[1,2",
                "{\"a\" 1}",
                "/* c */{\"a\":1}",
                "{\"a\":\"\\ud800\"}",
                "{\"a\":\"Ахметов Нұрлан\nx\"}",
                "{\"a\":\"\\x\"}",
                "{\"a\":tru}",
            })
    void rewriteRequest_malformedOrTruncated_rejectedMalformedJson(String body) {
        assertRejected(Dialect.OPENAI_CHAT, utf8(body), "application/json", null, "malformed_json");
    }

    @Test
    void rewriteRequest_bomOrUtf16_rejectedMalformedJson() {
        assertRejected(
                Dialect.OPENAI_CHAT,
                new byte[] {(byte) 0xEF, (byte) 0xBB, (byte) 0xBF, '{', '}'},
                null,
                null,
                "malformed_json");
        assertRejected(Dialect.OPENAI_CHAT, "{}".getBytes(StandardCharsets.UTF_16BE), null, null, "malformed_json");
    }

    /** Only the first four bytes are looked at for NUL by the gateway; Jackson must refuse every later one. */
    @Test
    void rewriteRequestAndAnswer_nulAtAnyOffset_rejectedMalformedJson() {
        byte[] body = utf8("{\"model\": \"m\", \"messages\": [{\"role\": \"user\", \"content\": \"Ахметов\"}]} ");
        for (int i = 0; i < body.length; i++) {
            byte[] bad = body.clone();
            bad[i] = 0;
            if (!Utf8.isValid(bad)) {
                continue; // a NUL inside a two-byte letter is invalid UTF-8 first
            }
            assertRejected(Dialect.OPENAI_CHAT, bad, "application/json", null, "malformed_json");
            assertThatThrownBy(() -> Dialect.OPENAI_CHAT.rewriteAnswer(bad, (t, s) -> t))
                    .as("answer with NUL at %d", i)
                    .isInstanceOfSatisfying(
                            BodyRejected.class, e -> assertThat(e.code()).isEqualTo("malformed_json"));
        }
    }

    @Test
    void rewriteRequest_invalidUtf8_rejectedInvalidUtf8() {
        byte[][] bad = {
            {'{', '"', 'a', '"', ':', '"', (byte) 0xC3, '"', '}'}, // truncated 2-byte sequence
            {'{', '"', 'a', '"', ':', '"', (byte) 0x80, '"', '}'}, // lone continuation byte
            {'{', '"', 'a', '"', ':', '"', (byte) 0xC0, (byte) 0xAF, '"', '}'}, // overlong '/'
            {'{', '"', 'a', '"', ':', '"', (byte) 0xED, (byte) 0xA0, (byte) 0x80, '"', '}'}, // UTF-8 encoded surrogate
            {'{', '"', 'a', '"', ':', '"', (byte) 0xF5, (byte) 0x80, (byte) 0x80, (byte) 0x80, '"', '}'}, // > U+10FFFF
            {'{', '"', 'a', '"', ':', '"', (byte) 0xE0, (byte) 0x80, (byte) 0xAF, '"', '}'}, // overlong 3-byte
            {'{', '"', 'a', '"', ':', '"', 'x', '"', '}', (byte) 0xFF}, // garbage byte after the value
        };
        for (byte[] body : bad) {
            assertRejected(Dialect.OPENAI_CHAT, body, "application/json", null, "invalid_utf8");
        }
    }

    /**
     * Why bodies are checked before Jackson reads them: Jackson's byte parser decodes an overlong
     * form (C0 AF is '/') and bytes above F4 without complaint, so another parser could read
     * different text than the one detection saw.
     */
    @Test
    void jacksonAlone_acceptsOverlongUtf8_soBodiesAreValidatedFirst() throws Exception {
        byte[] overlong = {'"', (byte) 0xC0, (byte) 0xAF, '"'};
        try (JsonParser p = new JsonFactory().createParser(overlong)) {
            p.nextToken();
            assertThat(p.getText()).isEqualTo("/");
        }
        assertRejected(Dialect.GENERIC_JSON, overlong, "application/json", null, "invalid_utf8");
    }

    @Test
    void rewriteRequest_duplicateKeys_rejectedDuplicateKey() {
        assertRejected(Dialect.OPENAI_CHAT, utf8("{\"model\":\"a\",\"model\":\"b\"}"), null, null, "duplicate_key");
        assertRejected(
                Dialect.OPENAI_CHAT,
                utf8("{\"messages\":[{\"role\":\"user\",\"content\":\"x\",\"content\":\"" + SECRET + "\"}]}"),
                null,
                null,
                "duplicate_key");
    }

    @Test
    void rewriteRequest_duplicateKeyInAnObjectOfManyKeys_rejectedWhereverItIs() {
        for (int keys : new int[] {3, 4, 5, 15, 16, 17, 40}) {
            StringBuilder distinct = new StringBuilder("{");
            for (int k = 0; k < keys; k++) {
                distinct.append(k == 0 ? "" : ",")
                        .append("\"k")
                        .append(k)
                        .append("\":")
                        .append(k);
            }
            String object = distinct + "}";
            assertThat(Dialect.GENERIC_JSON.rewriteRequest(utf8(object), null, null, (t, s) -> t))
                    .as("%d distinct keys", keys)
                    .isEqualTo(utf8(object));
            for (int dup : new int[] {0, keys / 2, keys - 1}) {
                String repeated = distinct + ",\"k" + dup + "\":0}";
                assertRejected(Dialect.GENERIC_JSON, utf8(repeated), null, null, "duplicate_key");
            }
        }
    }

    @Test
    void rewriteRequest_sameKeyInSiblingObjects_accepted() {
        byte[] out =
                Dialect.OPENAI_CHAT.rewriteRequest(utf8("{\"a\":{\"k\":1},\"b\":{\"k\":2}}"), null, null, (t, s) -> t);
        assertThat(new String(out, StandardCharsets.UTF_8)).isEqualTo("{\"a\":{\"k\":1},\"b\":{\"k\":2}}");
    }

    @Test
    void rewriteRequest_compressedOrMultipart_rejected() {
        assertRejected(Dialect.OPENAI_CHAT, utf8("{}"), "application/json", "gzip", "unsupported_encoding");
        assertRejected(Dialect.OPENAI_CHAT, utf8("{}"), "application/json", "br", "unsupported_encoding");
        assertRejected(
                Dialect.GENERIC_JSON,
                utf8("--b\r\n"),
                "multipart/form-data; boundary=b",
                null,
                "unsupported_content_type");
        assertRejected(
                Dialect.GENERIC_JSON,
                new byte[] {1, 2, 3},
                "application/octet-stream",
                null,
                "unsupported_content_type");
        byte[] out = Dialect.OPENAI_CHAT.rewriteRequest(utf8("{}"), "application/json", "identity", (t, s) -> t);
        assertThat(out).isEqualTo(utf8("{}"));
    }
}
