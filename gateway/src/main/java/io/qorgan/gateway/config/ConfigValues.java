package io.qorgan.gateway.config;

import java.time.Duration;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Parses the human forms used in configuration: durations ({@code 500ms}, {@code 30s}) and sizes ({@code 10MB}). */
public final class ConfigValues {

    private static final Pattern DURATION = Pattern.compile("(\\d+)\\s*(ms|s|m|h|d)");
    private static final Pattern SIZE = Pattern.compile("(\\d+)\\s*(b|kb|mb|gb|kib|mib|gib)?");

    private ConfigValues() {}

    /** {@code 250ms}, {@code 30s}, {@code 5m}, {@code 1h}, {@code 400d}; throws {@link IllegalArgumentException} otherwise. */
    public static Duration duration(String text) {
        Matcher m = DURATION.matcher(text.trim().toLowerCase(Locale.ROOT));
        if (!m.matches()) {
            throw new IllegalArgumentException(
                    "expected a duration such as 500ms, 30s, 5m, 1h or 400d, got `" + text + "`");
        }
        long n = Long.parseLong(m.group(1));
        return switch (m.group(2)) {
            case "ms" -> Duration.ofMillis(n);
            case "s" -> Duration.ofSeconds(n);
            case "m" -> Duration.ofMinutes(n);
            case "h" -> Duration.ofHours(n);
            default -> Duration.ofDays(n);
        };
    }

    /** A duration as configuration writes it, in the largest unit that holds it whole: {@code 10m}, {@code 90s}. */
    public static String format(Duration d) {
        long ms = d.toMillis();
        if (ms != 0 && ms % 3_600_000 == 0) {
            return ms / 3_600_000 + "h";
        }
        if (ms != 0 && ms % 60_000 == 0) {
            return ms / 60_000 + "m";
        }
        if (ms % 1000 == 0) {
            return ms / 1000 + "s";
        }
        return ms + "ms";
    }

    /** {@code 1048576}, {@code 512KB}, {@code 10MB} (1024-based); throws {@link IllegalArgumentException} otherwise. */
    public static long bytes(String text) {
        Matcher m = SIZE.matcher(text.trim().toLowerCase(Locale.ROOT));
        if (!m.matches()) {
            throw new IllegalArgumentException("expected a size such as 16384, 512KB or 10MB, got `" + text + "`");
        }
        long n = Long.parseLong(m.group(1));
        String unit = m.group(2) == null ? "b" : m.group(2);
        return switch (unit) {
            case "kb", "kib" -> n * 1024;
            case "mb", "mib" -> n * 1024 * 1024;
            case "gb", "gib" -> n * 1024 * 1024 * 1024;
            default -> n;
        };
    }
}
