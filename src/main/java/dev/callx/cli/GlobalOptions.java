package dev.callx.cli;

import dev.callx.log.Log;
import picocli.CommandLine.Option;
import picocli.CommandLine.ScopeType;

/**
 * Options a person may give before or after the command ({@code callx -v vaani} and
 * {@code callx vaani -v}). Each has scope INHERIT: picocli copies it to every subcommand, bound to
 * these same fields, so one more global option is one more field here. {@link Cli} removes the
 * copies from the commands they do not apply to (sandbox, help, completion).
 */
public final class GlobalOptions {
    @Option(names = {"-q", "--quiet"}, scope = ScopeType.INHERIT, description = "Only errors on stderr.")
    boolean quiet;

    @Option(names = {"-v", "--verbose"}, scope = ScopeType.INHERIT,
            description = "More on stderr: each request (secrets masked), paging, duplicates, stack traces.")
    boolean verbose;

    @Option(names = "--progress", scope = ScopeType.INHERIT, paramLabel = "WHEN",
            completionCandidates = Completions.ProgressModes.class,
            description = "The progress line on stderr: auto (when stderr is a terminal and the records go to "
                    + "a file), always or never. Default: CALLX_PROGRESS, else auto.")
    ProgressMode progress;

    Log.Level level() {
        if (quiet && verbose) {
            throw dev.callx.error.CallxException.usage("--quiet and --verbose cannot be used together");
        }
        return quiet ? Log.Level.QUIET : verbose ? Log.Level.VERBOSE : Log.Level.NORMAL;
    }
}
