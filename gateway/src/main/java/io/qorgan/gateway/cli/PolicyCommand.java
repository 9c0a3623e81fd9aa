package io.qorgan.gateway.cli;

import io.qorgan.gateway.config.ConfigException;
import io.qorgan.gateway.config.ConfigLoader;
import io.qorgan.gateway.config.ConfigValues;
import io.qorgan.gateway.config.Suggestions;
import io.qorgan.gateway.detect.Detector;
import io.qorgan.gateway.detect.EntityType;
import io.qorgan.gateway.detect.Finding;
import io.qorgan.gateway.dialect.Dialect;
import io.qorgan.gateway.policy.PolicyDryRun;
import io.qorgan.gateway.policy.PolicyException;
import io.qorgan.gateway.policy.PolicySet;
import io.qorgan.gateway.policy.PolicyTests;
import io.qorgan.gateway.policy.RoleText;
import io.qorgan.gateway.policy.Verdict;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.ArgGroup;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/**
 * {@code qorgan policy check|test|explain}: the security officer's tools. {@code check} loads and validates a policy
 * directory; {@code test} runs its {@code *.test.yaml} cases; {@code explain} shows what a policy does with a sample
 * text. Exit 0 ok; 1 on an invalid policy (one line: file:line:column: message), a failed case, or no case at all; 2
 * on a usage error, such as an agency without a policy or an upstream nothing names in {@code explain}.
 */
@Command(
        name = "policy",
        mixinStandardHelpOptions = true,
        description = "Check, test and explain policies.",
        subcommands = {PolicyCommand.Check.class, PolicyCommand.Test.class, PolicyCommand.Explain.class})
public final class PolicyCommand {

    // Not runnable: without a subcommand picocli prints "Missing required subcommand" and the usage to standard
    // error and exits 2, a usage error.

    static PolicySet load(Path dir) {
        try {
            return PolicySet.load(dir);
        } catch (PolicyException e) {
            throw new UserError(e.getMessage());
        }
    }

    @Command(
            name = "check",
            mixinStandardHelpOptions = true,
            description = "Load and validate the policies of a directory.")
    static final class Check implements Callable<Integer> {

        @Parameters(paramLabel = "DIR", description = "Policy directory (default.yaml, agency-*.yaml).")
        Path dir;

        @Option(
                names = "--config",
                paramLabel = "FILE",
                description =
                        "Gateway configuration (qorgan.yaml): the upstreams policies name must be among its upstreams.")
        Path config;

        @CommandLine.Spec
        CommandLine.Model.CommandSpec spec;

        @Override
        public Integer call() {
            PolicySet set;
            if (config == null) {
                set = load(dir);
            } else {
                Set<String> upstreams;
                try {
                    upstreams = ConfigLoader.load(config).upstreams().keySet();
                } catch (ConfigException e) {
                    throw new UserError(e.getMessage());
                }
                try {
                    set = PolicySet.load(dir, upstreams);
                } catch (PolicyException e) {
                    throw new UserError(e.getMessage());
                }
            }
            PrintWriter out = spec.commandLine().getOut();
            out.println("ok: policies " + set.version() + " in " + dir);
            out.println("  default: " + set.ruleCount(null) + " rules" + (set.shadow(null) ? ", shadow" : ""));
            for (String agency : set.agencies()) {
                out.println("  " + agency + ": " + set.ruleCount(agency) + " rules"
                        + (set.shadow(agency) ? ", shadow" : ""));
            }
            out.flush();
            return 0;
        }
    }

    @Command(
            name = "test",
            mixinStandardHelpOptions = true,
            description = "Run the policy tests (*.test.yaml) of a directory.")
    static final class Test implements Callable<Integer> {

        @Parameters(paramLabel = "DIR", description = "Policy directory with its *.test.yaml files.")
        Path dir;

        @CommandLine.Spec
        CommandLine.Model.CommandSpec spec;

        @Override
        public Integer call() {
            PolicyTests.Report report;
            try {
                report = PolicyTests.run(dir, Detector.defaults());
            } catch (PolicyException e) {
                throw new UserError(e.getMessage());
            }
            PrintWriter out = spec.commandLine().getOut();
            for (PolicyTests.CaseResult r : report.results()) {
                out.println((r.passed() ? "PASS " : "FAIL ") + Path.of(r.file()).getFileName() + ": " + r.name());
                r.differences().forEach(d -> out.println("    " + d));
            }
            out.println(report.passed() + " passed, " + report.failed() + " failed (policies " + report.policyVersion()
                    + ")");
            out.flush();
            if (report.results().isEmpty()) {
                throw new UserError(
                        "no policy test ran: add *.test.yaml files with cases beside the policies in " + dir);
            }
            return report.ok() ? 0 : 1;
        }
    }

    @Command(
            name = "explain",
            mixinStandardHelpOptions = true,
            description =
                    "Show what the policy of an agency does with a sample text: findings, rules, verdict, text sent.")
    static final class Explain implements Callable<Integer> {

        @Option(names = "--dir", required = true, paramLabel = "DIR", description = "Policy directory.")
        Path dir;

        @Option(names = "--agency", paramLabel = "ID", description = "Agency id (default: the default policy).")
        String agency;

        @Option(
                names = "--upstream",
                required = true,
                paramLabel = "NAME",
                description = "Upstream the request goes to.")
        String upstream;

        @Option(
                names = "--model",
                paramLabel = "MODEL",
                description = "Requested model, checked against the upstream's models.")
        String model;

        @Option(names = "--route", paramLabel = "ROUTE", description = "Route name, for the cache decision.")
        String route;

        @Option(
                names = "--role",
                defaultValue = "user",
                paramLabel = "ROLE",
                description = "Role of the message: system, user, assistant, tool (default: ${DEFAULT-VALUE}).")
        String role;

