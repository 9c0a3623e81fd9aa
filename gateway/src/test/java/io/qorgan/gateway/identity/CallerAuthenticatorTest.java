package io.qorgan.gateway.identity;

import static org.assertj.core.api.Assertions.assertThat;

import io.qorgan.gateway.crypto.ExampleCertificates;
import io.qorgan.gateway.crypto.Pem;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.security.cert.X509Certificate;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.Executor;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** API key authentication against a real store file, with a hand-moved clock and cache ticker. */
class CallerAuthenticatorTest {

    static final String BASE = """
            agencies:
              - id: agency-egov
                name: Electronic government
            roles:
              chat-user: [route:chat:invoke, "upstream:onprem-llm:use"]
              auditor: ["admin:audit:read", "admin:policy:read"]
            callers:
              - id: egov-chatbot
                agency: agency-egov
                roles: [chat-user]
              - id: egov-auditor
                agency: agency-egov
                roles: [auditor]
                permissions: ["route:*"]
            """;

    @TempDir
    Path dir;

    private final MutableClock clock = new MutableClock(Instant.parse("2026-11-27T06:00:00Z"));
    private final FakeTicker ticker = new FakeTicker();
    private final ApiKeys keys = new ApiKeys(new SecureRandom(), ApiKeys.HashCost.FAST_FOR_TESTS);
    private final CallerAuthenticator.CacheSettings cache =
            new CallerAuthenticator.CacheSettings(Duration.ofSeconds(30), 100);
    private Path file;

    @BeforeEach
    void setUp() throws Exception {
        file = Files.writeString(dir.resolve("identities.yaml"), BASE);
    }

    private String createKey(String caller, Instant expires) throws Exception {
        return IdentityStoreFile.createKey(file, "agency-egov", caller, List.of(), expires, keys, clock)
                .key()
                .key();
    }

    private CallerAuthenticator authenticator(IdentityStore store) {
        return CallerAuthenticator.create(store, clock, ticker, cache);
    }

    @Test
    void authenticateBlocking_validKey_returnsIdentityWithAgencyRolesAndPermissions() throws Exception {
        String key = createKey("egov-chatbot", null);
        CallerAuthenticator authenticator = authenticator(IdentityStore.open(file));

        AuthResult result = authenticator.authenticateBlocking(key);

        assertThat(result.status()).isEqualTo(AuthResult.Status.OK);
        Identity identity = result.identity().orElseThrow();
        assertThat(identity.agency()).isEqualTo("agency-egov");
        assertThat(identity.caller()).isEqualTo("egov-chatbot");
        assertThat(identity.roles()).containsExactly("chat-user");
        assertThat(identity.method()).isEqualTo(AuthMethod.API_KEY);
        assertThat(identity.credentialId()).isEqualTo(key.substring(0, 11));
        assertThat(identity.isPermitted("route:chat:invoke")).isTrue();
        assertThat(identity.isPermitted("upstream:openai:use")).isFalse();
        assertThat(identity.toString()).doesNotContain(key.substring(12));
    }

    @Test
    void authenticateBlocking_wrongSecretOrUnknownIdOrMalformed_isUnknown() throws Exception {
        String key = createKey("egov-chatbot", null);
        CallerAuthenticator authenticator = authenticator(IdentityStore.open(file));
        String wrongSecret = key.substring(0, 12) + (key.charAt(12) == 'A' ? 'B' : 'A') + key.substring(13);
        String unknownId = "qg_zzzzzzzz" + key.substring(11);

        assertThat(authenticator.authenticateBlocking(wrongSecret).status()).isEqualTo(AuthResult.Status.UNKNOWN);
        assertThat(authenticator.authenticateBlocking(unknownId).status()).isEqualTo(AuthResult.Status.UNKNOWN);
        assertThat(authenticator.cached("sk-not-ours"))
                .hasValueSatisfying(r -> assertThat(r.status()).isEqualTo(AuthResult.Status.UNKNOWN));
        assertThat(authenticator.cached(null))
                .hasValueSatisfying(r -> assertThat(r.status()).isEqualTo(AuthResult.Status.MISSING));
        assertThat(AuthResult.Status.UNKNOWN.code()).isEqualTo("invalid_api_key");
    }

