package io.qorgan.gateway.detect;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

class OverlapResolverTest {

    private static Finding f(EntityType type, int start, int end, double score) {
        return new Finding(type, start, end, score, "test");
    }

    @Test
    void resolve_personInsideAddress_addressKeptPersonDropped() {
        List<Finding> resolved =
                OverlapResolver.resolve(List.of(f(EntityType.PERSON, 10, 15, 0.9), f(EntityType.ADDRESS, 0, 30, 0.85)));
        assertThat(resolved).extracting(Finding::type).containsExactly(EntityType.ADDRESS);
    }

    @Test
    void resolve_personBesideAddress_bothKeptInTextOrder() {
        List<Finding> resolved =
                OverlapResolver.resolve(List.of(f(EntityType.ADDRESS, 20, 40, 0.85), f(EntityType.PERSON, 0, 15, 0.9)));
        assertThat(resolved).extracting(Finding::type).containsExactly(EntityType.PERSON, EntityType.ADDRESS);
    }

    @Test
    void resolve_validatedIinOverlappingPhone_iinWins() {
        List<Finding> resolved =
                OverlapResolver.resolve(List.of(f(EntityType.PHONE, 0, 12, 0.85), f(EntityType.IIN, 0, 12, 0.93)));
        assertThat(resolved).extracting(Finding::type).containsExactly(EntityType.IIN);
    }

    @Test
    void resolve_emailInsideLongerPersonOrAddress_emailWins() {
        List<Finding> resolved = OverlapResolver.resolve(List.of(
                f(EntityType.PERSON, 0, 8, 0.9),
                f(EntityType.EMAIL, 0, 20, 0.99),
                f(EntityType.ADDRESS, 15, 40, 0.85)));
        // the address keeps what the e-mail left of it, its longer part
        assertThat(resolved).extracting(Finding::type).containsExactly(EntityType.EMAIL, EntityType.ADDRESS);
        assertThat(resolved.get(1).start()).isEqualTo(20);
        assertThat(OverlapResolver.resolve(
                        List.of(f(EntityType.EMAIL, 0, 20, 0.99), f(EntityType.ADDRESS, 5, 30, 0.85))))
                .extracting(Finding::type)
                .containsExactly(EntityType.EMAIL); // a rest of less than half of the address is no address
    }

    @Test
    void resolve_addressWhoseHeadADocumentTook_keepsItsRest() {
        // "паспорт 63 18 590224, Орал қ., …": the address reader began at the document's last number
        List<Finding> resolved = OverlapResolver.resolve(
                List.of(f(EntityType.ID_DOCUMENT, 8, 20, 0.9), f(EntityType.ADDRESS, 14, 60, 0.85)));
        assertThat(resolved).extracting(Finding::type).containsExactly(EntityType.ID_DOCUMENT, EntityType.ADDRESS);
        assertThat(resolved.get(1).start()).isEqualTo(20);
        assertThat(resolved.get(1).end()).isEqualTo(60);
    }

    @Test
    void resolve_sameTypeOverlapping_higherScoreKept() {
        List<Finding> resolved =
                OverlapResolver.resolve(List.of(f(EntityType.PERSON, 0, 10, 0.6), f(EntityType.PERSON, 5, 20, 0.9)));
        assertThat(resolved).containsExactly(f(EntityType.PERSON, 5, 20, 0.9));
    }

    @Test
    void resolve_randomCandidates_sameAsKeepingEachPreferredFindingThatOverlapsNoKeptOne() {
        Random random = new Random(7);
        EntityType[] types = EntityType.values();
        for (int round = 0; round < 2_000; round++) {
            List<Finding> candidates = new ArrayList<>();
            int span = 10 + random.nextInt(300); // across several 64-char words of the resolver's bitmap
            for (int k = 0, n = random.nextInt(12); k < n; k++) {
                int start = random.nextInt(span);
                int end = start + 1 + random.nextInt(span / 3 + 1);
                double score = (1 + random.nextInt(4)) / 4.0;
                candidates.add(f(types[random.nextInt(types.length)], start, end, score));
            }
            assertThat(OverlapResolver.resolve(candidates)).as("%s", candidates).isEqualTo(reference(candidates));
        }
    }

    private static boolean takenBy(List<Finding> kept, int i) {
        return kept.stream().anyMatch(k -> k.start() <= i && i < k.end());
    }

    /** The rule written plainly: in order of preference, keep what overlaps nothing kept; then text order. */
    private static List<Finding> reference(List<Finding> candidates) {
        List<EntityType> rank = List.of(
                EntityType.PERSON,
                EntityType.ADDRESS,
                EntityType.VEHICLE_PLATE,
                EntityType.DATE_OF_BIRTH,
                EntityType.PHONE,
                EntityType.ID_DOCUMENT,
                EntityType.IP_ADDRESS,
                EntityType.IIN,
                EntityType.PAYMENT_CARD,
                EntityType.IBAN,
                EntityType.EMAIL,
                EntityType.SECRET);
        List<Finding> sorted = new ArrayList<>(candidates);
        sorted.sort(Comparator.comparingInt(
                        (Finding x) -> rank.indexOf(x.type() == EntityType.BIN ? EntityType.IIN : x.type()))
                .reversed()
                .thenComparing(Comparator.comparingDouble(Finding::score).reversed())
                .thenComparing(Comparator.comparingInt(Finding::length).reversed())
                .thenComparingInt(Finding::start));
        List<Finding> kept = new ArrayList<>();
        for (Finding x : sorted) {
            if (kept.stream().noneMatch(k -> k.start() < x.end() && x.start() < k.end())) {
                kept.add(x);
            } else if (x.type() == EntityType.ADDRESS) {
                // an address keeps the longer free run at its head or its tail, when that is at least half of it
                int head = x.start();
                while (head < x.end() && !takenBy(kept, head)) {
                    head++;
                }
                int tail = x.end();
                while (tail > x.start() && !takenBy(kept, tail - 1)) {
                    tail--;
                }
                int a = x.end() - tail >= head - x.start() ? tail : x.start();
                int b = x.end() - tail >= head - x.start() ? x.end() : head;
                if ((b - a) * 2 >= x.length() && b - a >= OverlapResolver.MIN_ADDRESS_REST) {
                    kept.add(new Finding(x.type(), a, b, x.score(), x.recognizer()));
                }
            }
        }
        kept.sort(Comparator.comparingInt(Finding::start));
        return kept;
    }
}
