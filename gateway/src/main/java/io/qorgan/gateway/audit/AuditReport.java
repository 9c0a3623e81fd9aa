package io.qorgan.gateway.audit;

import io.qorgan.gateway.crypto.KeyRing;
import io.qorgan.gateway.detect.EntityType;
import java.io.IOException;
import java.nio.file.Path;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import org.jfree.data.category.DefaultCategoryDataset;

/**
 * The effectiveness report of a period, as one self-contained HTML page: every chart is inline SVG, there is no
 * script and no reference to anything outside the file. What it counts are records' counts, ids and times only.
 *
 * <p>Sections: requests per day by agency and by upstream class; personal data sent, by type and upstream, with the
 * operator that replaced it; blocks and shadow would-blocks by rule (what enforcing a shadow rule would change);
 * answers in which the model produced personal data; upstream failures and latency percentiles; cache hits and the
 * upstream time they saved; authentication failures, reloads and gaps.
 */
public final class AuditReport {

    private static final DateTimeFormatter DAY = DateTimeFormatter.ISO_LOCAL_DATE;
    private static final int WIDTH = 900;

    private final Path trail;
    private final Instant from;
    private final Instant to;
    private final String agency;

    long exchanges;
    long blocked;
    long shadowWouldBlock;
    long refused;
    long failed;
    final TreeMap<LocalDate, TreeMap<String, Long>> byDayAgency = new TreeMap<>();
    final TreeMap<LocalDate, TreeMap<String, Long>> byDayClass = new TreeMap<>();
    /** Values sent, by type and upstream. */
    final Map<EntityType, TreeMap<String, Long>> sent = new EnumMap<>(EntityType.class);
    /** Values sent, by type, upstream and operator. */
    final TreeMap<String, Long> sentAs = new TreeMap<>();

    final TreeMap<String, Long> blocksByRule = new TreeMap<>();
    final TreeMap<String, Long> shadowByRule = new TreeMap<>();
    final TreeMap<String, Long> answersWithDataByUpstream = new TreeMap<>();
    final Map<EntityType, Long> answerValues = new EnumMap<>(EntityType.class);
    final TreeMap<String, TreeMap<String, Long>> failuresByUpstream = new TreeMap<>();
    final TreeMap<String, Latencies> latencyByUpstream = new TreeMap<>();
    final TreeMap<LocalDate, Long> cacheHitsByDay = new TreeMap<>();
    final Map<CacheOutcome, Long> cache = new EnumMap<>(CacheOutcome.class);
    /** Upstream times of answers that came from the upstream, by route and model: what a hit would have cost. */
    private final Map<String, Latencies> upstreamTimeByKey = new HashMap<>();

    private final List<String> hitKeys = new ArrayList<>();
    final TreeMap<String, Long> authFailures = new TreeMap<>();
    final List<ReloadRecord> reloads = new ArrayList<>();
    long dropped;
    long searches;

    private AuditReport(Path trail, Instant from, Instant to, String agency) {
        this.trail = trail;
        this.from = from;
        this.to = to;
        this.agency = agency;
    }

    /**
     * Reads the records of {@code [from, to)} (of one agency, when {@code agency} is not null) and aggregates them.
     *
     * @throws IOException when a segment cannot be read or a record does not decrypt
     */
    public static AuditReport build(
            Path trail, KeyRing ring, Instant from, Instant to, String agency, AuditReader.Progress progress)
            throws IOException {
        AuditReport report = new AuditReport(trail, from, to, agency);
        AuditReader.read(trail, ring, 0, from, to, progress, entry -> {
            AuditRecord r = entry.record();
            if (!r.time().isBefore(from) && r.time().isBefore(to)) {
                report.add(r);
            }
        });
        return report;
    }

    void add(AuditRecord record) {
        if (record instanceof ExchangeRecord e) {
            if (agency == null || agency.equals(e.agency())) {
                exchange(e);
            }
        } else if (record instanceof AuthFailureRecord a) {
            authFailures.merge(a.errorCode(), 1L, Long::sum);
        } else if (record instanceof ReloadRecord r) {
            reloads.add(r);
        } else if (record instanceof GapRecord g) {
            dropped += g.dropped();
        } else if (record instanceof SearchRecord) {
            searches++;
        }
    }

