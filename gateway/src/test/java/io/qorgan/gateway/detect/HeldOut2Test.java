package io.qorgan.gateway.detect;

import static org.assertj.core.api.Assertions.assertThat;

import io.qorgan.gateway.detect.LabelledSet.Text;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * The second frozen held-out set ({@code detect/heldout2}, README there), written blind to the detector after the first
 * round of issue 15 and added before the second. Only its per-type table is printed, never a line; its floors are the
 * values measured when it was added, so that no change makes it worse.
 */
class HeldOut2Test {

    private static final String RESOURCE = "/detect/heldout2/heldout2.jsonl";
    private static final String SHA256 = "a68fdc5b6e88c234ab8fbfa1dd0359c0bb1a432910b93042707054c7db1a92fa";

    /** Precision and recall per type, measured on 2026-12-06 when the set was added (main at d3b0300), rounded down. */
    private static final Map<EntityType, double[]> FLOORS = new EnumMap<>(EntityType.class);

    private static final double LEAK_COVER_FLOOR = 0.952;

    static {
        FLOORS.put(EntityType.PERSON, new double[] {0.926, 0.949});
        FLOORS.put(EntityType.IIN, new double[] {1.0, 0.99});
        FLOORS.put(EntityType.BIN, new double[] {1.0, 1.0});
        FLOORS.put(EntityType.PHONE, new double[] {0.99, 0.99});
        FLOORS.put(EntityType.EMAIL, new double[] {0.983, 1.0});
        FLOORS.put(EntityType.IBAN, new double[] {1.0, 1.0});
        FLOORS.put(EntityType.PAYMENT_CARD, new double[] {1.0, 1.0});
        FLOORS.put(EntityType.ID_DOCUMENT, new double[] {1.0, 0.898});
        FLOORS.put(EntityType.VEHICLE_PLATE, new double[] {1.0, 0.974});
        FLOORS.put(EntityType.ADDRESS, new double[] {0.944, 0.907});
        FLOORS.put(EntityType.IP_ADDRESS, new double[] {0.96, 1.0});
        FLOORS.put(EntityType.DATE_OF_BIRTH, new double[] {0.977, 0.915});
        FLOORS.put(EntityType.SECRET, new double[] {1.0, 0.884});
    }

    @Test
    void detect_secondHeldOutSet_meetsFloors() {
        assertThat(LabelledSet.sha256(RESOURCE)).as("the set is frozen").isEqualTo(SHA256);
        List<Text> texts = LabelledSet.markup(RESOURCE);
        assertThat(texts).hasSize(468);
        Accuracy accuracy = Accuracy.measure(Detector.defaults(), texts, false);
        System.out.println(accuracy.table("heldout2.jsonl"));
        List<String> below = new ArrayList<>();
        FLOORS.forEach((type, floor) -> {
            Accuracy.Tally t = accuracy.tally(type);
            if (t.precision() < floor[0]) {
                below.add(String.format("%s precision %.3f below %.3f", type, t.precision(), floor[0]));
            }
            if (t.recall() < floor[1]) {
                below.add(String.format("%s recall %.3f below %.3f", type, t.recall(), floor[1]));
            }
        });
        if (accuracy.leakCover() < LEAK_COVER_FLOOR) {
            below.add(String.format("leak-cover %.3f below %.3f", accuracy.leakCover(), LEAK_COVER_FLOOR));
        }
        assertThat(below).isEmpty();
    }
}
