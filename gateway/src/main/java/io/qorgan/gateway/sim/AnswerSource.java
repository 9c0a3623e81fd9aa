package io.qorgan.gateway.sim;

/** Turns what the caller sent into what the simulated model answers, by mode. */
final class AnswerSource {

    private static final String LOREM = "Lorem ipsum dolor sit amet, consectetur adipiscing elit, sed do "
            + "eiusmod tempor incididunt ut labore et dolore magna aliqua. Ut enim ad minim veniam, quis "
            + "nostrud exercitation ullamco laboris nisi ut aliquip ex ea commodo consequat. Duis aute irure "
            + "dolor in reprehenderit in voluptate velit esse cillum dolore eu fugiat nulla pariatur. "
            + "Excepteur sint occaecat cupidatat non proident, sunt in culpa qui officia deserunt mollit "
            + "anim id est laborum. ";

    private final SimulatorMode mode;
    private final String fixedText;
    private final String loremText;

    AnswerSource(SimulatorMode mode, String fixedText, int loremChars) {
        this.mode = mode;
        this.fixedText = fixedText;
        this.loremText = lorem(loremChars);
    }

    /** The answer, given the text echo mode would repeat. */
    String answer(String echoText) {
        return switch (mode) {
            case ECHO -> echoText;
            case FIXED -> fixedText;
            case LOREM -> loremText;
        };
    }

    // The lorem text is ASCII, so characters and code points are the same count.
    private static String lorem(int chars) {
        StringBuilder text = new StringBuilder(chars);
        while (text.length() < chars) {
            text.append(LOREM, 0, Math.min(LOREM.length(), chars - text.length()));
        }
        return text.toString();
    }
}
