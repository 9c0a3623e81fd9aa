package io.qorgan.gateway.protect;

/**
 * Restores one streamed text channel delta by delta. Everything is emitted at once except a
 * tail that could still become a placeholder (at most a few dozen characters, also a trailing
 * high surrogate); {@link #finish()} emits the rest. The concatenation of all outputs equals
 * {@link TextRestorer#restore} of the concatenated input, however the input was split.
 *
 * <p>Not thread-safe; one per channel of one stream.
 */
public final class StreamRestorer {

    private final RestoreScan scan;
    private final StringBuilder pending = new StringBuilder();
    private char prev = '\n';
    private boolean finished;

    StreamRestorer(RestoreScan scan) {
        this.scan = scan;
    }

    /** Takes the next delta; returns the text that can be emitted now (possibly empty). */
    public String feed(CharSequence delta) {
        if (finished) {
            throw new IllegalStateException("stream already finished");
        }
        pending.append(delta);
        int end = pending.length();
        if (end > 0 && Character.isHighSurrogate(pending.charAt(end - 1))) {
            end--;
        }
        StringBuilder out = new StringBuilder(end + 16);
        int held = scan.run(pending, end, prev, false, out);
        if (held > 0) {
            prev = pending.charAt(held - 1);
            pending.delete(0, held);
        }
        return out.toString();
    }

    /** Ends the channel: returns the held-back text, restored as a whole. */
    public String finish() {
        finished = true;
        if (pending.length() == 0) {
            return "";
        }
        StringBuilder out = new StringBuilder(pending.length() + 16);
        scan.run(pending, pending.length(), prev, true, out);
        pending.setLength(0);
        return out.toString();
    }

    /** Number of characters currently held back. */
    public int held() {
        return pending.length();
    }
}
