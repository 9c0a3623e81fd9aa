package io.qorgan.gateway.identity;

import java.io.IOException;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Duration;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.ReentrantLock;

/**
 * Makes one edit of an identity store file a whole: held from reading the file to renaming the new one over it, so
 * that two editors (threads or processes) never both start from the same content, where the later rename would drop
 * the earlier one's change (a revocation, a new key).
 *
 * <p>The lock is taken on a file beside the store, {@code <store>.lock}: the store itself is replaced by a rename, and
 * a lock on it would stay with the old file. The operating system releases the lock of an editor that dies; the lock
 * file stays, since removing it would let the next two editors lock two different files. {@link FileLock}s are held
 * per process, so editors in one JVM first take a lock of the JVM's own for the same file. An editor waits at most
 * {@code wait} and then gives up with an error naming the lock file. Blocking: for the CLI, never an event loop.
 */
final class StoreLock implements AutoCloseable {

    private static final Map<Path, ReentrantLock> IN_THIS_JVM = new ConcurrentHashMap<>();
    private static final long POLL_MILLIS = 20;

    private final ReentrantLock local;
    private final FileChannel channel;

    private StoreLock(ReentrantLock local, FileChannel channel) {
        this.local = local;
        this.channel = channel;
    }

    /** Waits up to {@code wait} for the lock of {@code store}. */
    static StoreLock acquire(Path store, Duration wait) throws IOException {
        Path lockFile = store.toAbsolutePath().normalize().resolveSibling(store.getFileName() + ".lock");
        long deadline = System.nanoTime() + wait.toNanos();
        ReentrantLock local = IN_THIS_JVM.computeIfAbsent(lockFile, p -> new ReentrantLock());
        try {
            if (!local.tryLock(wait.toNanos(), TimeUnit.NANOSECONDS)) {
                throw busy(lockFile, wait);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IOException("interrupted while waiting for the lock " + lockFile);
        }
        FileChannel channel = null;
        try {
            channel = open(lockFile);
            while (channel.tryLock() == null) {
                if (System.nanoTime() - deadline > 0) {
                    throw busy(lockFile, wait);
                }
                Thread.sleep(POLL_MILLIS);
            }
            return new StoreLock(local, channel);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            closeQuietly(channel);
            local.unlock();
            throw new IOException("interrupted while waiting for the lock " + lockFile);
        } catch (IOException | RuntimeException e) {
            closeQuietly(channel);
            local.unlock();
            throw e;
        }
    }

    /** The lock file, owner-only when this call creates it. */
    private static FileChannel open(Path lockFile) throws IOException {
        Set<StandardOpenOption> options = Set.of(StandardOpenOption.CREATE, StandardOpenOption.WRITE);
        try {
            return FileChannel.open(
                    lockFile,
                    options,
                    PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rw-------")));
        } catch (UnsupportedOperationException e) {
            return FileChannel.open(lockFile, options); // not POSIX: inherited ACLs apply
        }
    }

    private static IOException busy(Path lockFile, Duration wait) {
        return new IOException(
                "another editor has held " + lockFile + " for " + wait.toSeconds() + "s; try again when it is done");
    }

    private static void closeQuietly(FileChannel channel) {
        if (channel != null) {
            try {
                channel.close();
            } catch (IOException ignored) {
                // closing releases the lock; nothing else to undo
            }
        }
    }

    /** Releases the file lock (closing its channel), then the JVM's. */
    @Override
    public void close() throws IOException {
        try {
            channel.close();
        } finally {
            local.unlock();
        }
    }
}
