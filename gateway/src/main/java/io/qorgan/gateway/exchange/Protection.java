package io.qorgan.gateway.exchange;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import com.github.benmanes.caffeine.cache.Ticker;
import io.qorgan.gateway.config.ProtectionConfig;
import io.qorgan.gateway.crypto.SecretRef;
import io.qorgan.gateway.detect.EntityType;
import io.qorgan.gateway.dialect.ReadLimits;
import io.qorgan.gateway.protect.AnswerScanner;
import io.qorgan.gateway.protect.ConversationVaults;
import io.qorgan.gateway.protect.Operator;
import io.qorgan.gateway.protect.ProtectionKeys;
import io.qorgan.gateway.protect.ProtectionSettings;
import io.qorgan.gateway.protect.RequestProtector;
import io.qorgan.gateway.protect.TextScanner;
import io.qorgan.gateway.protect.ValueKey;
import java.io.IOException;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.EnumMap;
import java.util.HexFormat;
import java.util.Map;

/**
 * The protection parts every exchange shares, built once from configuration: the request
 * protector (detection and operators), the answer scanner, and the encrypted store of
 * Responses-API conversation vaults. Thread-safe.
 */
public record Protection(
        ProtectionConfig config,
        ProtectionSettings baseSettings,
        RequestProtector protector,
        Map<AnswerScanner.Action, AnswerScanner> answerScanners,
        ConversationVaults conversations,
        TextScanner scanner,
        ValueKey valueKey,
        Cache<ProtectionSettings, RequestProtector> protectors) {

    /** The scanner for the configured answer action. */
    public AnswerScanner answerScanner() {
        return answerScanners.get(config.answerAction());
    }

    /** The scanner for an answer action a policy chose. */
    public AnswerScanner answerScanner(AnswerScanner.Action action) {
        return answerScanners.get(action);
    }

    /**
     * The protector for settings a policy derived from the base ones; built once per distinct
     * settings (policies name a handful), so requests never build one.
     */
    public RequestProtector protector(ProtectionSettings settings) {
        if (settings.equals(baseSettings)) {
            return protector;
        }
        return protectors.get(
                settings, s -> RequestProtector.create(scanner, valueKey, s, readLimits(config), config.maxFindings()));
    }

    /**
     * @throws IllegalStateException naming the setting when a key cannot be read or is unusable
     *     (never the key itself)
     */
    public static Protection create(
            ProtectionConfig config, TextScanner scanner, ValueKey valueKey, SecureRandom random) {
        return create(
                config,
                scanner,
                valueKey,
                random,
                ConversationVaults.create(
                        config.conversationTtl(), config.maxConversations(), Ticker.systemTicker(), random));
    }

    /** As {@link #create(ProtectionConfig, TextScanner, ValueKey, SecureRandom)}, with the conversations' vaults. */
    public static Protection create(
            ProtectionConfig config,
            TextScanner scanner,
            ValueKey valueKey,
            SecureRandom random,
            ConversationVaults conversations) {
        ProtectionKeys keys = new ProtectionKeys(
                key("protection.hashKey", config.hashKey()), key("protection.fpeKey", config.fpeKey()));
        ProtectionSettings settings;
        try {
            settings = new ProtectionSettings(Map.of(), config.fallback(), keys);
            for (Map.Entry<EntityType, Operator> e : config.operators().entrySet()) {
                settings = settings.with(e.getKey(), e.getValue());
            }
        } catch (IllegalArgumentException e) {
            throw new IllegalStateException("protection settings unusable: " + e.getMessage());
        }
        Map<AnswerScanner.Action, AnswerScanner> scanners = new EnumMap<>(AnswerScanner.Action.class);
        for (AnswerScanner.Action action : AnswerScanner.Action.values()) {
            scanners.put(action, AnswerScanner.create(scanner, valueKey, action));
        }
        return new Protection(
                config,
                settings,
                RequestProtector.create(scanner, valueKey, settings, readLimits(config), config.maxFindings()),
                Map.copyOf(scanners),
                conversations,
                scanner,
                valueKey,
                Caffeine.newBuilder().maximumSize(1024).build());
    }

    /** How much of a request body protection reads before refusing it as too complex. */
    private static ReadLimits readLimits(ProtectionConfig config) {
        return new ReadLimits(config.maxStrings(), config.maxDepth());
    }

    /** A key given as hex or base64 through a secret reference. */
    private static byte[] key(String setting, SecretRef ref) {
        if (ref == null) {
            return null;
        }
        String text;
        try {
            text = ref.resolve().strip();
        } catch (IOException e) {
            throw new IllegalStateException(setting + ": " + e.getMessage());
        }
        try {
            if (text.length() % 2 == 0 && text.chars().allMatch(c -> Character.digit(c, 16) >= 0)) {
                return HexFormat.of().parseHex(text);
            }
            return Base64.getDecoder().decode(text);
        } catch (IllegalArgumentException e) {
            throw new IllegalStateException(setting + ": " + ref + " is neither hex nor base64");
        }
    }
}
