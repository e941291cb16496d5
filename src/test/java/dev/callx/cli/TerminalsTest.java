package dev.callx.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Whether a stream is a terminal, as Linux's /proc names the file behind it (isatty without JNI). */
class TerminalsTest {

    @ParameterizedTest
    @CsvSource({
        "/dev/pts/3, true", "/dev/tty1, true", "/dev/tty, true", "/dev/ttyS0, true", "/dev/console, true",
        "/dev/null, false", "'pipe:[123456]', false", "'socket:[99]', false", "/home/ana/out.csv, false",
        "/tmp/dev/pts/3, false", "/dev/ptmx, false"})
    void aTerminalIsAPseudoTerminalATtyOrTheConsole(String target, boolean terminal) {
        assertThat(Terminals.isTerminalDevice(target)).isEqualTo(terminal);
    }

    @Test
    void aDescriptorIsATerminalWhenItsLinkNamesATerminalDevice(@TempDir Path dir) throws Exception {
        // /proc/self/fd/N is a symbolic link to what the descriptor is open on (the target need not exist here)
        Path tty = Files.createSymbolicLink(dir.resolve("1"), Path.of("/dev/pts/7"));
        Path file = Files.createSymbolicLink(dir.resolve("2"), Path.of("/home/ana/calls.csv"));
        Path notALink = Files.createFile(dir.resolve("3"));
        assertThat(Terminals.linuxTerminal(tty)).isTrue();
        assertThat(Terminals.linuxTerminal(file)).isFalse();
        assertThat(Terminals.linuxTerminal(notALink)).as("not a /proc link: cannot tell").isNull();
        assertThat(Terminals.linuxTerminal(dir.resolve("4"))).as("no such descriptor").isNull();
    }

    @Test
    void theTestsOwnOutputIsNoTerminal() {
        // Surefire reads a forked test JVM's output through a pipe (or a file): never a terminal
        assumeTrue(Files.isDirectory(Path.of("/proc/self/fd")), "Linux /proc");
        assertThat(Terminals.linuxTerminal(1)).isFalse();
        assertThat(Terminals.linuxTerminal(2)).isFalse();
        assertThat(Terminals.linuxTerminal(987_654)).as("no such descriptor: /proc cannot tell").isNull();
    }

    @ParameterizedTest
    @CsvSource({"80, 80", "1, 1", "9999, 9999"})
    void columnsGivesTheWidthItHolds(String columns, int width) {
        assertThat(Terminals.columns(Map.of("COLUMNS", columns), 120)).isEqualTo(width);
    }

    @ParameterizedTest
    @CsvSource({"0", "00", "-80", "12345", "80x", "' 80'", "''", "wide", "+80"})
    void columnsThatHoldNoWidthGiveTheFallback(String columns) {
        assertThat(Terminals.columns(Map.of("COLUMNS", columns), 120)).isEqualTo(120);
        assertThat(Terminals.columns(Map.of("COLUMNS", columns), 80)).isEqualTo(80);
    }

    @Test
    void withoutColumnsTheFallbackIsTheWidth() {
        assertThat(Terminals.columns(Map.of(), 120)).isEqualTo(120);
        assertThat(Terminals.columns(Map.of("LINES", "40"), 80)).isEqualTo(80);
    }

    @Test
    void outputIntoAPipeIsNoTerminalNorAFileAndIsAsWideAsColumnsSays() {
        // Surefire (and PIT) read a forked test JVM's stdout and stderr through pipes
        assumeTrue(Files.isDirectory(Path.of("/proc/self/fd")), "Linux /proc");
        assertThat(Terminals.stdoutIsTerminal()).isFalse();
        assertThat(Terminals.stderrIsTerminal()).isFalse();
        assertThat(Terminals.stdoutIsRegularFile()).as("a pipe is not a regular file").isFalse();
        assertThat(Terminals.stdoutWidth(Map.of("COLUMNS", "77"))).isEqualTo(77);
        assertThat(Terminals.stderrWidth(Map.of("COLUMNS", "66"))).isEqualTo(66);
        assertThat(Terminals.stdoutWidth(Map.of())).as("no terminal, no COLUMNS").isEqualTo(120);
        assertThat(Terminals.stderrWidth(Map.of())).isEqualTo(120);
    }
}