    private void exchange(ExchangeRecord e) {
        exchanges++;
        LocalDate day = LocalDate.ofInstant(e.time(), ZoneOffset.UTC);
        String upstream = name(e.upstream());
        byDayAgency.computeIfAbsent(day, d -> new TreeMap<>()).merge(name(e.agency()), 1L, Long::sum);
        String dataClass = e.upstreamClass() == null ? "unknown" : lower(e.upstreamClass());
        byDayClass.computeIfAbsent(day, d -> new TreeMap<>()).merge(dataClass, 1L, Long::sum);
        switch (e.verdict()) {
            case BLOCKED -> {
                blocked++;
                blocksByRule.merge(name(e.errorCode()), 1L, Long::sum);
            }
            case SHADOW_WOULD_BLOCK -> shadowWouldBlock++;
            case REFUSED -> refused++;
            case FAILED -> {
                failed++;
                failuresByUpstream
                        .computeIfAbsent(upstream, u -> new TreeMap<>())
                        .merge(name(e.errorCode()), 1L, Long::sum);
            }
            default -> {}
        }
        if (e.verdict() == AuditVerdict.SHADOW_WOULD_BLOCK) {
            for (String rule : e.shadowRules()) {
                shadowByRule.merge(rule, 1L, Long::sum);
            }
        }
        boolean wentOut = e.verdict() == AuditVerdict.FORWARDED
                || e.verdict() == AuditVerdict.SHADOW_WOULD_BLOCK
                || e.verdict() == AuditVerdict.FAILED;
        if (wentOut && e.cache() != CacheOutcome.HIT) {
            for (Map.Entry<EntityType, EntityCount> x : e.entities().entrySet()) {
                if (x.getValue().operator() != null && x.getValue().count() > 0) {
                    sent.computeIfAbsent(x.getKey(), t -> new TreeMap<>())
                            .merge(upstream, (long) x.getValue().count(), Long::sum);
                    sentAs.merge(
                            x.getKey().name() + " → " + upstream + " as "
                                    + lower(x.getValue().operator()),
                            (long) x.getValue().count(),
                            Long::sum);
                }
            }
        }
        if (!e.answerEntities().isEmpty()) {
            answersWithDataByUpstream.merge(upstream, 1L, Long::sum);
            e.answerEntities().forEach((type, n) -> answerValues.merge(type, (long) n, Long::sum));
        }
        cache.merge(e.cache(), 1L, Long::sum);
        String key = upstream + " " + name(e.route()) + " " + name(e.model());
        if (e.cache() == CacheOutcome.HIT) {
            cacheHitsByDay.merge(day, 1L, Long::sum);
            hitKeys.add(key);
        } else if (e.times().upstreamTotalMicros() >= 0) {
            upstreamTimeByKey
                    .computeIfAbsent(key, k -> new Latencies())
                    .add(e.times().upstreamTotalMicros());
        }
        if (e.verdict() != AuditVerdict.BLOCKED
                && e.verdict() != AuditVerdict.REFUSED
                && e.cache() != CacheOutcome.HIT) {
            Latencies l = latencyByUpstream.computeIfAbsent(upstream, u -> new Latencies());
            if (e.times().totalMicros() >= 0) {
                l.add(e.times().totalMicros());
            }
        }
    }

    /**
     * The upstream time the cache hits saved: each hit counts the median upstream time of the answers of its
     * upstream, route and model that did come from the upstream in the period (or of all such answers).
     */
    long savedMicros() {
        Latencies all = new Latencies();
        upstreamTimeByKey.values().forEach(all::addAll);
        long overall = all.percentile(50);
        long saved = 0;
        for (String key : hitKeys) {
            Latencies l = upstreamTimeByKey.get(key);
            long median = l == null || l.size() == 0 ? overall : l.percentile(50);
            saved += Math.max(0, median);
        }
        return saved;
    }

