package io.qorgan.gateway.config;

import com.fasterxml.jackson.core.JsonLocation;
import io.qorgan.gateway.crypto.SecretRef;
import io.qorgan.gateway.crypto.SignatureAlgorithm;
import io.qorgan.gateway.detect.EntityType;
import io.qorgan.gateway.protect.AnswerScanner;
import io.qorgan.gateway.protect.Operator;
import java.io.IOException;
import java.net.URI;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.EnumMap;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;

/**
 * Reads {@code qorgan.yaml} into a {@link GatewayConfig}. Binding rejects unknown keys and wrong
 * types; validation then checks meaning (ports, URLs, references between sections). Every error is
 * a {@link ConfigException} naming the file, line, column and field.
 */
public final class ConfigLoader {

    static final ListenerConfig DEFAULT_TRAFFIC = new ListenerConfig("127.0.0.1", 8080);
    static final ListenerConfig DEFAULT_ADMIN = new ListenerConfig("127.0.0.1", 8081);
    static final Duration DEFAULT_CONNECT_TIMEOUT = Duration.ofSeconds(5);
    static final Duration DEFAULT_READ_TIMEOUT = Duration.ofSeconds(120);
    static final int DEFAULT_MAX_CONNECTIONS = 256;

    private static final YamlBinder YAML = YamlBinder.strict();

    private ConfigLoader() {}

    public static GatewayConfig load(Path file) {
        String name = file.toString();
        String text;
        try {
            text = Files.readString(file, StandardCharsets.UTF_8);
        } catch (NoSuchFileException e) {
            throw new ConfigException(name, 0, 0, null, "file not found");
        } catch (IOException e) {
            throw new ConfigException(
                    name, 0, 0, null, "cannot read: " + e.getClass().getSimpleName());
        }
        return parse(name, text);
    }

    public static GatewayConfig parse(String source, String text) {
        YamlBinder.Bound<RawConfig> bound;
        RawConfig raw;
        try {
            bound = YAML.bind(source, text, RawConfig.class);
            raw = bound.orIfEmpty("a configuration needs at least `upstreams` and `routes`"
                    + " (qorgan.example.yaml shows every key)");
        } catch (YamlBindingException e) {
            throw new ConfigException(e.file(), e.line(), e.column(), e.field(), e.problem());
        }
        YamlLocations locations = bound.locations();
        return new Validator(source, locations, baseDirectory(source)).validate(raw);
    }

    /** Relative file names in a configuration are relative to the file's own folder. */
    private static Path baseDirectory(String source) {
        try {
            Path parent = Path.of(source).toAbsolutePath().getParent();
            return parent == null ? Path.of("").toAbsolutePath() : parent;
        } catch (RuntimeException e) {
            return Path.of("").toAbsolutePath();
        }
    }

    /** The configuration behind {@code qorgan serve --port P --upstream URL}: one upstream, one route. */
    public static GatewayConfig fromFlags(String host, int port, int adminPort, String upstreamUrl) {
        String source = "command line";
        URI uri = Validator.parseUrl(upstreamUrl, msg -> new ConfigException(source, 0, 0, "--upstream", msg));
        UpstreamConfig upstream = new UpstreamConfig(
                "default", uri, DEFAULT_CONNECT_TIMEOUT, DEFAULT_READ_TIMEOUT, DEFAULT_MAX_CONNECTIONS);
        // The upstream's own path is the natural prefix: gateway /v1/x -> upstream /v1/x.
        String prefix = upstream.basePath().isEmpty() ? "/" : upstream.basePath();
        RouteConfig route = new RouteConfig(prefix, "default", "auto", List.of());
        return new GatewayConfig(
                source,
                new ListenersConfig(new ListenerConfig(host, port), new ListenerConfig(host, adminPort)),
                IdentityConfig.anonymous(),
                Map.of("default", upstream),
                List.of(route),
                ProtectionConfig.defaults(),
                PoliciesConfig.none(),
                LimitsConfig.defaults(),
                AuditConfig.none(),
                CacheConfig.defaults(),
                FleetConfig.single());
    }

    static ConfigException error(String source, JsonLocation loc, String field, String message) {
        int line = loc == null ? 0 : Math.max(0, loc.getLineNr());
        int column = loc == null ? 0 : Math.max(0, loc.getColumnNr());
        return new ConfigException(source, line, column, field, message);
    }

    /** Meaning checks, with locations taken from the document. */
    private static final class Validator {
        private final String source;
        private final YamlLocations locations;
        private final Path baseDir;

        Validator(String source, YamlLocations locations, Path baseDir) {
            this.source = source;
            this.locations = locations;
            this.baseDir = baseDir;
        }

