package io.qorgan.gateway.dialect;

import java.util.List;

/**
 * Field patterns like {@code messages.*.content.*.text}: names match themselves, {@code *} one
 * segment (an array index or a name), a trailing {@code **} any rest, including nothing.
 */
final class SitePatterns {

    private final String[][] patterns;

    SitePatterns(String... patterns) {
        this.patterns = new String[patterns.length][];
        for (int i = 0; i < patterns.length; i++) {
            this.patterns[i] = patterns[i].split("\\.");
        }
    }

    boolean matches(List<String> segments) {
        for (String[] p : patterns) {
            if (matches(p, segments)) {
                return true;
            }
        }
        return false;
    }

    private static boolean matches(String[] pattern, List<String> segments) {
        int n = segments.size();
        for (int i = 0; i < pattern.length; i++) {
            String p = pattern[i];
            if (p.equals("**")) {
                return true;
            }
            if (i >= n || !(p.equals("*") || p.equals(segments.get(i)))) {
                return false;
            }
        }
        return pattern.length == n;
    }
}
