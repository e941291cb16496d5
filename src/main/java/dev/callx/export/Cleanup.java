package dev.callx.export;

import java.util.ArrayList;
import java.util.List;

/**
 * What must happen if the process is stopped mid-export (Ctrl-C): the shutdown hook runs these,
 * newest first. An export registers its file's abort and unregisters it once done.
 */
public final class Cleanup {
    private final List<Runnable> actions = new ArrayList<>();

    public synchronized void register(Runnable action) {
        actions.add(action);
    }

    public synchronized void unregister(Runnable action) {
        actions.remove(action);
    }

    /** Runs every registered action once; a failing one does not stop the others. */
    public void runAll() {
        List<Runnable> copy;
        synchronized (this) {
            copy = new ArrayList<>(actions);
            actions.clear();
        }
        for (int i = copy.size() - 1; i >= 0; i--) {
            try {
                copy.get(i).run();
            } catch (RuntimeException e) {
                // keep going: the others matter as much
            }
        }
    }
}
