package dev.callx.export;

import dev.callx.error.CallxException;
import dev.callx.error.ExitCode;
import dev.callx.http.ApiClient;
import dev.callx.http.FetchPool;
import dev.callx.http.Sleeper;
import dev.callx.http.Target;
import dev.callx.log.Log;
import dev.callx.output.AtomicFile;
import dev.callx.output.FileTarget;
import dev.callx.output.Format;
import dev.callx.output.RecordWriter;
import dev.callx.paging.Page;
import dev.callx.paging.PageSource;
import dev.callx.paging.RecordIterator;
import dev.callx.paging.PagingPlan;
import dev.callx.provider.Endpoint;
import dev.callx.provider.Paging;
import dev.callx.record.Field;
import dev.callx.record.Warnings;
import dev.callx.state.ExportKey;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.io.PrintWriter;
import java.io.Writer;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Locale;
import java.util.Map;
import java.util.Random;
import java.util.function.Supplier;
import okhttp3.HttpUrl;

/**
 * Runs one export: credentials, then pages, records, filters, limit and writer, then the file's
 * commit and the state's. The one place that knows both platforms and output. What the run did is in
 * its {@link RunStats}; the summary is printed by the command.
 */
public final class Exporter {
    private final Map<String, String> env;
    private final PrintWriter stdout;
    private final Supplier<IOException> stdoutFailure;
    private final Log log;
    private final Sleeper sleeper;
    private final Clock clock;
    private final Random random;
    private final Cleanup cleanup;

    /**
     * @param stdoutFailure why a write to stdout failed, when {@code stdout.checkError()} says one did
     */
    public Exporter(Map<String, String> env, PrintWriter stdout, Supplier<IOException> stdoutFailure, Log log,
                    Sleeper sleeper, Clock clock, Random random, Cleanup cleanup) {
        this.env = env;
        this.stdout = stdout;
        this.stdoutFailure = stdoutFailure;
        this.log = log;
        this.sleeper = sleeper;
        this.clock = clock;
        this.random = random;
        this.cleanup = cleanup;
    }

