package io.qorgan.gateway.config;

import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * The whole configuration of one gateway process: validated, immutable, safe to share between
 * threads. Hot reload replaces the whole snapshot, never a part of it.
 *
 * @param source where it came from (a file path, or {@code "command line"}), for messages
 * @param cache the safe-answer cache: {@code protection.cache} defaults and {@code cache.maxBytes}
 * @param fleet the gateways serving together and the store they share
 */
public record GatewayConfig(
        String source,
        ListenersConfig listeners,
        IdentityConfig identity,
        Map<String, UpstreamConfig> upstreams,
        List<RouteConfig> routes,
        ProtectionConfig protection,
        PoliciesConfig policies,
        LimitsConfig limits,
        AuditConfig audit,
        CacheConfig cache,
        FleetConfig fleet) {

    public GatewayConfig {
        Objects.requireNonNull(source, "source");
        Objects.requireNonNull(listeners, "listeners");
        Objects.requireNonNull(identity, "identity");
        Objects.requireNonNull(limits, "limits");
        Objects.requireNonNull(protection, "protection");
        Objects.requireNonNull(policies, "policies");
        Objects.requireNonNull(audit, "audit");
        Objects.requireNonNull(cache, "cache");
        fleet = fleet == null ? FleetConfig.single() : fleet;
        upstreams = Map.copyOf(upstreams);
        routes = List.copyOf(routes);
    }

    /** A configuration without an audit trail, with the answer cache's defaults, on a node of its own. */
    public GatewayConfig(
            String source,
            ListenersConfig listeners,
            IdentityConfig identity,
            Map<String, UpstreamConfig> upstreams,
            List<RouteConfig> routes,
            ProtectionConfig protection,
            PoliciesConfig policies,
            LimitsConfig limits) {
        this(
                source,
                listeners,
                identity,
                upstreams,
                routes,
                protection,
                policies,
                limits,
                AuditConfig.none(),
                CacheConfig.defaults(),
                FleetConfig.single());
    }

    public Optional<UpstreamConfig> upstream(String name) {
        return Optional.ofNullable(upstreams.get(name));
    }
}
