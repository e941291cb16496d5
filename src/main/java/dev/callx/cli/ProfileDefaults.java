package dev.callx.cli;

import java.util.Set;
import java.util.TreeSet;
import picocli.CommandLine.IDefaultValueProvider;
import picocli.CommandLine.Model.ArgSpec;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Model.OptionSpec;

/**
 * Option defaults from the selected profile (issue 9.5): picocli asks for the default of every option
 * the command line did not give, after the command line was read (so --profile is known). The
 * precedence is the command line, then the environment, then the profile, then the built-in default.
 * A config file that cannot be used gives no default here; the command reports it when it runs.
 */
final class ProfileDefaults implements IDefaultValueProvider {
    @Override
    public String defaultValue(ArgSpec arg) {
        if (arg instanceof OptionSpec option && option.command() != null
                && option.command().userObject() instanceof ExportCommand command) {
            return command.profileDefault(option.longestName());
        }
        return null;
    }

    /** The long names (without dashes) of every export command's options: what a profile may set. */
    static Set<String> optionNames(CommandSpec root) {
        Set<String> names = new TreeSet<>();
        for (var sub : root.subcommands().values()) {
            if (sub.getCommand() instanceof ExportCommand) {
                for (OptionSpec o : sub.getCommandSpec().options()) {
                    String name = o.longestName();
                    if (name.startsWith("--") && !o.usageHelp() && !o.versionHelp()) {
                        names.add(name.substring(2));
                    }
                }
            }
        }
        return names;
    }
}
