package io.qorgan.gateway.detect;

import java.nio.file.Path;
import java.util.EnumSet;
import java.util.List;
import java.util.Objects;
import java.util.Set;

/**
 * How a {@link Detector} is built.
 *
 * @param enabledTypes   entity types to look for; others are never reported
 * @param minScore       findings scoring below this are dropped, in [0, 1]
 * @param extraNameLists UTF-8 files with one first name per line (lines starting with {@code #} ignored)
 *                       that an agency adds to the built-in dictionaries
 */
public record DetectorSettings(Set<EntityType> enabledTypes, double minScore, List<Path> extraNameLists) {

    public DetectorSettings {
        Objects.requireNonNull(enabledTypes, "enabledTypes");
        Objects.requireNonNull(extraNameLists, "extraNameLists");
        if (!(minScore >= 0.0 && minScore <= 1.0)) {
            throw new IllegalArgumentException("minScore must be within [0, 1]");
        }
        enabledTypes = enabledTypes.isEmpty() ? Set.of() : Set.copyOf(EnumSet.copyOf(enabledTypes));
        extraNameLists = List.copyOf(extraNameLists);
    }

    /** Every type, threshold 0.5, built-in dictionaries only. */
    public static DetectorSettings defaults() {
        return new DetectorSettings(EnumSet.allOf(EntityType.class), 0.5, List.of());
    }

    public DetectorSettings withEnabledTypes(Set<EntityType> types) {
        return new DetectorSettings(types, minScore, extraNameLists);
    }

    public DetectorSettings withMinScore(double score) {
        return new DetectorSettings(enabledTypes, score, extraNameLists);
    }

    public DetectorSettings withExtraNameLists(List<Path> lists) {
        return new DetectorSettings(enabledTypes, minScore, lists);
    }
}
