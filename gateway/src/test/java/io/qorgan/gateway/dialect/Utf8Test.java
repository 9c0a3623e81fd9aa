package io.qorgan.gateway.dialect;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.Random;
import org.junit.jupiter.api.Test;

class Utf8Test {

    // The JDK's decoder in REPORT mode is strict UTF-8: the oracle.
    private static boolean jdkAccepts(byte[] b) {
        try {
            StandardCharsets.UTF_8.newDecoder()
                    .onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT)
                    .decode(ByteBuffer.wrap(b));
            return true;
        } catch (CharacterCodingException e) {
            return false;
        }
    }

    private static boolean hasZero(byte[] b) {
        for (byte x : b) {
            if (x == 0) {
                return true;
            }
        }
        return false;
    }

    @Test
    void isValid_agreesWithTheJdkDecoder_onRandomBytesInAsciiRuns() {
        Random random = new Random(17);
        String[] chars = {"a", "Z", "0", " ", "{", "\"", "é", "€", "😀", "Д", "Ә"};
        int invalid = 0;
        for (int c = 0; c < 20_000; c++) {
            java.io.ByteArrayOutputStream out = new java.io.ByteArrayOutputStream();
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
            assertThat(Utf8.isValid(b)).as("bytes %s", java.util.Arrays.toString(b)).isEqualTo(expected);
            assertThat(Utf8.hasNul(b)).as("bytes %s", java.util.Arrays.toString(b)).isEqualTo(hasZero(b));
        }
        assertThat(invalid).as("the sample holds both kinds").isBetween(1000, 19_000);
    }

    @Test
    void isValid_oneBadByteAtEveryOffsetOfALongAsciiText_refused() {
        byte[] text = "{\"model\":\"gpt-4o-mini\",\"messages\":[{\"role\":\"user\",\"content\":\"hello there\"}]}"
                .getBytes(StandardCharsets.US_ASCII);
        assertThat(Utf8.isValid(text)).isTrue();
        assertThat(Utf8.hasNul(text)).isFalse();
        for (int i = 0; i < text.length; i++) {
            byte[] bad = text.clone();
            bad[i] = (byte) 0xC0; // never valid in UTF-8
            assertThat(Utf8.isValid(bad)).as("0xC0 at %d", i).isFalse();
            byte[] nul = text.clone();
            nul[i] = 0;
            assertThat(Utf8.hasNul(nul)).as("NUL at %d", i).isTrue();
        }
    }
}
