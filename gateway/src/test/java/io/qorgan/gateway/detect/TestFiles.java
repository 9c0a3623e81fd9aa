package io.qorgan.gateway.detect;

import java.nio.file.Files;
import java.nio.file.Path;

/** Locates the shared test data next to the repository. */
final class TestFiles {

    private TestFiles() {}

    /** {@code shared/testdata} found by walking up from the working directory. */
    static Path sharedTestData() {
        for (Path dir = Path.of("").toAbsolutePath(); dir != null; dir = dir.getParent()) {
            Path candidate = dir.resolve("shared").resolve("testdata");
            if (Files.isDirectory(candidate)) {
                return candidate;
            }
        }
        throw new IllegalStateException(
                "no shared/testdata above " + Path.of("").toAbsolutePath());
    }
}
