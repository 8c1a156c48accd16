package io.tokligence.gateway.dist.runtime;

import io.tokligence.gateway.dist.DistException;
import io.tokligence.gateway.dist.FileTrees;
import io.tokligence.gateway.dist.StagedDirectory;
import io.tokligence.gateway.dist.archive.ArchiveEntries;
import io.tokligence.gateway.dist.archive.ArchiveEntry;
import io.tokligence.gateway.dist.archive.TarGzWriter;
import io.tokligence.gateway.dist.archive.ZipWriter;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.List;
import java.util.SortedSet;
import java.util.stream.Stream;

/** Writes one target's tree ({@code gateway-<target>/}) and its archive into the staged {@code dist/native/}. */
final class TargetDistributionWriter {

    static final String DAEMON_LAUNCHER = "gatewayd";

    private final NativeDistributionSpec spec;
    private final Jlink jlink;
    private final JavaHome linkingJdk;
    private final Target host;
    private final SortedSet<String> modules;

    TargetDistributionWriter(NativeDistributionSpec spec, Jlink jlink, JavaHome linkingJdk, Target host,
            SortedSet<String> modules) {
        this.spec = spec;
        this.jlink = jlink;
        this.linkingJdk = linkingJdk;
        this.host = host;
        this.modules = modules;
    }

    /**
     * Which files are executables, by their path in the tree: what users run, and what the JVM itself execs.
     * A rule on paths, not the build machine's mode bits, so every machine writes the same archive.
     */
    static boolean isExecutable(String relativePath) {
        return relativePath.startsWith("bin/") || relativePath.startsWith("runtime/bin/")
                || relativePath.equals("runtime/lib/jspawnhelper") || relativePath.equals("runtime/lib/jexec");
    }

