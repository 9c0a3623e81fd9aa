package io.qorgan.gateway.protect;

import static io.qorgan.gateway.protect.TestData.ADDRESS;
import static io.qorgan.gateway.protect.TestData.EMAIL;
import static io.qorgan.gateway.protect.TestData.IIN_1;
import static io.qorgan.gateway.protect.TestData.NAME_EN;
import static io.qorgan.gateway.protect.TestData.NAME_KK;
import static io.qorgan.gateway.protect.TestData.NAME_RU;
import static io.qorgan.gateway.protect.TestData.PHONE;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.qorgan.gateway.dialect.Dialect;
import io.qorgan.gateway.dialect.EventTexts;
import io.qorgan.gateway.dialect.Framing;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

class StreamRestorationTest {

    private static final Dialect[] STREAMING = {
        Dialect.OPENAI_CHAT, Dialect.OPENAI_COMPLETIONS, Dialect.OPENAI_RESPONSES,
        Dialect.ANTHROPIC_MESSAGES, Dialect.OLLAMA_CHAT, Dialect.OLLAMA_GENERATE,
    };

    private static final String TEXT =
            "Сәлеметсіз бе, " + NAME_KK + "! Your IIN " + IIN_1 + ", phone " + PHONE + ", e-mail " + EMAIL
                    + ". Иванова: " + NAME_RU + " живёт по адресу " + ADDRESS + " 😀 — " + NAME_KK + "-ге.";

    record Protected(String text, ExchangeVault vault) {}

    static Protected protect(String text) {
        byte[] body = ("{\"model\":\"m\",\"messages\":[{\"role\":\"user\",\"content\":" + Json.quote(text) + "}]}")
                .getBytes(StandardCharsets.UTF_8);
        ProtectedRequest r = TestData.protector().protect(body, "application/json", null, Dialect.OPENAI_CHAT);
        return new Protected(Json.parse(r.body()).at("/messages/0/content").asText(), r.vault());
    }

    static List<String> split(String s, Random random, int maxPiece) {
        List<String> out = new ArrayList<>();
        int[] cps = s.codePoints().toArray();
        int i = 0;
        while (i < cps.length) {
            int n = Math.min(cps.length - i, 1 + random.nextInt(maxPiece));
            out.add(new String(cps, i, n));
            i += n;
        }
        return out;
    }

    static List<String> fixed(String s, int size) {
        List<String> out = new ArrayList<>();
        int[] cps = s.codePoints().toArray();
        for (int i = 0; i < cps.length; i += size) {
            out.add(new String(cps, i, Math.min(size, cps.length - i)));
        }
        return out;
    }

