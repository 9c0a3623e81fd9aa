package io.qorgan.gateway.testing;

import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.netty.buffer.ByteBuf;
import io.netty.buffer.PooledByteBufAllocator;
import java.lang.reflect.Proxy;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtensionContext;

/** The leak guard itself must catch a leak, or every "no leak" in this build means nothing. */
class LeakDetectionExtensionTest {

    @Test
    void afterAll_unreleasedBuffer_failsWithLeakReport() throws Exception {
        leakOne();
        LeakDetectionExtension extension = new LeakDetectionExtension();
        ExtensionContext context = displayNameOnly("leak probe");
        assertThatThrownBy(() -> extension.afterAll(context))
                .isInstanceOf(AssertionError.class)
                .hasMessageContaining("LEAK");
    }

    private static ExtensionContext displayNameOnly(String name) {
        return (ExtensionContext) Proxy.newProxyInstance(
                ExtensionContext.class.getClassLoader(),
                new Class<?>[] {ExtensionContext.class},
                (proxy, method, args) -> {
                    if (method.getName().equals("getDisplayName")) {
                        return name;
                    }
                    throw new UnsupportedOperationException(method.getName());
                });
    }

    private static void leakOne() {
        ByteBuf leaked = PooledByteBufAllocator.DEFAULT.directBuffer(64);
        leaked.writeLong(42);
        // dropped without release on purpose
    }
}
