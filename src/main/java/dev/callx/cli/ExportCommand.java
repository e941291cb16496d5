package dev.callx.cli;

import dev.callx.error.CallxException;
import dev.callx.error.ExitCode;
import dev.callx.export.ExportRequest;
import dev.callx.export.Exporter;
import dev.callx.export.RunStats;
import dev.callx.export.TimeWindow;
import dev.callx.http.Network;
import dev.callx.log.Log;
import dev.callx.log.Secrets;
import dev.callx.output.FileTarget;
import dev.callx.provider.Endpoint;
import dev.callx.provider.ravan.PhoneHistoryEndpoint;
import dev.callx.sandbox.Sandbox;
import dev.callx.sandbox.SandboxConfig;
import java.io.IOException;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
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
            return export(ctx.withEnv(env));
        }
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
        Instant runStart = ctx.clock().instant();
        TimeWindow window = options.window(runStart);
        Endpoint endpoint = endpoint(window, runStart);
        ExportRequest request = new ExportRequest(name, endpoint, options.baseUrl, params, page(),
                pageSize(), options.limit(), window, assumeZone(),
                content.output(options.outputOptions(ctx::stdoutIsTerminal, ctx::terminalWidth), options.fields != null),
                options.file, options.httpSettings().withNetwork(Network.from(ctx.env(), options.caCert())),
                options.concurrency(), content.content(ctx.env()));
        RunStats stats = new RunStats();
        new Exporter(ctx.env(), spec.commandLine().getOut(), ctx.stdoutFailure(), log, ctx.sleeper(), ctx.clock(),
                ctx.random(), ctx.cleanup()).run(request, stats);
        return stats.partial() == null ? ExitCode.OK : ExitCode.PARTIAL;
    }
}
