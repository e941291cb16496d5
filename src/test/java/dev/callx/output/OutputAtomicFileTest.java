package dev.callx.output;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Issue item 5: -f writes through a temporary file in the same folder, renamed only on success. */
class OutputAtomicFileTest {
    @TempDir
    Path dir;

    private List<String> folder() throws IOException {
        try (Stream<Path> files = Files.list(dir)) {
            return files.map(p -> p.getFileName().toString()).sorted().toList();
        }
    }

    @Test
    void writesGoToATemporaryFileBesideTheTargetUntilCommit() throws Exception {
        Path target = dir.resolve("out.csv");
        Files.writeString(target, "old");
        AtomicFile file = AtomicFile.create(target);
        file.writer().write("new ë");
        file.writer().flush();
        assertThat(file.temp().getParent()).isEqualTo(target.toAbsolutePath().getParent());
        assertThat(Files.readString(target)).as("untouched before commit").isEqualTo("old");
        file.commit();
        assertThat(Files.readString(target, StandardCharsets.UTF_8)).isEqualTo("new ë");
        assertThat(folder()).containsExactly("out.csv");
        file.abort(); // after a commit: nothing happens
        assertThat(Files.readString(target, StandardCharsets.UTF_8)).isEqualTo("new ë");
    }

    @Test
    void abortLeavesTheTargetAndRemovesTheTemporaryFile() throws Exception {
        Path target = dir.resolve("out.jsonl");
        byte[] old = {1, 2, 3, (byte) 0xFF};
        Files.write(target, old);
        AtomicFile file = AtomicFile.create(target);
        file.writer().write("partial");
        file.writer().flush();
        file.abort();
        file.abort(); // twice is fine
        assertThat(Files.readAllBytes(target)).isEqualTo(old);
        assertThat(folder()).containsExactly("out.jsonl");
        assertThatThrownBy(file::commit).as("no commit after an abort (Ctrl-C)").isInstanceOf(IOException.class);
        assertThat(Files.readAllBytes(target)).isEqualTo(old);
    }

    @Test
    void abortWithoutAnExistingTargetLeavesNothing() throws Exception {
        AtomicFile file = AtomicFile.create(dir.resolve("new.json"));
        file.writer().write("[");
        file.abort();
        assertThat(folder()).isEmpty();
    }

    @Test
    void aReplacedFileKeepsItsPermissions() throws Exception {
        Path target = dir.resolve("private.csv");
        Files.writeString(target, "old");
        Files.setPosixFilePermissions(target,
                PosixFilePermissions.fromString("rw-------"));
        AtomicFile file = AtomicFile.create(target);
        file.writer().write("new");
        file.commit();
        assertThat(Files.readString(target)).isEqualTo("new");
        assertThat(PosixFilePermissions.toString(
                Files.getPosixFilePermissions(target))).isEqualTo("rw-------");
    }

    @Test
    void theTemporaryNameIsShortWhateverTheTargetsNameAndSaysWhoseItIs() throws Exception {
        Path target = dir.resolve("x".repeat(255));
        AtomicFile file = AtomicFile.create(target);
        String name = file.temp().getFileName().toString();
        assertThat(name).startsWith(".callx-").endsWith(".tmp").hasSizeLessThanOrEqualTo(50)
                .contains("-" + ProcessHandle.current().pid() + "-");
        file.abort();
        assertThat(folder()).isEmpty();
    }

    @Test
    void twoWritersOfOneTargetInOneProcessKeepTheirOwnTemporaryFiles() throws Exception {
        Path target = dir.resolve("out.csv");
        AtomicFile first = AtomicFile.create(target);
        first.writer().write("first");
        AtomicFile second = AtomicFile.create(target);
        second.writer().write("second");
        assertThat(first.temp()).isNotEqualTo(second.temp());
        assertThat(first.temp()).exists();
        second.commit();
        first.commit();
        assertThat(Files.readString(target)).isEqualTo("first");
        assertThat(folder()).containsExactly("out.csv");
    }

    @Test
    void aLinkIsReplacedThroughItsFinalTargetAndStaysALink() throws Exception {
        Path real = Files.createDirectory(dir.resolve("real")).resolve("out.csv");
        Files.writeString(real, "old");
        Path link = Files.createSymbolicLink(dir.resolve("link.csv"), real);
        AtomicFile file = AtomicFile.create(link);
        assertThat(file.target()).isEqualTo(real);
        assertThat(file.temp().getParent()).isEqualTo(real.getParent());
        file.writer().write("new");
        file.commit();
        assertThat(Files.isSymbolicLink(link)).isTrue();
        assertThat(Files.readString(real)).isEqualTo("new");
    }

    // ---- leftovers of killed runs: .callx-HASH-PID-RANDOM.tmp, HASH = 16 hex digits of SHA-256(name) ----

    private static String hashOf(String name) throws Exception {
        byte[] digest = java.security.MessageDigest.getInstance("SHA-256")
                .digest(name.getBytes(StandardCharsets.UTF_8));
        return java.util.HexFormat.of().formatHex(digest).substring(0, 16);
    }

