package dev.callx.export;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import org.junit.jupiter.api.Test;

/** SPEC 5 and TimeWindow's contract: --since is inclusive, --until exclusive, either may be absent. */
class TimeWindowTest {
    private static final Instant SINCE = Instant.parse("2026-11-20T00:00:00Z");
    private static final Instant UNTIL = Instant.parse("2026-11-21T00:00:00Z");

    @Test
    void sinceIsInclusiveAndUntilExclusive() {
        TimeWindow w = new TimeWindow(SINCE, UNTIL);
        assertThat(w.contains(SINCE)).isTrue();
        assertThat(w.contains(Instant.parse("2026-11-20T12:00:00Z"))).isTrue();
        assertThat(w.contains(Instant.parse("2026-11-19T23:59:59.999Z"))).isFalse();
        assertThat(w.contains(UNTIL)).isFalse();
        assertThat(w.contains(Instant.parse("2026-11-20T23:59:59.999Z"))).isTrue();
    }

    @Test
    void onlySinceBoundsTheStartAndOnlyUntilTheEnd() {
        TimeWindow since = new TimeWindow(SINCE, null);
        assertThat(since.contains(Instant.parse("2099-01-01T00:00:00Z"))).isTrue();
        assertThat(since.contains(Instant.parse("2026-11-19T00:00:00Z"))).isFalse();
        TimeWindow until = new TimeWindow(null, UNTIL);
        assertThat(until.contains(Instant.parse("1999-01-01T00:00:00Z"))).isTrue();
        assertThat(until.contains(Instant.parse("2026-11-22T00:00:00Z"))).isFalse();
    }

    @Test
    void noBoundContainsEverythingAndIsNotBounded() {
        assertThat(TimeWindow.ALL.contains(Instant.EPOCH)).isTrue();
        assertThat(TimeWindow.ALL.bounded()).isFalse();
        assertThat(new TimeWindow(SINCE, null).bounded()).isTrue();
        assertThat(new TimeWindow(null, UNTIL).bounded()).isTrue();
    }
}