    /** Returns the archive written. */
    Path write(Target target, RuntimeSource source, Path nativeDirectory) {
        Path tree = nativeDirectory.resolve("gateway-" + target.id());
        writeRuntime(target, source, tree.resolve("runtime"));
        verifyRuntime(target, source, tree.resolve("runtime"));
        writeLibraries(target, tree.resolve("lib"));
        writeLaunchers(target, tree.resolve("bin"));
        FileTrees.copy(spec.configDirectory(), tree.resolve("config"));
        if (spec.frontendDirectory() != null && Files.isDirectory(spec.frontendDirectory())) {
            FileTrees.copy(spec.frontendDirectory(), tree.resolve("frontend"));
        }
        boolean daemon = spec.launchers().stream().anyMatch(l -> l.name().equals(DAEMON_LAUNCHER));
        try {
            if (target.os() == OperatingSystem.LINUX && daemon) {
                Files.createDirectories(tree.resolve("systemd"));
                Files.writeString(tree.resolve("systemd/" + DAEMON_LAUNCHER + ".service"),
                        SystemdUnit.text(DAEMON_LAUNCHER), StandardCharsets.UTF_8);
            }
            Files.copy(spec.licenseFile(), tree.resolve("LICENSE"), StandardCopyOption.REPLACE_EXISTING);
            Files.writeString(tree.resolve("README"), readme(target, daemon), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot write " + tree, e);
        }
        FileTrees.normalizeModes(tree, TargetDistributionWriter::isExecutable);

        String root = "gateway-" + spec.version() + "-" + target.id();
        Path archive = nativeDirectory.resolve(root + target.archiveExtension());
        List<ArchiveEntry> entries = ArchiveEntries.fromTree(tree, root + "/", TargetDistributionWriter::isExecutable);
        if (target.isWindows()) {
            ZipWriter.write(archive, entries, spec.timestamp());
        } else {
            TarGzWriter.write(archive, entries, spec.timestamp());
        }
        return archive;
    }

    private void writeRuntime(Target target, RuntimeSource source, Path runtime) {
        if (source instanceof RuntimeSource.Archive) {
            Path unpacked = spec.workDirectory().resolve(target.id());
            StagedDirectory.deleteRecursively(unpacked);
            JavaHome home = JavaHome.open(RuntimeArchiveExtractor.extract(source.path(), unpacked, source.origin()),
                    source.origin());
            if (home.hasJmods()) {
                link(target, home, source, runtime);
            } else {
                copyImage(home, source, runtime);
            }
        } else if (source instanceof RuntimeSource.Image) {
            copyImage(JavaHome.open(source.path(), source.origin()), source, runtime);
        } else {
            link(target, JavaHome.open(source.path(), source.origin()), source, runtime);
        }
    }

    private void link(Target target, JavaHome jdk, RuntimeSource source, Path runtime) {
        if (!jdk.hasJmods()) {
            throw new DistException("Target " + target.id() + ": " + source.origin() + " " + jdk.path()
                    + " has no jmods/ to link from: give a full JDK (e.g. openjdk-17-jdk-headless, or a Temurin JDK archive)"
                    + " or a finished runtime via <runtimeImage>");
        }
        jlink.link(linkingJdk, host, jdk, modules, runtime, target, spec.jlinkCompression());
    }

    private static void copyImage(JavaHome image, RuntimeSource source, Path runtime) {
        if (!image.isRuntimeImage()) {
            throw new DistException(source.origin() + " " + image.path() + " is not a runtime image (no lib/modules):"
                    + " give the directory a jlink --output produced");
        }
        FileTrees.copy(image.path(), runtime);
    }

    private static void verifyRuntime(Target target, RuntimeSource source, Path runtime) {
        Path java = runtime.resolve(target.javaExecutable());
        String from = source.origin() + " " + source.path();
        if (!Files.isRegularFile(java)) {
            throw new DistException("Target " + target.id() + ": the runtime from " + from + " has no "
                    + target.javaExecutable() + ", so it is not a " + target.os().id() + " runtime: give one built for "
                    + target.id());
        }
        ExecutableHeader header = ExecutableHeader.read(java);
        if (!header.matches(target)) {
            throw new DistException("Target " + target.id() + ": runtime/" + target.javaExecutable() + " linked from "
                    + from + " is " + header.describe() + ", not " + target.id() + ": give a JDK built for " + target.id()
                    + " (jlink falls back to the host's modules when the module path has none for the target,"
                    + " adoptium-support#1271)");
        }
    }

    private void writeLibraries(Target target, Path lib) {
        try {
            Files.createDirectories(lib);
            for (Path jar : applicationJars()) {
                Path copy = lib.resolve(jar.getFileName().toString());
                if (Files.exists(copy)) {
                    throw new DistException("Two runtime jars are both named " + jar.getFileName() + " (" + jar
                            + "): they would overwrite each other in lib/; exclude one of them");
                }
                if (spec.pruneForeignNativeLibraries() && NativeLibraryPruner.applies(jar)) {
                    NativeLibraryPruner.copyFor(jar, copy, target);
                } else {
                    Files.copy(jar, copy);
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot write " + lib, e);
        }
    }

    private List<Path> applicationJars() {
        return Stream.concat(Stream.of(spec.applicationJar()), spec.dependencyJars().stream()).toList();
    }

    private void writeLaunchers(Target target, Path bin) {
        try {
            Files.createDirectories(bin);
            for (Launcher launcher : spec.launchers()) {
                if (target.isWindows()) {
                    Files.writeString(bin.resolve(launcher.name() + ".cmd"), launcher.windowsScript(), StandardCharsets.UTF_8);
                } else {
                    Files.writeString(bin.resolve(launcher.name()), launcher.posixScript(), StandardCharsets.UTF_8);
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot write " + bin, e);
        }
    }

    private String readme(Target target, boolean daemon) {
        String ext = target.isWindows() ? ".cmd" : "";
        String first = spec.launchers().get(0).name();
        return "Tokligence Gateway " + spec.version() + " for " + target.id() + ", with its own Java runtime (nothing else to install).\n"
                + "Run: bin/" + first + ext + " --help" + (daemon ? "; start the API with bin/" + DAEMON_LAUNCHER + ext
                        + " (http://127.0.0.1:8081, /health)" : "") + ".\n"
                + "Configure: config/setting.ini and config/<env>/gateway.ini (or --config-dir)"
                + (target.os() == OperatingSystem.LINUX && daemon ? "; as a service: systemd/" + DAEMON_LAUNCHER + ".service" : "")
                + ".\n";
    }
}
