package io.qorgan.gateway.detect;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.apache.lucene.util.IntsRefBuilder;
import org.apache.lucene.util.fst.FST;
import org.apache.lucene.util.fst.FSTCompiler;
import org.apache.lucene.util.fst.PositiveIntOutputs;
import org.apache.lucene.util.fst.Util;

/**
 * Lower-case name words in a Lucene FST, each with flags: a first name, a name that is also an ordinary word, a
 * surname. Built once from the bundled lists plus any lists an agency adds; immutable and safe to share.
 */
final class NameDictionary {

    static final long FIRST_NAME = 1;
    static final long ORDINARY_WORD = 2;
    static final long SURNAME = 4;

    private static final String BASE = "/io/qorgan/gateway/detect/";

    private final FST<Long> fst;
    /**
     * A Bloom filter over every word of the FST (two hashes, about 16 bits a word): most capitalised words of a text
     * are not names, and the filter answers "not in the dictionary" without walking the FST. Never wrong about a
     * word that is in it, so lookups give exactly the FST's answers. Immutable after construction.
     */
    private final long[] bloom;
    private final int bloomMask;

    private NameDictionary(FST<Long> fst, java.util.Set<String> words) {
        this.fst = fst;
        int bits = Integer.highestOneBit(Math.max(1 << 12, words.size() * 16) - 1) << 1;
        this.bloom = new long[bits >>> 6];
        this.bloomMask = bits - 1;
        for (String w : words) {
            add(hash1(0, w, 0, w.length()), hash2(0, w, 0, w.length()));
        }
    }

    private static final int M1 = 31;
    private static final int M2 = 0x01000193;

    /** Polynomial hashes, continued from {@code h} over {@code chars[from, to)}, so a stem's hash extends to stem + ending. */
    private static int hash1(int h, CharSequence chars, int from, int to) {
        for (int i = from; i < to; i++) {
            h = h * M1 + chars.charAt(i);
        }
        return h;
    }

    private static int hash2(int h, CharSequence chars, int from, int to) {
        for (int i = from; i < to; i++) {
            h = (h ^ chars.charAt(i)) * M2;
        }
        return h;
    }

    private void add(int h1, int h2) {
        set(mix(h1));
        set(mix(h2));
    }

    private void set(int bit) {
        int b = bit & bloomMask;
        bloom[b >>> 6] |= 1L << b;
    }

    private boolean mightContain(int h1, int h2) {
        int a = mix(h1) & bloomMask;
        int b = mix(h2) & bloomMask;
        return (bloom[a >>> 6] & (1L << a)) != 0 && (bloom[b >>> 6] & (1L << b)) != 0;
    }

    private static int mix(int h) {
        h ^= h >>> 16;
        h *= 0x85EBCA6B;
        h ^= h >>> 13;
        return h;
    }

    /** Whether a word of {@code chars[0, to)} followed by {@code suffix} may be in the dictionary. */
    private boolean mightContain(CharSequence chars, int to, String suffix) {
        return mightContain(hash1(hash1(0, chars, 0, to), suffix, 0, suffix.length()),
                hash2(hash2(0, chars, 0, to), suffix, 0, suffix.length()));
    }

    static NameDictionary load(List<Path> extraFirstNames) {
        Map<String, Long> words = new TreeMap<>();
        for (String file : List.of("names-kk.txt", "names-ru.txt", "names-en.txt")) {
            readResource(file, words, FIRST_NAME);
        }
        readResource("name-words.txt", words, ORDINARY_WORD);
        readResource("surnames.txt", words, SURNAME);
        for (Path path : extraFirstNames) {
            try (BufferedReader reader = Files.newBufferedReader(path, StandardCharsets.UTF_8)) {
                read(reader, words, FIRST_NAME);
            } catch (IOException e) {
                throw new UncheckedIOException("cannot read the name list " + path.getFileName(), e);
            }
        }
        return new NameDictionary(build(words), words.keySet());
    }

