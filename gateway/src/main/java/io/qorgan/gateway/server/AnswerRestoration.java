package io.qorgan.gateway.server;

import io.netty.buffer.ByteBuf;
import io.netty.buffer.ByteBufAllocator;
import io.netty.buffer.ByteBufUtil;
import io.netty.buffer.CompositeByteBuf;
import io.netty.buffer.Unpooled;
import io.netty.handler.codec.http.HttpHeaderNames;
import io.netty.handler.codec.http.HttpResponse;
import io.qorgan.gateway.detect.EntityType;
import io.qorgan.gateway.dialect.Dialect;
import io.qorgan.gateway.dialect.Framing;
import io.qorgan.gateway.dialect.ResponsesState;
import io.qorgan.gateway.exchange.Protection;
import io.qorgan.gateway.protect.AnswerScanner;
import io.qorgan.gateway.protect.EventStreamRestorer;
import io.qorgan.gateway.protect.ExchangeVault;
import io.qorgan.gateway.protect.TextRestorer;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * The restore stage of one protected exchange: puts the originals back in place of the
 * placeholders in the answer, and scans the answer for personal data the model wrote itself.
 *
 * <p>A JSON answer is read whole (up to {@code protection.maxAnswerBody}) and restored at once,
 * so its head is sent only with the final length. An SSE or NDJSON stream is restored event by
 * event as it arrives: the restorer holds back only what could still become a placeholder, so
 * the client sees each event as soon as it is safe. Other answers (binary, compressed) pass as
 * they are: they carry no placeholders the gateway could restore.
 *
 * <p>An answer served from the answer cache is restored without the scan: it was scanned when it was stored (restored
 * with the values of the request that stored it) and held no personal data of the model's own, and a hit changes only
 * its placeholders, into this exchange's own values.
 *
 * <p>Not thread-safe: one per exchange, on its event loop. Owns the buffers it accumulates and
 * releases them in {@link #release()}.
 */
final class AnswerRestoration {

    /**
     * How the answer goes: as it came, whole (read, restored and scanned), as a stream (restored event by event), or
     * refused: compressed although the gateway asked for none, so it can be neither restored nor scanned.
     */
    enum Mode {
        PASS,
        WHOLE,
        STREAM,
        COMPRESSED
    }

    private final Protection protection;
    private final Dialect dialect;
    private final ExchangeVault vault;
    private final TextRestorer restorer;
    private final AnswerScanner.Action action;
    /** An empty vault and answers left as they are: read the answer, change nothing. */
    private final boolean observeOnly;
    /** Whether the answer is scanned for personal data the model produced (not for a cached answer). */
    private final boolean scans;

    private Mode mode = Mode.PASS;
    private CompositeByteBuf whole;
    private EventStreamRestorer stream;
    private AnswerScanner.Session scan;
    private Optional<String> responseId = Optional.empty();
    private Map<EntityType, Integer> produced = Map.of();
    private Framing framing = Framing.NONE;

    /** @param scans false for an answer from the answer cache, scanned when it was stored */
    AnswerRestoration(
            Protection protection, Dialect dialect, ExchangeVault vault, AnswerScanner.Action action, boolean scans) {
        this.scans = scans;
        this.protection = protection;
        this.dialect = dialect;
        this.vault = vault;
        this.action = action;
        this.restorer = TextRestorer.of(vault);
        this.observeOnly = vault.isEmpty() && action == AnswerScanner.Action.LEAVE;
    }

    /** Chooses how to handle the answer from its head; adjusts the head's length headers. */
    Mode begin(HttpResponse head) {
        String encoding = head.headers().get(HttpHeaderNames.CONTENT_ENCODING);
        if (encoding != null && !encoding.equalsIgnoreCase("identity")) {
            return mode = Mode.COMPRESSED;
        }
        String type = head.headers().get(HttpHeaderNames.CONTENT_TYPE);
        framing = Framing.ofContentType(type);
        if (framing != Framing.NONE) {
            scan = scans ? protection.answerScanner(action).session(vault) : null;
            stream = EventStreamRestorer.forFraming(dialect, framing, restorer, scan);
            head.headers().remove(HttpHeaderNames.CONTENT_LENGTH);
            return mode = Mode.STREAM;
        }
        if (type != null && type.toLowerCase(Locale.ROOT).contains("json")) {
            whole = Unpooled.compositeBuffer(Integer.MAX_VALUE);
            return mode = Mode.WHOLE;
        }
        return mode = Mode.PASS;
    }

    /**
     * Takes one piece of the answer (ownership passes here) and returns what may be sent now, or
     * null. For {@link Mode#WHOLE}, returns the whole restored body on the last piece.
     *
     * @throws AnswerTooLarge when a whole answer outgrows its limit
     * @throws io.qorgan.gateway.protect.StreamBroken when a stream event cannot be read
     */
    ByteBuf content(ByteBufAllocator alloc, ByteBuf in, boolean last) {
        switch (mode) {
            case WHOLE -> {
                whole.addComponent(true, in);
                if (whole.readableBytes() > protection.config().maxAnswerBytes()) {
                    throw new AnswerTooLarge();
                }
                if (!last) {
                    return null;
                }
                byte[] body = ByteBufUtil.getBytes(whole);
                whole.release();
                whole = null;
                byte[] out;
                if (scans) {
                    AnswerScanner.ScannedAnswer answer =
                            protection.answerScanner(action).restoreAndScan(body, dialect, restorer);
                    produced = answer.counts();
                    out = answer.body();
                } else {
                    out = restorer.restoreAnswer(body, dialect);
                }
                if (dialect == Dialect.OPENAI_RESPONSES) {
                    responseId = ResponsesState.responseId(out);
                }
                return Unpooled.wrappedBuffer(out);
            }
            case STREAM -> {
                byte[] bytes = ByteBufUtil.getBytes(in);
                byte[] out;
                try {
                    out = stream.feed(bytes);
                    if (last) {
                        out = concat(out, stream.finish());
                        produced = scan == null ? Map.of() : scan.counts();
                        responseId = stream.responseId();
                    }
                } catch (RuntimeException e) {
                    in.release();
                    throw e;
                }
                if (observeOnly) {
                    // Nothing to restore or mask: the upstream's bytes go on as they came, event
                    // boundaries included; the restorer only counted what the model produced.
                    return in;
                }
                in.release();
                return out.length == 0 ? null : alloc.buffer(out.length).writeBytes(out);
            }
            default -> {
                return in;
            }
        }
    }

    Mode mode() {
        return mode;
    }

    /** The Responses-API id of the answer, once it ended. */
    Optional<String> responseId() {
        return responseId;
    }

    /** How a streamed answer is framed; {@link Framing#NONE} for a whole one. */
    Framing framing() {
        return framing;
    }

    /** Whether a streamed answer held personal data the model produced itself, in what was restored so far. */
    boolean producedSoFar() {
        return scan != null && scan.producedAny();
    }

    /** Personal data the model produced itself (not from this exchange's vault), by type. */
    Map<EntityType, Integer> produced() {
        return produced;
    }

    void release() {
        if (whole != null) {
            whole.release();
            whole = null;
        }
    }

    private static byte[] concat(byte[] a, byte[] b) {
        if (b.length == 0) {
            return a;
        }
        if (a.length == 0) {
            return b;
        }
        byte[] out = new byte[a.length + b.length];
        System.arraycopy(a, 0, out, 0, a.length);
        System.arraycopy(b, 0, out, a.length, b.length);
        return out;
    }

    /** A whole answer outgrew {@code protection.maxAnswerBody}. */
    static final class AnswerTooLarge extends RuntimeException {
        AnswerTooLarge() {
            super("answer too large", null, false, false);
        }
    }
}
