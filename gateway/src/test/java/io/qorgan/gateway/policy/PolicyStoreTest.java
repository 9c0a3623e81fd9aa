package io.qorgan.gateway.policy;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.catchThrowable;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class PolicyStoreTest {

    @TempDir
    Path tmp;

    private PolicyDir dir;

    @BeforeEach
    void setUp() {
        dir = new PolicyDir(tmp).write("default.yaml", PolicyDir.DEFAULT);
    }

    @Test
    void check_changedFiles_swapsTheWholeSetAndTellsListeners() {
        PolicyStore store = PolicyStore.manual(tmp);
        PolicySet before = store.current();
        List<PolicySet> seen = new CopyOnWriteArrayList<>();
        store.addListener(seen::add);

        dir.write("agency-a.yaml", "agency: a\n");
        boolean swapped = store.check();

        assertThat(swapped).isTrue();
        assertThat(store.current()).isNotSameAs(before);
        assertThat(store.current().agencies()).containsExactly("a");
        assertThat(seen).containsExactly(store.current());
        assertThat(store.reloads()).isEqualTo(1);
    }

    @Test
    void check_unchangedFiles_keepsTheSameSet() {
        PolicyStore store = PolicyStore.manual(tmp);
        PolicySet before = store.current();

        assertThat(store.check()).isFalse();
        assertThat(store.current()).isSameAs(before);
    }

    @Test
    void check_brokenEdit_keepsTheLastGoodVersion() {
        PolicyStore store = PolicyStore.manual(tmp);
        String good = store.current().version();

        dir.write("agency-a.yaml", "agency: a\nentities:\n  IIN: blok\n");

        assertThatThrownBy(store::check).isInstanceOf(PolicyException.class).hasMessageContaining("blok");
        assertThat(store.current().version()).isEqualTo(good);
        assertThat(store.rejectedReloads()).isEqualTo(1);

        dir.write("agency-a.yaml", "agency: a\nentities:\n  IIN: block\n");
        assertThat(store.check()).isTrue();
        assertThat(store.current().version()).isNotEqualTo(good);
    }

    @Test
    void check_reloadNamingAnUnknownUpstream_rejectedLikeAtStart() {
        // regression: a misspelt upstream in a route rule went live on reload and failed every request it matched
        PolicyStore store = PolicyStore.manual(tmp, Set.of("local", "cloud"));
        String good = store.current().version();

        dir.write("agency-a.yaml", """
                agency: a
                rules:
                  - id: to-local
                    description: answered on-premise
                    query: диагноз
                    action: {route: lcoal}
                """);

        assertThatThrownBy(store::check).isInstanceOf(PolicyException.class).hasMessageContaining("lcoal");
        assertThat(store.current().version()).isEqualTo(good);
        assertThat(store.lastError()).contains("agency-a.yaml").contains("lcoal");
    }

    @Test
    void check_sameBrokenContentAgain_judgedOnceNotParsedAgain() {
        PolicyStore store = PolicyStore.manual(tmp);
        dir.write("agency-a.yaml", "agency: a\nentities:\n  IIN: blok\n");

        Throwable first = catchThrowable(store::check);
        Throwable second = catchThrowable(store::check);
        Throwable third = catchThrowable(store::check);

        assertThat(first).isInstanceOf(PolicyException.class);
        // the same rejection, not a new parse of the same content
        assertThat(second).isSameAs(first);
        assertThat(third).isSameAs(first);
        assertThat(store.rejectedReloads()).isEqualTo(1);

        dir.write("agency-a.yaml", "agency: a\nentities:\n  IIN: blokk\n");
        assertThat(catchThrowable(store::check)).isNotSameAs(first);
        assertThat(store.rejectedReloads()).isEqualTo(2);
    }

    @Test
    void check_brokenEditUndone_clearsTheError() {
        PolicyStore store = PolicyStore.manual(tmp);
        dir.write("default.yaml", "mode: loud\n");
        assertThatThrownBy(store::check).isInstanceOf(PolicyException.class);
        assertThat(store.lastError()).isNotNull();

        dir.write("default.yaml", PolicyDir.DEFAULT);

        assertThat(store.check()).isFalse();
        assertThat(store.lastError()).isNull();
    }

    @Test
    void open_onScheduler_picksUpAGoodEditAndRejectsABadOne() throws InterruptedException {
        ScheduledExecutorService scheduler = Executors.newSingleThreadScheduledExecutor();
        try (PolicyStore store = PolicyStore.open(tmp, scheduler, Duration.ofMillis(20))) {
            CountDownLatch changed = new CountDownLatch(1);
            store.addListener(set -> changed.countDown());
            String first = store.current().version();

            dir.write("default.yaml", PolicyDir.DEFAULT + "answers: mask\n");
            assertThat(changed.await(30, TimeUnit.SECONDS)).isTrue();
            String second = store.current().version();
            assertThat(second).isNotEqualTo(first);

            dir.write("default.yaml", "mode: loud\n");
            long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(30);
            while (store.rejectedReloads() == 0 && System.nanoTime() < deadline) {
                Thread.sleep(10);
            }
            assertThat(store.rejectedReloads()).isPositive();
            assertThat(store.current().version()).isEqualTo(second);
        } finally {
            scheduler.shutdownNow();
        }
    }

    @Test
    void open_brokenDirectory_fails() {
        dir.write("default.yaml", "mode: loud\n");
        ScheduledExecutorService scheduler = Executors.newSingleThreadScheduledExecutor();
        try {
            assertThatThrownBy(() -> PolicyStore.open(tmp, scheduler, Duration.ofSeconds(1)))
                    .isInstanceOf(PolicyException.class);
        } finally {
            scheduler.shutdownNow();
        }
    }

    @Test
    void check_oneBrokenEditCheckedAgain_countsOneRejectedReload() {
        PolicyStore store = PolicyStore.manual(tmp);

        dir.write("agency-a.yaml", "agency: a\nentities:\n  IIN: blok\n");
        assertThatThrownBy(store::check).isInstanceOf(PolicyException.class);
        assertThatThrownBy(store::check).isInstanceOf(PolicyException.class);
        assertThatThrownBy(store::check).isInstanceOf(PolicyException.class);
        assertThat(store.rejectedReloads()).isEqualTo(1);

        dir.write("agency-a.yaml", "agency: a\nentities:\n  IIN: blok\n  PHONE: mask\n");
        assertThatThrownBy(store::check).isInstanceOf(PolicyException.class);
        assertThat(store.rejectedReloads()).isEqualTo(2);
    }

    @Test
    void check_brokenAgainAfterAGoodLoad_countsAgain() {
        PolicyStore store = PolicyStore.manual(tmp);
        dir.write("agency-a.yaml", "agency: a\nentities:\n  IIN: blok\n");
        assertThatThrownBy(store::check).isInstanceOf(PolicyException.class);

        dir.write("agency-a.yaml", "agency: a\n");
        assertThat(store.check()).isTrue();
        dir.write("agency-a.yaml", "agency: a\nentities:\n  IIN: blok\n");
        assertThatThrownBy(store::check).isInstanceOf(PolicyException.class);

        assertThat(store.rejectedReloads()).isEqualTo(2);
    }
}
