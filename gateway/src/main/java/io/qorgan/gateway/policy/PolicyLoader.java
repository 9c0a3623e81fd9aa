package io.qorgan.gateway.policy;

import com.fasterxml.jackson.core.JsonLocation;
import io.qorgan.gateway.config.ConfigValues;
import io.qorgan.gateway.config.Suggestions;
import io.qorgan.gateway.config.YamlBinder;
import io.qorgan.gateway.config.YamlBindingException;
import io.qorgan.gateway.config.YamlLocations;
import io.qorgan.gateway.detect.EntityType;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.Collections;
import java.util.EnumMap;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.HashSet;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.apache.lucene.search.Query;

/**
 * Reads a policy directory into a {@link PolicySet}: {@code default.yaml} and {@code agency-<id>.yaml}
 * ({@code *.test.yaml} are tests, other files are ignored unless they look like a misnamed policy). Binding
 * rejects unknown keys and wrong types; validation checks names (entity types, classes, actions, upstreams),
 * rule ids, queries and inheritance. Every error is a {@link PolicyException} with file, line and column.
 */
final class PolicyLoader {

    static final String DEFAULT = "default";
    private static final Pattern AGENCY_FILE = Pattern.compile("agency-([A-Za-z0-9][A-Za-z0-9_.-]*)\\.ya?ml");
    private static final Pattern RULE_ID = Pattern.compile("[A-Za-z0-9][A-Za-z0-9_.:-]*");
    private static final List<String> ACTIONS =
            List.of("placeholder", "mask", "redact", "hash", "fpe", "keep", "block");
    private static final List<String> CLASSES = List.of("onprem", "external");
    private static final List<String> MODES = List.of("enforce", "shadow");
    private static final List<String> ANSWERS = List.of("leave", "mask", "redact", "block");
    private static final List<String> RULE_ACTIONS = List.of("block", "flag", "route");
    private static final List<String> CACHE_SCOPES = List.of("caller", "agency");
    private static final List<String> TYPE_NAMES =
            Arrays.stream(EntityType.values()).map(Enum::name).collect(Collectors.toUnmodifiableList());

    /** Policies may write a single value where a list is expected ({@code models: gpt-4o}). */
    private static final YamlBinder YAML = YamlBinder.strict()
            .acceptingSingleValuesAsLists()
            .naming(RawPolicy.RawActions.class, "an action, or a map of `onprem` and `external` actions")
            .naming(RawPolicy.RawRuleAction.class, "`block`, `flag` or `route: <upstream>`");

    private PolicyLoader() {}

    /** One policy file, validated on its own; inheritance not yet resolved. Null fields were not written. */
    private record Part(
            String name,
            String file,
            YamlLocations where,
            String parent,
            String label,
            String description,
            Boolean shadow,
            Map<String, Policy.Grant> upstreams,
            Map<String, EnumMap<DataClass, EntityAction>> entities,
            List<Rule> rules,
            AnswerAction answers,
            Long maxEntities,
            Long maxRequestBytes,
            Boolean cacheEnabled,
            Duration cacheTtl,
            String cacheScope,
            Long cacheMaxEntryBytes,
            List<String> cacheRoutes,
            Map<String, String> routePointers,
            RawPolicy.RawRates agencyRates,
            RawPolicy.RawRates perCallerRates,
            Map<String, RawPolicy.RawRates> callerRates) {}

    static PolicySet load(Path dir, Collection<String> knownUpstreams) {
        Map<String, Path> files = policyFiles(dir);
        MessageDigest digest = sha256();
        Map<String, Part> parts = new LinkedHashMap<>();
        for (Map.Entry<String, Path> e : files.entrySet()) {
            String text = read(e.getValue());
            update(digest, e.getValue(), text);
            parts.put(e.getKey(), new FileReader(e.getKey(), e.getValue().toString(), text).part());
        }
        String version = HexFormat.of().formatHex(digest.digest(), 0, 8);
        Map<String, Policy> policies = new LinkedHashMap<>();
        for (String name : parts.keySet()) {
            policies.put(name, resolve(name, parts, knownUpstreams));
        }
        return new PolicySet(version, policies);
    }

