package io.qorgan.gateway.server;

/**
 * Stands in the pipeline for a request whose body exceeded the limit, so that its 413 is answered
 * in order with any pipelined request before it.
 */
record OversizedRequest(String requestIdHeader, boolean keepAlive) {}
