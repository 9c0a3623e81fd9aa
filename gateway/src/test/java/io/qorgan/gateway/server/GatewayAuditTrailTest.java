package io.qorgan.gateway.server;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.qorgan.gateway.Gateway;
import io.qorgan.gateway.audit.AuditFilesScan;
import io.qorgan.gateway.audit.AuditQuery;
import io.qorgan.gateway.audit.AuditReader;
import io.qorgan.gateway.audit.AuditRecord;
import io.qorgan.gateway.audit.AuditVerdict;
import io.qorgan.gateway.audit.AuthFailureRecord;
import io.qorgan.gateway.audit.CacheOutcome;
import io.qorgan.gateway.audit.EntityCount;
import io.qorgan.gateway.audit.ExchangeRecord;
import io.qorgan.gateway.audit.ExchangeTimes;
import io.qorgan.gateway.config.ConfigLoader;
import io.qorgan.gateway.crypto.KeyRing;
import io.qorgan.gateway.crypto.SignatureAlgorithm;
import io.qorgan.gateway.crypto.SigningKeys;
import io.qorgan.gateway.detect.Detector;
import io.qorgan.gateway.detect.EntityType;
import io.qorgan.gateway.detect.Finding;
import io.qorgan.gateway.identity.ApiKeys;
import io.qorgan.gateway.identity.AuthMethod;
import io.qorgan.gateway.policy.DataClass;
import io.qorgan.gateway.protect.Operator;
import io.qorgan.gateway.sim.AiSimulator;
import io.qorgan.gateway.sim.SimulatorMode;
import io.qorgan.gateway.sim.SimulatorSettings;
import io.qorgan.gateway.testing.Cli;
import io.qorgan.gateway.testing.IntegrationTest;
import io.qorgan.gateway.testing.RawHttp;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyPair;
import java.security.SecureRandom;
import java.time.Duration;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Issue 18's end-to-end check: a gateway with callers, policies (a blocking and a shadow rule), the answer cache and
 * an audit trail, on real sockets in front of the simulator. Canary values go through every path an exchange can
 * take — plain, stream, blocked, shadow, refused, too large, cache miss then hit, answer with data of the model's
 * own, upstream 5xx, unreachable, timeout, cut stream, client gone, 404, 403, and a canary as the API key — then every
 * file of the trail (segments, index) and the log is searched for them in every form, the trail read back to see each
 * path's record, and {@code qorgan audit verify} run over it.
 */
@IntegrationTest
class GatewayAuditTrailTest {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final SecureRandom RANDOM = new SecureRandom();

    /** Synthetic and unique to this test (check digits valid, so the detector finds each). */
    static final String SURNAME = "Төлеубекова";

    static final String PATRONYMIC = "Бақытқызы";
    static final String IIN = "771123309173";
    static final String PHONE = "+7 707 418 29 53";
    static final String EMAIL = "zhanar.canary4471@example.kz";
    static final String IBAN = "KZ046010007314412906";
    static final String SECRET = "sk-canary7Qm2Xv9Lp4Rt8Wz1Yb6Nc3Hd5Jf0Kg";
    /** A gateway key's shape (id and 43-character secret) that no store holds. */
    static final String API_KEY = "qg_canary01_Zq8XvT3mK9pL2wR7yB4nC6dF1gH5jM0sQaEeUuIiOoP";
    /** A phone number the simulated model produces in its answer on its own. */
    static final String MODEL_PHONE = "+7 747 215 38 60";

    static final String TEXT = "Заявитель " + SURNAME + " Жанар " + PATRONYMIC + ", ИИН " + IIN + ", тел. " + PHONE
            + ", e-mail " + EMAIL + ", IBAN " + IBAN + ", ключ " + SECRET + ".";

    static final List<String> CANARIES = List.of(
            SURNAME,
            PATRONYMIC,
            IIN,
            PHONE,
            "707 418 29 53",
            "77074182953",
            EMAIL,
            IBAN,
            SECRET,
            API_KEY,
            API_KEY.substring(0, 11),
            API_KEY.substring(12),
            MODEL_PHONE,
            "77472153860");

