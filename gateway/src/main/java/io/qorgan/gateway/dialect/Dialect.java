package io.qorgan.gateway.dialect;

import java.util.Arrays;

/**
 * The AI APIs the gateway understands: which string fields of a request carry conversation text,
 * how answers are framed when streamed, and which fields of a stream event carry text deltas.
 *
 * <p>Every method is thread-safe; the enum holds no state beyond its constant tables.
 */
public enum Dialect {
    /** OpenAI chat completions, {@code POST /v1/chat/completions}. */
    OPENAI_CHAT(
            Framing.SSE,
            "messages.*.content",
            "messages.*.content.*.text",
            "messages.*.tool_calls.*.function.arguments.**",
            "messages.*.function_call.arguments.**",
            "prediction.content",
            "prediction.content.*.text"),
    /** OpenAI Responses, {@code POST /v1/responses}. */
    OPENAI_RESPONSES(
            Framing.SSE,
            "instructions",
            "input",
            "input.*.content",
            "input.*.content.*.text",
            "input.*.arguments.**",
            "input.*.output",
            "input.*.output.*.text",
            "input.*.summary.*.text",
            "input.*.input.**"),
    /** OpenAI embeddings, {@code POST /v1/embeddings}; also Ollama {@code /api/embed} and {@code /api/embeddings}. */
    OPENAI_EMBEDDINGS(Framing.NONE, "input", "input.*", "prompt"),
    /** OpenAI legacy completions, {@code POST /v1/completions}. */
    OPENAI_COMPLETIONS(Framing.SSE, "prompt", "prompt.*", "suffix"),
    /** Anthropic messages, {@code POST /v1/messages}. */
    ANTHROPIC_MESSAGES(
            Framing.SSE,
            "system",
            "system.*.text",
            "messages.*.content",
            "messages.*.content.*.text",
            "messages.*.content.*.input.**",
            "messages.*.content.*.content",
            "messages.*.content.*.content.*.text"),
    /** Ollama chat, {@code POST /api/chat}. */
    OLLAMA_CHAT(Framing.NDJSON, "messages.*.content", "messages.*.tool_calls.*.function.arguments.**"),
    /** Ollama generate, {@code POST /api/generate}. */
    OLLAMA_GENERATE(Framing.NDJSON, "prompt", "system", "suffix"),
    /**
     * An endpoint the gateway does not know: every JSON string value is treated as conversation
     * text; a {@code text/*} body is one plain text. It has no text deltas: a stream of it
     * (framing from the answer's content type) is restored event by event, each string whole.
     */
    GENERIC_JSON(Framing.NONE, "**");

    private final Framing framing;
    private final SitePatterns conversation;

    Dialect(Framing framing, String... conversationFields) {
        this.framing = framing;
        this.conversation = new SitePatterns(conversationFields);
    }

    /** How this dialect frames a streamed answer ({@link Framing#NONE} when it never streams). */
    public Framing framing() {
        return framing;
    }

    /**
     * Rewrites every string value, object key and number of a request body through {@code rewriter}, labelling each
     * with its {@link TextSite}; booleans, nulls, whitespace and field order are kept. Strings inside tool-call
     * {@code arguments} (a JSON-encoded string) are rewritten one by one and re-encoded; arguments that are not valid
     * JSON are one text. A number the rewriter changes becomes the number or the string it returned, except where
     * the API needs a number ({@link #apiNumbers()}): there only a number may take its place. When nothing changes,
     * the very same body array is returned, so untouched bodies pass byte for byte.
     *
     * @throws BodyRejected when the body cannot be read completely and unambiguously, is more complex than
     *     {@code limits} allow, or holds personal data in a number where the API needs a number
     */
    public byte[] rewriteRequest(
            byte[] body, String contentType, String contentEncoding, ReadLimits limits, TextRewriter rewriter) {
        return JsonRewriter.rewriteRequest(this, body, contentType, contentEncoding, limits, rewriter);
    }

    /** As {@link #rewriteRequest(byte[], String, String, ReadLimits, TextRewriter)} with {@link ReadLimits#DEFAULTS}. */
    public byte[] rewriteRequest(byte[] body, String contentType, String contentEncoding, TextRewriter rewriter) {
        return rewriteRequest(body, contentType, contentEncoding, ReadLimits.DEFAULTS, rewriter);
    }

    /**
     * Rewrites every string value of a non-streamed JSON answer through {@code rewriter}. The
     * {@code arguments} of tool calls come as {@link TextSite#jsonText() JSON text}.
     *
     * @throws BodyRejected when the answer is not one well-formed JSON value
     */
    public byte[] rewriteAnswer(byte[] body, TextRewriter rewriter) {
        return JsonRewriter.rewriteAnswer(this, body, rewriter);
    }

    /** Where text deltas sit in this dialect's stream events. */
    public EventTexts eventTexts() {
        return switch (this) {
            case OPENAI_CHAT -> ChatEventTexts.INSTANCE;
            case OPENAI_COMPLETIONS -> CompletionEventTexts.INSTANCE;
            case OPENAI_RESPONSES -> ResponsesEventTexts.INSTANCE;
            case ANTHROPIC_MESSAGES -> AnthropicEventTexts.INSTANCE;
            case OLLAMA_CHAT, OLLAMA_GENERATE -> OllamaEventTexts.INSTANCE;
            case OPENAI_EMBEDDINGS, GENERIC_JSON -> EventTexts.NONE;
        };
    }

    SitePatterns conversation() {
        return conversation;
    }

