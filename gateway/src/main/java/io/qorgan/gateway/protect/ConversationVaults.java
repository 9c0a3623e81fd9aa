package io.qorgan.gateway.protect;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import com.github.benmanes.caffeine.cache.Ticker;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.SecureRandom;
import java.time.Duration;
import javax.crypto.Cipher;
import javax.crypto.SecretKey;
import javax.crypto.spec.GCMParameterSpec;
import javax.crypto.spec.SecretKeySpec;

/**
 * Vaults of APIs that keep the conversation upstream (OpenAI Responses with
 * {@code previous_response_id} or {@code store: true}), kept in memory between turns: encrypted
 * with AES-GCM under a random per-process key (scope and response id are the associated data), bounded
 * in number and time. Nothing is written to disk; a restart forgets every conversation, and a
 * turn whose vault is gone is refused with {@link VaultExpired}.
 *
 * <p>Thread-safe. Expiry follows the injected {@link Ticker}.
 */
public final class ConversationVaults {

    private static final int IV_BYTES = 12;
    private static final int TAG_BITS = 128;

    private final Cache<String, byte[]> sealed;
    private final SecretKey key;
    private final SecureRandom random;

    private ConversationVaults(Duration ttl, long maxEntries, Ticker ticker, SecureRandom random) {
        this.random = random;
        byte[] raw = new byte[32];
        random.nextBytes(raw);
        this.key = new SecretKeySpec(raw, "AES");
        this.sealed = Caffeine.newBuilder()
                .expireAfterWrite(ttl)
                .maximumSize(maxEntries)
                .ticker(ticker)
                .executor(Runnable::run)
                .build();
    }

    /**
     * @param ttl how long a conversation may pause between turns
     * @param maxEntries how many conversations are kept at most (the oldest go first)
     */
    public static ConversationVaults create(Duration ttl, long maxEntries, Ticker ticker, SecureRandom random) {
        if (ttl.isNegative() || ttl.isZero() || maxEntries < 1) {
            throw new IllegalArgumentException("ttl and maxEntries must be positive");
        }
        return new ConversationVaults(ttl, maxEntries, ticker, random);
    }

    /**
     * Keeps {@code vault} for the turn that will continue response {@code responseId}.
     *
     * @param scope who may continue it (e.g. agency and caller id): a response id is not a
     *     secret, so a vault is only resumed by the same scope
     */
    public void put(String scope, String responseId, ExchangeVault vault) {
        String slot = slot(scope, responseId);
        byte[] iv = new byte[IV_BYTES];
        random.nextBytes(iv);
        byte[] ciphertext = crypt(Cipher.ENCRYPT_MODE, iv, slot, vault.toBytes());
        sealed.put(
                slot,
                ByteBuffer.allocate(IV_BYTES + ciphertext.length)
                        .put(iv)
                        .put(ciphertext)
                        .array());
    }

    /**
     * A copy of the vault stored for {@code previousResponseId} by the same {@code scope}, to
     * protect the next turn with (numbering continues) and to restore its answer.
     *
     * @throws VaultExpired when no vault is kept for that id (unknown, expired or evicted)
     */
    public ExchangeVault resume(String scope, String previousResponseId) {
        if (scope == null || previousResponseId == null) {
            throw new VaultExpired();
        }
        String slot = slot(scope, previousResponseId);
        byte[] stored = sealed.getIfPresent(slot);
        if (stored == null) {
            throw new VaultExpired();
        }
        ByteBuffer buf = ByteBuffer.wrap(stored);
        byte[] iv = new byte[IV_BYTES];
        buf.get(iv);
        byte[] ciphertext = new byte[buf.remaining()];
        buf.get(ciphertext);
        return ExchangeVault.fromBytes(crypt(Cipher.DECRYPT_MODE, iv, slot, ciphertext));
    }

    private static String slot(String scope, String responseId) {
        return scope.length() + ":" + scope + "\u0000" + responseId;
    }

    /** Number of conversations currently kept (approximate, for metrics). */
    public long size() {
        return sealed.estimatedSize();
    }

    private byte[] crypt(int mode, byte[] iv, String slot, byte[] input) {
        try {
            Cipher cipher = Cipher.getInstance("AES/GCM/NoPadding");
            cipher.init(mode, key, new GCMParameterSpec(TAG_BITS, iv));
            cipher.updateAAD(slot.getBytes(StandardCharsets.UTF_8));
            return cipher.doFinal(input);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("conversation vault sealing failed", e);
        }
    }
}
