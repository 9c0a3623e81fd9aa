package io.qorgan.gateway.server;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** The header grammars the gateway checks itself, on values real clients send and on values that only look alike. */
class HeaderSyntaxTest {

    @ParameterizedTest
    @ValueSource(
            strings = {
                "application/json",
                "application/json; charset=utf-8",
                "application/json;charset=\"UTF-8\"",
                "text/plain;",
                "multipart/form-data; boundary=----x"
            })
    void media_contentTypes_parse(String value) {
        assertThat(HeaderSyntax.media(value, false)).isNotEqualTo(HeaderSyntax.INVALID);
    }

    @ParameterizedTest
    @ValueSource(
            strings = {"", "json", "*", "application/", "a/b c", "a/b; q", "a/b; x=\"open", "a/b, c/d", "a/b; x=a b"})
    void media_notOneMediaType_invalid(String value) {
        assertThat(HeaderSyntax.media(value, false)).isEqualTo(HeaderSyntax.INVALID);
    }

    @ParameterizedTest
    @ValueSource(
            strings = {
                "",
                "*/*",
                "application/json, text/plain, */*",
                "text/event-stream;q=0.9,application/json",
                "application/json,,text/plain,",
                "text/html, image/gif, image/jpeg, *; q=.2, */*; q=.2"
            })
    void media_acceptLists_parse(String value) {
        assertThat(HeaderSyntax.media(value, true)).isNotEqualTo(HeaderSyntax.INVALID);
    }

    @Test
    void media_parametersOtherThanCharsetAndQ_free() {
        assertThat(HeaderSyntax.media("application/json; charset=utf-8", false)).isEqualTo(HeaderSyntax.PLAIN);
        assertThat(HeaderSyntax.media("text/html;q=0.8, */*;Q=0.1", true)).isEqualTo(HeaderSyntax.PLAIN);
        assertThat(HeaderSyntax.media("application/json; user=\"x\"", false)).isEqualTo(HeaderSyntax.FREE_PARAMETERS);
        assertThat(HeaderSyntax.media("*/*, a/b;profile=p", true)).isEqualTo(HeaderSyntax.FREE_PARAMETERS);
    }

    @Test
    void host_namesAddressesPorts() {
        assertThat(HeaderSyntax.isHost("api.example.kz")).isTrue();
        assertThat(HeaderSyntax.isHost("10.0.0.1:8080")).isTrue();
        assertThat(HeaderSyntax.isHost("[2001:db8::1]:443")).isTrue();
        assertThat(HeaderSyntax.isHost("a b")).isFalse();
        assertThat(HeaderSyntax.isHost("user@host")).isFalse();
        assertThat(HeaderSyntax.isHost("host:")).isFalse();
        assertThat(HeaderSyntax.isHost("host:123456")).isFalse();
        assertThat(HeaderSyntax.isHost("[]")).isFalse();
        assertThat(HeaderSyntax.isHostList("a.kz, b.kz:81")).isTrue();
        assertThat(HeaderSyntax.isHostList("a.kz,")).isFalse();
    }

    @Test
    void traceparent_version00Only() {
        assertThat(HeaderSyntax.isTraceparent("00-4bf92f3577b34da6a3ce929d0e0e4736-00f067aa0ba902b7-01"))
                .isTrue();
        assertThat(HeaderSyntax.isTraceparent("00-4BF92F3577B34DA6A3CE929D0E0E4736-00f067aa0ba902b7-01"))
                .as("upper case")
                .isFalse();
        assertThat(HeaderSyntax.isTraceparent("00-00000000000000000000000000000000-00f067aa0ba902b7-01"))
                .as("zero trace id")
                .isFalse();
        assertThat(HeaderSyntax.isTraceparent("01-4bf92f3577b34da6a3ce929d0e0e4736-00f067aa0ba902b7-01-extra"))
                .as("a later version with more fields")
                .isFalse();
    }

    @Test
    void tracestate_w3cMembers() {
        assertThat(HeaderSyntax.isTracestate("rojo=00f067aa0ba902b7,congo=t61rcWkgMzE"))
                .isTrue();
        assertThat(HeaderSyntax.isTracestate("tenant@vendor=x, ,b=1")).isTrue();
        assertThat(HeaderSyntax.isTracestate("Rojo=1")).isFalse();
        assertThat(HeaderSyntax.isTracestate("a=b=c")).isFalse();
        assertThat(HeaderSyntax.isTracestate("a=" + "x".repeat(257))).isFalse();
        assertThat(HeaderSyntax.isTracestate("a=1,".repeat(32) + "b=2")).isFalse();
    }
}
