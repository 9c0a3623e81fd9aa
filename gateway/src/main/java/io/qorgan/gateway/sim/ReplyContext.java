package io.qorgan.gateway.sim;

import java.time.Clock;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;

/** What every responder shares: the answer source, ids, the clock and the chunk size. */
final class ReplyContext {

    private final AnswerSource answers;
    private final Clock clock;
    private final int chunkChars;
    private final AtomicLong ids = new AtomicLong();

    ReplyContext(AnswerSource answers, Clock clock, int chunkChars) {
        this.answers = answers;
        this.clock = clock;
        this.chunkChars = chunkChars;
    }

    String answer(String echoText) {
        return answers.answer(echoText);
    }

    /** A fresh id with the API's prefix, e.g. {@code chatcmpl-sim00000001}. */
    String nextId(String prefix) {
        return String.format("%s%08x", prefix, ids.incrementAndGet());
    }

    long epochSeconds() {
        return clock.instant().getEpochSecond();
    }

    /** ISO-8601 instant, as Ollama's {@code created_at}. */
    String isoNow() {
        return clock.instant().toString();
    }

    List<String> chunks(String text) {
        return Chunks.split(text, chunkChars);
    }

    /** A rough token count (4 characters a token), never 0. */
    static int tokens(long chars) {
        return (int) Math.max(1, (chars + 3) / 4);
    }
}
