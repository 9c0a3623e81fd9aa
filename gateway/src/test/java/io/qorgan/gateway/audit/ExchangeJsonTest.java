package io.qorgan.gateway.audit;

import static org.assertj.core.api.Assertions.assertThat;

import io.qorgan.gateway.detect.EntityType;
import io.qorgan.gateway.identity.AuthMethod;
import io.qorgan.gateway.policy.DataClass;
import io.qorgan.gateway.protect.Operator;
import java.net.InetAddress;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.junit.jupiter.api.Test;

class ExchangeJsonTest {

    @Test
    void write_everyShapeOfRecord_theBytesTheDataBindingWrites() throws Exception {
        Random random = new Random(20261206);
        for (int i = 0; i < 5_000; i++) {
            ExchangeRecord r = record(random, i);
            byte[] fast = RecordCodec.write(r);
            assertThat(new String(fast, StandardCharsets.UTF_8))
                    .as("record %d", i)
                    .isEqualTo(new String(RecordCodec.bound(r), StandardCharsets.UTF_8));
            assertThat(RecordCodec.read(fast)).isEqualTo(r);
        }
    }

    /** Every field null, empty, small or at its extremes in turn, as the seed picks. */
    private static ExchangeRecord record(Random random, int i) throws Exception {
        EntityType[] types = EntityType.values();
        Map<EntityType, EntityCount> entities = new EnumMap<>(EntityType.class);
        Map<EntityType, Integer> answer = new EnumMap<>(EntityType.class);
        for (EntityType t : types) {
            if (random.nextInt(4) == 0) {
                Operator op = random.nextInt(5) == 0 ? null : pick(random, Operator.values());
                entities.put(t, new EntityCount(random.nextInt(40), op));
            }
            if (random.nextInt(8) == 0) {
                answer.put(t, random.nextInt(9));
            }
        }
        InetAddress client = switch (random.nextInt(3)) {
            case 0 -> null;
            case 1 -> InetAddress.getByAddress(new byte[] {10, (byte) random.nextInt(256), 0, (byte) i});
            default -> InetAddress.getByName("2001:db8::" + Integer.toHexString(i));
        };
        return ExchangeRecord.builder()
                .time(Instant.ofEpochSecond(
                        1_764_000_000L + random.nextInt(100_000_000), random.nextInt(1_000_000_000)))
                .requestId(maybe(random, "req-" + Long.toHexString(random.nextLong())))
                .caller(
                        maybe(random, "agency-" + i),
                        maybe(random, "caller.x_" + i),
                        maybe(random, AuthMethod.values()))
                .clientAddress(client)
                .route(maybe(random, "v1/" + i), maybe(random, "up:" + i), maybe(random, DataClass.values()))
                .model(maybe(random, "gpt-4o-mini+" + i))
                .verdict(pick(random, AuditVerdict.values()))
                .rules(ids(random, "rule-"), ids(random, "shadow-"))
                .entities(entities)
                .answerEntities(answer)
                .policyVersion(maybe(random, "sha256-" + i))
                .cache(maybe(random, CacheOutcome.values()))
                .status(random.nextInt(600), maybe(random, "code_" + i))
                .bytes(random.nextInt(4) == 0 ? Long.MAX_VALUE : random.nextInt(1 << 20), random.nextInt(1 << 20))
                .times(
                        random.nextBoolean()
                                ? null
                                : new ExchangeTimes(
                                        random.nextInt(10_000_000) - 1,
                                        random.nextInt(9_000) - 1,
                                        -1,
                                        random.nextLong()))
                .build();
    }

    private static List<String> ids(Random random, String prefix) {
        List<String> ids = new ArrayList<>();
        for (int n = random.nextInt(3); n > 0; n--) {
            ids.add(prefix + random.nextInt(1000));
        }
        return ids;
    }

    private static String maybe(Random random, String value) {
        return random.nextInt(6) == 0 ? null : value;
    }

    private static <E> E maybe(Random random, E[] values) {
        return random.nextInt(6) == 0 ? null : pick(random, values);
    }

    private static <E> E pick(Random random, E[] values) {
        return values[random.nextInt(values.length)];
    }
}
