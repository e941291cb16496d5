package dev.callx.config;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;

/** Config files and secret files written for a test, with the permissions it asks for. */
final class ConfigFiles {
    private ConfigFiles() {
    }

    /** Writes {@code text} to {@code file} (its folders made), readable by its owner alone (600). */
    static Path write(Path file, String text) {
        return write(file, text, "rw-------");
    }

    /** Writes {@code text} to {@code file} with the permissions given as {@code rw-r--r--}. */
    static Path write(Path file, String text, String permissions) {
        try {
            Files.createDirectories(file.toAbsolutePath().getParent());
            Files.writeString(file, text);
            Files.setPosixFilePermissions(file, PosixFilePermissions.fromString(permissions));
            return file;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** TOML text from lines. */
    static String toml(String... lines) {
        return String.join("\n", lines) + "\n";
    }
}
