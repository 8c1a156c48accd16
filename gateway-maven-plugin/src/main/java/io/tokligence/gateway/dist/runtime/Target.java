package io.tokligence.gateway.dist.runtime;

import io.tokligence.gateway.dist.DistException;
import java.util.List;
import java.util.stream.Collectors;

/**
 * A platform a native distribution is built for, such as {@code linux-x64}: its id names the archive,
 * the tree under {@code dist/native/} and the toolchain keys that select a JDK for it.
 */
public record Target(OperatingSystem os, Architecture arch) {

    /** Every target the plugin can build, in the order they are listed in messages. */
    public static final List<Target> ALL = List.of(
            new Target(OperatingSystem.LINUX, Architecture.X64),
            new Target(OperatingSystem.LINUX, Architecture.AARCH64),
            new Target(OperatingSystem.MACOS, Architecture.X64),
            new Target(OperatingSystem.MACOS, Architecture.AARCH64),
            new Target(OperatingSystem.WINDOWS, Architecture.X64));

    public String id() {
        return os.id() + "-" + arch.id();
    }

    /**
     * Parses a target id.
     *
     * @throws DistException naming the id and listing the valid ones
     */
    public static Target parse(String id) {
        String trimmed = id == null ? "" : id.trim();
        return ALL.stream().filter(t -> t.id().equals(trimmed)).findFirst()
                .orElseThrow(() -> new DistException("Unknown target '" + trimmed + "' in <targets> / -Dgateway.native.targets:"
                        + " use one of " + ALL.stream().map(Target::id).collect(Collectors.joining(", "))));
    }

    /** The platform this JVM runs on. */
    public static Target host() {
        return new Target(OperatingSystem.fromOsName(System.getProperty("os.name")),
                Architecture.fromOsArch(System.getProperty("os.arch")));
    }

    public boolean isWindows() {
        return os == OperatingSystem.WINDOWS;
    }

    /** Where the java launcher sits inside a runtime image for this target. */
    public String javaExecutable() {
        return isWindows() ? "bin/java.exe" : "bin/java";
    }

    /** The archive format users of this platform expect. */
    public String archiveExtension() {
        return isWindows() ? ".zip" : ".tar.gz";
    }

    @Override
    public String toString() {
        return id();
    }
}
