package io.qorgan.gateway.protect;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.github.benmanes.caffeine.cache.Ticker;
import io.qorgan.gateway.detect.Detector;
import io.qorgan.gateway.detect.EntityType;
import io.qorgan.gateway.detect.Finding;
import java.security.SecureRandom;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;

class FindingsMemoTest {

    private static final Detector DETECTOR = Detector.defaults();

    /** Synthetic values; the IIN's check digit is valid so the detector must find it. */
    private static final String CANARY_IIN = "900515301234";

    private static final String LETTER = "Заявитель Ахметов Нұрлан Серікұлы, ЖСН " + CANARY_IIN
            + ", тел. +7 701 123 45 67, проживает: г. Алматы, ул. Абая, д. 10, кв. 25. Прошу рассмотреть.";
    private static final String SYSTEM_PROMPT =
            "You are a support assistant for a public service centre. Answer briefly"
                    + " and politely, in the language of the citizen, and never repeat identity numbers back.";

    private final AtomicLong nanos = new AtomicLong();
    private final Ticker ticker = nanos::get;
    private final AtomicInteger reads = new AtomicInteger();
    private final TextScanner counting = text -> {
        reads.incrementAndGet();
        return DETECTOR.detect(text);
    };

    private FindingsMemo memo(int maxTexts) {
        return (FindingsMemo)
                FindingsMemo.around(counting, maxTexts, Duration.ofMinutes(10), ticker, new SecureRandom());
    }

    @Test
    void scan_textSentAgain_sameFindingsWithoutReadingIt() {
        FindingsMemo memo = memo(100);
        List<Finding> direct = DETECTOR.detect(LETTER);
        assertThat(direct).extracting(Finding::type).contains(EntityType.PERSON, EntityType.IIN, EntityType.ADDRESS);

        assertThat(memo.scan(LETTER)).isEqualTo(direct);
        assertThat(memo.scan(new StringBuilder(LETTER))).isEqualTo(direct);
        assertThat(memo.scan(SYSTEM_PROMPT)).isEqualTo(DETECTOR.detect(SYSTEM_PROMPT));
        assertThat(memo.scan(SYSTEM_PROMPT)).isEmpty();

        assertThat(reads).hasValue(2);
        assertThat(memo.misses()).isEqualTo(2);
        assertThat(memo.hits()).isEqualTo(2);
    }

    @Test
    void scan_textsDifferingInOneChar_eachReadOnItsOwn() {
        FindingsMemo memo = memo(100);
        String other = LETTER.replace(CANARY_IIN, "900515301235"); // same length, check digit now wrong

        List<Finding> first = memo.scan(LETTER);
        List<Finding> second = memo.scan(other);

        assertThat(reads).hasValue(2);
        assertThat(first).extracting(Finding::type).contains(EntityType.IIN);
        assertThat(second).isEqualTo(DETECTOR.detect(other)).isNotEqualTo(first);
    }

    @Test
    void scan_shortText_readEveryTime() {
        FindingsMemo memo = memo(100);
        String shortText = "ЖСН " + CANARY_IIN;
        assertThat(shortText.length()).isLessThan(FindingsMemo.MIN_LENGTH);

        memo.scan(shortText);
        memo.scan(shortText);

        assertThat(reads).hasValue(2);
        assertThat(memo.entries()).isEmpty();
    }

    @Test
    void scan_afterTimeToLive_readAgain() {
        FindingsMemo memo = memo(100);
        memo.scan(LETTER);
        nanos.addAndGet(Duration.ofMinutes(9).toNanos());
        memo.scan(LETTER);
        assertThat(reads).hasValue(1);

        nanos.addAndGet(Duration.ofMinutes(2).toNanos());
        memo.scan(LETTER);

        assertThat(reads).hasValue(2);
    }

    @Test
    void scan_moreTextsThanItKeeps_keepsAtMostItsBound() {
        FindingsMemo memo = memo(10);
        for (int i = 0; i < 100; i++) {
            memo.scan(SYSTEM_PROMPT + " Case " + i + ".");
        }
        assertThat(memo.entries()).hasSizeLessThanOrEqualTo(10);
    }

    @Test
    void scan_documentsFullOfPersonalData_countAsManyTexts() {
        FindingsMemo memo = memo(40);
        String crowded = (LETTER + "\n").repeat(12); // dozens of findings
        int weight = FindingsMemo.weight(DETECTOR.detect(crowded));
        assertThat(weight).isGreaterThan(4);

        for (int i = 0; i < 20; i++) {
            memo.scan(crowded + "Обращение " + i + ".");
        }

        int kept = memo.entries().size();
        assertThat(kept).isPositive().isLessThanOrEqualTo(40 / weight);
    }

