package io.qorgan.gateway.testing;

import io.netty.buffer.ByteBuf;
import io.netty.buffer.PooledByteBufAllocator;
import io.netty.buffer.UnpooledByteBufAllocator;
import io.netty.util.ResourceLeakDetector;
import io.netty.util.ResourceLeakDetectorFactory;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ConcurrentLinkedQueue;
import org.junit.jupiter.api.extension.AfterAllCallback;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.ExtensionContext;

/**
 * Makes a Netty buffer leak fail the build, not just a log line.
 *
 * <p>Registered for every test class through {@code META-INF/services} (JUnit extension
 * auto-detection, switched on in the surefire configuration). It installs a leak detector factory
 * before any buffer class is initialised; the detectors record each leak report. After each test
 * class it collects garbage, provokes the detectors to drain their reference queues, and fails if
 * anything leaked. Surefire runs with {@code -Dio.netty.leakDetection.level=paranoid}.
 */
public final class LeakDetectionExtension implements BeforeAllCallback, AfterAllCallback {

    private static final ConcurrentLinkedQueue<String> LEAKS = new ConcurrentLinkedQueue<>();

    static {
        ResourceLeakDetectorFactory.setResourceLeakDetectorFactory(new RecordingFactory());
    }

    @Override
    public void beforeAll(ExtensionContext context) {
        LEAKS.clear();
    }

    @Override
    public void afterAll(ExtensionContext context) throws InterruptedException {
        for (int round = 0; round < 3 && LEAKS.isEmpty(); round++) {
            System.gc();
            Thread.sleep(50);
            provokeLeakReports();
        }
        if (!LEAKS.isEmpty()) {
            List<String> found = new ArrayList<>(LEAKS);
            LEAKS.clear();
            throw new AssertionError("Netty buffer leak(s) detected in or before " + context.getDisplayName() + ":\n"
                    + String.join("\n---\n", found));
        }
    }

    /** Leak reports are emitted when a detector tracks a new object; allocate a few to drain the queues. */
    private static void provokeLeakReports() {
        for (int i = 0; i < 16; i++) {
            ByteBuf a = PooledByteBufAllocator.DEFAULT.directBuffer(8);
            ByteBuf b = PooledByteBufAllocator.DEFAULT.heapBuffer(8);
            ByteBuf c = UnpooledByteBufAllocator.DEFAULT.directBuffer(8);
            ByteBuf d = UnpooledByteBufAllocator.DEFAULT.heapBuffer(8);
            a.release();
            b.release();
            c.release();
            d.release();
        }
    }

    private static final class RecordingFactory extends ResourceLeakDetectorFactory {
        @Override
        @SuppressWarnings("deprecation")
        public <T> ResourceLeakDetector<T> newResourceLeakDetector(
                Class<T> resource, int samplingInterval, long maxActive) {
            return new RecordingDetector<>(resource, samplingInterval);
        }
    }

    private static final class RecordingDetector<T> extends ResourceLeakDetector<T> {
        RecordingDetector(Class<T> resource, int samplingInterval) {
            super(resource, samplingInterval);
        }

        @Override
        protected boolean needReport() {
            return true;
        }

        @Override
        protected void reportTracedLeak(String resourceType, String records) {
            LEAKS.add("LEAK " + resourceType + records);
        }

        @Override
        protected void reportUntracedLeak(String resourceType) {
            LEAKS.add("LEAK " + resourceType + " (untraced)");
        }
    }
}
