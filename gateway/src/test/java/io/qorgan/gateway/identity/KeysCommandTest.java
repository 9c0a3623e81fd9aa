package io.qorgan.gateway.identity;

import static org.assertj.core.api.Assertions.assertThat;

import com.github.benmanes.caffeine.cache.Ticker;
import io.qorgan.gateway.testing.Cli;
import io.qorgan.gateway.testing.IntegrationTest;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code qorgan keys create|list|revoke} through the real command line on real files. */
@IntegrationTest
class KeysCommandTest {

    @TempDir
    Path dir;

    private record Run(int exit, String out, String err) {}

    private static Run run(String... args) {
        Cli cli = new Cli();
        int exit = cli.run(args);
        return new Run(exit, cli.out(), cli.err());
    }

    @Test
    void keysCreateListRevoke_roundTrip_keyWorksUntilRevoked() throws Exception {
        Path store = dir.resolve("identities.yaml");

        Run created = run(
                "keys",
                "create",
                "--store",
                store.toString(),
                "--agency",
                "agency-egov",
                "--caller",
                "egov-chatbot",
                "--roles",
                "chat-user,auditor",
                "--expires",
                "2099-01-01T00:00:00Z");

        assertThat(created.exit()).isZero();
        String key = created.out().strip();
        assertThat(key).matches("qg_[a-z0-9]{8}_[A-Za-z0-9_-]{43}");
        String keyId = key.substring(0, 11);
        assertThat(created.err())
                .contains("created agency agency-egov")
                .contains("created caller egov-chatbot")
                .contains("role chat-user has no permissions yet")
                .doesNotContain(key.substring(12));
        String content = Files.readString(store);
        assertThat(content).doesNotContain(key.substring(12)).contains(keyId).contains("$shiro2$argon2id$");

        CallerAuthenticator authenticator = CallerAuthenticator.create(
                IdentityStore.open(store),
                Clock.systemUTC(),
                Ticker.systemTicker(),
                CallerAuthenticator.CacheSettings.DEFAULT);
        assertThat(authenticator.authenticateBlocking(key).identity()).hasValueSatisfying(identity -> {
            assertThat(identity.agency()).isEqualTo("agency-egov");
            assertThat(identity.roles()).containsExactlyInAnyOrder("chat-user", "auditor");
        });

        Run listed = run("keys", "list", "--store", store.toString());
        assertThat(listed.exit()).isZero();
        assertThat(listed.out())
                .contains(keyId)
                .contains("egov-chatbot")
                .contains("agency-egov")
                .contains("2099-01-01T00:00:00Z")
                .contains(" no")
                .doesNotContain("$shiro2")
                .doesNotContain(key.substring(12));

        Run revoked = run("keys", "revoke", "--store", store.toString(), keyId);
        assertThat(revoked.exit()).isZero();
        assertThat(run("keys", "list", "--store", store.toString()).out()).contains(" yes");
        IdentityStore reloaded = IdentityStore.open(store);
        assertThat(CallerAuthenticator.create(
                                reloaded,
                                Clock.systemUTC(),
                                Ticker.systemTicker(),
                                CallerAuthenticator.CacheSettings.DEFAULT)
                        .authenticateBlocking(key)
                        .status())
                .isEqualTo(AuthResult.Status.REVOKED);
    }

    @Test
    void keysRevokeBesideFourCreates_threads_everyEditIsInTheStore() throws Exception {
        Path store = Files.writeString(dir.resolve("identities.yaml"), CallerAuthenticatorTest.BASE);
        String revokedId = createdIds(
                        List.of(run("keys", "create", "--store", store.toString(), "--agency", "a", "--caller", "c0")))
                .get(0);

        List<Callable<Run>> edits = new ArrayList<>();
        edits.add(() -> run("keys", "revoke", "--store", store.toString(), revokedId));
        for (int i = 1; i <= 4; i++) {
            edits.add(create(store, "c" + i));
        }
        List<Run> runs = together(edits);
        assertEveryEditKept(store, revokedId, runs.stream().map(Run::exit).toList(), createdIds(runs.subList(1, 5)));
    }