    /** The page. */
    public String html() {
        StringBuilder h = new StringBuilder(64 * 1024);
        h.append("<!DOCTYPE html>\n<html lang=\"en\"><head><meta charset=\"utf-8\">")
                .append("<title>Qorgan audit report ")
                .append(esc(DAY.format(LocalDate.ofInstant(from, ZoneOffset.UTC))))
                .append("</title><style>")
                .append("body{font-family:sans-serif;margin:2em auto;max-width:960px;color:#222}")
                .append("h1{font-size:1.5em}h2{font-size:1.2em;margin-top:2em;border-bottom:1px solid #ccc}")
                .append("table{border-collapse:collapse;margin:.5em 0}td,th{padding:.2em .8em;text-align:left;")
                .append("border-bottom:1px solid #eee}td.n{text-align:right}.note{color:#555;font-size:.9em}")
                .append(".warn{color:#a00}svg{display:block;margin:.5em 0}")
                .append("</style></head><body>\n");
        h.append("<h1>Qorgan audit report</h1><p>Period ")
                .append(esc(from.toString()))
                .append(" to ")
                .append(esc(to.toString()))
                .append(agency == null ? ", all agencies" : ", agency " + esc(agency))
                .append(". Trail ")
                .append(esc(trail.toString()))
                .append(". Generated ")
                .append(esc(Instant.now().toString()))
                .append(".</p><p class=\"note\">Every figure is a count, an id or a time from the audit records, ")
                .append(
                        "which hold no personal data. Check the trail itself with <code>qorgan audit verify</code>.</p>\n");
        summary(h);
        requests(h);
        personalData(h);
        rules(h);
        answers(h);
        failures(h);
        cacheSection(h);
        operations(h);
        h.append("</body></html>\n");
        return h.toString();
    }

    private void summary(StringBuilder h) {
        h.append("<h2>Summary</h2><table>");
        row(h, "exchanges", exchanges);
        row(h, "blocked by an enforced rule", blocked);
        row(h, "forwarded, but a shadow rule would have blocked", shadowWouldBlock);
        row(h, "refused by the gateway (protection, limits)", refused);
        row(h, "failed upstream", failed);
        row(h, "answered from the cache", cache.getOrDefault(CacheOutcome.HIT, 0L));
        row(
                h,
                "answers in which the model produced personal data",
                answersWithDataByUpstream.values().stream()
                        .mapToLong(Long::longValue)
                        .sum());
        row(
                h,
                "authentication failures",
                authFailures.values().stream().mapToLong(Long::longValue).sum());
        row(h, "audit searches", searches);
        h.append("</table>");
        if (dropped > 0) {
            h.append("<p class=\"warn\">")
                    .append(dropped)
                    .append(" records were dropped (audit.onFull: drop with a full queue); the trail holds gap ")
                    .append("records for them, and the figures here miss them.</p>");
        }
    }

    private void requests(StringBuilder h) {
        h.append("<h2>Requests per day</h2>");
        if (byDayAgency.isEmpty()) {
            h.append("<p>No exchange in the period.</p>");
            return;
        }
        h.append(ReportCharts.bars(
                "Requests per day by agency", "day", "requests", byDay(byDayAgency), true, false, WIDTH, 360));
        h.append(ReportCharts.bars(
                "Requests per day by upstream class", "day", "requests", byDay(byDayClass), true, false, WIDTH, 320));
    }

    private void personalData(StringBuilder h) {
        h.append("<h2>Personal data sent to AI services</h2>");
        if (sent.isEmpty()) {
            h.append("<p>No personal data went to an upstream in the period.</p>");
            return;
        }
        DefaultCategoryDataset data = new DefaultCategoryDataset();
        sent.forEach((type, byUpstream) -> byUpstream.forEach((u, n) -> data.addValue(n, u, type.name())));
        h.append(ReportCharts.bars(
                "Values found and replaced, by type and upstream",
                "entity type",
                "values",
                data,
                true,
                true,
                WIDTH,
                80 + 28 * sent.size()));
        h.append("<p class=\"note\">What left the building in their place (the operator of the policy):</p><table>")
                .append("<tr><th>type → upstream, as</th><th>values</th></tr>");
        sentAs.forEach((k, n) -> row(h, k, n));
        h.append("</table>");
    }

