package io.qorgan.gateway.upstream;

import io.netty.handler.codec.http.HttpContent;
import io.netty.handler.codec.http.HttpResponse;

/**
 * What the frontend hears from an upstream connection during one exchange. All calls come on the
 * connection's event loop, which is the client channel's own. Ownership of each message passes to
 * the listener, which must release it.
 */
public interface UpstreamListener {

    void onResponseHead(HttpResponse head);

    /** A piece of the body as it arrived; {@code last} marks the end of the answer. */
    void onResponseContent(HttpContent content, boolean last);

    /** The upstream finished a read burst: a good moment to flush what was written. */
    void onReadComplete();

    /** The exchange failed on the upstream side; the connection is already closed. */
    void onFailure(UpstreamFailure failure);
}
