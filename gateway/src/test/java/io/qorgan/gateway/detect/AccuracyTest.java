package io.qorgan.gateway.detect;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * Precision and recall per entity type on the labelled corpus {@code detect/corpus.jsonl}. A finding counts when
 * its type matches and it covers at least half of a labelled span. Prints the table; fails below the floors.
 */
class AccuracyTest {

    private record Span(EntityType type, int start, int end) {}

    private record Line(String text, List<Span> spans) {}

    private static final class Tally {
        int truePositives;
        int findings;
        int labels;
        int found;

        double precision() {
            return findings == 0 ? 1.0 : (double) truePositives / findings;
        }

        double recall() {
            return labels == 0 ? 1.0 : (double) found / labels;
        }
    }

    private final Detector detector = Detector.defaults();

    @Test
    void detect_labelledCorpus_meetsPrecisionAndRecallFloors() {
        List<Line> corpus = corpus();
        assertThat(corpus).hasSizeGreaterThanOrEqualTo(300);
        Map<EntityType, Tally> tallies = new EnumMap<>(EntityType.class);
        for (EntityType t : EntityType.values()) {
            tallies.put(t, new Tally());
        }
        List<String> misses = new ArrayList<>();
        for (Line line : corpus) {
            List<Finding> findings = detector.detect(line.text());
            for (Span label : line.spans()) {
                Tally t = tallies.get(label.type());
                t.labels++;
                if (findings.stream().anyMatch(f -> matches(f, label))) {
                    t.found++;
                } else {
                    misses.add("missed " + label.type() + " '" + line.text().substring(label.start(), label.end())
                            + "' in: " + line.text());
                }
            }
            for (Finding f : findings) {
                Tally t = tallies.get(f.type());
                t.findings++;
                if (line.spans().stream().anyMatch(label -> matches(f, label))) {
                    t.truePositives++;
                } else {
                    misses.add("false " + f.type() + " '" + line.text().substring(f.start(), f.end()) + "' in: "
                            + line.text());
                }
            }
        }
        StringBuilder table = new StringBuilder(
                String.format("%-14s %6s %8s %9s %7s%n", "type", "labels", "findings", "precision", "recall"));
        List<String> below = new ArrayList<>();
        for (Map.Entry<EntityType, Tally> e : tallies.entrySet()) {
            Tally t = e.getValue();
            table.append(String.format(
                    "%-14s %6d %8d %9.3f %7.3f%n", e.getKey(), t.labels, t.findings, t.precision(), t.recall()));
            double floor = floor(e.getKey());
            if (t.precision() < floor || t.recall() < floor) {
                below.add(e.getKey() + " below " + floor);
            }
        }
        System.out.println(table);
        misses.forEach(System.out::println);
        assertThat(tallies.values().stream().mapToInt(t -> t.labels).sum()).isGreaterThan(300);
        assertThat(below).isEmpty();
    }

    private static boolean matches(Finding f, Span label) {
        int overlap = Math.min(f.end(), label.end()) - Math.max(f.start(), label.start());
        return f.type() == label.type() && overlap * 2 >= label.end() - label.start();
    }

    private static double floor(EntityType type) {
        return switch (type) {
            case IIN, BIN, IBAN, PAYMENT_CARD, EMAIL, PHONE, IP_ADDRESS -> 0.97;
            case PERSON, ADDRESS -> 0.85;
            default -> 0.90;
        };
    }

    private static List<Line> corpus() {
        ObjectMapper json = new ObjectMapper();
        List<Line> lines = new ArrayList<>();
        try (InputStream in = AccuracyTest.class.getResourceAsStream("/detect/corpus.jsonl")) {
            for (String raw : new String(in.readAllBytes(), StandardCharsets.UTF_8).split("\n")) {
                if (raw.isBlank()) {
                    continue;
                }
                JsonNode node = json.readTree(raw);
                List<Span> spans = new ArrayList<>();
                node.get("spans")
                        .forEach(s -> spans.add(new Span(
                                EntityType.valueOf(s.get("type").asText()),
                                s.get("start").asInt(),
                                s.get("end").asInt())));
                lines.add(new Line(node.get("text").asText(), spans));
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return lines;
    }
}
