package dev.callx.cli;

import dev.callx.config.ConfigFile;
import dev.callx.config.Profile;
import dev.callx.error.CallxException;
import dev.callx.error.DidYouMean;
import dev.callx.error.ExitCode;
import dev.callx.log.Secrets;
import dev.callx.log.TerminalText;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.ParentCommand;
import picocli.CommandLine.Spec;

/**
 * {@code callx config list}: the profiles of the config file, secrets masked (issue 9.5). The action is
 * a parameter, not a subcommand, so that the generated completion scripts (one level of commands)
 * offer it.
 */
@Command(name = "config", mixinStandardHelpOptions = true,
        description = {"Profiles: option defaults, base URLs and credentials.",
                "", "The file is CALLX_CONFIG, else $XDG_CONFIG_HOME/callx/config.toml, else",
                "~/.config/callx/config.toml."},
        footerHeading = "%nExamples:%n",
        footer = {"  callx config list",
                "  callx vaani --profile staging --since 24h    (or CALLX_PROFILE=staging)",
                "",
                "The layout:",
                "[profiles.staging]            # option defaults: shared options by long name",
                "output = \"csv\"",
                "concurrency = 4",
                "tz = \"Asia/Kolkata\"",
                "[profiles.staging.vaani]      # one table per platform: ravan, vaani, zudu",
                "base_url = \"https://vaani.staging.example\"",
                "api_key_file = \"~/.config/callx/vaani-staging.key\"   # or api_key = \"...\"",
                "[profiles.staging.zudu]",
                "base_url = \"https://zudu.internal.example\"",
                "api_key = \"...\"",
                "api_secret_file = \"...\"       # api_secret / api_secret_file",
                "[profiles.staging.ravan]      # api_key / api_key_file, token / token_file",
                "",
                "A secret written in the file itself needs the file private (chmod 600); a",
                "*_file path may start with ~. An unknown key is an error. What wins: the",
                "command line, then the environment, then the profile, then the default."})
final class ConfigCommand implements Callable<Integer> {
    @ParentCommand
    CallxCommand parent;

    @Spec
    CommandSpec spec;

    /** The actions. */
    static final class Actions implements Iterable<String> {
        static final List<String> ALL = List.of("list");

        @Override
        public Iterator<String> iterator() {
            return ALL.iterator();
        }
    }

    @Parameters(index = "0", arity = "0..1", paramLabel = "ACTION", completionCandidates = Actions.class,
            description = "list: show the profiles of the config file, secrets masked; the one CALLX_PROFILE "
                    + "selects is marked.")
    String action;

    @Override
    public Integer call() {
        if (action == null) {
            throw new ParameterException(spec.commandLine(), "an action is needed: callx config list");
        }
        if (!Actions.ALL.contains(action)) {
            throw new ParameterException(spec.commandLine(), "unknown action '" + action + "': use list"
                    + DidYouMean.hint(action, Actions.ALL));
        }
        return list();
    }

    private int list() {
        AppContext ctx = parent.context();
        Path path = ConfigFile.locate(ctx.env());
        if (path == null) {
            throw CallxException.usage("cannot tell where the config file is: set HOME, XDG_CONFIG_HOME or "
                    + "CALLX_CONFIG");
        }
        PrintWriter err = spec.commandLine().getErr();
        if (!Files.exists(path)) {
            err.println("callx config: no config file at " + TerminalText.escape(path.toString()));
            err.flush();
            return ExitCode.OK;
        }
        Map<String, Profile> profiles = ConfigFile.load(path, ProfileDefaults.optionNames(),
                ctx.env());
        String selected = ctx.env().get("CALLX_PROFILE");
        PrintWriter out = spec.commandLine().getOut();
        out.println("# " + clean(path.toString()));
        if (profiles.isEmpty()) {
            out.println("# no profiles");
        }
        Secrets secrets = new Secrets();
        for (Profile p : profiles.values()) {
            boolean isSelected = selected != null && selected.trim().equals(p.name());
            out.println();
            out.println("[profiles." + clean(p.name()) + "]" + (isSelected ? "  # selected by CALLX_PROFILE" : ""));
            p.options().forEach((k, v) -> out.println(k + " = " + quoted(v)));
            for (Profile.PlatformSettings s : p.platforms().values()) {
                out.println("[profiles." + clean(p.name()) + "." + s.platform() + "]");
                if (s.baseUrl() != null) {
                    out.println("base_url = " + quoted(secrets.maskUrl(s.baseUrl())));
                }
                for (Profile.Credential c : s.credentials()) {
                    out.println(c.inline() != null ? c.name() + " = " + quoted(Secrets.MASK)
                            : c.name() + "_file = " + quoted(c.given()));
                }
            }
        }
        out.flush();
        return ExitCode.OK;
    }

    /** A TOML basic string; what a terminal would act on escaped. */
    private static String quoted(String s) {
        return "\"" + clean(s.replace("\\", "\\\\").replace("\"", "\\\"")) + "\"";
    }

    private static String clean(String s) {
        return TerminalText.escape(s);
    }
}
