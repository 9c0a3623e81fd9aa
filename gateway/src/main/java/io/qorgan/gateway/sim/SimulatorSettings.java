package io.qorgan.gateway.sim;

import io.netty.channel.EventLoopGroup;
import java.time.Clock;
import java.util.Objects;
import java.util.Set;

/**
 * How the simulator listens, what it answers and how it misbehaves. Immutable and validated once,
 * in the constructor: a bad value fails at once with a message naming it. Build with
 * {@link #builder()} or change one copy with {@link #toBuilder()}.
 *
 * @param host address to bind, e.g. {@code 127.0.0.1}
 * @param port port to bind; 0 picks a free one
 * @param mode what the answer text is
 * @param fixedText the answer in {@link SimulatorMode#FIXED} mode
 * @param loremChars length in characters of the answer in {@link SimulatorMode#LOREM} mode
 * @param ttftMillis time to first token: delay after the headers before the first event (or,
 *     for a non-streaming answer, before the answer)
 * @param chunkDelayMillis pause between two streamed events
 * @param chunkChars code points of answer text per streamed event
 * @param errorRate share (0..1) of AI requests answered with {@code errorStatus} instead
 * @param errorStatus 429, 500 or 503
 * @param disconnectAfterChunks when above 0, streams are cut (connection closed) after this
 *     many events
 * @param slowHeadersMillis delay before the response headers are sent
 * @param recordLimit how many of the latest requests are kept for inspection
 * @param maxBodyBytes largest request body accepted (413 above)
 * @param ioThreads event-loop threads when the simulator owns its group
 * @param eventLoopGroup a group to share, or {@code null} to own one; a shared group is not shut
 *     down by {@link AiSimulator#close()}
 * @param faultSeed seed of the random numbers that decide which requests fail
 * @param clock source of the {@code created} timestamps
 * @param gzipAnswers whether whole answers are gzip-compressed whatever the request accepts (an upstream that
 *     ignores {@code Accept-Encoding})
 * @param gzipUnlabelled whether whole answers are gzip-compressed without saying so in {@code Content-Encoding} (a
 *     broken upstream or proxy)
 * @param answerContentType the {@code Content-Type} of successful whole answers instead of the API's own (the body
 *     stays as built: a mislabelled answer, or a {@code text/plain} one), or null
 * @param answerBody the body of every successful whole answer instead of the simulated one (a hand-made or
 *     misbehaving answer), or null
 * @param faultRetryAfterSeconds when above 0, injected faults carry {@code Retry-After} with this many seconds
 */