    @Test
    void entries_holdNoTextAndNoValue() {
        FindingsMemo memo = memo(100);
        memo.scan(LETTER);
        memo.scan(SYSTEM_PROMPT);

        assertThat(memo.entries()).hasSize(2);
        assertThat(FindingsMemo.Key.class.getRecordComponents())
                .allSatisfy(c -> assertThat(c.getType().isPrimitive()).isTrue());
        String everything = memo.entries().toString();
        for (String canary : List.of(CANARY_IIN, "Ахметов", "Нұрлан", "701 123 45 67", "Абая", "support assistant")) {
            assertThat(everything).doesNotContain(canary);
        }
    }

    @Test
    void scan_scannerFails_failureReachesCallerAndNothingRemembered() {
        AtomicInteger calls = new AtomicInteger();
        TextScanner failing = text -> {
            if (calls.incrementAndGet() == 1) {
                throw new IllegalStateException("detector broke");
            }
            return DETECTOR.detect(text);
        };
        TextScanner memo = FindingsMemo.around(failing, 100, Duration.ofMinutes(10), ticker, new SecureRandom());

        assertThatThrownBy(() -> memo.scan(LETTER)).hasMessage("detector broke");
        assertThat(memo.scan(LETTER)).isEqualTo(DETECTOR.detect(LETTER));
        assertThat(calls).hasValue(2);
    }

    @Test
    void scan_rememberedFindings_cannotBeChangedByACaller() {
        FindingsMemo memo = memo(100);
        List<Finding> first = memo.scan(LETTER);

        assertThatThrownBy(first::clear).isInstanceOf(UnsupportedOperationException.class);
        assertThat(memo.scan(LETTER)).isEqualTo(DETECTOR.detect(LETTER));
    }

    @Test
    void answerScanner_wholeAnswerRemembered_streamedWindowsNot() {
        FindingsMemo memo = memo(100);
        for (AnswerScanner.Action action : AnswerScanner.Action.values()) {
            AnswerScanner answers = AnswerScanner.create(memo, ValueKey.simple(), action);
            AnswerScanner.Session session = answers.session(new ExchangeVault());
            String answer = LETTER.repeat(12);
            for (int at = 0; at < answer.length(); at += 40) {
                session.pass("content", answer.substring(at, Math.min(answer.length(), at + 40)), false, false);
            }
            session.pass("content", "", false, true);
            assertThat(session.counts()).isNotEmpty();
        }
        assertThat(memo.entries()).isEmpty(); // the growing windows of a stream are never sent again as they are

        AnswerScanner.create(memo, ValueKey.simple(), AnswerScanner.Action.LEAVE)
                .scan(LETTER, new ExchangeVault());
        assertThat(memo.entries()).hasSize(1);
        assertThat(memo.unremembered()).isSameAs(counting);
    }

    @Test
    void around_noTextsToKeep_isTheScannerItself() {
        assertThat(FindingsMemo.around(counting, 0, Duration.ofMinutes(1), ticker, new SecureRandom()))
                .isSameAs(counting);
        assertThatThrownBy(() -> FindingsMemo.around(counting, -1, Duration.ofMinutes(1), ticker, new SecureRandom()))
                .isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void scan_manyThreadsOnSameTexts_allGetTheDetectorsFindings() throws Exception {
        FindingsMemo memo = memo(1000);
        List<String> texts = new ArrayList<>();
        for (int i = 0; i < 20; i++) {
            texts.add(LETTER.replace("д. 10", "д. " + (10 + i)));
        }
        ExecutorService pool = Executors.newFixedThreadPool(4);
        try {
            List<Future<Boolean>> results = new ArrayList<>();
            for (int t = 0; t < 4; t++) {
                results.add(pool.submit(() -> {
                    for (int round = 0; round < 20; round++) {
                        for (String text : texts) {
                            if (!memo.scan(text).equals(DETECTOR.detect(text))) {
                                return false;
                            }
                        }
                    }
                    return true;
                }));
            }
            for (Future<Boolean> r : results) {
                assertThat(r.get()).isTrue();
            }
        } finally {
            pool.shutdownNow();
        }
        assertThat(memo.hits()).isGreaterThan(0);
    }
}
