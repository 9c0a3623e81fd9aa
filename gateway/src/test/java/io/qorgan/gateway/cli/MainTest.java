package io.qorgan.gateway.cli;

import static org.assertj.core.api.Assertions.assertThat;

import io.netty.util.ResourceLeakDetector;
import org.junit.jupiter.api.Test;

class MainTest {

    @Test
    void defaultLeakDetection_propertySet_keepsTheOperatorsLevel() {
        assertThat(System.getProperty(Main.LEAK_DETECTION_PROPERTY))
                .as("the build runs tests at paranoid")
                .isNotNull();
        ResourceLeakDetector.Level before = ResourceLeakDetector.getLevel();
        Main.defaultLeakDetection();
        assertThat(ResourceLeakDetector.getLevel()).isEqualTo(before);
    }

    @Test
    void defaultLeakDetection_propertyUnset_turnsTrackingOff() {
        String property = System.clearProperty(Main.LEAK_DETECTION_PROPERTY);
        ResourceLeakDetector.Level before = ResourceLeakDetector.getLevel();
        try {
            Main.defaultLeakDetection();
            assertThat(ResourceLeakDetector.getLevel()).isEqualTo(ResourceLeakDetector.Level.DISABLED);
        } finally {
            System.setProperty(Main.LEAK_DETECTION_PROPERTY, property);
            ResourceLeakDetector.setLevel(before); // the other tests run at paranoid
        }
    }
}
