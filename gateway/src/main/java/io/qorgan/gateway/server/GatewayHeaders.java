package io.qorgan.gateway.server;

import io.netty.util.AsciiString;

/** Header names the gateway reads or writes itself. */
public final class GatewayHeaders {

    public static final AsciiString REQUEST_ID = AsciiString.cached("x-request-id");
    public static final AsciiString FORWARDED_FOR = AsciiString.cached("x-forwarded-for");
    public static final AsciiString FORWARDED_PROTO = AsciiString.cached("x-forwarded-proto");
    public static final AsciiString FORWARDED = AsciiString.cached("forwarded");

    private GatewayHeaders() {}
}
