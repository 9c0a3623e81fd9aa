package io.qorgan.gateway.cli;

import io.qorgan.gateway.audit.AuditIndexer;
import io.qorgan.gateway.audit.AuditPage;
import io.qorgan.gateway.audit.AuditQuery;
import io.qorgan.gateway.audit.AuditReader;
import io.qorgan.gateway.audit.AuditRecord;
import io.qorgan.gateway.audit.AuditReport;
import io.qorgan.gateway.audit.AuditSearch;
import io.qorgan.gateway.audit.AuditVerifier;
import io.qorgan.gateway.audit.AuthFailureRecord;
import io.qorgan.gateway.audit.BadQuery;
import io.qorgan.gateway.audit.ExchangeRecord;
import io.qorgan.gateway.audit.GapRecord;
import io.qorgan.gateway.audit.ReloadRecord;
import io.qorgan.gateway.audit.RetentionRecord;
import io.qorgan.gateway.audit.SearchRecord;
import io.qorgan.gateway.crypto.KeyRing;
import io.qorgan.gateway.crypto.Pem;
import io.qorgan.gateway.crypto.SecretRef;
import io.qorgan.gateway.crypto.SignatureAlgorithm;
import io.qorgan.gateway.crypto.SigningKeys;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyPair;
import java.security.PublicKey;
import java.security.SecureRandom;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import java.util.stream.Collectors;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/**
 * {@code qorgan audit keygen|verify|search|report|reindex}: the security officer's tools for the audit trail. Exit 0
 * ok; 1 on a broken trail or a runtime failure; 2 on a usage error. Long runs show progress on a terminal and stay
 * quiet in a pipe.
 */
@Command(
        name = "audit",
        mixinStandardHelpOptions = true,
        description = "Make audit keys; verify, search, report on and reindex an audit trail.",
        subcommands = {
            AuditCommand.Keygen.class,
            AuditCommand.Verify.class,
            AuditCommand.Search.class,
            AuditCommand.Report.class,
            AuditCommand.Reindex.class
        })
final class AuditCommand implements Runnable {

    static final String RING_FILE = "audit-encryption.keys";
    static final String SIGNING_FILE = "audit-signing.key";
    static final String PUBLIC_FILE = "audit-signing.pub";

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Override
    public void run() {
        spec.commandLine().usage(spec.commandLine().getOut());
    }

    @Command(
            name = "keygen",
            mixinStandardHelpOptions = true,
            description = {
                "Make the audit trail's keys in DIR: " + RING_FILE + " (encryption key ring) and " + SIGNING_FILE
                        + " (private signing key), readable by their owner only, and " + PUBLIC_FILE + ".",
                "With --rotate, add a new encryption key to the ring: new records use it, old ones stay readable."
            })
    static final class Keygen implements Callable<Integer> {

        @CommandLine.Spec
        CommandLine.Model.CommandSpec spec;

        @Parameters(paramLabel = "DIR", description = "Where the key files go (created if missing).")
        Path dir;

        @Option(
                names = "--signature",
                defaultValue = "ed25519",
                description = "ed25519 (default) or gost3410-2012-256.")
        String signature;

        @Option(names = "--key-id", description = "Id of the new encryption key (default: key-YYYYMMDD, UTC).")
        String keyId;

        @Option(names = "--rotate", description = "Add an encryption key to the existing ring; no signing key.")
        boolean rotate;

