package io.qorgan.gateway.detect;

import java.util.ArrayList;
import java.util.List;

/** What a detector found in a text, as the texts of its findings. */
final class Found {

    private Found() {}

    /** The texts of the findings of {@code type}, in order. */
    static List<String> values(Detector detector, String text, EntityType type) {
        List<String> values = new ArrayList<>();
        for (Finding f : detector.detect(text)) {
            if (f.type() == type) {
                values.add(text.substring(f.start(), f.end()));
            }
        }
        return values;
    }
}
