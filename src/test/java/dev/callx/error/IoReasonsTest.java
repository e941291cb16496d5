package dev.callx.error;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.AccessDeniedException;
import java.nio.file.FileSystemException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.NotDirectoryException;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class IoReasonsTest {
    private static final Path FILE = Path.of("/data/calls.csv");

    @Test
    void aMissingFileIsNoSuchFileNotItsPathAgain() {
        assertThat(IoReasons.of(new NoSuchFileException(FILE.toString()), FILE)).isEqualTo("no such file");
    }

    @Test
    void aRefusedFileIsPermissionDenied() {
        assertThat(IoReasons.of(new AccessDeniedException(FILE.toString()), FILE)).isEqualTo("permission denied");
    }

    @Test
    void theFileSystemsOwnReasonIsKept() {
        assertThat(IoReasons.of(new FileSystemException(FILE.toString(), null, "Not a directory"), FILE))
                .isEqualTo("Not a directory");
    }

    @Test
    void aSymbolicLinkLoopIsSaidPlainly() {
        FileSystemException loop = new FileSystemException(FILE.toString(), null,
                "Too many levels of symbolic links or unable to access attributes of symbolic link");
        assertThat(IoReasons.of(loop, FILE)).isEqualTo("too many levels of symbolic links");
    }

    @Test
    void aFileOtherThanTheNamedOneIsAdded() {
        Path lock = Path.of("/data/calls.csv.lock");
        assertThat(IoReasons.of(new AccessDeniedException(lock.toString()), FILE))
                .isEqualTo("permission denied (/data/calls.csv.lock)");
        assertThat(IoReasons.of(new NoSuchFileException(lock.toString()), null))
                .isEqualTo("no such file (/data/calls.csv.lock)");
    }

    @Test
    void withoutAReasonTheKindOfFailureIsNamed() {
        assertThat(IoReasons.of(new NotDirectoryException(FILE.toString()), FILE)).isEqualTo("not a folder");
        assertThat(IoReasons.of(new java.nio.file.FileAlreadyExistsException(FILE.toString()), FILE))
                .isEqualTo("already exists");
        assertThat(IoReasons.of(new java.nio.file.DirectoryNotEmptyException(FILE.toString()), FILE))
                .isEqualTo("DirectoryNotEmptyException");
        assertThat(IoReasons.of(new IOException("Input/output error"), FILE)).isEqualTo("Input/output error");
        assertThat(IoReasons.of(new IOException(), FILE)).isEqualTo("IOException");
    }

    @Test
    void whatTheJdkThrowsForARealMissingFile(@TempDir Path dir) {
        Path missing = dir.resolve("none.txt");
        IOException e = org.junit.jupiter.api.Assertions.assertThrows(IOException.class, () -> Files.readString(missing));
        assertThat(IoReasons.of(e, missing)).isEqualTo("no such file");
        assertThat(IoReasons.of(e, dir)).isEqualTo("no such file (" + missing + ")");
    }
}
