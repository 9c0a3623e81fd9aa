/** Per-request state: one exchange from a complete request to the end of its answer. */
package io.qorgan.gateway.exchange;
