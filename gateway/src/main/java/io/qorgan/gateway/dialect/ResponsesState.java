package io.qorgan.gateway.dialect;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.core.StreamReadFeature;
import java.io.IOException;
import java.util.Optional;

/**
 * The {@code id} of an OpenAI Responses answer, under which its vault is kept for the next turn (the request's
 * {@code previous_response_id} and {@code store} are read with its other top-level fields, {@link RequestFacts}).
 * Reads top-level fields only, skipping nested values; an answer it cannot read yields empty. Thread-safe.
 */
public final class ResponsesState {

    private static final JsonFactory FACTORY = JsonFactory.builder()
            .disable(StreamReadFeature.INCLUDE_SOURCE_IN_LOCATION)
            .build();

    private ResponsesState() {}

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
