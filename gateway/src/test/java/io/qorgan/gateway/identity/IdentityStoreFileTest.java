package io.qorgan.gateway.identity;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.dataformat.yaml.YAMLGenerator;
import com.fasterxml.jackson.dataformat.yaml.YAMLMapper;
import com.github.benmanes.caffeine.cache.Ticker;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@link IdentityStoreFile} edits keep what people wrote in the file: comments, layout, other fields. */
class IdentityStoreFileTest {

    private static final String HEADER = """
            # Identity store of the eGov pilot.
            # Owner: security office; change only with a ticket (SEC-101).

            """;
    private static final String ABOVE_AGENCY = "  # Ministry of digital development, onboarded 2026-10 (SEC-102)";
    private static final String INLINE_ROLE = "      - chat-user  # chat only, no audit (SEC-104)";
    private static final String ABOVE_CALLER = "  # Chatbot of the eGov portal; key asked by A. Nurlanovna (SEC-103)";

    /** A header, a comment above an agency and a caller, an inline comment on a role; fields the edit never touches. */
    private static final String COMMENTED = HEADER + """
            agencies:
            %s
              - id: agency-egov
                name: Electronic government
            roles:
              chat-user: [route:chat:invoke, "upstream:onprem-llm:use"]
              auditor: ["admin:audit:read", "admin:policy:read"]
            callers:
            %s
              - id: egov-chatbot
                agency: agency-egov
                roles:
            %s
              - id: egov-auditor
                agency: agency-egov
                roles: [auditor]
                permissions: ["route:*"]
            clientCertificates:
              - subject: CN=egov-chatbot,O=agency-egov,C=KZ
                caller: egov-chatbot
            """.formatted(ABOVE_AGENCY, ABOVE_CALLER, INLINE_ROLE);

    /** The store's writer as it always was: what files without comments must keep looking like. */
    private static final YAMLMapper WRITER = YAMLMapper.builder()
            .disable(YAMLGenerator.Feature.WRITE_DOC_START_MARKER)
            .enable(YAMLGenerator.Feature.MINIMIZE_QUOTES)
            .enable(YAMLGenerator.Feature.INDENT_ARRAYS_WITH_INDICATOR)
            .build();

    @TempDir
    Path dir;

    private final ApiKeys keys = new ApiKeys(new SecureRandom(), ApiKeys.HashCost.FAST_FOR_TESTS);
    private final Clock clock = Clock.fixed(Instant.parse("2026-11-27T06:00:00Z"), ZoneOffset.UTC);

    @Test
    void createKey_newAgencyAndCaller_keepsEveryCommentInPlace() throws Exception {
        Path file = Files.writeString(dir.resolve("identities.yaml"), COMMENTED);

        IdentityStoreFile.CreatedKey created = IdentityStoreFile.createKey(
                file, "agency-health", "health-bot", List.of("chat-user", "records-reader"), null, keys, clock);

        String content = Files.readString(file);
        assertCommentsInPlace(content);
        assertThat(content.lines().toList())
                .as("the edit only adds lines")
                .containsSubsequence(COMMENTED.lines().toList());
        assertThat(content)
                .contains("  - id: agency-health\n")
                .contains("  records-reader: []\n")
                .contains("  - id: health-bot\n    agency: agency-health\n");
        assertThat(authenticate(file, created.key().key()).status()).isEqualTo(AuthResult.Status.OK);
        Snapshot reloaded = StoreLoader.load(file, Files.readAllBytes(file), 0);
        assertThat(reloaded.callers().get("health-bot").roles())
                .containsExactlyInAnyOrder("chat-user", "records-reader");
        assertThat(reloaded.callers().get("egov-auditor").permissions()).hasSize(3); // auditor's two and route:*
        assertThat(reloaded.callerBySubject()).containsValue("egov-chatbot");
    }

