package io.qorgan.gateway.audit;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationContext;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonDeserializer;
import com.fasterxml.jackson.databind.JsonSerializer;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.ObjectReader;
import com.fasterxml.jackson.databind.ObjectWriter;
import com.fasterxml.jackson.databind.SerializerProvider;
import com.fasterxml.jackson.databind.module.SimpleModule;
import java.io.IOException;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.time.Instant;
import java.time.format.DateTimeParseException;

/**
 * Records as JSON, the plaintext that is sealed into a segment and stored in the index. Times are ISO-8601 instants;
 * addresses are written as IP literals and read back only as literals (never a name lookup). Thread-safe.
 */
final class RecordCodec {

    private static final ObjectMapper MAPPER = mapper();
    private static final ObjectWriter WRITER = MAPPER.writerFor(AuditRecord.class);
    private static final ObjectReader READER = MAPPER.readerFor(AuditRecord.class);

    private RecordCodec() {}

    static byte[] write(AuditRecord record) {
        try {
            return WRITER.writeValueAsBytes(record);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(
                    "cannot write a " + record.getClass().getSimpleName(), e);
        }
    }

    static String writeString(AuditRecord record) {
        try {
            return WRITER.writeValueAsString(record);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(
                    "cannot write a " + record.getClass().getSimpleName(), e);
        }
    }

    /** @throws IOException when the bytes are not a record */
    static AuditRecord read(byte[] json) throws IOException {
        return READER.readValue(json);
    }

    static AuditRecord read(String json) throws IOException {
        return READER.readValue(json);
    }

    private static ObjectMapper mapper() {
        SimpleModule module = new SimpleModule("qorgan-audit");
        module.addSerializer(Instant.class, new JsonSerializer<>() {
            @Override
            public void serialize(Instant value, JsonGenerator out, SerializerProvider provider) throws IOException {
                out.writeString(value.toString());
            }
        });
        module.addDeserializer(Instant.class, new JsonDeserializer<>() {
            @Override
            public Instant deserialize(JsonParser in, DeserializationContext context) throws IOException {
                try {
                    return Instant.parse(in.getValueAsString());
                } catch (DateTimeParseException | NullPointerException e) {
                    return (Instant) context.handleWeirdStringValue(Instant.class, in.getText(), "not an instant");
                }
            }
        });
        module.addSerializer(InetAddress.class, new JsonSerializer<>() {
            @Override
            public void serialize(InetAddress value, JsonGenerator out, SerializerProvider provider)
                    throws IOException {
                out.writeString(value.getHostAddress());
            }
        });
        module.addDeserializer(InetAddress.class, new JsonDeserializer<>() {
            @Override
            public InetAddress deserialize(JsonParser in, DeserializationContext context) throws IOException {
                String text = in.getValueAsString();
                if (text == null || !isLiteral(text)) {
                    return null;
                }
                try {
                    return InetAddress.getByName(text);
                } catch (UnknownHostException e) {
                    return null;
                }
            }
        });
        return new ObjectMapper()
                .registerModule(module)
                .setSerializationInclusion(JsonInclude.Include.NON_NULL)
                .disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES);
    }

    /** An IPv4 literal (digits and dots) or an IPv6 one (hex, colons, dots, a zone), so getByName never asks DNS. */
    private static boolean isLiteral(String text) {
        if (text.isEmpty() || text.length() > 64) {
            return false;
        }
        boolean v6 = text.indexOf(':') >= 0;
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            boolean ok = (c >= '0' && c <= '9')
                    || c == '.'
                    || (v6 && ((c >= 'a' && c <= 'f') || (c >= 'A' && c <= 'F') || c == ':' || c == '%'));
            if (!ok) {
                return false;
            }
        }
        return true;
    }
}
