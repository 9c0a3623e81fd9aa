package io.qorgan.gateway.detect;

import io.qorgan.gateway.detect.LabelledSet.Span;
import io.qorgan.gateway.detect.LabelledSet.Text;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;

/**
 * A detector's precision, recall and leak-cover on a labelled set, per entity type.
 *
 * <p>A finding is right when its type is the label's and it covers at least half of the labelled span. Leak-cover is
 * the share of labelled spans that a finding of any type covers at least half of: what the AI service would not see
 * in clear, whatever placeholder it got.
 */
final class Accuracy {

    static final class Tally {
        int labels;
        int found;
        int covered;
        int findings;
        int truePositives;

        double precision() {
            return findings == 0 ? 1.0 : (double) truePositives / findings;
        }

        double recall() {
            return labels == 0 ? 1.0 : (double) found / labels;
        }

        double leakCover() {
            return labels == 0 ? 1.0 : (double) covered / labels;
        }
    }

    private final Map<EntityType, Tally> tallies = new EnumMap<>(EntityType.class);
    private final Tally all = new Tally();
    private final List<String> misses = new ArrayList<>();

    private Accuracy() {
        for (EntityType t : EntityType.values()) {
            tallies.put(t, new Tally());
        }
    }

    /**
     * Scores {@code detector} on {@code texts}. With {@code keepMisses}, each miss and false finding is kept with its
     * text for {@link #misses()}; never ask it for the held-out set, whose lines must not be printed.
     */
    static Accuracy measure(Detector detector, List<Text> texts, boolean keepMisses) {
        Accuracy a = new Accuracy();
        for (Text text : texts) {
            a.add(text, detector.detect(text.text()), keepMisses);
        }
        return a;
    }

    private void add(Text text, List<Finding> findings, boolean keepMisses) {
        String s = text.text();
        for (Span label : text.spans()) {
            Tally t = tallies.get(label.type());
            t.labels++;
            all.labels++;
            boolean found = false;
            boolean covered = false;
            for (Finding f : findings) {
                if (coversHalf(f, label)) {
                    covered = true;
                    found |= f.type() == label.type();
                }
            }
            if (found) {
                t.found++;
                all.found++;
            }
            if (covered) {
                t.covered++;
                all.covered++;
            }
            if (keepMisses && !found) {
                misses.add(text.id() + (covered ? " other " : " missed ") + label.type() + " '"
                        + s.substring(label.start(), label.end()) + "' in: " + s);
            }
        }
        for (Finding f : findings) {
            Tally t = tallies.get(f.type());
            t.findings++;
            all.findings++;
            boolean right = false;
            for (Span label : text.spans()) {
                right |= label.type() == f.type() && coversHalf(f, label);
            }
            if (right) {
                t.truePositives++;
                all.truePositives++;
            } else if (keepMisses) {
                misses.add(text.id() + " false " + f.type() + " '" + s.substring(f.start(), f.end()) + "' in: " + s);
            }
        }
    }

    private static boolean coversHalf(Finding f, Span label) {
        int overlap = Math.min(f.end(), label.end()) - Math.max(f.start(), label.start());
        return overlap * 2 >= label.length();
    }

    Tally tally(EntityType type) {
        return tallies.get(type);
    }

    /** Leak-cover over every labelled span. */
    double leakCover() {
        return all.leakCover();
    }

    int labels() {
        return all.labels;
    }

    /** Misses and false findings with their texts, when measured with {@code keepMisses}. */
    List<String> misses() {
        return misses;
    }

    /** The per-type table, with a last line over all types. */
    String table(String title) {
        StringBuilder b = new StringBuilder(title).append('\n');
        b.append(String.format(
                "%-14s %6s %8s %9s %7s %10s%n", "type", "labels", "findings", "precision", "recall", "leak-cover"));
        for (Map.Entry<EntityType, Tally> e : tallies.entrySet()) {
            row(b, e.getKey().name(), e.getValue());
        }
        row(b, "all", all);
        return b.toString();
    }

    private static void row(StringBuilder b, String name, Tally t) {
        b.append(String.format(
                "%-14s %6d %8d %9.3f %7.3f %10.3f%n",
                name, t.labels, t.findings, t.precision(), t.recall(), t.leakCover()));
    }
}