        @Override
        public Integer call() throws IOException {
            SignatureAlgorithm algorithm = SignatureAlgorithm.byConfigName(signature)
                    .orElseThrow(
                            () -> new UserError("--signature must be one of " + SignatureAlgorithm.configNames(), 2));
            SecureRandom random = new SecureRandom();
            Files.createDirectories(dir);
            Path ring = dir.resolve(RING_FILE);
            PrintWriter err = spec.commandLine().getErr();
            String id = keyId == null
                    ? "key-" + LocalDate.now(ZoneOffset.UTC).toString().replace("-", "")
                    : keyId;
            if (rotate) {
                if (!Files.exists(ring)) {
                    throw new UserError(ring + " does not exist: run keygen without --rotate first");
                }
                String existing = Files.readString(ring, StandardCharsets.UTF_8);
                KeyRing current = parseRing(existing, ring.toString());
                String unique = id;
                for (int n = 2; current.contains(unique); n++) {
                    unique = id + "-" + n;
                }
                String entry = entry(unique, random);
                Pem.writeAtomically(
                        ring, (existing.stripTrailing() + "\n" + entry + "\n").getBytes(StandardCharsets.UTF_8), true);
                err.println("added encryption key " + unique + " to " + ring
                        + ": restart the gateway; new records use it, older ones stay readable with the others");
                err.flush();
                return 0;
            }
            Path signing = dir.resolve(SIGNING_FILE);
            Path publicKey = dir.resolve(PUBLIC_FILE);
            for (Path p : List.of(ring, signing, publicKey)) {
                if (Files.exists(p)) {
                    throw new UserError(p + " exists already: keys are never overwritten (use --rotate to add an "
                            + "encryption key, or another DIR)");
                }
            }
            KeyPair pair = algorithm.generate(random);
            Pem.writeAtomically(
                    ring,
                    ("# Qorgan audit encryption keys, ID:BASE64, one a line; the last one encrypts new records.\n"
                                    + entry(id, random) + "\n")
                            .getBytes(StandardCharsets.UTF_8),
                    true);
            Pem.writeAtomically(
                    signing, SigningKeys.privatePem(pair.getPrivate()).getBytes(StandardCharsets.UTF_8), true);
            Pem.writeAtomically(
                    publicKey, SigningKeys.publicPem(pair.getPublic()).getBytes(StandardCharsets.UTF_8), false);
            err.println("wrote " + ring + " and " + signing + " (owner only), and " + publicKey + " ("
                    + algorithm.configName() + ", key " + AuditVerifier.fingerprint(pair.getPublic()) + ")");
            err.flush();
            PrintWriter out = spec.commandLine().getOut();
            out.println("audit:");
            out.println("  directory: /var/lib/qorgan/audit");
            out.println("  encryptionKey: file:" + ring.toAbsolutePath());
            out.println("  signingKey: file:" + signing.toAbsolutePath());
            out.println("  signature: " + algorithm.configName());
            out.flush();
            return 0;
        }

        private static String entry(String id, SecureRandom random) {
            try {
                return KeyRing.newEntry(id, random);
            } catch (IllegalArgumentException e) {
                throw new UserError("--key-id: " + e.getMessage(), 2);
            }
        }
    }

    @Command(
            name = "verify",
            mixinStandardHelpOptions = true,
            description = {
                "Check that the trail in DIR was not altered: every entry chained to the one before, every signature "
                        + "valid, no segment missing, from another trail or cut (a crash's cut tail is reported, "
                        + "not an error).",
                "Exit 0 sound, 1 broken (the first broken entry is named)."
            })
    static final class Verify implements Callable<Integer> {

        @CommandLine.Spec
        CommandLine.Model.CommandSpec spec;

        @Parameters(paramLabel = "DIR", description = "The trail's directory (audit.directory).")
        Path dir;

        @Option(
                names = "--public-key",
                paramLabel = "FILE",
                description = "The trail's public signing key (" + PUBLIC_FILE + "); repeat for rotated keys. "
                        + "Without it, the keys the segments name are used, and printed.")
        List<Path> publicKeys = new ArrayList<>();

        @Option(
                names = "--encryption-key",
                paramLabel = "REF",
                description = "The encryption key ring (env:NAME or file:/path), to decrypt every record too.")
        String encryptionKey;

        @Override
        public Integer call() throws IOException {
            requireTrail(dir);
            List<PublicKey> pinned = new ArrayList<>();
            for (Path p : publicKeys) {
                try {
                    pinned.add(SigningKeys.readPublic(Files.readString(p, StandardCharsets.UTF_8)));
                } catch (IOException e) {
                    throw new UserError(p + ": " + e.getMessage());
                }
            }
            KeyRing ring = encryptionKey == null ? null : ring(encryptionKey);
            AuditVerifier.Result result = AuditVerifier.verify(dir, pinned, ring);
            PrintWriter out = spec.commandLine().getOut();
            for (String note : result.notes()) {
                out.println("note: " + note);
            }
            if (result.ok()) {
                out.printf(
                        "ok: %d segments, %d entries (%d records, %d signatures), sound up to entry #%d%n",
                        result.segments(), result.entries(), result.records(), result.signatures(), result.lastSeq());
            } else {
                out.println("BROKEN: " + result.problem());
                out.printf("checked before it: %d entries in %d segments%n", result.entries(), result.segments());
            }
            out.flush();
            return result.ok() ? 0 : 1;
        }
    }

    @Command(
            name = "search",
            mixinStandardHelpOptions = true,
            description = {
                "Search the trail's index, newest first: Lucene syntax over agency, caller, method, client, route, "
                        + "upstream, class, model, verdict, rule, enforced_rule, shadow_rule, entity, answer_entity, "
                        + "operator, policy, cache, code, type, component, status, latency (ms), bytes_in, bytes_out.",
                "Example: qorgan audit search /var/lib/qorgan/audit 'verdict:blocked AND agency:health' --from 2026-12-01"
            })
    static final class Search implements Callable<Integer> {

