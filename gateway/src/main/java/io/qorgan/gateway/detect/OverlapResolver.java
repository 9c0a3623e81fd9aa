package io.qorgan.gateway.detect;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;

/**
 * Chooses among overlapping findings: the more specific, validated type wins (an IIN over a phone-shaped run, an
 * e-mail over an address or name around it); within a type the higher score, then the longer span. Findings that
 * do not overlap are all kept, so a PERSON next to (not inside) an ADDRESS stays.
 *
 * <p>Candidates are taken in order of preference; one is kept when none of its chars is already taken by a kept
 * one, and an address that a kept one overlaps at its head or tail keeps its free rest when that is most of it. Only clusters of findings that overlap each other need this (most findings overlap nothing); inside a
 * cluster, taken chars are bits of a bitmap, so each check costs the span's length / 64.
 */
final class OverlapResolver {

    private static int priority(EntityType type) {
        return switch (type) {
            case SECRET -> 100;
            case EMAIL -> 95;
            case IBAN -> 92;
            case PAYMENT_CARD -> 90;
            case IIN, BIN -> 88;
            case IP_ADDRESS -> 80;
            case ID_DOCUMENT -> 78;
            case PHONE -> 75;
            case DATE_OF_BIRTH -> 70;
            case VEHICLE_PLATE -> 65;
            case ADDRESS -> 60;
            case PERSON -> 50;
        };
    }

    /** Higher priority first, then higher score, then longer, then earlier. */
    private static final Comparator<Finding> PREFERENCE = (a, b) -> {
        int c = Integer.compare(priority(b.type()), priority(a.type()));
        if (c == 0) {
            c = Double.compare(b.score(), a.score());
        }
        if (c == 0) {
            c = Integer.compare(b.length(), a.length());
        }
        return c != 0 ? c : Integer.compare(a.start(), b.start());
    };

    private static final Comparator<Finding> BY_START = Comparator.comparingInt(Finding::start);

    private OverlapResolver() {}

    /** Non-overlapping findings in text order. */
    static List<Finding> resolve(List<Finding> candidates) {
        if (candidates.size() <= 1) {
            return candidates;
        }
        Finding[] all = candidates.toArray(new Finding[0]);
        Arrays.sort(all, BY_START);
        List<Finding> out = new ArrayList<>(all.length);
        int i = 0;
        while (i < all.length) {
            // a cluster: findings chained by overlaps; choices inside one never touch another
            int j = i + 1;
            int end = all[i].end();
            while (j < all.length && all[j].start() < end) {
                end = Math.max(end, all[j].end());
                j++;
            }
            if (j - i == 1) {
                out.add(all[i]); // overlaps nothing: the usual case, kept without sorting
            } else {
                resolveCluster(Arrays.copyOfRange(all, i, j), all[i].start(), end, out);
            }
            i = j;
        }
        return out;
    }

    /** Keeps, in order of preference, each finding of {@code cluster} (within [from, to)) that overlaps none kept. */
    private static void resolveCluster(Finding[] cluster, int from, int to, List<Finding> out) {
        Arrays.sort(cluster, PREFERENCE);
        long[] taken = new long[((to - from) >>> 6) + 1];
        int kept = 0;
        for (Finding f : cluster) {
            if (free(taken, f.start() - from, f.end() - from)) {
                take(taken, f.start() - from, f.end() - from);
                cluster[kept++] = f;
            } else if (f.type() == EntityType.ADDRESS) {
                Finding rest = freeRest(taken, from, f);
                if (rest != null) {
                    take(taken, rest.start() - from, rest.end() - from);
                    cluster[kept++] = rest;
                }
            }
        }
        Arrays.sort(cluster, 0, kept, BY_START);
        for (int k = 0; k < kept; k++) {
            out.add(cluster[k]);
        }
    }

    /** The shortest rest of an address that is kept when a preferred finding took part of it. */
    static final int MIN_ADDRESS_REST = 8;

    /**
     * What is left of an address whose head or tail a preferred finding took ("паспорт 63 18 590224, Орал қ., …", read
     * by the address reader from the number on): its longer free part at either end, when that is at least half of it
     * and {@link #MIN_ADDRESS_REST} chars; or null. Dropping the whole address let all of it through in clear.
     */
    private static Finding freeRest(long[] taken, int from, Finding f) {
        int start = f.start() - from;
        int end = f.end() - from;
        int head = end; // the free part [head, end) at the tail
        while (head > start && !isTaken(taken, head - 1)) {
            head--;
        }
        int tail = start; // the free part [start, tail) at the head
        while (tail < end && !isTaken(taken, tail)) {
            tail++;
        }
        boolean tailPart = end - head >= tail - start;
        int a = tailPart ? head : start;
        int b = tailPart ? end : tail;
        if ((b - a) * 2 < f.end() - f.start() || b - a < MIN_ADDRESS_REST) {
            return null;
        }
        return new Finding(f.type(), a + from, b + from, f.score(), f.recognizer());
    }

    private static boolean isTaken(long[] bits, int i) {
        return (bits[i >>> 6] & (1L << (i & 63))) != 0;
    }

    /** Whether no bit of {@code [from, to)} is set. */
    private static boolean free(long[] bits, int from, int to) {
        for (int i = from; i < to; ) {
            int word = i >>> 6;
            int upto = Math.min(to, (word + 1) << 6);
            long mask = rangeMask(i & 63, upto - (word << 6));
            if ((bits[word] & mask) != 0) {
                return false;
            }
            i = upto;
        }
        return true;
    }

    private static void take(long[] bits, int from, int to) {
        for (int i = from; i < to; ) {
            int word = i >>> 6;
            int upto = Math.min(to, (word + 1) << 6);
            bits[word] |= rangeMask(i & 63, upto - (word << 6));
            i = upto;
        }
    }

    /** Bits {@code [from, to)} of a word, 0 <= from < to <= 64. */
    private static long rangeMask(int from, int to) {
        long upper = to == 64 ? -1L : (1L << to) - 1;
        return upper & (-1L << from);
    }
}
