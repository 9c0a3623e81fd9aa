package io.qorgan.gateway.dialect;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Arrays;
import java.util.Random;
import org.junit.jupiter.api.Test;

class SitePatternsTest {

    private static boolean matches(SitePatterns patterns, String path) {
        String[] segments = path.isEmpty() ? new String[0] : path.split("\\.");
        // a longer array than the path: only the first n segments count
        String[] padded = Arrays.copyOf(segments, segments.length + 3);
        padded[segments.length] = "content";
        return patterns.matches(padded, segments.length);
    }

    @Test
    void matches_namesStarsAndRest_asWritten() {
        SitePatterns p = new SitePatterns("model", "messages.*.content", "messages.*.content.*.text", "usage.**");

        assertThat(matches(p, "model")).isTrue();
        assertThat(matches(p, "messages.3.content")).isTrue();
        assertThat(matches(p, "messages.0.content.1.text")).isTrue();
        assertThat(matches(p, "usage")).isTrue();
        assertThat(matches(p, "usage.prompt_tokens_details.cached_tokens")).isTrue();

        assertThat(matches(p, "")).isFalse();
        assertThat(matches(p, "messages")).isFalse();
        assertThat(matches(p, "messages.3")).isFalse();
        assertThat(matches(p, "messages.0.content.1")).isFalse();
        assertThat(matches(p, "messages.0.content.1.type")).isFalse();
        assertThat(matches(p, "model.name")).isFalse();
        assertThat(matches(p, "usages")).isFalse();
    }

    @Test
    void matches_nameAndStarAtOneLevel_eitherBranchMatches() {
        SitePatterns p = new SitePatterns("input.*", "input.text.value");

        assertThat(matches(p, "input.text")).isTrue();
        assertThat(matches(p, "input.text.value")).isTrue();
        assertThat(matches(p, "input.3")).isTrue();
        assertThat(matches(p, "input.3.value")).isFalse();
    }

    @Test
    void matches_noPatterns_nothing() {
        assertThat(matches(new SitePatterns(), "")).isFalse();
        assertThat(matches(new SitePatterns(), "model")).isFalse();
    }

    /** The tree against the plain reading of a pattern, segment by segment, on random paths. */
    @Test
    void matches_randomPaths_sameAsPatternByPattern() {
        String[] words = {"a", "b", "c", "0", "1"};
        Random random = new Random(42);
        for (int round = 0; round < 300; round++) {
            String[] patterns = new String[1 + random.nextInt(6)];
            for (int k = 0; k < patterns.length; k++) {
                int len = 1 + random.nextInt(4);
                StringBuilder b = new StringBuilder();
                for (int i = 0; i < len; i++) {
                    if (i > 0) {
                        b.append('.');
                    }
                    int r = random.nextInt(10);
                    b.append(r < 2 ? "*" : r == 2 && i == len - 1 ? "**" : words[random.nextInt(words.length)]);
                }
                patterns[k] = b.toString();
            }
            SitePatterns tree = new SitePatterns(patterns);
            for (int q = 0; q < 50; q++) {
                int n = random.nextInt(5);
                String[] path = new String[n];
                for (int i = 0; i < n; i++) {
                    path[i] = words[random.nextInt(words.length)];
                }
                assertThat(tree.matches(path, n))
                        .as("%s against %s", String.join(".", path), String.join(" ", patterns))
                        .isEqualTo(plain(patterns, path));
            }
        }
    }

    private static boolean plain(String[] patterns, String[] path) {
        for (String pattern : patterns) {
            String[] p = pattern.split("\\.");
            boolean ok = true;
            for (int i = 0; i < p.length && ok; i++) {
                if (p[i].equals("**")) {
                    return true;
                }
                ok = i < path.length && (p[i].equals("*") || p[i].equals(path[i]));
            }
            if (ok && p.length == path.length) {
                return true;
            }
        }
        return false;
    }
}
