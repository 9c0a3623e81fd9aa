package io.qorgan.gateway.detect;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * The endings of surnames, patronymics and first names by role, gender and case, read once from
 * {@code name-paradigms.txt} and compiled into a trie of reversed endings, so that one backward walk over a folded
 * word gives every reading its ending allows (Ивановой: a feminine surname in the genitive, dative, instrumental or
 * prepositional; Асқарқызының: a patronymic in the Kazakh genitive).
 *
 * <p>A reading is a role and a mask of (gender, case) pairs: bit {@code gender * CASES + case}. First-name readings
 * also name the nominative ending to put back before the name is looked up in the dictionary.
 */
final class NameParadigms {

    static final int SURNAME = 0;
    static final int PATRONYMIC = 1;
    static final int FIRST = 2;
    static final int WEAK_SURNAME = 3;

    static final int CASES = 12;
    static final int NOM = 0;
    /** The first Kazakh case; the Kazakh cases are {@code KGEN..CASES-1}. */
    static final int KGEN = 6;
    /** The Kazakh accusative. */
    static final int KACC = 8;

    private static final String[] CASE_NAMES = {
        "nom", "gen", "dat", "acc", "ins", "prep", "kgen", "kdat", "kacc", "kloc", "kabl", "kins"
    };
    /** Every (gender, case) pair. */
    static final int ALL = (1 << (2 * CASES)) - 1;
    /** The pairs of the Kazakh cases, both genders. */
    static final int KAZAKH_CASES = kazakhCases();

    /** One way a word may end: {@code ending} chars at its end, of which {@code suffix} belong to the class. */
    record Reading(int role, int mask, int ending, int suffix, String restore) {}

    /** Receives each reading whose ending fits the word. */
    interface Visitor {
        void reading(Reading reading);
    }

    private static final NameParadigms INSTANCE = load();

    // the trie: node 0 is the root; a node's edges are chars leading to children, read from the word's end
    private final char[][] edgeChars;
    private final int[][] edgeTargets;
    private final Reading[][] readings;

    private NameParadigms(char[][] edgeChars, int[][] edgeTargets, Reading[][] readings) {
        this.edgeChars = edgeChars;
        this.edgeTargets = edgeTargets;
        this.readings = readings;
    }

    static NameParadigms get() {
        return INSTANCE;
    }

    /**
     * Calls {@code visitor} for every reading of the folded word {@code word[0, length)} that leaves at least
     * {@code minStem} chars before its class suffix (first names: before the case ending).
     */
    void readings(char[] word, int length, int minStem, Visitor visitor) {
        int node = 0;
        for (int depth = 0; ; depth++) {
            Reading[] here = readings[node];
            if (here != null) {
                for (Reading r : here) {
                    if (length - r.ending() >= minStem) {
                        visitor.reading(r);
                    }
                }
            }
            if (depth >= length) {
                return;
            }
            node = child(node, word[length - 1 - depth]);
            if (node < 0) {
                return;
            }
        }
    }

    private int child(int node, char c) {
        char[] chars = edgeChars[node];
        for (int k = 0; k < chars.length; k++) {
            if (chars[k] == c) {
                return edgeTargets[node][k];
            }
        }
        return -1;
    }

    private static int kazakhCases() {
        int mask = 0;
        for (int g = 0; g < 2; g++) {
            for (int c = KGEN; c < CASES; c++) {
                mask |= 1 << (g * CASES + c);
            }
        }
        return mask;
    }

    /** The (gender, case) pairs of a mask, as a mask of cases. */
    static int cases(int mask) {
        return (mask | mask >>> CASES) & ((1 << CASES) - 1);
    }