        GatewayConfig validate(RawConfig raw) {
            ListenersConfig listeners = listeners(raw.listeners());
            IdentityConfig identity = identity(raw.identity());
            Map<String, UpstreamConfig> upstreams = upstreams(raw.upstreams());
            List<RouteConfig> routes = routes(raw.routes(), upstreams);
            LimitsConfig limits = limits(raw.limits());
            ProtectionConfig protection = protection(raw.protection());
            PoliciesConfig policies = policies(raw.policies());
            AuditConfig audit = audit(raw.audit());
            CacheConfig cache =
                    cache(raw.protection() == null ? null : raw.protection().cache(), raw.cache());
            FleetConfig fleet = fleet(raw.fleet());
            if (listeners.traffic().port() != 0
                    && listeners.traffic().port() == listeners.admin().port()
                    && listeners.traffic().host().equals(listeners.admin().host())) {
                throw fail("/listeners/admin/port", "the admin listener must not share the traffic listener's port");
            }
            return new GatewayConfig(
                    source, listeners, identity, upstreams, routes, protection, policies, limits, audit, cache, fleet);
        }

        private AuditConfig audit(RawConfig.RawAudit raw) {
            if (raw == null) {
                return AuditConfig.none();
            }
            if (raw.directory() == null || raw.directory().isBlank()) {
                throw fail("/audit/directory", "is required for an audit trail");
            }
            Path dir = baseDir.resolve(raw.directory().trim()).normalize();
            if (Files.exists(dir) && !Files.isDirectory(dir)) {
                throw fail("/audit/directory", "not a directory: " + dir);
            }
            if (raw.encryptionKey() == null) {
                throw fail(
                        "/audit/encryptionKey",
                        "is required: records are never written unencrypted" + " (make one with qorgan audit keygen)");
            }
            if (raw.signingKey() == null) {
                throw fail("/audit/signingKey", "is required: the chain is signed (make one with qorgan audit keygen)");
            }
            SignatureAlgorithm signature = SignatureAlgorithm.ED25519;
            if (raw.signature() != null) {
                signature = SignatureAlgorithm.byConfigName(raw.signature())
                        .orElseThrow(() -> fail(
                                "/audit/signature",
                                "must be one of " + SignatureAlgorithm.configNames()
                                        + Suggestions.didYouMean(raw.signature(), SignatureAlgorithm.configNames())));
            }
            AuditConfig.Sync sync = AuditConfig.Sync.INTERVAL;
            if (raw.sync() != null) {
                List<String> names = Arrays.stream(AuditConfig.Sync.values())
                        .map(AuditConfig.Sync::configName)
                        .toList();
                String n = raw.sync().trim().toLowerCase(Locale.ROOT);
                sync = Arrays.stream(AuditConfig.Sync.values())
                        .filter(v -> v.configName().equals(n))
                        .findFirst()
                        .orElseThrow(() -> fail(
                                "/audit/sync", "must be every-record or interval" + Suggestions.didYouMean(n, names)));
            }
            AuditConfig.OnFull onFull = AuditConfig.OnFull.BLOCK;
            if (raw.onFull() != null) {
                List<String> names = List.of("block", "drop");
                String n = raw.onFull().trim().toLowerCase(Locale.ROOT);
                if (!names.contains(n)) {
                    throw fail("/audit/onFull", "must be block or drop" + Suggestions.didYouMean(n, names));
                }
                onFull = AuditConfig.OnFull.valueOf(n.toUpperCase(Locale.ROOT));
            }
            long segmentMax = raw.segmentMaxBytes() == null
                    ? AuditConfig.DEFAULT_SEGMENT_MAX_BYTES
                    : bytes("/audit/segmentMaxBytes", raw.segmentMaxBytes());
            if (segmentMax < 64 * 1024 || segmentMax > 4L * 1024 * 1024 * 1024) {
                throw fail("/audit/segmentMaxBytes", "must be between 64KB and 4GB");
            }
            int capacity = raw.queueCapacity() == null ? AuditConfig.DEFAULT_QUEUE_CAPACITY : raw.queueCapacity();
            if (capacity < 16 || capacity > 16 * 1024 * 1024) {
                throw fail("/audit/queueCapacity", "must be between 16 and 16777216");
            }
            Duration retention = duration("/audit/retention", raw.retention(), AuditConfig.DEFAULT_RETENTION);
            if (retention.compareTo(Duration.ofDays(1)) < 0) {
                throw fail("/audit/retention", "must be at least 1d");
            }
            return new AuditConfig(
                    dir,
                    secret("/audit/encryptionKey", raw.encryptionKey()),
                    secret("/audit/signingKey", raw.signingKey()),
                    signature,
                    duration("/audit/signEvery", raw.signEvery(), AuditConfig.DEFAULT_SIGN_EVERY),
                    sync,
                    duration("/audit/syncInterval", raw.syncInterval(), AuditConfig.DEFAULT_SYNC_INTERVAL),
                    segmentMax,
                    retention,
                    capacity,
                    onFull,
                    raw.index() == null || raw.index());
        }