public record SimulatorSettings(
        String host,
        int port,
        SimulatorMode mode,
        String fixedText,
        int loremChars,
        long ttftMillis,
        long chunkDelayMillis,
        int chunkChars,
        double errorRate,
        int errorStatus,
        int disconnectAfterChunks,
        long slowHeadersMillis,
        int recordLimit,
        int maxBodyBytes,
        int ioThreads,
        EventLoopGroup eventLoopGroup,
        long faultSeed,
        Clock clock,
        boolean gzipAnswers,
        boolean gzipUnlabelled,
        String answerContentType,
        byte[] answerBody,
        int faultRetryAfterSeconds) {

    /** The statuses a fault can have: rate limited, server error, overloaded. */
    public static final Set<Integer> ERROR_STATUSES = Set.of(429, 500, 503);

    public static final String DEFAULT_FIXED_TEXT = "This is a simulated answer from the Qorgan AI-service simulator.";

    public SimulatorSettings {
        Objects.requireNonNull(host, "host");
        Objects.requireNonNull(mode, "mode");
        Objects.requireNonNull(fixedText, "fixedText");
        Objects.requireNonNull(clock, "clock");
        require(port >= 0 && port <= 65535, "port must be 0..65535, was " + port);
        require(loremChars >= 0, "loremChars must be >= 0, was " + loremChars);
        require(ttftMillis >= 0, "ttftMillis must be >= 0, was " + ttftMillis);
        require(chunkDelayMillis >= 0, "chunkDelayMillis must be >= 0, was " + chunkDelayMillis);
        require(chunkChars >= 1, "chunkChars must be >= 1, was " + chunkChars);
        require(errorRate >= 0.0 && errorRate <= 1.0, "errorRate must be 0..1, was " + errorRate);
        require(ERROR_STATUSES.contains(errorStatus), "errorStatus must be 429, 500 or 503, was " + errorStatus);
        require(disconnectAfterChunks >= 0, "disconnectAfterChunks must be >= 0, was " + disconnectAfterChunks);
        require(slowHeadersMillis >= 0, "slowHeadersMillis must be >= 0, was " + slowHeadersMillis);
        require(recordLimit >= 0, "recordLimit must be >= 0, was " + recordLimit);
        require(maxBodyBytes >= 1, "maxBodyBytes must be >= 1, was " + maxBodyBytes);
        require(ioThreads >= 1, "ioThreads must be >= 1, was " + ioThreads);
        require(faultRetryAfterSeconds >= 0, "faultRetryAfterSeconds must be >= 0, was " + faultRetryAfterSeconds);
    }

    private static void require(boolean condition, String message) {
        if (!condition) {
            throw new IllegalArgumentException(message);
        }
    }

    /** Defaults: 127.0.0.1, ephemeral port, echo, no delays, 4 code points per chunk, no faults, 100 records. */
    public static Builder builder() {
        return new Builder();
    }

    public Builder toBuilder() {
        return new Builder(this);
    }

    /** Collects settings; {@link #build()} validates them. Not thread-safe. */
    public static final class Builder {
        private String host = "127.0.0.1";
        private int port;
        private SimulatorMode mode = SimulatorMode.ECHO;
        private String fixedText = DEFAULT_FIXED_TEXT;
        private int loremChars = 200;
        private long ttftMillis;
        private long chunkDelayMillis;
        private int chunkChars = 4;
        private double errorRate;
        private int errorStatus = 429;
        private int disconnectAfterChunks;
        private long slowHeadersMillis;
        private int recordLimit = 100;
        private int maxBodyBytes = 16 * 1024 * 1024;
        private int ioThreads = 1;
        private EventLoopGroup eventLoopGroup;
        private long faultSeed = 42;
        private Clock clock = Clock.systemUTC();
        private boolean gzipAnswers;
        private boolean gzipUnlabelled;
        private String answerContentType;
        private byte[] answerBody;
        private int faultRetryAfterSeconds;

        private Builder() {}

        private Builder(SimulatorSettings s) {
            host = s.host;
            port = s.port;
            mode = s.mode;
            fixedText = s.fixedText;
            loremChars = s.loremChars;
            ttftMillis = s.ttftMillis;
            chunkDelayMillis = s.chunkDelayMillis;
            chunkChars = s.chunkChars;
            errorRate = s.errorRate;
            errorStatus = s.errorStatus;
            disconnectAfterChunks = s.disconnectAfterChunks;
            slowHeadersMillis = s.slowHeadersMillis;
            recordLimit = s.recordLimit;
            maxBodyBytes = s.maxBodyBytes;
            ioThreads = s.ioThreads;
            eventLoopGroup = s.eventLoopGroup;
            faultSeed = s.faultSeed;
            clock = s.clock;
            gzipAnswers = s.gzipAnswers;
            gzipUnlabelled = s.gzipUnlabelled;
            answerContentType = s.answerContentType;
            answerBody = s.answerBody;
            faultRetryAfterSeconds = s.faultRetryAfterSeconds;
        }

        public Builder host(String value) {
            host = value;
            return this;
        }

        public Builder port(int value) {
            port = value;
            return this;
        }

        public Builder mode(SimulatorMode value) {
            mode = value;
            return this;
        }

        public Builder fixedText(String value) {
            fixedText = value;
            return this;
        }

        public Builder loremChars(int value) {
            loremChars = value;
            return this;
        }

        public Builder ttftMillis(long value) {
            ttftMillis = value;
            return this;
        }

        public Builder chunkDelayMillis(long value) {
            chunkDelayMillis = value;
            return this;
        }

        public Builder chunkChars(int value) {
            chunkChars = value;
            return this;
        }

        public Builder errorRate(double value) {
            errorRate = value;
            return this;
        }

        public Builder errorStatus(int value) {
            errorStatus = value;
            return this;
        }

        public Builder disconnectAfterChunks(int value) {
            disconnectAfterChunks = value;
            return this;
        }

        public Builder slowHeadersMillis(long value) {
            slowHeadersMillis = value;
            return this;
        }

        public Builder recordLimit(int value) {
            recordLimit = value;
            return this;
        }

        public Builder maxBodyBytes(int value) {
            maxBodyBytes = value;
            return this;
        }

        public Builder ioThreads(int value) {
            ioThreads = value;
            return this;
        }

        public Builder eventLoopGroup(EventLoopGroup value) {
            eventLoopGroup = value;
            return this;
        }

        public Builder faultSeed(long value) {
            faultSeed = value;
            return this;
        }

        public Builder clock(Clock value) {
            clock = value;
            return this;
        }

        public Builder gzipAnswers(boolean value) {
            gzipAnswers = value;
            return this;
        }

        public Builder gzipUnlabelled(boolean value) {
            gzipUnlabelled = value;
            return this;
        }

        public Builder answerContentType(String value) {
            answerContentType = value;
            return this;
        }

        public Builder answerBody(byte[] value) {
            answerBody = value == null ? null : value.clone();
            return this;
        }

        public Builder faultRetryAfterSeconds(int value) {
            faultRetryAfterSeconds = value;
            return this;
        }

        public SimulatorSettings build() {
            return new SimulatorSettings(
                    host,
                    port,
                    mode,
                    fixedText,
                    loremChars,
                    ttftMillis,
                    chunkDelayMillis,
                    chunkChars,
                    errorRate,
                    errorStatus,
                    disconnectAfterChunks,
                    slowHeadersMillis,
                    recordLimit,
                    maxBodyBytes,
                    ioThreads,
                    eventLoopGroup,
                    faultSeed,
                    clock,
                    gzipAnswers,
                    gzipUnlabelled,
                    answerContentType,
                    answerBody,
                    faultRetryAfterSeconds);
        }
    }
}
