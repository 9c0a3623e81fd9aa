package io.qorgan.gateway.sim;

import java.util.Random;

/** The parts every connection shares: routes, recorder, faults, pacing, compression and counters. */
final class Simulation {

    final Routes routes;
    final RequestRecorder recorder;
    final FaultInjector faults;
    final Pacing pacing;
    final SimulatorStats stats = new SimulatorStats();
    /** Whether whole answers go out gzip-compressed, asked for or not. */
    final boolean gzipAnswers;
    /** Whether whole answers go out gzip-compressed without a {@code Content-Encoding} saying so. */
    final boolean gzipUnlabelled;
    /** The type successful whole answers are labelled with instead of their own; null for their own. */
    final String answerContentType;
    /** The body of successful whole answers instead of the simulated one; null for the simulated one. */
    final byte[] answerBody;

    final int faultRetryAfterSeconds;

    Simulation(SimulatorSettings settings) {
        this(settings, new Random(settings.faultSeed()));
    }

    Simulation(SimulatorSettings settings, Random faultRandom) {
        AnswerSource answers = new AnswerSource(settings.mode(), settings.fixedText(), settings.loremChars());
        this.routes = new Routes(new ReplyContext(answers, settings.clock(), settings.chunkChars()));
        this.recorder = new RequestRecorder(settings.recordLimit());
        this.faults = new FaultInjector(settings.errorRate(), settings.errorStatus(), faultRandom);
        this.pacing = Pacing.of(settings);
        this.gzipAnswers = settings.gzipAnswers();
        this.gzipUnlabelled = settings.gzipUnlabelled();
        this.answerContentType = settings.answerContentType();
        this.answerBody =
                settings.answerBody() == null ? null : settings.answerBody().clone();
        this.faultRetryAfterSeconds = settings.faultRetryAfterSeconds();
    }
}
