package io.qorgan.gateway.protect;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import com.github.benmanes.caffeine.cache.Ticker;
import io.qorgan.gateway.detect.Finding;
import java.nio.ByteBuffer;
import java.security.GeneralSecurityException;
import java.security.SecureRandom;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.LongAdder;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * A {@link TextScanner} that remembers the findings of texts it read lately, so that a text sent again is not read
 * again: a chat client resends the whole conversation on every turn, and an agency's system prompt is the same on every
 * request. Detection is a pure function of the text, so a remembered answer is the answer.
 *
 * <p>What is kept holds no text and no value: an entry is the first 128 bits of the text's HMAC-SHA256 under a random
 * per-process key (never written anywhere), the text's length, and the findings' types and offsets. Entries live in
 * memory only, bounded in number and time ({@code protection.findingsMemo}, {@code findingsMemoTtl}; a text with
 * many findings counts as several, see {@link #weight}); a restart forgets them all. Without the key nobody can tell
 * which texts were read; with it, only by holding the text already.
 *
 * <p>Texts shorter than {@value #MIN_LENGTH} chars are read every time: their detection costs about what the look-up
 * does. Thread-safe.
 */
public final class FindingsMemo implements TextScanner {

    /** Texts shorter than this are read every time. */
    public static final int MIN_LENGTH = 64;

    private static final String MAC = "HmacSHA256";
    /** Chars a text is fed to the MAC in, two bytes each. */
    private static final int CHUNK = 2048;

    private final TextScanner scanner;
    private final Cache<Key, List<Finding>> remembered;
    private final ThreadLocal<Hasher> hashers;
    private final LongAdder hits = new LongAdder();
    private final LongAdder misses = new LongAdder();

    private FindingsMemo(TextScanner scanner, int maxTexts, Duration ttl, Ticker ticker, SecureRandom random) {
        this.scanner = scanner;
        this.remembered = Caffeine.newBuilder()
                .maximumWeight(maxTexts)
                .weigher((Key key, List<Finding> findings) -> weight(findings))
                .expireAfterWrite(ttl)
                .ticker(ticker)
                .executor(Runnable::run)
                .build();
        byte[] key = new byte[32];
        random.nextBytes(key);
        SecretKeySpec spec = new SecretKeySpec(key, MAC);
        this.hashers = ThreadLocal.withInitial(() -> new Hasher(spec));
    }

    /**
     * {@code scanner} with a memo of at most {@code maxTexts} texts, each kept for {@code ttl}; {@code scanner} itself
     * when {@code maxTexts} is 0.
     */
    public static TextScanner around(
            TextScanner scanner, int maxTexts, Duration ttl, Ticker ticker, SecureRandom random) {
        if (maxTexts < 0 || ttl.isNegative() || ttl.isZero()) {
            throw new IllegalArgumentException("maxTexts must not be negative and ttl must be positive");
        }
        return maxTexts == 0 ? scanner : new FindingsMemo(scanner, maxTexts, ttl, ticker, random);
    }

    @Override
    public List<Finding> scan(CharSequence text) {
        if (text.length() < MIN_LENGTH) {
            return scanner.scan(text);
        }
        Key key = hashers.get().key(text);
        List<Finding> known = remembered.getIfPresent(key);
        if (known != null) {
            hits.increment();
            return known;
        }
        misses.increment();
        List<Finding> found = scanner.scan(text);
        List<Finding> kept = found == null ? List.of() : List.copyOf(found);
        remembered.put(key, kept);
        return kept;
    }

    /** Findings one unit of {@code findingsMemo} holds: a text with more counts as several texts. */
    static final int FINDINGS_PER_TEXT = 8;

    /**
     * A text's share of the bound: 1, and one more for every {@value #FINDINGS_PER_TEXT} findings, so that large
     * documents full of personal data cannot fill memory while the number of texts stays in bounds.
     */
    static int weight(List<Finding> findings) {
        return 1 + findings.size() / FINDINGS_PER_TEXT;
    }

    @Override
    public TextScanner unremembered() {
        return scanner;
    }

    /** Texts answered from the memo so far. */
    public long hits() {
        return hits.sum();
    }

    /** Texts read by the scanner (and then remembered) so far. */
    public long misses() {
        return misses.sum();
    }

    /** What is remembered now, after pending expiries and evictions: for tests of what it holds. */
    Map<Key, List<Finding>> entries() {
        remembered.cleanUp();
        return Map.copyOf(remembered.asMap());
    }

    /** The first 128 bits of a text's MAC and its length: equal only for equal texts, but for chance of 2^-128. */
    record Key(long high, long low, int length) {}

    /** One thread's MAC and buffer. */
    private static final class Hasher {

        private final Mac mac;
        private final byte[] buffer = new byte[CHUNK * 2];

        Hasher(SecretKeySpec key) {
            try {
                mac = Mac.getInstance(MAC);
                mac.init(key);
            } catch (GeneralSecurityException e) {
                throw new IllegalStateException("HmacSHA256 is part of every Java runtime", e);
            }
        }

        Key key(CharSequence text) {
            int n = text.length();
            for (int from = 0; from < n; from += CHUNK) {
                int to = Math.min(n, from + CHUNK);
                int b = 0;
                for (int i = from; i < to; i++) {
                    char c = text.charAt(i);
                    buffer[b++] = (byte) c;
                    buffer[b++] = (byte) (c >>> 8);
                }
                mac.update(buffer, 0, b);
            }
            ByteBuffer tag = ByteBuffer.wrap(mac.doFinal());
            return new Key(tag.getLong(0), tag.getLong(8), n);
        }
    }
}
