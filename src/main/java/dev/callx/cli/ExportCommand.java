package dev.callx.cli;

import dev.callx.config.ConfigFile;
import dev.callx.config.Profile;
import dev.callx.config.ProfileEnv;
import dev.callx.error.CallxException;
import dev.callx.error.ExitCode;
import dev.callx.export.ExportRequest;
import dev.callx.export.Exporter;
import dev.callx.export.RunStats;
import dev.callx.export.StateOptions;
import dev.callx.export.Summary;
import dev.callx.export.TimeWindow;
import dev.callx.http.Network;
import dev.callx.log.Log;
import dev.callx.log.Secrets;
import dev.callx.output.AtomicFile;
import dev.callx.output.FileTarget;
import dev.callx.provider.Endpoint;
import dev.callx.provider.ravan.PhoneHistoryEndpoint;
import dev.callx.sandbox.Sandbox;
import dev.callx.sandbox.SandboxConfig;
import java.io.IOException;
import java.nio.file.Path;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.ParentCommand;
import picocli.CommandLine.Spec;

/**
 * What the five export commands share: the options, and the hand-off to {@link Exporter}.
 * A command only turns its own arguments into an {@link Endpoint}.
 */
abstract class ExportCommand implements Callable<Integer> {
    @Spec
    CommandSpec spec;

    @ParentCommand
    CallxCommand parent;

    @Mixin
    ExportOptions options;

    @Mixin
    ContentOptions content;

    /** This run's secrets: the log masks them, and so does the error printer in {@link Cli}. */
    private final Secrets secrets = new Secrets();

    /**
     * The endpoint to call, from this command's own arguments; throws a usage error on bad input.
     *
     * @param runStart when this run started: an upper time bound for APIs that take one
     */
    abstract Endpoint endpoint(TimeWindow window, Instant runStart);

    /** A usage error unless {@code value} is E.164; the message names {@code label} and shows {@code given}. */
    void requireE164(String label, String value, String given) {
        if (!PhoneHistoryEndpoint.E164.matcher(value).matches()) {
            throw new ParameterException(spec.commandLine(), label + " must be E.164, a + then 8 to 15 digits "
                    + "(e.g. +14155550100), not '" + given + "'");
        }
    }

    /** --page-size, where the command pages. */
    Integer pageSize() {
        return null;
    }

    /** --page, where the command pages. */
    Long page() {
        return null;
    }

    /** The zone of platform timestamps that carry none (--assume-tz, where it applies). */
    ZoneId assumeZone() {
        return ZoneOffset.UTC;
    }

    /** The profile loaded for a name, and the name; or the error loading it gave. */
    private String profileName;
    private Profile profile;
    private CallxException profileError;

    /**
     * The profile this run uses (--profile, else CALLX_PROFILE), or null for none.
     *
     * @throws CallxException exit 2 when there is no such profile or the config file is wrong, exit 3 when
     *                        it holds a secret others can read
     */
    Profile profile() {
        AppContext ctx = parent == null ? null : parent.context();
        if (ctx == null || options == null) {
            return null;
        }
        String name = options.profile != null ? options.profile : ctx.env().get("CALLX_PROFILE");
        name = name == null || name.isBlank() ? null : name.trim();
        if (!java.util.Objects.equals(name, profileName) || (profile == null && profileError == null)) {
            profileName = name;
            profile = null;
            profileError = null;
            try {
                profile = name == null ? null : loadProfile(ctx, name, options.profile != null);
            } catch (CallxException e) {
                profileError = e;
            }
        }
        if (profileError != null) {
            throw profileError;
        }
        return profile;
    }

    private Profile loadProfile(AppContext ctx, String name, boolean fromOption) {
        String source = fromOption ? "--profile " + name : "CALLX_PROFILE=" + name;
        Path path = ConfigFile.locate(ctx.env());
        if (path == null) {
            throw CallxException.usage(source + ": cannot tell where the config file is: set HOME, XDG_CONFIG_HOME "
                    + "or CALLX_CONFIG");
        }
        Map<String, Profile> all = ConfigFile.load(path, ProfileDefaults.optionNames(), ctx.env());
        if (all.isEmpty() && !java.nio.file.Files.exists(path)) {
            throw CallxException.usage(source + ": there is no config file " + path + " (CALLX_CONFIG names another)");
        }
        Profile p = all.get(name);
        if (p == null) {
            throw CallxException.usage(source + ": " + path + " has no profile '" + name + "'"
                    + (all.isEmpty() ? "" : " (it has " + String.join(", ", all.keySet()) + ")"));
        }
        return p;
    }

