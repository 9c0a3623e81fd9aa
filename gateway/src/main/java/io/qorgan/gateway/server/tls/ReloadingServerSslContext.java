package io.qorgan.gateway.server.tls;

import io.netty.buffer.ByteBufAllocator;
import io.netty.handler.ssl.SslContext;
import io.netty.handler.ssl.SslHandler;
import io.qorgan.gateway.config.Reloader;
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
import java.util.HexFormat;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A listener's {@link SslContext} that follows its certificate, key and client-CA files on disk.
 *
 * <p>How it works (a {@link Reloader}): {@link #reloadIfChanged()} hashes the files' bytes; when the
 * digest differs from the one the current context was built from, a new context is built and
 * swapped in with one atomic write. New connections take {@link #current()} (or {@link
 * #newHandler}) when they are accepted, so they handshake with the new certificate, while
 * connections already open keep the engine, and so the certificate, they started with. If the new
 * files are invalid (missing, unparsable, certificate and key not a pair — as happens halfway
 * through a rotation) the old context stays and the error is logged with file names only; the
 * next change of the files is tried again.
 *
 * <p>{@link #watch} polls on the given scheduler, which must not be an event loop: polling reads
 * files. Content hashing (not modification times) catches atomic renames, Kubernetes secret
 * symlink swaps and two writes within one second alike. Thread-safe.
 */
public final class ReloadingServerSslContext {

    private static final Logger log = LoggerFactory.getLogger(ReloadingServerSslContext.class);

    private final Reloader<SslContext> reloader;

    private ReloadingServerSslContext(Reloader<SslContext> reloader) {
        this.reloader = reloader;
    }

    /**
     * Builds the first context; fails at once if the files are not usable, so a gateway never
     * starts without TLS it was told to have.
     */
    public static ReloadingServerSslContext open(ServerTlsConfig config, TlsContexts contexts) throws IOException {
        Reloader.Source<SslContext, IOException> source = new Reloader.Source<>() {
            @Override
            public String hash() throws IOException {
                return HexFormat.of().formatHex(digest(config));
            }

            @Override
            public SslContext load(SslContext previous) throws IOException {
                return contexts.server(config);
            }
        };
        Reloader<SslContext> reloader = Reloader.open(
                Reloader.Naming.<SslContext>of(
                                "tls",
                                context ->
                                        "certificate from " + config.certificate() + " (" + describeLeaf(config) + ")")
                        // file names and the TLS stack's reason; certificates and keys are never in them
                        .explainedBy(e -> e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage()),
                source);
        log.info(
                "TLS listener context built with {} from {} ({})",
                contexts.provider(),
                config.certificate(),
                describeLeaf(config));
        return new ReloadingServerSslContext(reloader);
    }

    /** The context for a connection accepted now. */
    public SslContext current() {
        return reloader.current();
    }

    /** A server-side handler for a connection accepted now; put it first in the pipeline. */
    public SslHandler newHandler(ByteBufAllocator allocator) {
        return current().newHandler(allocator);
    }

    /** The reloads of this context: counts by outcome, the last refused change's error. */
    public Reloader<?> reloader() {
        return reloader;
    }

    /**
     * Reloads if any file's content changed since the current context was built.
     *
     * @return true if a new context was swapped in; false if nothing changed or the new files were
     *     refused (the old context stays)
     */
    public boolean reloadIfChanged() {
        return reloader.check() == Reloader.Outcome.RELOADED;
    }

    /**
     * Polls every {@code interval} on {@code scheduler} (never an event loop). Cancel the returned
     * future to stop.
     */
    public ScheduledFuture<?> watch(ScheduledExecutorService scheduler, Duration interval) {
        return reloader.watch(scheduler, interval);
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