        @CommandLine.Spec
        CommandLine.Model.CommandSpec spec;

        @Parameters(index = "0", paramLabel = "DIR", description = "The trail's directory.")
        Path dir;

        @Parameters(index = "1", arity = "0..1", paramLabel = "QUERY", description = "The query; none for all.")
        String query;

        @Option(names = "--from", description = "Start: a UTC day (2026-12-01) or an instant.")
        String from;

        @Option(names = "--to", description = "End: a UTC day (included) or an instant (excluded).")
        String to;

        @Option(names = "--page", defaultValue = "1", description = "Page, from 1 (default 1).")
        int page;

        @Option(names = "--size", defaultValue = "50", description = "Records per page (default 50).")
        int size;

        @Option(names = "--format", defaultValue = "table", description = "table (default) or jsonl.")
        String format;

        @Option(
                names = "--encryption-key",
                required = true,
                paramLabel = "REF",
                description = "The encryption key ring (env:NAME or file:/path): the index holds no record, the "
                        + "records found are read from the segments.")
        String encryptionKey;

        @Override
        public Integer call() throws IOException {
            requireTrail(dir);
            if (!format.equals("table") && !format.equals("jsonl")) {
                throw new UserError("--format must be table or jsonl", 2);
            }
            KeyRing ring = ring(encryptionKey);
            AuditQuery q;
            try {
                q = new AuditQuery(
                        query, AuditQuery.time(from, false, "--from"), AuditQuery.time(to, true, "--to"), page, size);
            } catch (IllegalArgumentException e) {
                throw new UserError(e.getMessage(), 2);
            }
            AuditPage result;
            try {
                result = AuditSearch.search(dir, ring, q);
            } catch (BadQuery e) {
                throw new UserError(e.getMessage(), 2);
            }
            PrintWriter out = spec.commandLine().getOut();
            if (format.equals("jsonl")) {
                result.json().forEach(out::println);
            } else {
                long pages = Math.max(1, (result.total() + size - 1) / size);
                String row = "%-24s %-12s %-14s %-16s %-8s %-12s %-18s %6s %-20s %s%n";
                out.printf(
                        row,
                        "TIME",
                        "TYPE",
                        "AGENCY",
                        "CALLER",
                        "ROUTE",
                        "UPSTREAM",
                        "VERDICT",
                        "STATUS",
                        "CODE",
                        "ENTITIES");
                for (AuditRecord r : result.records()) {
                    out.printf(row, (Object[]) columns(r));
                }
                out.printf("%d records match; page %d of %d%n", result.total(), result.page(), pages);
            }
            out.flush();
            return 0;
        }

        private static String[] columns(AuditRecord r) {
            String time = r.time().toString();
            if (r instanceof ExchangeRecord e) {
                String entities = e.entities().entrySet().stream()
                        .map(x -> x.getKey().name() + "=" + x.getValue().count())
                        .collect(Collectors.joining(","));
                return new String[] {
                    time,
                    "exchange",
                    dash(e.agency()),
                    dash(e.caller()),
                    dash(e.route()),
                    dash(e.upstream()),
                    e.verdict().name().toLowerCase(Locale.ROOT),
                    Integer.toString(e.status()),
                    dash(e.errorCode()),
                    entities.isEmpty() ? "-" : entities
                };
            }
            if (r instanceof AuthFailureRecord a) {
                return new String[] {time, "auth_failure", "-", "-", "-", "-", "-", "401", a.errorCode(), "-"};
            }
            if (r instanceof ReloadRecord l) {
                return new String[] {
                    time,
                    "reload",
                    "-",
                    "-",
                    "-",
                    "-",
                    l.component().name().toLowerCase(Locale.ROOT),
                    "-",
                    l.succeeded() ? dash(l.version()) : l.errorCode(),
                    "-"
                };
            }
            if (r instanceof SearchRecord s) {
                return new String[] {
                    time,
                    "search",
                    dash(s.agency()),
                    dash(s.caller()),
                    "-",
                    "-",
                    "hits=" + s.hits(),
                    Integer.toString(s.status()),
                    dash(s.errorCode()),
                    String.join(",", s.fields())
                };
            }
            if (r instanceof GapRecord g) {
                return new String[] {time, "gap", "-", "-", "-", "-", "dropped=" + g.dropped(), "-", "-", "-"};
            }
            RetentionRecord d = (RetentionRecord) r;
            return new String[] {
                time,
                "retention",
                "-",
                "-",
                "-",
                "-",
                "segments=" + d.firstSegment() + ".." + d.lastSegment(),
                "-",
                "-",
                "-"
            };
        }

        private static String dash(String s) {
            return s == null ? "-" : s;
        }
    }