    private void rules(StringBuilder h) {
        h.append("<h2>Blocks and shadow would-blocks by rule</h2>");
        if (blocksByRule.isEmpty() && shadowByRule.isEmpty()) {
            h.append("<p>No rule blocked, and no shadow rule would have, in the period.</p>");
            return;
        }
        DefaultCategoryDataset data = new DefaultCategoryDataset();
        blocksByRule.forEach((rule, n) -> data.addValue(n, "blocked (enforced)", rule));
        shadowByRule.forEach((rule, n) -> data.addValue(n, "would block (shadow)", rule));
        h.append(ReportCharts.bars(
                "Exchanges by rule",
                "rule",
                "exchanges",
                data,
                false,
                true,
                WIDTH,
                100 + 30 * (blocksByRule.size() + shadowByRule.size())));
        if (!shadowByRule.isEmpty()) {
            h.append("<p>Enforcing the shadow rules would change:</p><table>")
                    .append("<tr><th>shadow rule</th><th>exchanges it would block</th><th>share of all</th></tr>");
            shadowByRule.forEach((rule, n) -> h.append("<tr><td>")
                    .append(esc(rule))
                    .append("</td><td class=\"n\">")
                    .append(n)
                    .append("</td><td class=\"n\">")
                    .append(String.format(Locale.ROOT, "%.1f%%", exchanges == 0 ? 0.0 : 100.0 * n / exchanges))
                    .append("</td></tr>"));
            h.append("</table>");
        }
    }

    private void answers(StringBuilder h) {
        h.append("<h2>Answers in which the model produced personal data</h2>");
        if (answersWithDataByUpstream.isEmpty()) {
            h.append("<p>None in the period.</p>");
            return;
        }
        DefaultCategoryDataset data = new DefaultCategoryDataset();
        answersWithDataByUpstream.forEach((u, n) -> data.addValue(n, "answers", u));
        h.append(ReportCharts.bars(
                "Answers with personal data, by upstream", "upstream", "answers", data, false, false, WIDTH, 300));
        h.append("<table><tr><th>type</th><th>values in answers</th></tr>");
        answerValues.forEach((t, n) -> row(h, t.name(), n));
        h.append("</table>");
    }

    private void failures(StringBuilder h) {
        h.append("<h2>Upstream failures and latency</h2>");
        if (!failuresByUpstream.isEmpty()) {
            DefaultCategoryDataset data = new DefaultCategoryDataset();
            failuresByUpstream.forEach((u, byCode) -> byCode.forEach((code, n) -> data.addValue(n, code, u)));
            h.append(ReportCharts.bars(
                    "Upstream failures, by upstream and error",
                    "upstream",
                    "exchanges",
                    data,
                    true,
                    false,
                    WIDTH,
                    300));
        } else {
            h.append("<p>No upstream failure in the period.</p>");
        }
        if (latencyByUpstream.isEmpty()) {
            return;
        }
        DefaultCategoryDataset data = new DefaultCategoryDataset();
        h.append("<table><tr><th>upstream</th><th>exchanges</th><th>p50 ms</th><th>p90 ms</th><th>p99 ms</th></tr>");
        latencyByUpstream.forEach((u, l) -> {
            if (l.size() == 0) {
                return;
            }
            for (int p : new int[] {50, 90, 99}) {
                data.addValue(l.percentile(p) / 1000.0, "p" + p, u);
            }
            h.append("<tr><td>")
                    .append(esc(u))
                    .append("</td><td class=\"n\">")
                    .append(l.size())
                    .append("</td><td class=\"n\">")
                    .append(ms(l.percentile(50)))
                    .append("</td><td class=\"n\">")
                    .append(ms(l.percentile(90)))
                    .append("</td><td class=\"n\">")
                    .append(ms(l.percentile(99)))
                    .append("</td></tr>");
        });
        h.append("</table>");
        h.append(ReportCharts.bars("Exchange time by upstream (ms)", "upstream", "ms", data, false, false, WIDTH, 300));
    }

