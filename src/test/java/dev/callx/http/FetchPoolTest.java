package dev.callx.http;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.callx.error.CallxException;
import dev.callx.error.ExitCode;
import java.io.IOException;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/** The one bounded fetcher of a run, alone: its bounds, its threads, and how results and failures come back. */
class FetchPoolTest {
    @Test
    void concurrencyIsBoundedAndTheThrottleStartsThere() {
        assertThatThrownBy(() -> new FetchPool(0)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new FetchPool(FetchPool.MAX_CONCURRENCY + 1)).isInstanceOf(IllegalArgumentException.class);
        try (FetchPool pool = new FetchPool(3)) {
            assertThat(pool.concurrency()).isEqualTo(3);
            assertThat(pool.throttle().limit()).isEqualTo(3);
            assertThat(pool.throttle().max()).isEqualTo(3);
        }
        try (FetchPool pool = new FetchPool(FetchPool.MAX_CONCURRENCY)) {
            assertThat(pool.concurrency()).isEqualTo(32);
        }
    }

    @Test
    void workersAreDaemonsNamedForTheFetch() throws Exception {
        try (FetchPool pool = new FetchPool(2)) {
            Thread worker = FetchPool.await(pool.submit(Thread::currentThread));
            assertThat(worker.isDaemon()).as("a hung request never keeps the process alive").isTrue();
            assertThat(worker.getName()).startsWith("callx-fetch-");
            assertThat(pool.supply(() -> Thread.currentThread().isDaemon()).get(10, TimeUnit.SECONDS)).isTrue();
        }
    }

    @Test
    void awaitGivesTheResultOrTheFailureAsThrown() {
        try (FetchPool pool = new FetchPool(2)) {
            assertThat(FetchPool.await(pool.submit(() -> "page 1"))).isEqualTo("page 1");
            CallxException refused = CallxException.usage("refused");
            assertThatThrownBy(() -> FetchPool.await(pool.submit(() -> {
                throw refused;
            }))).isSameAs(refused);
            assertThatThrownBy(() -> FetchPool.await(pool.submit(() -> {
                throw new IOException("cut");
            }))).isInstanceOf(IllegalStateException.class).hasRootCauseMessage("cut");
            AssertionError error = new AssertionError("an error");
            assertThatThrownBy(() -> FetchPool.await(pool.submit(() -> {
                throw error;
            }))).isSameAs(error);
        }
    }

    @Test
    void aCancelledOrInterruptedWaitIsExit130() throws Exception {
        try (FetchPool pool = new FetchPool(1)) {
            CountDownLatch release = new CountDownLatch(1);
            Future<String> blocked = pool.submit(() -> {
                release.await(10, TimeUnit.SECONDS);
                return "late";
            });
            Future<String> queued = pool.submit(() -> "never");
            queued.cancel(false);
            assertThatThrownBy(() -> FetchPool.await(queued)).isInstanceOfSatisfying(CallxException.class,
                    e -> assertThat(e.exitCode()).isEqualTo(ExitCode.INTERRUPTED));
            Thread.currentThread().interrupt();
            try {
                assertThatThrownBy(() -> FetchPool.await(blocked)).isInstanceOfSatisfying(CallxException.class,
                        e -> assertThat(e.exitCode()).isEqualTo(ExitCode.INTERRUPTED));
                assertThat(Thread.currentThread().isInterrupted()).as("the interrupt is kept").isTrue();
                assertThat(blocked.isCancelled()).isTrue();
            } finally {
                Thread.interrupted();
                release.countDown();
            }
        }
    }

    @Test
    void supplyCompletesWithTheResultOrTheExceptionAndNothingAfterClose() throws Exception {
        FetchPool pool = new FetchPool(1);
        assertThat(pool.supply(() -> 42).get(10, TimeUnit.SECONDS)).isEqualTo(42);
        CallxException failed = CallxException.usage("bad");
        CompletableFuture<Object> f = pool.supply(() -> {
            throw failed;
        });
        assertThatThrownBy(() -> f.get(10, TimeUnit.SECONDS)).isInstanceOf(ExecutionException.class).cause().isSameAs(failed);
        // cancelled while queued: the task never runs
        CountDownLatch release = new CountDownLatch(1);
        CompletableFuture<Boolean> blocker = pool.supply(() -> release.await(10, TimeUnit.SECONDS));
        boolean[] ran = {false};
        CompletableFuture<Boolean> queued = pool.supply(() -> ran[0] = true);
        queued.cancel(false);
        release.countDown();
        assertThat(blocker.get(10, TimeUnit.SECONDS)).isTrue();
        assertThat(pool.supply(() -> "after").get(10, TimeUnit.SECONDS)).isEqualTo("after");
        assertThat(ran[0]).as("a task cancelled while queued does not run").isFalse();
        pool.close();
        CompletableFuture<String> late = pool.supply(() -> "too late");
        assertThat(late).isCompletedExceptionally();
        assertThatThrownBy(() -> FetchPool.await(late)).isInstanceOfSatisfying(CallxException.class,
                e -> assertThat(e.exitCode()).isEqualTo(ExitCode.INTERRUPTED));
    }
}