    @Test
    void keysRevokeAndCreate_otherProcessesBesideThisOne_everyEditIsInTheStore() throws Exception {
        Path store = Files.writeString(dir.resolve("identities.yaml"), CallerAuthenticatorTest.BASE);
        String revokedId = createdIds(
                        List.of(run("keys", "create", "--store", store.toString(), "--agency", "a", "--caller", "c0")))
                .get(0);

        // two processes of their own (as two operators at two terminals), and two edits in this JVM meanwhile
        Process revoke = qorgan("keys", "revoke", "--store", store.toString(), revokedId);
        Process create = qorgan("keys", "create", "--store", store.toString(), "--agency", "a", "--caller", "c1");
        List<Run> here = together(List.of(create(store, "c2"), create(store, "c3")));
        List<Integer> exits = new ArrayList<>();
        List<Run> creates = new ArrayList<>(here);
        for (Process p : List.of(revoke, create)) {
            assertThat(p.waitFor(120, TimeUnit.SECONDS)).isTrue();
            exits.add(p.exitValue());
        }
        creates.add(new Run(
                create.exitValue(), new String(create.getInputStream().readAllBytes(), StandardCharsets.UTF_8), ""));
        here.forEach(r -> exits.add(r.exit()));
        assertEveryEditKept(store, revokedId, exits, createdIds(creates));
    }

    private static Callable<Run> create(Path store, String caller) {
        return () -> run("keys", "create", "--store", store.toString(), "--agency", "a", "--caller", caller);
    }

    /** Runs the edits in threads of their own, let go at once; their runs in the same order. */
    private static List<Run> together(List<Callable<Run>> edits) throws Exception {
        ExecutorService threads = Executors.newFixedThreadPool(edits.size());
        try {
            CountDownLatch go = new CountDownLatch(1);
            List<Future<Run>> futures = new ArrayList<>();
            for (Callable<Run> edit : edits) {
                futures.add(threads.submit(() -> {
                    go.await();
                    return edit.call();
                }));
            }
            go.countDown();
            List<Run> runs = new ArrayList<>();
            for (Future<Run> f : futures) {
                runs.add(f.get(120, TimeUnit.SECONDS));
            }
            return runs;
        } finally {
            threads.shutdownNow();
        }
    }

    /** A {@code qorgan} process of its own, as two operators at two terminals would run it. */
    private static Process qorgan(String... args) throws Exception {
        List<String> command = new ArrayList<>(List.of(
                Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-cp",
                System.getProperty("java.class.path"),
                "io.qorgan.gateway.cli.Main"));
        command.addAll(List.of(args));
        return new ProcessBuilder(command)
                .redirectError(ProcessBuilder.Redirect.DISCARD)
                .start();
    }

    private static List<String> createdIds(List<Run> creates) {
        return creates.stream().map(r -> r.out().strip().substring(0, 11)).toList();
    }

    private static void assertEveryEditKept(Path store, String revokedId, List<Integer> exits, List<String> createdIds)
            throws Exception {
        assertThat(exits).containsOnly(0);
        List<IdentityStoreFile.KeyListing> keys = IdentityStoreFile.listKeys(store);
        assertThat(keys)
                .extracting(IdentityStoreFile.KeyListing::id)
                .containsAll(createdIds)
                .contains(revokedId);
        assertThat(keys).hasSize(createdIds.size() + 1);
        assertThat(keys)
                .filteredOn(IdentityStoreFile.KeyListing::revoked)
                .extracting(IdentityStoreFile.KeyListing::id)
                .containsExactly(revokedId);
    }

    @Test
    void keysCreate_secondKeyForExistingCaller_keepsRestOfFile() throws Exception {
        Path store = Files.writeString(
                dir.resolve("identities.yaml"),
                CallerAuthenticatorTest.BASE
                        + "clientCertificates:\n  - subject: CN=egov-chatbot,O=agency-egov,C=KZ\n    caller: egov-chatbot\n");

        Run first = run(
                "keys", "create", "--store", store.toString(), "--agency", "agency-egov", "--caller", "egov-chatbot");
        Run second = run(
                "keys", "create", "--store", store.toString(), "--agency", "agency-egov", "--caller", "egov-chatbot");

        assertThat(first.exit()).isZero();
        assertThat(second.exit()).isZero();
        assertThat(first.out()).isNotEqualTo(second.out());
        String content = Files.readString(store);
        assertThat(content)
                .contains("Electronic government")
                .contains("admin:audit:read")
                .contains("route:*")
                .contains("CN=egov-chatbot,O=agency-egov,C=KZ");
        assertThat(IdentityStoreFile.listKeys(store)).hasSize(2);
    }

