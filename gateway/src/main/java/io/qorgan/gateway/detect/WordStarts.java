package io.qorgan.gateway.detect;

/**
 * The word starts of a view, and the same starts sorted into candidate lists by what their first chars can begin,
 * so that each recognizer walks only the positions that can concern it instead of every word start.
 *
 * <p>The view's one pass over the text lists the word starts, the lists of their first chars and the {@code @} signs;
 * the constructor then gives each start a mask of lists from those and one bit test of its first two lower-case chars
 * against the pairs that begin a cue of any {@link CueIndex} (so cue indexes look only at starts where some cue may
 * begin), and copies the starts into one array, list after list. A list holds every start its recognizers would not
 * skip at once, and maybe more: they still apply their own tests. Few, wide lists: sorting into a list costs about as
 * much as a recognizer's quick test of a start it need not have seen. Immutable.
 */
final class WordStarts {

    /** A digit, {@code +} or {@code (}: phones and cards. */
    static final int NUMBER = 0;
    /** An upper-case letter ({@link Chars#isUpperCase}): names, IBANs. */
    static final int CAPITAL = 1;
    /**
     * A digit, an upper-case letter, or a pair that may begin an address marker: address chains, IINs
     * ({@code IIN123…}) and plates.
     */
    static final int ADDRESS = 2;
    /**
     * An ASCII hex digit, a colon, or the first char of a key prefix ({@code sk-}, {@code ghp_}, {@code xoxb-},
     * {@code AKIA}), a JWT ({@code eyJ}) or a PEM block ({@code -----}): IP addresses and secrets.
     */
    static final int CODE = 3;
    /** The first two lower-case chars may begin a cue of some {@link CueIndex} in {@link #CUE_INDEXES}. */
    static final int CUE = 4;

    private static final int LISTS = 5;

    /**
     * The lists a first char puts a start in (as bits), by table for the chars of kk/ru/en text; past the table a
     * char is in a list only as a capital. Made before the cue indexes: TextView's table reads it, and so must not
     * find it unset should their classes' initialisation ever reach TextView.
     */
    private static final byte[] LISTS_OF = listsOf();
    /** Every cue index whose cues a view lists in {@link #CUE}; {@link CueIndex#find} checks it is one of these. */
    private static final CueIndex[] CUE_INDEXES = {
        PersonRecognizer.INTRODUCTIONS,
        PersonRecognizer.NAME_KEYS,
        SecretRecognizer.LABEL_INDEX,
        IdDocumentRecognizer.CUE_INDEX,
        DateOfBirthRecognizer.ANY_CUE,
        AddressRecognizer.MARKER_STARTS
    };

    /** {@link CueIndex#pairMasks} of {@link #CUE_INDEXES}: bit j for the j-th index. */
    private static final byte[] CUE_MASKS = CueIndex.pairMasks(CUE_INDEXES);

    private static final long[] CUE_PAIRS = pairs(CUE_MASKS);

    private static long[] pairs(byte[] masks) {
        long[] bits = new long[masks.length / 64];
        for (int i = 0; i < masks.length; i++) {
            if (masks[i] != 0) {
                bits[i >>> 6] |= 1L << i;
            }
        }
        return bits;
    }

    private static final int CAPITAL_LISTS = 1 << CAPITAL | 1 << ADDRESS;

    /** The bit of {@link AddressRecognizer#MARKER_STARTS} in a start's cue mask: a lower-case start joins ADDRESS by it. */
    private static final int MARKER_BIT = cueBitOf(AddressRecognizer.MARKER_STARTS);

    /** The lists a start whose first char is {@code c} is in, as bits, before its cue pair is tested. */
    static int listsOf(char c) {
        return c < LISTS_OF.length ? LISTS_OF[c] : Chars.isUpperCase(c) ? CAPITAL_LISTS : 0;
    }

    private static byte[] listsOf() {
        byte[] lists = new byte[0x530];
        for (char c = 0; c < lists.length; c++) {
            int bits = Chars.isUpperCase(c) ? CAPITAL_LISTS : 0;
            if (Chars.isDigit(c)) {
                bits |= 1 << NUMBER | 1 << ADDRESS;
            }
            if (c == '+' || c == '(') {
                bits |= 1 << NUMBER;
            }
            if (Chars.isHex(c) || c == ':' || "sgxAe-".indexOf(c) >= 0) {
                bits |= 1 << CODE;
            }
            lists[c] = (byte) bits;
        }
        return lists;
    }

