package io.qorgan.gateway.route;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

/** Which request targets {@link RequestTarget} refuses, and why; and that ordinary API paths pass. */
class RequestTargetTest {

    @ParameterizedTest
    @CsvSource({
        "/v1/../admin, DOT_SEGMENT",
        "/.., DOT_SEGMENT",
        "/v1/., DOT_SEGMENT",
        "/v1/%2e%2E/x, DOT_SEGMENT",
        "/v1/%2E./x, DOT_SEGMENT",
        "/v1/.%2e, DOT_SEGMENT",
        "/v1/..;a=b/x, DOT_SEGMENT",
        "/v1/..%3bx/y, DOT_SEGMENT",
        "/v1/%25%32%65%25%32%65/x, DOT_SEGMENT",
        "/v1/%252e%252e/x, DOT_SEGMENT",
        "/v1\\admin, BACKSLASH",
        "/v1/a%5Cb, BACKSLASH",
        "/v1/a%255cb, BACKSLASH",
        "/v1/a%2Fb, ENCODED_SLASH",
        "/v1/a%252fb, ENCODED_SLASH",
        "/v1/a%0ab, CONTROL_CHARACTER",
        "/v1/a%7Fb, CONTROL_CHARACTER"
    })
    void problem_pathsAnUpstreamCouldReadAnotherWay_named(String target, RequestTarget.Problem expected) {
        assertThat(RequestTarget.problem(target)).isEqualTo(expected);
    }

    @ParameterizedTest
    @ValueSource(
            strings = {
                "/",
                "/v1/chat/completions",
                "/v1/models/gpt-4.1",
                "/v1/files/a..b/.../.x/x.",
                "/v1/files/%D0%90%20b%25",
                "/v1/x?path=../../etc&b=%2F%5C",
                "/v1/x#..",
                "*",
                "/v1/a%2"
            })
    void problem_ordinaryPaths_none(String target) {
        assertThat(RequestTarget.problem(target)).isNull();
    }
}
