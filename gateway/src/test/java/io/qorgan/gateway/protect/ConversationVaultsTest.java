package io.qorgan.gateway.protect;

import static io.qorgan.gateway.protect.TestData.IIN_1;
import static io.qorgan.gateway.protect.TestData.NAME_KK;
import static io.qorgan.gateway.protect.TestData.NAME_RU;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.github.benmanes.caffeine.cache.Ticker;
import io.qorgan.gateway.detect.EntityType;
import io.qorgan.gateway.dialect.Dialect;
import java.nio.charset.StandardCharsets;
import java.security.SecureRandom;
import java.time.Duration;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class ConversationVaultsTest {

    private final AtomicLong nanos = new AtomicLong();
    private final Ticker ticker = nanos::get;
    private ConversationVaults vaults;

    @BeforeEach
    void setUp() {
        vaults = ConversationVaults.create(Duration.ofMinutes(30), 1000, ticker, new SecureRandom());
    }

    private static byte[] turn(String text) {
        return ("{\"model\":\"m\",\"input\":" + Json.quote(text) + ",\"previous_response_id\":\"resp_1\"}")
                .getBytes(StandardCharsets.UTF_8);
    }

    @Test
    void resume_nextTurn_continuesNumberingAndRestoresEarlierPlaceholders() {
        RequestProtector protector = TestData.protector();
        ProtectedRequest first =
                protector.protect(turn("I am " + NAME_KK + ", IIN " + IIN_1), null, null, Dialect.OPENAI_RESPONSES);
        vaults.put("agency-a/caller-1", "resp_1", first.vault());

        ExchangeVault resumed = vaults.resume("agency-a/caller-1", "resp_1");
        ProtectedRequest second = protector.protect(
                turn("And " + NAME_RU + " knows " + NAME_KK), null, null, Dialect.OPENAI_RESPONSES, resumed);

        assertThat(Json.parse(second.body()).get("input").asText()).isEqualTo("And [PERSON_2] knows [PERSON_1]");
        assertThat(TextRestorer.of(second.vault()).restore("[PERSON_1], [PERSON_2], [IIN_1]"))
                .isEqualTo(NAME_KK + ", " + NAME_RU + ", " + IIN_1);
        assertThat(first.vault().restore(EntityType.PERSON, 2)).isEmpty(); // the stored copy is independent
    }

    @Test
    void resume_afterTtl_refusedAsExpired() {
        vaults.put(
                "agency-a/caller-1",
                "resp_1",
                TestData.protector()
                        .protect(turn(NAME_KK), null, null, Dialect.OPENAI_RESPONSES)
                        .vault());
        nanos.addAndGet(Duration.ofMinutes(31).toNanos());
        assertThatThrownBy(() -> vaults.resume("agency-a/caller-1", "resp_1"))
                .isInstanceOfSatisfying(VaultExpired.class, e -> {
                    assertThat(e.code()).isEqualTo("conversation_expired");
                    assertThat(e.getMessage()).doesNotContain("resp_1").doesNotContain(NAME_KK);
                });
    }

    @Test
    void resume_unknownOrNullId_refused() {
        assertThatThrownBy(() -> vaults.resume("agency-a/caller-1", "resp_unknown"))
                .isInstanceOf(VaultExpired.class);
        assertThatThrownBy(() -> vaults.resume("agency-a/caller-1", null)).isInstanceOf(VaultExpired.class);
    }

    @Test
    void resume_fromAnotherScope_refused() {
        vaults.put(
                "agency-a/caller-1",
                "resp_1",
                TestData.protector()
                        .protect(turn(NAME_KK), null, null, Dialect.OPENAI_RESPONSES)
                        .vault());
        assertThatThrownBy(() -> vaults.resume("agency-b/caller-9", "resp_1")).isInstanceOf(VaultExpired.class);
        assertThat(vaults.resume("agency-a/caller-1", "resp_1").restore(EntityType.PERSON, 1))
                .contains(NAME_KK);
    }

    @Test
    void resume_beforeTtl_stillAvailable() {
        vaults.put(
                "agency-a/caller-1",
                "resp_1",
                TestData.protector()
                        .protect(turn(NAME_KK), null, null, Dialect.OPENAI_RESPONSES)
                        .vault());
        nanos.addAndGet(Duration.ofMinutes(29).toNanos());
        assertThat(vaults.resume("agency-a/caller-1", "resp_1").restore(EntityType.PERSON, 1))
                .contains(NAME_KK);
    }
}
