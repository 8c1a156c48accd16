package io.tokligence.gateway.dist.python;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

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
import javax.tools.JavaCompiler;

/**
 * Builds a native tree in dist-native's layout from real parts, once per test run: a jlink image of a
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
        // The tree is kept in target/ between runs; it is rebuilt when it is incomplete or linked from another JDK.
        Path linkedFrom = CACHE.resolve("linked-from");
        String jdk = linkJdk().toString();
        if (!Files.isRegularFile(done.resolve("README")) || !Files.isRegularFile(linkedFrom)
                || !Files.readString(linkedFrom).equals(jdk)) {
            StagedDirectory.deleteRecursively(CACHE);
            build(done);
            Files.writeString(linkedFrom, jdk);
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

    /**
     * A JDK to link the test runtime from: one whose native libraries bundle zlib (Eclipse Temurin), because a
     * runtime linking the system libz.so.1, as Debian's OpenJDK does, cannot carry a true manylinux tag.
     * {@code -Dgateway.test.linkJdk=<jdk home>} picks another.
     */
    static Path linkJdk() throws IOException {
        String configured = System.getProperty("gateway.test.linkJdk");
        if (configured != null && !configured.isBlank()) {
            return Path.of(configured);
        }
        Path jvms = Path.of("/usr/lib/jvm");
        Path found = null;
        if (Files.isDirectory(jvms)) {
            try (var jdks = Files.list(jvms)) {
                found = jdks.filter(jdk -> jdk.getFileName().toString().contains("temurin"))
                        .filter(jdk -> Files.isExecutable(jdk.resolve("bin/jlink"))).sorted().findFirst().orElse(null);
            }
        }
        assumeTrue(found != null, "No Eclipse Temurin JDK under /usr/lib/jvm (or -Dgateway.test.linkJdk): the wheel "
                + "tests link their runtime from a JDK that bundles zlib, as a true manylinux wheel needs");
        return found;
    }

    private static void jlink(Path output) throws IOException {
        Path jlink = linkJdk().resolve("bin/jlink");
        PythonTools.Run linked = PythonTools.run(List.of(jlink.toString(), "--add-modules", "java.base,jdk.httpserver",
                "--strip-debug", "--no-man-pages", "--no-header-files", "--output", output.toString()));
        assertThat(linked.exit()).as("jlink: %s", linked.all()).isZero();
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
