package dev.callx.paging;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.callx.error.CallxException;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import java.util.NoSuchElementException;
import org.junit.jupiter.api.Test;

/** {@link Pager} alone, with a fake {@link PageFetcher}: the stop rules of SPEC section 5 and laziness. */
class PagerTest {
    /** Hands out queued pages and records each (page, size) asked for; fails when asked beyond the queue. */
    static final class FakeFetcher implements PageFetcher {
        final Deque<Page> pages = new ArrayDeque<>();
        final List<Long> asked = new ArrayList<>();
        final List<Integer> sizes = new ArrayList<>();

        FakeFetcher then(Page page) {
            pages.addLast(page);
            return this;
        }

        @Override
        public Page fetch(long page, int pageSize) {
            asked.add(page);
            sizes.add(pageSize);
            if (pages.isEmpty()) {
                throw new AssertionError("page " + page + " fetched, beyond what the test allows");
            }
            return pages.removeFirst();
        }
    }

    static final class Recorder implements Pager.Listener {
        final List<String> seen = new ArrayList<>();
        final List<Long> totals = new ArrayList<>();

        @Override
        public void onPage(long page, Page content, int fresh, long received) {
            seen.add(page + ":" + content.items().size() + "/" + fresh);
            totals.add(received);
        }
    }

    static JsonNode rec(String id) {
        ObjectNode n = JsonNodeFactory.instance.objectNode();
        if (id != null) {
            n.put("id", id);
        }
        return n;
    }

    static List<JsonNode> recs(String... ids) {
        List<JsonNode> l = new ArrayList<>();
        for (String id : ids) {
            l.add(rec(id));
        }
        return l;
    }

    static String idOf(JsonNode n) {
        return n.hasNonNull("id") ? n.get("id").asText() : null;
    }

    static Page page(Boolean hasNext, Long totalPages, Long total, String... ids) {
        return new Page(recs(ids), hasNext, totalPages, total);
    }

    static Page hintless(String... ids) {
        return Page.of(recs(ids));
    }

    final Recorder listener = new Recorder();

    Pager pager(FakeFetcher f, PagingPlan plan) {
        return new Pager(f, plan, PagerTest::idOf, "Test Platform", listener);
    }

    static List<String> drain(Pager p) {
        List<String> ids = new ArrayList<>();
        while (p.hasNext()) {
            ids.add(idOf(p.next()));
        }
        return ids;
    }

    // ---- laziness ----

    @Test
    void fetchesNothingUntilHasNextNeedsIt() {
        FakeFetcher f = new FakeFetcher().then(page(true, null, null, "a", "b")).then(page(false, null, null, "c"));
        Pager p = pager(f, PagingPlan.all(1, 2));
        assertThat(f.asked).isEmpty();

        assertThat(p.hasNext()).isTrue();
        assertThat(f.asked).containsExactly(1L);
        assertThat(idOf(p.next())).isEqualTo("a");
        assertThat(p.hasNext()).isTrue();
        assertThat(idOf(p.next())).isEqualTo("b");
        assertThat(f.asked).as("page 2 not fetched until the records of page 1 are used up").containsExactly(1L);

        assertThat(p.hasNext()).isTrue();
        assertThat(f.asked).containsExactly(1L, 2L);
        assertThat(idOf(p.next())).isEqualTo("c");
        assertThat(p.hasNext()).isFalse();
        assertThat(f.asked).containsExactly(1L, 2L);
        assertThat(p.pages()).isEqualTo(2);
        assertThat(p.received()).isEqualTo(3);
    }

    @Test
    void hasNextTwiceFetchesOnce() {
        FakeFetcher f = new FakeFetcher().then(page(false, null, null, "a"));
        Pager p = pager(f, PagingPlan.all(1, 5));

        assertThat(p.hasNext()).isTrue();
        assertThat(p.hasNext()).isTrue();
        assertThat(f.asked).containsExactly(1L);
    }

    @Test
    void aConsumerThatStopsEarlyCausesNoFurtherFetch() {
        FakeFetcher f = new FakeFetcher().then(page(true, 10L, 100L, "a", "b", "c"));
        Pager p = pager(f, PagingPlan.all(1, 3));

        List<String> taken = new ArrayList<>();
        while (taken.size() < 3 && p.hasNext()) {
            taken.add(idOf(p.next()));
        }
        assertThat(taken).containsExactly("a", "b", "c");
        assertThat(f.asked).containsExactly(1L);
    }

    @Test
    void nextWithoutHasNextFetchesAndPastTheEndThrows() {
        FakeFetcher f = new FakeFetcher().then(page(false, null, null, "a"));
        Pager p = pager(f, PagingPlan.all(0, 5));

        assertThat(idOf(p.next())).isEqualTo("a");
        assertThatThrownBy(p::next).isInstanceOf(NoSuchElementException.class);
        assertThat(f.asked).containsExactly(0L);
    }

