package io.qorgan.gateway.detect;

import java.util.List;

/**
 * Finds one or a few entity types in a normalised view. Implementations are immutable and thread-safe, scan
 * in linear time, and report spans in the view's coordinates; the detector maps them back.
 */
interface Recognizer {

    void find(TextView view, List<Finding> out);
}
