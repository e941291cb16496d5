package dev.callx.error;

import java.nio.file.AccessDeniedException;
import java.nio.file.FileSystemException;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.Locale;

/**
 * Why a file could not be used, in the words a person reads after "cannot read FILE: ". The JDK's
 * message of a missing or refused file is its path alone, which says nothing the sentence does not
 * already; a file system's own reason ("Not a directory") is kept; the file the failure was about is
 * added when it is not the one the sentence names (a lock file, a temporary file beside it).
 */
public final class IoReasons {
    private IoReasons() {
    }

    /**
     * @param e     what the JDK threw
     * @param named the file the message names, or null
     */
    public static String of(java.io.IOException e, Path named) {
        String reason;
        if (e instanceof NoSuchFileException) {
            reason = "no such file";
        } else if (e instanceof AccessDeniedException) {
            reason = "permission denied";
        } else if (e instanceof FileSystemException f && f.getReason() != null) {
            reason = f.getReason().toLowerCase(Locale.ROOT).contains("levels of symbolic links")
                    ? "too many levels of symbolic links" // the JDK adds words of its own to ELOOP's
                    : f.getReason();
        } else if (e instanceof java.nio.file.FileAlreadyExistsException) {
            reason = "already exists";
        } else if (e instanceof java.nio.file.NotDirectoryException) {
            reason = "not a folder";
        } else if (e instanceof FileSystemException) {
            reason = e.getClass().getSimpleName();
        } else {
            reason = e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage();
        }
        if (e instanceof FileSystemException f && f.getFile() != null
                && (named == null || !Path.of(f.getFile()).equals(named))) {
            reason += " (" + f.getFile() + ")";
        }
        return reason;
    }
}
