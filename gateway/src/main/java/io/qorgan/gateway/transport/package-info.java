/** Sockets and TLS both sides share: the event-loop transport and the TLS contexts of listeners and upstreams. */
package io.qorgan.gateway.transport;
