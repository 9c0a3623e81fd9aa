/**
 * Forward: bounded pools of keep-alive connections per upstream and event loop, the handler that relays an upstream's
 * answer, and what guards each upstream (circuit breaker, retry budget) and plans an exchange's retries and failover.
 */
package io.qorgan.gateway.upstream;
