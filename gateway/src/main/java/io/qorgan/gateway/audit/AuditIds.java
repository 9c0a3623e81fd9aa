package io.qorgan.gateway.audit;

import java.util.ArrayList;
import java.util.List;

/**
 * The one shape a string may have in an audit record: an id such as {@code agency-egov}, {@code v1},
 * {@code dsp-external}, {@code gpt-4o-mini} or {@code meta-llama/Llama-3-8B} — up to 128 ASCII letters, digits and
 * {@code . _ : / + -}, no spaces, no {@code @} (so never an e-mail address). Anything else (free text, another script) is replaced by {@link #INVALID}, so a
 * record never carries a sentence, whatever a caller sent as a model name or request id.
 */
public final class AuditIds {

    /** What an id that does not have the shape becomes. */
    public static final String INVALID = "invalid-id";

    private static final int MAX_LENGTH = 128;

    private AuditIds() {}

    /** {@code value} when it is an id, null for null, else {@link #INVALID}. */
    public static String id(String value) {
        if (value == null) {
            return null;
        }
        return isId(value) ? value : INVALID;
    }

    /** Whether {@code value} has the shape of an id; a loop rather than a regex, as records are built per exchange. */
    public static boolean isId(String value) {
        int n = value.length();
        if (n == 0 || n > MAX_LENGTH || !alphanumeric(value.charAt(0))) {
            return false;
        }
        for (int i = 1; i < n; i++) {
            char c = value.charAt(i);
            if (!alphanumeric(c) && c != '.' && c != '_' && c != ':' && c != '/' && c != '+' && c != '-') {
                return false;
            }
        }
        return true;
    }

    private static boolean alphanumeric(char c) {
        return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9');
    }

    /** Each element through {@link #id}; nulls are left out. */
    public static List<String> ids(List<String> values) {
        if (values == null || values.isEmpty()) {
            return List.of();
        }
        List<String> out = new ArrayList<>(values.size());
        for (String v : values) {
            if (v != null) {
                out.add(id(v));
            }
        }
        return List.copyOf(out);
    }
}
