package io.qorgan.gateway.detect;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Random;
import org.junit.jupiter.api.Test;

/**
 * {@link CueSet#anyIn} answers as "the window, cut out, contains a cue", and {@link CueSet#lengthAt} as "the first
 * cue, in the order given, that the text starts with there", on random texts and windows.
 */
class CueSetTest {

    private static final String[] CUES = {
        "тел", "моб", "phone", "tel", "ұялы", "номер", " v", "г/н", "ф.и.о", "mr ", "\u4e2d\u6587", "a"
    };

    @Test
    void anyIn_randomWindows_sameAsSubstringContains() {
        CueSet set = new CueSet(CUES);
        String alphabet = "телмобphonұяыномер vг/ф.и.mr\u4e2d\u6587a";
        Random random = new Random(3);
        int hits = 0;
        for (int k = 0; k < 50_000; k++) {
            StringBuilder sb = new StringBuilder();
            int n = random.nextInt(40);
            for (int i = 0; i < n; i++) {
                sb.append(alphabet.charAt(random.nextInt(alphabet.length())));
            }
            String text = sb.toString();
            int from = n == 0 ? 0 : random.nextInt(n + 1);
            int to = from + random.nextInt(n - from + 1);
            String window = text.substring(from, to);
            boolean expected = false;
            for (String cue : CUES) {
                expected |= window.contains(cue);
            }
            assertThat(set.anyIn(text.toCharArray(), from, to))
                    .as("%s [%d, %d)", text, from, to)
                    .isEqualTo(expected);
            hits += expected ? 1 : 0;
        }
        assertThat(hits).isGreaterThan(5_000);
    }

    @Test
    void lengthAt_randomPositions_sameAsFirstCueStartingThere() {
        CueSet set = new CueSet(CUES);
        String alphabet = "телмобphonұяыномер vг/ф.и.mr\u4e2d\u6587a";
        Random random = new Random(5);
        int hits = 0;
        for (int k = 0; k < 50_000; k++) {
            StringBuilder sb = new StringBuilder();
            int n = 1 + random.nextInt(30);
            for (int i = 0; i < n; i++) {
                sb.append(alphabet.charAt(random.nextInt(alphabet.length())));
            }
            String text = sb.toString();
            int at = random.nextInt(n);
            int to = at + 1 + random.nextInt(n - at);
            int expected = 0;
            for (String cue : CUES) {
                if (text.startsWith(cue, at) && at + cue.length() <= to) {
                    expected = cue.length();
                    break;
                }
            }
            assertThat(set.lengthAt(text.toCharArray(), at, to))
                    .as("%s at %d before %d", text, at, to)
                    .isEqualTo(expected);
            hits += expected > 0 ? 1 : 0;
        }
        assertThat(hits).isGreaterThan(1_000);
    }
}
