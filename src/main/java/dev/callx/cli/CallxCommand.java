package dev.callx.cli;

import java.io.IOException;
import java.io.InputStream;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.Set;
import java.util.concurrent.Callable;
import java.util.function.Supplier;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

@Command(name = "callx",
        mixinStandardHelpOptions = true,
        versionProvider = CallxCommand.Version.class,
        description = "Export call history from voice-AI platforms to csv, jsonl, json or a table.",
        commandListHeading = "%nCommands:%n",
        footerHeading = "%nExamples:%n",
        footer = {"  callx --sandbox vaani --limit 10 -o table",
                "  callx phone-history +14155550100",
                "  callx vaani --since 24h | jq .",
                "  callx calls -f calls.csv",
                "  callx calls --state ~/callx.state -f \"calls-$(date +%%F).csv\"",
                "",
                "Credentials come from the environment: RAVAN_API_KEY or RAVAN_TOKEN,",
                "VAANI_API_KEY, ZUDU_API_KEY and ZUDU_API_SECRET; or from a profile of the",
                "config file (--profile NAME, CALLX_PROFILE; see 'callx config --help').",
                "",
                "Exit codes: 0 ok, 1 internal error, 2 usage, 3 authentication, 4 not found,",
                "5 rejected by the API, 6 network or server, 7 unexpected response,",
                "8 partial (records written, some recordings missing), 130 interrupted.",
                "Run 'callx COMMAND --help' for a command's options."})
public final class CallxCommand implements Callable<Integer> {
    /**
     * The subcommands, in the order help lists them. They are not in the annotation: picocli would
     * then build the model of all eight, by reflection, at every start (about 150 ms), where a run
     * of one export command needs only that one's. See {@link #commandLine}.
     */
    static final Map<String, Supplier<Object>> SUBCOMMANDS = subcommands();

    private static Map<String, Supplier<Object>> subcommands() {
        Map<String, Supplier<Object>> m = new LinkedHashMap<>();
        m.put("phone-history", PhoneHistoryCommand::new);
        m.put("sessions", SessionsCommand::new);
        m.put("contact-calls", ContactCallsCommand::new);
        m.put("vaani", VaaniCommand::new);
        m.put("calls", CallsCommand::new);
        m.put("sandbox", SandboxCommand::new);
        m.put("config", ConfigCommand::new);
        m.put("help", CommandLine.HelpCommand::new);
        m.put("completion", CompletionCommand::new);
        return Collections.unmodifiableMap(m);
    }

    /** Subcommands that act on the whole tree (help lists it, completion is generated from it). */
    private static final Set<String> NEED_THE_TREE = Set.of("help", "completion");

    /** What may come before the subcommand's name: --sandbox and the global options. */
    private static final Set<String> LEADING = Set.of("--sandbox", "-q", "--quiet", "-v", "--verbose", "--progress");

    private final AppContext context;

    @Spec
    CommandSpec spec;

    @Mixin
    GlobalOptions globals = new GlobalOptions();

    @Option(names = "--sandbox",
            description = "Run the command against an in-process sandbox (synthetic data, its own credentials).")
    boolean sandbox;

    /** For tools that build the command tree without running it (completion script generation). */
    public CallxCommand() {
        this(null);
    }

    public CallxCommand(AppContext context) {
        this.context = context;
    }

    /** The whole command tree, as help and completion see it. */
    static CommandLine commandLine(CallxCommand root) {
        return commandLine(root, null);
    }

    /**
     * The command tree a run of {@code args} needs. When {@code args} names an export command or
     * the sandbox first (after an optional {@code --sandbox}), only that subcommand is built: the
     * parse, the errors, the help and the version of that run are the same as with the whole tree,
     * which picocli never consults once a subcommand is chosen. Anything else (no command, an option
     * or a word picocli must judge, {@code help}, an @file) gets the whole tree. A null {@code args}
     * is the whole tree.
     */
    static CommandLine commandLine(CallxCommand root, String[] args) {
        CommandLine cl = new CommandLine(root);
        String only = args == null ? null : chosenSubcommand(args);
        if (only != null) {
            cl.addSubcommand(SUBCOMMANDS.get(only).get());
        } else {
            SUBCOMMANDS.values().forEach(sub -> cl.addSubcommand(sub.get()));
        }
        cl.getSubcommands().values().forEach(CallxCommand::keepGlobalsWhereTheyApply);
        return cl;
    }

    /**
     * Removes the inherited global options (see {@link GlobalOptions}) from a subcommand that is not
     * an export: they stay only on the commands they apply to.
     */
    static void keepGlobalsWhereTheyApply(CommandLine sub) {
        if (sub.getCommand() instanceof ExportCommand) {
            return;
        }
        CommandSpec spec = sub.getCommandSpec();
        for (CommandLine.Model.OptionSpec o : List.copyOf(spec.options())) {
            if (o.inherited()) {
                spec.remove(o);
            }
        }
    }

    /**
     * The one subcommand {@code args} names, or null when the run may need the whole tree. The
     * subcommand may follow {@code --sandbox} and the global options ({@code -q}, {@code -v},
     * {@code --progress WHEN}).
     */
    static String chosenSubcommand(String[] args) {
        int i = 0;
        Set<String> seen = new java.util.HashSet<>();
        while (i < args.length && (LEADING.contains(args[i]) || args[i].startsWith("--progress="))) {
            if (!seen.add(args[i].startsWith("--progress") ? "--progress" : args[i])) {
                return null; // given twice: picocli's error, which may list the commands
            }
            i += "--progress".equals(args[i]) ? 2 : 1;
        }
        if (i < args.length && SUBCOMMANDS.containsKey(args[i]) && !NEED_THE_TREE.contains(args[i])) {
            return args[i];
        }
        return null;
    }

    AppContext context() {
        return context;
    }

    GlobalOptions globals() {
        return globals;
    }

    boolean sandbox() {
        return sandbox;
    }

    @Override
    public Integer call() {
        spec.commandLine().getErr().println("callx: a command is needed");
        spec.commandLine().usage(spec.commandLine().getErr());
        return dev.callx.error.ExitCode.USAGE;
    }

    /** The version, from the build. */
    static final class Version implements CommandLine.IVersionProvider {
        @Override
        public String[] getVersion() throws IOException {
            Properties p = new Properties();
            try (InputStream in = CallxCommand.class.getResourceAsStream("/callx-version.properties")) {
                if (in != null) {
                    p.load(in);
                }
            }
            return new String[] {"callx " + p.getProperty("version", "unknown")};
        }
    }
}
