package io.tokligence.gateway.dist.python;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.tokligence.gateway.dist.BuildTimestamp;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.apache.commons.compress.archivers.zip.ZipArchiveEntry;
import org.apache.commons.compress.archivers.zip.ZipFile;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Installs the wheel built from a real native tree the way users do (pip, uv, pipx, a local package index)
 * and runs the commands; the ecosystem's own checkers judge the wheel and the sdist.
 */
class WheelUserJourneyTest {
    @TempDir
    static Path temp;
    private static Path dist;
    private static Path wheel;
    private static Path sdist;
    private static String tag;
    private static Path venvBin;

    @BeforeAll
    static void buildAndPipInstall() throws IOException {
        assumeTrue(System.getProperty("os.name").toLowerCase().contains("linux"),
                "the test tree is a jlink image of the host JDK with POSIX launchers: needs Linux");
        PythonTools.python();
        dist = NativeTreeFixture.distWithHostTree(temp.resolve("dist"));
        PythonDistBuilder.Result result = new PythonDistBuilder(line -> { }, line -> { }).build(new PythonDistSpec(dist,
                NativeTreeFixture.PYTHON_PACKAGE, NativeTreeFixture.LICENSE, NativeTreeFixture.APP_VERSION,
                BuildTimestamp.parse("2026-11-25T00:00:00Z"), null));
        wheel = result.wheels().get(0);
        sdist = result.sdist();
        tag = PlatformTag.forTree(NativeTreeFixture.hostTarget(), NativeTreeFixture.hostTree()).value();
        venvBin = pipInstall(temp.resolve("venv"), wheel.toString(), "--no-index");
    }

    private static Path pipInstall(Path venv, String... args) {
        Path bin = PythonTools.newVenv(venv);
        List<String> command = new java.util.ArrayList<>(List.of(bin.resolve("pip").toString(), "install",
                "--disable-pip-version-check"));
        command.addAll(List.of(args));
        PythonTools.Run installed = PythonTools.run(command);
        assertThat(installed.exit()).as("pip install: %s", installed.all()).isZero();
        return bin;
    }

    private static PythonTools.Run run(Path bin, String command, String... args) {
        List<String> line = new java.util.ArrayList<>(List.of(bin.resolve(command).toString()));
        line.addAll(List.of(args));
        return PythonTools.run(line);
    }

    @Test
    void cliRunsTheBundledGatewayWithArgumentsStdinAndExitCode() {
        PythonTools.Run help = run(venvBin, "tokgateway", "--help");
        assertThat(help.exit()).as(help.all()).isZero();
        assertThat(help.stdout()).startsWith("Usage: gateway").contains("args: --help\n")
                .containsPattern("home: .*/site-packages/tokgateway/bin/" + NativeTreeFixture.hostTarget() + "\n");

        assertThat(run(venvBin, "tokgateway", "--version").stdout()).isEqualTo("gateway 0.1.0-SNAPSHOT\n");
        assertThat(run(venvBin, "python", "-m", "tokgateway", "--version").stdout())
                .isEqualTo("gateway 0.1.0-SNAPSHOT\n");

        String input = "line one\nline two: ünïcode\n";
        PythonTools.Run cat = PythonTools.run(List.of(venvBin.resolve("tokgateway").toString(), "cat"), Map.of(), input);
        assertThat(cat.stdout()).isEqualTo(input);

        assertThat(run(venvBin, "tokgateway", "exit", "42").exit()).isEqualTo(42);
        assertThat(run(venvBin, "tokgateway", "exit", "3").exit()).isEqualTo(3);
    }

    @Test
    void daemonServesHealthAndStopsOnSigterm() throws Exception {
        int port = freePort();
        Process daemon = new ProcessBuilder(venvBin.resolve("tokgatewayd").toString(), "--listen", "127.0.0.1:" + port)
                .redirectErrorStream(true).start();
        try {
            BufferedReader out = new BufferedReader(new InputStreamReader(daemon.getInputStream(), StandardCharsets.UTF_8));
            assertThat(out.readLine()).isEqualTo("gatewayd listening on http://127.0.0.1:" + port);
            // exec, not a child: the console script's own process is now the JVM, so signals reach the gateway.
            assertThat(daemon.info().command()).hasValueSatisfying(command -> assertThat(command).endsWith("/runtime/bin/java"));

            HttpResponse<String> health = HttpClient.newHttpClient().send(
                    HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/health")).build(),
                    HttpResponse.BodyHandlers.ofString());
            assertThat(health.statusCode()).isEqualTo(200);
            assertThat(health.body()).isEqualTo("{\"status\":\"ok\",\"version\":\"0.1.0-SNAPSHOT\"}");

            // kill(1) rather than Process.destroy(), which also closes our end of the daemon's output.
            assertThat(new ProcessBuilder("kill", "-TERM", String.valueOf(daemon.pid())).start().waitFor()).isZero();
            assertThat(daemon.waitFor(30, TimeUnit.SECONDS)).isTrue();
            assertThat(daemon.exitValue()).isZero();
            assertThat(out.readLine()).isEqualTo("gatewayd stopped");
        } finally {
            daemon.destroyForcibly();
        }
    }