    /** The profile's default for an option, or null; a config file that cannot be used gives none. */
    String profileDefault(String longName) {
        try {
            Profile p = profile();
            return p == null ? null : p.option(longName);
        } catch (CallxException e) {
            return null; // reported when the command runs
        }
    }

    /**
     * Where a bad option value came from when the selected profile set it and the command line did
     * not: " (from profile staging of FILE)"; else "". For the usage error picocli raises on it.
     *
     * @param args the command line as given
     */
    String profileOrigin(CommandLine.Model.ArgSpec arg, String[] args) {
        if (!(arg instanceof CommandLine.Model.OptionSpec option)) {
            return "";
        }
        for (String a : args) {
            for (String n : option.names()) {
                if (a.equals(n) || a.startsWith(n + "=") || (!n.startsWith("--") && a.startsWith(n))) {
                    return "";
                }
            }
        }
        try {
            Profile p = profile();
            return p == null || p.option(option.longestName()) == null ? "" : " (from " + p.describe() + ")";
        } catch (CallxException e) {
            return "";
        }
    }

    /**
     * The width a table is fitted to: the terminal's when the table goes to one; into a file or a
     * pipe, COLUMNS when set, else no limit, so that ids and text stay whole where nobody reads them
     * through a terminal's width (as kubectl and gh do).
     */
    private int tableWidth(AppContext ctx) {
        if (options.file == null && ctx.stdoutIsTerminal()) {
            return ctx.terminalWidth();
        }
        return Terminals.columns(ctx.env(), UNLIMITED_WIDTH);
    }

    /** A table's width when nothing limits it. */
    static final int UNLIMITED_WIDTH = 100_000;

    /** Whether --verbose was given, for the error handler. */
    boolean verbose() {
        return parent != null && parent.globals().verbose;
    }

    /** The secrets registered during this run, for masking the final error line. */
    Secrets secrets() {
        return secrets;
    }

    @Override
    public Integer call() throws IOException {
        if (!parent.sandbox()) {
            return export(parent.context());
        }
        if (options.baseUrl != null) {
            throw CallxException.usage("--sandbox sets the base URL: it does not go with --base-url");
        }
        AppContext ctx = parent.context();
        SandboxConfig config = SandboxConfig.defaults()
                .withAnchor(ctx.clock().instant().truncatedTo(ChronoUnit.MINUTES));
        try (Sandbox sandbox = Sandbox.start(config)) {
            Map<String, String> env = new HashMap<>(ctx.env());
            env.putAll(sandbox.credentials());
            for (String name : new String[] {"RAVAN_BASE_URL", "VAANI_BASE_URL", "ZUDU_BASE_URL"}) {
                env.put(name, sandbox.baseUrl());
            }
            return export(ctx.withEnv(env), "sandbox");
        }
    }

    /**
     * What this command selects calls by, as {@code NAME=VALUE} (its argument, its filter options): part
     * of the key of its state in a --state file. --param pairs are added by the caller.
     */
    List<String> stateFilters() {
        return List.of();
    }

    /** A filter for {@link #stateFilters()}, or nothing when the option was not given. */
    static void filter(List<String> into, String name, String value) {
        if (value != null) {
            into.add(name + "=" + value);
        }
    }

    /** Whether the export keeps only calls after a time (--since, or --state): a list newest first may end early. */
    boolean windowHasStart() {
        return options.since != null || options.state != null;
    }

    /**
     * Whether to draw the progress line (issue 10 item 1). Auto draws it only when stderr is a
     * terminal and the records go to a file (-f, or stdout redirected to a regular file): never when
     * they go to a pipe, whose reader may write to the same terminal, nor to the terminal itself; and
     * not with -q (nothing but errors) or -v (a line per page already). Always and never are what
     * they say.
     */
    private boolean progress(ProgressMode mode, Log.Level level, AppContext ctx) {
        return switch (mode) {
            case NEVER -> false;
            case ALWAYS -> true;
            case AUTO -> level == Log.Level.NORMAL && ctx.stderrIsTerminal()
                    && (options.file != null || ctx.stdoutIsFile());
        };
    }

