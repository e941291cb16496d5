package dev.callx.testing;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The golden-file helper: it compares, it says where and how to update, and it writes only when told.
 * They call the comparison and the update directly, so they mean the same in a run with the switch.
 */
class GoldenTest {
    @TempDir
    Path dir;

    @Test
    void theSameTextPasses() throws Exception {
        Path file = dir.resolve("a.txt");
        Files.writeString(file, "one\ntwo\n");
        Golden.compare(file, "one\ntwo\n", Golden.exactly(file));
    }

    @Test
    void aDifferenceNamesTheFileTheLineAndTheSwitchAndLeavesTheFileAlone() throws Exception {
        Path file = dir.resolve("a.txt");
        Files.writeString(file, "one\ntwo\nthree\n");

        assertThatThrownBy(() -> Golden.compare(file, "one\nTWO\nthree\n", Golden.exactly(file)))
                .isInstanceOf(AssertionError.class)
                .hasMessageContaining(file + " at line 2")
                .hasMessageContaining("committed: [two]").hasMessageContaining("produced:  [TWO]")
                .hasMessageContaining("-Dgolden.update=true");
        assertThat(Files.readString(file)).isEqualTo("one\ntwo\nthree\n");
    }

    @Test
    void aMissingFinalNewlineIsADifference() throws Exception {
        Path file = dir.resolve("a.txt");
        Files.writeString(file, "one\n");

        assertThatThrownBy(() -> Golden.compare(file, "one", Golden.exactly(file)))
                .isInstanceOf(AssertionError.class)
                .hasMessageContaining("line endings or the final newline");
    }

    @Test
    void aMissingGoldenFileFailsAndIsNotCreated() {
        Path file = dir.resolve("sub").resolve("none.txt");

        assertThatThrownBy(() -> Golden.compare(file, "x", Golden.exactly(file)))
                .isInstanceOf(AssertionError.class)
                .hasMessageContaining("no golden file " + file).hasMessageContaining("-Dgolden.update=true");
        assertThat(file).doesNotExist();
    }

    @Test
    void aLooserComparisonDecidesAndItsFailureStillNamesTheFile() throws Exception {
        Path file = dir.resolve("n.json");
        Files.writeString(file, "12.50");
        Golden.compare(file, "12.5", (e, a) -> assertThat(Double.parseDouble(a)).isEqualTo(Double.parseDouble(e)));

        assertThatThrownBy(() -> Golden.compare(file, "12.6",
                (e, a) -> assertThat(Double.parseDouble(a)).isEqualTo(Double.parseDouble(e))))
                .isInstanceOf(AssertionError.class)
                .satisfies(e -> assertThat(e.getSuppressed()).singleElement().extracting(Throwable::getMessage)
                        .asString().contains("golden file " + file, "-Dgolden.update=true"));
    }

    /** What -Dgolden.update=true does: (re)writes the file, folders included; the comparison then agrees. */
    @Test
    void anUpdateWritesTheFileAndTheComparisonThenPasses() throws Exception {
        Path file = dir.resolve("sub").resolve("new.txt");
        Golden.update(file, "fresh\n");
        assertThat(Files.readString(file)).isEqualTo("fresh\n");

        Golden.update(file, "changed\n");
        assertThat(Files.readString(file)).isEqualTo("changed\n");
        Golden.compare(file, "changed\n", Golden.exactly(file));
    }
}
