package dev.callx.cli;

import static dev.callx.cli.OneLineError.assertOneLineError;
import static org.assertj.core.api.Assertions.assertThat;

import dev.callx.testing.Api;
import dev.callx.testing.ApiPages;
import dev.callx.testing.CallxRunner;
import dev.callx.testing.CallxRunner.Result;
import dev.callx.testing.PlatformServer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * Issue 10 items 4 and 5: a usage error says what was wrong in plain words, suggests what was
 * probably meant, ends with the command's --help hint and exits 2 before any request; global
 * options go before or after the command.
 */
class UsageHintsTest {
    @RegisterExtension
    final PlatformServer server = new PlatformServer();

    @TempDir
    Path dir;

    private CallxRunner callx() {
        return CallxRunner.callx().env("VAANI_API_KEY", "vk-test-0001").env("RAVAN_API_KEY", "rk-test-0001")
                .env("ZUDU_API_KEY", "zk").env("ZUDU_API_SECRET", "zs");
    }

    private Result usage(String command, String... args) {
        Result r = callx().run(args);
        assertThat(server.requestCount()).as("a usage error sends no request: " + r).isZero();
        assertThat(r.exitCode()).as(r.toString()).isEqualTo(2);
        assertThat(r.out()).as(r.toString()).isEmpty();
        assertThat(r.errLines()).as(r.toString()).hasSize(1);
        String name = command.isEmpty() ? "callx" : "callx " + command;
        assertThat(r.errLines().get(0)).as(r.toString()).startsWith(name + ": ")
                .endsWith(" (see '" + name + " --help')");
        return r;
    }

    /** The one error line without the "callx COMMAND: " prefix and the help hint. */
    private static String message(Result r, String command) {
        String line = r.errLines().get(0);
        String prefix = command.isEmpty() ? "callx: " : "callx " + command + ": ";
        return line.substring(prefix.length(), line.lastIndexOf(" (see '"));
    }

    @Test
    void aMistypedCommandGetsTheClosestOne() {
        Result r = callx().run("vanni");

        assertThat(r.exitCode()).as(r.toString()).isEqualTo(2);
        assertThat(r.errLines()).as(r.toString()).containsExactly(
                "callx: unknown command 'vanni'; did you mean 'vaani'? (see 'callx --help')");
    }

    @Test
    void helpForAMistypedCommandGetsTheClosestOneToo() {
        Result r = callx().run("help", "vanni");

        assertThat(r.exitCode()).as(r.toString()).isEqualTo(2);
        assertThat(r.errLines().get(0)).as(r.toString()).startsWith("callx")
                .contains(": unknown command 'vanni'; did you mean 'vaani'? (see 'callx");
    }

    @Test
    void aWordNothingIsCloseToGetsNoSuggestion() {
        Result r = callx().run("export");

        assertThat(r.errLines()).as(r.toString()).containsExactly(
                "callx: unknown command 'export' (see 'callx --help')");
    }

    @ParameterizedTest(name = "{0} {1}")
    @CsvSource(delimiter = '|', textBlock = """
            vaani         | --limt 5          | unknown option '--limt'; did you mean '--limit'?
            vaani         | --limt=5          | unknown option '--limt'; did you mean '--limit'?
            sessions      | --sort-ordr asc   | unknown option '--sort-ordr'; did you mean '--sort-order'?
            calls         | --pagesize 5      | unknown option '--pagesize'; did you mean '--page-size'?
            vaani         | --limit abc       | --limit expects a whole number, got 'abc'
            vaani         | --page-size 1.5   | --page-size expects a whole number, got '1.5'
            vaani         | -o tabel          | --output expects table, csv, jsonl or json, got 'tabel'; did you mean 'table'?
            vaani         | -o xml            | --output expects table, csv, jsonl or json, got 'xml'
            sessions      | --sort-order dsc  | --sort-order expects asc, desc, ascending or descending, got 'dsc'; did you mean 'desc'?
            calls         | --sort-order up   | --sort-order expects asc, desc, ascending or descending, got 'up'
            vaani         | --progress sometimes | --progress expects auto, always or never, got 'sometimes'
            vaani         | --progress alway  | --progress expects auto, always or never, got 'alway'; did you mean 'always'?
            vaani         | extra             | unexpected argument 'extra' (vaani takes no arguments)
            phone-history | -n 5              | missing PHONE: The phone number, E.164: + and 8 to 15 digits.
            vaani         | --since           | --since needs a value (TIME)
            completion    | zhs               | SHELL expects bash, zsh or fish, got 'zhs'; did you mean 'zsh'?
            """)
    void aMistakeIsNamedWithWhatWasProbablyMeant(String command, String args, String expected) {
        String[] split = (command + " " + args).split(" ");
        Result r = usage(command, split);

        assertThat(message(r, command)).as(r.toString()).isEqualTo(expected);
    }

