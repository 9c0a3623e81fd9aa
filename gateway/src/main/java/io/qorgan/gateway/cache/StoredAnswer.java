package io.qorgan.gateway.cache;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;

/**
 * An answer as the upstream sent it — placeholders, never originals — in the form it came: one JSON body, or the
 * bytes of a stream (SSE or NDJSON). This is what is sealed; it exists in clear only while it is stored or served.
 *
 * @param status the HTTP status (2xx)
 * @param contentType the answer's {@code Content-Type}
 * @param streamed whether {@code body} is a stream's events
 * @param body the body, or every event of the stream
 */
record StoredAnswer(int status, String contentType, boolean streamed, byte[] body) {

    byte[] toBytes() {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream(body.length + 64);
        try (DataOutputStream out = new DataOutputStream(bytes)) {
            out.writeShort(status);
            out.writeBoolean(streamed);
            out.writeUTF(contentType);
            out.writeInt(body.length);
            out.write(body);
        } catch (IOException e) {
            throw new UncheckedIOException(e); // writing to memory
        }
        return bytes.toByteArray();
    }

    static StoredAnswer fromBytes(byte[] data) {
        try (DataInputStream in = new DataInputStream(new ByteArrayInputStream(data))) {
            int status = in.readShort();
            boolean streamed = in.readBoolean();
            String type = in.readUTF();
            byte[] body = new byte[in.readInt()];
            in.readFully(body);
            return new StoredAnswer(status, type, streamed, body);
        } catch (IOException e) {
            throw new UncheckedIOException(e); // reading what this class wrote
        }
    }

    @Override
    public String toString() {
        return "StoredAnswer[" + status + ", " + contentType + ", streamed=" + streamed + ", bytes=" + body.length
                + "]";
    }
}
