package io.qorgan.gateway.server;

import static org.assertj.core.api.Assertions.assertThat;

import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.ChannelInboundHandlerAdapter;
import io.netty.channel.embedded.EmbeddedChannel;
import io.netty.handler.timeout.IdleStateEvent;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The idle timer on Netty's embedded loop with a frozen clock, moved by hand. */
class IdleConnectionTimerTest {

    private final List<Object> events = new ArrayList<>();
    private IdleConnectionTimer timer;
    private EmbeddedChannel channel;

    @BeforeEach
    void open() {
        timer = new IdleConnectionTimer(1000);
        channel = new EmbeddedChannel();
        channel.freezeTime();
        channel.pipeline().addLast(timer, new ChannelInboundHandlerAdapter() {
            @Override
            public void userEventTriggered(ChannelHandlerContext ctx, Object evt) {
                events.add(evt);
            }
        });
    }

    private void after(long millis) {
        channel.advanceTimeBy(millis, TimeUnit.MILLISECONDS);
        channel.runScheduledPendingTasks();
    }

    @Test
    void quietConnection_idleAfterTheTimeout_notBefore() {
        after(999);
        assertThat(events).isEmpty();
        after(1);
        assertThat(events).containsExactly(IdleStateEvent.ALL_IDLE_STATE_EVENT);
    }

    @Test
    void readingAnything_startsTheTimeoutAgain() {
        after(800);
        channel.writeInbound("request");
        after(800);
        assertThat(events).isEmpty();
        after(200);
        assertThat(events).hasSize(1);
        assertThat((Object) channel.readInbound()).isEqualTo("request");
    }

    @Test
    void exchangeLongerThanTheTimeout_idleCountsFromItsEnd() {
        channel.writeInbound("request");
        after(1000);
        assertThat(events)
                .as("the frontend ignores this one: the exchange is under way")
                .hasSize(1);
        after(700);
        timer.exchangeEnded(); // the answer ended 1.7 s after the request
        after(300);
        assertThat(events)
                .as("a check comes 2 s after the request, 0.3 s after the answer")
                .hasSize(1);
        after(699);
        assertThat(events).hasSize(1);
        after(1);
        assertThat(events).hasSize(2);
    }

    @Test
    void closedConnection_noMoreChecks() {
        channel.close();
        after(5000);
        assertThat(events).isEmpty();
    }
}
