package dev.callx.cli;

import dev.callx.error.CallxException;
import dev.callx.export.StateOptions;
import dev.callx.export.TimeWindow;
import dev.callx.http.FetchPool;
import dev.callx.http.HttpSettings;
import dev.callx.http.Sizes;
import dev.callx.output.FileTarget;
import dev.callx.output.Format;
import dev.callx.output.OutputOptions;
import dev.callx.record.Field;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.BooleanSupplier;
import java.util.function.IntSupplier;
import picocli.CommandLine.Option;

/** The options every export command shares (SPEC section 2). */
public final class ExportOptions {
    private static final Duration MAX_DURATION = Duration.ofHours(24);
    private static final Duration MAX_LOOKBACK = Duration.ofDays(90);

    @Option(names = {"-o", "--output"}, paramLabel = "FORMAT", completionCandidates = Completions.Formats.class,
            description = "table, csv, jsonl or json. Default: from --file's extension; else table on a terminal, "
                    + "jsonl in a pipe (and for --raw).")
    Format output;

    @Option(names = {"-f", "--file"}, paramLabel = "PATH",
            description = "Write to PATH instead of stdout, atomically: an existing file is replaced only when "
                    + "the export succeeds. Its extension names the format (csv, jsonl or ndjson, json); any "
                    + "other needs -o.")
    Path file;

    @Option(names = "--fields", paramLabel = "LIST", completionCandidates = Completions.FieldList.class,
            description = "Comma-separated fields, in that order (default: all; a shorter set for table).")
    String fields;

    @Option(names = "--raw", description = "Write each platform record exactly as received (json, jsonl).")
    boolean raw;

    @Option(names = {"-n", "--limit"}, paramLabel = "N", description = "Stop after N records.")
    Long limit;

    @Option(names = "--no-header", description = "csv and table: no header row.")
    boolean noHeader;

    @Option(names = "--tz", paramLabel = "ZONE", defaultValue = "UTC", completionCandidates = Completions.Zones.class,
            description = "Render timestamps in ZONE (default: ${DEFAULT-VALUE}), e.g. Europe/Paris, +05:30.")
    String tz;

    @Option(names = "--since", paramLabel = "TIME",
            description = "Calls started at or after TIME: a date (2026-11-01), a date-time, or a duration back "
                    + "from now (90m, 24h, 7d). A date or a date-time without a zone is read in --tz.")
    String since;

    @Option(names = "--until", paramLabel = "TIME",
            description = "Calls started before TIME (same forms as --since).")
    String until;

    @Option(names = "--param", paramLabel = "KEY=VALUE",
            description = "Add a raw query parameter (repeatable), for what the API supports and callx does not "
                    + "name yet.")
    List<String> params = new ArrayList<>();

    @Option(names = "--base-url", paramLabel = "URL", description = "The platform's base URL.")
    String baseUrl;

    @Option(names = "--timeout", paramLabel = "DURATION", defaultValue = "30s",
            description = "Per-request timeout (default: ${DEFAULT-VALUE}).")
    String timeout;

    @Option(names = "--retries", paramLabel = "N", defaultValue = "5",
            description = "Retries of a request that failed with 429, 500, 502, 503, 504 or a network error "
                    + "(default: ${DEFAULT-VALUE}).")
    int retries;

    @Option(names = "--max-wait", paramLabel = "DURATION", defaultValue = "60s",
            description = "The longest wait before a retry callx accepts, Retry-After included "
                    + "(default: ${DEFAULT-VALUE}).")
    String maxWait;

    @Option(names = "--concurrency", paramLabel = "N", defaultValue = "8",
            description = "Requests in flight at once, 1 to " + FetchPool.MAX_CONCURRENCY + " (default: ${DEFAULT-VALUE}; "
                    + "1 = one after the other). Records come out in the same order whatever N; fewer are sent "
                    + "while the platform answers 429 or 503.")
    int concurrency;

    @Option(names = "--max-response-size", paramLabel = "SIZE", defaultValue = "256MB",
            description = "The largest response callx reads, as decoded (default: ${DEFAULT-VALUE}); a larger one "
                    + "is an error, exit 7.")
    String maxResponseSize;