    private static final String POLICY = """
            version: "audit-canary-1"
            upstreams:
              sim: {class: external}
              sim-fixed: {class: external}
              sim-5xx: {class: external}
              sim-cut: {class: external}
              sim-slow: {class: external}
              sim-patient: {class: external}
              sim-down: {class: onprem}
            entities:
              default: placeholder
            rules:
              - id: dsp-external
                description: Documents for official use only do not leave the perimeter.
                query: 'ДСП'
                action: block
              - id: confidential-shadow
                description: English confidentiality markings, observed first.
                query: 'confidential'
                action: block
                mode: shadow
            answers: redact
            """;

    @TempDir
    Path dir;

    private final HttpClient http =
            HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();
    private final List<AiSimulator> sims = new ArrayList<>();
    private Gateway gateway;
    private ApiKeys.NewApiKey key;
    private KeyRing ring;
    private Path trail;
    private Path publicKey;

    @BeforeEach
    void start() throws Exception {
        AiSimulator echo =
                sim(SimulatorSettings.builder().mode(SimulatorMode.ECHO).chunkChars(8));
        AiSimulator fixed = sim(SimulatorSettings.builder()
                .mode(SimulatorMode.FIXED)
                .fixedText("Ответ готов. Справки по телефону " + MODEL_PHONE + "."));
        AiSimulator failing = sim(SimulatorSettings.builder().errorRate(1.0).errorStatus(500));
        AiSimulator cutting = sim(SimulatorSettings.builder()
                .mode(SimulatorMode.ECHO)
                .chunkChars(3)
                .disconnectAfterChunks(2));
        AiSimulator slow = sim(SimulatorSettings.builder().ttftMillis(1500));
        int closedPort;
        try (ServerSocket s = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            closedPort = s.getLocalPort();
        }
        key = new ApiKeys(RANDOM, ApiKeys.HashCost.FAST_FOR_TESTS).generate();
        Files.writeString(dir.resolve("identities.yaml"), """
                agencies: [{id: agency-canary}]
                roles:
                  chat-user: ["route:v1:invoke", "route:fixed:invoke", "route:fail:invoke", "route:cut:invoke",
                              "route:slow:invoke", "route:patient:invoke", "route:down:invoke", "upstream:*:use"]
                callers: [{id: canary-bot, agency: agency-canary, roles: [chat-user]}]
                apiKeys: [{id: %s, caller: canary-bot, hash: "%s", created: 2026-01-01T00:00:00Z}]
                """.formatted(key.id(), key.hash()));
        Files.createDirectories(dir.resolve("policies"));
        Files.writeString(dir.resolve("policies/default.yaml"), POLICY);
        String ringText = KeyRing.newEntry("k1", RANDOM);
        ring = KeyRing.parse(ringText);
        Files.writeString(dir.resolve("audit.keys"), ringText);
        KeyPair signing = SignatureAlgorithm.ED25519.generate(RANDOM);
        Files.writeString(dir.resolve("audit-signing.key"), SigningKeys.privatePem(signing.getPrivate()));
        publicKey = Files.writeString(dir.resolve("audit-signing.pub"), SigningKeys.publicPem(signing.getPublic()));
        trail = dir.resolve("audit");
        Path config = Files.writeString(dir.resolve("qorgan.yaml"), """
                listeners:
                  traffic: { host: 127.0.0.1, port: 0 }
                  admin: { host: 127.0.0.1, port: 0 }
                identity: { store: identities.yaml }
                policies: { directory: policies }
                limits: { maxRequestBody: 32KB }
                upstreams:
                  sim: { baseUrl: "%s/v1" }
                  sim-fixed: { baseUrl: "%s/v1" }
                  sim-5xx: { baseUrl: "%s/v1" }
                  sim-cut: { baseUrl: "%s/v1" }
                  sim-slow: { baseUrl: "%s/v1", readTimeout: 300ms }
                  sim-patient: { baseUrl: "%s/v1", readTimeout: 20s }
                  sim-down: { baseUrl: "http://127.0.0.1:%d/v1", connectTimeout: 2s }
                routes:
                  - { pathPrefix: /v1, upstream: sim }
                  - { pathPrefix: /fixed, upstream: sim-fixed }
                  - { pathPrefix: /fail, upstream: sim-5xx }
                  - { pathPrefix: /cut, upstream: sim-cut }
                  - { pathPrefix: /slow, upstream: sim-slow }
                  - { pathPrefix: /patient, upstream: sim-patient }
                  - { pathPrefix: /down, upstream: sim-down }
                  - { pathPrefix: /secret, upstream: sim }
                audit:
                  directory: audit
                  encryptionKey: "file:%s"
                  signingKey: "file:%s"
                  syncInterval: 50ms
                """.formatted(
                        echo.baseUrl(),
                        fixed.baseUrl(),
                        failing.baseUrl(),
                        cutting.baseUrl(),
                        slow.baseUrl(),
                        slow.baseUrl(),
                        closedPort,
                        dir.resolve("audit.keys"),
                        dir.resolve("audit-signing.key")));
        gateway = Gateway.start(ConfigLoader.load(config));
    }

