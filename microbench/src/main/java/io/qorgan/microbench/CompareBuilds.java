package io.qorgan.microbench;

import java.io.File;
import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.lang.reflect.Constructor;
import java.lang.reflect.Field;
import java.lang.reflect.Method;
import java.net.MalformedURLException;
import java.net.URL;
import java.net.URLClassLoader;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;

/**
 * {@link DetectorBenchmark#detectDocument}'s work for two or more builds in one JVM, each build's {@code
 * benchmarks.jar} in its own class loader, in alternating rounds: the way to compare builds on a shared machine, where
 * one JMH run's iterations swing by half and two runs minutes apart cannot be compared.
 *
 * <p>Each round times {@code docs} documents per build by the thread's CPU time and turns it into ms per MB of UTF-8
 * text. Printed per build: the best and the median round, and the median (with the quartiles) of its rounds' ratios to
 * the first build's round of the same turn; a slow spell of the machine hits both sides of a turn alike, so the ratio
 * is the steadiest figure (about ±3 % over 300 rounds here).
 *
 * <pre>
 * java -cp microbench/target/benchmarks.jar io.qorgan.microbench.CompareBuilds 300 old/benchmarks.jar microbench/target/benchmarks.jar
 * </pre>
 *
 * {@code -Ddocs=N} sets the documents per round (300), {@code -Dwarmup=N} the documents each build detects before the
 * first round (4,500). {@code loadtest/compare-builds.sh} builds the jars of given commits and runs this.
 */
public final class CompareBuilds {

    private CompareBuilds() {}

    /** One build: its benchmark instance, loaded by its own class loader, and its rounds. */
    private static final class Build {
        final String jar;
        final Object benchmark;
        final Object scanned;
        final Method detect;
        final Field bytes;
        final double[] msPerMb;

        Build(String jar, int rounds) throws ReflectiveOperationException, MalformedURLException {
            this.jar = jar;
            URL url = new File(jar).toURI().toURL();
            // the platform loader as parent: each build's gateway and Jackson classes stay its own
            ClassLoader loader = new URLClassLoader(new URL[] {url}, ClassLoader.getPlatformClassLoader());
            Class<?> type = loader.loadClass(DetectorBenchmark.class.getName());
            Class<?> counter = loader.loadClass(DetectorBenchmark.Scanned.class.getName());
            benchmark = type.getConstructor().newInstance();
            type.getMethod("setUp").invoke(benchmark);
            Constructor<?> make = counter.getDeclaredConstructor();
            make.setAccessible(true);
            scanned = make.newInstance();
            detect = type.getMethod("detectDocument", counter);
            bytes = counter.getField("bytes");
            msPerMb = new double[rounds];
        }

        void detect(int documents) throws ReflectiveOperationException {
            for (int i = 0; i < documents; i++) {
                detect.invoke(benchmark, scanned);
            }
        }
    }

    public static void main(String[] args) throws Exception {
        if (args.length < 2) {
            System.err.println("usage: CompareBuilds ROUNDS BENCHMARKS_JAR [BENCHMARKS_JAR ...]");
            System.exit(2);
        }
        int rounds = Integer.parseInt(args[0]);
        int docs = Integer.getInteger("docs", 300);
        int warmup = Integer.getInteger("warmup", 4_500);
        List<Build> builds = new ArrayList<>();
        for (int i = 1; i < args.length; i++) {
            builds.add(new Build(args[i], rounds));
        }
        for (Build build : builds) {
            build.detect(warmup);
        }
        ThreadMXBean threads = ManagementFactory.getThreadMXBean();
        for (int round = 0; round < rounds; round++) {
            for (Build build : builds) {
                build.bytes.setLong(build.scanned, 0);
                long start = threads.getCurrentThreadCpuTime();
                build.detect(docs);
                long cpu = threads.getCurrentThreadCpuTime() - start;
                build.msPerMb[round] = cpu / 1e6 / (build.bytes.getLong(build.scanned) / 1e6);
            }
        }
        double[] first = builds.get(0).msPerMb;
        for (Build build : builds) {
            double[] sorted = build.msPerMb.clone();
            Arrays.sort(sorted);
            double[] ratios = new double[rounds];
            for (int round = 0; round < rounds; round++) {
                ratios[round] = build.msPerMb[round] / first[round];
            }
            Arrays.sort(ratios);
            System.out.printf(
                    Locale.ROOT,
                    "%-60s best %6.1f  median %6.1f ms/MB  ratio to the first: median %.3f (quartiles %.3f–%.3f)%n",
                    build.jar,
                    sorted[0],
                    sorted[rounds / 2],
                    ratios[rounds / 2],
                    ratios[rounds / 4],
                    ratios[3 * rounds / 4]);
        }
    }
}
