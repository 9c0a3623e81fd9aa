package io.qorgan.gateway.dialect;

import java.util.Locale;

/** How a dialect frames a streamed answer. */
public enum Framing {
    /** The dialect does not stream (embeddings). */
    NONE,
    /** Server-Sent Events: {@code event:} and {@code data:} lines, events ended by a blank line. */
    SSE,
    /** One JSON object per line. */
    NDJSON;

    /**
     * The framing an answer's {@code Content-Type} announces: {@code text/event-stream} is SSE,
     * {@code application/x-ndjson} (also {@code application/ndjson}, {@code application/jsonl})
     * is NDJSON, anything else is not a stream.
     */
    public static Framing ofContentType(String contentType) {
        if (contentType == null) {
            return NONE;
        }
        int semi = contentType.indexOf(';');
        String mime = (semi >= 0 ? contentType.substring(0, semi) : contentType)
                .trim()
                .toLowerCase(Locale.ROOT);
        return switch (mime) {
            case "text/event-stream" -> SSE;
            case "application/x-ndjson", "application/ndjson", "application/jsonl", "application/x-jsonlines" -> NDJSON;
            default -> NONE;
        };
    }
}
