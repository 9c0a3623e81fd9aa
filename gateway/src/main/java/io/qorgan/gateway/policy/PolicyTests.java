package io.qorgan.gateway.policy;

import io.qorgan.gateway.config.Suggestions;
import io.qorgan.gateway.config.YamlBinder;
import io.qorgan.gateway.config.YamlLocations;
import io.qorgan.gateway.detect.Detector;
import io.qorgan.gateway.detect.EntityType;
import io.qorgan.gateway.dialect.BodyRejected;
import io.qorgan.gateway.dialect.Dialect;
import io.qorgan.gateway.protect.ProtectionFailed;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.TreeSet;
import java.util.stream.Stream;

/**
 * Runs the policy tests of a directory: every {@code *.test.yaml} beside the policies holds named cases of input
 * and expected outcome. Each case goes through {@link PolicyDryRun} with the real detector; the outcome is compared
 * with what the case expects (fields it leaves out are not checked; {@code blocked} is required).
 */
public final class PolicyTests {

    private PolicyTests() {}

    /** The outcome of one case; {@code differences} says, line by line, what did not match. */
    public record CaseResult(String file, String name, boolean passed, List<String> differences) {}

    /** All cases run. A report with no case is a failure: a test suite that tests nothing proves nothing. */
    public record Report(String policyVersion, List<CaseResult> results) {

        public long failed() {
            return results.stream().filter(r -> !r.passed()).count();
        }

        public long passed() {
            return results.size() - failed();
        }

        public boolean ok() {
            return !results.isEmpty() && failed() == 0;
        }
    }

    /**
     * Loads the policies of {@code dir} and runs its test files.
     *
     * @throws PolicyException when a policy or a test file is invalid
     */
    public static Report run(Path dir, Detector detector) {
        PolicySet set = PolicySet.load(dir);
        List<Path> files = new ArrayList<>();
        try (Stream<Path> list = Files.list(dir)) {
            list.filter(p -> PolicyLoader.isTestFile(p.getFileName().toString()))
                    .sorted()
                    .forEach(files::add);
        } catch (IOException e) {
            throw new PolicyException(
                    dir.toString(), 0, 0, null, "cannot list: " + e.getClass().getSimpleName());
        }
        List<CaseResult> results = new ArrayList<>();
        for (Path file : files) {
            String name = file.toString();
            String text = PolicyLoader.read(file);
            YamlBinder.Bound<RawTests> bound = PolicyLoader.bind(name, text, RawTests.class);
            YamlLocations where = bound.locations();
            RawTests tests = bound.value();
            if (tests == null || tests.cases() == null) {
                continue;
            }
            for (int i = 0; i < tests.cases().size(); i++) {
                results.add(
                        new Case(set, detector, name, where, i, tests.cases().get(i)).run());
            }
        }
        return new Report(set.version(), results);
    }

    /** One case: its checks, then its run. */
    private static final class Case {
        private final PolicySet set;
        private final Detector detector;
        private final String file;
        private final YamlLocations where;
        private final String at;
        private final RawTests.RawCase raw;

        Case(PolicySet set, Detector detector, String file, YamlLocations where, int index, RawTests.RawCase raw) {
            this.set = set;
            this.detector = detector;
            this.file = file;
            this.where = where;
            this.at = "/cases/" + index;
            this.raw = raw;
        }

        CaseResult run() {
            if (raw == null || raw.name() == null || raw.name().isBlank()) {
                throw fail(at, "missing `name`");
            }
            RawTests.RawInput in = raw.input();
            if (in == null) {
                throw fail(at, "missing `input`");
            }
            if (in.upstream() == null) {
                throw fail(at + "/input", "missing `upstream`");
            }
            if (in.agency() != null
                    && !in.agency().equals(PolicyLoader.DEFAULT)
                    && !set.agencies().contains(in.agency())) {
                throw fail(
                        at + "/input/agency",
                        "no policy for agency `" + in.agency() + "`"
                                + Suggestions.didYouMean(in.agency(), set.agencies()));
            }
            RawTests.RawExpect expect = raw.expect();
            if (expect == null || expect.blocked() == null) {
                throw fail(at + "/expect", "missing `blocked: true` or `blocked: false`");
            }
            if (expect.entities() != null) {
                for (String type : expect.entities().keySet()) {
                    if (Arrays.stream(EntityType.values())
                            .noneMatch(t -> t.name().equals(type))) {
                        throw fail(
                                at + "/expect/entities/" + PolicyLoader.escape(type),
                                "unknown entity type `" + type + "`"
                                        + Suggestions.didYouMean(
                                                type,
                                                Arrays.stream(EntityType.values())
                                                        .map(Enum::name)
                                                        .toList()));
                    }
                }
            }
            byte[] body;
            Dialect dialect;
            int forms = (in.text() != null ? 1 : 0) + (in.messages() != null ? 1 : 0) + (in.body() != null ? 1 : 0);
            if (forms != 1) {
                throw fail(at + "/input", "give exactly one of `text`, `messages` or `body`");
            }
            if (in.body() != null) {
                dialect = dialect(in.dialect());
                body = in.body().getBytes(StandardCharsets.UTF_8);
            } else {
                if (in.dialect() != null) {
                    throw fail(
                            at + "/input/dialect",
                            "a dialect is for a `body`; `text` and `messages` are chat messages");
                }
                dialect = Dialect.OPENAI_CHAT;
                List<RoleText> messages = new ArrayList<>();
                if (in.text() != null) {
                    messages.add(RoleText.user(in.text()));
                } else {
                    for (int j = 0; j < in.messages().size(); j++) {
                        RawTests.RawMessage m = in.messages().get(j);
                        String mAt = at + "/input/messages/" + j;
                        if (m == null || m.text() == null) {
                            throw fail(mAt, "missing `text`");
                        }
                        RoleText.Role role = m.role() == null ? RoleText.Role.USER : RoleText.Role.of(m.role());
                        if (role == RoleText.Role.OTHER) {
                            List<String> roles = List.of("system", "user", "assistant", "tool");
                            throw fail(
                                    mAt + "/role",
                                    "unknown role `" + m.role() + "`: one of " + String.join(", ", roles)
                                            + Suggestions.didYouMean(m.role(), roles));
                        }
                        messages.add(new RoleText(role, m.text()));
                    }
                }
                body = PolicyDryRun.chatBody(messages);
            }
            PolicyDryRun.Result result;
            try {
                result = PolicyDryRun.run(
                        set, detector, in.agency(), in.route(), in.upstream(), in.model(), body, dialect);
            } catch (BodyRejected | ProtectionFailed e) {
                return new CaseResult(
                        file, raw.name(), false, List.of("the request could not be read: " + e.getMessage()));
            }
            List<String> diffs = compare(expect, result);
            return new CaseResult(file, raw.name(), diffs.isEmpty(), List.copyOf(diffs));
        }

