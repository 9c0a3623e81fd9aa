package io.qorgan.gateway.policy;

import java.util.Locale;

/** Where an upstream stands, as policies see it: inside the agency's perimeter or outside it. */
public enum DataClass {
    /** An AI service inside the perimeter (on-premise model). */
    ONPREM,
    /** Anything else; also what an upstream a policy does not list is taken to be. */
    EXTERNAL;

    /** The name written in policy files: {@code onprem}, {@code external}. */
    public String yamlName() {
        return name().toLowerCase(Locale.ROOT);
    }
}