    @Test
    void authenticate_pastExpiryByClock_isExpiredAlsoWhenCached() throws Exception {
        String key = createKey("egov-chatbot", Instant.parse("2026-12-01T00:00:00Z"));
        CallerAuthenticator authenticator = authenticator(IdentityStore.open(file));
        assertThat(authenticator.authenticateBlocking(key).status()).isEqualTo(AuthResult.Status.OK);

        clock.advance(Duration.ofDays(10));

        assertThat(authenticator.cached(key))
                .hasValueSatisfying(r -> assertThat(r.status()).isEqualTo(AuthResult.Status.EXPIRED));
        AuthResult slow = authenticator.authenticateBlocking(key);
        assertThat(slow.status()).isEqualTo(AuthResult.Status.EXPIRED);
        assertThat(slow.status().code()).isEqualTo("key_expired");
    }

    @Test
    void authenticate_cacheHit_answersWithoutTheExecutor() throws Exception {
        String key = createKey("egov-chatbot", null);
        CallerAuthenticator authenticator = authenticator(IdentityStore.open(file));
        AtomicInteger slowChecks = new AtomicInteger();
        Executor hashing = task -> {
            slowChecks.incrementAndGet();
            task.run();
        };

        AuthResult first = authenticator.authenticate(key, hashing).join();
        AuthResult second = authenticator.authenticate(key, hashing).join();

        assertThat(first.status()).isEqualTo(AuthResult.Status.OK);
        assertThat(second.identity()).isEqualTo(first.identity());
        assertThat(slowChecks).hasValue(1);
        assertThat(authenticator.cached(key)).isPresent();
    }

    @Test
    void authenticate_sameWrongKeyRepeated_isHashedOnceWithinTtl() throws Exception {
        String key = createKey("egov-chatbot", null);
        CallerAuthenticator authenticator = authenticator(IdentityStore.open(file));
        String wrong = key.substring(0, 12) + (key.charAt(12) == 'A' ? 'B' : 'A') + key.substring(13);
        AtomicInteger slowChecks = new AtomicInteger();
        Executor hashing = task -> {
            slowChecks.incrementAndGet();
            task.run();
        };

        assertThat(authenticator.authenticate(wrong, hashing).join().status()).isEqualTo(AuthResult.Status.UNKNOWN);
        assertThat(authenticator.authenticate(wrong, hashing).join().status()).isEqualTo(AuthResult.Status.UNKNOWN);
        assertThat(slowChecks).hasValue(1);

        ticker.advance(Duration.ofSeconds(31));
        assertThat(authenticator.authenticate(wrong, hashing).join().status()).isEqualTo(AuthResult.Status.UNKNOWN);
        assertThat(slowChecks).hasValue(2);
    }

    @Test
    void revokedInFile_storeReload_invalidatesCacheAndAnswersRevoked() throws Exception {
        String key = createKey("egov-chatbot", null);
        IdentityStore store = IdentityStore.open(file);
        CallerAuthenticator authenticator = authenticator(store);
        assertThat(authenticator.authenticateBlocking(key).status()).isEqualTo(AuthResult.Status.OK);

        IdentityStoreFile.revokeKey(file, key.substring(0, 11));
        assertThat(store.reloadIfChanged()).isTrue();

        assertThat(authenticator.cached(key)).isEmpty();
        AuthResult result = authenticator.authenticateBlocking(key);
        assertThat(result.status()).isEqualTo(AuthResult.Status.REVOKED);
        assertThat(result.status().code()).isEqualTo("key_revoked");
    }

    @Test
    void revokedInFile_cacheTtlPassed_reverifiesAndAnswersRevoked() throws Exception {
        String key = createKey("egov-chatbot", null);
        IdentityStore store = IdentityStore.open(file);
        CallerAuthenticator authenticator = authenticator(store);
        assertThat(authenticator.authenticateBlocking(key).status()).isEqualTo(AuthResult.Status.OK);
        IdentityStoreFile.revokeKey(file, key.substring(0, 11));
        assertThat(authenticator.cached(key))
                .as("not yet reloaded: still cached")
                .isPresent();

        ticker.advance(Duration.ofSeconds(31));

        assertThat(authenticator.cached(key))
                .as("TTL passed: needs the slow check again")
                .isEmpty();
        store.reloadIfChanged();
        assertThat(authenticator.authenticateBlocking(key).status()).isEqualTo(AuthResult.Status.REVOKED);
    }