    private static void readResource(String name, Map<String, Long> words, long flag) {
        InputStream in = NameDictionary.class.getResourceAsStream(BASE + name);
        if (in == null) {
            throw new IllegalStateException("missing resource " + name);
        }
        try (BufferedReader reader = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8))) {
            read(reader, words, flag);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read resource " + name, e);
        }
    }

    private static void read(BufferedReader reader, Map<String, Long> words, long flag) throws IOException {
        String line;
        while ((line = reader.readLine()) != null) {
            String trimmed = line.strip();
            if (trimmed.isEmpty() || trimmed.startsWith("#")) {
                continue;
            }
            for (String word : trimmed.split("[\\s,;]+")) {
                if (!word.isEmpty()) {
                    words.merge(NameForms.fold(word), flag, (a, b) -> a | b);
                }
            }
        }
    }

    private static FST<Long> build(Map<String, Long> words) {
        try {
            PositiveIntOutputs outputs = PositiveIntOutputs.getSingleton();
            FSTCompiler<Long> compiler = new FSTCompiler.Builder<>(FST.INPUT_TYPE.BYTE2, outputs).build();
            IntsRefBuilder scratch = new IntsRefBuilder();
            for (Map.Entry<String, Long> e : words.entrySet()) { // TreeMap: sorted by UTF-16 order, as BYTE2 needs
                compiler.add(Util.toUTF16(e.getKey(), scratch), e.getValue());
            }
            return FST.fromFSTReader(compiler.compile(), compiler.getFSTReader());
        } catch (IOException e) {
            throw new UncheckedIOException("cannot build the name dictionary", e);
        }
    }

    /** Flags of a folded word, 0 when unknown. */
    long flags(CharSequence folded) {
        if (!mightContain(folded, folded.length(), "")) {
            return 0;
        }
        try {
            FST.BytesReader reader = fst.getBytesReader();
            FST.Arc<Long> arc = fst.getFirstArc(new FST.Arc<>());
            long output = walk(arc, 0, folded, 0, folded.length(), reader);
            return output < 0 ? 0 : finalOutput(arc, output);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /**
     * Flags of a word or of its base form once a declension ending is taken off (and "а", "я", "й" or "ь" put
     * back: "Анны" → "анна", "Сергея" → "сергей"). Walks the FST without building strings.
     */
    long lookup(String folded) {
        long f = flags(folded);
        if (f != 0 || folded.isEmpty() || folded.charAt(0) < 0x80) {
            return f; // English names are not declined
        }
        try {
            FST.BytesReader reader = fst.getBytesReader();
            for (String ending : NameForms.endingsOf(folded)) {
                int stemLength = folded.length() - ending.length();
                if (stemLength < 3 || !folded.endsWith(ending) || !stemMayBeKnown(folded, stemLength)) {
                    continue;
                }
                FST.Arc<Long> stem = fst.getFirstArc(new FST.Arc<>());
                long output = walk(stem, 0, folded, 0, stemLength, reader);
                if (output < 0) {
                    continue;
                }
                long exact = finalOutput(stem, output);
                if (exact != 0) {
                    return exact;
                }
                for (String restore : NameForms.RESTORED_ENDINGS) {
                    FST.Arc<Long> arc = new FST.Arc<Long>().copyFrom(stem);
                    long o = walk(arc, output, restore, 0, restore.length(), reader);
                    long v = o < 0 ? 0 : finalOutput(arc, o);
                    if (v != 0) {
                        return v;
                    }
                }
            }
            return 0;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    // The stem alone or with a restored ending may be a word: otherwise the FST walks below would all find nothing.
    private boolean stemMayBeKnown(String folded, int stemLength) {
        if (mightContain(folded, stemLength, "")) {
            return true;
        }
        for (String restore : NameForms.RESTORED_ENDINGS) {
            if (mightContain(folded, stemLength, restore)) {
                return true;
            }
        }
        return false;
    }

    /** Follows {@code chars[from, to)} from {@code arc}; the summed output, or -1 when the path leaves the FST. */
    private long walk(FST.Arc<Long> arc, long output, CharSequence chars, int from, int to, FST.BytesReader reader)
            throws IOException {
        long out = output;
        for (int i = from; i < to; i++) {
            if (fst.findTargetArc(chars.charAt(i), arc, arc, reader) == null) {
                return -1;
            }
            out += arc.output();
        }
        return out;
    }

    private static long finalOutput(FST.Arc<Long> arc, long output) {
        return arc.isFinal() ? output + arc.nextFinalOutput() : 0;
    }
}
