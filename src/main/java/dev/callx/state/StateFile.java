package dev.callx.state;

import dev.callx.error.CallxException;
import dev.callx.error.ExitCode;
import dev.callx.error.IoReasons;
import dev.callx.output.AtomicFile;
import dev.callx.output.FileTarget;
import java.io.IOException;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.channels.OverlappingFileLockException;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.function.Consumer;

/**
 * A state file ({@code --state FILE}, format in {@link StateJson}), open for one run: locked from
 * {@link #open} to {@link #close}, so runs that share the file take turns (another export's run
 * waits; a second run of the same export then starts from what the first committed).
 *
 * <p>The lock is held on {@code FILE.lock} beside it (the file itself is replaced by each commit).
 * {@link #commit} writes the whole file again through {@link AtomicFile}: a temporary file in the same
 * folder, synced and renamed over it, so the file on disk is always one complete version; a run that
 * fails or is killed before the commit leaves it exactly as it was.
 */
public final class StateFile implements AutoCloseable {
    private final Path path;
    private final FileChannel lockChannel;
    private final List<ExportState> exports;

    private StateFile(Path path, FileChannel lockChannel, List<ExportState> exports) {
        this.path = path;
        this.lockChannel = lockChannel;
        this.exports = new ArrayList<>(exports);
    }

    /**
     * Locks and reads the state file; a file that does not exist yet holds no export.
     *
     * @param waiting told once when another run holds the lock and this one waits for it
     * @throws CallxException exit 2 naming the file when it cannot be used: not a file one may write,
     *                        damaged, or written by a newer callx
     */
    public static StateFile open(Path path, Consumer<String> waiting) {
        FileTarget.check(path); // a folder, a device, a missing folder: usage errors before anything
        Path lockPath = lockPath(path);
        FileChannel channel = null;
        try {
            channel = FileChannel.open(lockPath, StandardOpenOption.CREATE, StandardOpenOption.WRITE);
            lock(channel, path, waiting);
            StateFile file = new StateFile(path, channel, read(path));
            channel = null;
            return file;
        } catch (IOException e) {
            throw new CallxException(ExitCode.USAGE, "cannot use state file " + path + ": " + IoReasons.of(e, path)
                    + ". Check the path and its folder's permissions");
        } finally {
            if (channel != null) {
                try {
                    channel.close();
                } catch (IOException e) {
                    // the lock goes with the channel
                }
            }
        }
    }

    private static void lock(FileChannel channel, Path path, Consumer<String> waiting) throws IOException {
        FileLock lock;
        try {
            lock = channel.tryLock();
            if (lock == null) {
                waiting.accept("waiting for another callx run that uses state file " + path);
                channel.lock();
            }
        } catch (OverlappingFileLockException e) {
            throw CallxException.usage("state file " + path + " is in use by another export of this process");
        } catch (UnsupportedOperationException e) {
            // a file system without locks: runs sharing the file must not overlap
        }
    }

    /** {@code FILE.lock} in the folder of the file the state is written to (a link is followed). */
    private static Path lockPath(Path path) {
        Path target = path.toAbsolutePath();
        try {
            target = target.getParent().toRealPath().resolve(target.getFileName());
            if (Files.isSymbolicLink(target)) {
                target = target.toRealPath();
            }
        } catch (IOException e) {
            // a dangling link: the lock goes beside the path given
        }
        return target.resolveSibling(target.getFileName() + ".lock");
    }

    private static List<ExportState> read(Path path) throws IOException {
        byte[] bytes;
        try {
            bytes = Files.readAllBytes(path);
        } catch (NoSuchFileException e) {
            return List.of();
        }
        String text;
        try {
            text = StandardCharsets.UTF_8.newDecoder().decode(java.nio.ByteBuffer.wrap(bytes)).toString();
        } catch (CharacterCodingException e) {
            throw damaged(path, "it is not UTF-8 text", false);
        }
        try {
            return StateJson.read(text);
        } catch (StateJson.Invalid e) {
            throw damaged(path, e.getMessage(), e.newer);
        }
    }

    private static CallxException damaged(Path path, String why, boolean newer) {
        if (newer) {
            return CallxException.usage("cannot use state file " + path + ": " + why
                    + ". Upgrade callx, or use another state file; it was left as it is");
        }
        return CallxException.usage("cannot use state file " + path + ": " + why + ". It was left as it is; "
                + "move it away to start afresh (the next run then exports everything --since selects)");
    }

    public Path path() {
        return path;
    }

    /** The exports the file holds, in its order. */
    public List<ExportState> exports() {
        return List.copyOf(exports);
    }

    /**
     * This export's state. A file that holds no export yet starts it; a file that holds others does
     * only when {@code add} (--full-refresh), else it is refused: it may belong to another export.
     *
     * @throws CallxException exit 2 naming the file and how the nearest export it holds differs
     */
    public ExportState select(ExportKey key, boolean add) {
        for (ExportState s : exports) {
            if (s.key().equals(key)) {
                return s;
            }
        }
        if (exports.isEmpty() || add) {
            return ExportState.fresh(key);
        }
        ExportKey nearest = exports.stream().map(ExportState::key)
                .min(Comparator.comparingInt(k -> key.difference(k).split(", ").length)).orElseThrow();
        int others = exports.size();
        throw CallxException.usage("state file " + path + " holds no state for " + key.describe() + ": it holds "
                + (others == 1 ? "the state of another export" : others + " other exports") + " (the nearest has "
                + key.difference(nearest) + "). Use another state file for this export, or run it once with "
                + "--full-refresh to add it to this one");
    }

    /** Replaces (or adds) this export's state and writes the file atomically. */
    public void commit(ExportState state) throws IOException {
        List<ExportState> next = new ArrayList<>(exports);
        boolean replaced = false;
        for (int i = 0; i < next.size(); i++) {
            if (next.get(i).key().equals(state.key())) {
                next.set(i, state);
                replaced = true;
            }
        }
        if (!replaced) {
            next.add(state);
        }
        AtomicFile file = AtomicFile.create(path);
        try {
            file.writer().write(StateJson.write(next));
            file.commit();
        } finally {
            file.abort();
        }
        exports.clear();
        exports.addAll(next);
    }

    /** Releases the lock. */
    @Override
    public void close() {
        try {
            lockChannel.close();
        } catch (IOException e) {
            // the lock goes with the channel
        }
    }
}
