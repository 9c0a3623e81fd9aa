package io.qorgan.gateway.protect;

import io.qorgan.gateway.detect.Finding;
import java.util.List;

/**
 * Finds personal data in one text; {@code Detector::detect} satisfies it by method reference.
 * Findings are in text order and do not overlap. Must be thread-safe.
 */
@FunctionalInterface
public interface TextScanner {

    List<Finding> scan(CharSequence text);

    /**
     * This scanner without a memo of texts it read ({@link FindingsMemo}): for pieces of text that will never be sent
     * again as they are, such as the growing windows of a streamed answer.
     */
    default TextScanner unremembered() {
        return this;
    }
}
