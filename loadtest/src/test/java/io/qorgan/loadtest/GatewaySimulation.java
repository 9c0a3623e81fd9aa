package io.qorgan.loadtest;

import static io.gatling.javaapi.core.CoreDsl.StringBody;
import static io.gatling.javaapi.core.CoreDsl.constantUsersPerSec;
import static io.gatling.javaapi.core.CoreDsl.exec;
import static io.gatling.javaapi.core.CoreDsl.global;
import static io.gatling.javaapi.core.CoreDsl.jmesPath;
import static io.gatling.javaapi.core.CoreDsl.jsonFile;
import static io.gatling.javaapi.core.CoreDsl.rampUsersPerSec;
import static io.gatling.javaapi.core.CoreDsl.regex;
import static io.gatling.javaapi.core.CoreDsl.scenario;
import static io.gatling.javaapi.core.CoreDsl.uniformRandomSwitch;
import static io.gatling.javaapi.http.HttpDsl.header;
import static io.gatling.javaapi.http.HttpDsl.http;
import static io.gatling.javaapi.http.HttpDsl.status;

import io.gatling.javaapi.core.ChainBuilder;
import io.gatling.javaapi.core.FeederBuilder;
import io.gatling.javaapi.core.ScenarioBuilder;
import io.gatling.javaapi.core.Simulation;
import io.gatling.javaapi.http.HttpProtocolBuilder;
import java.time.Duration;

/**
 * Agency systems calling AI through the gateway: OpenAI chat and Responses, Anthropic messages and Ollama chat,
 * whole answers and streams,
 * with messages full of personal data (Kazakh, Russian, English) from {@code corpus/messages.json}. Made for a
 * gateway in front of the simulator in echo mode ({@code qorgan demo}): the AI service answers with what it
 * received, placeholders, so every check that the answer is the caller's own message, and that no placeholder is
 * left in a stream, proves the round trip through protection and restoration under load; the gateway's
 * {@code X-Qorgan-Entities} header on every message marked {@code personal} shows protection replaced something.
 *
 * <p>Settings (system properties): {@code qorgan.baseUrl} (default {@code http://127.0.0.1:8080}),
 * {@code qorgan.apiKey} (sent as {@code Authorization: Bearer}, when set), {@code qorgan.usersPerSec} (new callers a
 * second, each making one call; default 50), {@code qorgan.rampSeconds} (default 10), {@code qorgan.seconds}
 * (at full rate; default 60), {@code qorgan.maxFailedPercent} (default 1).
 */
public class GatewaySimulation extends Simulation {

    private static final String BASE_URL = System.getProperty("qorgan.baseUrl", "http://127.0.0.1:8080");
    private static final String API_KEY = System.getProperty("qorgan.apiKey", "");
    private static final double USERS_PER_SEC = Double.parseDouble(System.getProperty("qorgan.usersPerSec", "50"));
    private static final int RAMP_SECONDS = Integer.getInteger("qorgan.rampSeconds", 10);
    private static final int SECONDS = Integer.getInteger("qorgan.seconds", 60);
    private static final double MAX_FAILED_PERCENT =
            Double.parseDouble(System.getProperty("qorgan.maxFailedPercent", "1"));

    /** A placeholder the gateway puts in place of a value: none may reach the caller. */
    private static final String PLACEHOLDER = "\\[(?:PERSON|IIN|BIN|PHONE|EMAIL|IBAN|PAYMENT_CARD|ID_DOCUMENT|ADDRESS"
            + "|VEHICLE_PLATE|DATE_OF_BIRTH|IP_ADDRESS|SECRET)_\\d+]";

    private static final String USER_MESSAGE = "[{\"role\":\"user\",\"content\":#{text.jsonStringify()}}]";

    private final FeederBuilder<Object> messages =
            jsonFile("corpus/messages.json").circular();

    private final ChainBuilder openAiChat = exec(http("openai chat")
            .post("/v1/chat/completions")
            .body(StringBody("{\"model\":\"gpt-4o-mini\",\"messages\":" + USER_MESSAGE + "}"))
            .check(status().is(200), jmesPath("choices[0].message.content").isEL("#{text}")));

    private final ChainBuilder openAiStream = exec(http("openai chat stream")
            .post("/v1/chat/completions")
            .header("Accept", "text/event-stream")
            .body(StringBody("{\"model\":\"gpt-4o-mini\",\"stream\":true,\"messages\":" + USER_MESSAGE + "}"))
            .check(
                    status().is(200),
                    regex("data: \\[DONE]").exists(),
                    regex(PLACEHOLDER).notExists()));

    private final ChainBuilder anthropic = exec(http("anthropic messages")
            .post("/v1/messages")
            .header("anthropic-version", "2023-06-01")
            .body(StringBody("{\"model\":\"claude-sonnet-4-5\",\"max_tokens\":512,\"messages\":" + USER_MESSAGE + "}"))
            .check(status().is(200), jmesPath("content[0].text").isEL("#{text}")));

    private final ChainBuilder anthropicStream = exec(http("anthropic messages stream")
            .post("/v1/messages")
            .header("anthropic-version", "2023-06-01")
            .header("Accept", "text/event-stream")
            .body(StringBody("{\"model\":\"claude-sonnet-4-5\",\"max_tokens\":512,\"stream\":true,\"messages\":"
                    + USER_MESSAGE + "}"))
            .check(
                    status().is(200),
                    regex("event: message_stop").exists(),
                    regex(PLACEHOLDER).notExists()));

    private final ChainBuilder openAiResponses = exec(http("openai responses")
            .post("/v1/responses")
            .body(StringBody("{\"model\":\"gpt-4o-mini\",\"input\":#{text.jsonStringify()}}"))
            .check(status().is(200), jmesPath("output[0].content[0].text").isEL("#{text}")));

    private final ChainBuilder ollamaChat = exec(http("ollama chat")
            .post("/api/chat")
            .body(StringBody("{\"model\":\"llama3.1\",\"stream\":false,\"messages\":" + USER_MESSAGE + "}"))
            .check(status().is(200), jmesPath("message.content").isEL("#{text}")));

    private final ChainBuilder ollamaStream = exec(http("ollama chat stream")
            .post("/api/chat")
            .body(StringBody("{\"model\":\"llama3.1\",\"messages\":" + USER_MESSAGE + "}"))
            .check(
                    status().is(200),
                    regex("\"done\":\\s*true").exists(),
                    regex(PLACEHOLDER).notExists()));

    private final ScenarioBuilder callers = scenario("agency systems")
            .feed(messages)
            .exec(uniformRandomSwitch()
                    .on(
                            openAiChat,
                            openAiStream,
                            openAiResponses,
                            anthropic,
                            anthropicStream,
                            ollamaChat,
                            ollamaStream));

    {
        HttpProtocolBuilder protocol = http.baseUrl(BASE_URL)
                .contentTypeHeader("application/json")
                .acceptEncodingHeader("identity")
                .shareConnections()
                // the gateway says what it replaced: a message with personal data must have had some
                .checkIf(session -> session.getBoolean("personal"))
                .then(header("x-qorgan-entities").exists());
        if (!API_KEY.isEmpty()) {
            protocol = protocol.authorizationHeader("Bearer " + API_KEY);
        }
        setUp(callers.injectOpen(
                        rampUsersPerSec(1).to(USERS_PER_SEC).during(Duration.ofSeconds(RAMP_SECONDS)),
                        constantUsersPerSec(USERS_PER_SEC).during(Duration.ofSeconds(SECONDS))))
                .protocols(protocol)
                .assertions(global().failedRequests().percent().lte(MAX_FAILED_PERCENT));
    }
}
