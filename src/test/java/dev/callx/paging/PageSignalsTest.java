package dev.callx.paging;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import dev.callx.paging.PageSignals.Kind;
import dev.callx.paging.PageSignals.Verdict;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The stop rules of SPEC section 5 and issue 8.2, one page at a time. */
class PageSignalsTest {
    static Page page(int items, Boolean hasNext, Long totalPages, Long total) {
        List<JsonNode> l = new ArrayList<>();
        for (int i = 0; i < items; i++) {
            l.add(JsonNodeFactory.instance.objectNode().put("id", "r" + i));
        }
        return new Page(l, hasNext, totalPages, total);
    }

    static Verdict eval(long page, Page content, long positions, PagingPlan plan) {
        return PageSignals.evaluate(page, content, positions, plan);
    }

    @Test
    void hasNextFalseOnAFullPageEnds() {
        assertThat(eval(2, page(2, false, null, null), 4, PagingPlan.all(1, 2)))
                .isEqualTo(new Verdict(Kind.END, null, null));
    }

    @Test
    void hasNextTrueSaysMoreButPromisesNoLastPage() {
        assertThat(eval(1, page(2, true, null, null), 2, PagingPlan.all(1, 2)))
                .isEqualTo(new Verdict(Kind.MORE, null, null));
    }

    @Test
    void thePageCountPromisesTheLastPageCountingFromOneOrZero() {
        assertThat(eval(1, page(2, null, 5L, null), 2, PagingPlan.all(1, 2)))
                .isEqualTo(new Verdict(Kind.MORE, null, 5L));
        assertThat(eval(0, page(2, null, 5L, null), 2, PagingPlan.all(0, 2)))
                .isEqualTo(new Verdict(Kind.MORE, null, 4L));
        assertThat(eval(4, page(2, null, 5L, null), 10, PagingPlan.all(0, 2)))
                .isEqualTo(new Verdict(Kind.END, null, 4L));
    }

    @Test
    void theTotalPromisesTheLastPageFromTheRecordsStillToCome() {
        // 2 of 9 records after page 1 of 2 a page: 7 to come, 4 pages more
        assertThat(eval(1, page(2, null, null, 9L), 2, PagingPlan.all(1, 2)))
                .isEqualTo(new Verdict(Kind.MORE, null, 5L));
        assertThat(eval(5, page(1, null, null, 9L), 9, PagingPlan.all(1, 2)))
                .isEqualTo(new Verdict(Kind.END, null, 5L));
    }

    @Test
    void whenCountAndTotalBothSayMoreTheLaterLastPageIsPromised() {
        assertThat(eval(1, page(2, true, 3L, 9L), 2, PagingPlan.all(1, 2)).lastPage()).isEqualTo(5L);
    }

    @Test
    void signalsThatAgreeOnTheEndEnd() {
        assertThat(eval(3, page(1, false, 3L, 5L), 5, PagingPlan.all(1, 2)))
                .isEqualTo(new Verdict(Kind.END, null, 3L));
    }

    @Test
    void aTotalReachedWhileHasNextSaysMoreIsAConflictAndMoreWins() {
        Verdict v = eval(1, page(2, true, null, 2L), 2, PagingPlan.all(1, 2));
        assertThat(v.kind()).isEqualTo(Kind.MORE);
        assertThat(v.conflict()).isEqualTo("2 of 2 records received, but has_next is true");
        assertThat(v.lastPage()).isNull();
    }

    @Test
    void hasNextFalseWhileTheTotalSaysMoreIsAConflictAndMoreWins() {
        Verdict v = eval(1, page(50, false, null, 450L), 50, PagingPlan.all(1, 100));
        assertThat(v.kind()).isEqualTo(Kind.MORE);
        assertThat(v.conflict()).isEqualTo("has_next is false, but 50 of 450 records received");
    }

    @Test
    void anEmptyPageEndsAndSaysWhatClaimedMore() {
        assertThat(eval(2, page(0, true, 10L, 100L), 2, PagingPlan.all(1, 2))).isEqualTo(new Verdict(Kind.END,
                "page 2 was empty while has_next is true and page 2 of 10 and 2 of 100 records received", null));
        assertThat(eval(2, page(0, null, null, null), 2, PagingPlan.all(1, 2)))
                .isEqualTo(new Verdict(Kind.END, null, null));
    }

    @Test
    void withoutSignalsAShortPageIsAProbeAndAFullPageSaysMore() {
        assertThat(eval(1, page(1, null, null, null), 1, PagingPlan.all(1, 2)).kind()).isEqualTo(Kind.PROBE);
        assertThat(eval(1, page(2, null, null, null), 2, PagingPlan.all(1, 2)).kind()).isEqualTo(Kind.MORE);
    }

    @Test
    void aShortPageWithASignalThatSaysMoreGoesOn() {
        // a server capping the page size, with a total: the total decides
        assertThat(eval(1, page(50, null, null, 450L), 50, PagingPlan.all(1, 100)).kind()).isEqualTo(Kind.MORE);
    }

    @Test
    void negativeTotalsAreNoSignal() {
        assertThat(eval(1, page(2, null, -1L, -1L), 2, PagingPlan.all(1, 2)))
                .isEqualTo(new Verdict(Kind.MORE, null, null));
        assertThat(eval(1, page(1, null, null, -1L), 1, PagingPlan.all(1, 2)).kind()).isEqualTo(Kind.PROBE);
    }

    @Test
    void aPlanCannotStartBeforeTheFirstPage() {
        assertThatThrownBy(() -> PagingPlan.only(0, -1, 10)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> PagingPlan.only(1, 0, 10)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> PagingPlan.all(1, 0)).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void aTotalOrPageCountOfZeroIsASignalOnlyANegativeOneIsNot() {
        // a count that lags behind the records (a call arrived after it was taken) still says: the end
        assertThat(eval(1, page(2, null, null, 0L), 2, PagingPlan.all(1, 2)))
                .isEqualTo(new Verdict(Kind.END, null, 1L));
        assertThat(eval(1, page(2, null, 0L, null), 2, PagingPlan.all(1, 2)))
                .isEqualTo(new Verdict(Kind.END, null, 0L));
    }
}
