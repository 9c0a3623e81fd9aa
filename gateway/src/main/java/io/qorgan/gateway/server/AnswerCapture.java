package io.qorgan.gateway.server;

import io.netty.buffer.ByteBuf;
import java.io.ByteArrayOutputStream;

/**
 * A copy of an answer's bytes as the upstream sent them (placeholders, before restoration), for the answer cache: taken
 * piece by piece, without consuming the pieces, up to a limit; past it, the copy is dropped and the answer is not
 * stored. Confined to the exchange's event loop; holds no buffer.
 */
final class AnswerCapture {

    private final int limit;
    private ByteArrayOutputStream bytes = new ByteArrayOutputStream(1024);

    AnswerCapture(int limit) {
        this.limit = limit;
    }

    /** Copies the readable bytes of {@code piece}; its reader index is left as it was. */
    void add(ByteBuf piece) {
        if (bytes == null) {
            return;
        }
        int n = piece.readableBytes();
        if (bytes.size() + n > limit) {
            bytes = null; // too large to store: stop copying
            return;
        }
        byte[] copy = new byte[n];
        piece.getBytes(piece.readerIndex(), copy);
        bytes.writeBytes(copy);
    }

    /** The answer as it came, or null when it outgrew the limit. */
    byte[] bytes() {
        return bytes == null ? null : bytes.toByteArray();
    }
}
