package io.qorgan.gateway.dialect;

/**
 * Called with each decoded string value of a body; returns the string to write in its place
 * (the same instance when nothing changes).
 */
@FunctionalInterface
public interface TextRewriter {

    String rewrite(String text, TextSite site);
}