    /** Feeds the stream's bytes in random chunks (1 byte to everything, mid UTF-8 sequences too). */
    static String restoreInChunks(EventStreamRestorer restorer, byte[] stream, Random random) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        int i = 0;
        while (i < stream.length) {
            int n = random.nextInt(4) == 0 ? stream.length - i : Math.min(stream.length - i, 1 + random.nextInt(24));
            out.writeBytes(restorer.feed(stream, i, n));
            i += n;
        }
        out.writeBytes(restorer.finish());
        return out.toString(StandardCharsets.UTF_8);
    }

    @ParameterizedTest
    @EnumSource(
            value = Dialect.class,
            names = {
                "OPENAI_CHAT",
                "OPENAI_COMPLETIONS",
                "OPENAI_RESPONSES",
                "ANTHROPIC_MESSAGES",
                "OLLAMA_CHAT",
                "OLLAMA_GENERATE"
            })
    void feed_echoStreamOfEachDialect_restoresContentAndToolArguments(Dialect dialect) {
        Protected p = protect(TEXT);
        assertThat(p.text()).doesNotContain(NAME_KK).contains("[PERSON_1]");
        String args = "{\"text\": " + Json.quote(p.text()) + "}";
        String stream = EchoStreams.stream(dialect, fixed(p.text(), 4), fixed(args, 4));

        String out = restoreInChunks(
                EventStreamRestorer.forDialect(dialect, TextRestorer.of(p.vault())),
                EchoStreams.bytes(stream),
                new Random(7));

        EchoStreams.Assembled a = EchoStreams.assemble(dialect, out);
        assertThat(a.content()).isEqualTo(TEXT);
        if (EchoStreams.hasArguments(dialect)) {
            assertThat(Json.parse(a.arguments()).get("text").asText()).isEqualTo(TEXT);
        }
        for (String whole : a.wholeTexts()) {
            assertThat(whole.startsWith("{") ? Json.parse(whole).get("text").asText() : whole)
                    .isEqualTo(TEXT);
        }
        if (dialect == Dialect.OPENAI_CHAT || dialect == Dialect.OPENAI_COMPLETIONS) {
            assertThat(out).endsWith("data: [DONE]\n\n");
        }
        if (dialect == Dialect.OPENAI_RESPONSES) {
            List<JsonNode> events = EchoStreams.events(dialect, out);
            for (int k = 0; k < events.size(); k++) {
                assertThat(events.get(k).get("sequence_number").asInt()).isEqualTo(k);
            }
        }
    }

    @Test
    void feed_placeholderHeldAtChannelEnd_flushedInSyntheticDeltaBeforeFinishChunk() {
        Protected p = protect("Hi " + NAME_KK);
        List<String> pieces = List.of("Hi [PERSON_", "1"); // the model dropped the closing bracket
        String stream = EchoStreams.stream(Dialect.OPENAI_CHAT, pieces, List.of("{}"));
        EventStreamRestorer r = EventStreamRestorer.forDialect(Dialect.OPENAI_CHAT, TextRestorer.of(p.vault()));
        String out = new String(r.feed(EchoStreams.bytes(stream)), StandardCharsets.UTF_8)
                + new String(r.finish(), StandardCharsets.UTF_8);
        List<JsonNode> events = EchoStreams.events(Dialect.OPENAI_CHAT, out);
        assertThat(EchoStreams.assemble(Dialect.OPENAI_CHAT, out).content()).isEqualTo("Hi [" + NAME_KK);
        JsonNode synthetic = events.get(events.size() - 2);
        assertThat(Json.write(synthetic))
                .isEqualTo("{\"id\":\"chatcmpl-1\",\"object\":\"chat.completion.chunk\","
                        + "\"created\":1,\"model\":\"m\",\"system_fingerprint\":\"fp\",\"choices\":[{\"index\":0,\"delta\":"
                        + "{\"content\":\"[" + NAME_KK + "\"},\"logprobs\":null,\"finish_reason\":null}]}");
        assertThat(events.get(events.size() - 1).at("/choices/0/finish_reason").asText())
                .isEqualTo("stop");
    }

    @Test
    void feed_responsesHeldText_syntheticEventKeepsSequenceConsecutive() {
        Protected p = protect("Hi " + NAME_KK);
        String stream = EchoStreams.stream(Dialect.OPENAI_RESPONSES, List.of("Hi PERSON_", "1"), List.of("{}"));
        EventStreamRestorer r = EventStreamRestorer.forDialect(Dialect.OPENAI_RESPONSES, TextRestorer.of(p.vault()));
        String out = new String(r.feed(EchoStreams.bytes(stream)), StandardCharsets.UTF_8)
                + new String(r.finish(), StandardCharsets.UTF_8);
        List<JsonNode> events = EchoStreams.events(Dialect.OPENAI_RESPONSES, out);
        for (int k = 0; k < events.size(); k++) {
            assertThat(events.get(k).get("sequence_number").asInt()).isEqualTo(k);
        }
        assertThat(EchoStreams.assemble(Dialect.OPENAI_RESPONSES, out).content())
                .isEqualTo("Hi " + NAME_KK);
        assertThat(out)
                .contains("event: response.output_text.delta\ndata: {\"type\":\"response.output_text.delta\","
                        + "\"sequence_number\":5");
        assertThat(r.responseId()).contains("resp_1");
    }

    @Test
    void feed_randomTextsAndRandomSplits_restoreExactlyTheOriginal() {
        Random random = new Random(20261127L);
        String[] words = {
            "Сәлем",
            "қалайсыз",
            "құжат",
            "өтініш",
            "Привет",
            "документ",
            "ёлка",
            "hello",
            "the",
            "file",
            "PER",
            "SON",
            "_1",
            "[",
            "]",
            "【",
            "】",
            "[PERSON_99]",
            "IIN",
            "person 1",
            "😀",
            "🇰🇿",
            "\"quoted\"",
            "back\\slash",
            "new\nline",
            "tab\t",
            "42",
            "-ге",
            "'s",
            ",",
            ".",
            "—",
        };
        String[] values = TestData.VALUES.keySet().toArray(new String[0]);
        int cases = 600;
        for (int c = 0; c < cases; c++) {
            StringBuilder sb = new StringBuilder();
            int n = 1 + random.nextInt(25);
            for (int k = 0; k < n; k++) {
                sb.append(
                        random.nextInt(3) == 0
                                ? values[random.nextInt(values.length)]
                                : words[random.nextInt(words.length)]);
                sb.append(random.nextBoolean() ? " " : ", ");
            }
            String original = sb.toString();
            Protected p = protect(original);
            String echoed = mangle(p.text(), random);
            Dialect dialect = STREAMING[random.nextInt(STREAMING.length)];
            int maxPiece = 1 + random.nextInt(random.nextBoolean() ? 6 : 400);
            List<String> pieces = split(echoed, random, maxPiece);
            List<String> argPieces = split("{\"text\":" + Json.quote(echoed) + "}", random, maxPiece);
            byte[] stream = EchoStreams.bytes(EchoStreams.stream(dialect, pieces, argPieces));

            String out = restoreInChunks(
                    EventStreamRestorer.forDialect(dialect, TextRestorer.of(p.vault())), stream, random);

            EchoStreams.Assembled a = EchoStreams.assemble(dialect, out);
            String context = "case " + c + " " + dialect;
            assertThat(a.content()).as(context).isEqualTo(original);
            if (EchoStreams.hasArguments(dialect)) {
                assertThat(Json.parse(a.arguments()).get("text").asText())
                        .as(context)
                        .isEqualTo(original);
            }
        }
    }

    @ParameterizedTest
    @EnumSource(
            value = Dialect.class,
            names = {"OPENAI_CHAT", "ANTHROPIC_MESSAGES", "OLLAMA_CHAT", "OLLAMA_GENERATE"})
    void feed_commonEventsReadFlat_sameEventsAsReadAsTrees(Dialect dialect) {
        EventTexts texts = dialect.eventTexts();
        EventTexts treesOnly = new EventTexts() { // the same dialect without its flat reader
                    @Override
                    public List<Delta> deltas(String eventType, ObjectNode event) {
                        return texts.deltas(eventType, event);
                    }

                    @Override
                    public List<String> closes(String eventType, ObjectNode event) {
                        return texts.closes(eventType, event);
                    }

                    @Override
                    public ObjectNode synthesize(ObjectNode template, String channel, String text) {
                        return texts.synthesize(template, channel, text);
                    }
                };
        Random random = new Random(4242L);
        String[] values = TestData.VALUES.keySet().toArray(new String[0]);
        String[] words = {"hello", "p", "PER", "SON_", "1", "[", "]", "Сәлем", "\"q\"", "a\\b", "\n", "e", "😀", " "};
        int events = 0;
        for (int c = 0; c < 300; c++) {
            StringBuilder sb = new StringBuilder();
            for (int k = 0, n = 1 + random.nextInt(12); k < n; k++) {
                sb.append(
                        random.nextInt(3) == 0
                                ? values[random.nextInt(values.length)]
                                : words[random.nextInt(words.length)]);
                sb.append(' ');
            }
            Protected p = protect(sb.toString());
            List<String> pieces = split(mangle(p.text(), random), random, 1 + random.nextInt(8));
            // Whole texts beside the delta may hold placeholders too.
            String whole = Json.quote(random.nextBoolean() ? "fp_1" : "[PERSON_1]");
            StringBuilder stream = new StringBuilder();
            if (dialect == Dialect.ANTHROPIC_MESSAGES) {
                stream.append(
                                "event: message_start\ndata: {\"type\":\"message_start\",\"message\":{\"id\":\"msg_1\"}}\n\n")
                        .append("event: ping\ndata: {\"type\":\"ping\"}\n\n");
            }
            for (int k = 0; k < pieces.size(); k++) {
                String piece = Json.quote(pieces.get(k));
                boolean last = k == pieces.size() - 1;
                stream.append(
                        switch (dialect) {
                            case OPENAI_CHAT ->
                                "data: {\"id\":\"c\",\"system_fingerprint\":" + whole // choice 1: a second channel
                                        + ",\"choices\":[{\"index\":" + (random.nextInt(4) == 0 ? 1 : 0)
                                        + ",\"delta\":{"
                                        + (k == 0 ? "\"role\":\"assistant\"," : "") + "\"content\":" + piece
                                        + "},\"logprobs\":null,\"finish_reason\":" + (last ? "\"stop\"" : "null")
                                        + "}]}\n\n";
                            case ANTHROPIC_MESSAGES ->
                                "event: content_block_delta\ndata: {\"type\":\"content_block_delta\",\"index\":"
                                        + (random.nextInt(4) == 0 ? 1 : 0)
                                        + ",\"delta\":{\"type\":\"text_delta\",\"text\":" + piece
                                        + ",\"note\":" + whole + "}}\n\n";
                            case OLLAMA_CHAT ->
                                "{\"model\":\"m\",\"created_at\":" + whole + ",\"message\":{\"role\":\"assistant\","
                                        + "\"content\":" + piece + "},\"done\":false}\n";
                            default ->
                                "{\"model\":\"m\",\"created_at\":" + whole + ",\"response\":" + piece
                                        + ",\"done\":false}\n";
                        });
            }
            stream.append(
                    switch (dialect) {
                        case OPENAI_CHAT ->
                            "data: {\"id\":\"c\",\"choices\":[],\"usage\":{\"total_tokens\":7}}\n\ndata: [DONE]\n\n";
                        case ANTHROPIC_MESSAGES ->
                            "event: content_block_stop\ndata: {\"type\":\"content_block_stop\",\"index\":"
                                    + random.nextInt(2)
                                    + "}\n\nevent: message_delta\ndata: {\"type\":\"message_delta\",\"delta\":"
                                    + "{\"stop_reason\":\"end_turn\",\"stop_sequence\":null},\"usage\":{\"output_tokens\":9}}\n\n"
                                    + "event: message_stop\ndata: {\"type\":\"message_stop\"}\n\n";
                        case OLLAMA_CHAT ->
                            "{\"model\":\"m\",\"message\":{\"role\":\"assistant\",\"content\":\"\"},\"done\":true,"
                                    + "\"done_reason\":\"stop\",\"eval_count\":3}\n";
                        default -> "{\"model\":\"m\",\"response\":\"\",\"done\":true,\"done_reason\":\"stop\"}\n";
                    });
            byte[] bytes = EchoStreams.bytes(stream.toString());
            long seed = random.nextLong();

            String flat = restoreInChunks(
                    framed(dialect, new EventRestorer(texts, TextRestorer.of(p.vault()), null)),
                    bytes,
                    new Random(seed));
            String trees = restoreInChunks(
                    framed(dialect, new EventRestorer(treesOnly, TextRestorer.of(p.vault()), null)),
                    bytes,
                    new Random(seed));

            assertThat(events(flat)).as("case %d", c).isEqualTo(events(trees));
            events += pieces.size();
        }
        assertThat(events).isGreaterThan(1000);
    }

    private static EventStreamRestorer framed(Dialect dialect, EventRestorer core) {
        return dialect.framing() == Framing.SSE ? new SseStreamRestorer(core) : new NdjsonStreamRestorer(core);
    }

    // The JSON of each SSE data line or NDJSON line, parsed: flat events keep their formatting, trees are written anew.
    private static List<JsonNode> events(String stream) {
        List<JsonNode> out = new ArrayList<>();
        for (String line : stream.split("\n")) {
            if (line.startsWith("{")) {
                out.add(Json.parse(line));
            } else if (line.startsWith("data: ") && !line.equals("data: [DONE]")) {
                out.add(Json.parse(line.substring("data: ".length())));
            }
        }
        return out;
    }

    // What models do to placeholders: change case, brackets, separators.
    private static String mangle(String text, Random random) {
        StringBuilder out = new StringBuilder();
        int i = 0;
        while (i < text.length()) {
            int open = text.indexOf('[', i);
            int close = open < 0 ? -1 : text.indexOf(']', open);
            if (open < 0
                    || close < 0
                    || !text.substring(open + 1, close).matches("[A-Z_]+_[0-9]+")
                    || text.substring(open + 1, close).equals("PERSON_99")) {
                out.append(text, i, open < 0 || close < 0 ? text.length() : close + 1);
                i = open < 0 || close < 0 ? text.length() : close + 1;
                continue;
            }
            out.append(text, i, open);
            String inner = text.substring(open + 1, close);
            switch (random.nextInt(5)) {
                case 0 -> out.append('[').append(inner.toLowerCase()).append(']');
                case 1 -> out.append('【').append(inner).append('】');
                case 2 -> out.append('[').append(inner.replace('_', ' ')).append(']');
                case 3 -> {
                    char before = open > 0 ? text.charAt(open - 1) : ' ';
                    char after = close + 1 < text.length() ? text.charAt(close + 1) : ' ';
                    boolean safe = !PlaceholderGrammar.isWordChar(before) && !PlaceholderGrammar.isWordChar(after);
                    out.append(safe ? inner : "[" + inner + "]");
                }
                default -> out.append('[').append(inner).append(']');
            }
            i = close + 1;
        }
        return out.toString();
    }

    @Test
    void finish_streamTruncatedAnywhere_neverEmitsPartOfAnOriginal() {
        String text = "Сәлем, " + NAME_KK + "! IIN " + IIN_1 + ", " + ADDRESS + " 😀 — " + NAME_KK + "-ге.";
        Protected p = protect(text);
        byte[] stream = EchoStreams.bytes(EchoStreams.stream(Dialect.OPENAI_CHAT, fixed(p.text(), 5), List.of("{}")));
        Random random = new Random(11);
        for (int cut = 0; cut < stream.length; cut++) {
            EventStreamRestorer r = EventStreamRestorer.forDialect(Dialect.OPENAI_CHAT, TextRestorer.of(p.vault()));
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            byte[] prefix = Arrays.copyOf(stream, cut);
            try {
                out.writeBytes(restoreInChunks(r, prefix, random).getBytes(StandardCharsets.UTF_8));
            } catch (StreamBroken broken) {
                assertThat(broken.code()).isEqualTo("truncated");
            }
            String emitted = EchoStreams.assemble(Dialect.OPENAI_CHAT, out.toString(StandardCharsets.UTF_8))
                    .content();
            assertThat(text).startsWith(emitted);
            for (String value : TestData.VALUES.keySet()) {
                for (int at = text.indexOf(value); at >= 0; at = text.indexOf(value, at + 1)) {
                    int end = at + value.length();
                    assertThat(emitted.length() <= at || emitted.length() >= end)
                            .as("cut %d emits part of a value at %d", cut, at)
                            .isTrue();
                }
            }
        }
    }

    @Test
    void feed_truncatedMidEvent_emitsNothingOfItAndFinishReportsBroken() {
        Protected p = protect("Hi " + NAME_EN);
        String event = "data: {\"choices\":[{\"index\":0,\"delta\":{\"content\":\"Hi [PERSON_1] more\"}}]}\n\n";
        byte[] bytes = EchoStreams.bytes(event);
        EventStreamRestorer r = EventStreamRestorer.forDialect(Dialect.OPENAI_CHAT, TextRestorer.of(p.vault()));
        byte[] out = r.feed(bytes, 0, bytes.length - 2);
        assertThat(out).isEmpty();
        assertThatThrownBy(r::finish)
                .isInstanceOfSatisfying(
                        StreamBroken.class, e -> assertThat(e.code()).isEqualTo("truncated"));
        assertThatThrownBy(() -> r.feed(new byte[] {'\n'})).isInstanceOf(StreamBroken.class);
    }

    @Test
    void feed_malformedEvent_stopsWithoutEmittingIt() {
        Protected p = protect("Hi " + NAME_EN);
        EventStreamRestorer r = EventStreamRestorer.forDialect(Dialect.OPENAI_CHAT, TextRestorer.of(p.vault()));
        byte[] good =
                r.feed(EchoStreams.bytes("data: {\"choices\":[{\"index\":0,\"delta\":{\"content\":\"ok \"}}]}\n\n"));
        assertThat(new String(good, StandardCharsets.UTF_8)).contains("ok ");
        assertThatThrownBy(() -> r.feed(EchoStreams.bytes("data: {\"choices\":[PERSON_1 " + NAME_EN + "\n\n")))
                .isInstanceOfSatisfying(StreamBroken.class, e -> {
                    assertThat(e.code()).isEqualTo("malformed_event");
                    assertThat(e.getMessage()).doesNotContain(NAME_EN).doesNotContain("PERSON");
                });
        assertThatThrownBy(r::finish).isInstanceOf(StreamBroken.class);
    }

    @Test
    void feed_invalidUtf8InEvent_reportsBroken() {
        EventStreamRestorer r =
                EventStreamRestorer.forDialect(Dialect.OLLAMA_CHAT, TextRestorer.of(new ExchangeVault()));
        assertThatThrownBy(() -> r.feed(new byte[] {'{', '"', 'a', '"', ':', '"', (byte) 0xC3, '"', '}', '\n'}))
                .isInstanceOfSatisfying(
                        StreamBroken.class, e -> assertThat(e.code()).isEqualTo("invalid_utf8"));
        byte[][] malformed = {
            {(byte) 0xC0, (byte) 0xAF}, // overlong "/"
            {(byte) 0xED, (byte) 0xA0, (byte) 0x80}, // an encoded surrogate
            {(byte) 0xF4, (byte) 0x90, (byte) 0x80, (byte) 0x80}, // above U+10FFFF
        };
        for (byte[] bad : malformed) {
            EventStreamRestorer fresh =
                    EventStreamRestorer.forDialect(Dialect.OLLAMA_CHAT, TextRestorer.of(new ExchangeVault()));
            byte[] line =
                    concat("{\"a\":\"".getBytes(StandardCharsets.UTF_8), bad, "\"}\n".getBytes(StandardCharsets.UTF_8));
            assertThatThrownBy(() -> fresh.feed(line))
                    .as(Arrays.toString(bad))
                    .isInstanceOfSatisfying(
                            StreamBroken.class, e -> assertThat(e.code()).isEqualTo("invalid_utf8"));
        }
        // A replacement character the upstream really sent is text like any other.
        EventStreamRestorer fresh =
                EventStreamRestorer.forDialect(Dialect.OLLAMA_CHAT, TextRestorer.of(new ExchangeVault()));
        byte[] line = "{\"a\":\"\uFFFD\"}\n".getBytes(StandardCharsets.UTF_8);
        assertThat(fresh.feed(line)).isEqualTo(line);
    }

    private static byte[] concat(byte[]... parts) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        for (byte[] p : parts) {
            out.writeBytes(p);
        }
        return out.toByteArray();
    }

    @Test
    void feed_commentsIdsAndDone_passThrough() {
        Protected p = protect("Hi " + NAME_EN);
        EventStreamRestorer r = EventStreamRestorer.forDialect(Dialect.OPENAI_CHAT, TextRestorer.of(p.vault()));
        String in = ": keep-alive\n\nid: 7\ndata: {\"choices\":[{\"index\":0,\"delta\":{\"content\":\"[PERSON_1]!\"},"
                + "\"finish_reason\":\"stop\"}]}\n\ndata: [DONE]\n\n";
        String out = new String(r.feed(EchoStreams.bytes(in)), StandardCharsets.UTF_8)
                + new String(r.finish(), StandardCharsets.UTF_8);
        assertThat(out)
                .isEqualTo(": keep-alive\n\nid: 7\ndata: {\"choices\":[{\"index\":0,\"delta\":{\"content\":\"" + NAME_EN
                        + "!\"},\"finish_reason\":\"stop\"}]}\n\ndata: [DONE]\n\n");
    }

    @Test
    void feed_eventOverTheSizeLimit_brokenWithoutGrowingFurther() {
        EventStreamRestorer r =
                EventStreamRestorer.forDialect(Dialect.OPENAI_CHAT, TextRestorer.of(new ExchangeVault()));
        byte[] line = ("data: " + "x".repeat(64 * 1024) + "\n").getBytes(StandardCharsets.UTF_8);
        int fed = 0;
        StreamBroken broken = null;
        while (broken == null && fed < 2 * LineReader.MAX_LINE) {
            try {
                assertThat(r.feed(line))
                        .as("nothing of an unfinished event goes out")
                        .isEmpty();
                fed += line.length;
            } catch (StreamBroken e) {
                broken = e;
            }
        }
        assertThat(broken).isNotNull();
        assertThat(broken.code()).isEqualTo("event_too_large");
        assertThat(fed).isLessThanOrEqualTo(LineReader.MAX_LINE);
    }

    @Test
    void feed_dataSplitOverLinesCrlfAndNoSpace_readAsOneEvent() {
        Protected p = protect("Hi " + NAME_EN);
        EventStreamRestorer r = EventStreamRestorer.forDialect(Dialect.OPENAI_CHAT, TextRestorer.of(p.vault()));
        // SSE joins data lines with a newline; "data:" without a space and CRLF endings are valid too.
        String in = "event:chunk\r\ndata:{\"choices\":[{\"index\":0,\r\n: a comment inside\r\ndata: \"delta\":"
                + "{\"content\":\"[PERSON_1]\"},\r\ndata\r\ndata: \"finish_reason\":\"stop\"}]}\r\n\r\n"
                + "data:  [DONE] \r\n\r\n";
        String out = new String(r.feed(EchoStreams.bytes(in)), StandardCharsets.UTF_8)
                + new String(r.finish(), StandardCharsets.UTF_8);
        assertThat(out)
                .isEqualTo("event:chunk\ndata: {\"choices\":[{\"index\":0,\"delta\":{\"content\":\"" + NAME_EN
                        + "\"},\"finish_reason\":\"stop\"}]}\n: a comment inside\n\ndata:  [DONE] \n\n");
    }

    @Test
    void forFraming_genericSseStream_restoresEveryStringOfEachEvent() {
        Protected p = protect("Hi " + NAME_EN);
        EventStreamRestorer r = EventStreamRestorer.forFraming(
                Dialect.GENERIC_JSON, Framing.ofContentType("text/event-stream"), TextRestorer.of(p.vault()), null);
        String out = new String(
                        r.feed(EchoStreams.bytes("event: x\ndata: {\"a\":[\"[PERSON_1]\"]}\n\n")),
                        StandardCharsets.UTF_8)
                + new String(r.finish(), StandardCharsets.UTF_8);
        assertThat(out).isEqualTo("event: x\ndata: {\"a\":[\"" + NAME_EN + "\"]}\n\n");
    }

    @Test
    void feed_eventsWithNothingToRestore_goOnByteForByte_othersAreRewritten() {
        Protected p = protect("Hi " + NAME_KK);
        String plain = "data: {\"id\" : \"c\", \"choices\":[{\"index\":0,\"delta\":{\"content\":\"Hello \\u0410 \"},"
                + "\"x\":1.50e+3}]}\n\n";
        String withPlaceholder =
                "data: {\"id\" : \"c\", \"choices\":[{\"index\":0,\"delta\":{\"content\":\"[PERSON_1]\"}}]}\n\n";
        String done = "data: [DONE]\n\n";
        EventStreamRestorer sse = EventStreamRestorer.forDialect(Dialect.OPENAI_CHAT, TextRestorer.of(p.vault()));
        assertThat(new String(sse.feed(EchoStreams.bytes(plain)), StandardCharsets.UTF_8))
                .isEqualTo(plain);
        // A chunk of the common shape has its restored string spliced in; the rest keeps its bytes.
        String restored = new String(sse.feed(EchoStreams.bytes(withPlaceholder)), StandardCharsets.UTF_8);
        assertThat(restored)
                .isEqualTo("data: {\"id\" : \"c\", \"choices\":[{\"index\":0,\"delta\":{\"content\":\"" + NAME_KK
                        + "\"}}]}\n\n");
        // Other shapes (here a tool call) are read as a tree and written anew.
        String toolCall = "data: {\"id\" : \"c\", \"choices\":[{\"index\":0,\"delta\":{\"tool_calls\":[{\"index\":0,"
                + "\"function\":{\"name\":\"f\",\"arguments\":\"{\\\"a\\\":\\\"[PERSON_1]\\\"}\"}}]},\"finish_reason\":\"tool_calls\"}]}\n\n";
        assertThat(new String(sse.feed(EchoStreams.bytes(toolCall)), StandardCharsets.UTF_8))
                .isEqualTo("data: {\"id\":\"c\",\"choices\":[{\"index\":0,\"delta\":{\"tool_calls\":[{\"index\":0,"
                        + "\"function\":{\"name\":\"f\",\"arguments\":\"{\\\"a\\\":\\\"" + NAME_KK
                        + "\\\"}\"}}]},\"finish_reason\":\"tool_calls\"}]}\n\n");
        assertThat(new String(sse.feed(EchoStreams.bytes(done)), StandardCharsets.UTF_8)
                        + new String(sse.finish(), StandardCharsets.UTF_8))
                .isEqualTo(done);

        String line =
                "{\"model\" : \"m\", \"message\":{\"role\":\"assistant\",\"content\":\"Hello\"},\"done\":false}\n";
        EventStreamRestorer ndjson = EventStreamRestorer.forDialect(Dialect.OLLAMA_CHAT, TextRestorer.of(p.vault()));
        assertThat(new String(ndjson.feed(EchoStreams.bytes(line)), StandardCharsets.UTF_8))
                .isEqualTo(line);
    }

    @Test
    void feed_ollamaHeldText_goesIntoTheDoneLine() {
        Protected p = protect("Hi " + NAME_EN);
        String stream = EchoStreams.stream(Dialect.OLLAMA_CHAT, List.of("Hi [PERSON", "_1"), List.of());
        EventStreamRestorer r = EventStreamRestorer.forDialect(Dialect.OLLAMA_CHAT, TextRestorer.of(p.vault()));
        String out = new String(r.feed(EchoStreams.bytes(stream)), StandardCharsets.UTF_8)
                + new String(r.finish(), StandardCharsets.UTF_8);
        List<JsonNode> lines = EchoStreams.events(Dialect.OLLAMA_CHAT, out);
        assertThat(lines).hasSize(3);
        assertThat(lines.get(2).at("/message/content").asText()).isEqualTo("[" + NAME_EN);
        assertThat(lines.get(2).get("done").asBoolean()).isTrue();
    }

    @Test
    void feed_interleavedChoicesAndParallelToolCalls_restoredPerChannel() {
        Protected p = protect(NAME_KK + " " + NAME_RU + " " + ADDRESS);
        String head = "data: {\"id\":\"c\",\"object\":\"chat.completion.chunk\",\"choices\":[";
        String in = head
                + "{\"index\":0,\"delta\":{\"content\":\"A [PERS\"}},{\"index\":1,\"delta\":{\"content\":\"B [PERS\"}}]}\n\n"
                + head
                + "{\"index\":1,\"delta\":{\"content\":\"ON_2]\"}},{\"index\":0,\"delta\":{\"content\":\"ON_1]\"}}]}\n\n"
                + head
                + "{\"index\":0,\"delta\":{\"tool_calls\":[{\"index\":0,\"function\":{\"arguments\":\"{\\\"a\\\":\\\"[ADDR\"}},"
                + "{\"index\":1,\"function\":{\"arguments\":\"{\\\"b\\\":\\\"[PERSON\"}}]}}]}\n\n"
                + head
                + "{\"index\":0,\"delta\":{\"tool_calls\":[{\"index\":1,\"function\":{\"arguments\":\"_1]\\\"}\"}},"
                + "{\"index\":0,\"function\":{\"arguments\":\"ESS_1]\\\"}\"}}]}}]}\n\n"
                + head
                + "{\"index\":0,\"delta\":{},\"finish_reason\":\"tool_calls\"},{\"index\":1,\"delta\":{},\"finish_reason\":\"stop\"}]}\n\n"
                + "data: [DONE]\n\n";
        EventStreamRestorer r = EventStreamRestorer.forDialect(Dialect.OPENAI_CHAT, TextRestorer.of(p.vault()));
        String out = new String(r.feed(EchoStreams.bytes(in)), StandardCharsets.UTF_8)
                + new String(r.finish(), StandardCharsets.UTF_8);
        StringBuilder[] content = {new StringBuilder(), new StringBuilder()};
        StringBuilder[] args = {new StringBuilder(), new StringBuilder()};
        for (JsonNode e : EchoStreams.events(Dialect.OPENAI_CHAT, out)) {
            for (JsonNode choice : e.get("choices")) {
                int i = choice.get("index").asInt();
                content[i].append(choice.at("/delta/content").asText(""));
                for (JsonNode call : choice.at("/delta/tool_calls")) {
                    args[call.get("index").asInt()].append(
                            call.at("/function/arguments").asText(""));
                }
            }
        }
        assertThat(content[0].toString()).isEqualTo("A " + NAME_KK);
        assertThat(content[1].toString()).isEqualTo("B " + NAME_RU);
        assertThat(Json.parse(args[0].toString()).get("a").asText()).isEqualTo(ADDRESS);
        assertThat(Json.parse(args[1].toString()).get("b").asText()).isEqualTo(NAME_KK);
    }

    @Test
    void forDialect_nonStreamingDialect_rejected() {
        assertThatThrownBy(() ->
                        EventStreamRestorer.forDialect(Dialect.OPENAI_EMBEDDINGS, TextRestorer.of(new ExchangeVault())))
                .isInstanceOf(IllegalArgumentException.class);
    }
}