        /** {@code protection.cache} (the defaults policies override) and {@code cache} (the process's memory). */
        private CacheConfig cache(RawConfig.RawCacheDefaults raw, RawConfig.RawCache memory) {
            CacheConfig d = CacheConfig.defaults();
            long maxBytes = memory == null || memory.maxBytes() == null
                    ? d.maxBytes()
                    : bytes("/cache/maxBytes", memory.maxBytes());
            if (raw == null) {
                return new CacheConfig(d.enabled(), d.ttl(), d.scope(), d.maxEntryBytes(), maxBytes);
            }
            CacheConfig.Scope scope = d.scope();
            if (raw.scope() != null) {
                List<String> scopes = List.of("caller", "agency");
                String s = raw.scope().trim().toLowerCase(Locale.ROOT);
                if (!scopes.contains(s)) {
                    throw fail(
                            "/protection/cache/scope", "must be caller or agency" + Suggestions.didYouMean(s, scopes));
                }
                scope = CacheConfig.Scope.valueOf(s.toUpperCase(Locale.ROOT));
            }
            long maxEntry = raw.maxEntryBytes() == null
                    ? d.maxEntryBytes()
                    : bytes("/protection/cache/maxEntryBytes", raw.maxEntryBytes());
            if (maxEntry < 1 || maxEntry > Integer.MAX_VALUE - 1) {
                throw fail("/protection/cache/maxEntryBytes", "must be between 1 byte and 2GB");
            }
            return new CacheConfig(
                    raw.enabled() == null ? d.enabled() : raw.enabled(),
                    duration("/protection/cache/ttl", raw.ttl(), d.ttl()),
                    scope,
                    maxEntry,
                    maxBytes);
        }

        private FleetConfig fleet(RawConfig.RawFleet raw) {
            if (raw == null) {
                return FleetConfig.single();
            }
            int nodes = raw.nodes() == null ? 1 : raw.nodes();
            if (nodes < 1 || nodes > 1000) {
                throw fail("/fleet/nodes", "must be between 1 and 1000");
            }
            if (raw.store() == null) {
                return new FleetConfig(nodes, null);
            }
            RawConfig.RawStore s = raw.store();
            if (s.url() == null) {
                throw fail("/fleet/store/url", "is required");
            }
            URI url;
            try {
                url = new URI(s.url().trim());
            } catch (URISyntaxException e) {
                throw fail("/fleet/store/url", "not a valid URL");
            }
            String scheme = url.getScheme() == null ? "" : url.getScheme().toLowerCase(Locale.ROOT);
            if (!scheme.equals("redis") && !scheme.equals("rediss")) {
                throw fail("/fleet/store/url", "must be a redis:// or rediss:// URL");
            }
            if (url.getHost() == null) {
                throw fail("/fleet/store/url", "has no host");
            }
            if (url.getRawUserInfo() != null) {
                throw fail("/fleet/store/url", "must not hold credentials; use fleet.store.password");
            }
            if (s.key() == null) {
                throw fail("/fleet/store/key", "is required: the key every node shares to seal conversations");
            }
            Duration timeout = duration("/fleet/store/timeout", s.timeout(), Duration.ofMillis(250));
            return new FleetConfig(
                    nodes,
                    new FleetConfig.Store(
                            url,
                            secret("/fleet/store/password", s.password()),
                            secret("/fleet/store/key", s.key()),
                            timeout));
        }

        private PoliciesConfig policies(RawConfig.RawPolicies raw) {
            if (raw == null || raw.directory() == null) {
                return PoliciesConfig.none();
            }
            Path dir = baseDir.resolve(raw.directory().trim()).normalize();
            if (!Files.isDirectory(dir)) {
                throw fail("/policies/directory", "not a directory: " + dir);
            }
            return new PoliciesConfig(
                    dir,
                    duration(
                            "/policies/reloadInterval",
                            raw.reloadInterval(),
                            PoliciesConfig.none().reloadInterval()));
        }

