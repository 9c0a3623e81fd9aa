package io.qorgan.gateway.exchange;

/**
 * One error the gateway answers by itself: HTTP status, the API error {@code type} and {@code code},
 * and a message safe to show (no request content, no values).
 *
 * @param retryAfterSeconds sent as {@code Retry-After} when above 0: when the caller may try again
 */
public record GatewayError(int status, String type, String code, String message, long retryAfterSeconds) {

    public GatewayError(int status, String type, String code, String message) {
        this(status, type, code, message, 0);
    }

    /**
     * Every upstream of the route is unavailable: its circuit breaker is open (or the upstream said it is overloaded).
     */
    public static GatewayError upstreamUnavailable(String upstream, long retryAfterSeconds) {
        return new GatewayError(
                503,
                "upstream_error",
                "upstream_unavailable",
                "Upstream `" + upstream + "` is unavailable (failing recently); retry later",
                retryAfterSeconds);
    }

    /** The upstream kept answering 429 and no other upstream of the route could take the request. */
    public static GatewayError upstreamRateLimited(String upstream, long retryAfterSeconds) {
        return new GatewayError(
                429,
                "upstream_error",
                "upstream_rate_limited",
                "Upstream `" + upstream + "` is limiting the gateway's requests; retry later",
                retryAfterSeconds);
    }

    /**
     * A caller or its agency is over one of its limits ({@code limit} names which, e.g. {@code agency requests per
     * second}); nothing was forwarded.
     */
    public static GatewayError rateLimited(String limit, long retryAfterSeconds) {
        return new GatewayError(
                429,
                "rate_limit_error",
                "rate_limited",
                "Over the limit of " + limit + "; retry after " + retryAfterSeconds + " s",
                Math.max(1, retryAfterSeconds));
    }

    public static GatewayError notFound(String method, String path) {
        return new GatewayError(
                404, "invalid_request_error", "route_not_found", "No route for " + method + " " + safePath(path));
    }

    public static GatewayError badRequest(String code, String message) {
        return new GatewayError(400, "invalid_request_error", code, message);
    }

    public static GatewayError bodyTooLarge(long limit) {
        return new GatewayError(
                413,
                "invalid_request_error",
                "request_too_large",
                "Request body exceeds the limit of " + limit + " bytes");
    }

    /** A request whose head or body did not arrive in time; {@code phase} is {@code head} or {@code body}. */
    public static GatewayError requestTimeout(String phase) {
        return new GatewayError(
                408,
                "invalid_request_error",
                "request_timeout",
                "The request " + phase + " did not arrive in time; nothing was forwarded");
    }

    /** A request body that arrived more slowly than {@code limits.minBodyRate}. */
    public static GatewayError bodyTooSlow(long minBytesPerSecond) {
        return new GatewayError(
                408,
                "invalid_request_error",
                "request_timeout",
                "The request body arrived more slowly than " + minBytesPerSecond
                        + " bytes a second; nothing was forwarded");
    }

    /** An {@code Expect} the gateway does not meet: only {@code 100-continue} is known. */
    public static GatewayError expectationFailed() {
        return new GatewayError(
                417, "invalid_request_error", "expectation_failed", "Only `Expect: 100-continue` is supported");
    }

    public static GatewayError headersTooLarge() {
        return new GatewayError(
                431, "invalid_request_error", "headers_too_large", "Request headers exceed the configured limit");
    }

    public static GatewayError uriTooLong() {
        return new GatewayError(
                414, "invalid_request_error", "request_line_too_long", "Request line exceeds the configured limit");
    }

    public static GatewayError modelNotAllowed(String model) {
        return new GatewayError(
                403,
                "permission_error",
                "model_not_allowed",
                "Model " + (model == null ? "(none)" : "`" + clip(model) + "`") + " is not allowed on this route");
    }

    public static GatewayError upstreamUnreachable(String upstream) {
        return new GatewayError(
                502, "upstream_error", "upstream_unreachable", "Upstream `" + upstream + "` could not be reached");
    }

    public static GatewayError upstreamFailed(String upstream) {
        return new GatewayError(
                502,
                "upstream_error",
                "upstream_failed",
                "Upstream `" + upstream + "` closed the connection or sent an invalid answer");
    }

    public static GatewayError upstreamTimeout(String upstream) {
        return new GatewayError(
                504, "upstream_error", "upstream_timeout", "Upstream `" + upstream + "` did not answer in time");
    }

    public static GatewayError upstreamBusy(String upstream) {
        return new GatewayError(
                503, "upstream_error", "upstream_busy", "All connections to upstream `" + upstream + "` are busy");
    }

    public static GatewayError overloaded() {
        return new GatewayError(
                503, "server_error", "overloaded", "The gateway is at its limit of concurrent exchanges; retry later");
    }

    public static GatewayError shuttingDown() {
        return new GatewayError(
                503, "server_error", "shutting_down", "The gateway is shutting down; retry on another node");
    }

    public static GatewayError forbidden(String missingPermission) {
        return new GatewayError(
                403,
                "permission_error",
                "permission_denied",
                "The caller lacks the permission `" + missingPermission + "`");
    }

    /** A policy refused the request: the rule's id and description, never the text that matched. */
    public static GatewayError policyViolation(String ruleId, String description) {
        return new GatewayError(
                403,
                "policy_violation",
                ruleId,
                description == null ? "The request is not allowed by the agency's policy" : description);
    }

    /**
     * The policy withholds answers in which the model produced personal data on its own: the whole answer, or the
     * rest of a stream already under way.
     */
    public static GatewayError answerWithheld(boolean streamed) {
        return policyViolation(
                "answers.block",
                "The answer contained personal data the model produced itself; " + "the agency's policy withholds "
                        + (streamed ? "the rest" : "it"));
    }

    /** The audit trail has no room for the exchange's record (or cannot write): nothing was forwarded. */
    public static GatewayError auditUnavailable() {
        return new GatewayError(
                503,
                "server_error",
                "audit_unavailable",
                "The audit trail cannot record the exchange now; nothing was forwarded; retry later");
    }

    public static GatewayError authenticationBusy() {
        return new GatewayError(
                503,
                "server_error",
                "authentication_busy",
                "Too many new API keys are being verified at once; retry later");
    }

    public static GatewayError internal() {
        return new GatewayError(
                500,
                "server_error",
                "internal_error",
                "The gateway failed to handle the request; nothing was forwarded");
    }

    /** Paths are shown in errors, but only their first segments and never a query string. */
    private static String safePath(String path) {
        int q = path.indexOf('?');
        String p = q >= 0 ? path.substring(0, q) : path;
        return clip(p);
    }

    private static String clip(String s) {
        return s.length() > 64 ? s.substring(0, 64) + "…" : s;
    }
}
