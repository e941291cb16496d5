package dev.callx.http;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.callx.http.Throttle.Outcome;
import dev.callx.http.Throttle.Permit;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import org.junit.jupiter.api.Test;

/** The limit on requests in flight: AIMD under 429/503, and a Retry-After that holds every request. */
class ThrottleTest {
    /** Waits (bounded) until the thread is parked or done, so its state can be asserted without sleeping. */
    static Thread.State settled(Thread t) throws InterruptedException {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
        while (System.nanoTime() < deadline) {
            Thread.State s = t.getState();
            if (s == Thread.State.WAITING || s == Thread.State.TIMED_WAITING || s == Thread.State.TERMINATED) {
                return s;
            }
            Thread.onSpinWait();
        }
        throw new AssertionError(t.getName() + " neither parked nor ended within 10 s");
    }

    @Test
    void noMoreThanTheLimitInFlight() throws Exception {
        Throttle t = new Throttle(2);
        Permit a = t.acquire();
        Permit b = t.acquire();
        AtomicBoolean third = new AtomicBoolean();
        Thread waiter = new Thread(() -> {
            try {
                t.release(t.acquire(), Outcome.SUCCESS);
                third.set(true);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }, "third");
        waiter.start();
        assertThat(settled(waiter)).isEqualTo(Thread.State.WAITING);
        assertThat(third).isFalse();
        t.release(a, Outcome.SUCCESS);
        waiter.join(10_000);
        assertThat(third).isTrue();
        t.release(b, Outcome.SUCCESS);
    }

    @Test
    void aThrottledAnswerHalvesTheLimitOncePerOverload() throws Exception {
        Throttle t = new Throttle(8);
        List<Permit> burst = new ArrayList<>();
        for (int i = 0; i < 8; i++) {
            burst.add(t.acquire());
        }
        // eight requests of one burst all answered 429: one overload, one halving
        for (Permit p : burst) {
            t.release(p, Outcome.THROTTLED);
        }
        assertThat(t.limit()).isEqualTo(4);
        assertThat(t.shrinks()).isEqualTo(1);
        // a 429 to a request sent after the halving is a new overload
        t.release(t.acquire(), Outcome.THROTTLED);
        assertThat(t.limit()).isEqualTo(2);
        t.release(t.acquire(), Outcome.THROTTLED);
        t.release(t.acquire(), Outcome.THROTTLED);
        assertThat(t.limit()).as("never below one").isEqualTo(1);
    }

    @Test
    void theLimitGrowsBackByOneAfterAsManySuccessesAsItIs() throws Exception {
        Throttle t = new Throttle(16);
        t.release(t.acquire(), Outcome.THROTTLED);
        t.release(t.acquire(), Outcome.THROTTLED);
        assertThat(t.limit()).isEqualTo(4);
        successes(t, 3);
        assertThat(t.limit()).as("three successes are not enough at 4").isEqualTo(4);
        successes(t, 1);
        assertThat(t.limit()).isEqualTo(5);
        successes(t, 5);
        assertThat(t.limit()).isEqualTo(6);
    }

    @Test
    void growingToTheLimitLastThrottledIsEightTimesSlower() throws Exception {
        Throttle t = new Throttle(8);
        t.release(t.acquire(), Outcome.THROTTLED); // 8 said no: 4
        t.release(t.acquire(), Outcome.THROTTLED); // 4 said no: 2
        assertThat(t.limit()).isEqualTo(2);
        successes(t, 2);
        assertThat(t.limit()).as("3 is below the last no (4): the normal pace").isEqualTo(3);
        successes(t, 23);
        assertThat(t.limit()).as("4 is where the server said no: 8 x 3 successes first").isEqualTo(3);
        successes(t, 1);
        assertThat(t.limit()).isEqualTo(4);
        successes(t, 8 * 4);
        assertThat(t.limit()).isEqualTo(5);
        successes(t, 1000);
        assertThat(t.limit()).as("never above the maximum").isEqualTo(8);
    }

    private static void successes(Throttle t, int n) throws InterruptedException {
        for (int i = 0; i < n; i++) {
            t.release(t.acquire(), Outcome.SUCCESS);
        }
    }

    @Test
    void otherFailuresLeaveTheLimitAndBreakNoStreak() throws Exception {
        Throttle t = new Throttle(16);
        t.release(t.acquire(), Outcome.THROTTLED);
        t.release(t.acquire(), Outcome.THROTTLED);
        assertThat(t.limit()).isEqualTo(4);
        successes(t, 3);
        t.release(t.acquire(), Outcome.OTHER);
        assertThat(t.limit()).isEqualTo(4);
        successes(t, 1);
        assertThat(t.limit()).isEqualTo(5);
    }

    @Test
    void releasingTwiceCountsOnce() throws Exception {
        Throttle t = new Throttle(1);
        Permit p = t.acquire();
        t.release(p, Outcome.SUCCESS);
        t.release(p, Outcome.THROTTLED);
        assertThat(t.limit()).isEqualTo(1);
        assertThat(t.shrinks()).isZero();
        t.release(t.acquire(), Outcome.SUCCESS); // a permit is free again, exactly one
    }

    @Test
    void aRetryAfterHoldsEveryNewRequestUntilTheWaitIsOver() throws Exception {
        Throttle t = new Throttle(8);
        CountDownLatch waiting = new CountDownLatch(1);
        CountDownLatch endWait = new CountDownLatch(1);
        List<Duration> waits = new ArrayList<>();
        Sleeper sleeper = d -> {
            waits.add(d);
            waiting.countDown();
            assertThat(endWait.await(10, TimeUnit.SECONDS)).isTrue();
        };
        Thread told = new Thread(() -> {
            try {
                t.pause(Duration.ofSeconds(3), sleeper);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }, "told-to-wait");
        told.start();
        assertThat(waiting.await(10, TimeUnit.SECONDS)).isTrue();

        AtomicBoolean sent = new AtomicBoolean();
        Thread other = new Thread(() -> {
            try {
                t.release(t.acquire(), Outcome.SUCCESS);
                sent.set(true);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }, "other-request");
        other.start();
        assertThat(settled(other)).as("another request waits while the Retry-After runs").isEqualTo(Thread.State.WAITING);
        assertThat(sent).isFalse();

        endWait.countDown();
        told.join(10_000);
        other.join(10_000);
        assertThat(sent).isTrue();
        assertThat(waits).containsExactly(Duration.ofSeconds(3));
    }

    @Test
    void aWaitForAPermitCanBeInterrupted() throws Exception {
        Throttle t = new Throttle(1);
        t.acquire();
        AtomicBoolean interrupted = new AtomicBoolean();
        Thread waiter = new Thread(() -> {
            try {
                t.acquire();
            } catch (InterruptedException e) {
                interrupted.set(true);
            }
        });
        waiter.start();
        assertThat(settled(waiter)).isEqualTo(Thread.State.WAITING);
        waiter.interrupt();
        waiter.join(10_000);
        assertThat(interrupted).isTrue();
    }

    @Test
    void theMaximumIsAtLeastOne() {
        assertThatThrownBy(() -> new Throttle(0)).isInstanceOf(IllegalArgumentException.class);
    }

    /** Each call lets go of the lock it takes: a thread that called them all leaves another free to go on. */
    @Test
    void everyCallLetsGoOfItsLock() throws Exception {
        Throttle t = new Throttle(2);
        t.release(t.acquire(), Outcome.SUCCESS);
        t.release(t.acquire(), Outcome.THROTTLED);
        assertThat(t.limit()).isEqualTo(1);
        assertThat(t.shrinks()).isEqualTo(1);
        t.pause(Duration.ofSeconds(5), wait -> { });
        ExecutorService other = Executors.newSingleThreadExecutor();
        try {
            Future<Integer> f = other.submit(() -> {
                Permit p = t.acquire();
                t.release(p, Outcome.OTHER);
                return t.limit() * 10 + t.shrinks();
            });
            assertThat(f.get(10, TimeUnit.SECONDS)).isEqualTo(11);
        } finally {
            other.shutdownNow();
        }
    }
}
