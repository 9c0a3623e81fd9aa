package io.qorgan.gateway.dialect;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.qorgan.gateway.dialect.RequestFacts.ModelField;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

class RequestFactsTest {

    private static RequestFacts read(String body) {
        return RequestFacts.read(body.getBytes(StandardCharsets.UTF_8));
    }

    @Test
    void read_topLevelFields_foundAfterNestedValuesOfTheSameName() {
        RequestFacts facts = read("{\"input\":[{\"previous_response_id\":\"nested\",\"model\":\"inner\"}],"
                + "\"model\":\"gpt-4o\",\"previous_response_id\":\"resp_7\",\"stream\":true,\"temperature\":0}");

        assertThat(facts.json()).isTrue();
        assertThat(facts.model()).isEqualTo("gpt-4o");
        assertThat(facts.modelField()).isEqualTo(ModelField.STRING);
        assertThat(facts.previousResponseId()).isEqualTo("resp_7");
        assertThat(facts.stream()).isTrue();
        assertThat(facts.temperature()).isEqualTo(0.0);
    }

    @Test
    void stores_defaultTrue_falseOnlyWhenSaidAtTheTop() {
        assertThat(read("{\"input\":\"x\"}").stores()).isTrue();
        assertThat(read("{\"store\":true}").stores()).isTrue();
        assertThat(read("{\"metadata\":{\"store\":false},\"store\":false}").stores())
                .isFalse();
    }

    @Test
    void read_duplicatedTopLevelKey_refused() {
        assertThatThrownBy(() -> read("{\"model\":\"a\",\"model\":\"b\"}"))
                .isInstanceOf(BodyRejected.class)
                .extracting(e -> ((BodyRejected) e).code())
                .isEqualTo("duplicate_key");
        // the same key in two nested objects is not a duplicate of the top level
        assertThat(read("{\"a\":{\"model\":1},\"b\":{\"model\":2},\"model\":\"m\"}")
                        .model())
                .isEqualTo("m");
    }

    @Test
    void read_modelOfOtherKinds_saysWhatItIs() {
        assertThat(read("{\"messages\":[]}").modelField()).isEqualTo(ModelField.ABSENT);
        assertThat(read("{\"model\":null}").modelField()).isEqualTo(ModelField.NOT_A_STRING);
        assertThat(read("{\"model\":[\"m\"]}").modelField()).isEqualTo(ModelField.NOT_A_STRING);
        assertThat(read("{\"model\":{\"id\":\"m\"}}").model()).isNull();
        assertThat(read("[\"m\"]").modelField()).isEqualTo(ModelField.UNKNOWN);
        assertThat(read("{broken").modelField()).isEqualTo(ModelField.UNKNOWN);
        assertThat(RequestFacts.read(null).modelField()).isEqualTo(ModelField.NO_BODY);
        assertThat(RequestFacts.read(new byte[0])).isSameAs(RequestFacts.NO_BODY);
    }
}