    @Test
    void aMistypedFieldNameGetsTheClosestOne() {
        Result r = usage("vaani", "vaani", "--fields", "id,strated_at,duraton_sec,bogus");

        assertThat(message(r, "vaani")).as(r.toString()).startsWith("--fields: unknown fields 'strated_at' (did you "
                + "mean 'started_at'?), 'duraton_sec' (did you mean 'duration_sec'?), 'bogus'; valid fields: provider,id,");
    }

    @Test
    void anOptionBeforeTheCommandThatDoesNotExistIsNamed() {
        Result r = usage("", "--verbos", "vaani");

        assertThat(message(r, "")).as(r.toString()).isEqualTo("unknown option '--verbos'; did you mean '--verbose'?");
    }

    @Test
    void aBadCallxProgressIsAUsageErrorNamingTheVariable() {
        Result r = callx().env("CALLX_PROGRESS", "allways").run("vaani", "--base-url", server.baseUrl());

        assertOneLineError(r, 2, "vaani", "CALLX_PROGRESS expects auto, always or never, got 'allways'; "
                + "did you mean 'always'?", "(see 'callx vaani --help')");
    }

    @Test
    void aFileWithAnExtensionNamingNoFormatIsAUsageErrorListingThem() throws Exception {
        Path out = dir.resolve("out.txt");
        Result r = usage("vaani", "vaani", "-f", out.toString(), "--base-url", server.baseUrl());

        assertThat(message(r, "vaani")).as(r.toString()).contains("'" + out + "'", "csv", "jsonl", "json",
                "-o table");
        try (var files = Files.list(dir)) {
            assertThat(files).as("nothing written").isEmpty();
        }
    }

    @Test
    void aTableGoesToAFileWhenAskedFor() throws Exception {
        server.enqueue(Api.json(ApiPages.vaani(1, 200, 1L, 1L, false, List.of("r1"))));
        Path out = dir.resolve("out.txt");
        Result r = callx().run("vaani", "-f", out.toString(), "-o", "table", "--base-url", server.baseUrl());

        assertThat(r.exitCode()).as(r.toString()).isZero();
        assertThat(Files.readString(out)).as(r.toString()).startsWith("ID ").doesNotContain("{");
    }

    // ---- global options before or after the command ----

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', textBlock = """
            -v vaani
            vaani -v
            --verbose vaani
            """)
    void verboseGoesBeforeOrAfterTheCommand(String args) {
        server.enqueue(Api.json(ApiPages.vaani(1, 200, 1L, 1L, false, List.of("r1"))));
        List<String> all = new java.util.ArrayList<>(List.of(args.split(" ")));
        all.addAll(List.of("--base-url", server.baseUrl(), "-o", "jsonl"));
        Result r = callx().run(all.toArray(String[]::new));

        assertThat(r.exitCode()).as(r.toString()).isZero();
        assertThat(r.err()).as("-v logs each request: " + r).contains("GET ").contains("/api/call-history");
    }

    @Test
    void quietBeforeAndVerboseAfterIsStillAConflict() {
        Result r = callx().run("-q", "vaani", "-v", "--base-url", server.baseUrl());

        assertOneLineError(r, 2, "vaani", "--quiet and --verbose");
    }

    @Test
    void quietBeforeTheCommandSilencesWarnings() {
        server.enqueue(Api.json(ApiPages.vaani(1, 200, 1L, 1L, false, List.of())));
        Result loud = callx().run("vaani", "--base-url", server.baseUrl(), "-o", "jsonl");
        server.enqueue(Api.json(ApiPages.vaani(1, 200, 1L, 1L, false, List.of())));
        Result quiet = callx().run("-q", "vaani", "--base-url", server.baseUrl(), "-o", "jsonl");

        assertThat(loud.err()).as(loud.toString()).contains("no calls found");
        assertThat(quiet.exitCode()).as(quiet.toString()).isZero();
        assertThat(quiet.err()).as(quiet.toString()).isEmpty();
    }
}
