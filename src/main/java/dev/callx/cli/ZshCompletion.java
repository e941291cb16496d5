package dev.callx.cli;

import dev.callx.cli.CommandModel.Argument;
import dev.callx.cli.CommandModel.Option;
import java.util.ArrayList;
import java.util.List;

/**
 * The zsh completion function, native ({@code _arguments}, {@code _describe}, {@code _values},
 * {@code _time_zone}, {@code _files}), generated from the {@link CommandModel}.
 */
final class ZshCompletion {
    private ZshCompletion() {
    }

    static String script(CommandModel root) {
        StringBuilder s = new StringBuilder();
        s.append("#compdef callx\n")
                .append("# zsh completion for callx\n")
                .append("# ").append(CompletionScripts.HEADER).append("\n")
                .append("#\n# Install: copy this file, named _callx, to a folder of $fpath (e.g. ~/.zfunc, with\n")
                .append("# fpath=(~/.zfunc $fpath) before compinit in ~/.zshrc), then start a new shell.\n\n");
        s.append("_callx() {\n")
                .append("    local curcontext=\"$curcontext\" state state_descr line ret=1\n")
                .append("    typeset -A opt_args\n")
                .append("    _arguments -C -s -S \\\n");
        for (Option o : root.options()) {
            s.append("        ").append(spec(o)).append(" \\\n");
        }
        s.append("        '1:command:_callx_commands' \\\n")
                .append("        '*::arg:->command' && ret=0\n")
                .append("    case $state in\n")
                .append("        command)\n")
                .append("            curcontext=\"${curcontext%:*:*}:callx-$words[1]:\"\n")
                .append("            case $words[1] in\n");
        for (CommandModel c : root.subcommands()) {
            s.append("                ").append(c.name()).append(") _callx_").append(c.id()).append(" && ret=0 ;;\n");
        }
        s.append("            esac\n")
                .append("            ;;\n")
                .append("    esac\n")
                .append("    return ret\n")
                .append("}\n\n");
        s.append("_callx_commands() {\n")
                .append("    local -a commands\n")
                .append("    commands=(\n");
        for (CommandModel c : root.subcommands()) {
            String d = c.description().isEmpty() ? "" : c.description().get(0);
            s.append("        ").append(quote(c.name().replace(":", "\\:") + ":" + CommandModel.summary(d))).append("\n");
        }
        s.append("    )\n")
                .append("    _describe -t commands 'callx command' commands\n")
                .append("}\n\n");
        for (CommandModel c : root.subcommands()) {
            s.append("_callx_").append(c.id()).append("() {\n")
                    .append("    _arguments -s -S");
            List<String> specs = new ArrayList<>();
            for (Option o : c.options()) {
                specs.add(spec(o));
            }
            int position = 1;
            for (Argument a : c.arguments()) {
                specs.add(quote(position++ + (a.optional() ? "::" : ":") + escape(a.label()) + ":"
                        + action(a.values(), a.words())));
            }
            for (String spec : specs) {
                s.append(" \\\n        ").append(spec);
            }
            s.append("\n}\n\n");
        }
        s.append("_callx \"$@\"\n");
        return s.toString();
    }

    /** One option for {@code _arguments}: exclusions, names, description, value. */
    private static String spec(Option o) {
        String description = "[" + escape(o.summary()) + "]";
        String value = o.takesValue() ? ":" + escape(o.label()) + ":" + action(o.values(), o.words()) : "";
        if (o.repeatable()) {
            StringBuilder sb = new StringBuilder();
            for (String name : o.names()) {
                sb.append(sb.length() == 0 ? "" : " ").append(quote("*" + name + suffix(o, name) + description + value));
            }
            return sb.toString();
        }
        if (o.names().size() == 1) {
            String name = o.names().get(0);
            return quote(name + suffix(o, name) + description + value);
        }
        List<String> withSuffix = o.names().stream().map(n -> n + suffix(o, n)).toList();
        return quote("(" + String.join(" ", o.names()) + ")") + "{" + String.join(",", withSuffix) + "}"
                + quote(description + value);
    }

    /** How the value follows the name: -o VALUE or -oVALUE; --output VALUE or --output=VALUE. */
    private static String suffix(Option o, String name) {
        if (!o.takesValue()) {
            return "";
        }
        return name.startsWith("--") ? "=" : "+";
    }

    private static String action(CommandModel.Values values, List<String> words) {
        return switch (values) {
            case WORDS -> "(" + String.join(" ", words) + ")";
            case LIST -> "_values -s , field " + String.join(" ", words);
            case ZONE -> "_time_zone";
            case FILE -> "_files";
            case COMMAND -> "_callx_commands";
            default -> " ";
        };
    }

    /** Text inside an {@code _arguments} spec: brackets and colons escaped. */
    private static String escape(String text) {
        return text.replace("\\", "\\\\").replace("[", "\\[").replace("]", "\\]").replace(":", "\\:");
    }

    /** A word in single quotes. */
    static String quote(String text) {
        return "'" + text.replace("'", "'\\''") + "'";
    }
}
