package io.qorgan.gateway.policy;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

/** Writes policy files into a test's temporary directory. */
final class PolicyDir {

    static final String DEFAULT = """
            version: "1"
            description: test default
            upstreams:
              local: {class: onprem}
              cloud: {class: external, models: ["gpt-4o*"]}
            entities:
              default: placeholder
              IIN: {onprem: placeholder, external: block}
            rules:
              - id: marking-dsp
                description: Official-use documents stay inside.
                query: '"для служебного пользования" OR ДСП OR ҚБП'
                action: block
                appliesTo: [external]
            """;

    private final Path dir;

    PolicyDir(Path dir) {
        this.dir = dir;
    }

    PolicyDir write(String name, String yaml) {
        try {
            Files.writeString(dir.resolve(name), yaml, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return this;
    }

    Path path() {
        return dir;
    }

    PolicySet load() {
        return PolicySet.load(dir);
    }
}
