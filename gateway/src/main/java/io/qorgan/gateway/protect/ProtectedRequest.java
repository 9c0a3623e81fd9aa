package io.qorgan.gateway.protect;

import io.qorgan.gateway.detect.EntityType;
import java.util.Map;

/**
 * The outcome of protecting one request: the body to forward, the exchange's vault (keep it for
 * the answer, drop it at the end) and the distinct entities found by type.
 */
public record ProtectedRequest(byte[] body, ExchangeVault vault, Map<EntityType, Integer> counts) {

    /** The value of {@code X-Qorgan-Entities}, e.g. {@code PERSON=2,IIN=1}. */
    public String entitiesHeader() {
        return vault.entitiesHeader();
    }

    @Override
    public String toString() {
        return "ProtectedRequest[bytes=" + body.length + ", entities=" + vault.entitiesHeader() + "]";
    }
}
