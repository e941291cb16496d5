package dev.callx.cli;

import dev.callx.cli.CommandModel.Argument;
import dev.callx.cli.CommandModel.Option;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * One man page per command (troff, the man macros), generated from the {@link CommandModel}: the
 * same descriptions, options and examples as --help. {@code man -l man/callx-vaani.1} reads one.
 */
final class ManPages {
    private ManPages() {
    }

    /** The pages by file name: callx.1, callx-vaani.1, ... */
    static Map<String, String> pages(CommandModel root) {
        String version = version();
        Map<String, String> pages = new LinkedHashMap<>();
        pages.put("callx.1", page(root, root, version));
        for (CommandModel c : root.subcommands()) {
            if (!c.name().equals("help")) {
                pages.put(pageName(c) + ".1", page(c, root, version));
            }
        }
        return pages;
    }

    private static String pageName(CommandModel c) {
        return c.qualifiedName().replace(' ', '-');
    }

    private static String page(CommandModel c, CommandModel root, String version) {
        StringBuilder s = new StringBuilder();
        String name = pageName(c);
        s.append(".\\\" ").append(CompletionScripts.HEADER).append("\n")
                .append(".TH \"").append(text(name.toUpperCase(Locale.ROOT))).append("\" \"1\" \"\" \"")
                .append(text(version)).append("\" \"callx manual\"\n")
                .append(".ad l\n.nh\n")
                .append(".SH NAME\n")
                .append(text(name)).append(" \\- ").append(text(CommandModel.summary(
                        c.description().isEmpty() ? "" : c.description().get(0)))).append("\n")
                .append(".SH SYNOPSIS\n")
                .append(synopsis(c)).append("\n")
                .append(".SH DESCRIPTION\n");
        boolean first = true;
        for (String line : c.description()) {
            if (!first) {
                s.append(".PP\n");
            }
            s.append(text(line)).append("\n");
            first = false;
        }
        if (c == root) {
            s.append(".SH COMMANDS\n");
            for (CommandModel sub : root.subcommands()) {
                s.append(".TP\n").append("\\fB").append(text(sub.name())).append("\\fR\n")
                        .append(text(String.join(" ", sub.description()))).append("\n");
            }
        }
        if (!c.arguments().isEmpty()) {
            s.append(".SH ARGUMENTS\n");
            for (Argument a : c.arguments()) {
                s.append(".TP\n\\fI").append(text(a.label())).append("\\fR\n").append(text(a.description()))
                        .append("\n");
            }
        }
        s.append(".SH OPTIONS\n");
        for (Option o : c.options()) {
            s.append(".TP\n");
            for (int i = 0; i < o.names().size(); i++) {
                s.append(i == 0 ? "" : ", ").append("\\fB").append(text(o.names().get(i))).append("\\fR");
            }
            if (o.takesValue()) {
                s.append("=\\fI").append(text(o.label())).append("\\fR");
            }
            s.append("\n").append(text(o.description())).append("\n");
        }
        if (!c.footer().isEmpty()) {
            s.append(".SH EXAMPLES\n.nf\n");
            for (String line : c.footer()) {
                s.append(line.isBlank() ? "" : text(line)).append("\n");
            }
            s.append(".fi\n");
        }
        s.append(".SH SEE ALSO\n");
        if (c == root) {
            List<CommandModel> subs = root.subcommands().stream().filter(x -> !x.name().equals("help")).toList();
            for (int i = 0; i < subs.size(); i++) {
                s.append("\\fB").append(text(pageName(subs.get(i)))).append("\\fR(1)")
                        .append(i < subs.size() - 1 ? ",\n" : "\n");
            }
        } else {
            s.append("\\fBcallx\\fR(1)\n");
        }
        return s.toString();
    }

    /** The synopsis: the command, [OPTIONS], its arguments. */
    private static String synopsis(CommandModel c) {
        StringBuilder s = new StringBuilder("\\fB").append(text(c.qualifiedName())).append("\\fR");
        if (!c.options().isEmpty()) {
            s.append(" [\\fIOPTIONS\\fR]");
        }
        if (!c.subcommands().isEmpty()) {
            s.append(" \\fICOMMAND\\fR [\\fIOPTIONS\\fR]");
        }
        for (Argument a : c.arguments()) {
            s.append(a.optional() ? " [\\fI" : " \\fI").append(text(a.label())).append(a.optional() ? "\\fR]" : "\\fR");
        }
        return s.toString();
    }

    /**
     * Text for troff: a backslash as {@code \e}, a minus as {@code \-} (a hyphen would not copy as
     * one), a line that would begin with a control character guarded by {@code \&}, anything
     * outside ASCII as its Unicode name ({@code \[u2026]}).
     */
    static String text(String text) {
        StringBuilder s = new StringBuilder();
        for (int i = 0; i < text.length(); ) {
            int cp = text.codePointAt(i);
            if (cp == '\\') {
                s.append("\\e");
            } else if (cp == '-') {
                s.append("\\-");
            } else if (cp < 0x20 || cp == 0x7f) {
                s.append(' ');
            } else if (cp > 0x7e) {
                s.append(String.format(Locale.ROOT, "\\[u%04X]", cp));
            } else {
                s.append((char) cp);
            }
            i += Character.charCount(cp);
        }
        String out = s.toString();
        return out.startsWith(".") || out.startsWith("'") ? "\\&" + out : out;
    }

    private static String version() {
        try {
            return new CallxCommand.Version().getVersion()[0];
        } catch (java.io.IOException e) {
            return "callx";
        }
    }
}
