package dev.callx.state;

import static org.assertj.core.api.Assertions.assertThat;

import dev.callx.testing.CallHistory;
import dev.callx.testing.CallHistory.Platform;
import dev.callx.testing.CallxRunner;
import dev.callx.testing.CallxRunner.Result;
import dev.callx.testing.PlatformServer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * Issue 9 items 1 and 2 through the CLI, for every paged platform: a history that grows between
 * nightly runs (new calls at the head, a late call behind the high-water mark, calls sharing a start
 * time) exported with one state file gives each call exactly once over five runs; a run that fails
 * after page 3 leaves the state file as it was, and the next run covers the same ground.
 */
class IncrementalExportTest {
    /** Calls start every 10 minutes from here; the runs' clock is CallxRunner.NOW, later. */
    static final Instant T0 = Instant.parse("2026-11-21T06:00:00Z");

    @RegisterExtension
    final PlatformServer server = new PlatformServer();

    @TempDir
    Path dir;

    static Instant at(int minutes) {
        return T0.plusSeconds(60L * minutes);
    }

    static CallxRunner callx() {
        return CallxRunner.callx().env("RAVAN_API_KEY", "rk-secret-0001").env("VAANI_API_KEY", "vk-secret-0003")
                .env("ZUDU_API_KEY", "zk-key-0004").env("ZUDU_API_SECRET", "zs-secret-0005");
    }

    /** One nightly run: ids to the --file, three a page, two pages in flight. */
    Result run(Platform p, Path state, String night, String... more) {
        List<String> args = new ArrayList<>(p.command);
        args.addAll(List.of("--base-url", server.baseUrl(), "--state", state.toString(), "-f",
                dir.resolve(night + ".csv").toString(), "--fields", "id", "--no-header", "--page-size", "3",
                "--concurrency", "2"));
        args.addAll(Arrays.asList(more));
        return callx().run(args.toArray(String[]::new));
    }

    List<String> written(String night) throws Exception {
        return Files.readAllLines(dir.resolve(night + ".csv"));
    }

    static void assertOk(Result r) {
        assertThat(r.exitCode()).as(r.toString()).isZero();
    }

    @ParameterizedTest
    @EnumSource(Platform.class)
    void fiveNightsExportEveryCallExactlyOnce(Platform p) throws Exception {
        CallHistory history = new CallHistory(p).serveOn(server);
        for (int i = 1; i <= 10; i++) {
            history.add("c" + i, at(10 * i)); // 06:10 .. 07:40
        }
        Path state = dir.resolve("nightly.state.json");
        Set<String> all = new HashSet<>();

        // night 1: everything there is
        Result r1 = run(p, state, "n1");
        assertOk(r1);
        assertThat(written("n1")).as(r1.toString()).containsExactlyInAnyOrder(ids("c", 1, 10));
        assertThat(r1.err()).as(r1.toString()).contains("; state: high-water mark 2026-11-21T07:40:00Z");

        // night 2: new calls at the head
        history.add("c11", at(110)).add("c12", at(120));
        Result r2 = run(p, state, "n2");
        assertOk(r2);
        assertThat(written("n2")).as(r2.toString()).containsExactlyInAnyOrder("c11", "c12");

        // night 3: a call that started before the high-water mark but appears only now, and one that
        // started at the same time as the last call written
        history.add("late", at(95)).add("same", at(120));
        Result r3 = run(p, state, "n3");
        assertOk(r3);
        assertThat(written("n3")).as(r3.toString()).containsExactlyInAnyOrder("late", "same");

        // night 4: nothing new
        Result r4 = run(p, state, "n4");
        assertOk(r4);
        assertThat(written("n4")).as(r4.toString()).isEmpty();
        assertThat(r4.err()).as(r4.toString()).contains("no new calls since the last run");

        // night 5: two new calls sharing a start time, and another late one
        history.add("twin-a", at(130)).add("twin-b", at(130)).add("late2", at(115));
        Result r5 = run(p, state, "n5");
        assertOk(r5);
        assertThat(written("n5")).as(r5.toString()).containsExactlyInAnyOrder("twin-a", "twin-b", "late2");

        List<String> union = new ArrayList<>();
        for (String night : List.of("n1", "n2", "n3", "n4", "n5")) {
            union.addAll(written(night));
        }
        all.addAll(union);
        assertThat(union).as("no id twice").hasSameSizeAs(all);
        assertThat(all).hasSize(17);
        assertThat(Files.readString(state)).contains("\"high_water_mark\" : \"2026-11-21T08:10:00Z\"");
    }

    /**
     * A fault after page 3 (every request for page 4 answers 500, retries exhausted): exit 6, the state
     * file byte for byte as it was, no output file; the next run exports what the failed one would have.
     */
    @ParameterizedTest
    @EnumSource(Platform.class)
    void aRunThatFailsHalfwayLeavesTheStateAsItWas(Platform p) throws Exception {
        CallHistory history = new CallHistory(p).serveOn(server);
        for (int i = 1; i <= 4; i++) {
            history.add("c" + i, at(10 * i));
        }
        Path state = dir.resolve("state.json");
        assertOk(run(p, state, "n1"));
        byte[] before = Files.readAllBytes(state);

        for (int i = 5; i <= 16; i++) {
            history.add("c" + i, at(10 * i)); // 12 new calls: pages 1 to 4 of 3 (page 5 holds older ones)
        }
        long first = p == Platform.CALLS ? 0 : 1;
        history.failFromPage(first + 3);
        Result failed = run(p, state, "n2", "--retries", "0");

        assertThat(failed.exitCode()).as(failed.toString()).isEqualTo(6);
        assertThat(Files.readAllBytes(state)).as(failed.toString()).isEqualTo(before);
        assertThat(dir.resolve("n2.csv")).doesNotExist();
        try (var files = Files.list(dir)) {
            assertThat(files.map(f -> f.getFileName().toString()))
                    .containsExactlyInAnyOrder("state.json", "state.json.lock", "n1.csv");
        }

        history.failFromPage(Long.MAX_VALUE);
        Result next = run(p, state, "n3");
        assertOk(next);
        assertThat(written("n3")).as(next.toString()).containsExactlyInAnyOrder(ids("c", 5, 16));
    }

    static String[] ids(String prefix, int from, int to) {
        List<String> ids = new ArrayList<>();
        for (int i = from; i <= to; i++) {
            ids.add(prefix + i);
        }
        return ids.toArray(String[]::new);
    }
}