    private int export(AppContext ctx) {
        return export(ctx, null);
    }

    /** @param stateBaseUrl how the state's key names the base URL, or null for the one called */
    private int export(AppContext ctx, String stateBaseUrl) {
        if (FileTarget.isStdout(options.file)) {
            options.file = null; // -f - is stdout: the format is then stdout's
        }
        String name = spec.name();
        List<Map.Entry<String, String>> params = options.params();
        params.forEach(e -> secrets.addParam(e.getKey(), e.getValue()));
        Log.Level level = parent.globals().level();
        boolean progress = progress(ProgressMode.of(parent.globals().progress, ctx.env().get("CALLX_PROGRESS")),
                level, ctx);
        Log log = new Log(spec.commandLine().getErr(), level, secrets, name, progress ? ctx::stderrWidth : null,
                ctx.ticker());
        Profile chosen = profile();
        Instant runStart = ctx.clock().instant();
        TimeWindow window = options.window(runStart);
        Endpoint endpoint = endpoint(window, runStart);
        if (chosen != null) {
            ctx = ctx.withEnv(ProfileEnv.apply(chosen, endpoint.platform(), ctx.env(), secrets::add));
        }
        Path caCert = options.caCert();
        if (caCert != null && !given("--ca-cert") && !blank(ctx.env().get("SSL_CERT_FILE"))) {
            caCert = null; // a profile's --ca-cert: SSL_CERT_FILE in the environment wins over it
        }
        List<String> filters = new ArrayList<>(stateFilters());
        params.forEach(e -> filters.add("--param=" + e.getKey() + "="
                + (Secrets.secretParam(e.getKey()) ? Secrets.MASK : e.getValue())));
        StateOptions state = options.stateOptions(page(), filters, stateBaseUrl, this::given);
        Path summaryJson = options.summaryJson();
        FileTarget.check(summaryJson);
        AppContext run = ctx;
        java.util.function.IntSupplier width = () -> tableWidth(run);
        ExportRequest request = new ExportRequest(name, endpoint, w -> endpoint(w, runStart), options.baseUrl, params,
                page(), pageSize(), options.limit(), window, assumeZone(),
                content.output(options.outputOptions(ctx::stdoutIsTerminal, width), options.fields != null),
                options.file, options.httpSettings().withNetwork(Network.from(ctx.env(), caCert)),
                options.concurrency(), content.content(ctx.env()), state);
        RunStats stats = new RunStats();
        try {
            new Exporter(ctx.env(), spec.commandLine().getOut(), ctx.stdoutFailure(), log, ctx.sleeper(),
                    ctx.clock(), ctx.random(), ctx.cleanup()).run(request, stats);
        } catch (RuntimeException e) {
            if (summaryJson != null && !(e instanceof Exporter.OutputClosed)) {
                writeSummary(summaryJson, stats, name, Cli.exitCode(e), secrets.mask(e.getMessage()), ctx, log);
            }
            throw e;
        }
        log.info(Summary.line(stats));
        int code = stats.partial() == null ? ExitCode.OK : ExitCode.PARTIAL;
        if (summaryJson != null && !writeSummary(summaryJson, stats, name, code, null, ctx, log)) {
            throw new CallxException(ExitCode.INTERNAL, "the export succeeded, but the summary could not be "
                    + "written to " + summaryJson);
        }
        return code;
    }

    private static boolean blank(String s) {
        return s == null || s.isBlank();
    }

    /** Whether the option was given on the command line (not a default, not a profile's). */
    private boolean given(String option) {
        CommandLine.ParseResult parsed = spec.commandLine().getParseResult();
        return parsed != null && parsed.hasMatchedOption(option);
    }

    /** Writes the summary atomically; says on stderr why it could not. */
    private static boolean writeSummary(Path path, RunStats stats, String command, int code, String error,
                                        AppContext ctx, Log log) {
        AtomicFile file = null;
        try {
            file = AtomicFile.create(path);
            file.writer().write(Summary.json(stats, command, code, error, ctx.clock().instant()));
            file.commit();
            return true;
        } catch (IOException | RuntimeException e) {
            log.error("could not write the summary to " + path + ": " + e.getMessage());
            return false;
        } finally {
            if (file != null) {
                file.abort();
            }
        }
    }
}
