package dev.callx.cli;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import picocli.CommandLine;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Model.OptionSpec;
import picocli.CommandLine.Model.PositionalParamSpec;

/**
 * The command tree as the completion scripts and man pages see it: commands, their options and
 * arguments, and what each value is completed with, read from picocli's model of the tree (never
 * written out by hand). Hidden commands and options are left out.
 */
record CommandModel(String name, String qualifiedName, List<String> description, String usage,
                    List<Option> options, List<Argument> arguments, List<String> footer,
                    List<CommandModel> subcommands) {

    /** What a value is completed with. */
    enum Values {
        /** The option takes no value. */
        NONE,
        /** One of {@link Option#words}. */
        WORDS,
        /** A comma-separated list of {@link Option#words}. */
        LIST,
        /** A time zone of the system's database. */
        ZONE,
        /** A file name. */
        FILE,
        /** A command of callx. */
        COMMAND,
        /** Anything: nothing is offered. */
        FREE
    }

    /**
     * @param names       short names first, then long ({@code -o}, {@code --output})
     * @param label       the value's label ({@code FORMAT}), or null for a flag
     * @param repeatable  whether it may be given more than once
     */
    record Option(List<String> names, String label, String description, Values values, List<String> words,
                  boolean repeatable) {
        boolean takesValue() {
            return values != Values.NONE;
        }

        /** The first sentence of the description, for a completion menu. */
        String summary() {
            return CommandModel.summary(description);
        }
    }

    record Argument(String label, String description, Values values, List<String> words, boolean optional) {
    }

    /** The model of the whole tree of callx. */
    static CommandModel of() {
        return of(CallxCommand.commandLine(new CallxCommand()));
    }

    static CommandModel of(CommandLine cl) {
        CommandSpec spec = cl.getCommandSpec();
        List<Option> options = new ArrayList<>();
        for (OptionSpec o : spec.options()) {
            if (!o.hidden()) {
                options.add(option(o));
            }
        }
        options.sort((a, b) -> sortKey(a).compareTo(sortKey(b)));
        List<Argument> arguments = new ArrayList<>();
        for (PositionalParamSpec p : spec.positionalParameters()) {
            if (!p.hidden()) {
                Values kind = p.completionCandidates() != null ? Values.WORDS
                        : spec.parent() != null && cl.getCommand() instanceof CommandLine.HelpCommand
                        ? Values.COMMAND : Values.FREE;
                arguments.add(new Argument(p.paramLabel(), String.join(" ", p.description()), kind,
                        words(p.completionCandidates()), p.arity().min() == 0));
            }
        }
        List<CommandModel> subs = new ArrayList<>();
        cl.getSubcommands().forEach((name, sub) -> {
            if (name.equals(sub.getCommandName()) && !sub.getCommandSpec().usageMessage().hidden()) {
                subs.add(of(sub));
            }
        });
        String usage = new CommandLine.Help(spec, CommandLine.Help.defaultColorScheme(CommandLine.Help.Ansi.OFF))
                .synopsis(0).strip();
        return new CommandModel(spec.name(), spec.qualifiedName(" "), lines(spec.usageMessage().description()),
                usage, List.copyOf(options), List.copyOf(arguments), lines(spec.usageMessage().footer()),
                List.copyOf(subs));
    }

    /** Help text as printed: picocli's %n as a line break, %% as %. */
    private static List<String> lines(String[] text) {
        List<String> lines = new ArrayList<>();
        for (String t : text) {
            for (String line : t.replace("%%", "\u0000").split("%n", -1)) {
                lines.add(line.replace('\u0000', '%'));
            }
        }
        while (!lines.isEmpty() && lines.get(0).isBlank()) {
            lines.remove(0);
        }
        while (!lines.isEmpty() && lines.get(lines.size() - 1).isBlank()) {
            lines.remove(lines.size() - 1);
        }
        return List.copyOf(lines);
    }

    private static Option option(OptionSpec o) {
        List<String> names = new ArrayList<>(List.of(o.names()));
        names.sort((a, b) -> a.length() != b.length() ? a.length() - b.length() : a.compareTo(b));
        Values kind;
        if (o.arity().max() == 0) {
            kind = Values.NONE;
        } else if (o.completionCandidates() instanceof Completions.FieldList) {
            kind = Values.LIST;
        } else if (o.completionCandidates() instanceof Completions.Zones) {
            kind = Values.ZONE;
        } else if (o.completionCandidates() != null) {
            kind = Values.WORDS;
        } else if (Path.class.isAssignableFrom(o.type()) || java.io.File.class.isAssignableFrom(o.type())) {
            kind = Values.FILE;
        } else {
            kind = Values.FREE;
        }
        return new Option(List.copyOf(names), kind == Values.NONE ? null : o.paramLabel(),
                String.join(" ", o.description()).replace("${DEFAULT-VALUE}", String.valueOf(o.defaultValue())),
                kind, words(o.completionCandidates()), o.isMultiValue());
    }

    private static List<String> words(Iterable<String> candidates) {
        List<String> words = new ArrayList<>();
        if (candidates != null) {
            candidates.forEach(words::add);
        }
        return List.copyOf(words);
    }

    /** Options in the order help lists them: by long name, without dashes, case ignored. */
    private static String sortKey(Option o) {
        String longest = o.names().get(o.names().size() - 1);
        return longest.replaceFirst("^-+", "").toLowerCase(Locale.ROOT);
    }

    /** The first sentence of a description. */
    static String summary(String description) {
        int end = description.indexOf(". ");
        while (end >= 0 && (description.startsWith("e.g", end - 3) || description.startsWith("i.e", end - 3))) {
            end = description.indexOf(". ", end + 2);
        }
        String s = end < 0 ? description : description.substring(0, end + 1);
        return s.endsWith(".") ? s.substring(0, s.length() - 1) : s;
    }

    /** The command's name as the scripts use it in function names ({@code phone_history}). */
    String id() {
        return qualifiedName.equals(name) ? "main" : name.replace('-', '_');
    }

    /** The options that take a value. */
    List<Option> valued() {
        return options.stream().filter(Option::takesValue).toList();
    }
}
