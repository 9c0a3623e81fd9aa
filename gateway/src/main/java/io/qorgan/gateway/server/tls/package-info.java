/** TLS for listeners and upstreams: Netty SslContexts, certificate reload, handshake failure reasons. */
package io.qorgan.gateway.server.tls;
