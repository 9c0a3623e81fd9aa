package io.qorgan.gateway.policy;

import io.qorgan.gateway.dialect.Dialect;
import io.qorgan.gateway.dialect.TargetRewriter;
import io.qorgan.gateway.dialect.TextSite;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The texts of a request body with their message roles, for content rules. The dialect walks every string value
 * (as protection does); conversation strings get the role of their message ({@code messages[i].role},
 * {@code input[i].role}; a system prompt or {@code instructions} is {@code system}; tool results and
 * function-call outputs are {@code tool}; a bare {@code prompt} or {@code input} is {@code user}); every other
 * string is {@link RoleText.Role#OTHER}, except the {@code role}, {@code type} and {@code model} values themselves.
 * The request path, query and the client's headers are read too ({@link #ofTargetAndHeaders}).
 */
public final class RequestTexts {

    private RequestTexts() {
    }

    private record Site(String path, String text, TextSite.Kind kind) {
    }

    /**
     * The texts of {@code body}, in body order.
     *
     * @throws io.qorgan.gateway.dialect.BodyRejected when the body cannot be read completely and unambiguously
     */
    public static List<RoleText> of(byte[] body, String contentType, Dialect dialect) {
        List<Site> sites = new ArrayList<>();
        Map<String, String> values = new HashMap<>();
        dialect.rewriteRequest(body, contentType, null, (text, site) -> {
            if (site.kind() == TextSite.Kind.NAME) {
                return text; // content rules read texts; keys are protected, not judged
            }
            String path = site.path();
            int hash = path.indexOf('#');
            String outer = hash < 0 ? path : path.substring(0, hash);
            if (hash < 0) {
                values.putIfAbsent(outer, text);
            }
            sites.add(new Site(outer, text, site.kind()));
            return text;
        });
        List<RoleText> out = new ArrayList<>(sites.size());
        for (Site s : sites) {
            if (s.kind() == TextSite.Kind.OTHER && isLabel(s.path())) {
                continue;
            }
            RoleText.Role role = s.kind() == TextSite.Kind.CONVERSATION ? role(s.path(), values) : RoleText.Role.OTHER;
            out.add(new RoleText(role, s.text()));
        }
        return out;
    }

    /**
     * The decoded segments of a request target's path and names and values of its query, then the values of the
     * client's own headers (those
     * protection scans: see {@code ForwardingHeaders.texts}), all as {@link RoleText.Role#OTHER}: content rules find
     * a marking or a subject there as in a body's metadata.
     *
     * @throws io.qorgan.gateway.dialect.BodyRejected ({@code malformed_path}, {@code malformed_query}) when the target
     *     cannot be decoded
     */
    public static List<RoleText> ofTargetAndHeaders(String target, List<Map.Entry<String, String>> headers) {
        List<RoleText> out = new ArrayList<>();
        TargetRewriter.rewrite(target, (text, site) -> {
            if (!text.isEmpty()) {
                out.add(new RoleText(RoleText.Role.OTHER, text));
            }
            return text;
        });
        for (Map.Entry<String, String> header : headers) {
            out.add(new RoleText(RoleText.Role.OTHER, header.getValue()));
        }
        return out;
    }

    private static boolean isLabel(String path) {
        return path.endsWith("/role") || path.endsWith("/type") || path.equals("/model");
    }

    static RoleText.Role role(String path, Map<String, String> values) {
        String[] parts = path.split("/", -1); // "", top, index, ...
        if (parts.length < 2) {
            return RoleText.Role.USER; // a whole text/plain body
        }
        String top = parts[1];
        if (top.equals("system") || top.equals("instructions")) {
            return RoleText.Role.SYSTEM;
        }
        if ((top.equals("messages") || top.equals("input")) && parts.length > 2 && isIndex(parts[2])) {
            String item = "/" + top + "/" + parts[2];
            if (parts.length > 4 && parts[3].equals("content") && isIndex(parts[4])
                    && "tool_result".equals(values.get(item + "/content/" + parts[4] + "/type"))) {
                return RoleText.Role.TOOL;
            }
            String type = values.get(item + "/type");
            if ("function_call_output".equals(type) || "custom_tool_call_output".equals(type)) {
                return RoleText.Role.TOOL;
            }
            if ("function_call".equals(type) || "custom_tool_call".equals(type)) {
                return RoleText.Role.ASSISTANT;
            }
            RoleText.Role role = RoleText.Role.of(values.get(item + "/role"));
            return role == RoleText.Role.OTHER ? RoleText.Role.USER : role;
        }
        return RoleText.Role.USER; // prompt, input, suffix
    }

    private static boolean isIndex(String s) {
        if (s.isEmpty()) {
            return false;
        }
        for (int i = 0; i < s.length(); i++) {
            if (s.charAt(i) < '0' || s.charAt(i) > '9') {
                return false;
            }
        }
        return true;
    }
}
