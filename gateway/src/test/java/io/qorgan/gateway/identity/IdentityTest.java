package io.qorgan.gateway.identity;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Set;
import java.util.stream.Collectors;
import org.apache.shiro.authz.Permission;
import org.apache.shiro.authz.permission.WildcardPermission;
import org.junit.jupiter.api.Test;

class IdentityTest {

    private static Identity holding(String... permissions) {
        Set<Permission> granted =
                Set.of(permissions).stream().map(WildcardPermission::new).collect(Collectors.toSet());
        return new Identity(
                "agency-egov", "egov-chatbot", Set.of("chat-user"), granted, AuthMethod.API_KEY, "qg_ab12cd34");
    }

    @Test
    void isPermitted_exactPermission_isGranted() {
        Identity identity = holding("route:chat:invoke", "upstream:onprem-llm:use");

        assertThat(identity.isPermitted("route:chat:invoke")).isTrue();
        assertThat(identity.isPermitted("upstream:onprem-llm:use")).isTrue();
        assertThat(identity.isPermitted("upstream:openai:use")).isFalse();
        assertThat(identity.isPermitted("admin:audit:read")).isFalse();
    }

    @Test
    void isPermitted_wildcardsAndLists_implyNarrowerPermissions() {
        Identity identity = holding("route:*", "upstream:onprem-llm,gov-cloud:use", "admin:audit");

        assertThat(identity.isPermitted("route:chat:invoke")).isTrue();
        assertThat(identity.isPermitted("route:embeddings:invoke")).isTrue();
        assertThat(identity.isPermitted("upstream:gov-cloud:use")).isTrue();
        assertThat(identity.isPermitted("upstream:openai:use")).isFalse();
        assertThat(identity.isPermitted("admin:audit:read"))
                .as("missing trailing parts are wildcards")
                .isTrue();
        assertThat(identity.isPermitted("admin:policy:read")).isFalse();
    }

    @Test
    void check_firstMissingPermission_isNamed() {
        Identity identity = holding("route:chat:invoke");

        AccessDecision decision = identity.check("route:chat:invoke", "upstream:openai:use", "admin:audit:read");

        assertThat(decision.allowed()).isFalse();
        assertThat(decision.missing()).hasValue("upstream:openai:use");
        assertThat(identity.check("route:chat:invoke")).isEqualTo(AccessDecision.allow());
    }
}
