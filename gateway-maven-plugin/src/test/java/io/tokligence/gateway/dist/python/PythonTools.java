package io.tokligence.gateway.dist.python;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.File;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

/**
 * The Python side of the user-journey tests: the host's python with pip and venv (tests are skipped, with
 * that reason, only when they are missing), fresh venvs, and one tools venv with the ecosystem's checkers
 * (twine, check-wheel-contents, auditwheel, uv, pypiserver) kept in the user cache dir, where
 * .ci/install-deps.sh also creates it.
 */
final class PythonTools {
    /** The pinned tools, from the requirements file .ci/install-deps.sh installs too. */
    static final Path REQUIREMENTS = NativeTreeFixture.MODULE.resolve("src/test/resources/python/tools-requirements.txt");

    private static String python;
    private static Path toolsVenv;

    private PythonTools() {
    }

    /** What a command left behind. */
    record Run(int exit, String stdout, String stderr) {
        String all() {
            return stdout + stderr;
        }
    }

    /** The host python that has pip and venv; aborts the calling test when there is none. */
    static synchronized String python() {
        if (python == null) {
            for (String candidate : List.of("python3", "python")) {
                if (onPath(candidate) && run(List.of(candidate, "-m", "pip", "--version")).exit() == 0
                        && run(List.of(candidate, "-m", "venv", "--help")).exit() == 0) {
                    python = candidate;
                    break;
                }
            }
        }
        assumeTrue(python != null, "No python3 with pip and venv on PATH: the pip/uv user-journey tests need them");
        return python;
    }

    /** A new virtual environment at {@code dir}; returns its bin/ directory. */
    static Path newVenv(Path dir) {
        Run created = run(List.of(python(), "-m", "venv", dir.toString()));
        assertThat(created.exit()).as("python -m venv: %s", created.all()).isZero();
        return dir.resolve("bin");
    }

    /** bin/ of the venv holding twine, check-wheel-contents, auditwheel, uv and pypiserver, made on first use. */
    static synchronized Path toolsBin() {
        if (toolsVenv == null) {
            String cache = System.getenv().getOrDefault("XDG_CACHE_HOME", System.getProperty("user.home") + "/.cache");
            Path venv = Path.of(cache, "gateway-python-tools", "venv");
            Path bin = venv.resolve("bin");
            if (!Files.isExecutable(bin.resolve("pypi-server")) || !Files.isExecutable(bin.resolve("uv"))) {
                newVenv(venv);
            }
            Run installed = run(List.of(bin.resolve("pip").toString(), "install", "-q", "--disable-pip-version-check",
                    "-r", REQUIREMENTS.toString()));
            assertThat(installed.exit()).as("installing %s from PyPI: %s", REQUIREMENTS, installed.all()).isZero();
            toolsVenv = venv;
        }
        return toolsVenv.resolve("bin");
    }

    static Run run(List<String> command) {
        return run(command, Map.of(), null);
    }

    /** Runs {@code command} to completion (at most 5 minutes) with {@code env} added and {@code stdin} fed in. */
    static Run run(List<String> command, Map<String, String> env, String stdin) {
        ProcessBuilder builder = new ProcessBuilder(command);
        builder.environment().putAll(env);
        try {
            Process process = builder.start();
            CompletableFuture<String> out = drain(process.getInputStream());
            CompletableFuture<String> err = drain(process.getErrorStream());
            try (OutputStream in = process.getOutputStream()) {
                if (stdin != null) {
                    in.write(stdin.getBytes(StandardCharsets.UTF_8));
                }
            }
            if (!process.waitFor(5, TimeUnit.MINUTES)) {
                process.destroyForcibly();
                throw new AssertionError("Timed out: " + command);
            }
            return new Run(process.exitValue(), out.join(), err.join());
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot run " + command, e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new AssertionError("Interrupted: " + command, e);
        }
    }

    static CompletableFuture<String> drain(InputStream stream) {
        return CompletableFuture.supplyAsync(() -> {
            try (stream) {
                return new String(stream.readAllBytes(), StandardCharsets.UTF_8);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        });
    }

    static boolean onPath(String tool) {
        return List.of(System.getenv().getOrDefault("PATH", "").split(File.pathSeparator)).stream()
                .anyMatch(dir -> !dir.isEmpty() && Files.isExecutable(Path.of(dir, tool)));
    }
}
