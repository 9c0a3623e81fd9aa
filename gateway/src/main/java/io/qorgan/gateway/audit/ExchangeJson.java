package io.qorgan.gateway.audit;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.util.ByteArrayBuilder;
import io.qorgan.gateway.detect.EntityType;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.List;
import java.util.Map;

/**
 * An exchange record's JSON written field by field: byte for byte what the record's data binding writes
 * ({@code ExchangeJsonTest} compares them over every shape of record), in about a third of its time. One record is
 * written per exchange on the trail's writer thread, where the binding's reflection and type handling were a fifth
 * of the writer's work; the other, rare kinds of record keep the binding. Reading is the binding's for every kind.
 */
final class ExchangeJson {

    private ExchangeJson() {}

    static byte[] write(JsonFactory factory, ExchangeRecord r) {
        try (ByteArrayBuilder out = new ByteArrayBuilder(1024)) {
            try (JsonGenerator g = factory.createGenerator(out)) {
                write(g, r);
            }
            return out.toByteArray();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write an exchange record", e);
        }
    }

    private static void write(JsonGenerator g, ExchangeRecord r) throws IOException {
        g.writeStartObject();
        g.writeStringField("type", "exchange");
        g.writeStringField("time", r.time().toString());
        string(g, "requestId", r.requestId());
        string(g, "agency", r.agency());
        string(g, "caller", r.caller());
        name(g, "authMethod", r.authMethod());
        if (r.clientAddress() != null) {
            g.writeStringField("clientAddress", r.clientAddress().getHostAddress());
        }
        string(g, "route", r.route());
        string(g, "upstream", r.upstream());
        name(g, "upstreamClass", r.upstreamClass());
        string(g, "model", r.model());
        name(g, "verdict", r.verdict());
        strings(g, "enforcedRules", r.enforcedRules());
        strings(g, "shadowRules", r.shadowRules());
        g.writeObjectFieldStart("entities");
        for (Map.Entry<EntityType, EntityCount> e : r.entities().entrySet()) {
            g.writeObjectFieldStart(e.getKey().name());
            g.writeNumberField("count", e.getValue().count());
            name(g, "operator", e.getValue().operator());
            g.writeEndObject();
        }
        g.writeEndObject();
        g.writeObjectFieldStart("answerEntities");
        for (Map.Entry<EntityType, Integer> e : r.answerEntities().entrySet()) {
            g.writeNumberField(e.getKey().name(), e.getValue());
        }
        g.writeEndObject();
        string(g, "policyVersion", r.policyVersion());
        name(g, "cache", r.cache());
        g.writeNumberField("status", r.status());
        string(g, "errorCode", r.errorCode());
        g.writeNumberField("bytesIn", r.bytesIn());
        g.writeNumberField("bytesOut", r.bytesOut());
        g.writeObjectFieldStart("times");
        g.writeNumberField("totalMicros", r.times().totalMicros());
        g.writeNumberField("protectionMicros", r.times().protectionMicros());
        g.writeNumberField("upstreamFirstByteMicros", r.times().upstreamFirstByteMicros());
        g.writeNumberField("upstreamTotalMicros", r.times().upstreamTotalMicros());
        g.writeEndObject();
        g.writeEndObject();
    }

    private static void string(JsonGenerator g, String field, String value) throws IOException {
        if (value != null) {
            g.writeStringField(field, value);
        }
    }

    private static void name(JsonGenerator g, String field, Enum<?> value) throws IOException {
        if (value != null) {
            g.writeStringField(field, value.name());
        }
    }

    private static void strings(JsonGenerator g, String field, List<String> values) throws IOException {
        g.writeArrayFieldStart(field);
        for (String v : values) {
            g.writeString(v);
        }
        g.writeEndArray();
    }
}
