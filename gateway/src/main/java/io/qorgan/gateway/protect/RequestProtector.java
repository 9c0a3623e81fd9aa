package io.qorgan.gateway.protect;

import io.qorgan.gateway.detect.Finding;
import io.qorgan.gateway.dialect.Dialect;
import io.qorgan.gateway.dialect.ReadLimits;
import io.qorgan.gateway.dialect.TargetRewriter;
import io.qorgan.gateway.dialect.TextSite;
import java.util.List;
import java.util.Objects;
import java.util.function.BiConsumer;

/**
 * Protects a request body: the dialect walks every string value, key and number, the scanner finds personal
 * data in it, and each finding is replaced by its type's operator, recording placeholders in
 * the exchange's vault. A number that holds personal data ({@link NumberText}) leaves as its operator made it: as a
 * string placeholder ({@code "[IIN_1]"}) where the API takes a string, a number still after {@code fpe}; where the
 * API needs a number and only a string could stand in, the request is refused. The walk reads at most
 * {@link ReadLimits} of a body. Fails closed: any failure is a {@link ProtectionFailed} and nothing is
 * forwarded.
 *
 * <p>Immutable and thread-safe (given a thread-safe scanner and key function); one per
 * configuration, shared by all exchanges.
 */
public final class RequestProtector {

    /**
     * Values of personal data one request may hold: each costs a vault entry and a replacement (about 2 KB of work),
     * so ten thousand stay within a few tens of megabytes, and a request holding more is bulk data.
     */
    public static final int DEFAULT_MAX_FINDINGS = 10_000;

    /** Nobody reads along. */
    public static final BiConsumer<String, TextSite> NOT_READ = (text, site) -> {};

    private final TextScanner scanner;
    private final ValueKey valueKey;
    private final ProtectionSettings settings;
    private final ReadLimits limits;
    private final int maxFindings;
    private final Operators operators;

    private RequestProtector(
            TextScanner scanner, ValueKey valueKey, ProtectionSettings settings, ReadLimits limits, int maxFindings) {
        this.scanner = Objects.requireNonNull(scanner, "scanner");
        this.valueKey = Objects.requireNonNull(valueKey, "valueKey");
        this.settings = Objects.requireNonNull(settings, "settings");
        this.limits = Objects.requireNonNull(limits, "limits");
        if (maxFindings < 1) {
            throw new IllegalArgumentException("maxFindings must be positive");
        }
        this.maxFindings = maxFindings;
        this.operators = new Operators(settings.keys());
    }

    /** A protector reading bodies up to {@link ReadLimits#DEFAULTS} and {@link #DEFAULT_MAX_FINDINGS} values. */
    public static RequestProtector create(TextScanner scanner, ValueKey valueKey, ProtectionSettings settings) {
        return create(scanner, valueKey, settings, ReadLimits.DEFAULTS, DEFAULT_MAX_FINDINGS);
    }

    /**
     * A protector refusing ({@code request_too_complex}) bodies more complex than {@code limits}, and requests in
     * which it finds more than {@code maxFindings} values of personal data.
     */
    public static RequestProtector create(
            TextScanner scanner, ValueKey valueKey, ProtectionSettings settings, ReadLimits limits, int maxFindings) {
        return new RequestProtector(scanner, valueKey, settings, limits, maxFindings);
    }

    /** Protects a request of a new exchange. */
    public ProtectedRequest protect(byte[] body, String contentType, String contentEncoding, Dialect dialect) {
        return protect(body, contentType, contentEncoding, dialect, new ExchangeVault());
    }

    /**
     * Protects a request continuing {@code vault} (a conversation turn resumed from
     * {@link ConversationVaults}): known values keep their placeholders, new ones continue the numbering.
     *
     * @throws ProtectionFailed when the body cannot be read or protection fails
     */
    public ProtectedRequest protect(
            byte[] body, String contentType, String contentEncoding, Dialect dialect, ExchangeVault vault) {
        return protect(body, contentType, contentEncoding, dialect, vault, NOT_READ);
    }

    /**
     * As {@link #protect(byte[], String, String, Dialect, ExchangeVault)}, handing every string of the body to
     * {@code reading} as it came, before it is protected (a policy's texts, say, without a second walk).
     */
    public ProtectedRequest protect(
            byte[] body,
            String contentType,
            String contentEncoding,
            Dialect dialect,
            ExchangeVault vault,
            BiConsumer<String, TextSite> reading) {
        return protect(body, contentType, contentEncoding, dialect, vault, reading, null);
    }