    @Test
    void restoresLostExecutableBits(@TempDir Path venv) throws IOException {
        Path bin = pipInstall(venv, "--no-index", wheel.toString());
        Path home = sitePackages(venv).resolve("tokgateway/bin/" + NativeTreeFixture.hostTarget());
        for (Path file : List.of(home.resolve("bin/gateway"), home.resolve("runtime/bin/java"))) {
            Files.setPosixFilePermissions(file, PosixFilePermissions.fromString("rw-r--r--"));
        }

        assertThat(run(bin, "tokgateway", "--version").stdout()).isEqualTo("gateway 0.1.0-SNAPSHOT\n");
        assertThat(home.resolve("bin/gateway")).isExecutable();
        assertThat(home.resolve("runtime/bin/java")).isExecutable();
    }

    @Test
    void namesTheSupportedPlatformsWhenThisOneHasNoBuild(@TempDir Path venv) throws IOException {
        Path bin = pipInstall(venv, "--no-index", wheel.toString());
        Path bundled = sitePackages(venv).resolve("tokgateway/bin");
        Files.move(bundled.resolve(NativeTreeFixture.hostTarget()), bundled.resolve("macos-aarch64"));

        PythonTools.Run result = run(bin, "tokgateway", "--version");
        assertThat(result.exit()).isEqualTo(1);
        assertThat(result.stderr()).startsWith("tokgateway: this installation has no gateway build for Linux ")
                .contains("(target " + NativeTreeFixture.hostTarget() + "); it supports: macos-aarch64.");
    }

    @Test
    void uvToolInstallsTheWheel(@TempDir Path uvHome) {
        Path uv = PythonTools.toolsBin().resolve("uv");
        Map<String, String> env = Map.of("UV_TOOL_DIR", uvHome.resolve("tools").toString(),
                "UV_TOOL_BIN_DIR", uvHome.resolve("bin").toString(), "UV_CACHE_DIR", uvHome.resolve("cache").toString(),
                "UV_PYTHON_DOWNLOADS", "never");
        PythonTools.Run installed = PythonTools.run(List.of(uv.toString(), "tool", "install", "--offline",
                "--python", PythonTools.python(), wheel.toString()), env, null);
        assertThat(installed.exit()).as(installed.all()).isZero();

        assertThat(run(uvHome.resolve("bin"), "tokgateway", "--version").stdout()).isEqualTo("gateway 0.1.0-SNAPSHOT\n");
        assertThat(run(uvHome.resolve("bin"), "tokgateway", "exit", "7").exit()).isEqualTo(7);
    }

    @Test
    void pipxInstallsTheWheel(@TempDir Path pipxHome) {
        assumeTrue(PythonTools.onPath("pipx"), "pipx is not installed on this machine: the pipx variant is skipped");
        Map<String, String> env = Map.of("PIPX_HOME", pipxHome.resolve("home").toString(),
                "PIPX_BIN_DIR", pipxHome.resolve("bin").toString());
        PythonTools.Run installed = PythonTools.run(List.of("pipx", "install", "--pip-args=--no-index", wheel.toString()),
                env, null);
        assertThat(installed.exit()).as(installed.all()).isZero();
        assertThat(run(pipxHome.resolve("bin"), "tokgateway", "--version").stdout()).isEqualTo("gateway 0.1.0-SNAPSHOT\n");
    }

