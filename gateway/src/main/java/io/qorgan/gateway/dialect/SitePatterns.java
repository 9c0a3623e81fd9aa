package io.qorgan.gateway.dialect;

import java.util.HashMap;
import java.util.Map;

/**
 * Field patterns like {@code messages.*.content.*.text}: names match themselves, {@code *} one
 * segment (an array index or a name), a trailing {@code **} any rest, including nothing.
 *
 * <p>Compiled into a tree of segments: every string and number of a body is asked about against a few such lists,
 * and walking the tree looks at each of the value's segments once instead of once per pattern.
 */
final class SitePatterns {

    private final Node root = new Node();

    SitePatterns(String... patterns) {
        for (String pattern : patterns) {
            Node node = root;
            for (String segment : pattern.split("\\.")) {
                if (segment.equals("**")) {
                    node.rest = true;
                    node = null;
                    break;
                }
                node = segment.equals("*")
                        ? (node.any == null ? node.any = new Node() : node.any)
                        : node.names.computeIfAbsent(segment, s -> new Node());
            }
            if (node != null) {
                node.end = true;
            }
        }
    }

    /** Whether {@code segments[0, n)} match one of the patterns. */
    boolean matches(String[] segments, int n) {
        return matches(root, segments, 0, n);
    }

    private static boolean matches(Node node, String[] segments, int i, int n) {
        if (node.rest) {
            return true;
        }
        if (i == n) {
            return node.end;
        }
        Node named = node.names.isEmpty() ? null : node.names.get(segments[i]);
        return (named != null && matches(named, segments, i + 1, n))
                || (node.any != null && matches(node.any, segments, i + 1, n));
    }

    private static final class Node {
        final Map<String, Node> names = new HashMap<>();
        Node any;
        /** A pattern ends here. */
        boolean end;
        /** A pattern ends here in {@code **}: anything below matches. */
        boolean rest;
    }
}
