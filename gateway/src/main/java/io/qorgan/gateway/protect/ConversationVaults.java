package io.qorgan.gateway.protect;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import com.github.benmanes.caffeine.cache.Ticker;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.SecureRandom;
import java.time.Duration;
import java.util.HexFormat;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import javax.crypto.Cipher;
import javax.crypto.Mac;
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
 * <p>When the gateways of a fleet share a store ({@link SharedTier}), every node seals with a key they all hold, and
 * each sealed vault also goes to the store, under an id derived from scope and response id with that key (neither
 * appears in it), expiring with the same time to live: any node can then {@link #fetch} a conversation another node
 * stored and continue it. The store only ever holds ciphertext.
 *
 * <p>Thread-safe. Expiry follows the injected {@link Ticker}.
 */
public final class ConversationVaults {

    private static final int IV_BYTES = 12;
    private static final int TAG_BITS = 128;

    private final Cache<String, byte[]> sealed;
    private final SecretKey key;
    private final SecureRandom random;
    private final Duration ttl;
    /** The fleet's store, or null when vaults stay on this node. */
    private final SharedTier tier;
    /** Names slots in the store; null without one. */
    private final SecretKeySpec idKey;

    /**
     * Where sealed vaults are kept for every node of a fleet (Redis or Valkey). Implementations never block; a failed
     * stage means the store could not be used.
     */
    public interface SharedTier {
        /** The sealed vault stored under {@code id}, or null when there is none. */
        CompletionStage<byte[]> load(String id);

        /** Stores a sealed vault under {@code id} for {@code ttl}. */
        CompletionStage<Void> save(String id, byte[] sealed, Duration ttl);
    }

    private ConversationVaults(
            Duration ttl, long maxEntries, Ticker ticker, SecureRandom random, byte[] sharedKey, SharedTier tier) {
        this.random = random;
        this.ttl = ttl;
        this.tier = tier;
        if (sharedKey == null) {
            byte[] raw = new byte[32];
            random.nextBytes(raw);
            this.key = new SecretKeySpec(raw, "AES");
            this.idKey = null;
        } else {
            this.key = new SecretKeySpec(derive(sharedKey, "qorgan conversation seal"), "AES");
            this.idKey = new SecretKeySpec(derive(sharedKey, "qorgan conversation id"), "HmacSHA256");
        }
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
        return new ConversationVaults(ttl, maxEntries, ticker, random, null, null);
    }

    /**
     * Vaults shared by the nodes of a fleet through {@code tier}, sealed under keys derived from {@code sharedKey}
     * (at least 32 bytes, the same on every node).
     */
    public static ConversationVaults shared(
            Duration ttl, long maxEntries, Ticker ticker, SecureRandom random, byte[] sharedKey, SharedTier tier) {
        if (ttl.isNegative() || ttl.isZero() || maxEntries < 1) {
            throw new IllegalArgumentException("ttl and maxEntries must be positive");
        }
        if (sharedKey == null || sharedKey.length < 32) {
            throw new IllegalArgumentException("the shared key must have at least 32 bytes");
        }
        return new ConversationVaults(ttl, maxEntries, ticker, random, sharedKey.clone(), tier);
    }

    /** Whether vaults are shared with the other nodes of a fleet. */
    public boolean shared() {
        return tier != null;
    }

    /**
     * Makes the vault stored for {@code previousResponseId} by {@code scope} available to {@link #resume} on this
     * node, fetching it from the fleet's store when this node does not hold it. Completes normally when there is none
     * (the resume refuses it then), and exceptionally when the store could not be asked.
     */
    public CompletionStage<Void> fetch(String scope, String previousResponseId) {
        String slot = slot(scope, previousResponseId);
        if (tier == null || sealed.getIfPresent(slot) != null) {
            return CompletableFuture.completedFuture(null);
        }
        return tier.load(storeId(slot)).thenAccept(bytes -> {
            if (bytes != null) {
                sealed.put(slot, bytes);
            }
        });
    }

    private String storeId(String slot) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(idKey);
            return HexFormat.of().formatHex(mac.doFinal(slot.getBytes(StandardCharsets.UTF_8)));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("conversation id failed", e);
        }
    }

    private static byte[] derive(byte[] key, String purpose) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(key, "HmacSHA256"));
            return mac.doFinal(purpose.getBytes(StandardCharsets.UTF_8));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("key derivation failed", e);
        }
    }

    /**
     * Keeps {@code vault} for the turn that will continue response {@code responseId}.
     *
     * @param scope who may continue it (e.g. agency and caller id): a response id is not a
     *     secret, so a vault is only resumed by the same scope
     * @return completes when the fleet's store holds it too (at once without a store); exceptionally when it could
     *     not be stored there
     */
    public CompletionStage<Void> put(String scope, String responseId, ExchangeVault vault) {
        String slot = slot(scope, responseId);
        byte[] iv = new byte[IV_BYTES];
        random.nextBytes(iv);
        byte[] ciphertext = crypt(Cipher.ENCRYPT_MODE, iv, slot, vault.toBytes());
        byte[] bytes = ByteBuffer.allocate(IV_BYTES + ciphertext.length)
                .put(iv)
                .put(ciphertext)
                .array();
        sealed.put(slot, bytes);
        return tier == null ? CompletableFuture.completedFuture(null) : tier.save(storeId(slot), bytes, ttl);
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
