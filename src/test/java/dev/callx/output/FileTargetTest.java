package dev.callx.output;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.callx.error.CallxException;
import dev.callx.error.ExitCode;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * What -f may write, checked without the CLI (HostileFileTest runs the same through callx, and is
 * too slow for mutation runs): the path replaced, and each refusal as a usage error naming the path
 * and why.
 */
class FileTargetTest {
    @TempDir
    Path dir;

    @Test
    void noFileAndStdoutAreNotChecked() {
        FileTarget.check(null);
        FileTarget.check(Paths.get("-"));
        assertThat(FileTarget.isStdout(Paths.get("-"))).isTrue();
        assertThat(FileTarget.isStdout(Paths.get("-x"))).isFalse();
        assertThat(FileTarget.isStdout(null)).isFalse();
    }

    @Test
    void aNewOrRegularFileIsItselfAndALinkIsItsFinalTarget() throws Exception {
        Path file = dir.resolve("calls.csv");
        assertThat(FileTarget.resolve(file)).isEqualTo(dir.toRealPath().resolve("calls.csv"));
        Files.writeString(file, "old");
        FileTarget.check(file);
        assertThat(FileTarget.resolve(file)).isEqualTo(dir.toRealPath().resolve("calls.csv"));

        Files.createDirectory(dir.resolve("sub"));
        Path second = Files.createSymbolicLink(dir.resolve("sub/second"), Paths.get("../calls.csv")); // relative
        Path first = Files.createSymbolicLink(dir.resolve("first"), second);
        assertThat(FileTarget.resolve(first)).isEqualTo(dir.toRealPath().resolve("calls.csv"));

        Path dangling = Files.createSymbolicLink(dir.resolve("dangling"), Paths.get("new.csv"));
        assertThat(FileTarget.resolve(dangling)).isEqualTo(dir.toRealPath().resolve("new.csv"));

        // the folder's own links are resolved first: linked/calls.csv is the file in dir
        Path linked = Files.createSymbolicLink(dir.resolve("linked"), dir);
        assertThat(FileTarget.resolve(linked.resolve("calls.csv"))).isEqualTo(dir.toRealPath().resolve("calls.csv"));
    }

    @Test
    void aFolderALoopAMissingFolderADeviceAndAProcessFileAreRefused() throws Exception {
        refused(dir, "cannot write " + dir + ": it is a folder");
        Path toFolder = Files.createSymbolicLink(dir.resolve("to-folder"), dir);
        refused(toFolder, "cannot write " + toFolder + ": it is a folder (it leads to " + dir.toRealPath() + ")");

        Path a = dir.resolve("a");
        Path b = dir.resolve("b");
        Files.createSymbolicLink(a, b);
        Files.createSymbolicLink(b, a);
        refused(a, "cannot write " + a + ": too many levels of symbolic links");

        Path missing = dir.resolve("no/such/folder/calls.csv");
        refused(missing, "cannot write " + missing + ": folder " + dir.resolve("no/such/folder") + " does not exist");

        refused(Paths.get("/dev/null"), "cannot write /dev/null: it is a character device, not a regular file; "
                + "-f - writes to stdout");
        Path viaLink = Files.createSymbolicLink(dir.resolve("null"), Paths.get("/dev/null"));
        refused(viaLink, "cannot write " + viaLink + ": it is a character device, not a regular file (it leads to "
                + "/dev/null); -f - writes to stdout");
        Files.delete(viaLink); // JUnit warns about a link out of its temporary folder

        refused(Paths.get("/dev/stdout"), "cannot write /dev/stdout: it leads to /proc/");
        refused(Paths.get("/proc/self/status"), "cannot write /proc/self/status: it leads to /proc/");
    }

    @Test
    void aPathThroughAFileOrALoopOfFoldersIsRefusedWithTheSystemsReason() throws Exception {
        Path file = Files.writeString(dir.resolve("calls.csv"), "id\n");
        Path underFile = file.resolve("out.csv");
        refused(underFile, "cannot write " + underFile + ": Not a directory");

        Path loop = dir.resolve("loop");
        Files.createSymbolicLink(loop, loop);
        Path inLoop = loop.resolve("out.csv");
        refused(inLoop, "cannot write " + inLoop + ": too many levels of symbolic links");
    }

    @Test
    void aNamedPipeIsRefusedAndLeftAsItWas() throws Exception {
        Path fifo = dir.resolve("pipe");
        Process p = new ProcessBuilder("mkfifo", fifo.toString()).start();
        assertThat(p.waitFor()).isZero();
        refused(fifo, "cannot write " + fifo + ": it is a named pipe (FIFO), not a regular file; -f - writes to stdout");
        assertThat(Files.isRegularFile(fifo)).isFalse();
        assertThat(Files.exists(fifo)).isTrue();
    }

    private static void refused(Path file, String message) {
        assertThatThrownBy(() -> FileTarget.check(file))
                .isInstanceOfSatisfying(CallxException.class, e -> assertThat(e.exitCode()).isEqualTo(ExitCode.USAGE))
                .hasMessageStartingWith(message);
    }
}
