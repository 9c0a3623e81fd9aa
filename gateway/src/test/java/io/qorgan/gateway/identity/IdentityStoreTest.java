package io.qorgan.gateway.identity;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.InstanceOfAssertFactories.type;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.time.Duration;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import org.assertj.core.api.Assertions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Loading, validation messages and hot reload of the identity store file. */
class IdentityStoreTest {

    @TempDir
    Path dir;

    private IdentityStoreException invalid(String yaml) throws Exception {
        Path file = Files.writeString(dir.resolve("identities.yaml"), yaml);
        return (IdentityStoreException) Assertions.catchThrowable(() -> IdentityStore.open(file));
    }

    @Test
    void open_unknownField_namesLineAndField() throws Exception {
        IdentityStoreException e = invalid("""
                agencies:
                  - id: agency-egov
                callers:
                  - id: egov-chatbot
                    agency: agency-egov
                    rolez: [chat-user]
                """);

        assertThat(e.line()).isEqualTo(6);
        assertThat(e.field()).isEqualTo("callers[0].rolez");
        assertThat(e.getMessage())
                .startsWith(dir.resolve("identities.yaml") + ":6:")
                .contains("unknown key `rolez` (did you mean `roles`?)");
    }

    @Test
    void open_unknownRoleReference_namesLineAndIndexedField() throws Exception {
        IdentityStoreException e = invalid("""
                agencies:
                  - id: agency-egov
                roles:
                  chat-user: [route:chat:invoke]
                callers:
                  - id: egov-chatbot
                    agency: agency-egov
                    roles: [chat-user]
                  - id: egov-batch
                    agency: agency-egov
                    roles:
                      - chat-user
                      - batch-user
                """);

        assertThat(e.line()).isEqualTo(13);
        assertThat(e.field()).isEqualTo("callers[1].roles[1]");
        assertThat(e.getMessage()).contains("unknown role 'batch-user'");
    }

    @Test
    void open_wrongType_namesFieldAndExpectedType() throws Exception {
        IdentityStoreException e = invalid("""
                agencies:
                  - id: agency-egov
                callers:
                  - id: egov-chatbot
                    agency: agency-egov
                    roles: chat-user
                """);

        assertThat(e.line()).isEqualTo(6);
        assertThat(e.field()).isEqualTo("callers[0].roles");
        assertThat(e.getMessage()).contains("expected a list");
    }

    @Test
    void open_plaintextInHashAndBadExpiry_areRefusedWithoutEchoingValues() throws Exception {
        String header = """
                agencies:
                  - id: agency-egov
                callers:
                  - id: egov-chatbot
                    agency: agency-egov
                apiKeys:
                  - id: qg_ab12cd34
                    caller: egov-chatbot
                """;
        IdentityStoreException plaintext = invalid(header + """
                    hash: qg_ab12cd34_SuperSecretPlaintextValue0123456789abcdefghijk
                    created: 2026-11-27T06:00:00Z
                """);
        assertThat(plaintext.line()).isEqualTo(9);
        assertThat(plaintext.field()).isEqualTo("apiKeys[0].hash");
        assertThat(plaintext.getMessage()).doesNotContain("SuperSecret");

        String hash = new ApiKeys(new SecureRandom(), ApiKeys.HashCost.FAST_FOR_TESTS).hash("x");
        IdentityStoreException expiry = invalid(header + "    hash: \"" + hash + "\"\n"
                + "    created: 2026-11-27T06:00:00Z\n    expires: next year\n");
        assertThat(expiry.line()).isEqualTo(11);
        assertThat(expiry.field()).isEqualTo("apiKeys[0].expires");
        assertThat(expiry.getMessage()).contains("ISO-8601").doesNotContain(hash);
    }

    @Test
    void open_brokenYaml_namesLine() throws Exception {
        IdentityStoreException e = invalid("agencies:\n  - id: agency-egov\n callers: [\n");

        assertThat(e.line()).isGreaterThan(0);
        assertThat(e.getMessage()).contains("not valid YAML");
    }

    @Test
    void open_sectionTwice_isRefusedNotMerged() throws Exception {
        IdentityStoreException e = invalid("""
                agencies: [{id: agency-egov}]
                roles:
                  chat-user: [route:chat:invoke]
                roles:
                  chat-user: ["*"]
                """);

        assertThat(e.line()).isEqualTo(4);
        assertThat(e.getMessage()).contains("appears twice");
    }

    @Test
    void open_certificateMappingWithBothSubjectAndSan_isRefused() throws Exception {
        IdentityStoreException e = invalid("""
                agencies: [{id: agency-egov}]
                callers: [{id: egov-chatbot, agency: agency-egov}]
                clientCertificates:
                  - subject: CN=egov-chatbot
                    san: egov.example
                    caller: egov-chatbot
                """);

        assertThat(e.field()).isEqualTo("clientCertificates[0]");
        assertThat(e.line()).isEqualTo(4);
    }

    @Test
    void reloadIfChanged_invalidThenValidFile_keepsLastGoodThenSwaps() throws Exception {
        Path file = Files.writeString(dir.resolve("identities.yaml"), CallerAuthenticatorTest.BASE);
        IdentityStore store = IdentityStore.open(file);
        int[] changes = {0};
        store.onChange(() -> changes[0]++);

        Files.writeString(file, CallerAuthenticatorTest.BASE + "  - id: broken\n    agency: nowhere\n");
        assertThat(store.reloadIfChanged()).isFalse();
        assertThat(store.generation()).isEqualTo(1);
        assertThat(store.snapshot().callers()).containsOnlyKeys("egov-chatbot", "egov-auditor");

        Files.writeString(file, CallerAuthenticatorTest.BASE + "  - id: egov-batch\n    agency: agency-egov\n");
        assertThat(store.reloadIfChanged()).isTrue();
        assertThat(store.generation()).isEqualTo(2);
        assertThat(store.snapshot().callers()).containsKey("egov-batch");
        assertThat(changes[0]).isEqualTo(1);
        assertThat(store.reloadIfChanged()).as("same content").isFalse();
    }

    @Test
    void watch_fileChanged_reloadsOnSchedulerThread() throws Exception {
        Path file = Files.writeString(dir.resolve("identities.yaml"), CallerAuthenticatorTest.BASE);
        IdentityStore store = IdentityStore.open(file);
        ScheduledExecutorService scheduler = Executors.newSingleThreadScheduledExecutor();
        try {
            store.watch(scheduler, Duration.ofMillis(20));
            Files.writeString(file, CallerAuthenticatorTest.BASE + "  - id: egov-batch\n    agency: agency-egov\n");

            for (int i = 0; i < 1500 && store.generation() == 1; i++) {
                Thread.sleep(20); // waiting for the poll, not measuring it
            }
            assertThat(store.snapshot().callers()).containsKey("egov-batch");
        } finally {
            scheduler.shutdownNow();
        }
    }

    @Test
    void open_missingFile_isIoError() {
        assertThatThrownBy(() -> IdentityStore.open(dir.resolve("absent.yaml")))
                .isInstanceOf(NoSuchFileException.class);
    }

    @Test
    void exception_type_isIoException() throws Exception {
        assertThat((Object) invalid("callers: 5\n"))
                .asInstanceOf(type(IOException.class))
                .isNotNull();
    }
}
