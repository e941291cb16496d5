package dev.callx.cli;

import dev.callx.export.Cleanup;
import java.io.BufferedWriter;
import java.io.FileDescriptor;
import java.io.FileOutputStream;
import java.io.OutputStreamWriter;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;

/** The entry point: real streams, real environment, Ctrl-C cleanup, exit code. */
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
        int code = run(AppContext.system(cleanup).withStdoutFailure(stdout::failure), out, err, args);
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
        return new PrintWriter(new BufferedWriter(new OutputStreamWriter(stdout, StandardCharsets.UTF_8), 1 << 16),
                false);
    }

    static PrintWriter stderrWriter() {
        return new PrintWriter(new OutputStreamWriter(new FileOutputStream(FileDescriptor.err),
                StandardCharsets.UTF_8), true);
    }
}
