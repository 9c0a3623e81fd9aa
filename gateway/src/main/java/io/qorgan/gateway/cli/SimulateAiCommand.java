package io.qorgan.gateway.cli;

import io.qorgan.gateway.sim.AiSimulator;
import io.qorgan.gateway.sim.SimulatorMode;
import io.qorgan.gateway.sim.SimulatorSettings;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.UncheckedIOException;
import java.net.BindException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** {@code qorgan simulate-ai}: runs the AI-service simulator until Ctrl-C, for demos and load tests. */
@Command(
        name = "simulate-ai",
        mixinStandardHelpOptions = true,
        description = "Run a simulated AI service (OpenAI, Anthropic and Ollama APIs) until Ctrl-C.")
public final class SimulateAiCommand implements Callable<Integer> {

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Option(
            names = "--port",
            defaultValue = "9000",
            description = "Port to listen on (0: any free port). Default: ${DEFAULT-VALUE}.")
    int port;

    @Option(names = "--host", defaultValue = "127.0.0.1", description = "Address to bind. Default: ${DEFAULT-VALUE}.")
    String host;

    @Option(
            names = "--mode",
            defaultValue = "echo",
            converter = ModeConverter.class,
            description =
                    "echo (repeat the last user message), fixed (--text) or lorem (--lorem-chars). Default: ${DEFAULT-VALUE}.")
    SimulatorMode mode;

    @Option(names = "--text", description = "The answer in fixed mode.")
    String text;

    @Option(
            names = "--lorem-chars",
            defaultValue = "200",
            description = "Answer length in lorem mode. Default: ${DEFAULT-VALUE}.")
    int loremChars;

    @Option(
            names = "--ttft-ms",
            defaultValue = "0",
            description = "Time to first token in ms. Default: ${DEFAULT-VALUE}.")
    long ttftMillis;

    @Option(
            names = "--chunk-delay-ms",
            defaultValue = "0",
            description = "Pause between streamed chunks in ms. Default: ${DEFAULT-VALUE}.")
    long chunkDelayMillis;

    @Option(
            names = "--chunk-chars",
            defaultValue = "4",
            description = "Characters per streamed chunk. Default: ${DEFAULT-VALUE}.")
    int chunkChars;

    @Option(
            names = "--error-rate",
            defaultValue = "0",
            description = "Share of requests (0..1) answered with --error-status. Default: ${DEFAULT-VALUE}.")
    double errorRate;

    @Option(names = "--error-status", defaultValue = "429", description = "429, 500 or 503. Default: ${DEFAULT-VALUE}.")
    int errorStatus;

    @Option(
            names = "--disconnect-after-chunks",
            defaultValue = "0",
            description = "Cut streams after N chunks (0: never). Default: ${DEFAULT-VALUE}.")
    int disconnectAfterChunks;

    @Option(
            names = "--slow-headers-ms",
            defaultValue = "0",
            description = "Delay before response headers in ms. Default: ${DEFAULT-VALUE}.")
    long slowHeadersMillis;

    @Option(
            names = "--record",
            defaultValue = "100",
            description = "Requests kept for GET /_sim/requests. Default: ${DEFAULT-VALUE}.")
    int record;

    @Option(
            names = "--gzip",
            description =
                    "Gzip every whole answer, whatever the request accepts (an upstream that ignores Accept-Encoding).")
    boolean gzip;

    @Option(
            names = "--gzip-unlabelled",
            description = "Gzip every whole answer without a Content-Encoding header (a broken upstream or proxy).")
    boolean gzipUnlabelled;

    @Option(
            names = "--answer-content-type",
            paramLabel = "TYPE",
            description = "Content-Type of successful whole answers instead of the API's own, e.g. text/plain "
                    + "(the body stays as built).")
    String answerContentType;

    @Option(
            names = "--answer-file",
            paramLabel = "FILE",
            description = "Answer every successful whole request with the bytes of FILE instead of the simulated "
                    + "answer (a hand-made or misbehaving answer; see --answer-content-type).")
    Path answerFile;

    @Option(names = "--io-threads", defaultValue = "1", description = "Event-loop threads. Default: ${DEFAULT-VALUE}.")
    int ioThreads;

    @Override
    public Integer call() throws InterruptedException {
        SimulatorSettings settings = settings();
        AiSimulator simulator;
        try {
            simulator = AiSimulator.start(settings);
        } catch (UncheckedIOException e) {
            if (e.getCause() instanceof BindException) {
                throw new UserError("port " + port + " is in use");
            }
            throw new UserError("cannot start the simulator: " + e.getCause().getMessage());
        }
        CountDownLatch stopped = new CountDownLatch(1);
        Runtime.getRuntime()
                .addShutdownHook(new Thread(
                        () -> {
                            simulator.close();
                            stopped.countDown();
                        },
                        "qorgan-sim-shutdown"));
        PrintWriter out = spec.commandLine().getOut();
        out.println("qorgan simulate-ai: " + settings.mode().label() + " mode on " + simulator.baseUrl()
                + "/v1 (Ctrl-C to stop)");
        out.flush();
        stopped.await();
        return 0;
    }

    /** Bad values are usage errors (exit 2), reported with the option they came from. */
    private SimulatorSettings settings() {
        try {
            SimulatorSettings.Builder b = SimulatorSettings.builder()
                    .host(host)
                    .port(port)
                    .mode(mode)
                    .loremChars(loremChars)
                    .ttftMillis(ttftMillis)
                    .chunkDelayMillis(chunkDelayMillis)
                    .chunkChars(chunkChars)
                    .errorRate(errorRate)
                    .errorStatus(errorStatus)
                    .disconnectAfterChunks(disconnectAfterChunks)
                    .slowHeadersMillis(slowHeadersMillis)
                    .recordLimit(record)
                    .gzipAnswers(gzip)
                    .gzipUnlabelled(gzipUnlabelled)
                    .answerContentType(answerContentType)
                    .answerBody(answerFile == null ? null : readAnswer(answerFile))
                    .ioThreads(ioThreads);
            if (text != null) {
                b.fixedText(text);
            }
            return b.build();
        } catch (IllegalArgumentException e) {
            throw new CommandLine.ParameterException(spec.commandLine(), e.getMessage());
        }
    }

    private byte[] readAnswer(Path file) {
        try {
            return Files.readAllBytes(file);
        } catch (IOException e) {
            throw new CommandLine.ParameterException(spec.commandLine(), "--answer-file: cannot read " + file);
        }
    }

    /** {@code echo}, {@code fixed}, {@code lorem}, in any case. */
    static final class ModeConverter implements CommandLine.ITypeConverter<SimulatorMode> {
        @Override
        public SimulatorMode convert(String value) {
            try {
                return SimulatorMode.parse(value);
            } catch (IllegalArgumentException e) {
                throw new CommandLine.TypeConversionException(e.getMessage());
            }
        }
    }
}
