package io.qorgan.gateway.dialect;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.charset.StandardCharsets;
import java.util.Random;
import org.junit.jupiter.api.Test;

class JsonTextTest {

    private static final ObjectMapper JSON = new ObjectMapper();

    /** {@code "…"} of {@code text} as appendEscaped writes it, in UTF-8: what splice must write. */
    private static byte[] reference(String text) {
        return JsonText.appendEscaped(new StringBuilder("\""), text)
                .append('"')
                .toString()
                .getBytes(StandardCharsets.UTF_8);
    }

    private static byte[] spliceWhole(String text) {
        byte[] b = "\"x\"".getBytes(StandardCharsets.UTF_8);
        return JsonText.splice(b, 0, b.length, new int[] {0}, new int[] {b.length}, new String[] {text}, 1);
    }

    @Test
    void splice_everyKindOfChar_writesTheBytesOfTheEscapedLiteral() {
        String text = "plain ascii, кириллица, қазақша, € sign, 𝄞 clef, quote \" backslash \\ nl \n cr \r tab \t"
                + " nul \u0000 unit sep \u001f del \u007f lone high \uD800 lone low \uDC00 end";
        assertArrayEquals(reference(text), spliceWhole(text));
    }

    @Test
    void splice_randomTexts_sameBytesAsTheReferenceAndParseBackToTheText() throws Exception {
        Random random = new Random(20261207);
        char[] alphabet = "aZ09 \"\\\n\r\t\u0000\u0001\u001fжҚә€\uD83D\uDE00\uD800\uDFFF".toCharArray();
        for (int round = 0; round < 2_000; round++) {
            StringBuilder sb = new StringBuilder();
            for (int i = random.nextInt(40); i > 0; i--) {
                sb.append(alphabet[random.nextInt(alphabet.length)]);
            }
            String text = sb.toString();
            byte[] spliced = spliceWhole(text);
            assertArrayEquals(reference(text), spliced, "round " + round);
            String back = JSON.readValue(spliced, String.class);
            assertEquals(text.replaceAll("[\uD800-\uDFFF]", "?").length(), back.length(), "round " + round);
        }
    }

    @Test
    void splice_severalLiteralsAndANumber_keepsTheBytesBetweenThem() {
        byte[] b = "{\"a\":\"one\",\"n\":12,\"b\":\"two\"}".getBytes(StandardCharsets.UTF_8);
        String json = new String(b, StandardCharsets.UTF_8);
        int a = json.indexOf("\"one\"");
        int n = json.indexOf("12");
        int t = json.indexOf("\"two\"");
        byte[] out = JsonText.splice(
                b,
                0,
                b.length,
                new int[] {a, n, t},
                new int[] {a + 5, n + 2, t + 5},
                new String[] {"[PERSON_1] ж", "[IIN_1]", null},
                new boolean[] {false, true, false},
                3);
        assertEquals("{\"a\":\"[PERSON_1] ж\",\"n\":[IIN_1],\"b\":\"two\"}", new String(out, StandardCharsets.UTF_8));
    }
}
