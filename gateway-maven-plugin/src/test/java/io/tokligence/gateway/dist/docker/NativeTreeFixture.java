package io.tokligence.gateway.dist.docker;

import static org.assertj.core.api.Assertions.assertThat;

import io.tokligence.gateway.dist.ProcessRunner;
import io.tokligence.gateway.dist.StagedDirectory;
import java.io.IOException;
import java.io.OutputStream;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.jar.JarEntry;
import java.util.jar.JarOutputStream;
import java.util.stream.Stream;
import javax.tools.ToolProvider;
import org.junit.jupiter.api.Assumptions;

/**
 * Real dist-native trees for the image tests, laid out as the distribution contract says: a jlink runtime of the
 * arch (host jlink; for arm64 over Debian's arm64 jmods), the stand-in app compiled into
 * lib/gateway-app-*.jar, a dependency jar, sh launchers, config, LICENSE, README and the two console bundles.
 */
final class NativeTreeFixture {
    /** Debian's arm64 jmods (in openjdk-17-jdk-headless), fetched once per `mvn clean`; host jlink links them. */
    private static final Path ARM64_PACKAGE = Path.of("target", "arm64-jmods").toAbsolutePath();
    private static final Path ARM64_JMODS = ARM64_PACKAGE.resolve("usr/lib/jvm/java-17-openjdk-arm64/jmods");
    private static final Path RUNTIMES = Path.of("target", "docker-fixture-runtimes").toAbsolutePath();
    private static final ProcessRunner RUNNER = new ProcessRunner(line -> { });

    private NativeTreeFixture() {
    }

