package io.qorgan.gateway.server;

/** Fired at every client connection when shutdown begins: idle connections close at once. */
enum DrainEvent {
    INSTANCE
}
