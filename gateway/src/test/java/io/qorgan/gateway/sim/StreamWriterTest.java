package io.qorgan.gateway.sim;

import static org.assertj.core.api.Assertions.assertThat;

import io.netty.buffer.Unpooled;
import io.netty.channel.embedded.EmbeddedChannel;
import io.netty.handler.codec.http.DefaultFullHttpRequest;
import io.netty.handler.codec.http.HttpContent;
import io.netty.handler.codec.http.HttpMethod;
import io.netty.handler.codec.http.HttpResponse;
import io.netty.handler.codec.http.HttpVersion;
import io.netty.handler.codec.http.LastHttpContent;
import io.netty.util.ReferenceCountUtil;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The stream writer driven on an {@link EmbeddedChannel}, where writability is under the test's control. */
class StreamWriterTest {

    private static final String STREAM_REQUEST =
            "{\"model\":\"m\",\"stream\":true,\"messages\":[{\"role\":\"user\",\"content\":\"abcdefgh\"}]}";

    private static EmbeddedChannel channel(SimulatorSettings settings) {
        return new EmbeddedChannel(new SimulatorHandler(new Simulation(settings)));
    }

    private static void request(EmbeddedChannel ch) {
        ch.writeInbound(new DefaultFullHttpRequest(
                HttpVersion.HTTP_1_1,
                HttpMethod.POST,
                "/v1/chat/completions",
                Unpooled.copiedBuffer(STREAM_REQUEST, StandardCharsets.UTF_8)));
        ch.runPendingTasks();
    }

    /** Drains and releases what the handler wrote; returns the content parts as text ("LAST" for the end). */
    private static List<String> drain(EmbeddedChannel ch) {
        List<String> out = new ArrayList<>();
        for (Object msg; (msg = ch.readOutbound()) != null; ) {
            try {
                if (msg instanceof HttpResponse) {
                    out.add("HEAD");
                }
                if (msg instanceof HttpContent content && content.content().isReadable()) {
                    out.add(content.content().toString(StandardCharsets.UTF_8));
                }
                if (msg instanceof LastHttpContent) {
                    out.add("LAST");
                }
            } finally {
                ReferenceCountUtil.release(msg);
            }
        }
        return out;
    }

    @Test
    void writeEvent_channelNotWritable_parksUntilWritableThenCompletes() {
        EmbeddedChannel ch = channel(SimulatorSettings.builder().chunkChars(4).build());
        try {
            ch.unsafe().outboundBuffer().setUserDefinedWritability(1, false);
            request(ch);
            assertThat(drain(ch)).containsExactly("HEAD");

            ch.unsafe().outboundBuffer().setUserDefinedWritability(1, true);
            ch.runPendingTasks();
            List<String> rest = drain(ch);

            // role chunk, "abcd", "efgh", finish chunk, [DONE], end of stream
            assertThat(rest).hasSize(6);
            assertThat(rest.get(1)).contains("\"content\":\"abcd\"");
            assertThat(rest.get(4)).isEqualTo("data: [DONE]\n\n");
            assertThat(rest.get(5)).isEqualTo("LAST");
        } finally {
            ch.finishAndReleaseAll();
        }
    }

    @Test
    void channelInactive_duringStream_countsAbortAndWritesNothingMore() {
        Simulation sim = new Simulation(
                SimulatorSettings.builder().chunkDelayMillis(60_000).build());
        EmbeddedChannel ch = new EmbeddedChannel(new SimulatorHandler(sim));
        try {
            request(ch);
            assertThat(drain(ch)).hasSize(2); // head and the first event; the next is an hour away

            ch.close();
            ch.runPendingTasks();

            assertThat(sim.stats.streamsAbortedByClient.get()).isEqualTo(1);
            assertThat(sim.stats.requestsServed.get()).isZero();
            assertThat(drain(ch)).isEmpty();
        } finally {
            ch.finishAndReleaseAll();
        }
    }
}