    /**
     * The version a directory's policies would load as, from the files' names and contents alone, without parsing
     * them: a reload compares it first, so an unchanged (or unchanged broken) directory is not parsed again.
     *
     * @throws PolicyException when the directory cannot be listed or its file names are wrong
     */
    static String fingerprint(Path dir) {
        MessageDigest digest = sha256();
        for (Path file : policyFiles(dir).values()) {
            update(digest, file, read(file));
        }
        return HexFormat.of().formatHex(digest.digest(), 0, 8);
    }

    private static void update(MessageDigest digest, Path file, String text) {
        digest.update(file.getFileName().toString().getBytes(StandardCharsets.UTF_8));
        digest.update((byte) 0);
        digest.update(text.getBytes(StandardCharsets.UTF_8));
        digest.update((byte) 0);
    }

    /** The policy files of a directory by policy name ({@code default} or the agency), tests left out. */
    private static Map<String, Path> policyFiles(Path dir) {
        String dirName = dir.toString();
        if (!Files.isDirectory(dir)) {
            throw new PolicyException(dirName, 0, 0, null, "not a directory");
        }
        Map<String, Path> files = new TreeMap<>();
        try (Stream<Path> list = Files.list(dir)) {
            for (Path p : (Iterable<Path>) list.sorted()::iterator) {
                String n = p.getFileName().toString();
                if (!Files.isRegularFile(p) || !(n.endsWith(".yaml") || n.endsWith(".yml")) || isTestFile(n)) {
                    continue;
                }
                Matcher m = AGENCY_FILE.matcher(n);
                String policy =
                        n.equals("default.yaml") || n.equals("default.yml") ? DEFAULT : m.matches() ? m.group(1) : null;
                if (policy != null) {
                    Path other = files.put(policy, p);
                    if (other != null) {
                        throw new PolicyException(
                                p.toString(),
                                0,
                                0,
                                null,
                                "a second file for policy `" + policy + "` beside " + other.getFileName());
                    }
                } else {
                    throw new PolicyException(
                            p.toString(),
                            0,
                            0,
                            null,
                            "not a policy file name: policies are default.yaml and agency-<id>.yaml, tests *.test.yaml");
                }
            }
        } catch (IOException e) {
            throw new PolicyException(
                    dirName, 0, 0, null, "cannot list: " + e.getClass().getSimpleName());
        }
        if (!files.containsKey(DEFAULT)) {
            throw new PolicyException(
                    dir.resolve("default.yaml").toString(),
                    0,
                    0,
                    null,
                    "missing: a policy directory needs a default policy");
        }
        return files;
    }

    static boolean isTestFile(String fileName) {
        return fileName.endsWith(".test.yaml") || fileName.endsWith(".test.yml");
    }

