package io.qorgan.gateway.server;

import io.netty.handler.codec.http.HttpResponseStatus;

/**
 * One error the gateway answers by itself: status, the API error {@code type} and {@code code},
 * and a message safe to show (no request content, no values).
 */
public record GatewayError(HttpResponseStatus status, String type, String code, String message) {

    public static GatewayError notFound(String method, String path) {
        return new GatewayError(
                HttpResponseStatus.NOT_FOUND,
                "invalid_request_error",
                "route_not_found",
                "No route for " + method + " " + safePath(path));
    }

    public static GatewayError badRequest(String code, String message) {
        return new GatewayError(HttpResponseStatus.BAD_REQUEST, "invalid_request_error", code, message);
    }

    public static GatewayError bodyTooLarge(long limit) {
        return new GatewayError(
                HttpResponseStatus.REQUEST_ENTITY_TOO_LARGE,
                "invalid_request_error",
                "request_too_large",
                "Request body exceeds the limit of " + limit + " bytes");
    }

    public static GatewayError headersTooLarge() {
        return new GatewayError(
                HttpResponseStatus.REQUEST_HEADER_FIELDS_TOO_LARGE,
                "invalid_request_error",
                "headers_too_large",
                "Request headers exceed the configured limit");
    }

    public static GatewayError uriTooLong() {
        return new GatewayError(
                HttpResponseStatus.REQUEST_URI_TOO_LONG,
                "invalid_request_error",
                "request_line_too_long",
                "Request line exceeds the configured limit");
    }

    public static GatewayError modelNotAllowed(String model) {
        return new GatewayError(
                HttpResponseStatus.FORBIDDEN,
                "permission_error",
                "model_not_allowed",
                "Model " + (model == null ? "(none)" : "`" + clip(model) + "`") + " is not allowed on this route");
    }

    public static GatewayError upstreamUnreachable(String upstream) {
        return new GatewayError(
                HttpResponseStatus.BAD_GATEWAY,
                "upstream_error",
                "upstream_unreachable",
                "Upstream `" + upstream + "` could not be reached");
    }

    public static GatewayError upstreamFailed(String upstream) {
        return new GatewayError(
                HttpResponseStatus.BAD_GATEWAY,
                "upstream_error",
                "upstream_failed",
                "Upstream `" + upstream + "` closed the connection or sent an invalid answer");
    }

    public static GatewayError upstreamTimeout(String upstream) {
        return new GatewayError(
                HttpResponseStatus.GATEWAY_TIMEOUT,
                "upstream_error",
                "upstream_timeout",
                "Upstream `" + upstream + "` did not answer in time");
    }

    public static GatewayError upstreamBusy(String upstream) {
        return new GatewayError(
                HttpResponseStatus.SERVICE_UNAVAILABLE,
                "upstream_error",
                "upstream_busy",
                "All connections to upstream `" + upstream + "` are busy");
    }

    public static GatewayError overloaded() {
        return new GatewayError(
                HttpResponseStatus.SERVICE_UNAVAILABLE,
                "server_error",
                "overloaded",
                "The gateway is at its limit of concurrent exchanges; retry later");
    }

    public static GatewayError shuttingDown() {
        return new GatewayError(
                HttpResponseStatus.SERVICE_UNAVAILABLE,
                "server_error",
                "shutting_down",
                "The gateway is shutting down; retry on another node");
    }

    public static GatewayError forbidden(String missingPermission) {
        return new GatewayError(
                HttpResponseStatus.FORBIDDEN,
                "permission_error",
                "permission_denied",
                "The caller lacks the permission `" + missingPermission + "`");
    }

    /** A policy refused the request: the rule's id and description, never the text that matched. */
    public static GatewayError policyViolation(String ruleId, String description) {
        return new GatewayError(
                HttpResponseStatus.FORBIDDEN,
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
                HttpResponseStatus.SERVICE_UNAVAILABLE,
                "server_error",
                "audit_unavailable",
                "The audit trail cannot record the exchange now; nothing was forwarded; retry later");
    }

    public static GatewayError authenticationBusy() {
        return new GatewayError(
                HttpResponseStatus.SERVICE_UNAVAILABLE,
                "server_error",
                "authentication_busy",
                "Too many new API keys are being verified at once; retry later");
    }

    public static GatewayError internal() {
        return new GatewayError(
                HttpResponseStatus.INTERNAL_SERVER_ERROR,
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