    // ---- numbering and size ----

    @Test
    void pagesCountFromTheFirstPageAndAskForThePlannedSize() {
        FakeFetcher f = new FakeFetcher().then(hintless("a", "b")).then(hintless("c", "d")).then(hintless("e"));
        Pager p = pager(f, PagingPlan.all(0, 2));

        assertThat(drain(p)).containsExactly("a", "b", "c", "d", "e");
        assertThat(f.asked).containsExactly(0L, 1L, 2L);
        assertThat(f.sizes).containsOnly(2);
    }

    // ---- stop rules ----

    @Test
    void hasNextFalseStopsOnAFullPage() {
        FakeFetcher f = new FakeFetcher().then(page(true, null, null, "a", "b")).then(page(false, null, null, "c", "d"));
        Pager p = pager(f, PagingPlan.all(1, 2));

        assertThat(drain(p)).containsExactly("a", "b", "c", "d");
        assertThat(f.asked).containsExactly(1L, 2L);
    }

    @Test
    void hasNextFalseWinsOverTotalsThatSayMore() {
        FakeFetcher f = new FakeFetcher().then(page(false, 50L, 100L, "a", "b"));
        Pager p = pager(f, PagingPlan.all(1, 2));

        assertThat(drain(p)).containsExactly("a", "b");
        assertThat(f.asked).containsExactly(1L);
    }

    @Test
    void pageReachingTotalPagesStopsCountingFromOne() {
        FakeFetcher f = new FakeFetcher().then(page(null, 2L, null, "a", "b")).then(page(null, 2L, null, "c", "d"));
        Pager p = pager(f, PagingPlan.all(1, 2));

        assertThat(drain(p)).containsExactly("a", "b", "c", "d");
        assertThat(f.asked).containsExactly(1L, 2L);
    }

    @Test
    void pageReachingTotalPagesStopsCountingFromZero() {
        FakeFetcher f = new FakeFetcher().then(page(null, 2L, null, "a", "b")).then(page(null, 2L, null, "c", "d"));
        Pager p = pager(f, PagingPlan.all(0, 2));

        assertThat(drain(p)).containsExactly("a", "b", "c", "d");
        assertThat(f.asked).containsExactly(0L, 1L);
    }

    @Test
    void totalPagesWinsOverHasNextTrue() {
        FakeFetcher f = new FakeFetcher().then(page(true, 1L, null, "a", "b"));
        Pager p = pager(f, PagingPlan.all(1, 2));

        assertThat(drain(p)).containsExactly("a", "b");
        assertThat(f.asked).containsExactly(1L);
    }

    @Test
    void recordsSeenReachingTotalStopsOnAFullPage() {
        FakeFetcher f = new FakeFetcher().then(page(null, null, 4L, "a", "b")).then(page(null, null, 4L, "c", "d"));
        Pager p = pager(f, PagingPlan.all(1, 2));

        assertThat(drain(p)).containsExactly("a", "b", "c", "d");
        assertThat(f.asked).containsExactly(1L, 2L);
    }

    @Test
    void shortPageWithoutHintsStops() {
        FakeFetcher f = new FakeFetcher().then(hintless("a", "b", "c")).then(hintless("d"));
        Pager p = pager(f, PagingPlan.all(1, 3));

        assertThat(drain(p)).containsExactly("a", "b", "c", "d");
        assertThat(f.asked).containsExactly(1L, 2L);
    }

    @Test
    void fullPageWithoutHintsAsksForTheNext() {
        FakeFetcher f = new FakeFetcher().then(hintless("a", "b")).then(hintless());
        Pager p = pager(f, PagingPlan.all(1, 2));

        assertThat(drain(p)).containsExactly("a", "b");
        assertThat(f.asked).containsExactly(1L, 2L);
    }

    @Test
    void emptyPageStopsWhateverTheHintsSay() {
        FakeFetcher f = new FakeFetcher().then(page(true, 10L, 100L, "a", "b")).then(page(true, 10L, 100L));
        Pager p = pager(f, PagingPlan.all(1, 2));

        assertThat(drain(p)).containsExactly("a", "b");
        assertThat(f.asked).containsExactly(1L, 2L);
    }

    @Test
    void emptyFirstPageYieldsNothing() {
        FakeFetcher f = new FakeFetcher().then(page(true, null, null));
        Pager p = pager(f, PagingPlan.all(1, 2));

        assertThat(p.hasNext()).isFalse();
        assertThat(f.asked).containsExactly(1L);
    }

    /** A server that caps the page size: short pages, but a hint says more remain, so paging goes on. */
    @Test
    void shortPagesGoOnWhileHasNextSaysMore() {
        FakeFetcher f = new FakeFetcher().then(page(true, null, null, "a", "b")).then(page(true, null, null, "c", "d"))
                .then(page(false, null, null, "e"));
        Pager p = pager(f, PagingPlan.all(1, 100));

        assertThat(drain(p)).containsExactly("a", "b", "c", "d", "e");
        assertThat(f.asked).containsExactly(1L, 2L, 3L);
    }

