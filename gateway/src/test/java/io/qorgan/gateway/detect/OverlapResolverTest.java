package io.qorgan.gateway.detect;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

class OverlapResolverTest {

    private static Finding f(EntityType type, int start, int end, double score) {
        return new Finding(type, start, end, score, "test");
    }

    @Test
    void resolve_personInsideAddress_addressKeptPersonDropped() {
        List<Finding> resolved = OverlapResolver.resolve(List.of(f(EntityType.PERSON, 10, 15, 0.9),
                f(EntityType.ADDRESS, 0, 30, 0.85)));
        assertThat(resolved).extracting(Finding::type).containsExactly(EntityType.ADDRESS);
    }

    @Test
    void resolve_personBesideAddress_bothKeptInTextOrder() {
        List<Finding> resolved = OverlapResolver.resolve(List.of(f(EntityType.ADDRESS, 20, 40, 0.85),
                f(EntityType.PERSON, 0, 15, 0.9)));
        assertThat(resolved).extracting(Finding::type).containsExactly(EntityType.PERSON, EntityType.ADDRESS);
    }

    @Test
    void resolve_validatedIinOverlappingPhone_iinWins() {
        List<Finding> resolved = OverlapResolver.resolve(List.of(f(EntityType.PHONE, 0, 12, 0.85),
                f(EntityType.IIN, 0, 12, 0.93)));
        assertThat(resolved).extracting(Finding::type).containsExactly(EntityType.IIN);
    }

    @Test
    void resolve_emailInsideLongerPersonOrAddress_emailWins() {
        List<Finding> resolved = OverlapResolver.resolve(List.of(f(EntityType.PERSON, 0, 8, 0.9),
                f(EntityType.EMAIL, 0, 20, 0.99), f(EntityType.ADDRESS, 15, 40, 0.85)));
        assertThat(resolved).extracting(Finding::type).containsExactly(EntityType.EMAIL);
    }

    @Test
    void resolve_sameTypeOverlapping_higherScoreKept() {
        List<Finding> resolved = OverlapResolver.resolve(List.of(f(EntityType.PERSON, 0, 10, 0.6),
                f(EntityType.PERSON, 5, 20, 0.9)));
        assertThat(resolved).containsExactly(f(EntityType.PERSON, 5, 20, 0.9));
    }
}
