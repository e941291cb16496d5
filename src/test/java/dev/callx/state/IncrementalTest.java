package dev.callx.state;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

/** {@link Incremental}: the window, the ids left out and the state after a run (issue 9.1). */
class IncrementalTest {
    static final ExportKey KEY = new ExportKey("vaani", "vaani", "https://api.vaanivoice.ai/", List.of());
    static final Duration HOUR = Duration.ofHours(1);
    static final Instant NOW = Instant.parse("2026-11-21T12:00:00Z");

    static Instant t(String hhmm) {
        return Instant.parse("2026-11-21T" + hhmm + ":00Z");
    }

    static ExportState.Seen seen(String id, String hhmm) {
        return new ExportState.Seen(id, t(hhmm));
    }

    @Test
    void aFirstRunTakesWhatSinceSelectsAndRemembersTheLastHour() {
        Incremental run = Incremental.start(ExportState.fresh(KEY), HOUR, false, t("06:00"));
        assertThat(run.windowStart()).isEqualTo(t("06:00"));
        assertThat(run.continues()).isFalse();
        // written newest first, as lists come: c3 at 09:00 is the high-water mark
        run.written("c3", t("09:00"));
        run.written("c2", t("08:30"));
        run.written("c1", t("07:00"));

        ExportState next = run.next(NOW);
        assertThat(next.highWaterMark()).isEqualTo(t("09:00"));
        assertThat(next.seenFrom()).isEqualTo(t("08:00"));
        assertThat(next.seen()).containsExactly(seen("c2", "08:30"), seen("c3", "09:00"));
        assertThat(next.lastWritten()).isEqualTo(3);
        assertThat(next.updatedAt()).isEqualTo(NOW);
    }

    /** Pages in parallel hand out records in page order, which is not time order: the mark is the largest. */
    @Test
    void theHighWaterMarkIsTheLargestStartWrittenNotTheLast() {
        Incremental run = Incremental.start(ExportState.fresh(KEY), HOUR, false, null);
        run.written("b", t("08:00"));
        run.written("a", t("10:00"));
        run.written("c", t("09:30"));
        assertThat(run.highWaterMark()).isEqualTo(t("10:00"));
        assertThat(run.next(NOW).seen()).containsExactly(seen("c", "09:30"), seen("a", "10:00"));
    }

    @Test
    void aLaterRunLooksBackFromTheMarkAndSkipsWhatItRemembers() {
        ExportState stored = new ExportState(KEY, t("09:00"), t("08:00"),
                List.of(seen("c2", "08:30"), seen("c3", "09:00")), NOW, 3);
        Incremental run = Incremental.start(stored, HOUR, false, t("01:00"));

        assertThat(run.windowStart()).as("--since is not used once the state has a position").isEqualTo(t("08:00"));
        assertThat(run.exported("c2")).isTrue();
        assertThat(run.exported("c3")).isTrue();
        assertThat(run.exported("late")).isFalse();
        run.written("late", t("08:45"));
        run.written("same", t("09:00"));
        run.written("new", t("09:40"));

        ExportState next = run.next(NOW);
        assertThat(next.highWaterMark()).isEqualTo(t("09:40"));
        assertThat(next.seenFrom()).isEqualTo(t("08:40"));
        assertThat(next.seen()).containsExactly(seen("late", "08:45"), seen("c3", "09:00"), seen("same", "09:00"),
                seen("new", "09:40"));
    }

    @Test
    void aRunThatWritesNothingKeepsWhereTheExportStands() {
        ExportState stored = new ExportState(KEY, t("09:00"), t("08:00"), List.of(seen("c3", "09:00")), NOW, 1);
        ExportState next = Incremental.start(stored, HOUR, false, null).next(NOW.plusSeconds(60));
        assertThat(next.highWaterMark()).isEqualTo(t("09:00"));
        assertThat(next.seenFrom()).isEqualTo(t("08:00"));
        assertThat(next.seen()).containsExactly(seen("c3", "09:00"));
        assertThat(next.lastWritten()).isZero();
    }

    /** A longer lookback cannot reach before the ids remembered: that would export calls twice. */
    @Test
    void aLongerLookbackStopsWhereTheMemoryOfIdsBegins() {
        ExportState stored = new ExportState(KEY, t("09:00"), t("08:00"), List.of(seen("c3", "09:00")), NOW, 1);
        Incremental run = Incremental.start(stored, Duration.ofHours(6), false, null);
        assertThat(run.windowStart()).isEqualTo(t("08:00"));
        assertThat(run.lookbackCut()).isTrue();
        // the next state remembers from the window's start: the lookback grows night by night
        assertThat(run.next(NOW).seenFrom()).isEqualTo(t("08:00"));
    }

