package io.qorgan.gateway.identity;

import java.security.cert.CertificateParsingException;
import java.security.cert.X509Certificate;
import java.time.Clock;
import java.util.List;
import javax.security.auth.x500.X500Principal;
import org.apache.shiro.authc.AuthenticationException;
import org.apache.shiro.authc.AuthenticationInfo;
import org.apache.shiro.authc.AuthenticationToken;
import org.apache.shiro.authc.DisabledAccountException;
import org.apache.shiro.authc.ExpiredCredentialsException;
import org.apache.shiro.authc.SimpleAuthenticationInfo;
import org.apache.shiro.authc.UnknownAccountException;
import org.apache.shiro.authz.AuthorizationInfo;
import org.apache.shiro.authz.SimpleAuthorizationInfo;
import org.apache.shiro.realm.AuthorizingRealm;
import org.apache.shiro.subject.PrincipalCollection;
import org.apache.shiro.subject.SimplePrincipalCollection;

/**
 * The Shiro realm over the {@link IdentityStore}: authenticates API keys (Argon2id) and verified
 * client certificates (subject or SAN mapping), and answers roles and permissions of a caller.
 *
 * <p>Shiro's own caches are off: {@link CallerAuthenticator} caches with Caffeine, bounded and
 * invalidated on store reload. A key's revoked or expired state is reported only after its secret
 * matched, so guessing a key id tells nothing. Exception messages carry no credential.
 */
final class IdentityRealm extends AuthorizingRealm {

    static final String NAME = "qorgan-identity-store";

    /** Authentication info that also remembers the stored key, for the checks after the match. */
    private static final class KeyInfo extends SimpleAuthenticationInfo {
        private final transient Snapshot.Key key;

        KeyInfo(CallerPrincipal principal, Snapshot.Key key) {
            super(principal, key.hash(), NAME);
            this.key = key;
        }
    }

    private final IdentityStore store;
    private final Clock clock;

    IdentityRealm(IdentityStore store, Clock clock) {
        this.store = store;
        this.clock = clock;
        setName(NAME);
        setCachingEnabled(false);
        setAuthenticationCachingEnabled(false);
        setAuthorizationCachingEnabled(false);
        setAuthenticationTokenClass(AuthenticationToken.class);
        setCredentialsMatcher((token, info) -> {
            if (token instanceof Tokens.ApiKey apiKey && info instanceof KeyInfo keyInfo) {
                return keyInfo.key.hash().matches(apiKey.parsed().key());
            }
            // The TLS handshake verified the chain against the listener's trusted client CAs.
            return token instanceof Tokens.ClientCertificate;
        });
    }

    @Override
    public boolean supports(AuthenticationToken token) {
        return token instanceof Tokens.ApiKey || token instanceof Tokens.ClientCertificate;
    }

    @Override
    protected AuthenticationInfo doGetAuthenticationInfo(AuthenticationToken token) throws AuthenticationException {
        Snapshot snapshot = store.snapshot();
        if (token instanceof Tokens.ApiKey apiKey) {
            Snapshot.Key key = snapshot.keys().get(apiKey.parsed().id());
            if (key == null) {
                throw new UnknownAccountException("unknown API key id");
            }
            Snapshot.Caller caller = snapshot.callers().get(key.caller());
            return new KeyInfo(new CallerPrincipal(caller.agency(), caller.id(), AuthMethod.API_KEY, key.id()), key);
        }
        X509Certificate certificate = ((Tokens.ClientCertificate) token).certificate();
        String callerId = callerOf(certificate, snapshot);
        if (callerId == null) {
            throw new UnknownAccountException("client certificate is mapped to no caller");
        }
        Snapshot.Caller caller = snapshot.callers().get(callerId);
        return new SimpleAuthenticationInfo(
                new CallerPrincipal(
                        caller.agency(),
                        caller.id(),
                        AuthMethod.CLIENT_CERT,
                        certificate.getSerialNumber().toString(16)),
                certificate,
                NAME);
    }

    @Override
    protected void assertCredentialsMatch(AuthenticationToken token, AuthenticationInfo info)
            throws AuthenticationException {
        super.assertCredentialsMatch(token, info);
        if (info instanceof KeyInfo keyInfo) {
            if (keyInfo.key.revoked()) {
                throw new DisabledAccountException("API key revoked");
            }
            if (keyInfo.key.expiredAt(clock.instant())) {
                throw new ExpiredCredentialsException("API key expired");
            }
        }
    }

    @Override
    protected AuthorizationInfo doGetAuthorizationInfo(PrincipalCollection principals) {
        CallerPrincipal principal = principals.oneByType(CallerPrincipal.class);
        SimpleAuthorizationInfo info = new SimpleAuthorizationInfo();
        Snapshot.Caller caller =
                principal == null ? null : store.snapshot().callers().get(principal.caller());
        if (caller != null) {
            info.setRoles(caller.roles());
            info.setObjectPermissions(caller.permissions());
        }
        return info;
    }

    AuthorizationInfo authorizationOf(CallerPrincipal principal) {
        return getAuthorizationInfo(new SimplePrincipalCollection(principal, NAME));
    }

    /** Subject first, then each SAN in certificate order; the first mapping found wins. */
    static String callerOf(X509Certificate certificate, Snapshot snapshot) {
        String subject = certificate.getSubjectX500Principal().getName(X500Principal.CANONICAL);
        String caller = snapshot.callerBySubject().get(subject);
        if (caller != null) {
            return caller;
        }
        try {
            var sans = certificate.getSubjectAlternativeNames();
            if (sans != null) {
                for (List<?> san : sans) {
                    if (san.size() >= 2 && san.get(1) instanceof String value) {
                        caller = snapshot.callerBySan().get(value);
                        if (caller != null) {
                            return caller;
                        }
                    }
                }
            }
        } catch (CertificateParsingException e) {
            return null;
        }
        return null;
    }
}
