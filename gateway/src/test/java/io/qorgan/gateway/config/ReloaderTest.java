package io.qorgan.gateway.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.qorgan.gateway.metrics.GatewayMetrics;
import io.qorgan.gateway.testing.Metrics;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.HexFormat;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The reload behind the identity store, the TLS certificates and the policies, on a real file holding a number. */
class ReloaderTest {

    @TempDir
    Path dir;

    private Path file;
    private NumberFile source;

    /** A file holding one whole number; anything else does not load. Counts its loads. */
    private static final class NumberFile implements Reloader.Source<Integer, IOException> {
        final Path file;
        final AtomicInteger loads = new AtomicInteger();

        NumberFile(Path file) {
            this.file = file;
        }

        @Override
        public String hash() throws IOException {
            return HexFormat.of().formatHex(Files.readAllBytes(file));
        }

        @Override
        public Integer load(Integer previous) throws IOException {
            loads.incrementAndGet();
            String text = Files.readString(file).strip();
            try {
                return Integer.valueOf(text);
            } catch (NumberFormatException e) {
                throw new IOException("line 1: not a whole number");
            }
        }
    }

    @BeforeEach
    void setUp() throws IOException {
        file = write("1");
        source = new NumberFile(file);
    }

    private Path write(String text) throws IOException {
        return Files.writeString(dir.resolve("number.txt"), text, StandardCharsets.UTF_8);
    }

    private Reloader<Integer> open() throws IOException {
        return Reloader.open(
                Reloader.Naming.<Integer>of("number", n -> "value " + n)
                        .explainedBy(Exception::getMessage)
                        .codedBy(e -> "number_invalid"),
                source);
    }

    @Test
    void open_unusableContent_failsWithTheSourcesError() throws IOException {
        write("one");

        assertThatThrownBy(this::open).isInstanceOf(IOException.class).hasMessage("line 1: not a whole number");
    }

    @Test
    void check_unchangedContent_keepsTheSnapshotWithoutLoading() throws IOException {
        Reloader<Integer> reloader = open();

        assertThat(reloader.check()).isEqualTo(Reloader.Outcome.UNCHANGED);
        assertThat(reloader.current()).isEqualTo(1);
        assertThat(reloader.generation()).isEqualTo(1);
        assertThat(source.loads).hasValue(1);
        assertThat(reloader.count(Reloader.Outcome.RELOADED)).isZero();
    }

    @Test
    void check_changedContent_swapsTheSnapshotAndTellsListeners() throws IOException {
        Reloader<Integer> reloader = open();
        List<Integer> seen = new CopyOnWriteArrayList<>();
        reloader.onReload(seen::add);
        String firstHash = reloader.hash();

        write("2");

        assertThat(reloader.check()).isEqualTo(Reloader.Outcome.RELOADED);
        assertThat(reloader.current()).isEqualTo(2);
        assertThat(reloader.generation()).isEqualTo(2);
        assertThat(reloader.hash()).isNotEqualTo(firstHash);
        assertThat(seen).containsExactly(2);
        assertThat(reloader.count(Reloader.Outcome.RELOADED)).isEqualTo(1);
    }

    @Test
    void check_brokenContent_keepsTheLastGoodOneAndItsError() throws IOException {
        Reloader<Integer> reloader = open();
        List<String> codes = new CopyOnWriteArrayList<>();
        reloader.onRejected(codes::add);

        write("two");

        assertThat(reloader.check()).isEqualTo(Reloader.Outcome.REJECTED);
        assertThat(reloader.current()).isEqualTo(1);
        assertThat(reloader.lastError()).isInstanceOf(IOException.class);
        assertThat(reloader.lastErrorMessage()).isEqualTo("line 1: not a whole number");
        assertThat(codes).containsExactly("number_invalid");
        assertThat(reloader.count(Reloader.Outcome.REJECTED)).isEqualTo(1);
    }

