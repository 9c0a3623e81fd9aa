package io.qorgan.gateway.detect;

import java.util.Objects;

/**
 * One piece of personal data found in a text.
 *
 * @param type       what was found
 * @param start      start index (inclusive) in the original text, in UTF-16 code units
 * @param end        end index (exclusive) in the original text
 * @param score      confidence in (0, 1]
 * @param recognizer name of the recognizer that found it, for diagnostics
 */
public record Finding(EntityType type, int start, int end, double score, String recognizer) {

    public Finding {
        Objects.requireNonNull(type, "type");
        Objects.requireNonNull(recognizer, "recognizer");
        if (start < 0 || end <= start) {
            throw new IllegalArgumentException("bad span " + start + ".." + end + " for " + type);
        }
    }

    public int length() {
        return end - start;
    }

    boolean overlaps(Finding other) {
        return start < other.end && other.start < end;
    }
}
