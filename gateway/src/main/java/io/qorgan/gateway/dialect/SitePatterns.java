package io.qorgan.gateway.dialect;

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

    /** Whether {@code segments[0, n)} match one of the patterns. */
    boolean matches(String[] segments, int n) {
        for (String[] p : patterns) {
            if (matches(p, segments, n)) {
                return true;
            }
        }
        return false;
    }

    private static boolean matches(String[] pattern, String[] segments, int n) {
        for (int i = 0; i < pattern.length; i++) {
            String p = pattern[i];
            if (p.equals("**")) {
                return true;
            }
            if (i >= n || !(p.equals("*") || p.equals(segments[i]))) {
                return false;
            }
        }
        return pattern.length == n;
    }
}
