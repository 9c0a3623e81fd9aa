package io.qorgan.gateway.protect;

import io.qorgan.gateway.detect.Finding;
import java.util.ArrayList;
import java.util.List;

/**
 * The findings of one request's texts, in the order protection visited them, so that operators a policy chooses after
 * seeing the findings are applied without detecting a second time. A walk over the same request in the same order
 * visits the same texts: the second pass {@link #replay() replays} the first one's findings, text by text, and fails
 * if the two walks ever disagree (a bug, never silently wrong placeholders).
 *
 * <p>Not thread-safe: one per exchange, used by one thread at a time.
 */
public final class Detections {

    private final List<String> texts = new ArrayList<>();
    private final List<List<Finding>> findings = new ArrayList<>();
    private int replayAt = -1;

    /** Detections to record on a first pass. */
    public Detections() {}

    /** Starts replaying what was recorded, from the first text. */
    public Detections replay() {
        replayAt = 0;
        return this;
    }

    List<Finding> scan(TextScanner scanner, String text) {
        if (replayAt < 0) {
            List<Finding> found = scanner.scan(text);
            texts.add(text);
            findings.add(found);
            return found;
        }
        if (replayAt >= texts.size() || !texts.get(replayAt).equals(text)) {
            throw new IllegalStateException("the second walk over a request visited other texts than the first");
        }
        return findings.get(replayAt++);
    }
}
