package io.tokligence.gateway.dist;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;

/**
 * Runs external tools (jlink, jdeps, npm, node, python): the one place that starts a process.
 *
 * <p>Output streams line by line to the given log (so the Maven log shows npm and jlink as they work),
 * and the last lines of the merged output are kept for the error message when the tool fails.
 */
public final class ProcessRunner {
    private static final int TAIL_LINES = 20;

    private final Consumer<String> log;

    /** @param log receives every output line of every process, e.g. the Maven log's info level */
    public ProcessRunner(Consumer<String> log) {
        this.log = log;
    }

    /** What a finished process left behind. */
    public record Result(int exitCode, List<String> command, List<String> outputTail) {
        public boolean succeeded() {
            return exitCode == 0;
        }

        /** The tail of the output as one line, for a one-line error message. */
        public String tailAsOneLine() {
            return String.join(" | ", outputTail).strip();
        }
    }

    /**
     * Runs {@code command} in {@code workDir} with {@code extraEnv} added to this process's environment.
     *
     * @throws DistException naming the executable when it cannot be started at all
     */
    public Result run(List<String> command, Path workDir, Map<String, String> extraEnv) {
        ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(true);
        if (workDir != null) {
            builder.directory(workDir.toFile());
        }
        builder.environment().putAll(extraEnv);
        Process process;
        try {
            process = builder.start();
        } catch (IOException e) {
            throw new DistException("Cannot run " + command.get(0) + ": " + e.getMessage()
                    + " (is it installed, and is the path right?)", e);
        }
        try {
            process.getOutputStream().close();
        } catch (IOException ignored) {
            // A process that closed its stdin already needs nothing from us.
        }
        Deque<String> tail = new ArrayDeque<>();
        drain(process.getInputStream(), tail);
        try {
            int exit = process.waitFor();
            return new Result(exit, List.copyOf(command), List.copyOf(tail));
        } catch (InterruptedException e) {
            process.destroyForcibly();
            Thread.currentThread().interrupt();
            throw new DistException("Interrupted while running " + String.join(" ", command), e);
        }
    }

    /**
     * Runs {@code command} and fails with a one-line {@link DistException} that says {@code what} failed,
     * with the exit code and the tail of its output, when it exits non-zero.
     */
    public Result runChecked(String what, List<String> command, Path workDir, Map<String, String> extraEnv) {
        Result result = run(command, workDir, extraEnv);
        if (!result.succeeded()) {
            throw new DistException(what + " failed (exit " + result.exitCode() + "): " + result.tailAsOneLine());
        }
        return result;
    }

    private void drain(InputStream stream, Deque<String> tail) {
        try (BufferedReader reader = new BufferedReader(new InputStreamReader(stream, StandardCharsets.UTF_8))) {
            String line;
            while ((line = reader.readLine()) != null) {
                log.accept(line);
                if (tail.size() == TAIL_LINES) {
                    tail.removeFirst();
                }
                tail.addLast(line);
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
