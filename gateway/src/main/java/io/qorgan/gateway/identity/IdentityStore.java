package io.qorgan.gateway.identity;

import io.qorgan.gateway.config.Reloader;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Duration;
import java.util.HexFormat;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.function.Consumer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The identity store: a YAML file of agencies, roles, callers, API key hashes and client
 * certificate mappings, held in memory as an immutable snapshot.
 *
 * <pre>
 * agencies:
 *   - id: agency-egov
 *     name: Electronic government          # optional
 * roles:                                   # role → Shiro wildcard permissions
 *   chat-user: [route:chat:invoke, "upstream:onprem-llm:use"]
 *   auditor: ["admin:audit:read", "admin:policy:read"]
 * callers:
 *   - id: egov-chatbot
 *     agency: agency-egov
 *     roles: [chat-user]
 *     permissions: []                      # optional, granted directly
 * apiKeys:                                 # written by `qorgan keys create`; hashes only
 *   - id: qg_ab12cd34
 *     caller: egov-chatbot
 *     hash: $shiro2$argon2id$v=19$t=2,m=19456,p=1$...$...
 *     created: 2026-11-27T06:00:00Z
 *     expires: 2027-01-01T00:00:00Z         # optional
 *     revoked: false                        # optional
 * clientCertificates:                      # mTLS: certificate → caller
 *   - subject: CN=egov-chatbot,O=agency-egov,C=KZ
 *     caller: egov-chatbot
 *   - san: urn:qorgan:agency-health:health-records   # DNS, URI, e-mail or IP SAN value
 *     caller: health-records
 * </pre>
 *
 * <p>Reloading is a {@link Reloader}'s: {@link #reloadIfChanged()} compares a digest of the file's
 * bytes with the one the snapshot was read from; on change it validates the new content completely
 * and swaps the snapshot in one atomic write, then tells the {@link #onChange} listeners (the
 * authenticator drops its cache). An invalid file is logged (file, line, field; never a value) and
 * the last good snapshot stays. {@link #watch} polls on a scheduler of the caller's choosing, never
 * an event loop: the poll reads the file. Thread-safe.
 */
public final class IdentityStore {

    private static final Logger log = LoggerFactory.getLogger(IdentityStore.class);

    private final Path file;
    private final Reloader<Snapshot> reloader;

    private IdentityStore(Path file, Reloader<Snapshot> reloader) {
        this.file = file;
        this.reloader = reloader;
    }

    /** The file's bytes as last hashed, so a load validates exactly the content whose hash it records. */
    private static final class StoreSource implements Reloader.Source<Snapshot, IOException> {
        private final Path file;
        private byte[] content;

        StoreSource(Path file) {
            this.file = file;
        }

        @Override
        public String hash() throws IOException {
            content = Files.readAllBytes(file);
            return sha256(content);
        }

        @Override
        public Snapshot load(Snapshot previous) throws IdentityStoreException {
            return StoreLoader.load(file, content, previous == null ? 1 : previous.generation() + 1);
        }
    }

    /**
     * Reads and validates the file.
     *
     * @throws IdentityStoreException if it is invalid (message: file, line, column, field)
     * @throws IOException if it cannot be read
     */
    public static IdentityStore open(Path file) throws IOException {
        Reloader<Snapshot> reloader = Reloader.open(
                Reloader.Naming.<Snapshot>of(
                                "identity",
                                s -> "generation " + s.generation() + ": "
                                        + s.callers().size() + " callers, "
                                        + s.keys().size() + " API keys, "
                                        + (s.callerBySubject().size()
                                                + s.callerBySan().size()) + " certificate mappings")
                        // StoreLoader builds its messages from locations and field names only.
                        .explainedBy(e -> e instanceof IdentityStoreException
                                ? e.getMessage()
                                : e.getClass().getSimpleName())
                        .codedBy(e -> e instanceof IdentityStoreException
                                ? "identity_store_invalid"
                                : "identity_store_unreadable"),
                new StoreSource(file));
        Snapshot snapshot = reloader.current();
        log.info(
                "identity store {} loaded: {} callers, {} API keys, {} certificate mappings",
                file,
                snapshot.callers().size(),
                snapshot.keys().size(),
                snapshot.callerBySubject().size() + snapshot.callerBySan().size());
        return new IdentityStore(file, reloader);
    }

    public Path file() {
        return file;
    }

    /** Increases by one with every successful reload; part of cache entries, so stale ones are ignored. */
    public long generation() {
        return reloader.current().generation();
    }

    Snapshot snapshot() {
        return reloader.current();
    }

    /** The reloads of this store: counts by outcome, the last rejected change's error. */
    public Reloader<?> reloader() {
        return reloader;
    }

    /** Runs {@code listener} after each successful reload, on the reloading thread. */
    public void onChange(Runnable listener) {
        reloader.onReload(snapshot -> listener.run());
    }

    /**
     * Runs {@code listener} with an error code ({@code identity_store_invalid}, {@code identity_store_unreadable}) when
     * a changed file is not taken, once per distinct content, on the reloading thread.
     */
    public void onRejected(Consumer<String> listener) {
        reloader.onRejected(listener);
    }

    /**
     * Reloads if the file's content changed. Blocking (reads and validates the file).
     *
     * @return true if a new snapshot was swapped in; false if unchanged or invalid (old one kept)
     */
    public boolean reloadIfChanged() {
        return reloader.check() == Reloader.Outcome.RELOADED;
    }

    /** Polls the file every {@code interval} on {@code scheduler}; cancel the future to stop. */
    public ScheduledFuture<?> watch(ScheduledExecutorService scheduler, Duration interval) {
        return reloader.watch(scheduler, interval);
    }

    private static String sha256(byte[] content) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(content));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
