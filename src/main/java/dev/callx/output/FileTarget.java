package dev.callx.output;

import dev.callx.error.CallxException;
import dev.callx.error.IoReasons;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.attribute.BasicFileAttributes;

/**
 * What {@code -f PATH} may write, checked before any request (usage errors, exit 2):
 *
 * <ul>
 *   <li>{@code -} is stdout ({@link #isStdout}): no file is written;</li>
 *   <li>a symbolic link is followed to its final target, which is what gets replaced: the link
 *       stays a link (a chain of links and relative links included; a dangling link creates its
 *       target);</li>
 *   <li>a device, a named pipe (FIFO), a socket, or a process's open file under {@code /proc}
 *       (where {@code /dev/stdout} leads) is refused, and left as it was;</li>
 *   <li>so is a folder, a link loop, and a target whose folder does not exist or is not
 *       writable.</li>
 * </ul>
 */
public final class FileTarget {
    /** Links followed at most, as Linux's MAXSYMLINKS. */
    private static final int MAX_LINKS = 40;
    private static final String STDOUT_HINT = "; -f - writes to stdout";

    private FileTarget() {
    }

    /** Whether {@code -f} names stdout ({@code -f -}). */
    public static boolean isStdout(Path file) {
        return file != null && file.toString().equals("-");
    }

    /** Checks -f's target; nothing for no file or stdout. A usage error when it cannot be written. */
    public static void check(Path file) {
        if (file != null && !isStdout(file)) {
            resolve(file);
        }
    }

    /**
     * The absolute path of the regular file (existing or not) that writing {@code file} replaces:
     * {@code file} itself, or the final target of the links it starts. Throws a usage error naming
     * {@code file} when that is not a regular file one may create or replace.
     */
    static Path resolve(Path file) {
        Path path = file.toAbsolutePath(); // not normalized: "link/.." is the link target's parent
        for (int links = 0; ; links++) {
            path = inRealFolder(path); // /dev/fd/1 is /proc/<pid>/fd/1
            if (underProc(path)) {
                throw refused(file, "it leads to " + path + ", a process's open file, not a regular file"
                        + STDOUT_HINT);
            }
            BasicFileAttributes attributes = attributes(file, path);
            if (attributes == null) {
                return checkFolder(file, path); // a new file (or the dangling end of a link)
            }
            if (!attributes.isSymbolicLink()) {
                checkKind(file, links == 0 ? "" : " (it leads to " + path + ")", attributes, path);
                return checkFolder(file, path);
            }
            if (links == MAX_LINKS) {
                throw refused(file, "too many levels of symbolic links");
            }
            path = follow(file, path);
        }
    }

    /** The path with its folder's links resolved, when the folder exists. */
    private static Path inRealFolder(Path path) {
        Path parent = path.getParent();
        if (parent == null || path.getFileName() == null) {
            return path;
        }
        try {
            return parent.toRealPath().resolve(path.getFileName());
        } catch (IOException e) {
            return path; // no such folder: checkFolder says so
        }
    }

    private static BasicFileAttributes attributes(Path file, Path path) {
        try {
            return Files.readAttributes(path, BasicFileAttributes.class, LinkOption.NOFOLLOW_LINKS);
        } catch (NoSuchFileException e) {
            return null;
        } catch (IOException e) {
            throw refused(file, IoReasons.of(e, file));
        }
    }

    private static Path follow(Path file, Path link) {
        try {
            Path next = Files.readSymbolicLink(link);
            Path parent = link.getParent();
            return (parent == null ? next : parent.resolve(next)).toAbsolutePath();
        } catch (IOException e) {
            throw refused(file, IoReasons.of(e, file));
        }
    }

    private static void checkKind(Path file, String via, BasicFileAttributes attributes, Path path) {
        if (attributes.isRegularFile()) {
            return;
        }
        if (attributes.isDirectory()) {
            throw refused(file, "it is a folder" + via);
        }
        throw refused(file, "it is " + kind(path) + ", not a regular file" + via + STDOUT_HINT);
    }

    /** What a file that is neither regular, a folder nor a link is, from its mode bits where they can be read. */
    private static String kind(Path path) {
        try {
            int mode = (Integer) Files.getAttribute(path, "unix:mode", LinkOption.NOFOLLOW_LINKS);
            return switch (mode & 0170000) {
                case 0140000 -> "a socket";
                case 0060000 -> "a block device";
                case 0020000 -> "a character device";
                case 0010000 -> "a named pipe (FIFO)";
                default -> "a special file";
            };
        } catch (IOException | UnsupportedOperationException | IllegalArgumentException | ClassCastException e) {
            return "a special file";
        }
    }

    private static Path checkFolder(Path file, Path path) {
        Path dir = path.getParent();
        if (dir == null || !Files.isDirectory(dir)) {
            throw refused(file, "folder " + dir + " does not exist");
        }
        if (!Files.isWritable(dir)) {
            throw refused(file, "folder " + dir + " is not writable");
        }
        return path;
    }

    private static boolean underProc(Path path) {
        return path.getNameCount() > 0 && path.getName(0).toString().equals("proc") && path.isAbsolute();
    }

    private static CallxException refused(Path file, String why) {
        return CallxException.usage("cannot write " + file + ": " + why);
    }
}
