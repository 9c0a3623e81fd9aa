package io.qorgan.gateway.protect;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.Optional;

/**
 * What the SSE and NDJSON restorers share: bytes split into lines as they arrive, each line handed
 * to the framing, output collected per call, and fail closed — once an event cannot be restored the
 * stream is broken for good and nothing of the failed event is emitted.
 */
abstract class LineFramedStreamRestorer implements EventStreamRestorer {

    final EventRestorer core;
    private final LineReader reader = new LineReader();
    private ByteArrayOutputStream out;
    private StreamBroken broken;

    LineFramedStreamRestorer(EventRestorer core) {
        this.core = core;
    }

    @Override
    public final byte[] feed(byte[] bytes, int offset, int length) {
        begin(length + 64);
        guarded(() -> reader.feed(bytes, offset, length, this::line));
        return out.toByteArray();
    }

    @Override
    public final byte[] finish() {
        begin(64);
        guarded(() -> end(reader));
        return out.toByteArray();
    }

    @Override
    public final Optional<String> responseId() {
        return Optional.ofNullable(core.responseId());
    }

    /** One complete line of valid UTF-8, without its line ending; {@code buf} is reused after the call. */
    abstract void line(byte[] buf, int len);

    /** The stream ended: what is left in {@code reader} and the restorer decides. */
    abstract void end(LineReader reader);

    final void write(String s) {
        byte[] b = s.getBytes(StandardCharsets.UTF_8);
        out.write(b, 0, b.length);
    }

    final void write(byte[] b, int from, int count) {
        out.write(b, from, count);
    }

    final void write(char ascii) {
        out.write(ascii);
    }

    private void begin(int capacity) {
        if (broken != null) {
            throw broken;
        }
        out = new ByteArrayOutputStream(capacity);
    }

    private void guarded(Runnable step) {
        try {
            step.run();
        } catch (StreamBroken e) {
            broken = e;
            throw e;
        } catch (RuntimeException e) {
            // An event shaped unlike its dialect: fail closed, never emit a half-handled event.
            broken = new StreamBroken("malformed_event", "A stream event could not be restored.");
            throw broken;
        }
    }
}
