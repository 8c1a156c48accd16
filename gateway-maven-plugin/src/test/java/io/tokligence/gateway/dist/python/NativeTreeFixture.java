package io.tokligence.gateway.dist.python;

import static org.assertj.core.api.Assertions.assertThat;

import io.tokligence.gateway.dist.StagedDirectory;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.List;
import java.util.jar.JarEntry;
import java.util.jar.JarOutputStream;
import java.util.spi.ToolProvider;
import javax.tools.JavaCompiler;

/**
 * Builds a native tree in dist-native's layout from real parts, once per test run: a jlink image of the
 * host JDK (so runtime/bin/java and libjvm.so are real ELF files), POSIX launchers in bin/ that run
 * {@code ProbeApp} from lib/probe.jar, config/, LICENSE and README.
 */
final class NativeTreeFixture {
    static final Path MODULE = Path.of("").toAbsolutePath();
    static final Path REPOSITORY = MODULE.getParent();
    static final Path PYTHON_PACKAGE = REPOSITORY.resolve("python-package");
    static final Path LICENSE = REPOSITORY.resolve("LICENSE");
    static final String APP_VERSION = "0.1.0-SNAPSHOT";

    private static final Path CACHE = MODULE.resolve("target/test-native-tree");
    private static Path tree;

    private NativeTreeFixture() {
    }

    /** The host target id, e.g. linux-x64. */
    static String hostTarget() {
        String arch = System.getProperty("os.arch");
        String os = System.getProperty("os.name").toLowerCase(java.util.Locale.ROOT);
        String cpu = arch.equals("amd64") || arch.equals("x86_64") ? "x64" : "aarch64";
        if (os.contains("linux")) {
            return "linux-" + cpu;
        }
        return os.contains("mac") ? "macos-" + cpu : "windows-x64";
    }

    /** Makes {@code dist} a distribution root whose native/ holds the host tree (linked: the tree is read only). */
    static Path distWithHostTree(Path dist) throws IOException {
        Files.createDirectories(dist);
        Files.createSymbolicLink(dist.resolve("native"), hostTree().getParent());
        return dist;
    }

    static synchronized Path hostTree() throws IOException {
        if (tree != null) {
            return tree;
        }
        Path done = CACHE.resolve("gateway-" + hostTarget());
        if (!Files.isRegularFile(done.resolve("README"))) {
            StagedDirectory.deleteRecursively(CACHE);
            build(done);
        }
        tree = done;
        return tree;
    }

    private static void build(Path root) throws IOException {
        Files.createDirectories(root.resolve("bin"));
        Files.createDirectories(root.resolve("lib"));
        jlink(root.resolve("runtime"));
        probeJar(root.resolve("lib/probe.jar"));
        launcher(root.resolve("bin/gateway"), "gateway");
        launcher(root.resolve("bin/gatewayd"), "gatewayd");
        Files.createDirectories(root.resolve("config/dev"));
        Files.copy(REPOSITORY.resolve("config/setting.ini"), root.resolve("config/setting.ini"));
        Files.writeString(root.resolve("config/dev/gateway.ini"), "listen = 127.0.0.1:8081\n");
        Files.copy(LICENSE, root.resolve("LICENSE"));
        Files.writeString(root.resolve("README"), "Tokligence Gateway test tree\n");
    }

    private static void jlink(Path output) {
        ToolProvider jlink = ToolProvider.findFirst("jlink").orElseThrow(
                () -> new IllegalStateException("the test JDK has no jlink"));
        StringWriter out = new StringWriter();
        int exit = jlink.run(new PrintWriter(out), new PrintWriter(out), "--add-modules", "java.base,jdk.httpserver",
                "--strip-debug", "--no-man-pages", "--no-header-files", "--output", output.toString());
        assertThat(exit).as("jlink: %s", out).isZero();
    }

    private static void probeJar(Path jar) throws IOException {
        Path classes = Files.createTempDirectory(CACHE, "probe-classes");
        Path source = classes.resolve("ProbeApp.java");
        try (InputStream in = NativeTreeFixture.class.getResourceAsStream("/python/probe/ProbeApp.java")) {
            Files.copy(in, source);
        }
        JavaCompiler javac = javax.tools.ToolProvider.getSystemJavaCompiler();
        int exit = javac.run(null, null, null, "--release", "17", "-d", classes.toString(), source.toString());
        assertThat(exit).as("javac ProbeApp").isZero();
        try (OutputStream file = Files.newOutputStream(jar); JarOutputStream out = new JarOutputStream(file)) {
            out.putNextEntry(new JarEntry("ProbeApp.class"));
            out.write(Files.readAllBytes(classes.resolve("ProbeApp.class")));
            out.closeEntry();
        }
        StagedDirectory.deleteRecursively(classes);
    }

    private static void launcher(Path script, String command) throws IOException {
        Files.writeString(script, String.join("\n", List.of(
                "#!/bin/sh",
                "GATEWAY_HOME=$(cd \"$(dirname \"$0\")/..\" && pwd -P)",
                "exec \"$GATEWAY_HOME/runtime/bin/java\" -Dgateway.home=\"$GATEWAY_HOME\" -Dgateway.version="
                        + APP_VERSION + " -cp \"$GATEWAY_HOME/lib/*\" ProbeApp " + command + " \"$@\"",
                "")), StandardCharsets.UTF_8);
        Files.setPosixFilePermissions(script, PosixFilePermissions.fromString("rwxr-xr-x"));
    }
}
