package io.qorgan.gateway.sim;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;

/**
 * Embeddings: OpenAI's {@code POST /v1/embeddings} (float arrays, or little-endian float32 in
 * base64 with {@code "encoding_format": "base64"}) and Ollama's {@code POST /api/embed} and
 * {@code POST /api/embeddings}. Each input gets a deterministic unit vector from SHA-256 of its
 * text, 8 values or {@code dimensions}: the same text always gives the same vector, so a test can
 * tell which text arrived.
 */
final class EmbeddingsResponder implements Responder {

    /** Which API's shape to answer in. */
    enum Kind {
        OPENAI,
        OLLAMA_EMBED,
        OLLAMA_EMBEDDINGS
    }

    private static final int DEFAULT_DIMENSIONS = 8;
    private static final int MAX_DIMENSIONS = 4096;

    private final Kind kind;

    EmbeddingsResponder(Kind kind) {
        this.kind = kind;
    }

    @Override
    public Reply respond(ObjectNode request, int receivedBytes) {
        int dims = dimensions(request);
        if (kind != Kind.OPENAI && request.path("model").asText("").isEmpty()) {
            throw new BadRequest("model is required", null);
        }
        return switch (kind) {
            case OPENAI -> openAi(request, dims);
            case OLLAMA_EMBED -> ollamaEmbed(request, dims, receivedBytes);
            case OLLAMA_EMBEDDINGS -> {
                ObjectNode body = Json.object();
                body.set("embedding", floats(vector(request.path("prompt").asText(""), dims)));
                yield Reply.json(Json.bytes(body));
            }
        };
    }

    private static Reply openAi(ObjectNode request, int dims) {
        List<String> inputs = openAiInputs(request.get("input"));
        boolean base64 = "base64".equals(request.path("encoding_format").asText(null));
        ObjectNode body = Json.object().put("object", "list");
        ArrayNode data = body.putArray("data");
        int tokens = 0;
        for (int i = 0; i < inputs.size(); i++) {
            float[] v = vector(inputs.get(i), dims);
            ObjectNode item = data.addObject().put("object", "embedding").put("index", i);
            if (base64) {
                item.put("embedding", base64(v));
            } else {
                item.set("embedding", floats(v));
            }
            tokens += ReplyContext.tokens(inputs.get(i).length());
        }
        body.put("model", request.path("model").asText("text-embedding-3-small"));
        body.putObject("usage").put("prompt_tokens", tokens).put("total_tokens", tokens);
        return Reply.json(Json.bytes(body));
    }

    private static Reply ollamaEmbed(ObjectNode request, int dims, int receivedBytes) {
        JsonNode input = request.path("input");
        List<String> inputs = new ArrayList<>();
        if (input.isTextual()) {
            inputs.add(input.textValue());
        } else if (input.isArray()) {
            input.forEach(x -> inputs.add(x.asText()));
        }
        ObjectNode body = Json.object().put("model", request.path("model").asText());
        ArrayNode embeddings = body.putArray("embeddings");
        inputs.forEach(t -> embeddings.add(floats(vector(t, dims))));
        long loadNanos = 21_500_000L;
        int promptCount = ReplyContext.tokens(receivedBytes);
        return Reply.json(Json.bytes(body.put("total_duration", loadNanos + promptCount * 250_000L)
                .put("load_duration", loadNanos)
                .put("prompt_eval_count", promptCount)));
    }

    /** OpenAI's {@code input}: a string, strings, one token array, or token arrays. */
    private static List<String> openAiInputs(JsonNode input) {
        List<String> inputs = new ArrayList<>();
        if (input != null && input.isTextual()) {
            inputs.add(input.textValue());
        } else if (input != null && input.isArray() && !input.isEmpty()) {
            boolean tokenArray = true;
            for (JsonNode x : input) {
                tokenArray &= x.isNumber();
            }
            if (tokenArray) {
                inputs.add(Json.string(input));
            } else {
                input.forEach(x -> inputs.add(x.isTextual() ? x.textValue() : Json.string(x)));
            }
        } else {
            throw new BadRequest("Missing required parameter: 'input'.", "missing_required_parameter");
        }
        return inputs;
    }

    private static int dimensions(ObjectNode request) {
        JsonNode d = request.get("dimensions");
        return d != null
                        && d.canConvertToInt()
                        && d.isIntegralNumber()
                        && d.intValue() > 0
                        && d.intValue() <= MAX_DIMENSIONS
                ? d.intValue()
                : DEFAULT_DIMENSIONS;
    }

    /**
     * A unit vector for a text: SHA-256 of {@code "<block>\0<text>"} gives eight 32-bit
     * little-endian words per block, each mapped to [-1, 1), then the vector is normalised.
     */
    static float[] vector(String text, int dims) {
        MessageDigest sha256;
        try {
            sha256 = MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is part of every Java runtime", e);
        }
        double[] raw = new double[dims];
        ByteBuffer digest = null;
        int block = 0;
        for (int i = 0; i < dims; i++) {
            if (digest == null || !digest.hasRemaining()) {
                sha256.update((block++ + "\0" + text).getBytes(StandardCharsets.UTF_8));
                digest = ByteBuffer.wrap(sha256.digest()).order(ByteOrder.LITTLE_ENDIAN);
            }
            raw[i] = Integer.toUnsignedLong(digest.getInt()) / 2147483648.0 - 1.0;
        }
        double norm = 0;
        for (double v : raw) {
            norm += v * v;
        }
        norm = norm == 0 ? 1 : Math.sqrt(norm);
        float[] out = new float[dims];
        for (int i = 0; i < dims; i++) {
            out[i] = (float) (raw[i] / norm);
        }
        return out;
    }

    private static ArrayNode floats(float[] v) {
        ArrayNode array = Json.array();
        for (float f : v) {
            array.add(f);
        }
        return array;
    }

    private static String base64(float[] v) {
        ByteBuffer buf = ByteBuffer.allocate(v.length * Float.BYTES).order(ByteOrder.LITTLE_ENDIAN);
        for (float f : v) {
            buf.putFloat(f);
        }
        return Base64.getEncoder().encodeToString(buf.array());
    }
}
