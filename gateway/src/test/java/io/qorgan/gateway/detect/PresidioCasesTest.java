package io.qorgan.gateway.detect;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * Runs every case of {@code detect/presidio/presidio-recognizer-cases.jsonl} (test resources): the findings of the case's type must
 * be exactly its spans. Cases we do not follow on purpose are listed in {@link #DELIBERATE} with the reason.
 */
class PresidioCasesTest {

    /** Text of the case → why our design differs. */
    private static final Map<String, String> DELIBERATE = Map.of();

    private final Detector detector = Detector.defaults();
    private final ObjectMapper json = new ObjectMapper();

    @Test
    void detect_presidioCases_findExactlyTheExpectedSpans() throws IOException {
        List<String> lines = TestFiles.lines(TestFiles.PRESIDIO_CASES);
        List<String> failures = new ArrayList<>();
        int run = 0;
        for (String line : lines) {
            if (line.isBlank()) {
                continue;
            }
            JsonNode c = json.readTree(line);
            String text = c.get("text").asText();
            EntityType type = EntityType.valueOf(c.get("entity").asText());
            List<List<Integer>> expected = new ArrayList<>();
            c.get("spans")
                    .forEach(span -> expected.add(
                            List.of(span.get(0).asInt(), span.get(1).asInt())));
            List<List<Integer>> actual = new ArrayList<>();
            Detector only = Detector.create(DetectorSettings.defaults().withEnabledTypes(EnumSet.of(type)));
            for (Finding f : only.detect(text)) {
                actual.add(List.of(f.start(), f.end()));
            }
            run++;
            if (DELIBERATE.containsKey(text)) {
                continue;
            }
            if (!actual.equals(expected)) {
                failures.add(type + " " + text + " expected " + expected + " got " + actual);
            }
        }
        System.out.println(
                "Presidio cases run: " + run + ", failed: " + failures.size() + ", deliberate: " + DELIBERATE.size());
        assertThat(run).isEqualTo(481);
        assertThat(failures).isEmpty();
    }
}
