package dev.callx.http;

import java.time.Duration;
import java.util.concurrent.locks.Condition;
import java.util.concurrent.locks.ReentrantLock;

/**
 * How many requests of one run may be in flight, and when none may start. Every HTTP attempt, of
 * pages, transcripts and recordings alike, holds one permit from {@link #acquire()} to
 * {@link #release(Outcome)}; waits between retries hold none.
 *
 * <p>The policy, in the manner of TCP's AIMD and of okhttp's {@code Dispatcher}:
 * <ul>
 *   <li>At most {@link #limit()} permits are out at once. It starts at the maximum
 *       ({@code --concurrency}).</li>
 *   <li>An attempt answered 429 or 503 ({@link Outcome#THROTTLED}) halves the limit, never below 1,
 *       at most once per round of requests in flight, so that a burst of 429s from one overload
 *       halves it once, not down to 1.</li>
 *   <li>After {@code limit} successes in a row the limit grows by one, up to the maximum: it grows
 *       back slowly. Up to the limit that was last throttled, it grows eight times slower still: that
 *       is where the server said no, so it is probed rarely, and a server that allows only a few
 *       requests at once sees few 429s however long the export.</li>
 *   <li>{@link #pause(Duration, Sleeper)}: a Retry-After holds every new attempt, not only the one that
 *       got it, until the thread that was told to wait has waited. It waits through the run's
 *       {@link Sleeper}, so no test sleeps.</li>
 * </ul>
 * Lock rule: one lock guards every field; a thread never sleeps or does I/O while holding it.
 */
public final class Throttle {
    /** How an attempt ended, as far as the limit is concerned. */
    public enum Outcome { SUCCESS, THROTTLED, OTHER }

    private final int max;
    private final ReentrantLock lock = new ReentrantLock();
    private final Condition changed = lock.newCondition();
    private int limit;
    private int inFlight;
    private int successes;
    private int pauses;
    /** Attempts started since the last decrease: a 429 of an attempt started before it is the same overload. */
    private long started;
    private long startedAtDecrease = -1;
    private int shrinks;
    /** The limit at which the server last said no; growing to it is a probe. */
    private int ceiling = Integer.MAX_VALUE;

    public Throttle(int max) {
        if (max < 1) {
            throw new IllegalArgumentException("max must be at least 1");
        }
        this.max = max;
        this.limit = max;
    }

    /** Waits for a permit: fewer than {@link #limit()} in flight and no pause under way. */
    public Permit acquire() throws InterruptedException {
        lock.lockInterruptibly();
        try {
            while (pauses > 0 || inFlight >= limit) {
                changed.await();
            }
            inFlight++;
            started++;
            return new Permit(started);
        } finally {
            lock.unlock();
        }
    }

    /** Returns a permit and adjusts the limit by how its attempt ended. */
    public void release(Permit permit, Outcome outcome) {
        lock.lock();
        try {
            if (permit.released) {
                return;
            }
            permit.released = true;
            inFlight--;
            switch (outcome) {
                case THROTTLED -> {
                    successes = 0;
                    // one decrease per overload: attempts that started before the last decrease saw the old limit
                    if (permit.sequence > startedAtDecrease) {
                        ceiling = limit;
                        limit = Math.max(1, limit / 2);
                        startedAtDecrease = started;
                        shrinks++;
                    }
                }
                case SUCCESS -> {
                    int needed = limit + 1 >= ceiling ? 8 * limit : limit;
                    if (limit < max && ++successes >= needed) {
                        limit++;
                        successes = 0;
                    }
                }
                default -> {
                    // a failure that says nothing about load: the limit stays
                }
            }
            changed.signalAll();
        } finally {
            lock.unlock();
        }
    }

    /**
     * Holds every new attempt while the calling thread waits {@code wait} (a Retry-After): the
     * server asked the client, not one request, to wait.
     */
    public void pause(Duration wait, Sleeper sleeper) throws InterruptedException {
        lock.lock();
        try {
            pauses++;
        } finally {
            lock.unlock();
        }
        try {
            sleeper.sleep(wait);
        } finally {
            lock.lock();
            try {
                pauses--;
                changed.signalAll();
            } finally {
                lock.unlock();
            }
        }
    }

    /** The current limit on attempts in flight. */
    public int limit() {
        lock.lock();
        try {
            return limit;
        } finally {
            lock.unlock();
        }
    }

    /** The configured maximum. */
    public int max() {
        return max;
    }

    /** How many times the limit was halved. */
    public int shrinks() {
        lock.lock();
        try {
            return shrinks;
        } finally {
            lock.unlock();
        }
    }

    /** One attempt's permit; releasing it twice is harmless. */
    public static final class Permit {
        private final long sequence;
        private boolean released;

        private Permit(long sequence) {
            this.sequence = sequence;
        }
    }
}
