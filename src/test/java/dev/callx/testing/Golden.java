package dev.callx.testing;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.function.BiConsumer;
import org.opentest4j.AssertionFailedError;

/**
 * Golden files: text a person reviewed and committed, which the code's output must match. A golden
 * file changes only through an explicit switch, never because a test ran:
 *
 * <pre>
 * mvn -o test -Dtest=MappingGoldenTest -Dgolden.update=true   # writes the files the tests compare with
 * git diff src/test/resources/golden                          # review every line, then commit
 * </pre>
 *
 * Paths are relative to the project folder (where Maven runs the tests), e.g.
 * {@code src/test/resources/golden/vaani.json} or {@code completions/callx.bash}.
 */
public final class Golden {
    /** The system property that lets a run rewrite golden files. */
    public static final String UPDATE = "golden.update";

    private Golden() {
    }

    /** Whether this run rewrites golden files ({@code -Dgolden.update=true}). */
    public static boolean updating() {
        return Boolean.parseBoolean(System.getProperty(UPDATE, "false"));
    }

    /** Asserts that {@code actual} is exactly the text of the golden file {@code committed}. */
    public static void assertMatches(Path committed, String actual) {
        assertMatches(committed, actual, exactly(committed));
    }

    /** The comparison of {@link #assertMatches(Path, String)}: the same text, to the last byte. */
    static BiConsumer<String, String> exactly(Path committed) {
        return (expected, got) -> assertSameText(committed, expected, got);
    }

    /**
     * Asserts that {@code actual} matches the golden file {@code committed} by {@code sameAs}, called
     * with the file's text and {@code actual}; it throws an AssertionError when they differ (for a
     * comparison looser than exact text, such as JSON numbers by value).
     *
     * <p>With {@code -Dgolden.update=true} it writes {@code actual} to the file instead, says so on
     * stderr, and passes.
     */
    public static void assertMatches(Path committed, String actual, BiConsumer<String, String> sameAs) {
        if (updating()) {
            update(committed, actual);
            System.err.println("golden file written: " + committed + " (review the diff before committing it)");
        } else {
            compare(committed, actual, sameAs);
        }
    }

    /** Writes {@code actual} as the golden file, what -Dgolden.update=true does. */
    static void update(Path committed, String actual) {
        write(committed, actual);
    }

    /** Compares {@code actual} with the golden file, what every run without the switch does. */
    static void compare(Path committed, String actual, BiConsumer<String, String> sameAs) {
        if (!Files.isRegularFile(committed)) {
            throw new AssertionError("no golden file " + committed + ". " + howToUpdate());
        }
        String expected = read(committed);
        try {
            sameAs.accept(expected, actual);
        } catch (AssertionError e) {
            if (e.getMessage() == null || !e.getMessage().contains(UPDATE)) {
                e.addSuppressed(new AssertionError("golden file " + committed + ". " + howToUpdate()));
            }
            throw e;
        }
    }

    private static void assertSameText(Path committed, String expected, String actual) {
        if (expected.equals(actual)) {
            return;
        }
        List<String> e = expected.lines().toList();
        List<String> a = actual.lines().toList();
        int line = 0;
        while (line < e.size() && line < a.size() && e.get(line).equals(a.get(line))) {
            line++;
        }
        String message = "the output differs from the golden file " + committed + " at line " + (line + 1)
                + " (" + e.size() + " lines committed, " + a.size() + " produced):\n"
                + "  committed: " + (line < e.size() ? show(e.get(line)) : "(end of file)") + "\n"
                + "  produced:  " + (line < a.size() ? show(a.get(line)) : "(end of output)") + "\n"
                + (line >= e.size() && line >= a.size() ? "  (they differ in line endings or the final newline)\n" : "")
                + howToUpdate();
        throw new AssertionFailedError(message, expected, actual);
    }

    private static String show(String line) {
        return "[" + line + "]";
    }

    private static String howToUpdate() {
        return "If the change is intended, rewrite the golden files with -D" + UPDATE + "=true, review "
                + "'git diff' and commit them.";
    }

    /** The committed text of a golden file (never written by this method). */
    public static String read(Path p) {
        try {
            return Files.readString(p, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static void write(Path p, String text) {
        try {
            if (p.getParent() != null) {
                Files.createDirectories(p.getParent());
            }
            Files.writeString(p, text, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
