package io.qorgan.gateway.server;

import io.netty.buffer.ByteBuf;
import io.netty.buffer.ByteBufAllocator;
import io.netty.buffer.ByteBufUtil;
import io.netty.buffer.CompositeByteBuf;
import io.netty.buffer.Unpooled;
import io.netty.handler.codec.http.HttpHeaderNames;
import io.netty.handler.codec.http.HttpResponse;
import io.netty.handler.codec.http.HttpUtil;
import io.qorgan.gateway.detect.EntityType;
import io.qorgan.gateway.dialect.Dialect;
import io.qorgan.gateway.dialect.Framing;
import io.qorgan.gateway.dialect.ResponsesState;
import io.qorgan.gateway.dialect.Utf8;
import io.qorgan.gateway.exchange.Protection;
import io.qorgan.gateway.protect.AnswerScanner;
import io.qorgan.gateway.protect.EventStreamRestorer;
import io.qorgan.gateway.protect.ExchangeVault;
import io.qorgan.gateway.protect.TextRestorer;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.Charset;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * The restore stage of one protected exchange: puts the originals back in place of the
 * placeholders in the answer, and scans the answer for personal data the model wrote itself.
 *
 * <p>A JSON answer is read whole (up to {@code protection.maxAnswerBody}) and restored at once,
 * so its head is sent only with the final length; so is a text answer ({@code text/*} such as
 * {@code text/plain} or {@code text/html}, XML, YAML, JavaScript, form data), restored and scanned as one text in
 * its charset and sent on in UTF-8, and an answer without a {@code Content-Type} that reads as UTF-8. An SSE or
 * NDJSON stream is restored event by event as it arrives: the restorer holds back only what could still become a
 * placeholder, so the client sees each event as soon as it is safe. Binary answers (images, audio, video, PDF,
 * archives, {@code application/octet-stream}: any other type) pass as they are: they carry no text the gateway
 * could restore.
 *
 * <p>An answer that is not what its head says is refused, never relayed: compressed although it names no
 * {@code Content-Encoding} (gzip or zstd magic bytes at its start: {@code compressed_answer}), or not text in its
 * charset ({@code unreadable_answer}); a whole answer with 502, a stream by cutting the connection.
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

    /** How a whole answer is read: as JSON, as one text, or as JSON or text when it turns out to be UTF-8. */
    private enum Body {
        JSON,
        TEXT,
        SNIFFED
    }

    /** Types of text outside {@code text/*} (and XML's {@code +xml}): restored and scanned as one text. */
    private static final Set<String> TEXT_TYPES = Set.of(
            "application/xml",
            "application/yaml",
            "application/x-yaml",
            "application/javascript",
            "application/x-www-form-urlencoded");

    private final Protection protection;
    private final Dialect dialect;
    private final ExchangeVault vault;
    private final TextRestorer restorer;
    private final AnswerScanner.Action action;
    /** An empty vault and answers left as they are: read the answer, change nothing. */
    private final boolean observeOnly;
    /** Whether the answer is scanned for personal data the model produced (not for a cached answer). */
    /** The action's scanner, or one that only restores. */
    private final AnswerScanner scanner;

    private Mode mode = Mode.PASS;
    private Body body;
    /** The charset of a text answer; the restored text goes on in UTF-8, and the head says so. */
    private Charset charset;

    private HttpResponse head;
    private boolean started;
    private CompositeByteBuf whole;
    private EventStreamRestorer stream;
    private AnswerScanner.Session scan;
    private Optional<String> responseId = Optional.empty();
    private Map<EntityType, Integer> produced = Map.of();
    private Framing framing = Framing.NONE;

    /** @param scans false for an answer from the answer cache, scanned when it was stored */
    AnswerRestoration(
            Protection protection, Dialect dialect, ExchangeVault vault, AnswerScanner.Action action, boolean scans) {
        this.scanner = scans ? protection.answerScanner(action) : AnswerScanner.RESTORE_ONLY;
        this.protection = protection;
        this.dialect = dialect;
        this.vault = vault;
        this.action = action;
        this.restorer = TextRestorer.of(vault);
        this.observeOnly = vault.isEmpty() && action == AnswerScanner.Action.LEAVE;
    }

    /** Chooses how to handle the answer from its head; adjusts the head's length headers. */
    Mode begin(HttpResponse head) {
        this.head = head;
        String encoding = head.headers().get(HttpHeaderNames.CONTENT_ENCODING);
        if (encoding != null && !encoding.equalsIgnoreCase("identity")) {
            return mode = Mode.COMPRESSED;
        }
        String type = head.headers().get(HttpHeaderNames.CONTENT_TYPE);
        framing = Framing.ofContentType(type);
        if (framing != Framing.NONE) {
            scan = scanner.session(vault);
            stream = EventStreamRestorer.forFraming(dialect, framing, restorer, scan);
            head.headers().remove(HttpHeaderNames.CONTENT_LENGTH);
            return mode = Mode.STREAM;
        }
        body = bodyOf(type);
        if (body == null) {
            return mode = Mode.PASS;
        }
        whole = Unpooled.compositeBuffer(Integer.MAX_VALUE);
        return mode = Mode.WHOLE;
    }

    /** How a whole answer of this type is read; null for a binary one, which passes as it came. */
    private Body bodyOf(String type) {
        if (type == null || type.isBlank()) {
            return Body.SNIFFED;
        }
        int semi = type.indexOf(';');
        String mime = (semi >= 0 ? type.substring(0, semi) : type).trim().toLowerCase(Locale.ROOT);
        if (mime.contains("json")) {
            return Body.JSON;
        }
        if (mime.startsWith("text/") || mime.endsWith("+xml") || TEXT_TYPES.contains(mime)) {
            charset = charsetOf(type);
            return Body.TEXT;
        }
        return null;
    }

    /** The charset a text type names (UTF-8 when none); null when Java does not know it: the text cannot be read. */
    private static Charset charsetOf(String type) {
        CharSequence name = HttpUtil.getCharsetAsSequence(type);
        if (name == null) {
            return StandardCharsets.UTF_8;
        }
        try {
            return Charset.forName(name.toString().trim().replace("\"", ""));
        } catch (IllegalArgumentException unknown) {
            return null;
        }
    }

    /**
     * Takes one piece of the answer (ownership passes here) and returns what may be sent now, or
     * null. For {@link Mode#WHOLE}, returns the whole restored body on the last piece.
     *
     * @throws AnswerRefused when a whole answer outgrows its limit, or an answer is not what its head says
     * @throws io.qorgan.gateway.protect.StreamBroken when a stream event cannot be read
     */
    ByteBuf content(ByteBufAllocator alloc, ByteBuf in, boolean last) {
        switch (mode) {
            case WHOLE -> {
                whole.addComponent(true, in);
                if (whole.readableBytes() > protection.config().maxAnswerBytes()) {
                    throw AnswerRefused.tooLarge();
                }
                if (!last) {
                    return null;
                }
                byte[] bytes = ByteBufUtil.getBytes(whole);
                whole.release();
                whole = null;
                return Unpooled.wrappedBuffer(whole(bytes));
            }
            case STREAM -> {
                if (!started && in.isReadable()) {
                    started = true;
                    if (compressed(ByteBufUtil.getBytes(in, in.readerIndex(), Math.min(4, in.readableBytes())))) {
                        in.release();
                        throw AnswerRefused.compressed();
                    }
                }
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

    /** A whole answer restored and scanned: as JSON, as one text, or as it came (binary without a type). */
    private byte[] whole(byte[] bytes) {
        if (compressed(bytes)) {
            throw AnswerRefused.compressed();
        }
        if (body == Body.TEXT) {
            return text(bytes);
        }
        if (!Utf8.isValid(bytes, 0, bytes.length)) {
            if (body == Body.JSON) {
                throw AnswerRefused.unreadable();
            }
            return bytes; // no type and not text: binary, which holds no original (the upstream never saw one)
        }
        AnswerScanner.ScannedAnswer answer = scanner.restoreAndScan(bytes, dialect, restorer);
        produced = answer.counts();
        byte[] out = answer.body();
        if (dialect == Dialect.OPENAI_RESPONSES) {
            responseId = ResponsesState.responseId(out);
        }
        return out;
    }

    /** A text answer in its charset, restored and scanned as one text, on its way in UTF-8. */
    private byte[] text(byte[] bytes) {
        if (charset == null) {
            throw AnswerRefused.unreadable(); // a charset Java does not know
        }
        String text;
        try {
            text = charset.newDecoder()
                    .onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT)
                    .decode(ByteBuffer.wrap(bytes))
                    .toString();
        } catch (CharacterCodingException e) {
            throw AnswerRefused.unreadable();
        }
        AnswerScanner.ScannedAnswer answer = scanner.restoreAndScanText(text, restorer);
        produced = answer.counts();
        byte[] out = answer.body();
        if (!charset.equals(StandardCharsets.UTF_8) && !charset.equals(StandardCharsets.US_ASCII)) {
            String type = head.headers().get(HttpHeaderNames.CONTENT_TYPE);
            head.headers().set(HttpHeaderNames.CONTENT_TYPE, utf8(type));
        }
        return out;
    }

    /** The type with its charset parameter said as UTF-8. */
    private static String utf8(String type) {
        int at = type.toLowerCase(Locale.ROOT).indexOf("charset=");
        int end = type.indexOf(';', at);
        return type.substring(0, at) + "charset=utf-8" + (end < 0 ? "" : type.substring(end));
    }

    /**
     * Whether an answer starts as a gzip stream (1F 8B) or a zstd frame (28 B5 2F FD) does: compressed, though its
     * head names no encoding. No JSON or text starts so.
     */
    private static boolean compressed(byte[] b) {
        if (b.length >= 2 && (b[0] & 0xFF) == 0x1F && (b[1] & 0xFF) == 0x8B) {
            return true;
        }
        return b.length >= 4
                && (b[0] & 0xFF) == 0x28
                && (b[1] & 0xFF) == 0xB5
                && (b[2] & 0xFF) == 0x2F
                && (b[3] & 0xFF) == 0xFD;
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

    /**
     * An answer the gateway will not pass on: a whole one outgrew {@code protection.maxAnswerBody}, or an answer is
     * not what its head says. {@link #code()} is stable; the message is safe to show, never content.
     */
    static final class AnswerRefused extends RuntimeException {
        private final String code;

        private AnswerRefused(String code, String message) {
            super(message, null, false, false);
            this.code = code;
        }

        static AnswerRefused tooLarge() {
            return new AnswerRefused(
                    "answer_too_large", "The upstream's answer could not be restored (answer_too_large)");
        }

        static AnswerRefused compressed() {
            return new AnswerRefused(
                    "compressed_answer",
                    "The upstream compressed its answer although the gateway asked for none; it cannot be restored");
        }

        static AnswerRefused unreadable() {
            return new AnswerRefused(
                    "unreadable_answer",
                    "The upstream's answer is not the text its Content-Type says; it cannot be restored");
        }

        String code() {
            return code;
        }
    }
}