    @Option(names = "--ca-cert", paramLabel = "FILE",
            description = "Also trust the certificate authorities in this PEM bundle (a self-hosted platform with a "
                    + "private CA); SSL_CERT_FILE does the same. The JDK's authorities stay trusted.")
    Path caCert;

    @Option(names = "--allow-http", description = "Allow plain http:// to a host that is not loopback.")
    boolean allowHttp;

    @Option(names = "--csv-safe",
            description = "csv: prefix cells starting with = + - @ with ' (spreadsheet formula injection).")
    boolean csvSafe;

    @Option(names = "--state", paramLabel = "FILE",
            description = "Incremental export: only the calls that no earlier run with this state file exported "
                    + "(exactly once across successful runs). The file is written only after the output was; one "
                    + "file can hold the state of several exports.")
    Path state;

    @Option(names = "--lookback", paramLabel = "DURATION", defaultValue = "1h",
            description = "With --state: how far before the newest call exported each run looks again, for calls "
                    + "that appear late (default: ${DEFAULT-VALUE}); calls exported there are not written twice.")
    String lookback;

    @Option(names = "--full-refresh",
            description = "With --state: ignore where the state stands and export what --since selects (or "
                    + "everything); the state is updated all the same.")
    boolean fullRefresh;

    @Option(names = "--summary-json", paramLabel = "FILE",
            description = "Also write the end-of-run summary as JSON to FILE, for monitoring (written when the "
                    + "export fails too, with its exit code).")
    Path summaryJson;

    @Option(names = "--profile", paramLabel = "NAME",
            description = "Take option defaults, base URLs and credentials from profile NAME of the config file "
                    + "(default: CALLX_PROFILE). The command line and the environment win over it.")
    String profile;

    /**
     * The format: -o, else --file's extension, else jsonl for --raw, else table on a terminal and jsonl
     * elsewhere. Asks whether stdout is a terminal only when nothing else decides.
     */
    Format format(BooleanSupplier stdoutIsTerminal) {
        if (output != null) {
            return output;
        }
        if (file != null) {
            Format f = Format.fromFileName(file);
            if (f == null) {
                throw CallxException.usage("cannot tell the format from the name '" + file + "': name the file "
                        + ".csv, .jsonl (or .ndjson) or .json, or pass -o table, csv, jsonl or json");
            }
            return f;
        }
        if (raw) {
            return Format.JSONL; // records as received: on a terminal too
        }
        return stdoutIsTerminal.getAsBoolean() ? Format.TABLE : Format.JSONL;
    }

    /** The terminal is only asked about when the answer matters: it costs native calls at start. */
    OutputOptions outputOptions(BooleanSupplier stdoutIsTerminal, IntSupplier width) {
        Format format = format(stdoutIsTerminal);
        if (raw && (format == Format.CSV || format == Format.TABLE)) {
            throw CallxException.usage("--raw writes records as received: use -o json or -o jsonl, not "
                    + format.cliName());
        }
        if (raw && fields != null) {
            throw CallxException.usage("--raw writes whole records: it does not go with --fields");
        }
        List<Field> chosen;
        try {
            chosen = fields != null ? Field.parseList(fields)
                    : format == Format.TABLE ? Field.TABLE_DEFAULT : Field.all();
        } catch (IllegalArgumentException e) {
            throw CallxException.usage(e.getMessage());
        }
        return new OutputOptions(format, chosen, raw, !noHeader, Args.zone("--tz", tz), csvSafe,
                format == Format.TABLE ? width.getAsInt() : 0);
    }