    /**
     * Where a request's API needs a number: generation parameters ({@code seed}, {@code max_tokens}, Ollama's
     * {@code options}...) and token arrays (embeddings {@code input}, completions {@code prompt}, Ollama's
     * {@code context}). A placeholder string there would break the request, so personal data there refuses it.
     */
    SitePatterns apiNumbers() {
        return switch (this) {
            case OPENAI_EMBEDDINGS -> Numbers.EMBEDDINGS;
            case OPENAI_COMPLETIONS -> Numbers.COMPLETIONS;
            default -> Numbers.PARAMETERS;
        };
    }

    /**
     * Where an answer holds what the API fills in itself, never the model's text: ids, object types, the model's name,
     * timestamps, finish reasons, roles, token counts, embedding vectors. Values there are restored but not scanned
     * for personal data the model produced (on the load test's chat answer, a fifth of what scanning it cost). Fields
     * an API echoes from the request ({@code metadata}, {@code instructions}, {@code user}) are not listed: they are
     * scanned like the rest.
     */
    SitePatterns answerMetadata() {
        return switch (this) {
            case OPENAI_CHAT -> Metadata.CHAT;
            case OPENAI_COMPLETIONS -> Metadata.COMPLETIONS;
            case OPENAI_EMBEDDINGS -> Metadata.EMBEDDINGS;
            case OPENAI_RESPONSES -> Metadata.RESPONSES;
            case ANTHROPIC_MESSAGES -> Metadata.ANTHROPIC;
            case OLLAMA_CHAT -> Metadata.OLLAMA_CHAT;
            case OLLAMA_GENERATE -> Metadata.OLLAMA_GENERATE;
            case GENERIC_JSON -> Numbers.NONE;
        };
    }

    /** The patterns of {@link #answerMetadata()}, built once. */
    private static final class Metadata {
        static final SitePatterns CHAT = new SitePatterns(
                "id",
                "object",
                "created",
                "model",
                "system_fingerprint",
                "service_tier",
                "choices.*.index",
                "choices.*.finish_reason",
                "choices.*.message.role",
                "usage.**");
        static final SitePatterns COMPLETIONS = new SitePatterns(
                "id",
                "object",
                "created",
                "model",
                "system_fingerprint",
                "choices.*.index",
                "choices.*.finish_reason",
                "usage.**");
        static final SitePatterns EMBEDDINGS = new SitePatterns(
                "object",
                "model",
                "data.*.object",
                "data.*.index",
                "data.*.embedding.*",
                "embeddings.*.*",
                "embedding.*",
                "usage.**");
        static final SitePatterns RESPONSES = new SitePatterns(
                "id",
                "object",
                "created_at",
                "completed_at",
                "status",
                "model",
                "service_tier",
                "output.*.id",
                "output.*.type",
                "output.*.status",
                "output.*.role",
                "output.*.content.*.type",
                "usage.**");
        static final SitePatterns ANTHROPIC = new SitePatterns(
                "id", "type", "role", "model", "stop_reason", "content.*.type", "content.*.id", "usage.**");
        private static final String[] OLLAMA = {
            "model",
            "created_at",
            "done",
            "done_reason",
            "total_duration",
            "load_duration",
            "prompt_eval_count",
            "prompt_eval_duration",
            "eval_count",
            "eval_duration"
        };
        static final SitePatterns OLLAMA_CHAT = new SitePatterns(with(OLLAMA, "message.role"));
        static final SitePatterns OLLAMA_GENERATE = new SitePatterns(with(OLLAMA, "context.*"));
    }

    /** Where an answer carries a tool call's input as JSON values (not as JSON text in a string). */
    SitePatterns toolInputs() {
        return switch (this) {
            case ANTHROPIC_MESSAGES -> Numbers.ANTHROPIC_TOOL_INPUT;
            case OLLAMA_CHAT -> Numbers.OLLAMA_TOOL_INPUT;
            default -> Numbers.NONE;
        };
    }

    /** The patterns of {@link #apiNumbers()} and {@link #toolInputs()}, built once. */
    private static final class Numbers {
        private static final String[] PARAMETER_FIELDS = {
            "seed",
            "n",
            "best_of",
            "max_tokens",
            "max_completion_tokens",
            "max_output_tokens",
            "max_tool_calls",
            "temperature",
            "top_p",
            "top_k",
            "min_p",
            "top_logprobs",
            "logprobs",
            "frequency_penalty",
            "presence_penalty",
            "repetition_penalty",
            "repeat_penalty",
            "dimensions",
            "keep_alive",
            "logit_bias.*",
            "options.*",
            "thinking.budget_tokens",
            "context.*"
        };
        static final SitePatterns PARAMETERS = new SitePatterns(PARAMETER_FIELDS);
        static final SitePatterns EMBEDDINGS = new SitePatterns(with(PARAMETER_FIELDS, "input.*", "input.*.*"));
        static final SitePatterns COMPLETIONS = new SitePatterns(with(PARAMETER_FIELDS, "prompt.*", "prompt.*.*"));
        static final SitePatterns ANTHROPIC_TOOL_INPUT = new SitePatterns("content.*.input.**");
        static final SitePatterns OLLAMA_TOOL_INPUT = new SitePatterns("message.tool_calls.*.function.arguments.**");
        static final SitePatterns NONE = new SitePatterns();
    }

    /** {@code base} followed by {@code more}: pattern lists built from others. */
    private static String[] with(String[] base, String... more) {
        String[] all = Arrays.copyOf(base, base.length + more.length);
        System.arraycopy(more, 0, all, base.length, more.length);
        return all;
    }
}