    private static NameParadigms load() {
        Map<String, List<Reading>> byEnding = new TreeMap<>();
        InputStream in = NameParadigms.class.getResourceAsStream("/io/qorgan/gateway/detect/name-paradigms.txt");
        if (in == null) {
            throw new IllegalStateException("missing resource name-paradigms.txt");
        }
        try (BufferedReader reader = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8))) {
            int lineNo = 0;
            for (String line = reader.readLine(); line != null; line = reader.readLine()) {
                lineNo++;
                String t = line.strip();
                if (t.isEmpty() || t.startsWith("#")) {
                    continue;
                }
                parse(t, lineNo, byEnding);
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read name-paradigms.txt", e);
        }
        // build the trie of reversed endings
        List<StringBuilder> chars = new ArrayList<>();
        List<List<Integer>> targets = new ArrayList<>();
        List<List<Reading>> nodeReadings = new ArrayList<>();
        chars.add(new StringBuilder());
        targets.add(new ArrayList<>());
        nodeReadings.add(new ArrayList<>());
        for (Map.Entry<String, List<Reading>> e : byEnding.entrySet()) {
            String ending = e.getKey();
            int node = 0;
            for (int i = ending.length() - 1; i >= 0; i--) {
                char c = ending.charAt(i);
                int k = chars.get(node).indexOf(String.valueOf(c));
                if (k < 0) {
                    chars.get(node).append(c);
                    targets.get(node).add(chars.size());
                    chars.add(new StringBuilder());
                    targets.add(new ArrayList<>());
                    nodeReadings.add(new ArrayList<>());
                    node = chars.size() - 1;
                } else {
                    node = targets.get(node).get(k);
                }
            }
            nodeReadings.get(node).addAll(e.getValue());
        }
        int n = chars.size();
        char[][] edgeChars = new char[n][];
        int[][] edgeTargets = new int[n][];
        Reading[][] readings = new Reading[n][];
        for (int i = 0; i < n; i++) {
            edgeChars[i] = chars.get(i).toString().toCharArray();
            edgeTargets[i] = targets.get(i).stream().mapToInt(Integer::intValue).toArray();
            readings[i] =
                    nodeReadings.get(i).isEmpty() ? null : nodeReadings.get(i).toArray(new Reading[0]);
        }
        return new NameParadigms(edgeChars, edgeTargets, readings);
    }

    /** Adds a reading, merged with one of the same role, ending and restored ending: one dictionary probe each. */
    private static void add(List<Reading> readings, Reading r) {
        for (int k = 0; k < readings.size(); k++) {
            Reading o = readings.get(k);
            if (o.role() == r.role()
                    && o.ending() == r.ending()
                    && o.suffix() == r.suffix()
                    && o.restore().equals(r.restore())) {
                readings.set(k, new Reading(o.role(), o.mask() | r.mask(), o.ending(), o.suffix(), o.restore()));
                return;
            }
        }
        readings.add(r);
    }

    private static void parse(String line, int lineNo, Map<String, List<Reading>> byEnding) {
        String[] halves = line.split("\\|");
        String[] head = halves[0].strip().split("\\s+");
        if (halves.length != 2 || head.length < 3) {
            throw new IllegalStateException("name-paradigms.txt:" + lineNo + ": expected ROLE GENDER SUFFIXES | CASES");
        }
        int role = switch (head[0]) {
            case "surname" -> SURNAME;
            case "weak-surname" -> WEAK_SURNAME;
            case "patronymic" -> PATRONYMIC;
            case "first" -> FIRST;
            default -> throw new IllegalStateException("name-paradigms.txt:" + lineNo + ": role " + head[0]);
        };
        int genders = switch (head[1]) {
            case "m" -> 1;
            case "f" -> 2;
            case "any" -> 3;
            default -> throw new IllegalStateException("name-paradigms.txt:" + lineNo + ": gender " + head[1]);
        };
        for (String cell : halves[1].strip().split("\\s+")) {
            String[] kv = cell.split("=");
            int c = List.of(CASE_NAMES).indexOf(kv[0]);
            if (kv.length != 2 || c < 0) {
                throw new IllegalStateException("name-paradigms.txt:" + lineNo + ": case " + cell);
            }
            int mask = 0;
            for (int g = 0; g < 2; g++) {
                if ((genders & (1 << g)) != 0) {
                    mask |= 1 << (g * CASES + c);
                }
            }
            for (String caseEnding : kv[1].split(",")) {
                String ce = caseEnding.equals("-") ? "" : caseEnding;
                for (int k = 2; k < head.length; k++) {
                    String suffix = head[k].equals("-") ? "" : head[k];
                    Reading r = role == FIRST
                            ? new Reading(role, mask, ce.length(), 0, suffix)
                            : new Reading(role, mask, suffix.length() + ce.length(), suffix.length(), "");
                    String ending = role == FIRST ? ce : suffix + ce;
                    add(byEnding.computeIfAbsent(ending, x -> new ArrayList<>()), r);
                }
            }
        }
    }
}
