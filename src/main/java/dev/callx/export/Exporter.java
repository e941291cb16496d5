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
import dev.callx.record.Json;
import dev.callx.record.Warnings;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.io.PrintWriter;
import java.io.Writer;
import java.time.Clock;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Random;
import java.util.function.Supplier;
import okhttp3.HttpUrl;

/**
 * Runs one export: credentials, then pages, records, filter, limit and writer, then the file's
 * commit. The one place that knows both platforms and output.
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

    /** @return the number of records written */
    public long run(ExportRequest request) {
        return run(request, new RunStats());
    }

    /**
     * @param stats filled with what the run did: requests and retries as they happen, the rest at the end
     * @return the number of records written
     */
    public long run(ExportRequest request, RunStats stats) {
        long startNanos = System.nanoTime();
        Endpoint endpoint = request.endpoint();
        // Usage errors first: they need no credential.
        PagingPlan plan = plan(request);
        checkParams(request);
        FileTarget.check(request.file());
        ContentStages.check(request);
        HttpUrl base = baseUrl(request);
        Map<String, String> auth = endpoint.authHeaders(env);
        Target target = new Target(endpoint.platform().displayName(), base, auth, endpoint.credentialEnv(env),
                endpoint.platform().errorMessage());
        AtomicFile file = null;
        FetchPool pool = new FetchPool(request.concurrency());
        ApiClient client = new ApiClient(target, request.http(), log, sleeper, random, clock, Json.mapper(),
                pool.throttle()).onAttempt(retry -> counted(stats, retry));
        Runnable onInterrupt = null;
        ContentStages content = null;
        Runnable abortRecordings = null;
        try {
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
                    log.error("interrupted; what was written so far is on stdout");
                } else if (!partial.committed()) {
                    partial.abort();
                    log.error("interrupted; " + request.file() + " was left as it was");
                }
            };
            cleanup.register(onInterrupt);
            RecordWriter writer = RecordWriter.open(request.output(), out);
            Warnings warnings = new Warnings(log::warn);
            Pipeline pipeline = new Pipeline(raw -> endpoint.map(raw, warnings, request.assumeZone()))
                    .limit(request.limit());
            if (!endpoint.filtersTimeOnServer() && request.window().bounded()) {
                pipeline.filter(new WindowFilter(request.window()));
            }
            content = ContentStages.wire(pipeline, request, client, base, pool, stats, log,
                    other -> new ApiClient(other, request.http(), log, sleeper, random, clock, Json.mapper(),
                            pool.throttle()).onAttempt(retry -> counted(stats, retry)));
            abortRecordings = content::close;
            cleanup.register(abortRecordings); // Ctrl-C: no recording left half-written either
            long[] passed = {0};
            PageSource pages = new PageSource((page, size) -> fetch(client, request, base, page, size), plan, pool,
                    ContentStages.pageWindow(request.concurrency(), content.enriching()),
                    () -> pipeline.wanted(passed[0]), log::warn, target.platform());
            // Before each wait for a page, what was written goes out: should that page fail, stdout ends
            // with whole records, and a reader that went away (| head) stops the export.
            boolean filtered = !endpoint.filtersTimeOnServer() && request.window().bounded();
            RecordIterator records = new RecordIterator(pages, endpoint::idOf, target.platform(),
                    (fetched, fresh, received) -> onPage(plan, filtered ? 0 : request.limit(), fetched, fresh, received))
                    .beforeWait(() -> flush(writer, request));
            long written = pipeline.run(records, writer, log, passed);
            if (file != null) {
                file.commit();
            } else if (stdout.checkError()) {
                throw stdoutFailed();
            }
            stats.finish(written, records.received(), records.duplicates(), pages.requests(),
                    java.time.Duration.ofNanos(System.nanoTime() - startNanos));
            report(request, records, pages, written, writer.hiddenForWidth());
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
            pool.close();
            log.endProgress();
            if (onInterrupt != null) {
                cleanup.unregister(onInterrupt);
            }
            if (file != null) {
                file.abort();
            }
        }
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

    private Page fetch(ApiClient client, ExportRequest request, HttpUrl base, long page, int size) {
        Endpoint endpoint = request.endpoint();
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
     * @param limit the --limit the totals respect, or 0
     */
    private void onPage(PagingPlan plan, long limit, PageSource.Fetched fetched, int fresh, long received) {
        long page = fetched.number();
        Page content = fetched.page();
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

    private void report(ExportRequest request, RecordIterator pager, PageSource pages, long written,
                        List<Field> hidden) {
        if (pager.duplicates() > 0) {
            log.debug("dropped " + pager.duplicates() + " duplicate record" + (pager.duplicates() == 1 ? "" : "s")
                    + " (same id on more than one page)");
        }
        String where = request.file() == null ? "" : " to " + request.file();
        String line = "wrote " + written + " record" + (written == 1 ? "" : "s") + where + " (" + pager.received()
                + " received in " + pages.requests() + " request" + (pages.requests() == 1 ? "" : "s") + ")";
        String hiddenNote = hidden.isEmpty() ? "" : "; hidden to fit " + request.output().width() + " columns: "
                + String.join(", ", hidden.stream().map(Field::wireName).toList()) + " (choose columns with --fields)";
        if (request.file() != null) {
            log.info(line + hiddenNote);
        } else if (written == 0) {
            log.info(request.window().bounded() ? "no calls found between --since and --until" : "no calls found");
        } else if (request.output().format() == Format.TABLE) {
            // the table's closing line: how many, and what did not fit
            log.info(written + " call" + (written == 1 ? "" : "s") + hiddenNote);
            log.debug(line);
        } else {
            log.debug(line);
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
