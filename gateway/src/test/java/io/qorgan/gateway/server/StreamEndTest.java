package io.qorgan.gateway.server;

import static org.assertj.core.api.Assertions.assertThat;

import io.netty.buffer.ByteBuf;
import io.netty.buffer.Unpooled;
import io.qorgan.gateway.dialect.Framing;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

class StreamEndTest {

    private static boolean endedAfter(Framing framing, String... pieces) {
        StreamEnd end = StreamEnd.of(framing);
        for (String piece : pieces) {
            ByteBuf buf = Unpooled.copiedBuffer(piece, StandardCharsets.UTF_8);
            try {
                end.written(buf);
                assertThat(buf.readerIndex()).as("the piece is left as it was").isZero();
            } finally {
                buf.release();
            }
        }
        return end.ended();
    }

    @Test
    void of_notAStream_isNull() {
        assertThat(StreamEnd.of(Framing.NONE)).isNull();
    }

    @Test
    void written_openAiChatUpToDone_ended() {
        assertThat(endedAfter(Framing.SSE, "data: {\"choices\":[]}\n\n", "data: [DONE]\n\n"))
                .isTrue();
        assertThat(endedAfter(Framing.SSE, "data: {\"choices\":[]}\n\ndata: [DO", "NE]\r\n\r\n"))
                .as("split across pieces, CRLF lines")
                .isTrue();
    }

    @Test
    void written_beforeTheFinalEvent_notEnded() {
        assertThat(endedAfter(Framing.SSE, "data: {\"choices\":[{\"delta\":{\"content\":\"[DONE]\"}}]}\n\n"))
                .as("[DONE] inside an event's text is no end")
                .isFalse();
        assertThat(endedAfter(Framing.SSE, "data: {\"choices\":[]}\n\n")).isFalse();
    }

    @Test
    void written_anythingAfterTheEnd_notEnded() {
        assertThat(endedAfter(Framing.SSE, "data: [DONE]\n\n", "data: {}\n\n")).isFalse();
    }

    @Test
    void written_anthropicMessageStop_ended() {
        assertThat(endedAfter(
                        Framing.SSE,
                        "event: message_delta\ndata: {\"type\":\"message_delta\"}\n\n",
                        "event: message_stop\ndata: {\"type\":\"message_stop\"}\n\n"))
                .isTrue();
        assertThat(endedAfter(Framing.SSE, "event: message_delta\ndata: {\"type\":\"message_delta\"}\n\n"))
                .isFalse();
    }

    @Test
    void written_responsesCompleted_ended() {
        assertThat(endedAfter(
                        Framing.SSE,
                        "event: response.output_text.delta\ndata: {\"delta\":\"Hi\"}\n\n",
                        "event: response.completed\ndata: {\"type\":\"response.completed\",\"response\":{}}\n\n"))
                .isTrue();
    }

    @Test
    void written_ollamaDoneLine_ended() {
        assertThat(endedAfter(
                        Framing.NDJSON,
                        "{\"message\":{\"content\":\"a\"},\"done\":false}\n",
                        "{\"message\":{\"content\":\"\"},\"done_reason\":\"stop\",\"do",
                        "ne\":true,\"eval_count\":3}\n"))
                .isTrue();
        assertThat(endedAfter(Framing.NDJSON, "{\"done\": true}\n")).isTrue();
        assertThat(endedAfter(Framing.NDJSON, "{\"message\":{\"content\":\"a\"},\"done\":false}\n"))
                .isFalse();
    }
}
