package io.qorgan.gateway.sim;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

/** {@code GET /v1/models}: a short fixed list in OpenAI's shape. */
final class ModelsResponder implements Responder {

    private final byte[] body;

    ModelsResponder() {
        ObjectNode list = Json.object().put("object", "list");
        ArrayNode data = list.putArray("data");
        data.addObject()
                .put("id", "gpt-4o-mini")
                .put("object", "model")
                .put("created", 1721172741L)
                .put("owned_by", "system");
        data.addObject()
                .put("id", "gpt-4o")
                .put("object", "model")
                .put("created", 1715367049L)
                .put("owned_by", "system");
        body = Json.bytes(list);
    }

    @Override
    public Reply respond(ObjectNode request, int receivedBytes) {
        return Reply.json(body);
    }
}