        private ProtectionConfig protection(RawConfig.RawProtection raw) {
            ProtectionConfig d = ProtectionConfig.defaults();
            if (raw == null) {
                return d;
            }
            List<String> typeNames =
                    Arrays.stream(EntityType.values()).map(Enum::name).toList();
            List<String> operatorNames = Arrays.stream(Operator.values())
                    .map(o -> o.name().toLowerCase(Locale.ROOT))
                    .toList();
            Operator fallback = raw.fallback() == null
                    ? d.fallback()
                    : operator("/protection/default", raw.fallback(), operatorNames);
            Map<EntityType, Operator> operators = new EnumMap<>(EntityType.class);
            if (raw.operators() != null) {
                for (Map.Entry<String, String> e : raw.operators().entrySet()) {
                    String at = "/protection/operators/" + e.getKey();
                    EntityType type = entityType(at, e.getKey(), typeNames);
                    operators.put(type, operator(at, e.getValue(), operatorNames));
                }
            }
            SecretRef hashKey = secret("/protection/hashKey", raw.hashKey());
            SecretRef fpeKey = secret("/protection/fpeKey", raw.fpeKey());
            List<Operator> used = new ArrayList<>(operators.values());
            used.add(fallback);
            if (used.contains(Operator.HASH) && hashKey == null) {
                throw fail("/protection/hashKey", "is required when an entity type uses the `hash` operator");
            }
            if (used.contains(Operator.FPE) && fpeKey == null) {
                throw fail("/protection/fpeKey", "is required when an entity type uses the `fpe` operator");
            }
            AnswerScanner.Action answers = d.answerAction();
            if (raw.answers() != null) {
                List<String> actions = List.of("leave", "mask", "redact");
                String a = raw.answers().trim().toLowerCase(Locale.ROOT);
                if (!actions.contains(a)) {
                    throw fail(
                            "/protection/answers",
                            "must be leave, mask or redact" + Suggestions.didYouMean(a, actions));
                }
                answers = AnswerScanner.Action.valueOf(a.toUpperCase(Locale.ROOT));
            }
            long maxAnswer = raw.maxAnswerBody() == null
                    ? d.maxAnswerBytes()
                    : bytes("/protection/maxAnswerBody", raw.maxAnswerBody());
            if (maxAnswer < 1024 || maxAnswer > Integer.MAX_VALUE - 1) {
                throw fail("/protection/maxAnswerBody", "must be between 1KB and 2GB");
            }
            int maxConversations = raw.maxConversations() == null ? d.maxConversations() : raw.maxConversations();
            if (maxConversations < 0) {
                throw fail("/protection/maxConversations", "must not be negative");
            }
            int findingsMemo = raw.findingsMemo() == null ? d.findingsMemo() : raw.findingsMemo();
            if (findingsMemo < 0) {
                throw fail("/protection/findingsMemo", "must not be negative (0 reads every text anew)");
            }
            Duration findingsMemoTtl =
                    duration("/protection/findingsMemoTtl", raw.findingsMemoTtl(), d.findingsMemoTtl());
            Set<EntityType> enabled = d.enabledTypes();
            if (raw.detect() != null) {
                enabled = EnumSet.noneOf(EntityType.class);
                for (int i = 0; i < raw.detect().size(); i++) {
                    enabled.add(
                            entityType("/protection/detect/" + i, raw.detect().get(i), typeNames));
                }
            }
            double minScore = raw.minScore() == null ? d.minScore() : raw.minScore();
            if (!(minScore >= 0 && minScore <= 1)) {
                throw fail("/protection/minScore", "must be between 0 and 1");
            }
            List<Path> names = new ArrayList<>();
            if (raw.extraNames() != null) {
                for (int i = 0; i < raw.extraNames().size(); i++) {
                    names.add(existingFile(
                            "/protection/extraNames/" + i, raw.extraNames().get(i)));
                }
            }
            int maxStrings = positive("/protection/maxStrings", raw.maxStrings(), d.maxStrings(), Integer.MAX_VALUE);
            int maxDepth =
                    positive("/protection/maxDepth", raw.maxDepth(), d.maxDepth(), ProtectionConfig.MAX_DEPTH_LIMIT);
            int maxTerms = positive("/protection/maxTerms", raw.maxTerms(), d.maxTerms(), Integer.MAX_VALUE);
            int maxFindings =
                    positive("/protection/maxFindings", raw.maxFindings(), d.maxFindings(), Integer.MAX_VALUE);
            return new ProtectionConfig(
                    operators,
                    fallback,
                    hashKey,
                    fpeKey,
                    answers,
                    raw.entitiesHeader() == null || raw.entitiesHeader(),
                    (int) maxAnswer,
                    duration("/protection/conversationTtl", raw.conversationTtl(), d.conversationTtl()),
                    maxConversations,
                    findingsMemo,
                    findingsMemoTtl,
                    enabled,
                    minScore,
                    names,
                    maxStrings,
                    maxDepth,
                    maxTerms,
                    maxFindings);
        }

        /** A count between 1 and {@code max}, or {@code fallback} when not given. */
        private int positive(String at, Integer value, int fallback, int max) {
            if (value == null) {
                return fallback;
            }
            if (value < 1 || value > max) {
                throw fail(at, "must be between 1 and " + max);
            }
            return value;
        }

        private EntityType entityType(String at, String name, List<String> known) {
            String n = name.trim().toUpperCase(Locale.ROOT);
            if (!known.contains(n)) {
                throw fail(at, "unknown entity type `" + name + "`" + Suggestions.didYouMean(n, known));
            }
            return EntityType.valueOf(n);
        }

        private Operator operator(String at, String name, List<String> known) {
            String n = name == null ? "" : name.trim().toLowerCase(Locale.ROOT);
            if (!known.contains(n)) {
                throw fail(
                        at,
                        "unknown operator `" + name + "`, expected one of " + known + Suggestions.didYouMean(n, known));
            }
            return Operator.valueOf(n.toUpperCase(Locale.ROOT));
        }

