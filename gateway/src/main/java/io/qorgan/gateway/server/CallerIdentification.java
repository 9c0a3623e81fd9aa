package io.qorgan.gateway.server;

import io.netty.handler.codec.http.HttpHeaderNames;
import io.netty.handler.codec.http.HttpHeaders;
import io.netty.util.concurrent.EventExecutor;
import io.qorgan.gateway.exchange.GatewayError;
import io.qorgan.gateway.identity.ApiKeyHeaders;
import io.qorgan.gateway.identity.AuthMethod;
import io.qorgan.gateway.identity.AuthResult;
import io.qorgan.gateway.identity.CallerAuthenticator;
import io.qorgan.gateway.identity.Identity;
import java.security.cert.X509Certificate;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.Executor;
import java.util.concurrent.RejectedExecutionException;
import java.util.function.Consumer;
import org.apache.shiro.authz.permission.WildcardPermission;

/**
 * The identify stage: an API key ({@code Authorization: Bearer qg_…} or {@code x-api-key}) or,
 * without one, a client certificate from the TLS handshake, to an {@link Identity}. A key found in
 * the authenticator's cache is answered at once on the event loop; a key not seen before is hashed
 * on the hashing executor and the answer comes back on the channel's event loop. With no identity
 * store configured, every caller is one anonymous identity with every permission.
 */
public sealed interface CallerIdentification {

    /** Identifies the caller; {@code done} runs on {@code loop} with the identity or the error to answer. */
    void identify(
            HttpHeaders headers, Optional<X509Certificate> certificate, EventExecutor loop, Consumer<Outcome> done);

    /** Whether callers present credentials that must not travel to the upstream. */
    boolean authenticates();

    /** An identity, or the error to answer instead. */
    record Outcome(Identity identity, GatewayError error) {
        static Outcome of(Identity identity) {
            return new Outcome(identity, null);
        }

        static Outcome failed(GatewayError error) {
            return new Outcome(null, error);
        }
    }

    static CallerIdentification anonymous() {
        return new Anonymous();
    }

    static CallerIdentification using(CallerAuthenticator authenticator, Executor hashing) {
        return new StoreBacked(authenticator, hashing);
    }

    /** Every caller is the same one; used when no identity store is configured. */
    final class Anonymous implements CallerIdentification {
        private static final Identity ANONYMOUS = new Identity(
                "anonymous", "anonymous", Set.of(), Set.of(new WildcardPermission("*")), AuthMethod.ANONYMOUS, "-");

        @Override
        public void identify(
                HttpHeaders headers,
                Optional<X509Certificate> certificate,
                EventExecutor loop,
                Consumer<Outcome> done) {
            done.accept(Outcome.of(ANONYMOUS));
        }

        @Override
        public boolean authenticates() {
            return false;
        }
    }

    /** Callers from the identity store. */
    final class StoreBacked implements CallerIdentification {
        private final CallerAuthenticator authenticator;
        private final Executor hashing;

        StoreBacked(CallerAuthenticator authenticator, Executor hashing) {
            this.authenticator = authenticator;
            this.hashing = hashing;
        }

        @Override
        public boolean authenticates() {
            return true;
        }

        @Override
        public void identify(
                HttpHeaders headers,
                Optional<X509Certificate> certificate,
                EventExecutor loop,
                Consumer<Outcome> done) {
            Optional<String> key =
                    ApiKeyHeaders.extract(headers.get(HttpHeaderNames.AUTHORIZATION), headers.get("x-api-key"));
            if (key.isEmpty()) {
                if (certificate.isPresent()) {
                    done.accept(outcome(authenticator.authenticate(certificate.get())));
                } else {
                    done.accept(outcome(new AuthResult.Failed(AuthResult.Status.MISSING)));
                }
                return;
            }
            Optional<AuthResult> cached = authenticator.cached(key.get());
            if (cached.isPresent()) {
                done.accept(outcome(cached.get()));
                return;
            }
            CompletableFuture<AuthResult> pending = authenticator.authenticate(key.get(), hashing);
            pending.whenComplete((result, failure) -> loop.execute(() -> {
                if (failure != null) {
                    Throwable cause = failure instanceof CompletionException && failure.getCause() != null
                            ? failure.getCause()
                            : failure;
                    done.accept(Outcome.failed(
                            cause instanceof RejectedExecutionException
                                    ? GatewayError.authenticationBusy()
                                    : GatewayError.internal()));
                } else {
                    done.accept(outcome(result));
                }
            }));
        }

        private static Outcome outcome(AuthResult result) {
            if (result instanceof AuthResult.Ok ok) {
                return Outcome.of(ok.caller());
            }
            String code = result.status().code();
            String message = switch (result.status()) {
                case MISSING -> "An API key is required: Authorization: Bearer qg_… or x-api-key: qg_…";
                case EXPIRED -> "The API key has expired";
                case REVOKED -> "The API key was revoked";
                case CERTIFICATE_NOT_MAPPED ->
                    "The client certificate is valid but mapped to no caller in the"
                            + " identity store (clientCertificates: its subject or SAN)";
                default -> "The API key or client certificate is not valid";
            };
            return Outcome.failed(new GatewayError(401, "authentication_error", code, message));
        }
    }
}
