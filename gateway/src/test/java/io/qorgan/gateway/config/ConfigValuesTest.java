package io.qorgan.gateway.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;

class ConfigValuesTest {

    @Test
    void duration_units_parse() {
        assertThat(ConfigValues.duration("250ms")).isEqualTo(Duration.ofMillis(250));
        assertThat(ConfigValues.duration("30s")).isEqualTo(Duration.ofSeconds(30));
        assertThat(ConfigValues.duration("5m")).isEqualTo(Duration.ofMinutes(5));
        assertThat(ConfigValues.duration("1h")).isEqualTo(Duration.ofHours(1));
    }

    @Test
    void duration_noUnit_rejected() {
        assertThatThrownBy(() -> ConfigValues.duration("30")).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void bytes_units_parse() {
        assertThat(ConfigValues.bytes("1024")).isEqualTo(1024);
        assertThat(ConfigValues.bytes("512KB")).isEqualTo(512 * 1024);
        assertThat(ConfigValues.bytes("10MB")).isEqualTo(10L * 1024 * 1024);
    }

    @Test
    void closest_typo_suggestsNearestName() {
        assertThat(Suggestions.closest("extrenal", List.of("onprem", "external")))
                .contains("external");
        assertThat(Suggestions.closest("zzzzzz", List.of("onprem", "external"))).isEmpty();
    }
}
