package io.qorgan.gateway.protect;

import io.qorgan.gateway.dialect.Dialect;
import io.qorgan.gateway.dialect.Framing;
import java.util.Optional;

/**
 * Restores a streamed answer (SSE or NDJSON) from raw bytes as they arrive, split anywhere (mid
 * line, mid UTF-8 sequence). Complete events are parsed, their text deltas restored per channel,
 * and re-serialised valid for the dialect; text that could still be a placeholder is held back
 * and emitted in a later event of the same channel, or in a synthetic delta event of the same
 * shape just before the event that closes the channel.
 *
 * <p>Not thread-safe; one per stream. After a {@link StreamBroken} every call throws it again.
 */
public interface EventStreamRestorer {

    /** Takes the next bytes of the upstream stream; returns the bytes to send on (possibly none). */
    byte[] feed(byte[] bytes, int offset, int length);

    default byte[] feed(byte[] bytes) {
        return feed(bytes, 0, bytes.length);
    }

    /**
     * The upstream stream ended: returns the last bytes to send (held-back text in synthetic
     * events).
     *
     * @throws StreamBroken when the stream ended inside an event (nothing of it is emitted)
     */
    byte[] finish();

    /** The OpenAI Responses {@code response.id} seen in the stream, for {@link ConversationVaults}. */
    Optional<String> responseId();

    /** The restorer for {@code dialect}'s framing. */
    static EventStreamRestorer forDialect(Dialect dialect, TextRestorer restorer) {
        return forDialect(dialect, restorer, null);
    }

    /**
     * As {@link #forDialect(Dialect, TextRestorer)}, also handing every restored delta to
     * {@code answerScan} (may be null) to count personal data the model produced.
     */
    static EventStreamRestorer forDialect(Dialect dialect, TextRestorer restorer, AnswerScanner.Session answerScan) {
        return forFraming(dialect, dialect.framing(), restorer, answerScan);
    }

    /**
     * A restorer for an answer framed as {@code framing} (take it from the answer's content type,
     * {@link Framing#ofContentType}); the dialect says where text deltas are. A dialect without
     * text deltas ({@link Dialect#GENERIC_JSON}) restores every string of each event whole, so a
     * placeholder split across two of its events is not restored.
     *
     * @throws IllegalArgumentException for {@link Framing#NONE}
     */
    static EventStreamRestorer forFraming(
            Dialect dialect, Framing framing, TextRestorer restorer, AnswerScanner.Session answerScan) {
        EventRestorer core = new EventRestorer(dialect.eventTexts(), restorer, answerScan);
        return switch (framing) {
            case SSE -> new SseStreamRestorer(core);
            case NDJSON -> new NdjsonStreamRestorer(core);
            case NONE -> throw new IllegalArgumentException("not a stream framing for " + dialect);
        };
    }
}
