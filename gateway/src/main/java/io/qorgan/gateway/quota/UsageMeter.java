package io.qorgan.gateway.quota;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;

/**
 * Reads the tokens an answer reports, as its bytes go by, for every API the gateway speaks: OpenAI's
 * {@code prompt_tokens}/{@code completion_tokens}/{@code total_tokens}, Responses' and Anthropic's
 * {@code input_tokens}/{@code output_tokens} (Anthropic's streams repeat them, growing), Ollama's
 * {@code prompt_eval_count}/{@code eval_count}. Whole answers and streams alike; no JSON tree is built.
 *
 * <p>A key counts only where JSON puts a key: its opening quote follows {@code {} or {@code ,}. Inside a string a quote
 * is always escaped, so nothing the model writes can be read as usage. A piece may end inside a key or a number: the
 * last bytes of each piece are read again with the start of the next. Each count keeps its largest value, so reading
 * a key twice, or a number cut short once, changes nothing.
 *
 * <p>One per exchange, on its event loop.
 */
public final class UsageMeter {

    private static final int CARRY = 64;
    private static final byte[][] INPUT = keys("prompt_tokens", "input_tokens", "prompt_eval_count");
    private static final byte[][] OUTPUT = keys("completion_tokens", "output_tokens", "eval_count");
    private static final byte[][] TOTAL = keys("total_tokens");

    private final byte[] carry = new byte[CARRY * 2];
    private int carried;
    private long input;
    private long output;
    private long total;

    private static byte[][] keys(String... names) {
        byte[][] out = new byte[names.length][];
        for (int i = 0; i < names.length; i++) {
            out[i] = ('"' + names[i] + '"').getBytes(StandardCharsets.US_ASCII);
        }
        return out;
    }

    /** The next piece of the answer; not changed, its position kept. */
    public void scan(ByteBuffer piece) {
        int start = piece.position();
        int end = piece.limit();
        if (carried > 0) {
            int head = Math.min(CARRY, end - start);
            for (int i = 0; i < head; i++) {
                carry[carried + i] = piece.get(start + i);
            }
            scan(ByteBuffer.wrap(carry, 0, carried + head), 0, carried + head);
        }
        scan(piece, start, end);
        // the last bytes seen, across pieces however small
        int length = end - start;
        if (length >= CARRY) {
            for (int i = 0; i < CARRY; i++) {
                carry[i] = piece.get(end - CARRY + i);
            }
            carried = CARRY;
            return;
        }
        int kept = Math.min(carried, CARRY - length);
        System.arraycopy(carry, carried - kept, carry, 0, kept);
        for (int i = 0; i < length; i++) {
            carry[kept + i] = piece.get(start + i);
        }
        carried = kept + length;
    }

    /** Tokens reported so far: the total when given, else input and output together. */
    public long tokens() {
        return Math.max(total, input + output);
    }

    private void scan(ByteBuffer b, int from, int to) {
        for (int i = from; i < to; i++) {
            if (b.get(i) != '"') {
                continue;
            }
            int before = i - 1;
            while (before >= from && isSpace(b.get(before))) {
                before--;
            }
            if (before < from) {
                continue; // no context here: the piece before, read again with this one, decides
            }
            byte prev = b.get(before);
            if (prev != '{' && prev != ',') {
                continue;
            }
            long n;
            if ((n = valueOf(b, i, to, INPUT)) >= 0) {
                input = Math.max(input, n);
            } else if ((n = valueOf(b, i, to, OUTPUT)) >= 0) {
                output = Math.max(output, n);
            } else if ((n = valueOf(b, i, to, TOTAL)) >= 0) {
                total = Math.max(total, n);
            }
        }
    }

    /** The number after one of {@code keys} at {@code at}, or -1. */
    private static long valueOf(ByteBuffer b, int at, int to, byte[][] keys) {
        for (byte[] key : keys) {
            if (at + key.length > to || !matches(b, at, key)) {
                continue;
            }
            int i = at + key.length;
            while (i < to && isSpace(b.get(i))) {
                i++;
            }
            if (i >= to || b.get(i) != ':') {
                return -1;
            }
            i++;
            while (i < to && isSpace(b.get(i))) {
                i++;
            }
            long n = 0;
            int digits = 0;
            while (i < to && digits < 15 && b.get(i) >= '0' && b.get(i) <= '9') {
                n = n * 10 + (b.get(i) - '0');
                i++;
                digits++;
            }
            return digits == 0 ? -1 : n;
        }
        return -1;
    }

    private static boolean matches(ByteBuffer b, int at, byte[] key) {
        for (int k = 0; k < key.length; k++) {
            if (b.get(at + k) != key[k]) {
                return false;
            }
        }
        return true;
    }

    private static boolean isSpace(byte c) {
        return c == ' ' || c == '\n' || c == '\r' || c == '\t';
    }
}