    private AiSimulator sim(SimulatorSettings.Builder settings) {
        AiSimulator sim = AiSimulator.start(settings.ioThreads(1).build());
        sims.add(sim);
        return sim;
    }

    @AfterEach
    void stop() {
        if (gateway != null) {
            gateway.shutdown(Duration.ofSeconds(2));
        }
        sims.forEach(AiSimulator::close);
    }

    @Test
    void trail_canariesOnEveryPath_eachPathRecordedAndNoFileHoldsACanary() throws Exception {
        assertThat(types(TEXT))
                .containsAll(EnumSet.of(
                        EntityType.PERSON,
                        EntityType.IIN,
                        EntityType.PHONE,
                        EntityType.EMAIL,
                        EntityType.IBAN,
                        EntityType.SECRET));
        Map<String, HttpResponse<String>> answers = new HashMap<>();

        answers.put("plain", post("/v1/chat/completions", "plain", chat(TEXT, 0.7, false)));
        answers.put("stream", post("/v1/chat/completions", "stream", chat(TEXT, 0.7, true)));
        answers.put("blocked", post("/v1/chat/completions", "blocked", chat(TEXT + " Гриф ДСП.", 0, false)));
        answers.put("shadow", post("/v1/chat/completions", "shadow", chat(TEXT + " confidential", 0.7, false)));
        answers.put(
                "unreadable",
                post(
                        "/v1/chat/completions",
                        "unreadable",
                        "{\"model\":\"gpt-4o-mini\",\"messages\":[{\"role\":\"user\",\"content\":\"" + TEXT + "\"}"));
        String letter = TEXT + " Подготовьте ответ на обращение.";
        answers.put("miss", post("/v1/chat/completions", "miss", chat(letter, 0, false)));
        answers.put("hit", post("/v1/chat/completions", "hit", chat(letter, 0, false)));
        answers.put("produced", post("/fixed/chat/completions", "produced", chat(TEXT, 0.7, false)));
        answers.put("status-5xx", post("/fail/chat/completions", "status-5xx", chat(TEXT, 0.7, false)));
        answers.put("unreachable", post("/down/chat/completions", "unreachable", chat(TEXT, 0.7, false)));
        answers.put("timeout", post("/slow/chat/completions", "timeout", chat(TEXT, 0.7, false)));
        answers.put("cut", post("/cut/chat/completions", "cut", chat(TEXT, 0.7, true)));
        answers.put("no-route", post("/nowhere/chat/completions", "no-route", chat(TEXT, 0.7, false)));
        answers.put("forbidden", post("/secret/chat/completions", "forbidden", chat(TEXT, 0.7, false)));
        answers.put(
                "odd-model",
                post("/v1/chat/completions", EMAIL, chat(TEXT, 0.7, false).put("model", EMAIL)));
        HttpResponse<String> canaryKey = http.send(
                request(
                                "/v1/chat/completions",
                                "bad-key",
                                chat(TEXT, 0.7, false).toString())
                        .header("Authorization", "Bearer " + API_KEY)
                        .build(),
                HttpResponse.BodyHandlers.ofString());
        int tooLarge = sendTooLarge();
        abortAfterSending();

        assertThat(answers.get("plain").statusCode()).isEqualTo(200);
        assertThat(answers.get("stream").statusCode()).isEqualTo(200);
        assertThat(answers.get("blocked").statusCode()).isEqualTo(403);
        assertThat(answers.get("shadow").statusCode()).isEqualTo(200);
        assertThat(answers.get("unreadable").statusCode()).isEqualTo(400);
        assertThat(answers.get("miss").headers().firstValue("x-qorgan-cache")).hasValue("stored");
        assertThat(answers.get("hit").headers().firstValue("x-qorgan-cache")).hasValue("hit");
        assertThat(answers.get("produced").body()).doesNotContain(MODEL_PHONE);
        assertThat(answers.get("status-5xx").statusCode()).isEqualTo(500);
        assertThat(answers.get("unreachable").statusCode()).isEqualTo(502);
        assertThat(answers.get("timeout").statusCode()).isEqualTo(504);
        assertThat(answers.get("cut").body()).contains("upstream_failed");
        assertThat(answers.get("no-route").statusCode()).isEqualTo(404);
        assertThat(answers.get("forbidden").statusCode()).isEqualTo(403);
        assertThat(canaryKey.statusCode()).isEqualTo(401);
        assertThat(tooLarge).isEqualTo(413);
        awaitRecord("request_id:abort AND status:499");
        String policyVersion =
                answers.get("plain").headers().firstValue("x-qorgan-policy").orElseThrow();
        gateway.shutdown(Duration.ofSeconds(5));
        gateway = null;

        Map<String, ExchangeRecord> byId = new HashMap<>();
        List<ExchangeRecord> exchanges = new ArrayList<>();
        List<AuthFailureRecord> authFailures = new ArrayList<>();
        AuditReader.readAll(trail, ring, entry -> {
            AuditRecord r = entry.record();
            if (r instanceof ExchangeRecord e) {
                exchanges.add(e);
                if (e.requestId() != null) {
                    byId.put(e.requestId(), e);
                }
            } else if (r instanceof AuthFailureRecord a) {
                authFailures.add(a);
            }
        });

        ExchangeRecord plain = byId.get("plain");
        assertRecord(plain, AuditVerdict.FORWARDED, 200, null, CacheOutcome.BYPASS);
        assertThat(plain.agency()).isEqualTo("agency-canary");
        assertThat(plain.caller()).isEqualTo("canary-bot");
        assertThat(plain.authMethod()).isEqualTo(AuthMethod.API_KEY);
        assertThat(plain.clientAddress()).isEqualTo(InetAddress.getByName("127.0.0.1"));
        assertThat(plain.route()).isEqualTo("v1");
        assertThat(plain.upstream()).isEqualTo("sim");
        assertThat(plain.upstreamClass()).isEqualTo(DataClass.EXTERNAL);
        assertThat(plain.model()).isEqualTo("gpt-4o-mini");
        assertThat(plain.policyVersion()).isEqualTo(policyVersion);
        assertThat(plain.entities())
                .containsKeys(
                        EntityType.PERSON,
                        EntityType.IIN,
                        EntityType.PHONE,
                        EntityType.EMAIL,
                        EntityType.IBAN,
                        EntityType.SECRET);
        assertThat(plain.entities().values()).extracting(EntityCount::operator).containsOnly(Operator.PLACEHOLDER);
        assertThat(plain.entities().get(EntityType.IIN).count()).isEqualTo(1);
        assertThat(plain.bytesIn())
                .isEqualTo(chat(TEXT, 0.7, false).toString().getBytes(StandardCharsets.UTF_8).length);
        assertThat(plain.bytesOut()).isEqualTo(answers.get("plain").body().getBytes(StandardCharsets.UTF_8).length);
        ExchangeTimes t = plain.times();
        assertThat(t.upstreamFirstByteMicros()).isNotNegative();
        assertThat(t.upstreamTotalMicros()).isGreaterThanOrEqualTo(t.upstreamFirstByteMicros());
        assertThat(t.totalMicros()).isGreaterThanOrEqualTo(t.upstreamTotalMicros());
        assertThat(t.protectionMicros()).isNotNegative();

        ExchangeRecord stream = byId.get("stream");
        assertRecord(stream, AuditVerdict.FORWARDED, 200, null, CacheOutcome.BYPASS);
        assertThat(stream.bytesOut()).isEqualTo(answers.get("stream").body().getBytes(StandardCharsets.UTF_8).length);

        ExchangeRecord blocked = byId.get("blocked");
        assertRecord(blocked, AuditVerdict.BLOCKED, 403, "dsp-external", CacheOutcome.BYPASS);
        assertThat(blocked.enforcedRules()).containsExactly("dsp-external");
        assertThat(blocked.model()).isEqualTo("gpt-4o-mini");
        assertThat(blocked.entities()).containsKey(EntityType.IIN);
        assertThat(blocked.entities().values())
                .extracting(EntityCount::operator)
                .containsOnlyNulls();
        assertThat(blocked.times().upstreamTotalMicros()).isEqualTo(ExchangeTimes.NONE);

        ExchangeRecord shadow = byId.get("shadow");
        assertRecord(shadow, AuditVerdict.SHADOW_WOULD_BLOCK, 200, null, CacheOutcome.BYPASS);
        assertThat(shadow.shadowRules()).containsExactly("confidential-shadow");
        assertThat(shadow.enforcedRules()).isEmpty();

        ExchangeRecord unreadable = byId.get("unreadable");
        assertRecord(
                unreadable,
                AuditVerdict.REFUSED,
                400,
                JSON.readTree(answers.get("unreadable").body())
                        .at("/error/code")
                        .asText(),
                CacheOutcome.BYPASS);

        ExchangeRecord tooLargeRecord = byId.get("too-large");
        assertRecord(tooLargeRecord, AuditVerdict.REFUSED, 413, "request_too_large", CacheOutcome.NONE);
        assertThat(tooLargeRecord.bytesIn()).isGreaterThan(32 * 1024);

        assertRecord(byId.get("miss"), AuditVerdict.FORWARDED, 200, null, CacheOutcome.STORED);
        ExchangeRecord hit = byId.get("hit");
        assertRecord(hit, AuditVerdict.FORWARDED, 200, null, CacheOutcome.HIT);
        assertThat(hit.times().upstreamTotalMicros()).isEqualTo(ExchangeTimes.NONE);

        ExchangeRecord produced = byId.get("produced");
        assertRecord(produced, AuditVerdict.FORWARDED, 200, null, CacheOutcome.BYPASS);
        assertThat(produced.answerEntities()).containsEntry(EntityType.PHONE, 1);
        assertThat(produced.upstream()).isEqualTo("sim-fixed");

        assertRecord(byId.get("status-5xx"), AuditVerdict.FAILED, 500, "upstream_status", CacheOutcome.BYPASS);
        ExchangeRecord unreachable = byId.get("unreachable");
        assertRecord(unreachable, AuditVerdict.FAILED, 502, "upstream_unreachable", CacheOutcome.BYPASS);
        assertThat(unreachable.upstreamClass()).isEqualTo(DataClass.ONPREM);
        assertRecord(byId.get("timeout"), AuditVerdict.FAILED, 504, "upstream_timeout", CacheOutcome.BYPASS);
        assertRecord(byId.get("cut"), AuditVerdict.FAILED, 200, "upstream_failed", CacheOutcome.BYPASS);
        assertRecord(byId.get("abort"), AuditVerdict.FORWARDED, 499, "client_closed", CacheOutcome.BYPASS);

        ExchangeRecord noRoute = byId.get("no-route");
        assertRecord(noRoute, AuditVerdict.REFUSED, 404, "route_not_found", CacheOutcome.NONE);
        assertThat(noRoute.route()).isNull();
        ExchangeRecord forbidden = byId.get("forbidden");
        assertRecord(forbidden, AuditVerdict.REFUSED, 403, "permission_denied", CacheOutcome.NONE);
        assertThat(forbidden.route()).isEqualTo("secret");

        // a caller's odd request id and model are not recorded as they came
        assertThat(byId).doesNotContainKey(EMAIL);
        assertThat(exchanges)
                .filteredOn(e -> "invalid-id".equals(e.model()))
                .singleElement()
                .satisfies(e -> assertThat(e.verdict()).isEqualTo(AuditVerdict.FORWARDED));
        assertThat(exchanges).hasSize(answers.size() + 2); // and too-large, abort; the 401 is not an exchange

        assertThat(authFailures).singleElement().satisfies(a -> {
            assertThat(a.requestId()).isEqualTo("bad-key");
            assertThat(a.errorCode()).isEqualTo("invalid_api_key");
            assertThat(a.method()).isEqualTo(AuthMethod.API_KEY);
            assertThat(a.credentialId()).isNull();
        });

        Path log = Path.of(System.getProperty("qorgan.test.log", "target/test-logs/qorgan-test.log"));
        List<String> found = AuditFilesScan.scan(trail, ring, Files.exists(log) ? List.of(log) : List.of(), CANARIES);
        assertThat(found).isEmpty();

        Cli cli = new Cli();
        int verified = cli.run(
                "audit",
                "verify",
                trail.toString(),
                "--public-key",
                publicKey.toString(),
                "--encryption-key",
                "file:" + dir.resolve("audit.keys"));
        assertThat(verified).as(cli.out() + cli.err()).isZero();
        assertThat(cli.out()).contains("ok");
    }