    private final int[] all;
    private final int count;
    private final int[] ats;
    private final int atCount;
    /**
     * List {@code l} is {@code sorted[l * stride, ends[l])}: each list has a region of {@code count + 1} slots, room
     * for every start and the one spare slot that the branch-free fill overwrites for every start not in the list.
     */
    private final int[] sorted;

    private final int stride;
    private final int[] ends = new int[LISTS];
    /** For each start of the {@link #CUE} list, in its order: the bits of the {@link #CUE_INDEXES} it may begin a cue of. */
    private final byte[] cueMasks;

    /**
     * Sorts the word starts {@code all[0, count)} (ascending) of a view's lower case into the lists;
     * {@code masks[k]} is {@link #listsOf} the first char of start {@code k}, which the view's scan reads from its
     * table anyway. {@code ats[0, atCount)} are the positions of the {@code @} signs. Keeps the arrays.
     */
    WordStarts(int[] all, byte[] masks, int count, int[] ats, int atCount, char[] lower) {
        this.all = all;
        this.count = count;
        this.ats = ats;
        this.atCount = atCount;
        // one local per list, filled without a branch: a data-dependent branch per start and list, or cursors in an
        // array, cost more than all the recognizers' loops they replace; a region per list as large as all the starts
        // makes it one pass, where counting each list's size first took a second one
        stride = count + 1;
        int[] out = new int[LISTS * stride];
        byte[] cueList = new byte[stride];
        int number = NUMBER * stride;
        int capital = CAPITAL * stride;
        int address = ADDRESS * stride;
        int code = CODE * stride;
        int cue = CUE * stride;
        int last = lower.length - 1;
        for (int k = 0; k < count; k++) {
            int p = all[k];
            int cueBits = 0;
            if (p < last) {
                int bit = CueIndex.pairBit(lower[p], lower[p + 1]);
                if ((CUE_PAIRS[bit >>> 6] & 1L << bit) != 0) {
                    cueBits = CUE_MASKS[bit] & 0xFF;
                }
            }
            // in CUE when some index may begin here, in ADDRESS when a marker may; mixed text: no branch
            int mask = masks[k] | (-cueBits >> 31) & 1 << CUE | (-(cueBits & MARKER_BIT) >> 31) & 1 << ADDRESS;
            out[number] = p;
            number += mask >>> NUMBER & 1;
            out[capital] = p;
            capital += mask >>> CAPITAL & 1;
            out[address] = p;
            address += mask >>> ADDRESS & 1;
            out[code] = p;
            code += mask >>> CODE & 1;
            out[cue] = p;
            cueList[cue - CUE * stride] = (byte) cueBits; // 0 unless cue moves on: a spare slot stays 0
            cue += mask >>> CUE & 1;
        }
        ends[NUMBER] = number;
        ends[CAPITAL] = capital;
        ends[ADDRESS] = address;
        ends[CODE] = code;
        ends[CUE] = cue;
        sorted = out;
        cueMasks = cueList;
    }

    /** All word starts, ascending, in {@code [0, count())}; shared, do not modify. */
    int[] all() {
        return all;
    }

    int count() {
        return count;
    }

    /** The candidate lists, each ascending: list {@code l} is {@code [first(l), end(l))}; shared, do not modify. */
    int[] sorted() {
        return sorted;
    }

    int first(int list) {
        return list * stride;
    }

    int end(int list) {
        return ends[list];
    }

    /** Positions of the {@code @} signs, ascending, in {@code [0, atCount())}; shared, do not modify. */
    int[] ats() {
        return ats;
    }

    int atCount() {
        return atCount;
    }

    /**
     * For the start {@code sorted()[k]} of the {@link #CUE} list, {@code cueMasks()[k - first(CUE)]} has the
     * {@link #cueBitOf} of each listed index whose cues may begin there; shared, do not modify.
     */
    byte[] cueMasks() {
        return cueMasks;
    }

    /**
     * The bit of {@code index} in {@link #cueMasks} when {@link #CUE} lists every word start where a cue of it may
     * begin, else 0.
     */
    static int cueBitOf(CueIndex index) {
        for (int j = 0; j < CUE_INDEXES.length; j++) {
            if (CUE_INDEXES[j] == index) {
                return 1 << j;
            }
        }
        return 0;
    }
}
