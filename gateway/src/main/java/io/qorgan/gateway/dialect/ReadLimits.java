package io.qorgan.gateway.dialect;

/**
 * How much of a request body the gateway reads before it refuses the rest ({@code request_too_complex}): the work
 * of protecting and judging a request grows with its strings, and the walk's bookkeeping with its nesting, so both
 * are bounded whatever the body's size in bytes. Strings inside tool-call arguments (JSON in a string) count too, and
 * their nesting adds to that of the string they sit in.
 *
 * @param maxStrings string values and object keys of one body ({@code protection.maxStrings})
 * @param maxDepth objects and arrays inside one another ({@code protection.maxDepth})
 */
public record ReadLimits(int maxStrings, int maxDepth) {

    /**
     * Far above what an API request needs (a chat with large tool schemas holds a few thousand strings and nests a
     * few dozen levels), far below what hurts: a hundred thousand short strings cost a few megabytes.
     */
    public static final ReadLimits DEFAULTS = new ReadLimits(100_000, 64);

    public ReadLimits {
        if (maxStrings < 1 || maxDepth < 1) {
            throw new IllegalArgumentException("read limits must be positive");
        }
    }
}
