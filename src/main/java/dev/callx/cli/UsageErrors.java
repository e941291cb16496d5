package dev.callx.cli;

import dev.callx.error.DidYouMean;
import java.util.ArrayList;
import java.util.List;
import picocli.CommandLine;
import picocli.CommandLine.Model.ArgSpec;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Model.OptionSpec;
import picocli.CommandLine.MissingParameterException;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.TypeConversionException;
import picocli.CommandLine.UnmatchedArgumentException;

/**
 * A command-line mistake picocli found, in plain words with a "did you mean": an unknown command or
 * option, an argument nothing takes, a value of the wrong kind. {@link Cli} adds the command's name
 * before and the {@code --help} hint after.
 */
final class UsageErrors {
    private UsageErrors() {
    }

    static String describe(ParameterException ex) {
        if (ex instanceof UnmatchedArgumentException u && !u.getUnmatched().isEmpty()) {
            return unmatched(ex.getCommandLine(), u.getUnmatched().get(0));
        }
        if (ex.getCause() instanceof TypeConversionException t && ex.getArgSpec() != null) {
            return name(ex.getArgSpec()) + " " + t.getMessage();
        }
        if (ex instanceof MissingParameterException m && !m.getMissing().isEmpty()) {
            ArgSpec arg = m.getMissing().get(0);
            if (arg instanceof OptionSpec o) {
                return o.longestName() + " needs a value (" + o.paramLabel() + ")";
            }
            return "missing " + arg.paramLabel() + ": " + String.join(" ", arg.description());
        }
        java.util.regex.Matcher help = UNKNOWN_SUBCOMMAND.matcher(String.valueOf(ex.getMessage()));
        if (help.matches() && ex.getCommandLine() != null) { // 'callx help vanni'
            String word = help.group(1);
            return "unknown command '" + word + "'" + DidYouMean.hint(word,
                    commandNames(ex.getCommandLine().getCommandSpec()));
        }
        return oneLine(ex.getMessage());
    }

    /** picocli's help command's words for a command it does not know. */
    private static final java.util.regex.Pattern UNKNOWN_SUBCOMMAND =
            java.util.regex.Pattern.compile("Unknown subcommand '(.*)'\\.");

    private static String unmatched(CommandLine cl, String word) {
        CommandSpec spec = cl.getCommandSpec();
        if (word.equals("--sandbox") && spec.parent() != null) {
            return "--sandbox goes before the command: callx --sandbox " + spec.name() + " ...";
        }
        if (word.startsWith("-") && word.length() > 1 && !word.matches("-\\d.*")) {
            String option = word.contains("=") ? word.substring(0, word.indexOf('=')) : word;
            return "unknown option '" + option + "'" + DidYouMean.hint(option, optionNames(spec));
        }
        if (spec.parent() == null && !spec.subcommands().isEmpty()) {
            return "unknown command '" + word + "'" + DidYouMean.hint(word, commandNames(spec));
        }
        String takes = spec.positionalParameters().isEmpty() ? " (" + spec.name() + " takes no arguments)" : "";
        return "unexpected argument '" + word + "'" + takes;
    }

    private static List<String> optionNames(CommandSpec spec) {
        List<String> names = new ArrayList<>();
        for (OptionSpec o : spec.options()) {
            if (!o.hidden()) {
                names.add(o.longestName());
            }
        }
        return names;
    }

    private static List<String> commandNames(CommandSpec spec) {
        List<String> names = new ArrayList<>();
        spec.subcommands().forEach((name, sub) -> {
            if (!sub.getCommandSpec().usageMessage().hidden()) {
                names.add(name);
            }
        });
        return names;
    }

    /** How a person wrote the option or argument: its longest name, or its label. */
    private static String name(ArgSpec arg) {
        return arg instanceof OptionSpec o ? o.longestName() : arg.paramLabel();
    }

    private static String oneLine(String message) {
        return message == null ? "" : message.replaceAll("\\s*[\\r\\n]+\\s*", " ").strip();
    }
}
