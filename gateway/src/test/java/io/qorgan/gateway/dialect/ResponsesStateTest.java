package io.qorgan.gateway.dialect;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

class ResponsesStateTest {

    private static byte[] utf8(String s) {
        return s.getBytes(StandardCharsets.UTF_8);
    }

    @Test
    void previousResponseId_topLevelField_foundAfterNestedValues() {
        byte[] body = utf8("{\"input\":[{\"previous_response_id\":\"nested\"}],\"previous_response_id\":\"resp_7\"}");
        assertThat(ResponsesState.previousResponseId(body)).contains("resp_7");
        assertThat(ResponsesState.previousResponseId(utf8("{\"input\":\"x\"}"))).isEmpty();
        assertThat(ResponsesState.previousResponseId(utf8("{broken"))).isEmpty();
    }

    @Test
    void stores_defaultTrue_falseOnlyWhenSaid() {
        assertThat(ResponsesState.stores(utf8("{\"input\":\"x\"}"))).isTrue();
        assertThat(ResponsesState.stores(utf8("{\"store\":true}"))).isTrue();
        assertThat(ResponsesState.stores(utf8("{\"metadata\":{\"store\":false},\"store\":false}")))
                .isFalse();
    }

    @Test
    void responseId_ofAnswer_isTopLevelId() {
        assertThat(ResponsesState.responseId(utf8("{\"output\":[{\"id\":\"msg_1\"}],\"id\":\"resp_1\"}")))
                .contains("resp_1");
    }

    @Test
    void framingOfContentType_knownStreamTypes_recognised() {
        assertThat(Framing.ofContentType("text/event-stream; charset=utf-8")).isEqualTo(Framing.SSE);
        assertThat(Framing.ofContentType("application/x-ndjson")).isEqualTo(Framing.NDJSON);
        assertThat(Framing.ofContentType("application/json")).isEqualTo(Framing.NONE);
        assertThat(Framing.ofContentType(null)).isEqualTo(Framing.NONE);
    }
}