        private SecretRef secret(String at, String value) {
            if (value == null) {
                return null;
            }
            try {
                return SecretRef.parse(value);
            } catch (IllegalArgumentException e) {
                throw fail(at, "expected env:NAME, file:/path or a literal value");
            }
        }

        private IdentityConfig identity(RawConfig.RawIdentity raw) {
            IdentityConfig d = IdentityConfig.anonymous();
            if (raw == null) {
                return d;
            }
            Path store = raw.store() == null ? null : existingFile("/identity/store", raw.store());
            if (store == null && Boolean.TRUE.equals(raw.required())) {
                throw fail("/identity/store", "is required when identity.required is true");
            }
            int threads = raw.hashingThreads() == null ? d.hashingThreads() : raw.hashingThreads();
            if (threads < 1 || threads > 64) {
                throw fail("/identity/hashingThreads", "must be between 1 and 64");
            }
            return new IdentityConfig(store, duration("/identity/cacheTtl", raw.cacheTtl(), d.cacheTtl()), threads);
        }

        private ServerTlsConfig serverTls(String at, RawConfig.RawServerTls raw) {
            if (raw == null) {
                return null;
            }
            if (raw.certificate() == null) {
                throw fail(at + "/certificate", "is required for TLS");
            }
            if (raw.privateKey() == null) {
                throw fail(at + "/privateKey", "is required for TLS");
            }
            ServerTlsConfig.ClientAuth auth;
            try {
                auth = raw.clientAuth() == null
                        ? ServerTlsConfig.ClientAuth.NONE
                        : ServerTlsConfig.clientAuth(raw.clientAuth());
            } catch (IllegalArgumentException e) {
                throw fail(
                        at + "/clientAuth",
                        e.getMessage()
                                + Suggestions.didYouMean(raw.clientAuth(), List.of("none", "optional", "require")));
            }
            Path cas = raw.trustedClientCas() == null
                    ? null
                    : existingFile(at + "/trustedClientCas", raw.trustedClientCas());
            if (auth != ServerTlsConfig.ClientAuth.NONE && cas == null) {
                throw fail(at + "/trustedClientCas", "is required when clientAuth is optional or require");
            }
            return new ServerTlsConfig(
                    existingFile(at + "/certificate", raw.certificate()),
                    existingFile(at + "/privateKey", raw.privateKey()),
                    auth,
                    cas);
        }

        private UpstreamTlsConfig upstreamTls(String at, RawConfig.RawUpstreamTls raw) {
            if (raw == null) {
                return UpstreamTlsConfig.systemDefault();
            }
            if ((raw.clientCertificate() == null) != (raw.clientPrivateKey() == null)) {
                throw fail(
                        at + (raw.clientCertificate() == null ? "/clientCertificate" : "/clientPrivateKey"),
                        "clientCertificate and clientPrivateKey go together");
            }
            return new UpstreamTlsConfig(
                    raw.trustedCas() == null ? null : existingFile(at + "/trustedCas", raw.trustedCas()),
                    raw.clientCertificate() == null
                            ? null
                            : existingFile(at + "/clientCertificate", raw.clientCertificate()),
                    raw.clientPrivateKey() == null
                            ? null
                            : existingFile(at + "/clientPrivateKey", raw.clientPrivateKey()),
                    raw.verifyHostname() == null || raw.verifyHostname(),
                    List.of());
        }

        private Path existingFile(String at, String name) {
            Path path = baseDir.resolve(name.trim()).normalize();
            if (!Files.isRegularFile(path)) {
                throw fail(at, "file not found: " + path);
            }
            if (!Files.isReadable(path)) {
                throw fail(at, "file not readable: " + path);
            }
            return path;
        }

        private ListenersConfig listeners(RawConfig.RawListeners raw) {
            if (raw == null) {
                return new ListenersConfig(DEFAULT_TRAFFIC, DEFAULT_ADMIN);
            }
            return new ListenersConfig(
                    listener("/listeners/traffic", raw.traffic(), DEFAULT_TRAFFIC),
                    listener("/listeners/admin", raw.admin(), DEFAULT_ADMIN));
        }

        private ListenerConfig listener(String at, RawConfig.RawListener raw, ListenerConfig fallback) {
            if (raw == null) {
                return fallback;
            }
            String host = raw.host() == null ? fallback.host() : raw.host().trim();
            if (host.isEmpty()) {
                throw fail(at + "/host", "must not be empty");
            }
            int port = raw.port() == null ? fallback.port() : raw.port();
            if (port < 0 || port > 65535) {
                throw fail(at + "/port", "must be between 0 and 65535, got " + port);
            }
            return new ListenerConfig(host, port, serverTls(at + "/tls", raw.tls()));
        }

