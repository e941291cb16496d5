package dev.callx.export;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.callx.error.CallxException;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import org.junit.jupiter.api.Test;

/** Results handed out in the order submitted, whatever order they complete in; bounded. */
class OrderedWindowTest {
    @Test
    void resultsComeOutInSubmissionOrderWhateverOrderTheyCompleteIn() {
        List<String> out = new ArrayList<>();
        OrderedWindow<String> w = new OrderedWindow<>(10, out::add);
        List<CompletableFuture<String>> fs = new ArrayList<>();
        for (int i = 0; i < 5; i++) {
            CompletableFuture<String> f = new CompletableFuture<>();
            fs.add(f);
            w.put(f);
        }
        fs.get(4).complete("e");
        fs.get(2).complete("c");
        w.put(CompletableFuture.completedFuture("f"));
        assertThat(out).as("the head is not done: nothing handed out yet").isEmpty();
        fs.get(0).complete("a");
        w.put(CompletableFuture.completedFuture("g"));
        assertThat(out).containsExactly("a");
        fs.get(1).complete("b");
        fs.get(3).complete("d");
        w.drainAll();
        assertThat(out).containsExactly("a", "b", "c", "d", "e", "f", "g");
        assertThat(w.pending()).isZero();
    }

    @Test
    void aFullWindowWaitsForItsOldest() throws Exception {
        List<String> out = new ArrayList<>();
        OrderedWindow<String> w = new OrderedWindow<>(2, out::add);
        CompletableFuture<String> slow = new CompletableFuture<>();
        w.put(slow);
        Thread completer = new Thread(() -> slow.complete("first"));
        completer.start();
        CompletableFuture<String> second = new CompletableFuture<>(); // not done: it stays in the window
        w.put(second);
        completer.join(10_000);
        assertThat(out).as("a full window hands out its oldest before taking more").containsExactly("first");
        assertThat(w.pending()).isEqualTo(1);
        second.complete("second");
        w.drainAll();
        assertThat(out).containsExactly("first", "second");
    }

    @Test
    void aFailureIsRethrownInOrderAsItWasThrown() {
        List<String> out = new ArrayList<>();
        OrderedWindow<String> w = new OrderedWindow<>(10, out::add);
        CompletableFuture<String> failing = new CompletableFuture<>();
        w.put(CompletableFuture.completedFuture("a"));
        w.put(failing);
        w.put(CompletableFuture.completedFuture("c"));
        assertThat(out).containsExactly("a");
        failing.completeExceptionally(new CallxException(6, "transcript failed"));
        assertThatThrownBy(w::drainAll).isInstanceOf(CallxException.class).hasMessage("transcript failed");
        assertThat(out).as("nothing after the failure is written").containsExactly("a");
    }

    @Test
    void cancelDropsWhatIsPending() {
        OrderedWindow<String> w = new OrderedWindow<>(10, s -> { });
        CompletableFuture<String> f = new CompletableFuture<>();
        w.put(f);
        w.cancel();
        assertThat(f).isCancelled();
        assertThat(w.pending()).isZero();
    }

    @Test
    void aWindowOfOneHandsOutEachResultBeforeTakingTheNext() {
        List<String> out = new ArrayList<>();
        OrderedWindow<String> w = new OrderedWindow<>(1, out::add);
        w.put(CompletableFuture.completedFuture("a"));
        assertThat(out).containsExactly("a");
        assertThat(w.pending()).isZero();
        w.put(CompletableFuture.completedFuture("b"));
        assertThat(out).containsExactly("a", "b");
    }

    @Test
    void capacityIsAtLeastOne() {
        assertThatThrownBy(() -> new OrderedWindow<String>(0, s -> { })).isInstanceOf(IllegalArgumentException.class);
    }
}