    @Test
    void createKey_existingCaller_keepsEveryCommentInPlaceAndAddsOnlyTheKey() throws Exception {
        Path file = Files.writeString(dir.resolve("identities.yaml"), COMMENTED);

        String key = IdentityStoreFile.createKey(file, "agency-egov", "egov-chatbot", List.of(), null, keys, clock)
                .key()
                .key();
        String second = IdentityStoreFile.createKey(
                        file, "agency-egov", "egov-chatbot", List.of("chat-user"), null, keys, clock)
                .key()
                .key();

        String content = Files.readString(file);
        assertCommentsInPlace(content);
        assertThat(content).startsWith(COMMENTED).contains("apiKeys:\n  - id: " + key.substring(0, 11) + "\n");
        assertThat(authenticate(file, key).identity()).hasValueSatisfying(identity -> {
            assertThat(identity.caller()).isEqualTo("egov-chatbot");
            assertThat(identity.roles()).containsExactly("chat-user");
        });
        assertThat(authenticate(file, second).status()).isEqualTo(AuthResult.Status.OK);
    }

    @Test
    void revokeKey_commentedEntries_keepsCommentsAndMarksKeyRevoked() throws Exception {
        String pilot = "qg_pilot001_" + "A".repeat(43);
        String audit = "qg_audit001_" + "B".repeat(43);
        String apiKeys = """
                apiKeys:
                  # Pilot key of the chatbot, asked by A. Nurlanovna (SEC-105)
                  - id: qg_pilot001
                    caller: egov-chatbot  # rotate after the pilot
                    hash: "%s"
                    created: 2026-11-01T00:00:00Z
                    revoked: false  # qorgan keys revoke sets this
                  - id: qg_audit001
                    caller: egov-auditor
                    hash: "%s"
                    created: 2026-11-01T00:00:00Z
                """.formatted(keys.hash(pilot), keys.hash(audit));
        Path file = Files.writeString(dir.resolve("identities.yaml"), COMMENTED + apiKeys);

        boolean first = IdentityStoreFile.revokeKey(file, "qg_pilot001");
        boolean noField = IdentityStoreFile.revokeKey(file, "qg_audit001");
        boolean again = IdentityStoreFile.revokeKey(file, "qg_pilot001");

        assertThat(first).isTrue();
        assertThat(noField).isTrue();
        assertThat(again).isFalse();
        String content = Files.readString(file);
        assertCommentsInPlace(content);
        assertThat(lineAfter(content, "  # Pilot key of the chatbot, asked by A. Nurlanovna (SEC-105)"))
                .isEqualTo("  - id: qg_pilot001");
        assertThat(content)
                .contains("    caller: egov-chatbot  # rotate after the pilot\n")
                .contains("    revoked: true  # qorgan keys revoke sets this\n")
                .endsWith("    created: 2026-11-01T00:00:00Z\n    revoked: true\n");
        assertThat(IdentityStoreFile.listKeys(file))
                .allSatisfy(listed -> assertThat(listed.revoked()).isTrue());
        assertThat(authenticate(file, pilot).status()).isEqualTo(AuthResult.Status.REVOKED);
        assertThat(authenticate(file, audit).status()).isEqualTo(AuthResult.Status.REVOKED);
    }

    @Test
    void createKey_handFormattedFileWithoutComments_keepsItsLayoutAndReloadsTheSame() throws Exception {
        Path file = Files.writeString(dir.resolve("identities.yaml"), CallerAuthenticatorTest.BASE);
        Snapshot before = StoreLoader.load(file, Files.readAllBytes(file), 0);

        String key = IdentityStoreFile.createKey(file, "agency-egov", "egov-auditor", List.of(), null, keys, clock)
                .key()
                .key();

        String content = Files.readString(file);
        assertThat(content).as("flow lists and quotes stay as written").startsWith(CallerAuthenticatorTest.BASE);
        Snapshot after = StoreLoader.load(file, Files.readAllBytes(file), 0);
        assertThat(after.callers()).isEqualTo(before.callers());
        assertThat(after.agencies()).isEqualTo(before.agencies());
        assertThat(after.keys()).containsOnlyKeys(key.substring(0, 11));
        assertThat(authenticate(file, key).status()).isEqualTo(AuthResult.Status.OK);
    }

