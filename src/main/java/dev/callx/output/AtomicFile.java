package dev.callx.output;

import java.io.IOException;
import java.io.OutputStream;
import java.io.Writer;
import java.nio.channels.Channels;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.channels.OverlappingFileLockException;
import java.nio.charset.StandardCharsets;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.DirectoryStream;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.BasicFileAttributes;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.concurrent.ThreadLocalRandom;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A file written atomically: everything goes to a temporary file in the target's folder, which is
 * renamed over the target only by {@link #commit()}. {@link #abort()} (a failed run, or Ctrl-C from
 * a shutdown hook) deletes the temporary file and leaves an existing target untouched. Once aborted,
 * a commit fails; once committed, an abort does nothing.
 *
 * <p>The target is what {@link FileTarget} resolves: a symbolic link is written through to its final
 * target, in that target's folder, and stays a link.
 *
 * <p>The temporary file is {@code .callx-HASH-PID-RANDOM.tmp}: HASH (16 hex digits of the SHA-256 of
 * the target's name) ties it to its target, PID to the process writing it; at most 50 characters,
 * whatever the length of the target's name. The writer holds a lock on it while it lives. A run
 * killed by SIGKILL leaves it behind; the next run that writes the same target removes it, but only
 * when its writer is gone: its process is not alive and its lock can be taken (so a run still going,
 * here or in another PID namespace on the same file system, keeps its file).
 */
public final class AtomicFile {
    private static final String PREFIX = ".callx-";
    private static final String SUFFIX = ".tmp";
    private static final Pattern TEMP_NAME =
            Pattern.compile("\\.callx-([0-9a-f]{16})-([0-9]{1,19})-[0-9a-f]{1,16}\\.tmp");

    private final Path target;
    private final Path temp;
    private final FileChannel channel;
    private final Writer writer;
    private final OutputStream stream;
    private boolean committed;
    private boolean aborted;

    private AtomicFile(Path target, Path temp, FileChannel channel) {
        this.target = target;
        this.temp = temp;
        this.channel = channel;
        this.stream = Channels.newOutputStream(channel);
        this.writer = new Utf8Writer(stream, 1 << 16);
    }

    /**
     * Creates the temporary file in the folder of {@code target}'s final target, with the default
     * permissions of a new file, or those of the file it replaces. Removes what killed runs left
     * there for the same target first. Throws a usage error when the target is not a file one may
     * write (see {@link FileTarget}).
     */
    public static AtomicFile create(Path target) throws IOException {
        Path real = FileTarget.resolve(target);
        String hash = hash(real.getFileName().toString());
        removeStale(real.getParent(), hash);
        long pid = ProcessHandle.current().pid();
        for (int attempt = 0; ; attempt++) {
            String name = PREFIX + hash + "-" + pid + "-"
                    + Integer.toHexString(ThreadLocalRandom.current().nextInt()) + SUFFIX;
            Path temp = real.resolveSibling(name);
            FileChannel channel;
            try {
                channel = FileChannel.open(temp, StandardOpenOption.CREATE_NEW, StandardOpenOption.WRITE);
            } catch (FileAlreadyExistsException e) {
                if (attempt < 10) {
                    continue;
                }
                throw e;
            }
            lock(channel);
            AtomicFile file = new AtomicFile(real, temp, channel);
            file.keepPermissions(); // before any record is written: a 0600 export is never readable by others
            return file;
        }
    }

    public Writer writer() {
        return writer;
    }

    /**
     * The file as bytes, unbuffered, for binary content (a recording): write through this or through
     * {@link #writer()}, never both. {@link #commit()} syncs and renames it as for text.
     */
    public OutputStream stream() {
        return stream;
    }

    /** The file the commit replaces: the final target of a link. */
    public Path target() {
        return target;
    }

    Path temp() {
        return temp;
    }

    /** Whether {@link #commit()} succeeded. */
    public synchronized boolean committed() {
        return committed;
    }

    /** Whether {@link #abort()} ran (Ctrl-C): writes and the commit then fail. */
    public synchronized boolean aborted() {
        return aborted;
    }

    /** Flushes, syncs and renames the temporary file over the target. */
    public synchronized void commit() throws IOException {
        if (aborted) {
            throw new IOException("the export was interrupted; " + target + " was left as it was");
        }
        writer.flush();
        channel.force(true);
        // the target was checked at the start; a device or a pipe put there since is not replaced either
        BasicFileAttributes now = attributes(target);
        if (now != null && !now.isRegularFile()) {
            throw new IOException(target + " is no longer a regular file; it was left as it was");
        }
        // renamed while still locked: no other run can take the file for a killed run's leftover
        try {
            Files.move(temp, target, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
        } catch (AtomicMoveNotSupportedException e) {
            Files.move(temp, target, StandardCopyOption.REPLACE_EXISTING);
        }
        committed = true;
        writer.close();
    }

    /** A replaced file keeps its permissions (a 0600 export stays 0600). */
    private void keepPermissions() {
        try {
            if (Files.exists(target)) {
                Files.setPosixFilePermissions(temp, Files.getPosixFilePermissions(target));
            }
        } catch (UnsupportedOperationException | IOException e) {
            // not a POSIX file system, or not ours to read: the new file keeps the default permissions
        }
    }

    /** Deletes the temporary file unless committed. Safe to call more than once, from any thread. */
    public synchronized void abort() {
        if (committed || aborted) {
            return;
        }
        aborted = true;
        try {
            channel.close();
        } catch (IOException e) {
            // closing is best effort; the delete below is what matters
        }
        try {
            Files.deleteIfExists(temp);
        } catch (IOException e) {
            // nothing more can be done; the next run that writes this target removes it
        }
    }

    /** The first 16 hex digits of the SHA-256 of the target's name. */
    static String hash(String name) {
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256").digest(name.getBytes(StandardCharsets.UTF_8));
            return HexFormat.of().formatHex(digest, 0, 8);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every Java has SHA-256", e);
        }
    }

    /** The writer's lock, held until its channel closes. Where the file system has no locks, none. */
    private static void lock(FileChannel channel) {
        try {
            channel.lock();
        } catch (IOException | UnsupportedOperationException e) {
            // no locks here (some network file systems): the process check alone guards the file
        }
    }

    /**
     * Removes the temporary files of {@code hash}'s target whose writer is gone: not this process,
     * no live process of that PID, and the lock free. Any doubt leaves the file.
     */
    private static void removeStale(Path dir, String hash) {
        long self = ProcessHandle.current().pid();
        try (DirectoryStream<Path> files = Files.newDirectoryStream(dir, PREFIX + hash + "-*" + SUFFIX)) {
            for (Path file : files) {
                Matcher m = TEMP_NAME.matcher(file.getFileName().toString());
                if (!m.matches() || !m.group(1).equals(hash)) {
                    continue;
                }
                long pid;
                try {
                    pid = Long.parseLong(m.group(2));
                } catch (NumberFormatException e) {
                    continue;
                }
                boolean alive = ProcessHandle.of(pid).map(ProcessHandle::isAlive).orElse(false);
                if (pid != self && !alive) {
                    removeIfUnlocked(file);
                }
            }
        } catch (IOException | RuntimeException e) {
            // cleaning is a courtesy: the export goes on
        }
    }

    private static void removeIfUnlocked(Path file) {
        BasicFileAttributes attributes = attributes(file);
        if (attributes == null || !attributes.isRegularFile()) {
            return;
        }
        try (FileChannel ch = FileChannel.open(file, StandardOpenOption.READ, LinkOption.NOFOLLOW_LINKS)) {
            FileLock lock = ch.tryLock(0, Long.MAX_VALUE, true);
            if (lock != null) {
                Files.deleteIfExists(file); // under the lock: no writer holds it
            }
        } catch (OverlappingFileLockException | IOException | UnsupportedOperationException e) {
            // held in this JVM, or no locks here and so no proof its writer is gone: left as it is
        }
    }

    private static BasicFileAttributes attributes(Path path) {
        try {
            return Files.readAttributes(path, BasicFileAttributes.class, LinkOption.NOFOLLOW_LINKS);
        } catch (IOException e) {
            return null; // gone, or not ours to look at
        }
    }
}
