package io.qorgan.gateway.detect;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

class ForeignAddressTest {

    /** The development sets' texts: every foreign address shape the detector has been shown, and much else. */
    private static List<String> developmentTexts() {
        List<String> texts = new ArrayList<>();
        for (String resource : List.of("/detect/dev-patterns.jsonl", "/detect/dev2-patterns.jsonl")) {
            LabelledSet.markup(resource).forEach(t -> texts.add(t.text()));
        }
        IntStream.rangeClosed(3, 15)
                .forEach(n -> LabelledSet.markup("/detect/dev" + n + "/dev" + n + ".jsonl")
                        .forEach(t -> texts.add(t.text())));
        return texts;
    }

    /** Positions where {@link ForeignAddress#end} finds an address in {@code text}, each checked by mayStart. */
    private static int startsFound(String text, List<String> missed) {
        TextView view = TextView.of(text);
        char[] s = view.chars();
        char[] lower = view.lower();
        int found = 0;
        for (int p = 0; p < s.length; p++) {
            if (ForeignAddress.end(s, lower, p) > 0) {
                found++;
                if (!ForeignAddress.mayStart(s, lower, p)) {
                    missed.add(text.substring(p, Math.min(text.length(), p + 40)));
                }
            }
        }
        return found;
    }

    @Test
    void mayStart_whereverEndFindsAnAddress_true() {
        List<String> missed = new ArrayList<>();
        int found = 0;
        for (String text : developmentTexts()) {
            found += startsFound(text, missed);
        }
        assertThat(found).as("foreign addresses in the development sets").isGreaterThan(20);
        assertThat(missed).isEmpty();
    }

    @Test
    void mayStart_eachShape_true() {
        List<String> missed = new ArrayList<>();
        int found = 0;
        for (String text : List.of(
                "Via Garibaldi 24, 10122 Torino, Italy",
                "ul. Floriańska 31, 31-019 Kraków",
                "PO Box 118, Aktau 130000",
                "221B Baker Street, London NW1 6XE",
                "9 Rue Oberkampf, 75011 Paris",
                "Schillerstraße 17, 10625 Berlin",
                "Hauptstr. 5, 80331 München, Germany",
                "Cumhuriyet Mah. 1453 Sok. No: 8 D: 5, Izmir",
                "Karlova 14, 110 00 Praha 1, Czech Republic")) {
            found += startsFound(text, missed);
        }
        assertThat(found).isGreaterThanOrEqualTo(9);
        assertThat(missed).isEmpty();
    }

    @Test
    void mayStart_wordsThatBeginNoShape_false() {
        // a capital before a lower-case word, a number before one, a word before a comma, a Cyrillic word
        for (String text : List.of("Hello team, 5 items", "14 days", "Smith, 5 Main", "Абай 12")) {
            TextView view = TextView.of(text);
            assertThat(ForeignAddress.mayStart(view.chars(), view.lower(), 0))
                    .as(text)
                    .isFalse();
        }
    }
}