    private void cacheSection(StringBuilder h) {
        h.append("<h2>Cache</h2><table>");
        for (CacheOutcome c : CacheOutcome.values()) {
            row(h, lower(c), cache.getOrDefault(c, 0L));
        }
        long saved = savedMicros();
        h.append("</table><p>Upstream time the cache hits saved, estimated from the median upstream time of the ")
                .append("same upstream, route and model: <b>")
                .append(String.format(Locale.ROOT, "%.1f s", saved / 1e6))
                .append("</b>.</p>");
        if (!cacheHitsByDay.isEmpty()) {
            DefaultCategoryDataset data = new DefaultCategoryDataset();
            cacheHitsByDay.forEach((d, n) -> data.addValue(n, "hits", DAY.format(d)));
            h.append(ReportCharts.bars("Cache hits per day", "day", "hits", data, false, false, WIDTH, 280));
        }
    }

    private void operations(StringBuilder h) {
        h.append("<h2>Authentication failures and reloads</h2>");
        if (!authFailures.isEmpty()) {
            h.append("<table><tr><th>code</th><th>failures</th></tr>");
            authFailures.forEach((c, n) -> row(h, c, n));
            h.append("</table>");
        }
        if (reloads.isEmpty()) {
            h.append("<p>No reload in the period.</p>");
            return;
        }
        h.append("<table><tr><th>time</th><th>what</th><th>result</th></tr>");
        for (ReloadRecord r : reloads) {
            h.append("<tr><td>")
                    .append(esc(r.time().toString()))
                    .append("</td><td>")
                    .append(esc(lower(r.component())))
                    .append("</td><td>")
                    .append(r.succeeded() ? "active: " + esc(name(r.version())) : "refused: " + esc(r.errorCode()))
                    .append("</td></tr>");
        }
        h.append("</table>");
    }

    private static DefaultCategoryDataset byDay(TreeMap<LocalDate, TreeMap<String, Long>> counts) {
        DefaultCategoryDataset data = new DefaultCategoryDataset();
        counts.forEach((day, bySeries) -> bySeries.forEach((s, n) -> data.addValue(n, s, DAY.format(day))));
        return data;
    }

    private static void row(StringBuilder h, String label, long n) {
        h.append("<tr><td>")
                .append(esc(label))
                .append("</td><td class=\"n\">")
                .append(n)
                .append("</td></tr>");
    }

    private static String ms(long micros) {
        return String.format(Locale.ROOT, "%.1f", micros / 1000.0);
    }

    private static String name(String id) {
        return id == null ? "-" : id;
    }

    private static String lower(Enum<?> e) {
        return e.name().toLowerCase(Locale.ROOT);
    }

    static String esc(String s) {
        StringBuilder out = new StringBuilder(s.length());
        for (char c : s.toCharArray()) {
            switch (c) {
                case '<' -> out.append("&lt;");
                case '>' -> out.append("&gt;");
                case '&' -> out.append("&amp;");
                case '"' -> out.append("&quot;");
                default -> out.append(c);
            }
        }
        return out.toString();
    }

    /** Microsecond times, for percentiles. */
    static final class Latencies {
        private long[] values = new long[16];
        private int size;
        private boolean sorted;

        void add(long micros) {
            if (size == values.length) {
                values = Arrays.copyOf(values, size * 2);
            }
            values[size++] = micros;
            sorted = false;
        }

        void addAll(Latencies other) {
            for (int i = 0; i < other.size; i++) {
                add(other.values[i]);
            }
        }

        int size() {
            return size;
        }

        /** The nearest-rank percentile; -1 when empty. */
        long percentile(int p) {
            if (size == 0) {
                return -1;
            }
            if (!sorted) {
                Arrays.sort(values, 0, size);
                sorted = true;
            }
            int rank = (int) Math.ceil(p / 100.0 * size);
            return values[Math.max(0, Math.min(size - 1, rank - 1))];
        }
    }
}