    /** Non-regression rather than a fix: files the writer made before read exactly as it would write them. */
    @Test
    void createAndRevoke_fileWithoutComments_isWrittenAsTheWriterAlwaysDid() throws Exception {
        Path file = dir.resolve("identities.yaml");

        String first = IdentityStoreFile.createKey(
                        file,
                        "agency-egov",
                        "egov-chatbot",
                        List.of("chat-user", "auditor"),
                        Instant.parse("2027-01-01T00:00:00Z"),
                        keys,
                        clock)
                .key()
                .id();
        assertWrittenAsWriterWould(file);
        IdentityStoreFile.createKey(file, "agency-health", "health-bot", List.of("chat-user"), null, keys, clock);
        assertWrittenAsWriterWould(file);
        IdentityStoreFile.createKey(file, "agency-egov", "egov-chatbot", List.of(), null, keys, clock);
        assertWrittenAsWriterWould(file);
        IdentityStoreFile.revokeKey(file, first);
        assertWrittenAsWriterWould(file);

        assertThat(Files.readString(file)).startsWith("""
                agencies:
                  - id: agency-egov
                  - id: agency-health
                roles:
                  chat-user: []
                  auditor: []
                callers:
                  - id: egov-chatbot
                    agency: agency-egov
                    roles:
                      - chat-user
                      - auditor
                  - id: health-bot
                """).contains("""
                    created: 2026-11-27T06:00:00Z
                    expires: 2027-01-01T00:00:00Z
                    revoked: true
                """);
        assertThat(IdentityStoreFile.listKeys(file)).hasSize(3);
    }

    @Test
    void createKey_crlfFileWithEmptyFlowAndNullSections_keepsLineBreaksAndComments() throws Exception {
        String original = """
                # Written on Windows by the security office.
                agencies: [{id: agency-egov}]  # one agency for now
                roles: {}  # permissions come later (SEC-106)
                callers: ~  # none yet
                apiKeys: []
                """.replace("\n", "\r\n");
        Path file = Files.writeString(dir.resolve("identities.yaml"), original);

        String key = IdentityStoreFile.createKey(
                        file, "agency-egov", "egov-chatbot", List.of("chat-user"), null, keys, clock)
                .key()
                .key();

        String content = Files.readString(file);
        assertThat(content.replace("\r\n", "")).doesNotContain("\n");
        assertThat(content).startsWith("""
                # Written on Windows by the security office.
                agencies: [{id: agency-egov}]  # one agency for now
                roles:  # permissions come later (SEC-106)
                  chat-user: []
                callers:  # none yet
                  - id: egov-chatbot
                    agency: agency-egov
                    roles:
                      - chat-user
                apiKeys:
                  - id: %s
                """.formatted(key.substring(0, 11)).replace("\n", "\r\n"));
        assertThat(authenticate(file, key).status()).isEqualTo(AuthResult.Status.OK);
    }

    private static void assertCommentsInPlace(String content) {
        assertThat(content).startsWith(HEADER + "agencies:\n");
        assertThat(lineAfter(content, ABOVE_AGENCY)).isEqualTo("  - id: agency-egov");
        assertThat(lineAfter(content, ABOVE_CALLER)).isEqualTo("  - id: egov-chatbot");
        assertThat(content).contains("    roles:\n" + INLINE_ROLE + "\n  - id: egov-auditor\n");
    }

    private static String lineAfter(String content, String line) {
        List<String> lines = content.lines().toList();
        int at = lines.indexOf(line);
        assertThat(at).as("line present: %s", line).isNotNegative();
        return lines.get(at + 1);
    }

    private static void assertWrittenAsWriterWould(Path file) throws Exception {
        String content = Files.readString(file);
        assertThat(content).isEqualTo(WRITER.writeValueAsString(StoreLoader.MAPPER.readTree(content)));
    }

    private static AuthResult authenticate(Path file, String key) throws Exception {
        return CallerAuthenticator.create(
                        IdentityStore.open(file),
                        Clock.systemUTC(),
                        Ticker.systemTicker(),
                        CallerAuthenticator.CacheSettings.DEFAULT)
                .authenticateBlocking(key);
    }
}
