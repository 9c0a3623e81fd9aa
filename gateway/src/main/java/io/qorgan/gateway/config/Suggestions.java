package io.qorgan.gateway.config;

import java.util.Collection;
import java.util.Locale;
import java.util.Optional;

/** "Did you mean …?" for names a user mistyped: the closest known name by edit distance. */
public final class Suggestions {

    private Suggestions() {}

    /** The closest candidate within a distance that still looks like a typo, if any. */
    public static Optional<String> closest(String typed, Collection<String> candidates) {
        if (typed == null) {
            return Optional.empty();
        }
        String t = typed.toLowerCase(Locale.ROOT);
        int limit = Math.max(1, Math.min(3, t.length() / 3));
        String best = null;
        int bestDistance = Integer.MAX_VALUE;
        for (String candidate : candidates) {
            int d = distance(t, candidate.toLowerCase(Locale.ROOT));
            if (d < bestDistance) {
                bestDistance = d;
                best = candidate;
            }
        }
        return bestDistance <= limit ? Optional.of(best) : Optional.empty();
    }

    /** A suffix for error messages: {@code " (did you mean `x`?)"} or empty. */
    public static String didYouMean(String typed, Collection<String> candidates) {
        return closest(typed, candidates)
                .map(s -> " (did you mean `" + s + "`?)")
                .orElse("");
    }

    /** Edits between two names, two swapped neighbours counting as one edit ({@code tsl} is one from {@code tls}). */
    static int distance(String a, String b) {
        int[] before = new int[b.length() + 1];
        int[] prev = new int[b.length() + 1];
        int[] cur = new int[b.length() + 1];
        for (int j = 0; j <= b.length(); j++) {
            prev[j] = j;
        }
        for (int i = 1; i <= a.length(); i++) {
            cur[0] = i;
            for (int j = 1; j <= b.length(); j++) {
                int cost = a.charAt(i - 1) == b.charAt(j - 1) ? 0 : 1;
                cur[j] = Math.min(Math.min(cur[j - 1] + 1, prev[j] + 1), prev[j - 1] + cost);
                if (i > 1 && j > 1 && a.charAt(i - 1) == b.charAt(j - 2) && a.charAt(i - 2) == b.charAt(j - 1)) {
                    cur[j] = Math.min(cur[j], before[j - 2] + 1);
                }
            }
            int[] swap = before;
            before = prev;
            prev = cur;
            cur = swap;
        }
        return prev[b.length()];
    }
}
