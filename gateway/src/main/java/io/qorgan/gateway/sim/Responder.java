package io.qorgan.gateway.sim;

import com.fasterxml.jackson.databind.node.ObjectNode;

/** Answers one API's requests. Runs on an event loop: must not block. */
@FunctionalInterface
interface Responder {

    /**
     * @param request the parsed body (an empty object for bodiless requests)
     * @param receivedBytes the size of the raw body, for usage counts
     * @throws BadRequest when the API would refuse the request
     */
    Reply respond(ObjectNode request, int receivedBytes);
}