    @Test
    void revoked_wrongSecretForRevokedKey_isUnknownNotRevoked() throws Exception {
        String key = createKey("egov-chatbot", null);
        IdentityStoreFile.revokeKey(file, key.substring(0, 11));
        CallerAuthenticator authenticator = authenticator(IdentityStore.open(file));
        String wrongSecret = key.substring(0, 12) + (key.charAt(12) == 'A' ? 'B' : 'A') + key.substring(13);

        assertThat(authenticator.authenticateBlocking(wrongSecret).status()).isEqualTo(AuthResult.Status.UNKNOWN);
    }

    @Test
    void storeFile_afterKeyCreation_holdsHashButNeverTheKey() throws Exception {
        String key = createKey("egov-chatbot", null);

        String content = Files.readString(file, StandardCharsets.UTF_8);
        assertThat(content)
                .doesNotContain(key)
                .doesNotContain(key.substring(12))
                .contains(key.substring(0, 11))
                .contains("$shiro2$argon2id$");
    }

    @Test
    void authenticateCertificate_mappedBySubjectOrUnmapped_isCallerOrNotMapped() throws Exception {
        ExampleCertificates.Result certs =
                new ExampleCertificates(new SecureRandom(), clock).write(dir.resolve("certs"), false);
        Files.writeString(
                file,
                BASE + "clientCertificates:\n  - subject: \"C=KZ, O=egov, CN=egov-auditor\"\n"
                        + "    caller: egov-auditor\n");
        CallerAuthenticator authenticator = authenticator(IdentityStore.open(file));
        X509Certificate egov = Pem.readCertificates(certs.directory().resolve("client-egov.pem"))
                .get(0);
        X509Certificate health = Pem.readCertificates(certs.directory().resolve("client-health.pem"))
                .get(0);

        assertThat(authenticator.authenticate(health).status()).isEqualTo(AuthResult.Status.CERTIFICATE_NOT_MAPPED);
        assertThat(authenticator.authenticate(egov).status())
                .as("subject is CN=egov-chatbot, not mapped")
                .isEqualTo(AuthResult.Status.CERTIFICATE_NOT_MAPPED);
    }

    @Test
    void authenticateCertificate_subjectMappingWrittenDifferently_matchesCanonically() throws Exception {
        ExampleCertificates.Result certs =
                new ExampleCertificates(new SecureRandom(), clock).write(dir.resolve("certs"), false);
        Files.writeString(
                file,
                BASE + "clientCertificates:\n  - subject: \"cn=EGOV-CHATBOT,  o=egov, c=kz\"\n"
                        + "    caller: egov-chatbot\n");
        CallerAuthenticator authenticator = authenticator(IdentityStore.open(file));
        X509Certificate egov = Pem.readCertificates(certs.directory().resolve("client-egov.pem"))
                .get(0);

        Identity identity = authenticator.authenticate(egov).identity().orElseThrow();

        assertThat(identity.caller()).isEqualTo("egov-chatbot");
        assertThat(identity.method()).isEqualTo(AuthMethod.CLIENT_CERT);
        assertThat(identity.credentialId()).isEqualTo(egov.getSerialNumber().toString(16));
    }

    @Test
    void authenticate_executorRefuses_failsFutureInsteadOfThrowing() throws Exception {
        String key = createKey("egov-chatbot", null);
        CallerAuthenticator authenticator = authenticator(IdentityStore.open(file));

        var future = authenticator.authenticate(key, task -> {
            throw new RejectedExecutionException("queue full");
        });

        assertThat(future).isCompletedExceptionally();
    }

    @Test
    void permissions_directAndRoleGrants_combineWithWildcards() throws Exception {
        String key = createKey("egov-auditor", null);
        Identity auditor = authenticator(IdentityStore.open(file))
                .authenticateBlocking(key)
                .identity()
                .orElseThrow();

        assertThat(auditor.isPermitted("admin:audit:read")).isTrue();
        assertThat(auditor.isPermitted("route:anything:invoke")).isTrue();
        assertThat(auditor.check("admin:policy:read", "upstream:onprem-llm:use"))
                .isEqualTo(AccessDecision.deny("upstream:onprem-llm:use"));
    }
}
