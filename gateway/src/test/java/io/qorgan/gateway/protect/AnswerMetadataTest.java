package io.qorgan.gateway.protect;

import static org.assertj.core.api.Assertions.assertThat;

import io.qorgan.gateway.dialect.Dialect;
import io.qorgan.gateway.dialect.TextSite;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

class AnswerMetadataTest {

    private static final String TEXT = "canary text of the model 870101300128";

    /** The kinds of the sites whose value holds the model's (echoed) text, and of all sites. */
    private static List<TextSite.Kind> kinds(Dialect dialect, boolean ofText) {
        List<TextSite.Kind> kinds = new ArrayList<>();
        dialect.rewriteAnswer(EchoAnswers.json(dialect, TEXT), (text, site) -> {
            if (!ofText || text.contains(TEXT)) {
                kinds.add(site.kind());
            }
            return text;
        });
        return kinds;
    }

    @ParameterizedTest
    @EnumSource(Dialect.class)
    void rewriteAnswer_theModelsText_neverAMetadataSite(Dialect dialect) {
        assertThat(kinds(dialect, true)).isNotEmpty().doesNotContain(TextSite.Kind.METADATA);
    }

    @ParameterizedTest
    @EnumSource(
            value = Dialect.class,
            names = {"GENERIC_JSON"},
            mode = EnumSource.Mode.EXCLUDE)
    void rewriteAnswer_everyKnownApi_labelsItsOwnFieldsMetadata(Dialect dialect) {
        assertThat(kinds(dialect, false)).contains(TextSite.Kind.METADATA);
    }

    @Test
    void rewriteRequest_neverMetadata_evenWhereAnAnswerHasIt() {
        List<TextSite.Kind> kinds = new ArrayList<>();
        Dialect.OPENAI_CHAT.rewriteRequest(
                "{\"model\":\"m\",\"id\":\"x\",\"usage\":{\"total_tokens\":3},\"messages\":[]}"
                        .getBytes(StandardCharsets.UTF_8),
                "application/json",
                null,
                (text, site) -> {
                    kinds.add(site.kind());
                    return text;
                });
        assertThat(kinds).isNotEmpty().doesNotContain(TextSite.Kind.METADATA);
    }
}