    HttpSettings httpSettings() {
        Duration t = Args.duration("--timeout", timeout);
        if (t.isZero() || t.compareTo(MAX_DURATION) > 0) {
            throw CallxException.usage("--timeout must be more than 0 and at most 24h");
        }
        Duration wait = Args.duration("--max-wait", maxWait);
        if (wait.compareTo(MAX_DURATION) > 0) {
            throw CallxException.usage("--max-wait must be at most 24h");
        }
        if (retries < 0) {
            throw CallxException.usage("--retries must be 0 or more");
        }
        if (retries > 100) {
            throw CallxException.usage("--retries must be at most 100");
        }
        long cap = Sizes.parse(maxResponseSize);
        if (cap < 1024) {
            throw CallxException.usage("--max-response-size '" + maxResponseSize + "' is not a size of at least 1KB:"
                    + " use e.g. 64MB, 256MB, 1GB");
        }
        return new HttpSettings(t, retries, wait, allowHttp, cap);
    }

    Path caCert() {
        return caCert;
    }

    TimeWindow window(Instant now) {
        ZoneId zone = Args.zone("--tz", tz);
        Instant s = since == null ? null : Args.pointInTime("--since", since, now, zone);
        Instant u = until == null ? null : Args.pointInTime("--until", until, now, zone);
        if (s != null && u != null && !s.isBefore(u)) {
            throw CallxException.usage("--since must be before --until");
        }
        return new TimeWindow(s, u);
    }

    /** The --param pairs, in order; a key may repeat (status=a, status=b). */
    List<Map.Entry<String, String>> params() {
        List<Map.Entry<String, String>> pairs = new ArrayList<>();
        for (String p : params) {
            int eq = p.indexOf('=');
            if (eq <= 0) {
                throw CallxException.usage("--param takes KEY=VALUE, not '" + p + "'");
            }
            pairs.add(Map.entry(p.substring(0, eq), p.substring(eq + 1)));
        }
        return pairs;
    }

    int concurrency() {
        if (concurrency < 1 || concurrency > FetchPool.MAX_CONCURRENCY) {
            throw CallxException.usage("--concurrency must be between 1 and " + FetchPool.MAX_CONCURRENCY + ", not "
                    + concurrency);
        }
        return concurrency;
    }

    long limit() {
        if (limit != null && limit < 1) {
            throw CallxException.usage("--limit must be at least 1");
        }
        return limit == null ? 0 : limit;
    }


    /**
     * --state and its options, or null without --state.
     *
     * @param page    --page, where the command pages, or null
     * @param filters what the command selects by (part of the state's key)
     * @param baseUrl the base URL as the key names it, or null for the one called
     * @param given   whether an option was given on the command line (not by a profile)
     */
    StateOptions stateOptions(Long page, List<String> filters, String baseUrl,
                              java.util.function.Predicate<String> given) {
        if (state == null) {
            for (String option : new String[] {"--lookback", "--full-refresh"}) {
                if (given.test(option)) {
                    throw CallxException.usage(option + " goes with --state FILE");
                }
            }
            return null;
        }
        if (page != null) {
            throw CallxException.usage("--state pages through the whole list: it does not go with --page");
        }
        if (limit != null) {
            throw CallxException.usage("--state does not go with --limit: the calls left out would be skipped by "
                    + "the next run too");
        }
        Duration back = Args.duration("--lookback", lookback);
        if (back.compareTo(MAX_LOOKBACK) > 0) {
            throw CallxException.usage("--lookback must be at most 90d");
        }
        Path stateFile = FileTarget.isStdout(state) ? null : state;
        if (stateFile == null) {
            throw CallxException.usage("--state needs a file, not '-'");
        }
        if (file != null && same(stateFile, file)) {
            throw CallxException.usage("--state and --file name the same file: " + state);
        }
        if (summaryJson != null && same(stateFile, summaryJson)) {
            throw CallxException.usage("--state and --summary-json name the same file: " + state);
        }
        return new StateOptions(stateFile, back, fullRefresh, filters, baseUrl);
    }

    /** --summary-json, or null; a usage error when it names the --file. */
    Path summaryJson() {
        if (summaryJson != null && file != null && same(summaryJson, file)) {
            throw CallxException.usage("--summary-json and --file name the same file: " + summaryJson);
        }
        return summaryJson;
    }

    private static boolean same(Path a, Path b) {
        return a.toAbsolutePath().normalize().equals(b.toAbsolutePath().normalize());
    }
}
