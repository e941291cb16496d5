package dev.callx.state;

import static org.assertj.core.api.Assertions.assertThat;

import dev.callx.testing.CallHistory;
import dev.callx.testing.CallHistory.Platform;
import dev.callx.testing.CallxRunner;
import dev.callx.testing.CallxRunner.Result;
import dev.callx.testing.PlatformServer;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

/**
 * Issue 9.3, by the requests made: Zudu {@code calls} with --since (or --state) asks for the newest
 * calls first and stops after the first page that reaches back past the window's start, when the
 * pages confirm that order; Vaani and phone-history read the whole list; sessions keep the window on
 * the server.
 *
 * <p>The history: 50 calls, one every 10 minutes, the newest at 11:50 (the runs' clock says 12:00).
 * {@code --since 2h} wants the 12 calls from 10:00 on; at 5 a page they are on pages 0 to 2, and page 2
 * (10:10 to 09:30) reaches back past 10:00.
 */
class EarlyStopTest {
    static final Instant NEWEST = Instant.parse("2026-11-21T11:50:00Z");

    @RegisterExtension
    final PlatformServer server = new PlatformServer();

    @TempDir
    Path dir;

    CallHistory history(Platform p) {
        CallHistory h = new CallHistory(p).serveOn(server);
        for (int i = 1; i <= 50; i++) {
            h.add("c" + i, NEWEST.minusSeconds(600L * (i - 1)));
        }
        return h;
    }

    Result run(Platform p, String... more) {
        List<String> args = new ArrayList<>(p.command);
        args.addAll(List.of("--base-url", server.baseUrl(), "-o", "csv", "--fields", "id", "--no-header",
                "--page-size", "5"));
        args.addAll(Arrays.asList(more));
        return CallxRunner.callx().env("ZUDU_API_KEY", "zk-key-0004").env("ZUDU_API_SECRET", "zs-secret-0005")
                .env("VAANI_API_KEY", "vk-secret-0003").env("RAVAN_API_KEY", "rk-secret-0001")
                .run(args.toArray(String[]::new));
    }

    static List<String> ids(int from, int to) {
        List<String> ids = new ArrayList<>();
        for (int i = from; i <= to; i++) {
            ids.add("c" + i);
        }
        return ids;
    }

    @Test
    void callsSinceCostsThePagesOfTheWindowOnly() {
        history(Platform.CALLS);
        Result r = run(Platform.CALLS, "--since", "2h", "--concurrency", "1");

        assertThat(r.exitCode()).as(r.toString()).isZero();
        assertThat(r.outLines()).as(r.toString()).isEqualTo(ids(1, 12));
        assertThat(server.sent("page")).containsExactly("0", "1", "2");
        assertThat(server.sent("sort_by")).containsOnly("start_timestamp");
        assertThat(server.sent("sort_order")).containsOnly("descending");
    }

    /** In parallel, at most concurrency-1 pages past the last wanted are asked for; none is written. */
    @Test
    void inParallelThePagesInFlightPastTheStopAreDiscarded() {
        history(Platform.CALLS);
        Result r = run(Platform.CALLS, "--since", "2h", "--concurrency", "4");

        assertThat(r.exitCode()).as(r.toString()).isZero();
        assertThat(r.outLines()).as(r.toString()).isEqualTo(ids(1, 12));
        assertThat(server.requestCount()).as(r.toString()).isBetween(3, 6);
    }

    @Test
    void theStateWindowStopsPagingToo() {
        history(Platform.CALLS);
        Path state = dir.resolve("state.json");
        Result first = run(Platform.CALLS, "--state", state.toString(), "--since", "2h", "--concurrency", "1");
        assertThat(first.outLines()).as(first.toString()).isEqualTo(ids(1, 12));
        int before = server.requestCount();

        // high-water mark 11:50, lookback 1h: the window starts at 10:50, on page 1 (11:00 to 10:20)
        Result second = run(Platform.CALLS, "--state", state.toString(), "--concurrency", "1");
        assertThat(second.exitCode()).as(second.toString()).isZero();
        assertThat(second.outLines()).as(second.toString()).isEmpty();
        assertThat(server.sent("page").subList(before, server.requestCount())).containsExactly("0", "1");
    }

    @Test
    void aSortTheUserChoseIsKeptAndTheWholeListIsRead() {
        history(Platform.CALLS);
        Result r = run(Platform.CALLS, "--since", "2h", "--sort-order", "ascending", "--concurrency", "1");

        assertThat(r.exitCode()).as(r.toString()).isZero();
        assertThat(r.outLines()).as(r.toString()).containsExactlyInAnyOrderElementsOf(ids(1, 12));
        assertThat(server.requestCount()).isEqualTo(10);
        assertThat(server.sent("sort_order")).containsOnly("ascending");
    }

    /** A Zudu that does not say how it sorted: its order is not trusted, the whole list is read. */
    @Test
    void pagesThatDoNotEchoTheOrderAreReadToTheEnd() {
        history(Platform.CALLS).withoutSortEcho();
        Result r = run(Platform.CALLS, "--since", "2h", "--concurrency", "1");

        assertThat(r.outLines()).as(r.toString()).isEqualTo(ids(1, 12));
        assertThat(server.requestCount()).isEqualTo(10);
    }

    @Test
    void withoutSinceNoSortIsAskedFor() {
        history(Platform.CALLS);
        Result r = run(Platform.CALLS, "--concurrency", "1");

        assertThat(r.outLines()).as(r.toString()).hasSize(50);
        assertThat(server.sent("sort_by")).containsOnlyNulls();
        assertThat(server.requestCount()).isEqualTo(10);
    }

    /** Vaani and phone-history do not state their order: the whole list is read. */
    @Test
    void vaaniAndPhoneHistoryReadTheWholeList() {
        history(Platform.VAANI);
        Result r = run(Platform.VAANI, "--since", "2h", "--concurrency", "1");
        assertThat(r.outLines()).as(r.toString()).isEqualTo(ids(1, 12));
        assertThat(server.requestCount()).isEqualTo(10);
    }

    @Test
    void phoneHistoryReadsTheWholeList() {
        history(Platform.PHONE_HISTORY);
        Result r = run(Platform.PHONE_HISTORY, "--since", "2h", "--concurrency", "1");
        assertThat(r.outLines()).as(r.toString()).isEqualTo(ids(1, 12));
        assertThat(server.requestCount()).isEqualTo(10);
    }

    /**
     * Sessions send the window: the server answers its pages only (5, 5 and 2 calls), and the empty page
     * after the short one ends the list (SPEC 5).
     */
    @Test
    void sessionsKeepTheWindowOnTheServer() {
        history(Platform.SESSIONS);
        Result r = run(Platform.SESSIONS, "--since", "2h", "--concurrency", "1");
        assertThat(r.outLines()).as(r.toString()).isEqualTo(ids(1, 12));
        assertThat(server.sent("started_after")).containsOnly("2026-11-21T10:00:00Z");
        assertThat(server.sent("page")).containsExactly("1", "2", "3", "4");
    }
}
