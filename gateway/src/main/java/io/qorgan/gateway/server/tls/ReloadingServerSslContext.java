package io.qorgan.gateway.server.tls;

import io.netty.buffer.ByteBufAllocator;
import io.netty.handler.ssl.SslContext;
import io.netty.handler.ssl.SslHandler;
import io.qorgan.gateway.config.FilePolling;
import io.qorgan.gateway.config.ServerTlsConfig;
import io.qorgan.gateway.crypto.Pem;
import io.qorgan.gateway.transport.TlsContexts;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.cert.X509Certificate;
import java.time.Duration;
import java.util.Arrays;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.atomic.AtomicReference;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A listener's {@link SslContext} that follows its certificate, key and client-CA files on disk.
 *
 * <p>How it works: {@link #reloadIfChanged()} hashes the files' bytes; when the digest differs from
 * the one the current context was built from, a new context is built and swapped in with one
 * atomic write. New connections take {@link #current()} (or {@link #newHandler}) when they are
 * accepted, so they handshake with the new certificate, while connections already open keep the
 * engine, and so the certificate, they started with. If the new files are invalid (missing,
 * unparsable, certificate and key not a pair — as happens halfway through a rotation) the old
 * context stays and the error is logged with file names only; the next poll tries again.
 *
 * <p>{@link #watch} polls on the given scheduler, which must not be an event loop: polling reads
 * files. Content hashing (not modification times) catches atomic renames, Kubernetes secret
 * symlink swaps and two writes within one second alike. Thread-safe.
 */
public final class ReloadingServerSslContext {

    private static final Logger log = LoggerFactory.getLogger(ReloadingServerSslContext.class);

    private record Loaded(SslContext context, byte[] digest) {}

    private final ServerTlsConfig config;
    private final TlsContexts contexts;
    private final AtomicReference<Loaded> loaded = new AtomicReference<>();

    private ReloadingServerSslContext(ServerTlsConfig config, TlsContexts contexts, Loaded first) {
        this.config = config;
        this.contexts = contexts;
        this.loaded.set(first);
    }

    /**
     * Builds the first context; fails at once if the files are not usable, so a gateway never
     * starts without TLS it was told to have.
     */
    public static ReloadingServerSslContext open(ServerTlsConfig config, TlsContexts contexts) throws IOException {
        byte[] digest = digest(config);
        SslContext context = contexts.server(config);
        log.info(
                "TLS listener context built with {} from {} ({})",
                contexts.provider(),
                config.certificate(),
                describeLeaf(config));
        return new ReloadingServerSslContext(config, contexts, new Loaded(context, digest));
    }

    /** The context for a connection accepted now. */
    public SslContext current() {
        return loaded.get().context();
    }

    /** A server-side handler for a connection accepted now; put it first in the pipeline. */
    public SslHandler newHandler(ByteBufAllocator allocator) {
        return current().newHandler(allocator);
    }

    /**
     * Reloads if any file's content changed since the current context was built.
     *
     * @return true if a new context was swapped in; false if nothing changed or the new files were
     *     refused (the old context stays)
     */
    public synchronized boolean reloadIfChanged() {
        byte[] digest;
        try {
            digest = digest(config);
        } catch (IOException e) {
            log.warn("TLS reload skipped, keeping the current certificate: {}", e.getMessage());
            return false;
        }
        if (Arrays.equals(digest, loaded.get().digest())) {
            return false;
        }
        try {
            SslContext next = contexts.server(config);
            loaded.set(new Loaded(next, digest));
            log.info("TLS certificate reloaded from {} ({})", config.certificate(), describeLeaf(config));
            return true;
        } catch (IOException | RuntimeException e) {
            // Remember nothing: a later fix of the same files is picked up on the next poll.
            log.warn("TLS reload refused, keeping the current certificate: {}", e.getMessage());
            return false;
        }
    }

    /**
     * Polls every {@code interval} on {@code scheduler} (never an event loop). Cancel the returned
     * future to stop.
     */
    public ScheduledFuture<?> watch(ScheduledExecutorService scheduler, Duration interval) {
        return FilePolling.every(scheduler, interval, this::reloadIfChanged, log, "TLS reload");
    }

    private static byte[] digest(ServerTlsConfig config) throws IOException {
        try {
            MessageDigest sha = MessageDigest.getInstance("SHA-256");
            for (Path file : new Path[] {config.certificate(), config.privateKey(), config.trustedClientCas()}) {
                if (file == null) {
                    continue;
                }
                try {
                    sha.update(Files.readAllBytes(file));
                } catch (NoSuchFileException e) {
                    throw new IOException(file + " does not exist");
                }
                sha.update((byte) 0);
            }
            return sha.digest();
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    private static String describeLeaf(ServerTlsConfig config) {
        try {
            X509Certificate leaf = Pem.readCertificates(config.certificate()).get(0);
            return "subject " + leaf.getSubjectX500Principal().getName() + ", serial "
                    + leaf.getSerialNumber().toString(16) + ", valid until "
                    + leaf.getNotAfter().toInstant();
        } catch (IOException e) {
            return "unreadable";
        }
    }
}
