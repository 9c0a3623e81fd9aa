package io.qorgan.gateway.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import org.junit.jupiter.api.Test;

/** {@code protection.cache} and {@code cache}: bound, defaulted, and refused with file, line and field. */
class CacheConfigTest {

    private static final String BASE = """
            upstreams:
              sim: { baseUrl: "http://127.0.0.1:9000/v1" }
            routes:
              - { pathPrefix: /v1, upstream: sim }
            """;

    @Test
    void parse_noCacheSections_givesTheDefaults() {
        assertThat(ConfigLoader.parse("qorgan.yaml", BASE).cache()).isEqualTo(CacheConfig.defaults());
    }

    @Test
    void parse_bothSections_bindEveryField() {
        CacheConfig c = ConfigLoader.parse("qorgan.yaml", BASE + """
                protection:
                  cache: { enabled: false, ttl: 90s, scope: agency, maxEntryBytes: 256KB }
                cache:
                  maxBytes: 8MB
                """).cache();

        assertThat(c)
                .isEqualTo(new CacheConfig(
                        false, Duration.ofSeconds(90), CacheConfig.Scope.AGENCY, 256 * 1024, 8 * 1024 * 1024));
    }

    @Test
    void parse_unknownScope_namesLineFieldAndSuggestion() {
        assertThatThrownBy(() -> ConfigLoader.parse("qorgan.yaml", BASE + """
                        protection:
                          cache:
                            scope: agncy
                        """))
                .isInstanceOfSatisfying(ConfigException.class, e -> {
                    assertThat(e.line()).isEqualTo(7);
                    assertThat(e.field()).isEqualTo("protection.cache.scope");
                    assertThat(e.getMessage()).contains("caller or agency").contains("did you mean `agency`?");
                });
    }

    @Test
    void parse_zeroTtlOrBadSize_isRefusedWithItsField() {
        assertThatThrownBy(() -> ConfigLoader.parse("qorgan.yaml", BASE + "protection: {cache: {ttl: 0s}}\n"))
                .isInstanceOfSatisfying(
                        ConfigException.class, e -> assertThat(e.field()).isEqualTo("protection.cache.ttl"));
        assertThatThrownBy(() -> ConfigLoader.parse("qorgan.yaml", BASE + "cache: {maxBytes: lots}\n"))
                .isInstanceOfSatisfying(
                        ConfigException.class, e -> assertThat(e.field()).isEqualTo("cache.maxBytes"));
    }
}
