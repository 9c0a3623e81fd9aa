package io.qorgan.gateway.dialect;

/**
 * Called with each decoded string value of a body (and each number, as its literal: {@link TextSite.Kind#NUMBER});
 * returns the string to write in its place (the same instance when nothing changes).
 */
@FunctionalInterface
public interface TextRewriter {

    String rewrite(String text, TextSite site);

    /**
     * For a string value inside a tool call's input in an answer: the JSON number literal to write in place of the
     * whole string, or null to keep a string (the default). A number the request held leaves as a placeholder string
     * and comes back as the number it was. Called before {@link #rewrite}, which is skipped when this answers.
     */
    default String number(String text, TextSite site) {
        return null;
    }
}
