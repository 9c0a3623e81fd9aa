package io.qorgan.gateway.protect;

import io.qorgan.gateway.detect.EntityType;
import java.util.Collections;
import java.util.EnumMap;
import java.util.Map;

/**
 * The operator for each entity type (types not listed use {@code fallback}) and the keys of the
 * keyed operators. Validated at construction: a {@link Operator#HASH} or {@link Operator#FPE}
 * without its key fails at once, not on the first request.
 */
public record ProtectionSettings(Map<EntityType, Operator> operators, Operator fallback, ProtectionKeys keys) {

    public ProtectionSettings {
        EnumMap<EntityType, Operator> copy = new EnumMap<>(EntityType.class);
        copy.putAll(operators);
        operators = Collections.unmodifiableMap(copy);
        if (fallback == null) {
            throw new IllegalArgumentException("fallback operator is required");
        }
        keys = keys == null ? ProtectionKeys.NONE : keys;
        boolean usesHash = fallback == Operator.HASH || operators.containsValue(Operator.HASH);
        boolean usesFpe = fallback == Operator.FPE || operators.containsValue(Operator.FPE);
        if (usesHash && keys.hashKey() == null) {
            throw new IllegalArgumentException("operator hash needs a hash key");
        }
        if (usesFpe && keys.fpeKey() == null) {
            throw new IllegalArgumentException("operator fpe needs an fpe key");
        }
    }

    /** Placeholders for every type. */
    public static ProtectionSettings defaults() {
        return new ProtectionSettings(Map.of(), Operator.PLACEHOLDER, ProtectionKeys.NONE);
    }

    public ProtectionSettings with(EntityType type, Operator operator) {
        EnumMap<EntityType, Operator> copy = new EnumMap<>(EntityType.class);
        copy.putAll(operators);
        copy.put(type, operator);
        return new ProtectionSettings(copy, fallback, keys);
    }

    public ProtectionSettings withKeys(ProtectionKeys newKeys) {
        return new ProtectionSettings(operators, fallback, newKeys);
    }

    public Operator operator(EntityType type) {
        return operators.getOrDefault(type, fallback);
    }
}
