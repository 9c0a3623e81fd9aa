package io.qorgan.gateway.detect;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * Chooses among overlapping findings: the more specific, validated type wins (an IIN over a phone-shaped run, an
 * e-mail over an address or name around it); within a type the higher score, then the longer span. Findings that
 * do not overlap are all kept, so a PERSON next to (not inside) an ADDRESS stays.
 */
final class OverlapResolver {

    private static final Map<EntityType, Integer> PRIORITY = new EnumMap<>(Map.ofEntries(
            Map.entry(EntityType.SECRET, 100), Map.entry(EntityType.EMAIL, 95), Map.entry(EntityType.IBAN, 92),
            Map.entry(EntityType.PAYMENT_CARD, 90), Map.entry(EntityType.IIN, 88), Map.entry(EntityType.BIN, 88),
            Map.entry(EntityType.IP_ADDRESS, 80), Map.entry(EntityType.ID_DOCUMENT, 78),
            Map.entry(EntityType.PHONE, 75), Map.entry(EntityType.DATE_OF_BIRTH, 70),
            Map.entry(EntityType.VEHICLE_PLATE, 65), Map.entry(EntityType.ADDRESS, 60), Map.entry(EntityType.PERSON, 50)));

    private static final Comparator<Finding> PREFERENCE = Comparator
            .comparingInt((Finding f) -> PRIORITY.get(f.type())).reversed()
            .thenComparing(Comparator.comparingDouble(Finding::score).reversed())
            .thenComparing(Comparator.comparingInt(Finding::length).reversed())
            .thenComparingInt(Finding::start);

    private OverlapResolver() {
    }

    /** Non-overlapping findings in text order. */
    static List<Finding> resolve(List<Finding> candidates) {
        if (candidates.size() <= 1) {
            return candidates;
        }
        List<Finding> sorted = new ArrayList<>(candidates);
        sorted.sort(PREFERENCE);
        TreeMap<Integer, Finding> byStart = new TreeMap<>();
        for (Finding f : sorted) {
            Map.Entry<Integer, Finding> before = byStart.floorEntry(f.start());
            if (before != null && before.getValue().overlaps(f)) {
                continue;
            }
            Map.Entry<Integer, Finding> after = byStart.ceilingEntry(f.start());
            if (after != null && after.getValue().overlaps(f)) {
                continue;
            }
            byStart.put(f.start(), f);
        }
        return new ArrayList<>(byStart.values());
    }
}
