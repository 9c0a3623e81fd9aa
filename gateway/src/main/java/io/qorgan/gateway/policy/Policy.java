package io.qorgan.gateway.policy;

import io.qorgan.gateway.detect.EntityType;
import io.qorgan.gateway.protect.Operator;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;

/**
 * One agency's effective policy, inheritance resolved.
 *
 * @param upstreams the upstreams the agency may use, or null when the policy does not restrict them
 * @param entities  per entity type, per class: the action (missing: {@code defaults})
 * @param defaults  per class: the action for types not listed (missing: the route's protection decides)
 * @param usage     the agency's and its callers' limits of requests, concurrency and tokens
 */
record Policy(
        String name,
        String label,
        String description,
        boolean shadow,
        Map<String, Grant> upstreams,
        Map<EntityType, Map<DataClass, EntityAction>> entities,
        Map<DataClass, EntityAction> defaults,
        List<Rule> rules,
        ContentRules content,
        AnswerAction answers,
        long maxEntities,
        long maxRequestBytes,
        CacheSection cache,
        UsageLimits usage) {

    /** An upstream an agency may use. {@code models} holds patterns with {@code *}; empty means any model. */
    record Grant(DataClass dataClass, List<String> models) {

        boolean restrictsModels() {
            return !models.isEmpty();
        }

        boolean allows(String model) {
            if (models.isEmpty()) {
                return true;
            }
            for (String pattern : models) {
                if (glob(pattern, model)) {
                    return true;
                }
            }
            return false;
        }

        private static boolean glob(String pattern, String value) {
            int star = pattern.indexOf('*');
            if (star < 0) {
                return pattern.equals(value);
            }
            String head = pattern.substring(0, star);
            String rest = pattern.substring(star + 1);
            if (!value.startsWith(head)) {
                return false;
            }
            for (int i = head.length(); i <= value.length(); i++) {
                if (glob(rest, value.substring(i))) {
                    return true;
                }
            }
            return false;
        }
    }

    /** The class of an upstream for this agency: as listed, else external. */
    DataClass classOf(String upstream) {
        Grant g = upstreams == null ? null : upstreams.get(upstream);
        return g == null ? DataClass.EXTERNAL : g.dataClass();
    }

    EntityAction action(EntityType type, DataClass dataClass) {
        Map<DataClass, EntityAction> perClass = entities.get(type);
        EntityAction a = perClass == null ? null : perClass.get(dataClass);
        return a != null ? a : defaults.get(dataClass);
    }

    /** The operators this policy names for a class (types it lists, or every type when it has a default). */
    Map<EntityType, Operator> operators(DataClass dataClass) {
        Map<EntityType, Operator> out = new EnumMap<>(EntityType.class);
        for (EntityType type : EntityType.values()) {
            Map<DataClass, EntityAction> perClass = entities.get(type);
            EntityAction a = perClass == null ? null : perClass.get(dataClass);
            if (a != null) {
                out.put(type, a.operator());
            }
        }
        return out;
    }

    /** The operator for types this policy does not list, or null when it leaves them to the route. */
    Operator defaultOperator(DataClass dataClass) {
        EntityAction a = defaults.get(dataClass);
        return a == null ? null : a.operator();
    }
}