        @ArgGroup(exclusive = true, multiplicity = "1")
        Source source;

        static final class Source {
            @Option(names = "--text", paramLabel = "TEXT", description = "The sample text.")
            String text;

            @Option(names = "--file", paramLabel = "FILE", description = "A file holding the sample text (UTF-8).")
            Path file;
        }

        @CommandLine.Spec
        CommandLine.Model.CommandSpec spec;

        @Option(
                names = "--config",
                paramLabel = "FILE",
                description = "Gateway configuration (qorgan.yaml): --upstream must be one of its upstreams.")
        Path config;

        @Override
        public Integer call() {
            PolicySet set = load(dir);
            checkAgency(set);
            checkUpstream(set);
            RoleText.Role r = RoleText.Role.of(role);
            if (r == RoleText.Role.OTHER) {
                throw new UserError("unknown role `" + role + "`: one of system, user, assistant, tool", 2);
            }
            String text;
            if (source.file != null) {
                try {
                    text = Files.readString(source.file, StandardCharsets.UTF_8);
                } catch (IOException e) {
                    throw new UserError(
                            "cannot read " + source.file + ": " + e.getClass().getSimpleName());
                }
            } else {
                text = source.text;
            }
            Detector detector = Detector.defaults();
            PolicyDryRun.Result result = PolicyDryRun.run(
                    set,
                    detector,
                    agency,
                    route,
                    upstream,
                    model,
                    PolicyDryRun.chatBody(List.of(new RoleText(r, text))),
                    Dialect.OPENAI_CHAT);
            Verdict v = result.verdict();
            PrintWriter out = spec.commandLine().getOut();
            out.println("policy:    " + v.policy() + " (policies " + v.policyVersion()
                    + (set.shadow(agency) ? ", shadow mode" : "") + ")");
            out.println("upstream:  " + upstream + (v.reroute() != null ? " → rerouted to " + v.reroute() : "") + " ("
                    + v.upstreamClass().name().toLowerCase(Locale.ROOT) + ")");
            List<Finding> findings = detector.detect(text);
            out.println("findings:  " + (findings.isEmpty() ? "none" : counts(findings)));
            for (Finding f : findings) {
                out.println("  " + f.type() + " at " + f.start() + ".." + f.end());
            }
            out.println("text:");
            out.println("  " + ScanCommand.marked(text, findings).replace("\n", "\n  "));
            out.println("rules:     " + (v.firedRules().isEmpty() ? "none fired" : String.join(", ", v.firedRules())));
            out.println("shadow:    "
                    + (v.shadowRules().isEmpty()
                            ? "none fired"
                            : String.join(", ", v.shadowRules())
                                    + (v.shadowBlock() != null ? " (would block: " + v.shadowBlock() + ")" : "")));
            if (v.blocked()) {
                out.println("verdict:   BLOCKED by " + v.code() + ": " + v.message());
                out.println(
                        "answer:    403 {\"error\":{\"type\":\"policy_violation\",\"code\":\"" + v.code() + "\",...}}");
            } else {
                out.println("verdict:   forward to " + v.upstream() + "; answers: "
                        + v.answers().name().toLowerCase(Locale.ROOT)
                        + "; cache: "
                        + cache(v.cache()));
                out.println("sent:");
                result.sent().forEach(s -> out.println("  " + s.replace("\n", "\n  ")));
            }
            out.flush();
            return 0;
        }

        /** An agency without a policy of its own gets the default one; naming one here is most likely a typo. */
        private void checkAgency(PolicySet set) {
            if (agency == null || set.agencies().contains(agency)) {
                return;
            }
            throw new UserError(
                    "no policy for agency `" + agency + "`" + Suggestions.didYouMean(agency, set.agencies())
                            + "; agencies with a policy of their own: "
                            + (set.agencies().isEmpty() ? "none" : String.join(", ", set.agencies()))
                            + " (leave out --agency for the default policy, which the others get)",
                    2);
        }

        /** The upstream must be one the configuration has or, without it, one some policy names. */
        private void checkUpstream(PolicySet set) {
            Set<String> known;
            String where;
            if (config != null) {
                try {
                    known = ConfigLoader.load(config).upstreams().keySet();
                } catch (ConfigException e) {
                    throw new UserError(e.getMessage());
                }
                where = "upstreams of " + config;
            } else {
                known = set.upstreamsNamed();
                where = "upstreams the policies name";
            }
            if (known.isEmpty() || known.contains(upstream)) {
                return;
            }
            throw new UserError(
                    "unknown upstream `" + upstream + "`" + Suggestions.didYouMean(upstream, known) + "; " + where
                            + ": " + String.join(", ", new TreeSet<>(known)),
                    2);
        }

        /** The policy's cache settings for this request; what it leaves out, the configuration decides. */
        private static String cache(Verdict.Cache cache) {
            if (Boolean.FALSE.equals(cache.enabled())) {
                return "no";
            }
            List<String> parts = new ArrayList<>();
            parts.add(cache.enabled() == null ? "as configured" : "yes");
            if (cache.ttl() != null) {
                parts.add("ttl " + ConfigValues.format(cache.ttl()));
            }
            if (cache.scope() != null) {
                parts.add("scope " + cache.scope());
            }
            return String.join(", ", parts);
        }

        private static String counts(List<Finding> findings) {
            Map<EntityType, Integer> counts = new EnumMap<>(EntityType.class);
            findings.forEach(f -> counts.merge(f.type(), 1, Integer::sum));
            StringBuilder sb = new StringBuilder();
            counts.forEach((t, n) -> sb.append(sb.length() == 0 ? "" : ", ")
                    .append(t)
                    .append(' ')
                    .append(n));
            return sb.toString();
        }
    }
}
