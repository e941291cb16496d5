package dev.callx.cli;

import java.io.IOException;
import java.io.InputStream;
import java.util.Properties;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

@Command(name = "callx",
        mixinStandardHelpOptions = true,
        versionProvider = CallxCommand.Version.class,
        description = "Export call history from voice-AI platforms to csv, jsonl, json or a table.",
        subcommands = {PhoneHistoryCommand.class, SessionsCommand.class, ContactCallsCommand.class,
                VaaniCommand.class, CallsCommand.class, SandboxCommand.class, ConfigCommand.class,
                CommandLine.HelpCommand.class,
                picocli.AutoComplete.GenerateCompletion.class},
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
                "130 interrupted.",
                "Run 'callx COMMAND --help' for a command's options."})
public final class CallxCommand implements Callable<Integer> {
    private final AppContext context;

    @Spec
    CommandSpec spec;

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

    AppContext context() {
        return context;
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
