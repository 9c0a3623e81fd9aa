/** Forward: bounded pools of keep-alive connections per upstream and event loop, and the handler that relays an upstream's answer. */
package io.qorgan.gateway.upstream;
