package dev.callx.cli;

import dev.callx.cli.CommandModel.Argument;
import dev.callx.cli.CommandModel.Option;
import java.util.List;

/** The fish completions, generated from the {@link CommandModel}. */
final class FishCompletion {
    private FishCompletion() {
    }

    static String script(CommandModel root) {
        StringBuilder s = new StringBuilder();
        s.append("# fish completion for callx\n")
                .append("# ").append(CompletionScripts.HEADER).append("\n")
                .append("#\n# Install: copy this file to ~/.config/fish/completions/callx.fish.\n\n");
        s.append("""
                # The zones of the system's time zone database (callx reads zones as Java does).
                function __callx_zones
                    echo UTC
                    set -l dir /usr/share/zoneinfo
                    set -q TZDIR; and set dir $TZDIR
                    for tab in $dir/zone1970.tab $dir/zone.tab
                        test -r $tab; and string match -rv '^#' <$tab | string split -f3 \\t
                    end | sort -u
                end

                # Each name after what is typed of a comma-separated list.
                function __callx_list
                    set -l token (commandline -ct | string replace -r -- '^--?[^=]*=' '')
                    set -l prefix (string match -r -- '^.*,' $token)
                    for name in $argv
                        echo $prefix$name
                    end
                end

                complete -c callx -f
                """);
        s.append("\n# commands\n");
        String noCommand = "__fish_use_subcommand";
        for (CommandModel c : root.subcommands()) {
            String d = c.description().isEmpty() ? "" : CommandModel.summary(c.description().get(0));
            s.append("complete -c callx -n ").append(noCommand).append(" -a ").append(c.name())
                    .append(" -d ").append(quote(d)).append("\n");
        }
        s.append("\n# callx's own options\n");
        for (Option o : root.options()) {
            s.append(line(noCommand, o, root)).append("\n");
        }
        for (CommandModel c : root.subcommands()) {
            String condition = "'__fish_seen_subcommand_from " + c.name() + "'";
            s.append("\n# callx ").append(c.name()).append("\n");
            for (Option o : c.options()) {
                s.append(line(condition, o, root)).append("\n");
            }
            for (Argument a : c.arguments()) {
                List<String> words = a.values() == CommandModel.Values.COMMAND
                        ? root.subcommands().stream().map(CommandModel::name).toList() : a.words();
                if (!words.isEmpty()) {
                    s.append("complete -c callx -n ").append(condition).append(" -a ")
                            .append(quote(String.join(" ", words))).append(" -d ").append(quote(a.label()))
                            .append("\n");
                }
            }
        }
        return s.toString();
    }

    private static String line(String condition, Option o, CommandModel root) {
        StringBuilder s = new StringBuilder("complete -c callx -n ").append(condition);
        for (String name : o.names()) {
            s.append(name.startsWith("--") ? " -l " + name.substring(2) : " -s " + name.substring(1));
        }
        switch (o.values()) {
            case NONE -> { }
            case WORDS -> s.append(" -x -a ").append(quote(String.join(" ", o.words())));
            case LIST -> s.append(" -x -a ").append(quote("(__callx_list " + String.join(" ", o.words()) + ")"));
            case ZONE -> s.append(" -x -a '(__callx_zones)'");
            case FILE -> s.append(" -r -F");
            default -> s.append(" -x");
        }
        return s.append(" -d ").append(quote(o.summary())).toString();
    }

    /** A word in single quotes, as fish reads it. */
    private static String quote(String text) {
        return "'" + text.replace("\\", "\\\\").replace("'", "\\'") + "'";
    }
}
