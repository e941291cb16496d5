package dev.callx.cli;

import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

@Command(name = "completion", mixinStandardHelpOptions = true,
        description = {"Print the shell completion script for bash, zsh or fish.",
                "The same scripts are in the completions folder of callx's source."},
        footerHeading = "%nExamples:%n",
        footer = {"  source <(callx completion bash)",
                "  callx completion zsh > ~/.zfunc/_callx",
                "  callx completion fish > ~/.config/fish/completions/callx.fish"})
final class CompletionCommand implements Callable<Integer> {
    @Spec
    CommandSpec spec;

    @Parameters(index = "0", arity = "0..1", paramLabel = "SHELL", defaultValue = "bash",
            completionCandidates = Shells.class, description = "bash, zsh or fish (default: ${DEFAULT-VALUE}).")
    CompletionScripts.Shell shell;

    @Override
    public Integer call() {
        spec.commandLine().getOut().print(CompletionScripts.script(shell));
        spec.commandLine().getOut().flush();
        return 0;
    }

    /** The shells, for completion. */
    static final class Shells implements Iterable<String> {
        @Override
        public java.util.Iterator<String> iterator() {
            return java.util.List.of("bash", "zsh", "fish").iterator();
        }
    }
}
