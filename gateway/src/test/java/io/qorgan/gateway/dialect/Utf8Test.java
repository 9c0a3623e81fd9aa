package io.qorgan.gateway.dialect;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.Random;
import org.junit.jupiter.api.Test;

class Utf8Test {

    // The JDK's decoder in REPORT mode is strict UTF-8: the oracle.
    private static boolean jdkAccepts(byte[] b) {
        try {
            StandardCharsets.UTF_8
                    .newDecoder()
                    .onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT)
                    .decode(ByteBuffer.wrap(b));
            return true;
        } catch (CharacterCodingException e) {
            return false;
        }
    }

    @Test
    void isValid_agreesWithTheJdkDecoder_onRandomBytesInAsciiRuns() {
        Random random = new Random(17);
        String[] chars = {"a", "Z", "0", " ", "{", "\"", "é", "€", "😀", "Д", "Ә"};
        int invalid = 0;
        for (int c = 0; c < 20_000; c++) {
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            int length = random.nextInt(40);
            for (int i = 0; i < length; i++) {
                if (random.nextInt(60) == 0) {
                    out.write(random.nextInt(256));
                } else {
                    out.writeBytes(chars[random.nextInt(chars.length)].getBytes(StandardCharsets.UTF_8));
                }
            }
            byte[] b = out.toByteArray();
            boolean expected = jdkAccepts(b);
            invalid += expected ? 0 : 1;
            assertThat(Utf8.isValid(b)).as("bytes %s", Arrays.toString(b)).isEqualTo(expected);
        }
        assertThat(invalid).as("the sample holds both kinds").isBetween(1000, 19_000);
    }

    /** Kazakh and Russian text is mostly two-byte letters between single spaces: the path that skips no ASCII run. */
    @Test
    void isValid_agreesWithTheJdkDecoder_onCyrillicTextWithDamage() {
        Random random = new Random(23);
        String[] chars = {"Д", "ә", "Ұ", "я", " ", ",", "1", "€", "😀"};
        int invalid = 0;
        for (int c = 0; c < 20_000; c++) {
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            int length = random.nextInt(60);
            for (int i = 0; i < length; i++) {
                int pick = random.nextInt(20);
                out.writeBytes(
                        chars[pick < 10 ? pick % 4 : random.nextInt(chars.length)].getBytes(StandardCharsets.UTF_8));
            }
            byte[] b = out.toByteArray();
            if (b.length > 0 && random.nextInt(3) == 0) {
                int at = random.nextInt(b.length);
                switch (random.nextInt(4)) {
                    case 0 -> b[at] = (byte) random.nextInt(256);
                    case 1 -> b[at] = (byte) (0x80 | random.nextInt(64));
                    case 2 -> b[at] = (byte) (0xC0 | random.nextInt(64));
                    default -> b = Arrays.copyOf(b, at); // cut, maybe inside a letter
                }
            }
            boolean expected = jdkAccepts(b);
            invalid += expected ? 0 : 1;
            assertThat(Utf8.isValid(b)).as("bytes %s", Arrays.toString(b)).isEqualTo(expected);
        }
        assertThat(invalid).as("the sample holds both kinds").isBetween(1000, 19_000);
    }

    @Test
    void isValid_oneBadByteAtEveryOffsetOfALongAsciiText_refused() {
        byte[] text = "{\"model\":\"gpt-4o-mini\",\"messages\":[{\"role\":\"user\",\"content\":\"hello there\"}]}"
                .getBytes(StandardCharsets.US_ASCII);
        assertThat(Utf8.isValid(text)).isTrue();
        for (int i = 0; i < text.length; i++) {
            byte[] bad = text.clone();
            bad[i] = (byte) 0xC0; // never valid in UTF-8
            assertThat(Utf8.isValid(bad)).as("0xC0 at %d", i).isFalse();
        }
    }
}