        private List<String> compare(RawTests.RawExpect expect, PolicyDryRun.Result result) {
            Verdict v = result.verdict();
            List<String> diffs = new ArrayList<>();
            if (expect.blocked() != v.blocked()) {
                diffs.add("blocked: expected " + expect.blocked() + ", got " + v.blocked()
                        + (v.blocked() ? " (by " + v.blockingRule() + ")" : ""));
            }
            value(diffs, "code", expect.code(), v.blockingRule());
            value(diffs, "shadowBlock", expect.shadowBlock(), v.shadowBlock());
            value(diffs, "reroute", expect.reroute(), v.reroute());
            ids(diffs, "rules", expect.rules(), v.firedRules());
            ids(diffs, "shadowRules", expect.shadowRules(), v.shadowRules());
            if (expect.entities() != null) {
                expect.entities().forEach((type, n) -> {
                    int got = v.entityCounts().getOrDefault(EntityType.valueOf(type), 0);
                    if (!Objects.equals(n, got)) {
                        diffs.add("entities." + type + ": expected " + n + ", got " + got);
                    }
                });
            }
            if (expect.sent() != null) {
                if (v.blocked()) {
                    diffs.add("sent: expected texts to be sent, but the request is blocked");
                } else {
                    texts(diffs, expect.sent(), result.sent());
                }
            }
            return diffs;
        }

        private static void value(List<String> diffs, String what, String expected, String got) {
            if (expected != null && !expected.equals(got)) {
                diffs.add(what + ": expected " + expected + ", got " + (got == null ? "none" : got));
            }
        }

        private static void ids(List<String> diffs, String what, List<String> expected, List<String> got) {
            if (expected == null) {
                return;
            }
            TreeSet<String> missing = new TreeSet<>(expected);
            got.forEach(missing::remove);
            TreeSet<String> extra = new TreeSet<>(got);
            expected.forEach(extra::remove);
            if (!missing.isEmpty() || !extra.isEmpty()) {
                StringBuilder sb = new StringBuilder(
                        what + ": expected " + new TreeSet<>(expected) + ", got " + new TreeSet<>(got));
                if (!missing.isEmpty()) {
                    sb.append("; missing ").append(missing);
                }
                if (!extra.isEmpty()) {
                    sb.append("; unexpected ").append(extra);
                }
                diffs.add(sb.toString());
            }
        }

        private static void texts(List<String> diffs, List<String> expected, List<String> got) {
            if (expected.size() != got.size()) {
                diffs.add("sent: expected " + expected.size() + " text(s), got " + got.size());
            }
            for (int i = 0; i < Math.min(expected.size(), got.size()); i++) {
                String e = expected.get(i);
                String g = got.get(i);
                if (!e.equals(g)) {
                    int at = 0;
                    while (at < e.length() && at < g.length() && e.charAt(at) == g.charAt(at)) {
                        at++;
                    }
                    diffs.add("sent[" + i + "] differs at character " + at + ":");
                    diffs.add("  expected: " + e);
                    diffs.add("  got:      " + g);
                    diffs.add("            " + " ".repeat(Math.min(at, g.length())) + "^");
                }
            }
        }

        private Dialect dialect(String name) {
            List<String> names = Arrays.stream(Dialect.values())
                    .map(d -> d.name().toLowerCase(Locale.ROOT))
                    .toList();
            if (name == null) {
                throw fail(at + "/input", "a `body` needs its `dialect`: one of " + String.join(", ", names));
            }
            String n = name.strip().toLowerCase(Locale.ROOT);
            if (!names.contains(n)) {
                throw fail(
                        at + "/input/dialect",
                        "unknown dialect `" + name + "`: one of " + String.join(", ", names)
                                + Suggestions.didYouMean(n, names));
            }
            return Dialect.valueOf(n.toUpperCase(Locale.ROOT));
        }

        private PolicyException fail(String pointer, String message) {
            return PolicyLoader.error(file, where.locate(pointer), YamlLocations.fieldName(pointer), message);
        }
    }
}