    @Test
    void twineCheckWheelContentsAndAuditwheelAccept() throws IOException {
        Path tools = PythonTools.toolsBin();
        PythonTools.Run twine = PythonTools.run(List.of(tools.resolve("twine").toString(), "--no-color", "check", "--strict",
                wheel.toString(), sdist.toString()));
        assertThat(twine.exit()).as(twine.all()).isZero();
        // twine wraps long lines to the terminal width.
        assertThat(twine.stdout().replaceAll("\\s+", "")).contains(wheel.getFileName() + ":PASSED")
                .contains(sdist.getFileName() + ":PASSED").doesNotContain("WARNING").doesNotContain("FAILED");

        PythonTools.Run contents = PythonTools.run(List.of(tools.resolve("check-wheel-contents").toString(),
                "--config", NativeTreeFixture.PYTHON_PACKAGE.resolve("pyproject.toml").toString(), wheel.toString()));
        assertThat(contents.exit()).as(contents.all()).isZero();
        assertThat(contents.stdout()).contains(": OK");

        PythonTools.Run audit = PythonTools.run(List.of(tools.resolve("auditwheel").toString(), "show", "--json",
                wheel.toString()));
        assertThat(audit.exit()).as(audit.all()).isZero();
        JsonNode report = new ObjectMapper().readTree(audit.stdout());
        // auditwheel derives the same manylinux tag from the glibc symbol versions of every ELF file ...
        assertThat(report.path("sym_tag").asText()).isEqualTo(tag);
        // ... and names as "external" only libjvm.so: libjava.so & co. link it by soname, but the JVM launcher has
        // already loaded it by path (dlopen), which auditwheel's static lddtree cannot see. It is in the wheel,
        // so no system library beyond the manylinux set is needed; that caveat alone turns its overall verdict.
        List<String> external = new java.util.ArrayList<>();
        report.path("external_libs").fieldNames().forEachRemaining(external::add);
        assertThat(external).containsExactly("libjvm.so");
        assertThat(report.path("external_libs").path("libjvm.so").isNull()).as("libjvm.so unresolved, not a system lib")
                .isTrue();
        assertThat(wheelEntries()).anyMatch(name -> name.endsWith("/runtime/lib/server/libjvm.so"));
        assertThat(report.path("overall_tag").asText()).isIn(tag, "linux_" + tag.replaceFirst("^manylinux_\\d+_\\d+_", ""));
    }

    private static List<String> wheelEntries() throws IOException {
        try (ZipFile zip = ZipFile.builder().setPath(wheel).get()) {
            return java.util.Collections.list(zip.getEntries()).stream().map(ZipArchiveEntry::getName).toList();
        }
    }

    @Test
    void sdistInstallStopsWithThePlatformWheelMessageOffline(@TempDir Path venv) {
        Path bin = PythonTools.newVenv(venv);
        PythonTools.Run installed = PythonTools.run(List.of(bin.resolve("pip").toString(), "install",
                "--disable-pip-version-check", "--no-index", sdist.toString()));
        assertThat(installed.exit()).isNotZero();
        assertThat(installed.all()).contains("error: tokgateway cannot be built from source: it is published as "
                + "platform wheels that bundle the gateway and its Java runtime.");
        assertThat(bin.resolve("tokgateway")).doesNotExist();
    }

    @Test
    void installsFromALocalPackageIndexLikeTheReleaseSmokeTest(@TempDir Path venv) throws Exception {
        int port = freePort();
        Process server = new ProcessBuilder(PythonTools.toolsBin().resolve("pypi-server").toString(), "run",
                "-i", "127.0.0.1", "-p", String.valueOf(port), "--disable-fallback",
                dist.resolve("python/wheels").toString(), dist.resolve("python/sdist").toString())
                .redirectErrorStream(true).redirectOutput(temp.resolve("pypiserver.log").toFile()).start();
        try {
            awaitPort(port, server);
            Path bin = pipInstall(venv, "--index-url", "http://127.0.0.1:" + port + "/simple", "tokgateway");

            PythonTools.Run help = run(bin, "tokgateway", "init", "--help");
            assertThat(help.exit()).as(help.all()).isZero();
            assertThat(help.stdout()).contains("args: init --help\n");
        } finally {
            server.destroy();
            server.waitFor(10, TimeUnit.SECONDS);
        }
    }

    private static Path sitePackages(Path venv) throws IOException {
        try (var dirs = Files.list(venv.resolve("lib"))) {
            return dirs.filter(dir -> dir.getFileName().toString().startsWith("python")).findFirst().orElseThrow()
                    .resolve("site-packages");
        }
    }

    private static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }

    private static void awaitPort(int port, Process server) throws Exception {
        long deadline = System.nanoTime() + Duration.ofSeconds(60).toNanos();
        while (System.nanoTime() < deadline) {
            assertThat(server.isAlive()).as("pypi-server exited: %s",
                    Files.readString(temp.resolve("pypiserver.log"))).isTrue();
            try (Socket socket = new Socket("127.0.0.1", port)) {
                return;
            } catch (IOException notYet) {
                Thread.sleep(200);
            }
        }
        throw new AssertionError("pypi-server did not listen on " + port);
    }
}