    /**
     * As {@link #protect(byte[], String, String, Dialect, ExchangeVault, BiConsumer)}, taking findings from (or
     * recording them in) {@code detections}: null detects every text anew.
     */
    public ProtectedRequest protect(
            byte[] body,
            String contentType,
            String contentEncoding,
            Dialect dialect,
            ExchangeVault vault,
            BiConsumer<String, TextSite> reading,
            Detections detections) {
        try {
            byte[] out = dialect.rewriteRequest(body, contentType, contentEncoding, limits, (text, site) -> {
                reading.accept(text, site);
                return protectText(text, site, vault, detections);
            });
            return new ProtectedRequest(out, vault, vault.counts());
        } catch (RuntimeException e) {
            throw ProtectionFailed.of(e);
        }
    }

    /**
     * Protects the path segments and the query of a request target ({@code /v1/models?user=...}) into {@code vault},
     * after the body so that numbering follows the conversation; the same instance when nothing was found. Every
     * decoded part goes to {@code reading} as it came ({@link #NOT_READ} when nobody reads along).
     *
     * @throws ProtectionFailed ({@code malformed_path}, {@code malformed_query}) when that part cannot be decoded, or
     *     when protection fails
     */
    public String protectTarget(String target, ExchangeVault vault, BiConsumer<String, TextSite> reading) {
        return protectTarget(target, vault, reading, null);
    }

    /** As {@link #protectTarget(String, ExchangeVault, BiConsumer)}, with {@code detections} (null: detect anew). */
    public String protectTarget(
            String target, ExchangeVault vault, BiConsumer<String, TextSite> reading, Detections detections) {
        try {
            return TargetRewriter.rewrite(target, (text, site) -> {
                reading.accept(text, site);
                return protectText(text, site, vault, detections);
            });
        } catch (RuntimeException e) {
            throw ProtectionFailed.of(e);
        }
    }

    /**
     * Protects the value of a request header the client sent (its own {@code X-Case-Holder}, say) into {@code vault};
     * the same instance when nothing was found.
     *
     * @throws ProtectionFailed when protection fails
     */
    public String protectHeader(String name, String value, ExchangeVault vault) {
        return protectHeader(name, value, vault, null);
    }

    /** As {@link #protectHeader(String, String, ExchangeVault)}, with {@code detections} (null: detect anew). */
    public String protectHeader(String name, String value, ExchangeVault vault, Detections detections) {
        try {
            return protectText(value, new TextSite(":" + name, TextSite.Kind.OTHER), vault, detections);
        } catch (RuntimeException e) {
            throw ProtectionFailed.of(e);
        }
    }

    private String protectText(String text, TextSite site, ExchangeVault vault, Detections detections) {
        if (site.kind() == TextSite.Kind.NUMBER) {
            return protectNumber(text, vault, detections);
        }
        if (text.isEmpty()) {
            return text;
        }
        List<Finding> findings = detections == null ? scanner.scan(text) : detections.scan(scanner, text);
        if (findings == null || findings.isEmpty()) {
            return text;
        }
        return replace(text, findings, vault);
    }

    /**
     * A number as its digits; the literal itself when nothing was found (or kept). A number that became one
     * placeholder is noted, so that an answer's tool call gives the number back as a number.
     */
    private String protectNumber(String literal, ExchangeVault vault, Detections detections) {
        String digits = NumberText.scanned(literal);
        if (digits == null) {
            return literal;
        }
        List<Finding> findings = detections == null ? scanner.scan(digits) : detections.scan(scanner, digits);
        if (findings == null || findings.isEmpty()) {
            return literal;
        }
        String out = replace(digits, findings, vault);
        if (out.equals(digits)) {
            return literal;
        }
        Finding f = findings.get(0);
        if (findings.size() == 1
                && f.start() == 0
                && f.end() == digits.length()
                && settings.operator(f.type()) == Operator.PLACEHOLDER) {
            vault.recordNumber(out, digits);
        }
        return out;
    }

    private String replace(String text, List<Finding> findings, ExchangeVault vault) {
        if (vault.found(findings.size()) > maxFindings) {
            throw ProtectionFailed.tooComplex(
                    "more than " + maxFindings + " values of personal data (protection.maxFindings)");
        }
        StringBuilder out = new StringBuilder(text.length() + 16 * findings.size());
        int pos = 0;
        for (Finding f : findings) {
            if (f.start() < pos || f.end() <= f.start() || f.end() > text.length()) {
                throw new IllegalStateException("findings overlap, are out of order or out of range");
            }
            String original = text.substring(f.start(), f.end());
            String key = valueKey.key(f.type(), original);
            if (key == null || key.isEmpty()) {
                key = original;
            }
            out.append(text, pos, f.start());
            out.append(operators.apply(settings.operator(f.type()), f.type(), original, key, vault));
            pos = f.end();
        }
        out.append(text, pos, text.length());
        return out.toString();
    }
}