    @Test
    void shortPagesGoOnWhileTotalIsNotReached() {
        FakeFetcher f = new FakeFetcher().then(page(null, null, 5L, "a", "b")).then(page(null, null, 5L, "c", "d"))
                .then(page(null, null, 5L, "e"));
        Pager p = pager(f, PagingPlan.all(1, 100));

        assertThat(drain(p)).containsExactly("a", "b", "c", "d", "e");
        assertThat(f.asked).containsExactly(1L, 2L, 3L);
    }

    @Test
    void shortPagesGoOnWhileTotalPagesIsNotReached() {
        FakeFetcher f = new FakeFetcher().then(page(null, 3L, null, "a")).then(page(null, 3L, null, "b"))
                .then(page(null, 3L, null, "c"));
        Pager p = pager(f, PagingPlan.all(0, 100));

        assertThat(drain(p)).containsExactly("a", "b", "c");
        assertThat(f.asked).containsExactly(0L, 1L, 2L);
    }

    // ---- single page ----

    @Test
    void singlePageFetchesThatPageOnlyWhateverTheHints() {
        FakeFetcher f = new FakeFetcher().then(page(true, 10L, 100L, "a", "b"));
        Pager p = pager(f, PagingPlan.only(1, 3, 2));

        assertThat(drain(p)).containsExactly("a", "b");
        assertThat(f.asked).containsExactly(3L);
        assertThat(f.sizes).containsExactly(2);
    }

    @Test
    void singlePageZeroOfAZeroBasedPlatform() {
        FakeFetcher f = new FakeFetcher().then(page(true, 10L, 100L, "a"));
        Pager p = pager(f, PagingPlan.only(0, 0, 10));

        assertThat(drain(p)).containsExactly("a");
        assertThat(f.asked).containsExactly(0L);
    }

    @Test
    void aPlanCannotStartBeforeTheFirstPage() {
        assertThatThrownBy(() -> PagingPlan.only(0, -1, 10)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> PagingPlan.only(1, 0, 10)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> PagingPlan.all(1, 0)).isInstanceOf(IllegalArgumentException.class);
    }

    // ---- de-duplication and the page-loop guard ----

    @Test
    void recordsSeenOnAnEarlierPageAreDroppedAndCounted() {
        FakeFetcher f = new FakeFetcher().then(page(true, null, null, "a", "b")).then(page(true, null, null, "b", "c"))
                .then(page(false, null, null, "c", "d"));
        Pager p = pager(f, PagingPlan.all(1, 2));

        assertThat(drain(p)).containsExactly("a", "b", "c", "d");
        assertThat(p.duplicates()).isEqualTo(2);
        assertThat(p.received()).isEqualTo(6);
        assertThat(p.pages()).isEqualTo(3);
        assertThat(listener.seen).containsExactly("1:2/2", "2:2/1", "3:2/1");
        assertThat(listener.totals).as("records received so far, duplicates included").containsExactly(2L, 4L, 6L);
    }

    @Test
    void aPageOfOnlySeenIdsEndsWithExit7NamingThePlatform() {
        FakeFetcher f = new FakeFetcher().then(page(true, null, null, "a", "b")).then(page(true, null, null, "b", "a"))
                .then(page(true, null, null, "c"));
        Pager p = pager(f, PagingPlan.all(1, 2));

        assertThat(idOf(p.next())).isEqualTo("a");
        assertThat(idOf(p.next())).isEqualTo("b");
        assertThatThrownBy(p::hasNext).isInstanceOfSatisfying(CallxException.class, e -> {
            assertThat(e.exitCode()).isEqualTo(7);
            assertThat(e.getMessage()).contains("Test Platform").contains("page 2").contains("loop");
        });
        assertThat(p.hasNext()).as("no retry of the loop after the error").isFalse();
        assertThat(f.asked).containsExactly(1L, 2L);
    }

    @Test
    void recordsWithoutIdAreNeverDroppedNorALoop() {
        FakeFetcher f = new FakeFetcher().then(page(true, null, null, null, null)).then(page(false, null, null, null, null));
        Pager p = pager(f, PagingPlan.all(1, 2));

        assertThat(drain(p)).containsExactly(null, null, null, null);
        assertThat(p.duplicates()).isZero();
        assertThat(f.asked).containsExactly(1L, 2L);
    }

    @Test
    void aPageWithSomeNewIdsIsNotALoop() {
        FakeFetcher f = new FakeFetcher().then(page(true, null, null, "a", "b")).then(page(false, null, null, "a", "c"));
        Pager p = pager(f, PagingPlan.all(1, 2));

        assertThat(drain(p)).containsExactly("a", "b", "c");
        assertThat(p.duplicates()).isEqualTo(1);
    }
}