    /**
     * Runs the export. With --state, the state is read (and locked) before any request, and written
     * only after the output was committed: the --file renamed into place, or stdout flushed without
     * error. A run that fails anywhere before leaves the state file as it was.
     *
     * @param stats filled with what the run did: requests and retries as they happen, the rest at the end
     *              (also when the run fails)
     * @return the number of records written
     */
    public long run(ExportRequest request, RunStats stats) {
        long startNanos = System.nanoTime();
        Endpoint endpoint = request.endpoint();
        stats.output(endpoint.platform().key(), request.file(), request.window().bounded());
        // Usage errors first: they need no credential.
        PagingPlan plan = plan(request);
        checkParams(request);
        FileTarget.check(request.file());
        ContentStages.check(request);
        HttpUrl base = baseUrl(request);
        StateStage state = request.state() == null ? null
                : StateStage.open(request.state(), stateKey(request, base), request.window(), log);
        AtomicFile file = null;
        FetchPool pool = null;
        Runnable onInterrupt = null;
        RecordIterator records = null;
        PageSource pages = null;
        ContentStages content = null;
        Runnable abortRecordings = null;
        try {
            TimeWindow window = request.window();
            if (state != null) {
                window = state.window();
                endpoint = request.endpointFor().apply(window);
            }
            Endpoint ep = endpoint;
            stats.output(ep.platform().key(), request.file(), window.bounded());
            Map<String, String> auth = ep.authHeaders(env);
            Target target = new Target(ep.platform().displayName(), base, auth, ep.credentialEnv(env),
                    ep.platform().errorMessage());
            pool = new FetchPool(request.concurrency());
            ApiClient client = new ApiClient(target, request.http(), log, sleeper, random, clock,
                    pool.throttle()).onAttempt(retry -> counted(stats, retry));
            Writer out = stdout;
            if (request.file() != null) {
                file = AtomicFile.create(request.file());
                out = file.writer();
            }
            AtomicFile partial = file;
            onInterrupt = () -> {
                // Ctrl-C: the shutdown hook runs this while the export is still going
                log.endProgress();
                if (partial == null) {
                    log.error("interrupted; what was written so far is on stdout"
                            + (state == null ? "" : "; the state was left as it was"));
                } else if (!partial.committed()) {
                    partial.abort();
                    log.error("interrupted; " + request.file() + " was left as it was"
                            + (state == null ? "" : ", and so was the state"));
                }
            };
            cleanup.register(onInterrupt);
            RecordWriter writer = RecordWriter.open(request.output(), out);
            Warnings warnings = new Warnings(log::warn);
            Pipeline pipeline = new Pipeline(raw -> ep.map(raw, warnings, request.assumeZone()))
                    .limit(request.limit())
                    .onWritten(r -> stats.wrote());
            if (state != null) {
                pipeline.filter(state).onWritten(state::written);
            } else if (!ep.filtersTimeOnServer() && window.bounded()) {
                pipeline.filter(new WindowFilter(window));
            }
            FetchPool shared = pool;
            content = ContentStages.wire(pipeline, request, client, base, pool, stats, log,
                    other -> new ApiClient(other, request.http(), log, sleeper, random, clock,
                            shared.throttle()).onAttempt(retry -> counted(stats, retry)));
            abortRecordings = content::close;
            cleanup.register(abortRecordings); // Ctrl-C: no recording left half-written either
            long[] passed = {0};
            pages = new PageSource((page, size) -> fetch(client, ep, request, base, page, size), plan, pool,
                    ContentStages.pageWindow(request.concurrency(), content.enriching()),
                    () -> pipeline.wanted(passed[0]), log::warn, target.platform());
            Instant cutoff = ep.filtersTimeOnServer() ? null : window.since();
            if (cutoff != null) {
                Warnings silent = new Warnings(w -> { });
                pages.stopWhen(page -> page.newestFirst() && reachesBefore(page, cutoff, ep, silent, request));
            }
            // Before each wait for a page, what was written goes out: should that page fail, stdout ends
            // with whole records, and a reader that went away (| head) stops the export.
            // The progress totals respect --limit unless records are filtered on the client (the window, the
            // state), where the limit counts records written, not received.
            long shownLimit = state != null || (!ep.filtersTimeOnServer() && window.bounded()) ? 0 : request.limit();
            records = new RecordIterator(pages, ep::idOf, target.platform(),
                    (fetched, fresh, received) -> onPage(plan, shownLimit, fetched, fresh, received, cutoff))
                    .beforeWait(() -> flush(writer, request));
            long written = pipeline.run(records, writer, log, passed);
            stats.table(request.output().format() == Format.TABLE, writer.hiddenForWidth().stream()
                    .map(Field::wireName).toList(), request.output().width());
            if (file != null) {
                file.commit();
            } else if (stdout.checkError()) {
                throw stdoutFailed();
            }
            if (state != null) {
                commitState(state, request);
                stats.state(request.state().file(), state.continues(), state.previousHighWaterMark(),
                        state.highWaterMark());
            }
            stats.committed();
            if (pages.stoppedAt() != null) {
                log.debug("paging stopped after page " + pages.stoppedAt() + ": it reaches back before " + cutoff
                        + ", and the list is newest first");
            }
            if (records.duplicates() > 0) {
                log.debug("dropped " + records.duplicates() + " duplicate record"
                        + (records.duplicates() == 1 ? "" : "s") + " (same id on more than one page)");
            }
            return written;
        } catch (IOException | UncheckedIOException e) {
            if (file != null && file.aborted()) {
                throw new CallxException(ExitCode.INTERRUPTED, "interrupted; " + request.file()
                        + " was left as it was");
            }
            throw new CallxException(ExitCode.INTERNAL, "could not write "
                    + (request.file() == null ? "to stdout" : request.file()) + ": " + e.getMessage(), e);
        } finally {
            if (content != null) {
                content.close();
                cleanup.unregister(abortRecordings);
            }
            if (pool != null) {
                pool.close();
            }
            log.endProgress();
            if (onInterrupt != null) {
                cleanup.unregister(onInterrupt);
            }
            if (file != null) {
                file.abort();
            }
            if (state != null) {
                state.close();
            }
            stats.finish(records == null ? 0 : records.received(), records == null ? 0 : records.duplicates(),
                    pages == null ? null : pages.stoppedAt(),
                    Duration.ofNanos(System.nanoTime() - startNanos));
        }
    }