        private Map<String, UpstreamConfig> upstreams(Map<String, RawConfig.RawUpstream> raw) {
            if (raw == null || raw.isEmpty()) {
                throw fail("/upstreams", "at least one upstream is required");
            }
            Map<String, UpstreamConfig> out = new LinkedHashMap<>();
            for (Map.Entry<String, RawConfig.RawUpstream> e : raw.entrySet()) {
                String at = "/upstreams/" + e.getKey();
                RawConfig.RawUpstream u = e.getValue();
                if (u == null || u.baseUrl() == null) {
                    throw fail(at + "/baseUrl", "is required");
                }
                URI uri = parseUrl(u.baseUrl(), msg -> fail(at + "/baseUrl", msg));
                Duration connect = duration(at + "/connectTimeout", u.connectTimeout(), DEFAULT_CONNECT_TIMEOUT);
                Duration read = duration(at + "/readTimeout", u.readTimeout(), DEFAULT_READ_TIMEOUT);
                int max = u.maxConnections() == null ? DEFAULT_MAX_CONNECTIONS : u.maxConnections();
                if (max < 1) {
                    throw fail(at + "/maxConnections", "must be at least 1, got " + max);
                }
                SecretRef apiKey = null;
                if (u.apiKey() != null) {
                    try {
                        apiKey = SecretRef.parse(u.apiKey());
                    } catch (IllegalArgumentException ex) {
                        throw fail(at + "/apiKey", "expected env:NAME, file:/path or a literal key");
                    }
                }
                String header = u.apiKeyHeader() == null
                        ? "authorization"
                        : u.apiKeyHeader().trim().toLowerCase(Locale.ROOT);
                if (!header.equals("authorization") && !header.equals("x-api-key")) {
                    throw fail(
                            at + "/apiKeyHeader",
                            "must be authorization or x-api-key"
                                    + Suggestions.didYouMean(header, List.of("authorization", "x-api-key")));
                }
                UpstreamTlsConfig tls = upstreamTls(at + "/tls", u.tls());
                if (u.tls() != null && !"https".equalsIgnoreCase(uri.getScheme())) {
                    throw fail(at + "/tls", "applies to https:// base URLs only");
                }
                out.put(
                        e.getKey(),
                        new UpstreamConfig(
                                e.getKey(),
                                uri,
                                connect,
                                read,
                                max,
                                apiKey,
                                header,
                                tls,
                                retry(at + "/retry", u.retry()),
                                breaker(at + "/breaker", u.breaker())));
            }
            return out;
        }

        private RetrySettings retry(String at, RawConfig.RawRetry raw) {
            RetrySettings d = RetrySettings.defaults();
            if (raw == null) {
                return d;
            }
            int attempts = raw.attempts() == null ? d.attempts() : raw.attempts();
            if (attempts < 1 || attempts > 10) {
                throw fail(at + "/attempts", "must be between 1 and 10");
            }
            Duration backoff = duration(at + "/backoff", raw.backoff(), d.backoff());
            Duration maxBackoff = duration(at + "/maxBackoff", raw.maxBackoff(), d.maxBackoff());
            if (maxBackoff.compareTo(backoff) < 0) {
                throw fail(at + "/maxBackoff", "must not be shorter than backoff");
            }
            double budget = raw.budget() == null ? d.budgetRatio() * 100 : raw.budget();
            if (!(budget >= 0 && budget <= 100)) {
                throw fail(at + "/budget", "must be a percentage between 0 and 100");
            }
            int minPerSecond = raw.minPerSecond() == null ? d.budgetMinPerSecond() : raw.minPerSecond();
            if (minPerSecond < 0) {
                throw fail(at + "/minPerSecond", "must not be negative");
            }
            return new RetrySettings(attempts, backoff, maxBackoff, budget / 100, minPerSecond);
        }

        private BreakerSettings breaker(String at, RawConfig.RawBreaker raw) {
            BreakerSettings d = BreakerSettings.defaults();
            if (raw == null) {
                return d;
            }
            double failureRate = percent(at + "/failureRate", raw.failureRate(), d.failureRatePercent());
            double slowRate = percent(at + "/slowCallRate", raw.slowCallRate(), d.slowCallRatePercent());
            int window = raw.window() == null ? d.window() : raw.window();
            if (window < 1 || window > 10_000) {
                throw fail(at + "/window", "must be between 1 and 10000 calls");
            }
            int minimum = raw.minimumCalls() == null ? Math.min(d.minimumCalls(), window) : raw.minimumCalls();
            if (minimum < 1 || minimum > window) {
                throw fail(at + "/minimumCalls", "must be between 1 and window (" + window + ")");
            }
            int halfOpen = raw.halfOpenCalls() == null ? d.halfOpenCalls() : raw.halfOpenCalls();
            if (halfOpen < 1 || halfOpen > 100) {
                throw fail(at + "/halfOpenCalls", "must be between 1 and 100");
            }
            return new BreakerSettings(
                    raw.enabled() == null || raw.enabled(),
                    failureRate,
                    slowRate,
                    duration(at + "/slowCall", raw.slowCall(), d.slowCall()),
                    window,
                    minimum,
                    duration(at + "/openFor", raw.openFor(), d.openFor()),
                    halfOpen);
        }

