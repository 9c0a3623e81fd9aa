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
     *
     * <p>What it keeps grows with the texts, not with the body's values: a text's role is settled as it comes when
     * its path alone tells it (everything but the items of {@code messages} and {@code input}, whose role may come
     * after their text), and of the other values only the {@code role} and {@code type} labels of those items are
     * kept, as roles are read from them.
     */
    public static final class Collector {

        /** The body's texts in body order; their roles, or null for those settled at the end from their path. */
        private final List<String> bodyTexts = new ArrayList<>();

        private final List<RoleText.Role> roles = new ArrayList<>();
        /** The paths of texts whose role is settled at the end, in body order. */
        private final List<String> pending = new ArrayList<>();
        /** The labels roles are read from: values at paths ending in {@code /role} or {@code /type}. */
        private final Map<String, String> labels = new HashMap<>();

        private final List<String> others = new ArrayList<>();

        /**
         * A string of the body as the dialect's walk hands it over; keys and numbers are skipped (protected, not
         * judged).
         */
        public void bodyText(String text, TextSite site) {
            if (site.kind() == TextSite.Kind.NAME || site.kind() == TextSite.Kind.NUMBER) {
                return;
            }
            String path = site.path();
            int hash = path.indexOf('#');
            String outer = hash < 0 ? path : path.substring(0, hash);
            if (hash < 0 && (outer.endsWith("/role") || outer.endsWith("/type"))) {
                labels.putIfAbsent(outer, text);
            }
            if (site.kind() == TextSite.Kind.OTHER) {
                if (!isLabel(outer)) {
                    bodyTexts.add(text);
                    roles.add(RoleText.Role.OTHER);
                }
                return;
            }
            RoleText.Role role = roleFromPath(outer);
            bodyTexts.add(text);
            roles.add(role);
            if (role == null) {
                pending.add(outer);
            }
        }

        /** Forgets the body's strings: a route passed the body on unread. */
        public void forgetBody() {
            bodyTexts.clear();
            roles.clear();
            pending.clear();
            labels.clear();
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
            List<RoleText> out = new ArrayList<>(bodyTexts.size() + others.size());
            int next = 0;
            for (int i = 0; i < bodyTexts.size(); i++) {
                RoleText.Role role = roles.get(i);
                if (role == null) {
                    role = role(pending.get(next++), labels);
                }
                out.add(new RoleText(role, bodyTexts.get(i)));
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

    /**
     * The role of a conversation text that its path alone decides (as {@link #role}), without splitting it; null
     * for a text of an item of {@code messages} or {@code input}, whose role its labels tell.
     */
    static RoleText.Role roleFromPath(String path) {
        if (path.length() < 2 || path.charAt(0) != '/') {
            return RoleText.Role.USER;
        }
        int end = path.indexOf('/', 1);
        int topEnd = end < 0 ? path.length() : end;
        if (segmentIs(path, 1, topEnd, "system") || segmentIs(path, 1, topEnd, "instructions")) {
            return RoleText.Role.SYSTEM;
        }
        if (end > 0 && (segmentIs(path, 1, topEnd, "messages") || segmentIs(path, 1, topEnd, "input"))) {
            int itemEnd = path.indexOf('/', end + 1);
            if (isIndex(path.substring(end + 1, itemEnd < 0 ? path.length() : itemEnd))) {
                return null;
            }
        }
        return RoleText.Role.USER;
    }

    private static boolean segmentIs(String path, int from, int to, String name) {
        return to - from == name.length() && path.startsWith(name, from);
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
