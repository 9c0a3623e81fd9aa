package io.qorgan.gateway.audit;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;

/**
 * One search of the trail: a query in Lucene's classic syntax over the index fields ({@code verdict:blocked AND
 * agency:health}; empty for everything), a period, and a page (newest first).
 *
 * @param text the query; null or blank matches every record
 * @param from the period's start, inclusive, or null
 * @param to the period's end, exclusive, or null
 * @param page the page, from 1
 * @param size records per page
 */
public record AuditQuery(String text, Instant from, Instant to, int page, int size) {

    public static final int DEFAULT_SIZE = 50;
    public static final int MAX_SIZE = 1000;
    /** Pages deeper than this many records are refused: narrow the query or the period instead. */
    public static final int MAX_DEPTH = 100_000;

    public static final int MAX_TEXT = 4096;

    public AuditQuery {
        if (page < 1) {
            throw new IllegalArgumentException("page must be 1 or more");
        }
        if (size < 1 || size > MAX_SIZE) {
            throw new IllegalArgumentException("page size must be between 1 and " + MAX_SIZE);
        }
        if ((long) page * size > MAX_DEPTH) {
            throw new IllegalArgumentException("pages reach at most " + MAX_DEPTH + " records deep; narrow the search");
        }
        if (text != null && text.length() > MAX_TEXT) {
            throw new IllegalArgumentException("the query is longer than " + MAX_TEXT + " characters");
        }
        if (from != null && to != null && !from.isBefore(to)) {
            throw new IllegalArgumentException("from must be before to");
        }
    }

    /**
     * A period's bound as written on a command line or in a URL: an ISO instant ({@code 2026-12-01T10:00:00Z}) or a
     * UTC day ({@code 2026-12-01}), which as an end includes that whole day.
     *
     * @throws IllegalArgumentException naming the option, not repeating the text
     */
    public static Instant time(String text, boolean end, String option) {
        if (text == null || text.isBlank()) {
            return null;
        }
        String t = text.trim();
        try {
            if (t.length() == 10) {
                LocalDate day = LocalDate.parse(t);
                return (end ? day.plusDays(1) : day)
                        .atStartOfDay(ZoneOffset.UTC)
                        .toInstant();
            }
            return Instant.parse(t);
        } catch (DateTimeParseException e) {
            throw new IllegalArgumentException(
                    option + " must be a day (2026-12-01) or an instant (2026-12-01T10:00:00Z)");
        }
    }

    public static AuditQuery of(String text) {
        return new AuditQuery(text, null, null, 1, DEFAULT_SIZE);
    }
}
