package dev.callx.export;

import dev.callx.log.Log;
import dev.callx.record.CallRecord;

/**
 * A synchronous stage that lets a record through or leaves it out (the time window, the state of
 * earlier runs). Runs on the main thread, before --limit counts the record, so nothing is fetched for
 * a record left out. Not thread safe.
 */
public interface RecordFilter {
    /** Whether the record goes on. */
    boolean accept(CallRecord record);

    /** Called once at the end: say on stderr what was left out, where a person needs to know. */
    default void finish(Log log) {
    }
}
