package io.qorgan.gateway.dialect;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.core.StreamReadFeature;
import java.io.IOException;
import java.util.HashSet;
import java.util.Set;

/**
 * The top-level fields of a JSON request body that decisions read: the model the upstream will serve, whether the
 * answer streams, whether a Responses-API turn is stored and which one it continues, the sampling temperature. Read
 * once, by one parser, before anything is decided, on every route.
 *
 * <p>A top-level key given twice is refused ({@code duplicate_key}): parsers disagree on which of the two counts
 * (Jackson's tree keeps the last, streaming readers see the first), so the gateway could judge one model while the
 * upstream serves the other. A body that is not a JSON object gives {@link #NOT_JSON}: nothing is known of it, and
 * whoever needs a field decides what that means (the model allow-list refuses it).
 *
 * @param json whether the body is a JSON object
 * @param model the {@code model} when it is a string, else null
 * @param modelField what the body holds under {@code model}
 * @param stream {@code stream}, or null when absent or not a boolean
 * @param store {@code store}, or null when absent or not a boolean
 * @param previousResponseId {@code previous_response_id} when it is a string, else null
 * @param temperature {@code temperature} when it is a number, else null
 */
public record RequestFacts(
        boolean json,
        String model,
        ModelField modelField,
        Boolean stream,
        Boolean store,
        String previousResponseId,
        Double temperature) {

    /** What a body holds under {@code model}. */
    public enum ModelField {
        /** There is no body to hold it. */
        NO_BODY,
        /** The body is not a JSON object, or it was not read. */
        UNKNOWN,
        ABSENT,
        STRING,
        /** null, a number, an array or an object: no model an allow-list could accept. */
        NOT_A_STRING
    }

    /** A request without a body. */
    public static final RequestFacts NO_BODY =
            new RequestFacts(false, null, ModelField.NO_BODY, null, null, null, null);

    /** A body that is not a JSON object, or that nobody needed to read. */
    public static final RequestFacts NOT_JSON =
            new RequestFacts(false, null, ModelField.UNKNOWN, null, null, null, null);

    private static final JsonFactory FACTORY = JsonFactory.builder()
            .disable(StreamReadFeature.INCLUDE_SOURCE_IN_LOCATION)
            .build();

    /** Whether the upstream keeps this Responses-API turn for a later one: {@code store} defaults to true. */
    public boolean stores() {
        return store == null || store;
    }

    /**
     * Reads the top level of {@code body} (null or empty: {@link #NO_BODY}); nested values are skipped, not read.
     *
     * @throws BodyRejected ({@code duplicate_key}) when a top-level key is given twice
     */
    public static RequestFacts read(byte[] body) {
        if (body == null || body.length == 0) {
            return NO_BODY;
        }
        String model = null;
        ModelField modelField = ModelField.ABSENT;
        Boolean stream = null;
        Boolean store = null;
        String previous = null;
        Double temperature = null;
        Set<String> seen = new HashSet<>();
        try (JsonParser p = FACTORY.createParser(body)) {
            if (p.nextToken() != JsonToken.START_OBJECT) {
                return NOT_JSON;
            }
            JsonToken t;
            while ((t = p.nextToken()) == JsonToken.FIELD_NAME) {
                String name = p.currentName();
                if (!seen.add(name)) {
                    throw new BodyRejected(BodyRejected.Reason.DUPLICATE_KEY);
                }
                JsonToken value = p.nextToken();
                switch (name) {
                    case "model" -> {
                        modelField = value == JsonToken.VALUE_STRING ? ModelField.STRING : ModelField.NOT_A_STRING;
                        model = value == JsonToken.VALUE_STRING ? p.getText() : null;
                    }
                    case "stream" -> stream = bool(value);
                    case "store" -> store = bool(value);
                    case "previous_response_id" -> previous = value == JsonToken.VALUE_STRING ? p.getText() : null;
                    case "temperature" -> temperature = value.isNumeric() ? p.getDoubleValue() : null;
                    default -> {}
                }
                p.skipChildren();
            }
            if (t != JsonToken.END_OBJECT) {
                return NOT_JSON;
            }
        } catch (IOException e) {
            return NOT_JSON; // what cannot be read is refused by whoever must read it, with its own reason
        }
        return new RequestFacts(true, model, modelField, stream, store, previous, temperature);
    }

    private static Boolean bool(JsonToken value) {
        return value == JsonToken.VALUE_TRUE ? Boolean.TRUE : value == JsonToken.VALUE_FALSE ? Boolean.FALSE : null;
    }
}
