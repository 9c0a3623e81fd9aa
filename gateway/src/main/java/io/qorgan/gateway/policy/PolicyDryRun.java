package io.qorgan.gateway.policy;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import io.qorgan.gateway.detect.Canonical;
import io.qorgan.gateway.detect.Detector;
import io.qorgan.gateway.dialect.Dialect;
import io.qorgan.gateway.protect.ProtectedRequest;
import io.qorgan.gateway.protect.ProtectionKeys;
import io.qorgan.gateway.protect.ProtectionSettings;
import io.qorgan.gateway.protect.RequestProtector;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Arrays;
import java.util.List;

/**
 * One request through detection, the policy and protection, as the gateway would handle it, without sending
 * anything: what policy tests and {@code qorgan policy explain} run.
 *
 * <p>The way is the request path's: protection for (agency, upstream) finds the entities, the verdict is evaluated
 * on the original texts with those counts, and the text to send is protected again with the verdict's protection
 * (which differs when a rule rerouted). The base protection is placeholders for every type, with fixed test keys
 * for hash and fpe, so expected outputs are stable.
 */
public final class PolicyDryRun {

    private static final ProtectionSettings BASE = ProtectionSettings.defaults().withKeys(testKeys());
    private static final JsonFactory JSON = new JsonFactory();

    private PolicyDryRun() {}

    /**
     * @param texts the texts as they reached the rules; {@code sent} the conversation texts as the upstream would
     *     receive them (empty when blocked)
     */
    public record Result(Verdict verdict, List<RoleText> texts, List<String> sent, byte[] sentBody) {}

    /**
     * Runs a request.
     *
     * @throws io.qorgan.gateway.dialect.BodyRejected when the body cannot be read
     * @throws io.qorgan.gateway.protect.ProtectionFailed when protection fails
     */
    public static Result run(
            PolicySet set,
            Detector detector,
            String agency,
            String route,
            String upstream,
            String model,
            byte[] body,
            Dialect dialect) {
        String contentType = "application/json";
        ProtectionSettings first = set.protectionFor(agency, upstream, BASE);
        ProtectedRequest found = RequestProtector.create(detector::detect, Canonical::canonical, first)
                .protect(body, contentType, null, dialect);
        List<RoleText> texts = RequestTexts.of(body, contentType, dialect);
        Verdict verdict =
                set.evaluate(new PolicyInput(agency, route, upstream, model, texts, found.counts(), body.length));
        if (verdict.blocked()) {
            return new Result(verdict, texts, List.of(), new byte[0]);
        }
        ProtectionSettings settings = verdict.protection(BASE);
        ProtectedRequest sent = settings.equals(first)
                ? found
                : RequestProtector.create(detector::detect, Canonical::canonical, settings)
                        .protect(body, contentType, null, dialect);
        List<String> sentTexts = RequestTexts.of(sent.body(), contentType, dialect).stream()
                .filter(t -> t.role() != RoleText.Role.OTHER)
                .map(RoleText::text)
                .toList();
        return new Result(verdict, texts, sentTexts, sent.body());
    }

    /** An OpenAI chat completions body holding these messages (roles other than the four become user). */
    public static byte[] chatBody(List<RoleText> messages) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (JsonGenerator g = JSON.createGenerator(out)) {
            g.writeStartObject();
            g.writeArrayFieldStart("messages");
            for (RoleText m : messages) {
                g.writeStartObject();
                g.writeStringField(
                        "role",
                        m.role() == RoleText.Role.OTHER ? "user" : m.role().field());
                g.writeStringField("content", m.text());
                g.writeEndObject();
            }
            g.writeEndArray();
            g.writeEndObject();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out.toByteArray();
    }

    /** Fixed, public keys for dry runs only: hash and fpe outputs in tests are stable. Never for traffic. */
    private static ProtectionKeys testKeys() {
        try {
            byte[] k = MessageDigest.getInstance("SHA-256")
                    .digest("qorgan policy tests: not a secret".getBytes(StandardCharsets.UTF_8));
            return new ProtectionKeys(k, Arrays.copyOf(k, 16));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