    @Test
    void aShorterLookbackLooksBackLess() {
        ExportState stored = new ExportState(KEY, t("09:00"), t("08:00"),
                List.of(seen("c2", "08:30"), seen("c3", "09:00")), NOW, 2);
        Incremental run = Incremental.start(stored, Duration.ofMinutes(15), false, null);
        assertThat(run.windowStart()).isEqualTo(t("08:45"));
        assertThat(run.lookbackCut()).isFalse();
        assertThat(run.next(NOW).seen()).containsExactly(seen("c3", "09:00"));
    }

    @Test
    void aFullRefreshIgnoresThePositionButTheNextStateIsComplete() {
        ExportState stored = new ExportState(KEY, t("09:00"), t("08:00"), List.of(seen("c3", "09:00")), NOW, 1);
        Incremental run = Incremental.start(stored, HOUR, true, null);
        assertThat(run.windowStart()).isNull();
        assertThat(run.exported("c3")).isFalse();
        assertThat(run.previousHighWaterMark()).isEqualTo(t("09:00"));
        run.written("c3", t("09:00"));
        run.written("c1", t("07:00"));
        ExportState next = run.next(NOW);
        assertThat(next.highWaterMark()).isEqualTo(t("09:00"));
        assertThat(next.seen()).containsExactly(seen("c3", "09:00"));
    }

    @Test
    void aFirstRunThatFindsNothingHasNoPositionYet() {
        Incremental run = Incremental.start(ExportState.fresh(KEY), HOUR, false, t("06:00"));
        ExportState next = run.next(NOW);
        assertThat(next.hasPosition()).isFalse();
        assertThat(next.seenFrom()).isEqualTo(t("06:00"));
        assertThat(next.seen()).isEmpty();
        // the next run starts from --since again
        assertThat(Incremental.start(next, HOUR, false, t("07:00")).windowStart()).isEqualTo(t("07:00"));
    }

    /** Memory stays with the lookback window: a long first export remembers only its last hour. */
    @Test
    void onlyTheCallsWithinTheLookbackAreKept() {
        Incremental run = Incremental.start(ExportState.fresh(KEY), HOUR, false, null);
        Instant start = t("11:00");
        for (int i = 0; i < 10_000; i++) {
            run.written("c" + i, start.minusSeconds(60L * i));
        }
        assertThat(run.next(NOW).seen()).hasSize(61);
    }

    @Test
    void theIdsRememberedAreInTimeOrderAndAnIdSeenAgainKeepsItsLaterStart() {
        ExportState stored = new ExportState(KEY, t("09:00"), t("08:00"),
                List.of(seen("c2", "08:30"), seen("c3", "09:00")), NOW, 2);
        Incremental run = Incremental.start(stored, HOUR, false, null);
        assertThat(run.lookbackCut()).isFalse();
        run.written("c5", t("09:40"));
        run.written("c3", t("09:30")); // moved: the platform now says it started later
        run.written("c4", t("09:20"));
        run.written("c6", null); // no start time: counted, not remembered
        ExportState next = run.next(NOW);
        assertThat(next.highWaterMark()).isEqualTo(t("09:40"));
        assertThat(next.seen()).containsExactly(seen("c4", "09:20"), seen("c3", "09:30"), seen("c5", "09:40"));
        assertThat(next.lastWritten()).isEqualTo(4);
    }

    @Test
    void aLongExportHoldsOnlyTheIdsOfTheLookbackInMemory() {
        Incremental run = Incremental.start(ExportState.fresh(KEY), HOUR, false, null);
        Instant start = t("00:00");
        for (int minute = 0; minute < 10_000; minute++) {
            run.written("c" + minute, start.plusSeconds(60L * minute));
        }
        // the calls of the last hour (60 minutes back and the newest), not the 10,000 written
        assertThat(run.remembered()).isEqualTo(61);
        assertThat(run.next(NOW).seen()).hasSize(61).first().isEqualTo(new ExportState.Seen("c9939", start.plusSeconds(60L * 9939)));
    }

    @Test
    void anIdSeenAgainWithAnEarlierStartKeepsTheLaterOne() {
        ExportState stored = new ExportState(KEY, t("09:30"), t("08:30"), List.of(seen("c3", "09:30")), NOW, 1);
        Incremental run = Incremental.start(stored, HOUR, false, null);
        run.written("c3", t("09:10"));
        assertThat(run.next(NOW).seen()).containsExactly(seen("c3", "09:30"));
    }

    @Test
    void theSameFiltersInAnotherOrderAreTheSameExport() {
        assertThat(new ExportKey("calls", "zudu", "https://z/", List.of("status=done", "agent=a1")))
                .isEqualTo(new ExportKey("calls", "zudu", "https://z/", List.of("agent=a1", "status=done")));
    }

    @Test
    void aFreshExportCutsNoLookback() {
        assertThat(Incremental.start(ExportState.fresh(KEY), HOUR, false, null).lookbackCut()).isFalse();
    }
}
