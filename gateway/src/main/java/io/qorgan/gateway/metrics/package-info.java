/** Metrics: the Prometheus registry and the name of every metric the gateway exports. */
package io.qorgan.gateway.metrics;
