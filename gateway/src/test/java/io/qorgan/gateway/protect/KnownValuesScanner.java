package io.qorgan.gateway.protect;

import io.qorgan.gateway.detect.EntityType;
import io.qorgan.gateway.detect.Finding;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Test double for detection until the detect branch is merged: finds exactly the given strings
 * (longest first at each position) and labels them with their type. Deterministic, no heuristics.
 */
final class KnownValuesScanner implements TextScanner {

    private final Map<String, EntityType> values;

    KnownValuesScanner(Map<String, EntityType> values) {
        this.values = new LinkedHashMap<>(values);
    }

    @Override
    public List<Finding> scan(CharSequence text) {
        String s = text.toString();
        List<Finding> out = new ArrayList<>();
        int i = 0;
        while (i < s.length()) {
            String best = null;
            for (String v : values.keySet()) {
                if (s.startsWith(v, i) && (best == null || v.length() > best.length())) {
                    best = v;
                }
            }
            if (best == null) {
                i++;
            } else {
                out.add(new Finding(values.get(best), i, i + best.length(), 1.0, "known"));
                i += best.length();
            }
        }
        return out;
    }
}
