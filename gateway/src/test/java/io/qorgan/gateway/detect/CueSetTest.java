package io.qorgan.gateway.detect;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Random;
import org.junit.jupiter.api.Test;

/**
 * {@link CueSet#anyIn} answers as "the window, cut out, contains a cue", {@link CueSet#anyWordIn} as "a cue lies in
 * the window at a word start of the text", and {@link CueSet#lengthAt} as "the first cue, in the order given, that
 * the text starts with there", on random texts and windows.
 */
class CueSetTest {

    private static final String[] CUES = {
        "тел", "моб", "phone", "tel", "ұялы", "номер", " v", "г/н", "ф.и.о", "mr ", "\u4e2d\u6587", "a"
    };

    /** Chars the cues are made of, so that random texts hold cues often. */
    private static final String ALPHABET = "телмобphonұяыномер vг/ф.и.mr\u4e2d\u6587a";

    private static String randomText(Random random, int length) {
        StringBuilder sb = new StringBuilder(length);
        for (int i = 0; i < length; i++) {
            sb.append(ALPHABET.charAt(random.nextInt(ALPHABET.length())));
        }
        return sb.toString();
    }

    @Test
    void anyIn_randomWindows_sameAsSubstringContains() {
        CueSet set = new CueSet(CUES);
        Random random = new Random(3);
        int hits = 0;
        for (int k = 0; k < 50_000; k++) {
            int n = random.nextInt(40);
            String text = randomText(random, n);
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
    void anyWordIn_randomWindows_sameAsACueInTheWindowAtAWordStartOfTheText() {
        CueSet set = new CueSet(CUES);
        Random random = new Random(4);
        int hits = 0;
        for (int k = 0; k < 50_000; k++) {
            int n = random.nextInt(40);
            String text = randomText(random, n);
            int from = n == 0 ? 0 : random.nextInt(n + 1);
            int to = from + random.nextInt(n - from + 1);
            boolean expected = false;
            for (int i = from; i < to; i++) {
                boolean wordStart = i == 0 || !Chars.isWord(text.charAt(i - 1));
                for (String cue : CUES) {
                    expected |= wordStart && i + cue.length() <= to && text.startsWith(cue, i);
                }
            }
            assertThat(set.anyWordIn(text.toCharArray(), from, to))
                    .as("%s [%d, %d)", text, from, to)
                    .isEqualTo(expected);
            hits += expected ? 1 : 0;
        }
        assertThat(hits).isGreaterThan(500); // word starts are rare in the random letters
        assertThat(set.anyWordIn("исполнительного".toCharArray(), 0, 15)).isFalse();
        assertThat(set.anyWordIn("моб.тел: 8".toCharArray(), 0, 10)).isTrue();
    }

    @Test
    void lengthAt_randomPositions_sameAsFirstCueStartingThere() {
        CueSet set = new CueSet(CUES);
        Random random = new Random(5);
        int hits = 0;
        for (int k = 0; k < 50_000; k++) {
            int n = 1 + random.nextInt(30);
            String text = randomText(random, n);
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

    @Test
    void lengthAt_atOrPastTheEnd_zeroWithoutReadingPastIt() {
        CueSet set = new CueSet(CUES);
        char[] text = "тел".toCharArray();
        assertThat(set.lengthAt(text, text.length, text.length)).isZero();
        assertThat(set.lengthAt(text, 1, 1)).isZero();
    }

    @Test
    void except_phraseStartingWhereACueMatches_cueDoesNotCountThere() {
        CueSet set = new CueSet("өтініш", "заказ").except("өтініш беруші");
        char[] applicant = "өтініш беруші: 045 117 823".toCharArray();
        assertThat(set.anyIn(applicant, 0, applicant.length)).isFalse();
        assertThat(set.lengthAt(applicant, 0, applicant.length)).isZero();
        char[] application = "өтініш нөмірі 2410".toCharArray();
        assertThat(set.anyIn(application, 0, application.length)).isTrue();
        char[] both = "өтініш беруші, өтініш 12".toCharArray();
        assertThat(set.anyIn(both, 0, both.length)).isTrue();
        char[] other = "өтініш беруші, заказ 12".toCharArray();
        assertThat(set.anyWordIn(other, 0, other.length)).isTrue();
    }
}