    @Test
    void check_sameBrokenContentAgain_judgedOnceNotLoadedAgain() throws IOException {
        Reloader<Integer> reloader = open();
        List<String> codes = new CopyOnWriteArrayList<>();
        reloader.onRejected(codes::add);
        write("two");

        reloader.check();
        Exception first = reloader.lastError();
        assertThat(reloader.check()).isEqualTo(Reloader.Outcome.REJECTED);
        assertThat(reloader.check()).isEqualTo(Reloader.Outcome.REJECTED);

        assertThat(source.loads).hasValue(2); // the first load at open, the broken content once
        assertThat(reloader.lastError()).isSameAs(first);
        assertThat(codes).hasSize(1);
        assertThat(reloader.count(Reloader.Outcome.REJECTED)).isEqualTo(1);

        write("three");
        reloader.check();
        assertThat(reloader.count(Reloader.Outcome.REJECTED)).isEqualTo(2);
        assertThat(codes).hasSize(2);
    }

    @Test
    void check_brokenEditUndone_clearsTheError() throws IOException {
        Reloader<Integer> reloader = open();
        write("two");
        reloader.check();

        write("1");

        assertThat(reloader.check()).isEqualTo(Reloader.Outcome.UNCHANGED);
        assertThat(reloader.lastError()).isNull();
        assertThat(reloader.lastErrorMessage()).isNull();
    }

    @Test
    void check_fileGone_unreadableCountedOnceAndTheSnapshotStays() throws IOException {
        Reloader<Integer> reloader = open();
        Files.delete(file);

        assertThat(reloader.check()).isEqualTo(Reloader.Outcome.UNREADABLE);
        assertThat(reloader.check()).isEqualTo(Reloader.Outcome.UNREADABLE);

        assertThat(reloader.current()).isEqualTo(1);
        assertThat(reloader.count(Reloader.Outcome.UNREADABLE)).isEqualTo(1);
        assertThat(reloader.lastError()).isInstanceOf(IOException.class);

        write("5");
        assertThat(reloader.check()).isEqualTo(Reloader.Outcome.RELOADED);
        assertThat(reloader.lastError()).isNull();
    }

    @Test
    void check_failingListener_theOthersStillRunAndTheSwapStands() throws IOException {
        Reloader<Integer> reloader = open();
        List<Integer> seen = new CopyOnWriteArrayList<>();
        reloader.onReload(n -> {
            throw new IllegalStateException("listener bug");
        });
        reloader.onReload(seen::add);

        write("7");

        assertThat(reloader.check()).isEqualTo(Reloader.Outcome.RELOADED);
        assertThat(reloader.current()).isEqualTo(7);
        assertThat(seen).containsExactly(7);
    }

    @Test
    void reloads_metricFamily_countsByWhatAndOutcome() throws IOException {
        Reloader<Integer> reloader = open();
        GatewayMetrics metrics = new GatewayMetrics();
        for (Reloader.Outcome o : List.of(Reloader.Outcome.RELOADED, Reloader.Outcome.REJECTED)) {
            metrics.reloads(reloader.what(), o.label(), () -> reloader.count(o));
        }
        write("2");
        reloader.check();
        write("x");
        reloader.check();

        String exposition = metrics.scrape();

        assertThat(Metrics.value(exposition, "qorgan_reloads_total{outcome=\"reloaded\",what=\"number\"}"))
                .isEqualTo(1);
        assertThat(Metrics.value(exposition, "qorgan_reloads_total{outcome=\"rejected\",what=\"number\"}"))
                .isEqualTo(1);
    }

    @Test
    void watch_onAScheduler_picksUpAChange() throws Exception {
        Reloader<Integer> reloader = open();
        CountDownLatch changed = new CountDownLatch(1);
        reloader.onReload(n -> changed.countDown());
        ScheduledExecutorService scheduler = Executors.newSingleThreadScheduledExecutor();
        try {
            reloader.watch(scheduler, Duration.ofMillis(10));
            write("3");

            assertThat(changed.await(30, TimeUnit.SECONDS)).isTrue();
            assertThat(reloader.current()).isEqualTo(3);
        } finally {
            reloader.close();
            scheduler.shutdownNow();
        }
    }
}
