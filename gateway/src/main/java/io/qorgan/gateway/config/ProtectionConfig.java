package io.qorgan.gateway.config;

import io.qorgan.gateway.crypto.SecretRef;
import io.qorgan.gateway.detect.EntityType;
import io.qorgan.gateway.protect.AnswerScanner;
import io.qorgan.gateway.protect.Operator;
import java.nio.file.Path;
import java.time.Duration;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * How personal data is protected on every route that does not opt out: what replaces each entity
 * type on the way out, what happens to personal data the model writes itself, and the keys of the
 * keyed operators.
 *
 * @param operators per entity type; types not listed use {@code fallback}
 * @param hashKey key of the {@code hash} operator (HMAC-SHA256), or null
 * @param fpeKey key of the {@code fpe} operator (FF1, 16/24/32 bytes, base64 or hex), or null
 * @param answerAction what to do with personal data the model produced itself
 * @param entitiesHeader whether answers carry {@code X-Qorgan-Entities: PERSON=2,IIN=1}
 * @param maxAnswerBytes largest non-streamed answer the gateway reads whole to restore
 * @param conversationTtl how long a Responses-API conversation's vault is kept, encrypted, in memory
 * @param maxConversations how many such vaults at most
 * @param findingsMemo how many texts' findings are remembered (no text, no value: a keyed MAC, types and offsets), so
 *     that a text sent again (a conversation's earlier turns, a system prompt) is not read again; 0 reads every text
 * @param findingsMemoTtl how long a text's findings are remembered
 * @param enabledTypes entity types the detector looks for
 * @param minScore findings below this score are ignored
 * @param extraNameLists agencies' own name lists for the detector
 * @param maxStrings most strings and object keys of one request body the gateway reads (413 above)
 * @param maxDepth most nesting of objects and arrays in one request body (413 above)
 * @param maxTerms most words of one request's texts that policies' content rules analyse (413 above)
 * @param maxFindings most values of personal data found in one request, repeats included (413 above)
 */
public record ProtectionConfig(
        Map<EntityType, Operator> operators,
        Operator fallback,
        SecretRef hashKey,
        SecretRef fpeKey,
        AnswerScanner.Action answerAction,
        boolean entitiesHeader,
        int maxAnswerBytes,
        Duration conversationTtl,
        int maxConversations,
        int findingsMemo,
        Duration findingsMemoTtl,
        Set<EntityType> enabledTypes,
        double minScore,
        List<Path> extraNameLists,
        int maxStrings,
        int maxDepth,
        int maxTerms,
        int maxFindings) {

    /** Jackson refuses deeper documents by itself, as malformed: a larger depth could never be reached. */
    public static final int MAX_DEPTH_LIMIT = 1000;

    public ProtectionConfig {
        operators = Map.copyOf(operators);
        enabledTypes = Set.copyOf(enabledTypes);
        extraNameLists = List.copyOf(extraNameLists);
    }

    /** Placeholders for everything, personal data in answers counted and left, all types detected. */
    public static ProtectionConfig defaults() {
        return new ProtectionConfig(
                new EnumMap<>(EntityType.class),
                Operator.PLACEHOLDER,
                null,
                null,
                AnswerScanner.Action.LEAVE,
                true,
                32 * 1024 * 1024,
                Duration.ofHours(1),
                100_000,
                20_000,
                Duration.ofMinutes(10),
                Set.of(EntityType.values()),
                0.5,
                List.of(),
                100_000,
                64,
                2_000_000,
                10_000);
    }
}
