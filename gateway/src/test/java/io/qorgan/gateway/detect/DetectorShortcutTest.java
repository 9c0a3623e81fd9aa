package io.qorgan.gateway.detect;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Random;
import java.util.Set;
import org.junit.jupiter.api.Test;

/**
 * The short-text shortcut of {@link Detector#detect} never hides a finding: every text it skips gives no finding
 * when scanned in full, over words and windows of the labelled corpus and the Presidio cases (as written and in
 * lower case), secret-like and name-like words, and random words of the skipped alphabet.
 */
class DetectorShortcutTest {

    private static final String ALPHABET = "abcdefghijklmnopqrstuvwxyz._-";

    private final Detector detector = Detector.defaults();

    @Test
    void shortcut_skippedTexts_holdNothingTheFullScanFinds() throws IOException {
        Set<String> samples = new LinkedHashSet<>();
        for (String text : texts()) {
            addPieces(samples, text);
            addPieces(samples, text.toLowerCase(Locale.ROOT));
        }
        for (String prefix : List.of(
                "sk-",
                "ghp_",
                "gho_",
                "xoxb-",
                "xoxp-",
                "glpat-",
                "pwd-",
                "pwd_",
                "token-",
                "api_key-",
                "secret-",
                "password-",
                "eyj")) {
            for (String body : List.of("abcdefgh", "qwzxkjvm", "a", "zz", "kjhgfdsa-x")) {
                samples.add(prefix + body);
            }
        }
        for (String name : List.of(
                "aidos", "john", "emily", "dinara", "aigerim", "arman", "smith", "carter", "li", "kim", "ян", "ivan",
                "nurlan", "ali", "asem", "maria", "anna", "alex", "aslan")) {
            samples.add(name);
            samples.add(name + "-" + name);
            samples.add(name + "." + name);
        }
        Random random = new Random(42);
        for (int k = 0; k < 20_000; k++) {
            StringBuilder sb = new StringBuilder();
            int n = 1 + random.nextInt(Detector.SKIP_MAX + 2);
            for (int i = 0; i < n; i++) {
                sb.append(ALPHABET.charAt(random.nextInt(ALPHABET.length())));
            }
            samples.add(sb.toString());
        }
        int skipped = 0;
        List<String> hidden = new ArrayList<>();
        for (String s : samples) {
            if (Detector.cannotHoldEntity(s)) {
                skipped++;
                if (!detector.scan(s).isEmpty()) {
                    hidden.add(s + " -> " + detector.scan(s));
                }
            }
        }
        assertThat(hidden)
                .as("texts the shortcut skips although the scan finds something")
                .isEmpty();
        assertThat(skipped).as("the property is exercised").isGreaterThan(10_000);
    }

    @Test
    void shortcut_corpusDocuments_sameFindingsWithAndWithout() throws IOException {
        for (String text : texts()) {
            assertThat(detector.detect(text)).isEqualTo(detector.scan(text));
        }
    }

    @Test
    void shortcut_onlyShortAsciiLowerCaseWords() {
        assertThat(Detector.cannotHoldEntity("user")).isTrue();
        assertThat(Detector.cannotHoldEntity("assistant")).isTrue();
        assertThat(Detector.cannotHoldEntity("tool_calls")).isTrue();
        assertThat(Detector.cannotHoldEntity("User")).isFalse();
        assertThat(Detector.cannotHoldEntity("my name")).isFalse();
        assertThat(Detector.cannotHoldEntity("a@b.kz")).isFalse();
        assertThat(Detector.cannotHoldEntity("x1")).isFalse();
        assertThat(Detector.cannotHoldEntity("айдос")).isFalse();
        assertThat(Detector.cannotHoldEntity("abcdefghijkl")).isFalse();
    }

    // Every whitespace-separated word and every window of up to SKIP_MAX + 2 chars that starts a word.
    private static void addPieces(Set<String> samples, String text) {
        for (String word : text.split("\\s+")) {
            if (!word.isEmpty()) {
                samples.add(word);
                samples.add(word.replaceAll("[^\\p{L}._-]", ""));
            }
        }
        for (int i = 0; i < text.length(); i++) {
            if (i == 0 || text.charAt(i - 1) == ' ') {
                for (int len = 1; len <= Detector.SKIP_MAX + 2 && i + len <= text.length(); len++) {
                    samples.add(text.substring(i, i + len));
                }
            }
        }
    }

    private static List<String> texts() throws IOException {
        ObjectMapper json = new ObjectMapper();
        List<String> texts = new ArrayList<>();
        try (InputStream in = DetectorShortcutTest.class.getResourceAsStream("/detect/corpus.jsonl");
                BufferedReader r = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8))) {
            for (String line = r.readLine(); line != null; line = r.readLine()) {
                if (!line.isBlank()) {
                    texts.add(json.readTree(line).get("text").asText());
                }
            }
        }
        for (String line : TestFiles.lines(TestFiles.PRESIDIO_CASES)) {
            if (!line.isBlank()) {
                var node = json.readTree(line);
                var text = node.get("text");
                if (text != null) {
                    texts.add(text.asText());
                }
            }
        }
        return texts;
    }
}
