package dev.callx.cli;

import dev.callx.error.CallxException;
import dev.callx.error.ExitCode;
import dev.callx.export.Exporter;
import dev.callx.log.Secrets;
import java.io.PrintWriter;
import java.io.StringWriter;
import picocli.CommandLine;

/**
 * Builds the command line with callx's error handling: one line on stderr naming the command,
 * exit codes from exception types (SPEC section 7), a stack trace only with -v.
 */
public final class Cli {
    private Cli() {
    }

    /** The whole command tree. */
    public static CommandLine create(AppContext context, PrintWriter out, PrintWriter err) {
        return create(context, out, err, null);
    }

    /** The command tree a run of {@code args} needs (see {@link CallxCommand#commandLine}). */
    public static CommandLine create(AppContext context, PrintWriter out, PrintWriter err, String[] args) {
        CommandLine cl = CallxCommand.commandLine(new CallxCommand(context), args);
        cl.setOut(out);
        cl.setErr(err);
        cl.setCaseInsensitiveEnumValuesAllowed(true);
        cl.setExecutionExceptionHandler(Cli::handleExecutionException);
        cl.setParameterExceptionHandler(Cli::handleParameterException);
        cl.setExitCodeExceptionMapper(Cli::exitCode);
        // every command has -V/--version (mixinStandardHelpOptions): all print callx's version
        cl.getSubcommands().values().forEach(sub -> sub.getCommandSpec()
                .versionProvider(new CallxCommand.Version()));
        return cl;
    }

    static int exitCode(Throwable t) {
        if (t instanceof CallxException e) {
            return e.exitCode();
        }
        if (t instanceof CommandLine.ParameterException) {
            return ExitCode.USAGE;
        }
        return ExitCode.INTERNAL;
    }

    private static String prefix(CommandLine cl) {
        String name = cl.getCommandSpec().qualifiedName(" ");
        return name + ": ";
    }

    private static int handleExecutionException(Exception ex, CommandLine cl, CommandLine.ParseResult parsed) {
        if (ex instanceof Exporter.OutputClosed) {
            return ExitCode.OK;
        }
        if (ex instanceof CommandLine.ParameterException pe) {
            return handleParameterException(pe, new String[0]);
        }
        boolean verbose = cl.getCommand() instanceof ExportCommand c && c.verbose();
        // the run's secrets: a server may echo a key into the message (HTTP 401 "invalid key ...")
        Secrets secrets = cl.getCommand() instanceof ExportCommand c ? c.secrets() : new Secrets();
        PrintWriter err = cl.getErr();
        String message;
        if (ex instanceof CallxException e) {
            message = e.getMessage();
            if (e.exitCode() == ExitCode.USAGE) {
                message = message + seeHelp(cl);
            }
        } else {
            message = "internal error: " + ex + (verbose ? "" : " (run with -v for details; please report it)");
        }
        err.println(secrets.mask(prefix(cl) + oneLine(message)));
        if (verbose && (!(ex instanceof CallxException) || ex.getCause() != null)) {
            StringWriter trace = new StringWriter();
            ex.printStackTrace(new PrintWriter(trace));
            err.print(secrets.mask(trace.toString()));
        }
        err.flush();
        return exitCode(ex);
    }

    private static int handleParameterException(CommandLine.ParameterException ex, String[] args) {
        CommandLine cl = ex.getCommandLine();
        PrintWriter err = cl.getErr();
        String hint = "";
        if (ex instanceof CommandLine.UnmatchedArgumentException u && u.getUnmatched().contains("--sandbox")) {
            hint = "; --sandbox goes before the command: callx --sandbox " + cl.getCommandName() + " ...";
        }
        err.println(prefix(cl) + oneLine(ex.getMessage()) + hint + seeHelp(cl));
        err.flush();
        return ExitCode.USAGE;
    }

    /** What to do after a usage error. */
    private static String seeHelp(CommandLine cl) {
        return " (see '" + cl.getCommandSpec().qualifiedName(" ") + " --help')";
    }

    private static String oneLine(String message) {
        return message == null ? "" : message.replaceAll("\\s*[\\r\\n]+\\s*", " ").strip();
    }
}
