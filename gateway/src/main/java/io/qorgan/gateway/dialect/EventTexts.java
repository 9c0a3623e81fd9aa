package io.qorgan.gateway.dialect;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.List;

/**
 * Where one dialect's stream events carry text deltas. A delta belongs to a <em>channel</em>
 * (one choice's content, one tool call's arguments, one content block...), named by a key such
 * as {@code choice:0/tool:1}; a channel's deltas concatenate to its whole text. Events are small,
 * so they are handled as Jackson trees. Implementations are stateless and thread-safe.
 */
public interface EventTexts {

    /**
     * One text delta of an event: the object that holds it and its field, so the caller can
     * replace it in place. {@code jsonText} marks deltas that are pieces of JSON source
     * (tool-call arguments), where inserted values must be JSON-escaped.
     */
    record Delta(String channel, ObjectNode holder, String field, boolean jsonText) {

        public String text() {
            return holder.get(field).asText();
        }

        @Override
        public String toString() {
            return "Delta[channel=" + channel + ", field=" + field + ", jsonText=" + jsonText + "]";
        }
    }

    /** The text deltas of {@code event}, in document order; {@code eventType} is the SSE event name or null. */
    List<Delta> deltas(String eventType, ObjectNode event);

    /**
     * Channel-key prefixes whose text is complete once this event arrives ({@code ""} closes
     * every channel): held-back text of those channels must be emitted no later than this event.
     */
    List<String> closes(String eventType, ObjectNode event);

    /**
     * A new delta event shaped like {@code template} (an earlier event that carried a delta of
     * {@code channel}) whose only text is {@code text} on that channel. {@code template} is not changed.
     */
    ObjectNode synthesize(ObjectNode template, String channel, String text);

    /**
     * A reader for this dialect's most common event shape without a tree, or null when the
     * dialect has none; events it does not take go through {@link #deltas} as trees.
     */
    default FlatEvent flatReader() {
        return null;
    }

    /** The numeric field numbering events, renumbered when events are inserted; null when none. */
    default String sequenceField() {
        return null;
    }

    /** For dialects without text deltas: every string of an event is a whole text. */
    EventTexts NONE = new EventTexts() {
        @Override
        public List<Delta> deltas(String eventType, ObjectNode event) {
            return List.of();
        }

        @Override
        public List<String> closes(String eventType, ObjectNode event) {
            return List.of();
        }

        @Override
        public ObjectNode synthesize(ObjectNode template, String channel, String text) {
            throw new IllegalStateException("no text channels");
        }
    };
}
