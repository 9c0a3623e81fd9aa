package io.qorgan.gateway.crypto;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SecretRefTest {

    @TempDir
    Path dir;

    @Test
    void resolve_envReference_readsVariable() throws Exception {
        SecretRef ref = SecretRef.parse("env:UPSTREAM_KEY");

        assertThat(ref.resolve(Map.of("UPSTREAM_KEY", "sk-live-123")::get)).isEqualTo("sk-live-123");
        assertThat(ref).hasToString("env:UPSTREAM_KEY");
    }

    @Test
    void resolve_fileReference_readsContentWithoutTrailingNewline() throws Exception {
        Path file = Files.writeString(dir.resolve("key"), "sk-file-456\n");

        assertThat(SecretRef.parse("file:" + file).resolve(name -> null)).isEqualTo("sk-file-456");
    }

    @Test
    void toString_literal_isMasked() {
        SecretRef ref = SecretRef.parse("sk-literal-789");

        assertThat(ref).hasToString("****");
        assertThat(String.valueOf(ref)).doesNotContain("sk-literal");
    }

    @Test
    void resolve_missingVariable_failsNamingVariableOnly() {
        SecretRef ref = SecretRef.parse("env:ABSENT_KEY");

        assertThatThrownBy(() -> ref.resolve(name -> null))
                .isInstanceOf(IOException.class)
                .hasMessageContaining("env:ABSENT_KEY");
    }

    @Test
    void parse_badReference_isRefused() {
        assertThatThrownBy(() -> SecretRef.parse("env:")).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> SecretRef.parse("file:")).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> SecretRef.parse(" ")).isInstanceOf(IllegalArgumentException.class);
    }
}
