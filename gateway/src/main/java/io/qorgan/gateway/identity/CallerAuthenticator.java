package io.qorgan.gateway.identity;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import com.github.benmanes.caffeine.cache.Ticker;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.cert.X509Certificate;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executor;
import java.util.concurrent.RejectedExecutionException;
import org.apache.shiro.authc.AuthenticationException;
import org.apache.shiro.authc.AuthenticationInfo;
import org.apache.shiro.authc.AuthenticationToken;
import org.apache.shiro.authc.DisabledAccountException;
import org.apache.shiro.authc.ExpiredCredentialsException;
import org.apache.shiro.authz.AuthorizationInfo;
import org.apache.shiro.authz.Permission;
import org.apache.shiro.mgt.DefaultSecurityManager;
import org.apache.shiro.mgt.SecurityManager;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Turns a presented API key or a verified client certificate into an {@link Identity}.
 *
 * <p>The hot path: an Argon2id check costs tens of milliseconds, far too much per request. The
 * outcome of a check (the identity, or the failure) is kept in a bounded Caffeine cache for a short
 * TTL, keyed by the SHA-256 of the presented key (never the key itself). So:
 * <ul>
 *   <li>{@link #cached} — non-blocking, event-loop safe: answers MISSING or UNKNOWN for what is
 *       absent or malformed, a cached outcome (OK turns EXPIRED when the clock passes the key's
 *       expiry), or empty when the slow check is needed;
 *   <li>{@link #authenticate(String, Executor)} — the cached answer at once, else the slow check on
 *       the given executor (never an event loop);
 *   <li>{@link #authenticateBlocking} — the same, on the calling thread.
 * </ul>
 * The cache is emptied whenever the store reloads, and each entry records the store generation it
 * was verified against, so a check that raced a reload cannot bring back a revoked key. Expiry is
 * checked against the injected {@link Clock} on every hit. Random well-formed keys still cost one
 * hash each: rate-limit failures per client in front of this, and give the hashing executor a
 * bounded queue.
 *
 * <p>Shiro is used without its thread-bound {@code SecurityUtils}: the {@link SecurityManager} is
 * called directly and the identity travels with the exchange. Thread-safe.
 */
public final class CallerAuthenticator {

    private static final Logger log = LoggerFactory.getLogger(CallerAuthenticator.class);

    /** Verified-key cache bounds. A revoked key stops working at the latest after {@code ttl}. */
    public record CacheSettings(Duration ttl, long maximumSize) {
        public static final CacheSettings DEFAULT = new CacheSettings(Duration.ofSeconds(60), 10_000);

        public CacheSettings {
            if (ttl.isNegative() || ttl.isZero() || maximumSize < 1) {
                throw new IllegalArgumentException("cache ttl and maximumSize must be positive");
            }
        }
    }

    /** A verification outcome: OK with the key's expiry, or a failure status (negative caching). */
    private record Cached(AuthResult result, Instant expires, long generation) {}

    private final IdentityStore store;
    private final IdentityRealm realm;
    private final SecurityManager securityManager;
    private final Clock clock;
    private final Cache<String, Cached> verified;

    private CallerAuthenticator(
            IdentityStore store,
            IdentityRealm realm,
            SecurityManager securityManager,
            Clock clock,
            Ticker ticker,
            CacheSettings settings) {
        this.store = store;
        this.realm = realm;
        this.securityManager = securityManager;
        this.clock = clock;
        this.verified = Caffeine.newBuilder()
                .expireAfterWrite(settings.ttl())
                .maximumSize(settings.maximumSize())
                .ticker(ticker)
                .executor(Runnable::run) // maintenance inline: no hidden pool threads
                .build();
        store.onChange(verified::invalidateAll);
    }

    /**
     * An authenticator over {@code store}, with a Shiro {@link DefaultSecurityManager} around our realm.
     *
     * @param clock for key expiry
     * @param ticker for the cache TTL ({@link Ticker#systemTicker()} in production)
     */
    public static CallerAuthenticator create(IdentityStore store, Clock clock, Ticker ticker, CacheSettings settings) {
        IdentityRealm realm =
                new IdentityRealm(Objects.requireNonNull(store, "store"), Objects.requireNonNull(clock, "clock"));
        DefaultSecurityManager securityManager = new DefaultSecurityManager(realm);
        return new CallerAuthenticator(store, realm, securityManager, clock, ticker, settings);
    }

    /**
     * The answer that needs no slow hashing, or empty if the key must be verified. Non-blocking.
     */
    public Optional<AuthResult> cached(String presentedKey) {
        if (presentedKey == null || presentedKey.isBlank()) {
            return Optional.of(AuthResult.failed(AuthResult.Status.MISSING));
        }
        if (ApiKeys.parse(presentedKey).isEmpty()) {
            return Optional.of(AuthResult.failed(AuthResult.Status.UNKNOWN));
        }
        String cacheKey = cacheKey(presentedKey);
        Cached hit = verified.getIfPresent(cacheKey);
        if (hit == null || hit.generation() != store.generation()) {
            return Optional.empty();
        }
        if (hit.result() instanceof AuthResult.Ok
                && hit.expires() != null
                && !clock.instant().isBefore(hit.expires())) {
            verified.invalidate(cacheKey);
            return Optional.of(AuthResult.failed(AuthResult.Status.EXPIRED));
        }
        return Optional.of(hit.result());
    }

    /**
     * {@link #cached} if it answers, else the slow check on {@code executor}, which must not be an
     * event loop. If the executor refuses the task (queue full), the future fails with its
     * {@link RejectedExecutionException}: answer 503, not 401.
     */
    public CompletableFuture<AuthResult> authenticate(String presentedKey, Executor executor) {
        Optional<AuthResult> fast = cached(presentedKey);
        if (fast.isPresent()) {
            return CompletableFuture.completedFuture(fast.get());
        }
        try {
            return CompletableFuture.supplyAsync(() -> authenticateBlocking(presentedKey), executor);
        } catch (RejectedExecutionException e) {
            return CompletableFuture.failedFuture(e);
        }
    }

    /**
     * Authenticates an API key on the calling thread. <b>Blocking</b> on a cache miss (Argon2id):
     * never call it on an event loop.
     */
    public AuthResult authenticateBlocking(String presentedKey) {
        Optional<AuthResult> fast = cached(presentedKey);
        if (fast.isPresent()) {
            return fast.get();
        }
        ApiKeys.Parsed parsed = ApiKeys.parse(presentedKey).orElseThrow();
        long generation = store.generation();
        AuthResult result = shiroAuthenticate(new Tokens.ApiKey(parsed));
        // Failures are cached too, so a client retrying a wrong or revoked key costs one hash per TTL.
        Snapshot.Key key = store.snapshot().keys().get(parsed.id());
        verified.put(cacheKey(presentedKey), new Cached(result, key == null ? null : key.expires(), generation));
        return result;
    }

    /**
     * The caller a client certificate maps to (subject DN first, then SANs), or CERTIFICATE_NOT_MAPPED.
     * Non-blocking (map look-ups). The certificate must come from a completed TLS handshake that
     * verified it against the listener's trusted client CAs.
     */
    public AuthResult authenticate(X509Certificate certificate) {
        AuthResult result =
                shiroAuthenticate(new Tokens.ClientCertificate(Objects.requireNonNull(certificate, "certificate")));
        // Not an invalid key: the certificate is good, the store lacks its mapping, and the operator must hear that.
        return result.status() == AuthResult.Status.UNKNOWN
                ? AuthResult.failed(AuthResult.Status.CERTIFICATE_NOT_MAPPED)
                : result;
    }

    /** Drops every cached verification (also done on each store reload). */
    public void invalidateAll() {
        verified.invalidateAll();
    }

    private AuthResult shiroAuthenticate(AuthenticationToken token) {
        AuthenticationInfo info;
        try {
            info = securityManager.authenticate(token);
        } catch (ExpiredCredentialsException e) {
            return AuthResult.failed(AuthResult.Status.EXPIRED);
        } catch (DisabledAccountException e) {
            return AuthResult.failed(AuthResult.Status.REVOKED);
        } catch (AuthenticationException e) {
            return AuthResult.failed(AuthResult.Status.UNKNOWN);
        }
        CallerPrincipal principal = info.getPrincipals().oneByType(CallerPrincipal.class);
        AuthorizationInfo authorization = realm.authorizationOf(principal);
        Set<Permission> permissions = authorization.getObjectPermissions() == null
                ? Set.of()
                : Set.copyOf(authorization.getObjectPermissions());
        Set<String> roles = authorization.getRoles() == null ? Set.of() : Set.copyOf(authorization.getRoles());
        Identity identity = new Identity(
                principal.agency(),
                principal.caller(),
                roles,
                permissions,
                principal.method(),
                principal.credentialId());
        log.debug(
                "authenticated caller {} of agency {} by {} {}",
                identity.caller(),
                identity.agency(),
                identity.method(),
                identity.credentialId());
        return AuthResult.ok(identity);
    }

    private static String cacheKey(String presentedKey) {
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256").digest(presentedKey.getBytes(StandardCharsets.UTF_8));
            return Base64.getEncoder().encodeToString(digest);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
