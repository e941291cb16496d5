package dev.callx.cli;

import dev.callx.error.ExitCode;
import dev.callx.export.Cleanup;
import dev.callx.output.Utf8PrintWriter;
import dev.callx.output.Utf8Writer;
import java.io.FileDescriptor;
import java.io.FileOutputStream;
import java.io.OutputStreamWriter;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;

/**
 * The entry point: real streams, real environment, Ctrl-C cleanup, exit code. An OutOfMemoryError
 * anywhere, in any thread, is one line on stderr and exit 1 (see {@link Cli#printOutOfMemory}).
 */
public final class Main {
    private Main() {
    }

    public static void main(String[] args) {
        StdoutStream stdout = new StdoutStream(new FileOutputStream(FileDescriptor.out));
        PrintWriter out = stdoutWriter(stdout);
        PrintWriter err = stderrWriter();
        Cleanup cleanup = new Cleanup();
        Thread hook = new Thread(() -> {
            // Ctrl-C: what was written to stdout is flushed; a --file is not committed.
            out.flush();
            cleanup.runAll();
            err.flush();
        }, "callx-shutdown");
        Runtime.getRuntime().addShutdownHook(hook);
        Cli.MemoryReserve reserve = new Cli.MemoryReserve();
        Thread.setDefaultUncaughtExceptionHandler((thread, e) -> uncaught(thread, e, hook, reserve, err));
        int code;
        try {
            code = run(AppContext.system(cleanup).withStdoutFailure(stdout::failure), out, err, args);
        } catch (OutOfMemoryError oom) {
            // outside a command's run (the commands' own are caught in Cli)
            reserve.free();
            code = Cli.printOutOfMemory(err, "callx: ", oom, false);
        }
        out.flush();
        err.flush();
        System.exit(code);
    }

    /** One run, on the command tree these arguments need; returns its exit code. */
    static int run(AppContext context, PrintWriter out, PrintWriter err, String[] args) {
        int code = Cli.create(context, out, err, args).execute(args);
        out.flush();
        err.flush();
        return code;
    }

    static PrintWriter stdoutWriter(StdoutStream stdout) {
        return new Utf8PrintWriter(new Utf8Writer(stdout, 1 << 16));
    }

    static PrintWriter stderrWriter() {
        return new PrintWriter(new OutputStreamWriter(new FileOutputStream(FileDescriptor.err),
                StandardCharsets.UTF_8), true);
    }

    /**
     * A throwable no code caught, in a thread other than main: an OutOfMemoryError ends the process
     * with its one line and exit 1 (the shutdown hook still removes a --file's temporary file);
     * anything else is reported as Java would.
     */
    private static void uncaught(Thread thread, Throwable e, Thread hook, Cli.MemoryReserve reserve, PrintWriter err) {
        OutOfMemoryError oom = Cli.outOfMemoryIn(e);
        if (oom == null) {
            System.err.print("Exception in thread \"" + thread.getName() + "\" ");
            e.printStackTrace(System.err);
            return;
        }
        reserve.free();
        Cli.printOutOfMemory(err, "callx: ", oom, false);
        if (thread != hook) {
            System.exit(ExitCode.INTERNAL);
        }
    }
}
