package io.qorgan.gateway.policy;

import io.qorgan.gateway.detect.EntityType;
import io.qorgan.gateway.protect.Operator;
import io.qorgan.gateway.protect.ProtectionSettings;
import java.util.EnumMap;
import java.util.Map;

/** Composes a policy's operators with a route's protection. */
final class Overlay {

    private Overlay() {}

    /**
     * With a policy default, the policy decides every type (its listed types, its default for the rest); without
     * one, it only overrides the types it lists. Keys always come from {@code base}.
     */
    static ProtectionSettings apply(ProtectionSettings base, Map<EntityType, Operator> operators, Operator fallback) {
        if (operators.isEmpty() && fallback == null) {
            return base;
        }
        Map<EntityType, Operator> merged = new EnumMap<>(EntityType.class);
        if (fallback == null) {
            merged.putAll(base.operators());
        }
        merged.putAll(operators);
        return new ProtectionSettings(merged, fallback == null ? base.fallback() : fallback, base.keys());
    }
}
