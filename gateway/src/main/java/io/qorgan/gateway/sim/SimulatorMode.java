package io.qorgan.gateway.sim;

import java.util.Locale;

/** What the simulated model answers. */
public enum SimulatorMode {
    /** The last user message (or the tool result, when a tool message is last), verbatim. */
    ECHO,
    /** The configured fixed text. */
    FIXED,
    /** Lorem ipsum of the configured length in characters. */
    LOREM;

    /** The mode for {@code echo}, {@code fixed} or {@code lorem}, case-insensitive. */
    public static SimulatorMode parse(String name) {
        for (SimulatorMode mode : values()) {
            if (mode.name().equalsIgnoreCase(name.trim())) {
                return mode;
            }
        }
        throw new IllegalArgumentException("unknown mode '" + name + "' (expected echo, fixed or lorem)");
    }

    /** The lower-case name used on the command line. */
    public String label() {
        return name().toLowerCase(Locale.ROOT);
    }
}
