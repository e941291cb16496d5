package dev.callx.cli;

import dev.callx.error.CallxException;
import dev.callx.error.ExitCode;
import dev.callx.export.Exporter;
import dev.callx.log.Secrets;
import dev.callx.log.TerminalText;
import java.io.PrintWriter;
import java.io.StringWriter;
import picocli.CommandLine;

/**
 * Builds the command line with callx's error handling: one line on stderr naming the command,
 * masked and escaped (server text in it cannot drive the terminal), exit codes from exception
 * types (SPEC section 7), a stack trace only with -v.
 */
public final class Cli {
    static final int HELP_WIDTH = 80;
    static final int MIN_HELP_WIDTH = 60;
    static final int MAX_HELP_WIDTH = 160;

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
        cl.setDefaultValueProvider(new ProfileDefaults()); // option defaults from --profile / CALLX_PROFILE
        Converters.register(cl);
        cl.setHelpFactory((spec, colors) -> {
            // asked only when a help is printed: the terminal costs native calls
            spec.usageMessage().width(helpWidth(context));
            return new CommandLine.Help(spec, colors);
        });
        MemoryReserve reserve = new MemoryReserve();
        cl.setExecutionStrategy(new MemoryGuard(cl.getExecutionStrategy(), reserve));
        cl.setExecutionExceptionHandler((ex, c, parsed) -> {
            OutOfMemoryError oom = outOfMemoryIn(ex);
            if (oom != null) {
                reserve.free();
                return printOutOfMemory(c.getErr(), prefix(c), oom, verbose(c));
            }
            return handleExecutionException(ex, c, parsed);
        });
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
        boolean verbose = verbose(cl);
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
        err.println(TerminalText.escape(secrets.mask(prefix(cl) + oneLine(message))));
        if (verbose && (!(ex instanceof CallxException) || ex.getCause() != null)) {
            StringWriter trace = new StringWriter();
            ex.printStackTrace(new PrintWriter(trace));
            err.print(TerminalText.escapeLines(secrets.mask(trace.toString())));
        }
        err.flush();
        return exitCode(ex);
    }

    private static int handleParameterException(CommandLine.ParameterException ex, String[] args) {
        CommandLine cl = ex.getCommandLine();
        PrintWriter err = cl.getErr();
        // an argument quoted back may be a URL with a password or a token in it
        Secrets secrets = cl.getCommand() instanceof ExportCommand c ? c.secrets() : new Secrets();
        String origin = cl.getCommand() instanceof ExportCommand c && ex.getArgSpec() != null
                ? c.profileOrigin(ex.getArgSpec(), args) : ""; // a value a profile set
        err.println(TerminalText.escape(secrets.mask(prefix(cl) + UsageErrors.describe(ex) + origin + seeHelp(cl))));
        err.flush();
        return ExitCode.USAGE;
    }

    /**
     * The width help is wrapped to: the terminal it is read on (stdout's, or stderr's when stdout
     * goes to a pager or a pipe from that terminal), else COLUMNS, else 80; always within 60-160.
     */
    static int helpWidth(AppContext context) {
        int width;
        if (context.stdoutIsTerminal()) {
            width = context.terminalWidth();
        } else if (context.stderrIsTerminal()) {
            width = context.stderrWidth();
        } else {
            width = Terminals.columns(context.env(), HELP_WIDTH);
        }
        return Math.max(MIN_HELP_WIDTH, Math.min(MAX_HELP_WIDTH, width));
    }

    private static boolean verbose(CommandLine cl) {
        return cl.getCommand() instanceof ExportCommand c && c.verbose();
    }

    /** The OutOfMemoryError {@code t} is or was caused by, or null. */
    static OutOfMemoryError outOfMemoryIn(Throwable t) {
        for (Throwable c = t; c != null; c = c.getCause() == c ? null : c.getCause()) {
            if (c instanceof OutOfMemoryError oom) {
                return oom;
            }
        }
        return null;
    }

    /**
     * The one line for an OutOfMemoryError (exit 1), with its stack trace only for -v. Called once
     * what can be freed is: the work that failed is unwound and the {@link MemoryReserve} released. The
     * line is printed piece by piece (no string to build), and nothing more is tried should printing
     * fail for want of memory again.
     */
    static int printOutOfMemory(PrintWriter err, String prefix, OutOfMemoryError oom, boolean verbose) {
        try {
            err.print(prefix);
            err.print("out of memory (");
            err.print(oom.getMessage() == null ? "no detail" : TerminalText.escape(oom.getMessage()));
            err.print("); the export is incomplete. Give Java more memory (e.g. JAVA_TOOL_OPTIONS=-Xmx2g) or "
                    + "export less at once (--since/--until)");
            err.println();
            if (verbose) {
                oom.printStackTrace(err);
            }
            err.flush();
        } catch (OutOfMemoryError again) {
            // nothing more can be printed
        }
        return ExitCode.INTERNAL;
    }

    /**
     * Memory set aside at start and let go on an OutOfMemoryError, so the line saying so can be
     * printed even when the heap filled up outside the work that failed.
     */
    static final class MemoryReserve {
        private static final int SIZE = 1 << 20;
        private volatile byte[] reserve = new byte[SIZE];

        void free() {
            reserve = null;
        }
    }

    /**
     * Runs the command; an OutOfMemoryError (which picocli lets through, being an Error) becomes the
     * one line of {@link #printOutOfMemory} and exit 1.
     */
    private static final class MemoryGuard implements CommandLine.IExecutionStrategy {
        private final CommandLine.IExecutionStrategy delegate;
        private final MemoryReserve reserve;

        MemoryGuard(CommandLine.IExecutionStrategy delegate, MemoryReserve reserve) {
            this.delegate = delegate;
            this.reserve = reserve;
        }

        @Override
        public int execute(CommandLine.ParseResult parsed) {
            try {
                return delegate.execute(parsed);
            } catch (OutOfMemoryError oom) {
                reserve.free();
                CommandLine.ParseResult last = parsed;
                while (last.hasSubcommand()) {
                    last = last.subcommand();
                }
                CommandLine cl = last.commandSpec().commandLine();
                return printOutOfMemory(cl.getErr(), prefix(cl), oom, verbose(cl));
            }
        }
    }

    /** What to do after a usage error. */
    private static String seeHelp(CommandLine cl) {
        return " (see '" + cl.getCommandSpec().qualifiedName(" ") + " --help')";
    }

    private static String oneLine(String message) {
        return message == null ? "" : message.replaceAll("\\s*[\\r\\n]+\\s*", " ").strip();
    }
}
