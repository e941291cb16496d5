package dev.callx.export;

import dev.callx.log.Log;
import dev.callx.record.CallRecord;
import dev.callx.record.Field;
import java.time.Instant;

/** --since/--until on the client (SPEC 5), where the platform cannot filter by time. */
final class WindowFilter implements RecordFilter {
    private final TimeWindow window;
    private long outside;
    private long undated;

    WindowFilter(TimeWindow window) {
        this.window = window;
    }

    @Override
    public boolean accept(CallRecord record) {
        if (!(record.get(Field.STARTED_AT) instanceof Instant started)) {
            undated++;
            return false;
        }
        if (!window.contains(started)) {
            outside++;
            return false;
        }
        return true;
    }

    /** Records left out for having no readable start time. */
    long undated() {
        return undated;
    }

    /** Records left out for starting outside the window. */
    long outside() {
        return outside;
    }

    @Override
    public void finish(Log log) {
        if (undated > 0) {
            log.warn(undated + " record" + (undated == 1 ? "" : "s") + " without a readable started_at left out by "
                    + "--since/--until");
        }
        if (outside > 0) {
            log.debug(outside + " records outside --since/--until left out");
        }
    }
}
