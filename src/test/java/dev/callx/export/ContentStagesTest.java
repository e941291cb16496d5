package dev.callx.export;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** DESIGN.md: with per-call requests on, page read-ahead takes at most half the permits, never fewer than one. */
class ContentStagesTest {
    @Test
    void pagesTakeHalfThePermitsWhenRecordsNeedRequestsOfTheirOwn() {
        assertThat(ContentStages.pageWindow(8, true)).isEqualTo(4);
        assertThat(ContentStages.pageWindow(9, true)).isEqualTo(4);
        assertThat(ContentStages.pageWindow(2, true)).isEqualTo(1);
        assertThat(ContentStages.pageWindow(1, true)).isEqualTo(1);
        assertThat(ContentStages.pageWindow(32, true)).isEqualTo(16);
    }

    @Test
    void pagesTakeEveryPermitOtherwise() {
        assertThat(ContentStages.pageWindow(8, false)).isEqualTo(8);
        assertThat(ContentStages.pageWindow(1, false)).isEqualTo(1);
    }
}
