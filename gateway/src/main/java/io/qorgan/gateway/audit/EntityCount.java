package io.qorgan.gateway.audit;

import io.qorgan.gateway.protect.Operator;

/**
 * How many values of one entity type a request held, and what was done to them before it left.
 *
 * @param count values found
 * @param operator what replaced them ({@link Operator#KEEP} when left as they were), or null when nothing was
 *     forwarded
 */
public record EntityCount(int count, Operator operator) {

    public EntityCount {
        if (count < 0) {
            throw new IllegalArgumentException("count must not be negative");
        }
    }
}
