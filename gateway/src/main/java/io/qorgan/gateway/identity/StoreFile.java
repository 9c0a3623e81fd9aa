package io.qorgan.gateway.identity;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The identity store file as bound by Jackson (shape in {@link IdentityStore}). Values only; the
 * checks that need the whole file live in {@link StoreLoader}.
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
record StoreFile(
        List<Agency> agencies,
        Map<String, List<String>> roles,
        List<Caller> callers,
        List<Key> apiKeys,
        List<CertificateMapping> clientCertificates) {

    StoreFile {
        agencies = agencies == null ? List.of() : agencies;
        roles = roles == null ? Map.of() : new LinkedHashMap<>(roles);
        callers = callers == null ? List.of() : callers;
        apiKeys = apiKeys == null ? List.of() : apiKeys;
        clientCertificates = clientCertificates == null ? List.of() : clientCertificates;
    }

    record Agency(String id, String name) {}

    record Caller(String id, String agency, List<String> roles, List<String> permissions) {
        Caller {
            roles = roles == null ? List.of() : roles;
            permissions = permissions == null ? List.of() : permissions;
        }
    }

    /** Timestamps are ISO-8601 instants ({@code 2027-01-01T00:00:00Z}). */
    record Key(String id, String caller, String hash, String created, String expires, Boolean revoked) {
        @Override
        public String toString() {
            return "Key[" + id + ", caller " + caller + "]";
        }
    }

    /** Exactly one of subject (an RFC 2253 DN) or san (a DNS, URI, e-mail or IP SAN value). */
    record CertificateMapping(String subject, String san, String caller) {}
}
