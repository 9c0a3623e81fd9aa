package io.qorgan.gateway.dialect;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

class ResponsesStateTest {

    private static byte[] utf8(String s) {
        return s.getBytes(StandardCharsets.UTF_8);
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