    /**
     * Makes sure arm64 jmods are here, skipping the calling test when they cannot be had (no apt, or arm64 not
     * added with {@code dpkg --add-architecture arm64}, which .ci/install-deps.sh does).
     */
    static synchronized void skipUnlessArm64JdkAvailable() {
        if (Files.isRegularFile(ARM64_JMODS.resolve("java.base.jmod"))) {
            return;
        }
        ImageFixtures.skipUnlessApt();
        try {
            Path debs = Files.createDirectories(ARM64_PACKAGE.resolve("debs"));
            ProcessRunner.Result download = RUNNER.run(List.of("apt-get", "download", "-q", "openjdk-17-jdk-headless:arm64"),
                    debs, Map.of());
            Assumptions.assumeTrue(download.succeeded(), "cannot download openjdk-17-jdk-headless:arm64 for arm64 images ("
                    + download.tailAsOneLine() + "): run dpkg --add-architecture arm64 && apt-get update");
            try (Stream<Path> files = Files.list(debs)) {
                for (Path deb : files.toList()) {
                    RUNNER.runChecked("dpkg-deb -x", List.of("dpkg-deb", "-x", deb.toString(), ARM64_PACKAGE.toString()),
                            null, Map.of());
                }
            }
            StagedDirectory.deleteRecursively(debs);
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    /** Writes {@code dist/native/gateway-<target>/} for {@code arch} and returns it. */
    static Path create(Path dist, ImageArch arch) throws IOException {
        Path tree = dist.resolve("native/gateway-" + arch.nativeTarget());
        copyTree(runtime(arch), tree.resolve("runtime"));
        Path lib = Files.createDirectories(tree.resolve("lib"));
        writeAppJar(lib.resolve("gateway-app-0.1.0-SNAPSHOT.jar"));
        writeJar(lib.resolve("sample-dependency-1.0.jar"), Map.of("sample/dependency.txt", "a dependency\n"));
        Path bin = Files.createDirectories(tree.resolve("bin"));
        launcher(bin.resolve("gateway"), "io.tokligence.gateway.cli.GatewayCli");
        launcher(bin.resolve("gatewayd"), "io.tokligence.gateway.daemon.GatewayDaemon");
        Files.createDirectories(tree.resolve("config/dev"));
        Files.writeString(tree.resolve("config/setting.ini"), "environment = dev\n");
        Files.writeString(tree.resolve("config/dev/gateway.ini"), "listen = 127.0.0.1:8081\n");
        Files.writeString(tree.resolve("LICENSE"), "Apache License 2.0\n");
        Files.writeString(tree.resolve("README"), "Tokligence Gateway\n");
        for (String console : List.of("web", "h5")) {
            Files.createDirectories(tree.resolve("frontend/" + console));
            Files.writeString(tree.resolve("frontend/" + console + "/index.html"),
                    "<!doctype html><title>Tokligence Gateway " + console + " console</title>\n");
        }
        return tree;
    }

    /** A jlink image per arch, made once per test run (jlink takes seconds). */
    private static synchronized Path runtime(ImageArch arch) throws IOException {
        Path runtime = RUNTIMES.resolve(arch.ociName());
        if (Files.isRegularFile(runtime.resolve("release"))) {
            return runtime;
        }
        if (arch == ImageArch.ARM64) {
            skipUnlessArm64JdkAvailable();
        }
        Files.createDirectories(RUNTIMES);
        StagedDirectory.deleteRecursively(runtime);
        List<String> jlink = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "jlink").toString(),
                "--add-modules", "java.base,jdk.httpserver", "--no-header-files", "--no-man-pages",
                "--output", runtime.toString()));
        if (arch != ImageArch.host()) {
            jlink.addAll(List.of("--module-path", ARM64_JMODS.toString()));
        }
        RUNNER.runChecked("jlink for " + arch, jlink, null, Map.of());
        return runtime;
    }

    private static void writeAppJar(Path jar) throws IOException {
        Path sources;
        try {
            sources = Path.of(NativeTreeFixture.class.getResource("/docker-fixture").toURI());
        } catch (URISyntaxException e) {
            throw new IOException(e);
        }
        Path classes = Files.createTempDirectory("fixture-classes");
        List<String> arguments = new ArrayList<>(List.of("--release", "17", "-d", classes.toString()));
        try (Stream<Path> files = Files.walk(sources)) {
            files.filter(p -> p.toString().endsWith(".java")).map(Path::toString).forEach(arguments::add);
        }
        int exit = ToolProvider.getSystemJavaCompiler().run(null, null, null, arguments.toArray(String[]::new));
        assertThat(exit).as("javac of the stand-in app").isZero();
        Map<String, byte[]> entries = new java.util.TreeMap<>();
        try (Stream<Path> files = Files.walk(classes)) {
            for (Path file : files.filter(Files::isRegularFile).toList()) {
                entries.put(classes.relativize(file).toString(), Files.readAllBytes(file));
            }
        }
        writeJarBytes(jar, entries);
        StagedDirectory.deleteRecursively(classes);
    }

    private static void writeJar(Path jar, Map<String, String> entries) throws IOException {
        Map<String, byte[]> bytes = new java.util.TreeMap<>();
        entries.forEach((name, text) -> bytes.put(name, text.getBytes(java.nio.charset.StandardCharsets.UTF_8)));
        writeJarBytes(jar, bytes);
    }

    private static void writeJarBytes(Path jar, Map<String, byte[]> entries) throws IOException {
        Map<String, byte[]> all = new java.util.TreeMap<>(entries);
        // Written as a plain entry: JarOutputStream(out, manifest) would stamp it with the current time, and the
        // same jar built twice must be the same bytes, as dist-native's are.
        all.put("META-INF/MANIFEST.MF", "Manifest-Version: 1.0\r\n\r\n".getBytes(java.nio.charset.StandardCharsets.UTF_8));
        try (OutputStream out = Files.newOutputStream(jar); JarOutputStream jarOut = new JarOutputStream(out)) {
            for (var entry : all.entrySet()) {
                JarEntry jarEntry = new JarEntry(entry.getKey());
                jarEntry.setTime(0);
                jarOut.putNextEntry(jarEntry);
                jarOut.write(entry.getValue());
                jarOut.closeEntry();
            }
        }
    }

    private static void launcher(Path file, String mainClass) throws IOException {
        String template;
        try (var in = NativeTreeFixture.class.getResourceAsStream("/docker-fixture/launcher.sh")) {
            template = new String(in.readAllBytes(), java.nio.charset.StandardCharsets.UTF_8);
        }
        Files.writeString(file, template.replace("@MAIN@", mainClass));
        Files.setPosixFilePermissions(file, PosixFilePermissions.fromString("rwxr-xr-x"));
    }

    static void copyTree(Path source, Path target) throws IOException {
        try (Stream<Path> walk = Files.walk(source)) {
            for (Path path : walk.toList()) {
                Path destination = target.resolve(source.relativize(path).toString());
                if (Files.isDirectory(path)) {
                    Files.createDirectories(destination);
                } else {
                    Files.copy(path, destination, java.nio.file.StandardCopyOption.COPY_ATTRIBUTES);
                }
            }
        }
    }
}
