package dev.callx.export;

import dev.callx.log.Log;
import dev.callx.record.CallRecord;
import dev.callx.record.Field;
import dev.callx.state.ExportKey;
import dev.callx.state.ExportState;
import dev.callx.state.Incremental;
import dev.callx.state.StateFile;
import java.io.IOException;
import java.time.Instant;

/**
 * --state in an export: the filter that leaves out what earlier runs exported, the bookmark kept as
 * records are written, and the commit once the output is committed (Singer's rule: the state is
 * written after everything that can fail). Holds the state file's lock from {@link #open} to
 * {@link #close}.
 */
final class StateStage implements RecordFilter, AutoCloseable {
    private final StateFile file;
    private final Incremental run;
    private final TimeWindow window;
    private final WindowFilter inWindow;
    private long remembered;
    private long withoutId;

    private StateStage(StateFile file, Incremental run, TimeWindow asked) {
        this.file = file;
        this.run = run;
        this.window = new TimeWindow(run.windowStart(), asked.until());
        this.inWindow = new WindowFilter(window);
    }

    /** Locks and reads the state file and finds this export in it; exit 2 when it cannot be used. */
    static StateStage open(StateOptions options, ExportKey key, TimeWindow asked, Log log) {
        StateFile file = StateFile.open(options.file(), log::info);
        try {
            ExportState stored = file.select(key, options.fullRefresh());
            Incremental run = Incremental.start(stored, options.lookback(), options.fullRefresh(), asked.since());
            if (run.continues() && asked.since() != null) {
                log.debug("--since is not used: the state continues from " + run.windowStart());
            }
            if (run.lookbackCut()) {
                log.debug("--lookback reaches back before the calls the state remembers: this run looks back "
                        + "to " + run.windowStart());
            }
            return new StateStage(file, run, asked);
        } catch (RuntimeException e) {
            file.close();
            throw e;
        }
    }

    /** The window this run covers: from where the state says, up to --until. */
    TimeWindow window() {
        return window;
    }

    @Override
    public boolean accept(CallRecord record) {
        if (!inWindow.accept(record)) {
            return false;
        }
        String id = record.id();
        if (run.exported(id)) {
            remembered++;
            return false;
        }
        if (id == null) {
            withoutId++;
        }
        return true;
    }

    /** Told about each record written. */
    void written(CallRecord record) {
        run.written(record.id(), record.get(Field.STARTED_AT) instanceof Instant t ? t : null);
    }

    /** Writes where the export now stands; call only once the output is committed. */
    void commit(Instant now) throws IOException {
        file.commit(run.next(now));
    }

    Instant highWaterMark() {
        return run.highWaterMark();
    }

    Instant previousHighWaterMark() {
        return run.previousHighWaterMark();
    }

    boolean continues() {
        return run.continues();
    }

    @Override
    public void finish(Log log) {
        long undated = inWindow.undated();
        long outside = inWindow.outside();
        if (undated > 0) {
            log.warn(undated + " record" + (undated == 1 ? "" : "s") + " without a readable started_at left out: "
                    + "--state cannot tell whether " + (undated == 1 ? "it was" : "they were") + " exported before");
        }
        if (withoutId > 0) {
            log.warn(withoutId + " record" + (withoutId == 1 ? "" : "s") + " without an id written: a later run "
                    + "with this state may write " + (withoutId == 1 ? "it" : "them") + " again");
        }
        if (remembered > 0) {
            log.debug(remembered + " call" + (remembered == 1 ? "" : "s") + " exported by an earlier run left out");
        }
        if (outside > 0) {
            log.debug(outside + " records outside the window left out");
        }
    }

    @Override
    public void close() {
        file.close();
    }
}
