package io.qorgan.gateway.policy;

import java.util.Locale;
import java.util.Objects;

/**
 * One text of a request with the role of the message it belongs to. Content rules search all texts in field
 * {@code text} and each role's texts in a field named after the role ({@code user:}, {@code system:}...).
 */
public record RoleText(Role role, String text) {

    /** Message roles as content rules name them. */
    public enum Role {
        SYSTEM,
        USER,
        ASSISTANT,
        TOOL,
        /** A string outside any message (metadata, tool descriptions): searched in {@code text} only. */
        OTHER;

        /** The query field of this role ({@code user}), or null for {@link #OTHER}. */
        public String field() {
            return this == OTHER ? null : name().toLowerCase(Locale.ROOT);
        }

        /**
         * The role for an API's role name: {@code system}/{@code developer}, {@code user}, {@code assistant}/{@code model},
         * {@code tool}/{@code function}; anything else (or null) is {@link #OTHER}.
         */
        public static Role of(String apiRole) {
            if (apiRole == null) {
                return OTHER;
            }
            return switch (apiRole.trim().toLowerCase(Locale.ROOT)) {
                case "system", "developer" -> SYSTEM;
                case "user" -> USER;
                case "assistant", "model" -> ASSISTANT;
                case "tool", "function", "ipython" -> TOOL;
                default -> OTHER;
            };
        }
    }

    public RoleText {
        Objects.requireNonNull(role, "role");
        Objects.requireNonNull(text, "text");
    }

    /** A user message's text. */
    public static RoleText user(String text) {
        return new RoleText(Role.USER, text);
    }

    @Override
    public String toString() {
        return "RoleText[" + role + ", chars=" + text.length() + "]";
    }
}
