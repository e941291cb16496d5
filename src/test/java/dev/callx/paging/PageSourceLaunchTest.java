package dev.callx.paging;

import static dev.callx.paging.PageSourceTest.idOf;
import static dev.callx.paging.PageSourceTest.ids;
import static org.assertj.core.api.Assertions.assertThat;

import dev.callx.http.FetchPool;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * Which pages {@link PageSource} asks for, and when: the next page while the consumer works through
 * this one, none past an empty page a worker has seen, none once the demand is met, and an empty
 * list in one request.
 */
class PageSourceLaunchTest {
    private final List<String> warnings = Collections.synchronizedList(new ArrayList<>());
    private final List<FetchPool> pools = new ArrayList<>();

    @AfterEach
    void closePools() {
        pools.forEach(FetchPool::close);
    }

    private FetchPool pool(int concurrency) {
        FetchPool pool = new FetchPool(concurrency);
        pools.add(pool);
        return pool;
    }

    @Test
    void theNextPageIsAskedForWhileTheConsumerWorksThroughThisOne() throws InterruptedException {
        PageSourceTest.FakeList list = new PageSourceTest.FakeList(30);
        CountDownLatch page2Asked = new CountDownLatch(1);
        list.hook = (page, l) -> {
            if (page == 2) {
                page2Asked.countDown();
            }
        };
        PageSource source = new PageSource(list, PagingPlan.all(1, 10), pool(1), 1, () -> Long.MAX_VALUE,
                warnings::add, "Test Platform");

        assertThat(source.next().number()).isEqualTo(1);
        // the consumer has not asked for page 2 yet
        assertThat(page2Asked.await(10, TimeUnit.SECONDS)).as("page 2 requested ahead").isTrue();
    }

    @Test
    void onceTheDemandIsMetTheSourceEndsWithoutAnotherRequest() {
        PageSourceTest.FakeList list = new PageSourceTest.FakeList(100);
        long[] written = {0};
        PageSource source = new PageSource(list, PagingPlan.all(1, 10), pool(1), 1, () -> 10 - written[0],
                warnings::add, "Test Platform");

        PageSource.Fetched first = source.next();
        assertThat(first.page().items()).hasSize(10);
        written[0] = 10; // --limit 10 written
        assertThat(source.next()).isNull();
        assertThat(source.next()).isNull();
        assertThat(list.asked).containsExactly(1L);
        assertThat(source.requests()).isEqualTo(1);
    }

    @Test
    void noPageIsAskedForPastAnEmptyPageAWorkerHasAlreadySeen() {
        // three full pages and nothing telling the end, two pages ahead, one worker: page 4 (empty) is
        // answered before page 3 is handed out; page 5 is then never asked for (at most window - 1 = 1
        // page past the end)
        PageSourceTest.FakeList list = new PageSourceTest.FakeList(30);
        list.hasNext = false;
        list.totals = false;
        FetchPool pool = pool(1);
        PageSource source = new PageSource(list, PagingPlan.all(1, 10), pool, 2, () -> Long.MAX_VALUE,
                warnings::add, "Test Platform");
        RecordIterator it = new RecordIterator(source, PageSourceTest::idOf, "Test Platform", null)
                .beforeWait(() -> {
                    // one worker, first in first out: when this task has run, every page asked before it was answered
                    try {
                        pool.submit(() -> null).get(10, TimeUnit.SECONDS);
                    } catch (Exception e) {
                        throw new IllegalStateException(e);
                    }
                });
        List<String> out = new ArrayList<>();
        it.forEachRemaining(n -> out.add(idOf(n)));

        assertThat(out).isEqualTo(ids(1, 30));
        assertThat(list.asked).containsExactly(1L, 2L, 3L, 4L);
    }

    @Test
    void anEmptyListWithATotalOfZeroIsOneRequestAndNoRecords() {
        PageSourceTest.FakeList list = new PageSourceTest.FakeList(0);
        PageSource source = new PageSource(list, PagingPlan.all(1, 10), pool(4), 4, () -> Long.MAX_VALUE,
                warnings::add, "Test Platform");
        RecordIterator it = new RecordIterator(source, PageSourceTest::idOf, "Test Platform", null);

        assertThat(it.hasNext()).isFalse();
        assertThat(list.asked).containsExactly(1L);
        assertThat(warnings).isEmpty();
    }
}