    /** The PID of a process that has ended. */
    private static long deadPid() throws Exception {
        Process p = new ProcessBuilder("true").start();
        p.waitFor();
        return p.pid();
    }

    @Test
    void aLeftoverOfADeadWriterIsRemovedAndNoOtherIs() throws Exception {
        long dead = deadPid();
        String hash = hashOf("out.csv");
        Path stale = Files.writeString(dir.resolve(".callx-" + hash + "-" + dead + "-1a2b.tmp"), "partial");
        Path mine = Files.writeString(dir.resolve(".callx-" + hash + "-" + ProcessHandle.current().pid()
                + "-3c4d.tmp"), "this process");
        Path otherTarget = Files.writeString(dir.resolve(".callx-" + hashOf("other.csv") + "-" + dead + "-5e6f.tmp"),
                "another file's");
        Path notOurs = Files.writeString(dir.resolve(".callx-" + hash + "-" + dead + "-1a2b.tmp.keep"), "not ours");

        AtomicFile file = AtomicFile.create(dir.resolve("out.csv"));
        file.abort();

        assertThat(stale).doesNotExist();
        assertThat(mine).as("a writer in this process is alive").exists();
        assertThat(otherTarget).exists();
        assertThat(notOurs).exists();
    }

    @Test
    void aLeftoverStillLockedIsLeftThoughItsProcessLooksGone() throws Exception {
        // another PID namespace (a container) sharing the folder: its PID means nothing here, its lock does
        Path locked = Files.writeString(dir.resolve(".callx-" + hashOf("out.csv") + "-" + deadPid() + "-7a8b.tmp"),
                "a live run elsewhere");
        try (java.nio.channels.FileChannel ch = java.nio.channels.FileChannel.open(locked,
                java.nio.file.StandardOpenOption.WRITE); java.nio.channels.FileLock lock = ch.lock()) {
            AtomicFile file = AtomicFile.create(dir.resolve("out.csv"));
            file.abort();
            assertThat(locked).exists();
            assertThat(lock.isValid()).isTrue();
        }
    }

    @Test
    void bytesWrittenToTheStreamAreCommittedAsTheyAre() throws Exception {
        Path target = dir.resolve("call-1.wav");
        byte[] audio = {'R', 'I', 'F', 'F', 0, (byte) 0x80, (byte) 0xFF, '\n', '\r'};
        AtomicFile file = AtomicFile.create(target);
        file.stream().write(audio);
        assertThat(file.committed()).isFalse();
        file.commit();
        assertThat(Files.readAllBytes(target)).isEqualTo(audio);
        assertThat(file.committed()).isTrue();
        assertThat(file.aborted()).isFalse();
    }

    @Test
    void afterAnAbortWritesFailAndTheFileSaysItWasAborted() throws Exception {
        // Ctrl-C aborts from the shutdown hook while the export may still be writing: nothing more lands anywhere
        AtomicFile file = AtomicFile.create(dir.resolve("out.csv"));
        file.writer().write("a,b\n");
        file.abort();
        assertThat(file.aborted()).isTrue();
        assertThat(file.committed()).isFalse();
        assertThatThrownBy(() -> file.stream().write(new byte[] {1, 2})).isInstanceOf(IOException.class);
        assertThatThrownBy(() -> {
            file.writer().write("c,d\n");
            file.writer().flush();
        }).isInstanceOf(IOException.class);
        assertThatThrownBy(file::commit).isInstanceOf(IOException.class).hasMessageContaining("interrupted");
        assertThat(folder()).isEmpty();
    }

    @Test
    void theWriterHoldsALockOnItsTemporaryFileWhileItLives() throws Exception {
        // what keeps another run's clean-up (removeStale) off a file still being written
        AtomicFile file = AtomicFile.create(dir.resolve("out.csv"));
        try (java.nio.channels.FileChannel ch = java.nio.channels.FileChannel.open(file.temp(),
                java.nio.file.StandardOpenOption.READ)) {
            assertThatThrownBy(() -> ch.tryLock(0, Long.MAX_VALUE, true))
                    .isInstanceOf(java.nio.channels.OverlappingFileLockException.class);
        }
        file.abort();
    }

    @Test
    void aCommittedFileIsNoLongerHeldOpenOrLocked() throws Exception {
        Path target = dir.resolve("out.csv");
        AtomicFile file = AtomicFile.create(target);
        file.writer().write("a,b\n");
        file.commit();
        // the lock went with the file descriptor: the committed file can be locked (a --state file after it)
        try (java.nio.channels.FileChannel ch = java.nio.channels.FileChannel.open(target,
                java.nio.file.StandardOpenOption.READ);
                java.nio.channels.FileLock lock = ch.tryLock(0, Long.MAX_VALUE, true)) {
            assertThat(lock).isNotNull();
        }
        assertThatThrownBy(() -> file.stream().write(1)).as("closed").isInstanceOf(IOException.class);
        assertThat(Files.readString(target)).isEqualTo("a,b\n");
    }
}
