package dev.callx.output;

import java.io.BufferedWriter;
import java.io.IOException;
import java.io.OutputStreamWriter;
import java.io.Writer;
import java.nio.channels.Channels;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.util.UUID;

/**
 * A file written atomically: everything goes to a temporary file in the target's folder, which is
 * renamed over the target only by {@link #commit()}. {@link #abort()} (a failed run, or Ctrl-C from
 * a shutdown hook) deletes the temporary file and leaves an existing target untouched. Once aborted,
 * a commit fails; once committed, an abort does nothing.
 */
public final class AtomicFile {
    private final Path target;
    private final Path temp;
    private final FileChannel channel;
    private final Writer writer;
    private boolean committed;
    private boolean aborted;

    private AtomicFile(Path target, Path temp, FileChannel channel) {
        this.target = target;
        this.temp = temp;
        this.channel = channel;
        this.writer = new BufferedWriter(new OutputStreamWriter(Channels.newOutputStream(channel),
                StandardCharsets.UTF_8), 1 << 16);
    }

    /** Creates the temporary file beside {@code target}, with the default permissions of a new file. */
    public static AtomicFile create(Path target) throws IOException {
        Path absolute = target.toAbsolutePath();
        Path temp = absolute.resolveSibling("." + absolute.getFileName() + "." + UUID.randomUUID() + ".tmp");
        FileChannel channel = FileChannel.open(temp, StandardOpenOption.CREATE_NEW, StandardOpenOption.WRITE);
        AtomicFile file = new AtomicFile(absolute, temp, channel);
        file.keepPermissions(); // before any record is written: a 0600 export is never readable by others
        return file;
    }

    public Writer writer() {
        return writer;
    }

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
        writer.close();
        try {
            Files.move(temp, target, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
        } catch (AtomicMoveNotSupportedException e) {
            Files.move(temp, target, StandardCopyOption.REPLACE_EXISTING);
        }
        committed = true;
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
            // nothing more can be done; the name starts with a dot and ends in .tmp
        }
    }
}
