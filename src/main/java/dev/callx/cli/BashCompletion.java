package dev.callx.cli;

import dev.callx.cli.CommandModel.Option;
import dev.callx.cli.CommandModel.Values;
import java.util.ArrayList;
import java.util.List;

/**
 * The bash completion script, generated from the {@link CommandModel}: commands, options, and
 * option values (formats, sort orders, progress modes, field names in a comma-separated list, time
 * zones from the system's database, file names).
 */
final class BashCompletion {
    private BashCompletion() {
    }

    static String script(CommandModel root) {
        StringBuilder s = new StringBuilder();
        s.append("# bash completion for callx                                -*- shell-script -*-\n")
                .append("# ").append(CompletionScripts.HEADER).append("\n")
                .append("#\n# Install: source this file from ~/.bashrc, or copy it to\n")
                .append("# ~/.local/share/bash-completion/completions/callx (or /usr/share/bash-completion/completions/).\n\n");
        s.append("""
                # The zones of the system's time zone database (callx reads zones as Java does).
                _callx_zones() {
                    local dir="${TZDIR:-/usr/share/zoneinfo}" tab
                    printf '%s\\n' UTC
                    for tab in "$dir/zone1970.tab" "$dir/zone.tab"; do
                        [ -r "$tab" ] && awk -F'\\t' '!/^#/ && NF >= 3 { print $3 }' "$tab"
                    done | sort -u
                }

                # Completes the last name of a comma-separated list ($1: the names, $2: the word so far).
                _callx_list() {
                    local prefix="" last="$2"
                    if [[ "$2" == *,* ]]; then
                        prefix="${2%,*},"
                        last="${2##*,}"
                    fi
                    COMPREPLY=($(compgen -P "$prefix" -W "$1" -- "$last"))
                    compopt -o nospace 2>/dev/null
                }

                """);
        for (CommandModel c : all(root)) {
            function(s, c, root);
        }
        s.append("_callx() {\n")
                .append("    local cur=\"${COMP_WORDS[COMP_CWORD]}\" prev=\"${COMP_WORDS[COMP_CWORD-1]}\"\n")
                .append("    # --option=value: bash splits the = off into a word of its own\n")
                .append("    if [[ \"$cur\" == \"=\" ]]; then\n")
                .append("        cur=\"\"\n")
                .append("    elif [[ \"$prev\" == \"=\" && $COMP_CWORD -ge 2 ]]; then\n")
                .append("        prev=\"${COMP_WORDS[COMP_CWORD-2]}\"\n")
                .append("    fi\n")
                .append("    # the command: the first word that is neither an option nor an option's value\n")
                .append("    local cmd=\"\" i word\n")
                .append("    for ((i = 1; i < COMP_CWORD; i++)); do\n")
                .append("        word=\"${COMP_WORDS[i]}\"\n")
                .append("        case \"$word\" in\n");
        List<String> rootValued = new ArrayList<>();
        for (Option o : root.valued()) {
            rootValued.addAll(o.names());
        }
        if (!rootValued.isEmpty()) {
            s.append("            ").append(String.join("|", rootValued)).append(") ((i++)) ;;\n");
        }
        s.append("            =) ((i++)) ;;\n")
                .append("            -*) ;;\n")
                .append("            *) cmd=\"$word\"; break ;;\n")
                .append("        esac\n")
                .append("    done\n")
                .append("    case \"$cmd\" in\n");
        for (CommandModel c : root.subcommands()) {
            s.append("        ").append(c.name()).append(") _callx_").append(c.id()).append(" ;;\n");
        }
        s.append("        \"\") _callx_").append(root.id()).append(" ;;\n")
                .append("    esac\n")
                .append("}\n\n")
                .append("complete -F _callx callx\n");
        return s.toString();
    }

    private static List<CommandModel> all(CommandModel root) {
        List<CommandModel> all = new ArrayList<>(root.subcommands());
        all.add(root);
        return all;
    }

    /** One command's function: the value of the option before the cursor, else options or arguments. */
    private static void function(StringBuilder s, CommandModel c, CommandModel root) {
        s.append("_callx_").append(c.id()).append("() {\n")
                .append("    case \"$prev\" in\n");
        for (Option o : c.valued()) {
            s.append("        ").append(String.join("|", o.names())).append(")\n            ").append(value(o))
                    .append("\n            return ;;\n");
        }
        s.append("    esac\n");
        List<String> names = new ArrayList<>();
        for (Option o : c.options()) {
            names.addAll(o.names());
        }
        s.append("    if [[ \"$cur\" == -* ]]; then\n")
                .append("        COMPREPLY=($(compgen -W \"").append(String.join(" ", names)).append("\" -- \"$cur\"))\n")
                .append("        return\n")
                .append("    fi\n");
        if (c == root) {
            List<String> commands = c.subcommands().stream().map(CommandModel::name).toList();
            s.append("    COMPREPLY=($(compgen -W \"").append(String.join(" ", commands)).append("\" -- \"$cur\"))\n");
        } else if (!c.arguments().isEmpty()) {
            CommandModel.Argument a = c.arguments().get(0);
            if (a.values() == Values.WORDS) {
                s.append("    COMPREPLY=($(compgen -W \"").append(String.join(" ", a.words()))
                        .append("\" -- \"$cur\"))\n");
            } else if (a.values() == Values.COMMAND) {
                s.append("    COMPREPLY=($(compgen -W \"").append(String.join(" ", commandNames(root)))
                        .append("\" -- \"$cur\"))\n");
            } else {
                s.append("    COMPREPLY=()  # ").append(a.label()).append("\n");
            }
        } else {
            s.append("    COMPREPLY=()\n");
        }
        s.append("}\n\n");
    }

    /** The commands of callx, which help takes. */
    private static List<String> commandNames(CommandModel root) {
        return root.subcommands().stream().map(CommandModel::name).toList();
    }

    private static String value(Option o) {
        return switch (o.values()) {
            case WORDS -> "COMPREPLY=($(compgen -W \"" + String.join(" ", o.words()) + "\" -- \"$cur\"))";
            case LIST -> "_callx_list \"" + String.join(" ", o.words()) + "\" \"$cur\"";
            case ZONE -> "local IFS=$'\\n'; COMPREPLY=($(compgen -W \"$(_callx_zones)\" -- \"$cur\"))";
            case FILE -> "compopt -o filenames 2>/dev/null; COMPREPLY=($(compgen -f -- \"$cur\"))";
            default -> "COMPREPLY=()  # " + o.label();
        };
    }
}