    static String read(Path file) {
        try {
            return Files.readString(file, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new PolicyException(
                    file.toString(), 0, 0, null, "cannot read: " + e.getClass().getSimpleName());
        }
    }

    private static MessageDigest sha256() {
        try {
            return MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    /** The policy {@code name} with its ancestors merged in, root first. */
    private static Policy resolve(String name, Map<String, Part> parts, Collection<String> knownUpstreams) {
        List<Part> chain = new ArrayList<>();
        Set<String> seen = new HashSet<>();
        Part p = parts.get(name);
        while (true) {
            if (!seen.add(p.name())) {
                throw fail(p, "/extends", "policies extend each other in a circle: " + String.join(" → ", seen));
            }
            chain.add(0, p);
            String parent = p.parent() != null ? p.parent() : (p.name().equals(DEFAULT) ? null : DEFAULT);
            if (parent == null) {
                break;
            }
            Part next = parts.get(parent);
            if (next == null) {
                throw fail(
                        p,
                        "/extends",
                        "no policy `" + parent + "` to extend" + Suggestions.didYouMean(parent, parts.keySet()));
            }
            p = next;
        }
        Part own = chain.get(chain.size() - 1);
        String label = null;
        String description = null;
        boolean shadow = false;
        Map<String, Policy.Grant> upstreams = null;
        Part upstreamsFrom = null;
        Map<EntityType, Map<DataClass, EntityAction>> entities = new EnumMap<>(EntityType.class);
        Map<DataClass, EntityAction> defaults = new EnumMap<>(DataClass.class);
        LinkedHashMap<String, Rule> rules = new LinkedHashMap<>();
        Map<String, Part> ruleParts = new HashMap<>();
        AnswerAction answers = AnswerAction.LEAVE;
        long maxEntities = Long.MAX_VALUE;
        long maxBytes = Long.MAX_VALUE;
        Boolean cacheEnabled = null;
        Duration cacheTtl = null;
        String cacheScope = null;
        Long cacheMaxEntryBytes = null;
        List<String> cacheRoutes = List.of();
        RawPolicy.RawRates agencyRates = null;
        RawPolicy.RawRates perCallerRates = null;
        Map<String, RawPolicy.RawRates> callerRates = new LinkedHashMap<>();
        for (Part part : chain) {
            label = part.label() != null ? part.label() : label;
            description = part.description() != null ? part.description() : description;
            shadow = part.shadow() != null ? part.shadow() : shadow;
            if (part.upstreams() != null) {
                upstreams = part.upstreams();
                upstreamsFrom = part;
            }
            part.entities().forEach((key, perClass) -> {
                if (key.equals("default")) {
                    defaults.putAll(perClass);
                } else {
                    entities.computeIfAbsent(EntityType.valueOf(key), t -> new EnumMap<>(DataClass.class))
                            .putAll(perClass);
                }
            });
            for (Rule r : part.rules()) {
                rules.put(r.id(), r); // an inherited rule with the same id is replaced in place
                ruleParts.put(r.id(), part);
            }
            answers = part.answers() != null ? part.answers() : answers;
            maxEntities = part.maxEntities() != null ? part.maxEntities() : maxEntities;
            maxBytes = part.maxRequestBytes() != null ? part.maxRequestBytes() : maxBytes;
            cacheEnabled = part.cacheEnabled() != null ? part.cacheEnabled() : cacheEnabled;
            cacheTtl = part.cacheTtl() != null ? part.cacheTtl() : cacheTtl;
            cacheScope = part.cacheScope() != null ? part.cacheScope() : cacheScope;
            cacheMaxEntryBytes = part.cacheMaxEntryBytes() != null ? part.cacheMaxEntryBytes() : cacheMaxEntryBytes;
            cacheRoutes = part.cacheRoutes() != null ? part.cacheRoutes() : cacheRoutes;
            agencyRates = part.agencyRates() != null ? part.agencyRates().over(agencyRates) : agencyRates;
            perCallerRates =
                    part.perCallerRates() != null ? part.perCallerRates().over(perCallerRates) : perCallerRates;
            part.callerRates().forEach((caller, rates) -> callerRates.merge(caller, rates, RawPolicy.RawRates::over));
        }
        Map<String, UsageLimits.Rates> callers = new LinkedHashMap<>();
        callerRates.forEach((caller, rates) -> callers.put(caller, rates.resolved()));
        UsageLimits usage = new UsageLimits(
                agencyRates == null ? UsageLimits.Rates.NONE : agencyRates.resolved(),
                perCallerRates == null ? UsageLimits.Rates.NONE : perCallerRates.resolved(),
                callers);
        if (upstreams != null && knownUpstreams != null) {
            for (String u : upstreams.keySet()) {
                if (!knownUpstreams.contains(u)) {
                    throw fail(
                            upstreamsFrom,
                            "/upstreams/" + escape(u),
                            "unknown upstream `" + u
                                    + "`: the gateway configuration has "
                                    + String.join(", ", new TreeSet<>(knownUpstreams))
                                    + Suggestions.didYouMean(u, knownUpstreams));
                }
            }
        }
        for (Rule r : rules.values()) {
            if (r.action() == Rule.Action.ROUTE) {
                Part from = ruleParts.get(r.id());
                Collection<String> targets =
                        upstreams != null ? upstreams.keySet() : knownUpstreams != null ? knownUpstreams : null;
                if (targets != null && !targets.contains(r.routeTo())) {
                    String who = own.name().equals(DEFAULT) ? "the default policy" : "agency `" + own.name() + "`";
                    throw fail(
                            from,
                            from.routePointers().get(r.id()),
                            "rule `" + r.id() + "` routes to `" + r.routeTo() + "`, which " + who + " may not use"
                                    + Suggestions.didYouMean(r.routeTo(), targets));
                }
            }
        }
        List<Rule> ruleList = List.copyOf(rules.values());
        ContentRules content =
                new ContentRules(ruleList.stream().map(Rule::query).toList());
        return new Policy(
                own.name(),
                label,
                description,
                shadow,
                upstreams,
                entities,
                defaults,
                ruleList,
                content,
                answers,
                maxEntities,
                maxBytes,
                new CacheSection(cacheEnabled, cacheTtl, cacheScope, cacheMaxEntryBytes, cacheRoutes),
                usage);
    }

    private static PolicyException fail(Part part, String pointer, String message) {
        return error(part.file(), part.where().locate(pointer), YamlLocations.fieldName(pointer), message);
    }

    static PolicyException error(String file, JsonLocation loc, String field, String message) {
        int line = loc == null ? 0 : Math.max(0, loc.getLineNr());
        int column = loc == null ? 0 : Math.max(0, loc.getColumnNr());
        return new PolicyException(file, line, column, field, message);
    }

    static String escape(String key) {
        return key.replace("~", "~0").replace("/", "~1");
    }

    /**
     * Binds a YAML text to {@code type} with located errors.
     *
     * @throws PolicyException when the text is not YAML or does not fit {@code type}
     */
    static <T> YamlBinder.Bound<T> bind(String file, String text, Class<T> type) {
        try {
            return YAML.bind(file, text, type);
        } catch (YamlBindingException e) {
            throw new PolicyException(e.file(), e.line(), e.column(), e.field(), e.problem());
        }
    }

    /** Validation of one file. */
    private static final class FileReader {
        private final String name;
        private final String file;
        private final YamlLocations where;
        private final RawPolicy raw;

        FileReader(String name, String file, String text) {
            this.name = name;
            this.file = file;
            YamlBinder.Bound<RawPolicy> bound = bind(file, text, RawPolicy.class);
            this.where = bound.locations();
            this.raw = bound.orElse(new RawPolicy(null, null, null, null, null, null, null, null, null, null, null));
        }

        Part part() {
            if (name.equals(DEFAULT)) {
                if (raw.agency() != null) {
                    throw fail(
                            "/agency", "the default policy belongs to no agency; agency policies are agency-<id>.yaml");
                }
                if (raw.parent() != null) {
                    throw fail("/extends", "the default policy extends nothing");
                }
            } else if (raw.agency() == null) {
                throw fail("", "missing `agency: " + name + "`");
            } else if (!raw.agency().equals(name)) {
                throw fail("/agency", "`" + raw.agency() + "` does not match the file name agency-" + name + ".yaml");
            }
            Boolean shadow =
                    raw.mode() == null ? null : word("/mode", raw.mode(), MODES).equals("shadow");
            Map<String, Policy.Grant> upstreams = upstreams();
            Map<String, EnumMap<DataClass, EntityAction>> entities = entities();
            Map<String, String> routePointers = new HashMap<>();
            List<Rule> rules = rules(upstreams, routePointers);
            AnswerAction answers = raw.answers() == null
                    ? null
                    : AnswerAction.valueOf(
                            word("/answers", raw.answers(), ANSWERS).toUpperCase(Locale.ROOT));
            Long maxEntities = null;
            Long maxBytes = null;
            RawPolicy.RawRates agencyRates = null;
            RawPolicy.RawRates perCallerRates = null;
            Map<String, RawPolicy.RawRates> callerRates = new LinkedHashMap<>();
            if (raw.limits() != null) {
                RawPolicy.RawLimits l = raw.limits();
                agencyRates = rates(
                        "/limits",
                        new RawPolicy.RawRates(
                                l.requestsPerSecond(), l.concurrentExchanges(), l.tokensPerMinute(), l.tokensPerDay()));
                perCallerRates = l.perCaller() == null ? null : rates("/limits/perCaller", l.perCaller());
                if (l.callers() != null) {
                    l.callers().forEach((caller, rates) -> {
                        String at = "/limits/callers/" + escape(caller);
                        if (rates == null) {
                            throw fail(at, "missing limits");
                        }
                        callerRates.put(caller, rates(at, rates));
                    });
                }
                if (raw.limits().maxEntities() != null) {
                    if (raw.limits().maxEntities() < 0) {
                        throw fail("/limits/maxEntities", "must not be negative");
                    }
                    maxEntities = (long) raw.limits().maxEntities();
                }
                if (raw.limits().maxRequestBytes() != null) {
                    try {
                        maxBytes = ConfigValues.bytes(raw.limits().maxRequestBytes());
                    } catch (IllegalArgumentException e) {
                        throw fail("/limits/maxRequestBytes", e.getMessage());
                    }
                }
            }
            Boolean cacheEnabled = null;
            Duration ttl = null;
            String cacheScope = null;
            Long cacheMaxEntryBytes = null;
            List<String> cacheRoutes = null;
            if (raw.cache() != null) {
                cacheEnabled = raw.cache().enabled();
                if (raw.cache().ttl() != null) {
                    try {
                        ttl = ConfigValues.duration(raw.cache().ttl());
                    } catch (IllegalArgumentException e) {
                        throw fail("/cache/ttl", e.getMessage());
                    }
                    if (ttl.isZero()) {
                        throw fail("/cache/ttl", "must be greater than zero (to cache nothing, write enabled: false)");
                    }
                }
                if (raw.cache().scope() != null) {
                    cacheScope = word("/cache/scope", raw.cache().scope(), CACHE_SCOPES);
                }
                if (raw.cache().maxEntryBytes() != null) {
                    try {
                        cacheMaxEntryBytes = ConfigValues.bytes(raw.cache().maxEntryBytes());
                    } catch (IllegalArgumentException e) {
                        throw fail("/cache/maxEntryBytes", e.getMessage());
                    }
                    if (cacheMaxEntryBytes < 1 || cacheMaxEntryBytes > Integer.MAX_VALUE - 1) {
                        throw fail("/cache/maxEntryBytes", "must be between 1 byte and 2GB");
                    }
                }
                cacheRoutes = raw.cache().routes() == null
                        ? null
                        : List.copyOf(raw.cache().routes());
            }
            return new Part(
                    name,
                    file,
                    where,
                    raw.parent(),
                    raw.version(),
                    raw.description(),
                    shadow,
                    upstreams,
                    entities,
                    rules,
                    answers,
                    maxEntities,
                    maxBytes,
                    cacheEnabled,
                    ttl,
                    cacheScope,
                    cacheMaxEntryBytes,
                    cacheRoutes,
                    routePointers,
                    agencyRates,
                    perCallerRates,
                    callerRates);
        }

        /** Limits as written; each must not be negative (0: no limit). */
        private RawPolicy.RawRates rates(String at, RawPolicy.RawRates r) {
            if (r.requestsPerSecond() != null && r.requestsPerSecond() < 0) {
                throw fail(at + "/requestsPerSecond", "must not be negative (0: no limit)");
            }
            if (r.concurrentExchanges() != null && r.concurrentExchanges() < 0) {
                throw fail(at + "/concurrentExchanges", "must not be negative (0: no limit)");
            }
            if (r.tokensPerMinute() != null && r.tokensPerMinute() < 0) {
                throw fail(at + "/tokensPerMinute", "must not be negative (0: no limit)");
            }
            if (r.tokensPerDay() != null && r.tokensPerDay() < 0) {
                throw fail(at + "/tokensPerDay", "must not be negative (0: no limit)");
            }
            return r;
        }

        private Map<String, Policy.Grant> upstreams() {
            if (raw.upstreams() == null) {
                return null;
            }
            Map<String, Policy.Grant> out = new LinkedHashMap<>();
            raw.upstreams().forEach((upstream, u) -> {
                String at = "/upstreams/" + escape(upstream);
                if (u == null || u.dataClass() == null) {
                    throw fail(at, "missing `class: onprem` or `class: external`");
                }
                DataClass c = DataClass.valueOf(
                        word(at + "/class", u.dataClass(), CLASSES).toUpperCase(Locale.ROOT));
                out.put(upstream, new Policy.Grant(c, u.models() == null ? List.of() : List.copyOf(u.models())));
            });
            return Collections.unmodifiableMap(out);
        }

        private Map<String, EnumMap<DataClass, EntityAction>> entities() {
            Map<String, EnumMap<DataClass, EntityAction>> out = new LinkedHashMap<>();
            if (raw.entities() == null) {
                return out;
            }
            List<String> keys = new ArrayList<>(TYPE_NAMES);
            keys.add("default");
            raw.entities().forEach((type, actions) -> {
                String at = "/entities/" + escape(type);
                if (!keys.contains(type)) {
                    throw fail(at, "unknown entity type `" + type + "`" + Suggestions.didYouMean(type, keys));
                }
                if (actions == null) {
                    throw fail(at, "missing action: one of " + String.join(", ", ACTIONS));
                }
                EnumMap<DataClass, EntityAction> perClass = new EnumMap<>(DataClass.class);
                if (actions.onprem() != null) {
                    perClass.put(DataClass.ONPREM, action(actions.scalar() ? at : at + "/onprem", actions.onprem()));
                }
                if (actions.external() != null) {
                    perClass.put(
                            DataClass.EXTERNAL, action(actions.scalar() ? at : at + "/external", actions.external()));
                }
                out.put(type, perClass);
            });
            return out;
        }

        private EntityAction action(String at, String value) {
            return EntityAction.valueOf(word(at, value, ACTIONS).toUpperCase(Locale.ROOT));
        }

        private List<Rule> rules(Map<String, Policy.Grant> upstreams, Map<String, String> routePointers) {
            List<Rule> out = new ArrayList<>();
            if (raw.rules() == null) {
                return out;
            }
            Map<String, Integer> ids = new HashMap<>();
            for (int i = 0; i < raw.rules().size(); i++) {
                String at = "/rules/" + i;
                RawPolicy.RawRule r = raw.rules().get(i);
                if (r == null) {
                    throw fail(at, "empty rule");
                }
                if (r.id() == null || r.id().isBlank()) {
                    throw fail(at, "missing `id`");
                }
                if (!RULE_ID.matcher(r.id()).matches()) {
                    throw fail(
                            at + "/id", "a rule id is letters, digits and . _ : - (it is the error code callers see)");
                }
                Integer first = ids.putIfAbsent(r.id(), i);
                if (first != null) {
                    throw fail(at + "/id", "rule id `" + r.id() + "` is used twice (first at rules[" + first + "])");
                }
                if (r.description() == null || r.description().isBlank()) {
                    throw fail(at, "missing `description`: it is the message a blocked caller reads");
                }
                if (r.query() == null || r.query().isBlank()) {
                    throw fail(at, "missing `query`");
                }
                Query query;
                try {
                    query = ContentRules.compile(r.query());
                } catch (IllegalArgumentException e) {
                    throw fail(at + "/query", e.getMessage());
                }
                if (r.action() == null) {
                    throw fail(at, "missing `action`: block, flag or route: <upstream>");
                }
                Rule.Action action;
                String routeTo = null;
                if (r.action().route() != null) {
                    action = Rule.Action.ROUTE;
                    routeTo = r.action().route();
                    routePointers.put(r.id(), at + "/action/route");
                } else {
                    String w = word(at + "/action", r.action().word(), RULE_ACTIONS);
                    if (w.equals("route")) {
                        throw fail(at + "/action", "write the target: `action: {route: <upstream>}`");
                    }
                    action = w.equals("block") ? Rule.Action.BLOCK : Rule.Action.FLAG;
                }
                boolean shadow =
                        r.mode() != null && word(at + "/mode", r.mode(), MODES).equals("shadow");
                Set<DataClass> appliesTo = EnumSet.noneOf(DataClass.class);
                if (r.appliesTo() != null) {
                    for (int j = 0; j < r.appliesTo().size(); j++) {
                        String c = word(at + "/appliesTo/" + j, r.appliesTo().get(j), CLASSES);
                        appliesTo.add(DataClass.valueOf(c.toUpperCase(Locale.ROOT)));
                    }
                }
                out.add(new Rule(
                        r.id(),
                        r.description().strip(),
                        r.query(),
                        query,
                        action,
                        routeTo,
                        shadow,
                        Collections.unmodifiableSet(appliesTo),
                        file));
            }
            return out;
        }

        /** A value from a fixed vocabulary, written in lower case. */
        private String word(String at, String value, List<String> known) {
            String v = value == null ? "" : value.strip();
            if (!known.contains(v)) {
                throw fail(
                        at,
                        "unknown value `" + v + "`: one of " + String.join(", ", known)
                                + Suggestions.didYouMean(v, known));
            }
            return v;
        }

        private PolicyException fail(String pointer, String message) {
            return error(file, where.locate(pointer), YamlLocations.fieldName(pointer), message);
        }
    }
}
