package io.qorgan.gateway.identity;

import io.qorgan.gateway.config.FilePolling;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Duration;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.atomic.AtomicReference;
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
 * <p>Reloading: {@link #reloadIfChanged()} compares a digest of the file's bytes with the one the
 * snapshot was read from; on change it validates the new content completely and swaps the snapshot
 * in one atomic write, then tells the {@link #onChange} listeners (the authenticator drops its
 * cache). An invalid file is logged (file, line, field; never a value) and the last good snapshot
 * stays. {@link #watch} polls on a scheduler of the caller's choosing, never an event loop: the
 * poll reads the file. Thread-safe.
 */
public final class IdentityStore {

    private static final Logger log = LoggerFactory.getLogger(IdentityStore.class);

    private record Loaded(Snapshot snapshot, byte[] digest) {}

    private final Path file;
    private final AtomicReference<Loaded> loaded = new AtomicReference<>();
    private final List<Runnable> listeners = new CopyOnWriteArrayList<>();
    private final List<Consumer<String>> rejectedListeners = new CopyOnWriteArrayList<>();
    /** The last content rejected (its digest, or the error for an unreadable file): each is reported once. */
    private String lastRejected;

    private IdentityStore(Path file, Loaded first) {
        this.file = file;
        this.loaded.set(first);
    }

    /**
     * Reads and validates the file.
     *
     * @throws IdentityStoreException if it is invalid (message: file, line, column, field)
     * @throws IOException if it cannot be read
     */
    public static IdentityStore open(Path file) throws IOException {
        byte[] content = Files.readAllBytes(file);
        Snapshot snapshot = StoreLoader.load(file, content, 1);
        log.info(
                "identity store {} loaded: {} callers, {} API keys, {} certificate mappings",
                file,
                snapshot.callers().size(),
                snapshot.keys().size(),
                snapshot.callerBySubject().size() + snapshot.callerBySan().size());
        return new IdentityStore(file, new Loaded(snapshot, digest(content)));
    }

    public Path file() {
        return file;
    }

    /** Increases by one with every successful reload; part of cache entries, so stale ones are ignored. */
    public long generation() {
        return loaded.get().snapshot().generation();
    }

    Snapshot snapshot() {
        return loaded.get().snapshot();
    }

    /** Runs {@code listener} after each successful reload, on the reloading thread. */
    public void onChange(Runnable listener) {
        listeners.add(listener);
    }

    /**
     * Runs {@code listener} with an error code ({@code identity_store_invalid}, {@code identity_store_unreadable}) when
     * a changed file is not taken, once per distinct content, on the reloading thread.
     */
    public void onRejected(Consumer<String> listener) {
        rejectedListeners.add(listener);
    }

    private void rejected(String what, String code) {
        if (what.equals(lastRejected)) {
            return;
        }
        lastRejected = what;
        for (Consumer<String> listener : rejectedListeners) {
            try {
                listener.accept(code);
            } catch (RuntimeException e) {
                log.warn(
                        "identity store rejection listener failed: {}",
                        e.getClass().getSimpleName());
            }
        }
    }

    /**
     * Reloads if the file's content changed. Blocking (reads and validates the file).
     *
     * @return true if a new snapshot was swapped in; false if unchanged or invalid (old one kept)
     */
    public synchronized boolean reloadIfChanged() {
        byte[] content;
        try {
            content = Files.readAllBytes(file);
        } catch (IOException e) {
            log.warn(
                    "identity store {} not reloaded, keeping the last good one: {}",
                    file,
                    e.getClass().getSimpleName());
            rejected(e.getClass().getSimpleName(), "identity_store_unreadable");
            return false;
        }
        byte[] digest = digest(content);
        Loaded current = loaded.get();
        if (Arrays.equals(digest, current.digest())) {
            return false;
        }
        try {
            Snapshot next = StoreLoader.load(file, content, current.snapshot().generation() + 1);
            loaded.set(new Loaded(next, digest));
            log.info(
                    "identity store {} reloaded (generation {}): {} callers, {} API keys",
                    file,
                    next.generation(),
                    next.callers().size(),
                    next.keys().size());
        } catch (IdentityStoreException e) {
            // The message is built by StoreLoader from locations and field names only.
            log.warn("identity store not reloaded, keeping the last good one: {}", e.getMessage());
            rejected(HexFormat.of().formatHex(digest), "identity_store_invalid");
            return false;
        }
        lastRejected = null;
        for (Runnable listener : listeners) {
            try {
                listener.run();
            } catch (RuntimeException e) {
                log.warn(
                        "identity store change listener failed: {}",
                        e.getClass().getSimpleName());
            }
        }
        return true;
    }

    /** Polls the file every {@code interval} on {@code scheduler}; cancel the future to stop. */
    public ScheduledFuture<?> watch(ScheduledExecutorService scheduler, Duration interval) {
        return FilePolling.every(scheduler, interval, this::reloadIfChanged, log, "identity store");
    }

    private static byte[] digest(byte[] content) {
        try {
            return MessageDigest.getInstance("SHA-256").digest(content);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