    @Command(
            name = "report",
            mixinStandardHelpOptions = true,
            description = {
                "Write one self-contained HTML page (charts inline, no network needed to open it) on the trail's "
                        + "records of a period: requests by day, agency and upstream class; personal data sent "
                        + "where and how it was replaced; blocks and shadow would-blocks by rule; answers with "
                        + "personal data; upstream failures and latency; cache hits and the AI time they saved."
            })
    static final class Report implements Callable<Integer> {

        @CommandLine.Spec
        CommandLine.Model.CommandSpec spec;

        @Parameters(paramLabel = "DIR", description = "The trail's directory.")
        Path dir;

        @Option(names = "--from", required = true, description = "Start: a UTC day (2026-12-01) or an instant.")
        String from;

        @Option(names = "--to", required = true, description = "End: a UTC day (included) or an instant.")
        String to;

        @Option(names = "--agency", description = "Only this agency's exchanges.")
        String agency;

        @Option(names = "--out", required = true, description = "The HTML file to write.")
        Path out;

        @Option(
                names = "--encryption-key",
                required = true,
                paramLabel = "REF",
                description = "The encryption key ring (env:NAME or file:/path).")
        String encryptionKey;

        @Override
        public Integer call() throws IOException {
            requireTrail(dir);
            Instant start;
            Instant end;
            try {
                start = AuditQuery.time(from, false, "--from");
                end = AuditQuery.time(to, true, "--to");
            } catch (IllegalArgumentException e) {
                throw new UserError(e.getMessage(), 2);
            }
            if (!start.isBefore(end)) {
                throw new UserError("--from must be before --to", 2);
            }
            KeyRing ring = ring(encryptionKey);
            TerminalProgress progress = new TerminalProgress(spec.commandLine().getErr(), "reading segment");
            String html;
            try {
                html = AuditReport.build(dir, ring, start, end, agency, progress)
                        .html();
            } finally {
                progress.done();
            }
            Files.writeString(out, html, StandardCharsets.UTF_8);
            spec.commandLine().getErr().println("wrote " + out);
            spec.commandLine().getErr().flush();
            return 0;
        }
    }

    @Command(
            name = "reindex",
            mixinStandardHelpOptions = true,
            description = "Rebuild the trail's search index from its segments (the gateway must be stopped).")
    static final class Reindex implements Callable<Integer> {

        @CommandLine.Spec
        CommandLine.Model.CommandSpec spec;

        @Parameters(paramLabel = "DIR", description = "The trail's directory.")
        Path dir;

        @Option(
                names = "--encryption-key",
                required = true,
                paramLabel = "REF",
                description = "The encryption key ring (env:NAME or file:/path).")
        String encryptionKey;

        @Override
        public Integer call() throws IOException {
            requireTrail(dir);
            KeyRing ring = ring(encryptionKey);
            TerminalProgress progress = new TerminalProgress(spec.commandLine().getErr(), "indexing segment");
            long n;
            try {
                n = AuditIndexer.rebuild(dir, ring, progress);
            } finally {
                progress.done();
            }
            spec.commandLine().getOut().println("indexed " + n + " records");
            spec.commandLine().getOut().flush();
            return 0;
        }
    }

    private static void requireTrail(Path dir) {
        if (!Files.isDirectory(dir.resolve("segments"))) {
            throw new UserError(dir + " is not an audit trail (no segments/ in it)");
        }
    }

    private static KeyRing ring(String reference) {
        SecretRef ref;
        try {
            ref = SecretRef.parse(reference);
        } catch (IllegalArgumentException e) {
            throw new UserError("--encryption-key: expected env:NAME or file:/path", 2);
        }
        try {
            return parseRing(ref.resolve(), ref.toString());
        } catch (IOException e) {
            throw new UserError("--encryption-key: " + e.getMessage());
        }
    }

    private static KeyRing parseRing(String text, String where) {
        try {
            return KeyRing.parse(text);
        } catch (IllegalArgumentException e) {
            throw new UserError(where + ": " + e.getMessage());
        }
    }

    /** Segment counts on one terminal line, rewritten in place; nothing when standard error is not a terminal. */
    static final class TerminalProgress implements AuditReader.Progress {
        private final PrintWriter err;
        private final String what;
        private final boolean terminal = System.console() != null;
        private boolean shown;

        TerminalProgress(PrintWriter err, String what) {
            this.err = err;
            this.what = what;
        }

        @Override
        public void segment(int done, int total) {
            if (terminal && total > 0) {
                err.print("\r" + what + " " + Math.min(done + 1, total) + " of " + total + " ");
                err.flush();
                shown = true;
            }
        }

        void done() {
            if (shown) {
                err.println();
                err.flush();
            }
        }
    }
}