    /** The output is committed: now the state. Should that fail, the output stays, and the next run repeats it. */
    private void commitState(StateStage state, ExportRequest request) {
        try {
            state.commit(clock.instant());
        } catch (IOException | RuntimeException e) {
            String where = request.file() == null ? "the records written to stdout" : request.file() + " was written";
            throw new CallxException(ExitCode.INTERNAL, "could not write state file " + request.state().file()
                    + ": " + e.getMessage() + "; " + where + ", and the state was left as it was: the next run "
                    + "exports these calls again", e);
        }
    }

    /**
     * Whether a call on the page started before {@code cutoff}: in a list newest first, no later page
     * holds a call that started after it.
     */
    private static boolean reachesBefore(Page page, Instant cutoff, Endpoint endpoint, Warnings silent,
                                         ExportRequest request) {
        for (int i = page.items().size() - 1; i >= 0; i--) {
            Object started = endpoint.map(page.items().get(i), silent, request.assumeZone()).get(Field.STARTED_AT);
            if (started instanceof Instant t && t.isBefore(cutoff)) {
                return true;
            }
        }
        return false;
    }

    /** The export's key in the state file: never a credential (no userinfo in the URL). */
    private static ExportKey stateKey(ExportRequest request, HttpUrl base) {
        String url = request.state().baseUrl();
        if (url == null) {
            url = base.newBuilder().username("").password("").build().toString();
        }
        return new ExportKey(request.command(), request.endpoint().platform().key(), url,
                request.state().filters());
    }

    private static void counted(RunStats stats, boolean retry) {
        stats.request();
        if (retry) {
            stats.retry();
        }
    }

