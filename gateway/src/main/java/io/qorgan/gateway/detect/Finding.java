package io.qorgan.gateway.detect;

/**
 * One piece of personal data found in a text: UTF-16 offsets {@code [start, end)} into the text
 * given to the detector. Stand-in until the detect branch lands.
 */
public record Finding(EntityType type, int start, int end, double score, String recognizer) {
}
