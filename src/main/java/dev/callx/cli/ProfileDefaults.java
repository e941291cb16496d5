package dev.callx.cli;

import java.util.Set;
import java.util.TreeSet;
import java.util.function.Supplier;
import picocli.CommandLine.IDefaultValueProvider;
import picocli.CommandLine.Model.ArgSpec;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Model.OptionSpec;

/**
 * Option defaults from the selected profile (issue 9.5): picocli asks for the default of every option
 * the command line did not give, after the command line was read (so --profile is known). The
 * precedence is the command line, then the environment, then the profile, then the built-in default.
 * A config file that cannot be used gives no default here; the command reports it when it runs.
 * The global options (-q, -v, --progress, inherited from the root command) take none: they belong to
 * one run, and CALLX_PROGRESS sets --progress.
 */
final class ProfileDefaults implements IDefaultValueProvider {
    @Override
    public String defaultValue(ArgSpec arg) {
        if (arg instanceof OptionSpec option && !option.inherited() && option.command() != null
                && option.command().userObject() instanceof ExportCommand command) {
            return command.profileDefault(option.longestName());
        }
        return null;
    }

    /**
     * The long names (without dashes) of every export command's own options: what a profile may set.
     * Read from the command classes, whatever part of the tree this run built (only the command run
     * is built, see {@link CallxCommand#commandLine}), so that a key is valid or not the same way for
     * every command.
     */
    static Set<String> optionNames() {
        Set<String> names = new TreeSet<>();
        for (Supplier<Object> sub : CallxCommand.SUBCOMMANDS.values()) {
            Object command = sub.get();
            if (command instanceof ExportCommand) {
                for (OptionSpec o : CommandSpec.forAnnotatedObject(command).options()) {
                    String name = o.longestName();
                    if (name.startsWith("--") && !o.usageHelp() && !o.versionHelp() && !o.inherited()) {
                        names.add(name.substring(2));
                    }
                }
            }
        }
        return names;
    }
}
