package io.qorgan.gateway.config;

import java.nio.file.Path;
import java.time.Duration;

/**
 * Where the security officers' policies live.
 *
 * @param directory the policy directory ({@code default.yaml}, {@code agency-*.yaml}), or null when
 *     no policies are used (then the {@code protection} section alone decides)
 * @param reloadInterval how often the directory is checked for changes
 */
public record PoliciesConfig(Path directory, Duration reloadInterval) {

    public static PoliciesConfig none() {
        return new PoliciesConfig(null, Duration.ofSeconds(2));
    }

    public boolean enabled() {
        return directory != null;
    }
}