    private void flush(RecordWriter writer, ExportRequest request) {
        try {
            writer.flush();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        if (request.file() == null && stdout.checkError()) {
            throw stdoutFailed();
        }
    }

    private Page fetch(ApiClient client, Endpoint endpoint, ExportRequest request, HttpUrl base, long page,
                       int size) {
        HttpUrl.Builder url = endpoint.url(base, page, size).newBuilder();
        // A raw parameter replaces what an option set under the same name; repeated keys all go.
        request.params().forEach(e -> url.removeAllQueryParameters(e.getKey()));
        request.params().forEach(e -> url.addQueryParameter(e.getKey(), e.getValue()));
        String what = endpoint.what(page);
        ApiClient.Reply reply = client.getJson(url.build(), what);
        return endpoint.parse(reply.body(), what + " (HTTP " + reply.status() + ")");
    }

    /**
     * A page arrived: the progress line and, with -v, a line about the page. The progress counts
     * pages from 1 whatever the platform's numbering, and its totals respect --limit (unless records
     * are filtered on the client, where the limit counts records written, not received).
     *
     * @param limit  the --limit the totals respect, or 0
     * @param cutoff the start of the window paging may stop at, or null
     */
    private void onPage(PagingPlan plan, long limit, PageSource.Fetched fetched, int fresh, long received,
                        Instant cutoff) {
        long page = fetched.number();
        Page content = fetched.page();
        if (cutoff != null && log.verbose() && !fetched.refetch() && !content.newestFirst()
                && !content.items().isEmpty()) {
            log.debug("page " + page + " does not state that the list is newest first: paging cannot stop at the "
                    + "first page older than " + cutoff);
        }
        Long total = content.total();
        Long pages = content.totalPages();
        long shown = received;
        if (limit > 0) {
            total = total == null ? limit : Math.min(total, limit);
            long needed = (limit + plan.pageSize() - 1) / plan.pageSize();
            if (!plan.singlePage()) { // (a conditional mixing Long and long would unbox a null total)
                pages = pages == null ? Long.valueOf(needed) : Long.valueOf(Math.min(pages, needed));
            }
            shown = Math.min(received, limit);
        }
        log.progress(shown, total, page - plan.firstPage() + 1, pages);
        if (log.verbose()) {
            String of = content.totalPages() != null ? " of " + content.totalPages() : "";
            String all = content.total() != null ? ", total " + content.total() : "";
            log.debug("page " + page + of + ": " + content.items().size() + " records, " + fresh + " new" + all);
        }
    }

    private HttpUrl baseUrl(ExportRequest request) {
        String given = request.baseUrl();
        String source = "--base-url";
        if (given == null) {
            source = request.endpoint().platform().baseUrlEnv();
            given = env.get(source);
            if (given == null || given.isBlank()) {
                given = request.endpoint().platform().defaultBaseUrl();
                source = "the default base URL";
            }
        }
        HttpUrl url = HttpUrl.parse(given.trim());
        if (url == null) {
            throw CallxException.usage(source + " is not an http(s) URL: '" + log.secrets().maskUrl(given) + "'");
        }
        if (url.query() != null || url.fragment() != null) {
            throw CallxException.usage(source + " must not carry a query or fragment: '"
                    + log.secrets().maskUrl(given) + "'");
        }
        return url;
    }

    private PagingPlan plan(ExportRequest request) {
        Paging paging = request.endpoint().paging();
        String command = request.command();
        if (!paging.paged()) {
            if (request.page() != null || request.pageSize() != null) {
                throw CallxException.usage(command + " answers in one response: --page and --page-size do not apply");
            }
            return PagingPlan.only(1, 1, 1);
        }
        int size = paging.defaultSize();
        if (request.pageSize() != null) {
            size = request.pageSize();
            if (size < 1) {
                throw CallxException.usage("--page-size must be at least 1");
            }
            if (paging.maxSize() > 0 && size > paging.maxSize()) {
                throw CallxException.usage("--page-size " + size + " is above " + request.endpoint().platform()
                        .displayName() + "'s maximum of " + paging.maxSize() + " for " + command);
            }
        }
        if (request.page() != null) {
            if (request.page() < paging.firstPage()) {
                throw CallxException.usage("--page must be at least " + paging.firstPage() + " for " + command
                        + " (" + request.endpoint().platform().displayName() + " numbers pages from "
                        + paging.firstPage() + ")");
            }
            return PagingPlan.only(paging.firstPage(), request.page(), size);
        }
        return PagingPlan.all(paging.firstPage(), size);
    }

    private void checkParams(ExportRequest request) {
        Paging paging = request.endpoint().paging();
        for (String key : request.params().stream().map(Map.Entry::getKey).toList()) {
            if (paging.paged() && (key.equals(paging.pageParam()) || key.equals(paging.sizeParam()))) {
                throw CallxException.usage("--param " + key + " would break paging; use --page or --page-size");
            }
        }
    }

    /**
     * A write to stdout failed: its reader went away (| head), which ends the export quietly, or
     * anything else (a full disk behind a redirect), which is a failure a cron job must see.
     */
    private CallxException stdoutFailed() {
        IOException cause = stdoutFailure.get();
        String message = cause == null ? null : cause.getMessage();
        if (cause == null || (message != null && message.toLowerCase(Locale.ROOT).contains("broken pipe"))) {
            return new OutputClosed();
        }
        return new CallxException(ExitCode.INTERNAL, "could not write to stdout: " + message
                + ". Check the disk or device stdout goes to; the output is incomplete", cause);
    }

    /** stdout was closed by its reader (| head): stop quietly. */
    public static final class OutputClosed extends CallxException {
        OutputClosed() {
            super(0, "output closed");
        }
    }
}
