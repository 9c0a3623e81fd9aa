package io.qorgan.gateway.sim;

import java.util.ArrayList;
import java.util.List;

/** Cuts answer text into stream pieces by code points, so no character is ever split in two. */
final class Chunks {

    private Chunks() {}

    static List<String> split(String text, int codePointsPerChunk) {
        List<String> pieces = new ArrayList<>();
        int start = 0;
        while (start < text.length()) {
            int end;
            try {
                end = text.offsetByCodePoints(start, codePointsPerChunk);
            } catch (IndexOutOfBoundsException fewerLeft) {
                end = text.length();
            }
            pieces.add(text.substring(start, end));
            start = end;
        }
        return pieces;
    }
}
