package io.qorgan.gateway.dialect;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class TargetRewriterTest {

    private static final TextRewriter IIN_TO_PLACEHOLDER = (text, site) -> text.replace("900515301234", "[IIN_1]");

    @Test
    void rewrite_nothingFound_returnsTheSameTarget() {
        String target = "/v1/models?a=%7E&b=x+y&&c&d=";
        assertThat(TargetRewriter.rewrite(target, IIN_TO_PLACEHOLDER)).isSameAs(target);
        assertThat(TargetRewriter.rewrite("/v1/models", IIN_TO_PLACEHOLDER)).isEqualTo("/v1/models");
    }

    @Test
    void rewrite_valueAndNameDecodedForTheRewriter_changedOnesFormEncoded_restKeepTheirBytes() {
        List<String> seen = new ArrayList<>();
        String out = TargetRewriter.rewrite(
                "/v1/x?a=%7E&user=IIN%20900515301234&900515301234&note=%D0%98%D0%B2%D0%B0%D0%BD+1",
                (text, site) -> {
                    seen.add(site.path() + "=" + text);
                    return IIN_TO_PLACEHOLDER.rewrite(text, site);
                });
        assertThat(out).isEqualTo("/v1/x?a=%7E&user=IIN+%5BIIN_1%5D&%5BIIN_1%5D&note=%D0%98%D0%B2%D0%B0%D0%BD+1");
        assertThat(seen).contains("?=user", "?user=IIN 900515301234", "?=900515301234", "?note=Иван 1");
    }

    @Test
    void rewrite_rawUtf8BytesAsTheHttpDecoderReadsThem_decoded() {
        // the HTTP decoder reads each byte of the request line as one char up to U+00FF
        String raw = new String("Иван".getBytes(StandardCharsets.UTF_8), StandardCharsets.ISO_8859_1);
        List<String> seen = new ArrayList<>();
        TargetRewriter.rewrite("/v1/" + raw + "?q=" + raw, (text, site) -> {
            seen.add(text);
            return text;
        });
        assertThat(seen).containsExactly("v1", "Иван", "q", "Иван");
    }

    @ParameterizedTest
    @ValueSource(
            strings = {
                "/v1/x?q=%zz",
                "/v1/x?q=%4",
                "/v1/x?q=a%",
                "/v1/x?q=%C3%28",
                "/v1/x?%ED%A0%80=1",
                "/v1/x?q=\u0100"
            })
    void rewrite_undecodableQuery_refusedMalformedQuery(String target) {
        assertThatThrownBy(() -> TargetRewriter.rewrite(target, (text, site) -> text))
                .isInstanceOfSatisfying(BodyRejected.class, e -> {
                    assertThat(e.code()).isEqualTo("malformed_query");
                    assertThat(e.getMessage()).doesNotContain("%");
                });
    }

    @Test
    void rewrite_pathSegmentsDecodedForTheRewriter_changedOnesPercentEncoded_restKeepTheirBytes() {
        List<String> seen = new ArrayList<>();
        String out = TargetRewriter.rewrite(
                "/v1/citizens/900515301234/a+b/%D0%98%D0%B2%D0%B0%D0%BD//IIN%20900515301234?q=1",
                (text, site) -> {
                    seen.add(site.path() + text);
                    return IIN_TO_PLACEHOLDER.rewrite(text, site);
                });
        assertThat(out).isEqualTo("/v1/citizens/%5BIIN_1%5D/a+b/%D0%98%D0%B2%D0%B0%D0%BD//IIN%20%5BIIN_1%5D?q=1");
        // in a path + is itself, not a space
        assertThat(seen)
                .containsExactly(
                        "/v1", "/citizens", "/900515301234", "/a+b", "/Иван", "/IIN 900515301234", "?q", "?q1");
        String untouched = "/v1/models/gpt-4o-mini";
        assertThat(TargetRewriter.rewrite(untouched, IIN_TO_PLACEHOLDER)).isSameAs(untouched);
        assertThat(TargetRewriter.rewrite("/900515301234", IIN_TO_PLACEHOLDER)).isEqualTo("/%5BIIN_1%5D");
        assertThat(TargetRewriter.rewrite("/a/900515301234/", IIN_TO_PLACEHOLDER))
                .isEqualTo("/a/%5BIIN_1%5D/");
    }

    @ParameterizedTest
    @ValueSource(strings = {"/v1/%zz", "/v1/a%4", "/v1/x%/y", "/v1/%C3%28?q=1", "/\u0100"})
    void rewrite_undecodablePath_refusedMalformedPath(String target) {
        assertThatThrownBy(() -> TargetRewriter.rewrite(target, (text, site) -> text))
                .isInstanceOfSatisfying(
                        BodyRejected.class, e -> assertThat(e.code()).isEqualTo("malformed_path"));
    }
}
