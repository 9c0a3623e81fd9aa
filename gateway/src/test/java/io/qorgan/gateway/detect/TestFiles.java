package io.qorgan.gateway.detect;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.List;

/** Test data shipped with the tests, read from the class path so a bare clone of the repository runs them. */
final class TestFiles {

    /** Microsoft Presidio's recognizer cases (MIT licence; origin and notice in the README beside the file). */
    static final String PRESIDIO_CASES = "/detect/presidio/presidio-recognizer-cases.jsonl";

    private TestFiles() {}

    /** The lines of a test resource, UTF-8. */
    static List<String> lines(String resource) {
        try (InputStream in = TestFiles.class.getResourceAsStream(resource)) {
            if (in == null) {
                throw new IllegalStateException("no test resource " + resource);
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8).lines().toList();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