        private double percent(String at, Double value, double fallback) {
            double p = value == null ? fallback : value;
            if (!(p > 0 && p <= 100)) {
                throw fail(at, "must be a percentage above 0 and at most 100");
            }
            return p;
        }

        private List<RouteConfig.Target> targets(
                String at, RawConfig.RawRoute r, Map<String, UpstreamConfig> upstreams) {
            if (r.upstream() != null && r.upstreams() != null) {
                throw fail(at + "/upstreams", "a route names `upstream` or `upstreams`, not both");
            }
            if (r.upstreams() == null) {
                if (r.upstream() == null) {
                    throw fail(at + "/upstream", "is required");
                }
                known(at + "/upstream", r.upstream(), upstreams);
                return List.of(new RouteConfig.Target(r.upstream(), 1));
            }
            if (r.upstreams().isEmpty()) {
                throw fail(at + "/upstreams", "must name at least one upstream");
            }
            List<RouteConfig.Target> out = new ArrayList<>();
            for (int j = 0; j < r.upstreams().size(); j++) {
                String tat = at + "/upstreams/" + j;
                RawConfig.RawTarget t = r.upstreams().get(j);
                if (t == null || t.name() == null) {
                    throw fail(tat, "names no upstream");
                }
                known(t.weight() == null ? tat : tat + "/name", t.name(), upstreams);
                int weight = t.weight() == null ? 1 : t.weight();
                if (weight < 0 || weight > 1000) {
                    throw fail(tat + "/weight", "must be between 0 and 1000");
                }
                for (RouteConfig.Target before : out) {
                    if (before.upstream().equals(t.name())) {
                        throw fail(tat, "`" + t.name() + "` is listed twice");
                    }
                }
                out.add(new RouteConfig.Target(t.name(), weight));
            }
            if (out.stream().mapToInt(RouteConfig.Target::weight).sum() == 0) {
                throw fail(at + "/upstreams", "at least one upstream needs a weight above 0");
            }
            return out;
        }

        private void known(String at, String upstream, Map<String, UpstreamConfig> upstreams) {
            if (!upstreams.containsKey(upstream)) {
                throw fail(
                        at,
                        "unknown upstream `" + upstream + "`" + Suggestions.didYouMean(upstream, upstreams.keySet()));
            }
        }

        private List<RouteConfig> routes(List<RawConfig.RawRoute> raw, Map<String, UpstreamConfig> upstreams) {
            if (raw == null || raw.isEmpty()) {
                throw fail("/routes", "at least one route is required");
            }
            List<RouteConfig> out = new ArrayList<>();
            Map<String, Integer> seen = new LinkedHashMap<>();
            Map<String, Integer> names = new LinkedHashMap<>();
            for (int i = 0; i < raw.size(); i++) {
                String at = "/routes/" + i;
                RawConfig.RawRoute r = raw.get(i);
                if (r == null || r.pathPrefix() == null) {
                    throw fail(at + "/pathPrefix", "is required");
                }
                String prefix = r.pathPrefix().trim();
                if (!prefix.startsWith("/")) {
                    throw fail(at + "/pathPrefix", "must start with `/`, got `" + prefix + "`");
                }
                if (prefix.length() > 1 && prefix.endsWith("/")) {
                    prefix = prefix.substring(0, prefix.length() - 1);
                }
                Integer previous = seen.putIfAbsent(prefix, i);
                if (previous != null) {
                    throw fail(at + "/pathPrefix", "`" + prefix + "` is already used by routes[" + previous + "]");
                }
                List<RouteConfig.Target> targets = targets(at, r, upstreams);
                boolean weighted =
                        r.upstreams() != null && r.upstreams().stream().anyMatch(t -> t.weight() != null);
                String dialect = r.dialect() == null ? "auto" : r.dialect();
                if (!RouteConfig.DIALECTS.contains(dialect)) {
                    throw fail(
                            at + "/dialect",
                            "unknown dialect `" + dialect + "`, expected one of " + RouteConfig.DIALECTS
                                    + Suggestions.didYouMean(dialect, RouteConfig.DIALECTS));
                }
                String name = r.name() == null
                        ? RouteConfig.defaultName(prefix)
                        : r.name().trim();
                if (!name.matches("[A-Za-z0-9_.-]+")) {
                    throw fail(at + "/name", "may use letters, digits, `_`, `.` and `-` only");
                }
                Integer sameName = names.putIfAbsent(name, i);
                if (sameName != null) {
                    throw fail(at + "/name", "`" + name + "` is already the name of routes[" + sameName + "]");
                }
                out.add(new RouteConfig(
                        name,
                        prefix,
                        targets.get(0).upstream(),
                        dialect,
                        r.models() == null ? List.of() : r.models(),
                        r.protect() == null || r.protect(),
                        Boolean.TRUE.equals(r.passUnreadable()),
                        targets,
                        weighted));
            }
            return out;
        }

