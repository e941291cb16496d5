package dev.callx.export;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** What the shutdown hook runs at Ctrl-C: every registered action once, newest first, whatever fails. */
class CleanupTest {
    @Test
    void ctrlCRunsEveryRegisteredActionNewestFirst() {
        List<String> ran = new ArrayList<>();
        Cleanup cleanup = new Cleanup();
        cleanup.register(() -> ran.add("file"));
        cleanup.register(() -> ran.add("recordings"));
        cleanup.register(() -> ran.add("state"));

        cleanup.runAll();

        assertThat(ran).containsExactly("state", "recordings", "file");
    }

    @Test
    void aFailingActionDoesNotStopTheOthers() {
        List<String> ran = new ArrayList<>();
        Cleanup cleanup = new Cleanup();
        cleanup.register(() -> ran.add("first"));
        cleanup.register(() -> {
            throw new IllegalStateException("test: this one fails");
        });
        cleanup.register(() -> ran.add("last"));

        cleanup.runAll();

        assertThat(ran).containsExactly("last", "first");
    }

    @Test
    void eachActionRunsOnceEvenIfTheHookRunsAgain() {
        List<String> ran = new ArrayList<>();
        Cleanup cleanup = new Cleanup();
        cleanup.register(() -> ran.add("abort"));

        cleanup.runAll();
        cleanup.runAll();

        assertThat(ran).containsExactly("abort");
    }

    @Test
    void anActionUnregisteredOnceTheExportIsDoneDoesNotRun() {
        List<String> ran = new ArrayList<>();
        Cleanup cleanup = new Cleanup();
        Runnable done = () -> ran.add("done");
        cleanup.register(done);
        cleanup.register(() -> ran.add("still going"));
        cleanup.unregister(done);

        cleanup.runAll();

        assertThat(ran).containsExactly("still going");
    }
}