    private static void assertRecord(
            ExchangeRecord r, AuditVerdict verdict, int status, String code, CacheOutcome cache) {
        assertThat(r).as("a record").isNotNull();
        assertThat(r.verdict()).as(r.requestId() + " verdict").isEqualTo(verdict);
        assertThat(r.status()).as(r.requestId() + " status").isEqualTo(status);
        assertThat(r.errorCode()).as(r.requestId() + " code").isEqualTo(code);
        assertThat(r.cache()).as(r.requestId() + " cache").isEqualTo(cache);
    }

    private static Set<EntityType> types(String text) {
        Set<EntityType> types = EnumSet.noneOf(EntityType.class);
        for (Finding f : Detector.defaults().detect(text)) {
            types.add(f.type());
        }
        return types;
    }

    static ObjectNode chat(String text, double temperature, boolean stream) {
        ObjectNode r = JSON.createObjectNode().put("model", "gpt-4o-mini").put("temperature", temperature);
        r.put("stream", stream);
        r.putArray("messages").addObject().put("role", "user").put("content", text);
        return r;
    }

    private HttpRequest.Builder request(String path, String requestId, String body) {
        return HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + gateway.trafficPort() + path))
                .header("Content-Type", "application/json")
                .header("X-Request-Id", requestId)
                .POST(HttpRequest.BodyPublishers.ofString(body));
    }

    private HttpResponse<String> post(String path, String requestId, Object body) throws Exception {
        return http.send(
                request(path, requestId, body.toString())
                        .header("Authorization", "Bearer " + key.key())
                        .build(),
                HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
    }

    /** A chunked body (no declared length) past {@code maxRequestBody}: refused while it is read. */
    private int sendTooLarge() throws Exception {
        StringBuilder text = new StringBuilder();
        while (text.length() < 40 * 1024) {
            text.append(TEXT).append(' ');
        }
        byte[] body = chat(text.toString(), 0.7, false).toString().getBytes(StandardCharsets.UTF_8);
        try (RawHttp c = new RawHttp(gateway.trafficPort())) {
            c.send("POST /v1/chat/completions HTTP/1.1\r\nHost: gw\r\nContent-Type: application/json\r\n"
                    + "X-Request-Id: too-large\r\nAuthorization: Bearer " + key.key()
                    + "\r\nTransfer-Encoding: chunked\r\n\r\n");
            c.send(Integer.toHexString(body.length) + "\r\n");
            c.send(body);
            c.send("\r\n0\r\n\r\n");
            return c.readResponse().status();
        }
    }

    /** Sends a request to the slow upstream and leaves before its answer. */
    private void abortAfterSending() throws Exception {
        byte[] body = chat(TEXT, 0.7, false).toString().getBytes(StandardCharsets.UTF_8);
        try (RawHttp c = new RawHttp(gateway.trafficPort())) {
            c.send("POST /patient/chat/completions HTTP/1.1\r\nHost: gw\r\nContent-Type: application/json\r\n"
                    + "X-Request-Id: abort\r\nAuthorization: Bearer " + key.key() + "\r\nContent-Length: "
                    + body.length + "\r\n\r\n");
            c.send(body);
            Thread.sleep(300); // the request is with the upstream, which answers after 1.5 s
        }
    }

    /** Waits until the trail's index finds {@code query}: the writer takes records a moment after the exchange. */
    private void awaitRecord(String query) throws Exception {
        for (int attempt = 0; attempt < 250; attempt++) {
            if (gateway.audit().search(AuditQuery.of(query)).join().total() > 0) {
                return;
            }
            Thread.sleep(20);
        }
        throw new AssertionError("no record for " + query);
    }
}
