package io.qorgan.gateway.identity;

import static org.assertj.core.api.Assertions.assertThat;

import java.security.SecureRandom;
import org.junit.jupiter.api.Test;

class ApiKeyHeadersTest {

    private static final String KEY = "qg_ab12cd34_" + "A".repeat(43);

    @Test
    void extract_bearerToken_isReturned() {
        assertThat(ApiKeyHeaders.extract("Bearer " + KEY, null)).hasValue(KEY);
        assertThat(ApiKeyHeaders.extract("bearer   " + KEY + " ", null)).hasValue(KEY);
    }

    @Test
    void extract_xApiKeyOnly_isReturned() {
        assertThat(ApiKeyHeaders.extract(null, KEY)).hasValue(KEY);
        assertThat(ApiKeyHeaders.extract("Basic dXNlcjpwYXNz", KEY)).hasValue(KEY);
    }

    @Test
    void extract_noCredential_isEmpty() {
        assertThat(ApiKeyHeaders.extract(null, null)).isEmpty();
        assertThat(ApiKeyHeaders.extract("Bearer ", " ")).isEmpty();
    }

    @Test
    void parse_generatedKey_hasPublicIdAndLongSecret() {
        ApiKeys.NewApiKey key = new ApiKeys(new SecureRandom(), ApiKeys.HashCost.FAST_FOR_TESTS).generate();

        assertThat(key.key()).matches("qg_[a-z0-9]{8}_[A-Za-z0-9_-]{43}");
        assertThat(ApiKeys.parse(key.key()))
                .hasValueSatisfying(p -> assertThat(p.id()).isEqualTo(key.id()));
        assertThat(key.toString()).doesNotContain(key.key().substring(12));
        assertThat(ApiKeys.parse("qg_AB12cd34_" + "A".repeat(43)))
                .as("ids are lower case")
                .isEmpty();
        assertThat(ApiKeys.parse(KEY + "x")).isEmpty();
    }
}