    @Test
    void keysCreateRevoke_commentedStore_keepsTheComments() throws Exception {
        String commented = "# Identity store of the eGov pilot; owner: security office (SEC-101)\n"
                + CallerAuthenticatorTest.BASE
                        .replace("  - id: egov-auditor\n", "  # Auditor of the pilot (SEC-102)\n  - id: egov-auditor\n")
                        .replace("roles: [chat-user]\n", "roles: [chat-user]  # chat only\n");
        Path store = Files.writeString(dir.resolve("identities.yaml"), commented);

        Run created = run(
                "keys", "create", "--store", store.toString(), "--agency", "agency-egov", "--caller", "egov-chatbot");
        Run revoked = run(
                "keys",
                "revoke",
                "--store",
                store.toString(),
                created.out().strip().substring(0, 11));

        assertThat(created.exit()).isZero();
        assertThat(revoked.exit()).isZero();
        assertThat(Files.readString(store)).startsWith(commented).contains("    revoked: true\n");
    }

    @Test
    void keysCreate_existingCallerWithOtherRoles_isRefusedAsUserError() throws Exception {
        Path store = Files.writeString(dir.resolve("identities.yaml"), CallerAuthenticatorTest.BASE);

        Run run = run(
                "keys",
                "create",
                "--store",
                store.toString(),
                "--agency",
                "agency-egov",
                "--caller",
                "egov-chatbot",
                "--roles",
                "auditor");

        assertThat(run.exit()).isEqualTo(1);
        assertThat(run.err())
                .startsWith("qorgan: caller egov-chatbot exists with roles [chat-user]")
                .doesNotContain("Exception");
        assertThat(Files.readString(store)).isEqualTo(CallerAuthenticatorTest.BASE);
    }

    @Test
    void keysCreate_badExpiry_isUsageError() {
        Run run = run(
                "keys",
                "create",
                "--store",
                dir.resolve("s.yaml").toString(),
                "--agency",
                "a",
                "--caller",
                "c",
                "--expires",
                "tomorrow");

        assertThat(run.exit()).isEqualTo(2);
        assertThat(run.err()).contains("ISO-8601");
        assertThat(dir.resolve("s.yaml")).doesNotExist();
    }

    @Test
    void keysRevoke_unknownIdOrFullKey_isUserError() throws Exception {
        Path store = Files.writeString(dir.resolve("identities.yaml"), CallerAuthenticatorTest.BASE);

        Run unknown = run("keys", "revoke", "--store", store.toString(), "qg_zzzzzzzz");
        Run fullKey = run("keys", "revoke", "--store", store.toString(), "qg_zzzzzzzz_" + "A".repeat(43));

        assertThat(unknown.exit()).isEqualTo(1);
        assertThat(unknown.err()).contains("no API key qg_zzzzzzzz");
        assertThat(fullKey.exit()).isEqualTo(2);
        assertThat(fullKey.err()).contains("public id").doesNotContain("A".repeat(43));
    }

    @Test
    void keysList_invalidStore_namesFileLineAndField() throws Exception {
        Path store = Files.writeString(dir.resolve("identities.yaml"), "callers:\n  - id: x\n    agency: nowhere\n");

        Run run = run("keys", "list", "--store", store.toString());

        assertThat(run.exit()).isEqualTo(1);
        assertThat(run.err())
                .contains("identities.yaml:3:")
                .contains("callers[0].agency")
                .contains("unknown agency");
    }

    @Test
    void testLog_afterKeyUse_neverContainsTheKey() throws Exception {
        Path store = dir.resolve("identities.yaml");
        String key = run(
                        "keys",
                        "create",
                        "--store",
                        store.toString(),
                        "--agency",
                        "agency-egov",
                        "--caller",
                        "egov-chatbot")
                .out()
                .strip();
        CallerAuthenticator authenticator = CallerAuthenticator.create(
                IdentityStore.open(store),
                Clock.systemUTC(),
                Ticker.systemTicker(),
                CallerAuthenticator.CacheSettings.DEFAULT);
        authenticator.authenticateBlocking(key);
        authenticator.authenticateBlocking(key.substring(0, 20) + "x" + key.substring(21));

        Path log = Path.of(System.getProperty("qorgan.test.log", "target/test-logs/qorgan-test.log"));
        assertThat(log).exists();
        assertThat(Files.readString(log)).contains(key.substring(0, 11)).doesNotContain(key.substring(12));
    }
}
