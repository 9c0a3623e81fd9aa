package io.qorgan.gateway.dialect;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.core.StreamReadFeature;
import java.io.IOException;
import java.util.Optional;

/**
 * The fields of an OpenAI Responses exchange that decide whether its vault must outlive it:
 * {@code previous_response_id} and {@code store} of the request, {@code id} of the answer. Reads
 * top-level fields only, skipping nested values; a body it cannot read yields empty (the
 * rewrite refuses such a body anyway). Thread-safe.
 */
public final class ResponsesState {

    private static final JsonFactory FACTORY = JsonFactory.builder()
            .disable(StreamReadFeature.INCLUDE_SOURCE_IN_LOCATION)
            .build();

    private ResponsesState() {}

    /** The request's {@code previous_response_id}, when it continues a stored conversation. */
    public static Optional<String> previousResponseId(byte[] requestBody) {
        return topLevelString(requestBody, "previous_response_id");
    }

    /** Whether the upstream keeps this exchange for a later turn: {@code store} defaults to true. */
    public static boolean stores(byte[] requestBody) {
        try (JsonParser p = FACTORY.createParser(requestBody)) {
            if (p.nextToken() != JsonToken.START_OBJECT) {
                return true;
            }
            while (p.nextToken() == JsonToken.FIELD_NAME) {
                String name = p.currentName();
                JsonToken value = p.nextToken();
                if (name.equals("store")) {
                    return value != JsonToken.VALUE_FALSE;
                }
                p.skipChildren();
            }
        } catch (IOException e) {
            return true;
        }
        return true;
    }

    /** The {@code id} of a non-streamed Responses answer (streams: {@code EventStreamRestorer.responseId()}). */
    public static Optional<String> responseId(byte[] answerBody) {
        return topLevelString(answerBody, "id");
    }

    private static Optional<String> topLevelString(byte[] body, String field) {
        try (JsonParser p = FACTORY.createParser(body)) {
            if (p.nextToken() != JsonToken.START_OBJECT) {
                return Optional.empty();
            }
            while (p.nextToken() == JsonToken.FIELD_NAME) {
                String name = p.currentName();
                JsonToken value = p.nextToken();
                if (name.equals(field) && value == JsonToken.VALUE_STRING) {
                    return Optional.of(p.getText());
                }
                p.skipChildren();
            }
        } catch (IOException e) {
            return Optional.empty();
        }
        return Optional.empty();
    }
}
