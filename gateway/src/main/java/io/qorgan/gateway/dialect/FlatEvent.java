package io.qorgan.gateway.dialect;

/**
 * One stream event read without a tree: its string values with their source spans, and at
 * most one of them a text delta. A dialect offers a reader for its most common event shape
 * ({@link EventTexts#flatReader()}); {@link #read} answers false for any other shape, which
 * then goes the tree way. Reading a tree was most of a streamed event's cost, and most events
 * of a stream are one small delta.
 *
 * <p>Not thread-safe; one per stream, reused from event to event.
 */
public interface FlatEvent {

    /**
     * Reads the JSON object {@code b[from, from + length)}; false when it is not of the shape
     * this reader takes (or not clean JSON): the caller must then read it as a tree. The values
     * below hold until the next call.
     */
    boolean read(byte[] b, int from, int length);

    /** String values read, in source order. */
    int count();

    String text(int k);

    /** Where string {@code k}'s literal, quotes included, starts and ends, relative to {@code from}. */
    int start(int k);

    int end(int k);

    /**
     * The event read last, {@code b[from, from + length)}, with string {@code k} replaced by
     * {@code texts[k]} where that is not null; every other byte as it came.
     */
    byte[] splice(byte[] b, int from, int length, String[] texts);

    /** Which string is the text delta, or -1 when the event carries none. */
    int delta();

    /** The delta's channel key, as {@link EventTexts.Delta#channel()} names it. */
    String channel();

    /** The channel-key prefix this event closes (as {@link EventTexts#closes}), or null. */
    String closes();
}
