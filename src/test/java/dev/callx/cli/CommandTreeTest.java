package dev.callx.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.callx.export.Cleanup;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import picocli.CommandLine;

/**
 * Main builds only the subcommand a run names (CallxCommand#commandLine); every run must print
 * and exit exactly as it would with the whole tree.
 */
class CommandTreeTest {
    private static final List<String> EXPORTS = List.of("phone-history", "sessions", "contact-calls", "vaani",
            "calls");

    private record Run(int code, String out, String err) {
    }

    private static Run run(boolean lazy, String... args) {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        AppContext ctx = new AppContext(Map.of(), Clock.fixed(Instant.parse("2026-11-21T12:00:00Z"), ZoneOffset.UTC),
                d -> { }, new Random(7), () -> false, () -> 100, new Cleanup());
        PrintWriter o = new PrintWriter(out, true);
        PrintWriter e = new PrintWriter(err, true);
        CommandLine cl = lazy ? Cli.create(ctx, o, e, args) : Cli.create(ctx, o, e);
        int code = cl.execute(args);
        return new Run(code, out.toString(), err.toString());
    }

    /** Runs that end in help, a version, a usage error or a missing credential: nothing is fetched. */
    static Stream<List<String>> runs() {
        List<List<String>> runs = new ArrayList<>();
        for (String c : CallxCommand.SUBCOMMANDS.keySet()) {
            runs.add(List.of(c, "--help"));
            runs.add(List.of(c, "-h"));
            runs.add(List.of(c, "-V"));
            runs.add(List.of(c, "--frobnicate"));
            runs.add(List.of("--sandbox", c, "--help"));
            runs.add(List.of(c, "--help", "--frobnicate"));
        }
        for (String c : EXPORTS) {
            runs.add(List.of(c));
            runs.add(List.of(c, "x", "--sandbox"));
            runs.add(List.of(c, "+14155550100", "--since"));
            runs.add(List.of(c, "+14155550100", "-o", "yaml"));
            runs.add(List.of(c, "ct_1", "--limit", "-3"));
            runs.add(List.of(c, "ct_1", "--page-size", "0", "--limit", "x"));
        }
        runs.add(List.of("sandbox", "--calls", "-1"));
        runs.add(List.of("sandbox", "--port", "x"));
        runs.add(List.of("--sandbox", "sandbox"));
        runs.add(List.of());
        runs.add(List.of("--help"));
        runs.add(List.of("--version"));
        runs.add(List.of("--sandbox"));
        runs.add(List.of("help"));
        runs.add(List.of("help", "vaani"));
        runs.add(List.of("vaani", "help"));
        runs.add(List.of("export"));
        runs.add(List.of("vani"));
        runs.add(List.of("--", "vaani"));
        runs.add(List.of("--frobnicate", "vaani"));
        runs.add(List.of("--sandbox", "--sandbox", "vaani"));
        runs.add(List.of("completion", "bash"));
        runs.add(List.of("-v", "vaani", "--limit", "-3"));
        runs.add(List.of("--progress", "never", "-q", "vaani", "--limit", "x"));
        runs.add(List.of("-v", "-v", "vaani"));
        return runs.stream();
    }

    @ParameterizedTest(name = "callx {0}")
    @MethodSource("runs")
    void aRunPrintsAndExitsAsWithTheWholeTree(List<String> args) {
        String[] a = args.toArray(String[]::new);
        Run whole = run(false, a);
        Run lazy = run(true, a);

        assertThat(lazy).as("callx " + String.join(" ", args)).isEqualTo(whole);
        assertThat(whole.out() + whole.err()).as("the run printed something").isNotEmpty();
    }

    @Test
    void anExportCommandBuildsOnlyItself() {
        for (String c : EXPORTS) {
            CommandLine cl = CallxCommand.commandLine(new CallxCommand(), new String[] {c, "--limit", "1"});
            assertThat(cl.getSubcommands().keySet()).containsExactly(c);
            CommandLine sandboxed = CallxCommand.commandLine(new CallxCommand(), new String[] {"--sandbox", c});
            assertThat(sandboxed.getSubcommands().keySet()).containsExactly(c);
            CommandLine globals = CallxCommand.commandLine(new CallxCommand(),
                    new String[] {"-q", "--sandbox", "--progress=never", "-v", c});
            assertThat(globals.getSubcommands().keySet()).as("after the global options").containsExactly(c);
            CommandLine spaced = CallxCommand.commandLine(new CallxCommand(), new String[] {"--progress", "never", c});
            assertThat(spaced.getSubcommands().keySet()).containsExactly(c);
        }
    }

    @Test
    void whatMayNeedTheTreeGetsTheTree() {
        for (String[] args : new String[][] {{}, {"--help", "vaani"}, {"-h"}, {"--version", "vaani"},
                {"help", "vaani"}, {"completion"}, {"-v", "-v", "vaani"}, {"--progress", "vaani"}, {"@args.txt"}, {"--", "vaani"}, {"vani"},
                {"--sandbox"}, {"--sandbox", "--sandbox", "vaani"}, {"--frobnicate", "vaani"}, {"VAANI"}}) {
            CommandLine cl = CallxCommand.commandLine(new CallxCommand(), args);
            assertThat(cl.getSubcommands().keySet()).as(String.join(" ", args))
                    .containsExactlyElementsOf(CallxCommand.SUBCOMMANDS.keySet());
        }
    }

    @Test
    void theTableNamesEachSubcommandAsPicocliDoes() {
        for (Map.Entry<String, java.util.function.Supplier<Object>> e : CallxCommand.SUBCOMMANDS.entrySet()) {
            assertThat(new CommandLine(e.getValue().get()).getCommandName()).isEqualTo(e.getKey());
        }
        assertThat(CallxCommand.commandLine(new CallxCommand()).getSubcommands().keySet())
                .containsExactly("phone-history", "sessions", "contact-calls", "vaani", "calls", "sandbox", "config", "help",
                        "completion");
    }
}