        private LimitsConfig limits(RawConfig.RawLimits raw) {
            LimitsConfig d = LimitsConfig.defaults();
            if (raw == null) {
                return d;
            }
            long body = raw.maxRequestBody() == null
                    ? d.maxRequestBodyBytes()
                    : bytes("/limits/maxRequestBody", raw.maxRequestBody());
            if (body < 1 || body > Integer.MAX_VALUE - 1) {
                throw fail("/limits/maxRequestBody", "must be between 1 byte and 2GB");
            }
            long header = raw.maxHeaderSize() == null
                    ? d.maxHeaderBytes()
                    : bytes("/limits/maxHeaderSize", raw.maxHeaderSize());
            if (header < 1024 || header > 1024 * 1024) {
                throw fail("/limits/maxHeaderSize", "must be between 1KB and 1MB");
            }
            int concurrent =
                    raw.maxConcurrentExchanges() == null ? d.maxConcurrentExchanges() : raw.maxConcurrentExchanges();
            if (concurrent < 1) {
                throw fail("/limits/maxConcurrentExchanges", "must be at least 1");
            }
            int threads = raw.ioThreads() == null ? d.ioThreads() : raw.ioThreads();
            if (threads < 1 || threads > 256) {
                throw fail("/limits/ioThreads", "must be between 1 and 256");
            }
            String transport =
                    raw.transport() == null ? d.transport() : raw.transport().trim();
            if (!LimitsConfig.TRANSPORTS.contains(transport)) {
                throw fail(
                        "/limits/transport",
                        "unknown transport `" + transport + "`, expected one of " + LimitsConfig.TRANSPORTS
                                + Suggestions.didYouMean(transport, LimitsConfig.TRANSPORTS));
            }
            Duration headerTimeout = duration("/limits/headerTimeout", raw.headerTimeout(), d.headerTimeout());
            if (headerTimeout.isZero() || headerTimeout.isNegative()) {
                throw fail("/limits/headerTimeout", "must be positive");
            }
            Duration bodyTimeout = duration("/limits/bodyTimeout", raw.bodyTimeout(), d.bodyTimeout());
            if (bodyTimeout.isZero() || bodyTimeout.isNegative()) {
                throw fail("/limits/bodyTimeout", "must be positive");
            }
            long minRate = raw.minBodyRate() == null ? d.minBodyRate() : rate("/limits/minBodyRate", raw.minBodyRate());
            long buffered = raw.maxBufferedBodies() == null
                    ? d.maxBufferedBodies()
                    : bytes("/limits/maxBufferedBodies", raw.maxBufferedBodies());
            if (buffered != 0 && buffered < body) {
                throw fail(
                        "/limits/maxBufferedBodies",
                        "must be at least maxRequestBody (" + body
                                + " bytes): one request of the largest size must fit");
            }
            return new LimitsConfig(
                    (int) body,
                    (int) header,
                    duration("/limits/idleTimeout", raw.idleTimeout(), d.idleTimeout()),
                    concurrent,
                    duration("/limits/shutdownGrace", raw.shutdownGrace(), d.shutdownGrace()),
                    threads,
                    transport,
                    headerTimeout,
                    bodyTimeout,
                    minRate,
                    buffered);
        }

        private Duration duration(String at, String text, Duration fallback) {
            if (text == null) {
                return fallback;
            }
            try {
                Duration d = ConfigValues.duration(text);
                if (d.isZero()) {
                    throw fail(at, "must be greater than zero");
                }
                return d;
            } catch (IllegalArgumentException e) {
                throw fail(at, e.getMessage());
            }
        }

        /** A rate written as a size a second: {@code 8KB/s} (or a plain size, read as per second). */
        private long rate(String at, String text) {
            String t = text.trim();
            if (t.endsWith("/s")) {
                t = t.substring(0, t.length() - 2).trim();
            }
            long rate = bytes(at, t);
            if (rate < 0) {
                throw fail(at, "must not be negative");
            }
            return rate;
        }

        private long bytes(String at, String text) {
            try {
                return ConfigValues.bytes(text);
            } catch (IllegalArgumentException e) {
                throw fail(at, e.getMessage());
            }
        }

        static URI parseUrl(String text, Function<String, ConfigException> fail) {
            URI uri;
            try {
                uri = new URI(text.trim());
            } catch (URISyntaxException e) {
                throw fail.apply("not a valid URL: `" + text + "`");
            }
            String scheme = uri.getScheme();
            if (scheme == null || !(scheme.equalsIgnoreCase("http") || scheme.equalsIgnoreCase("https"))) {
                throw fail.apply("must be an http:// or https:// URL, got `" + text + "`");
            }
            if (uri.getHost() == null) {
                throw fail.apply("has no host: `" + text + "`");
            }
            if (uri.getRawQuery() != null || uri.getRawFragment() != null) {
                throw fail.apply("must not have a query or fragment: `" + text + "`");
            }
            return uri;
        }

        private ConfigException fail(String pointer, String message) {
            return error(source, locations.locate(pointer), YamlLocations.fieldName(pointer), message);
        }
    }
}
