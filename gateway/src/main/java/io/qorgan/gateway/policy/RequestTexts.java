package io.qorgan.gateway.policy;

import io.qorgan.gateway.dialect.Dialect;
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
 * The request path, query and the client's headers are read too ({@link Collector}).
 */
public final class RequestTexts {

    private RequestTexts() {}

    private record Site(String path, String text, TextSite.Kind kind) {}

    /**
     * The texts of {@code body}, in body order.
     *
     * @throws io.qorgan.gateway.dialect.BodyRejected when the body cannot be read completely and unambiguously
     */
    public static List<RoleText> of(byte[] body, String contentType, Dialect dialect) {
        Collector texts = new Collector();
        dialect.rewriteRequest(body, contentType, null, (text, site) -> {
            texts.bodyText(text, site);
            return text;
        });
        return texts.texts();
    }

    /**
     * Gathers a request's texts as another walk over it hands them over, so that the gateway's protection walk serves
     * its policy as well and the body is not read twice. Not thread-safe; one per request.
     */
    public static final class Collector {

        private final List<Site> sites = new ArrayList<>();
        private final Map<String, String> values = new HashMap<>();
        private final List<String> others = new ArrayList<>();

        /** A string of the body as the dialect's walk hands it over; keys are skipped (protected, not judged). */
        public void bodyText(String text, TextSite site) {
            if (site.kind() == TextSite.Kind.NAME) {
                return;
            }
            String path = site.path();
            int hash = path.indexOf('#');
            String outer = hash < 0 ? path : path.substring(0, hash);
            if (hash < 0) {
                values.putIfAbsent(outer, text);
            }
            sites.add(new Site(outer, text, site.kind()));
        }

        /** Forgets the body's strings: a route passed the body on unread. */
        public void forgetBody() {
            sites.clear();
            values.clear();
        }

        /** A decoded path segment or query name or value ({@code TargetRewriter}); empty ones are skipped. */
        public void targetText(String text) {
            if (!text.isEmpty()) {
                others.add(text);
            }
        }

        /** The value of a header the client sent, one protection scans ({@code ForwardingHeaders.texts}). */
        public void headerText(String value) {
            others.add(value);
        }

        /**
         * The body's texts with their roles, in body order, then the target's and the headers' texts in the order
         * given, as {@link RoleText.Role#OTHER}: content rules find a marking there as in a body's metadata.
         */
        public List<RoleText> texts() {
            List<RoleText> out = new ArrayList<>(sites.size() + others.size());
            for (Site s : sites) {
                if (s.kind() == TextSite.Kind.OTHER && isLabel(s.path())) {
                    continue;
                }
                RoleText.Role role =
                        s.kind() == TextSite.Kind.CONVERSATION ? role(s.path(), values) : RoleText.Role.OTHER;
                out.add(new RoleText(role, s.text()));
            }
            for (String text : others) {
                out.add(new RoleText(RoleText.Role.OTHER, text));
            }
            return out;
        }
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
            if (parts.length > 4
                    && parts[3].equals("content")
                    && isIndex(parts[4])
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
