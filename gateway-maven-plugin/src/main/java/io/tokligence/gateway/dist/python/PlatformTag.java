package io.tokligence.gateway.dist.python;

import io.tokligence.gateway.dist.DistException;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import java.util.stream.Stream;

/**
 * The wheel platform tag of one native tree, computed from the binaries in it so that installers accept the
 * wheel exactly where it runs.
 *
 * <ul>
 *   <li>linux: {@code manylinux_2_X_<arch>}, X the highest {@code GLIBC_2.X} any ELF file in the tree needs
 *       (as auditwheel reads it); every ELF file must be built for the target's machine. When a binary links a
 *       library that the tree does not bundle and manylinux does not promise (Debian's OpenJDK links the
 *       system's libz.so.1), no manylinux tag is true: the wheel is tagged {@code linux_<arch>}, which pip
 *       installs but PyPI refuses, and {@link #warning()} says why and how to get a manylinux wheel</li>
 *   <li>macOS: {@code macosx_<major>_<minor>_<arch>} from the highest minimum macOS of all Mach-O files; from
 *       macOS 11 on, installers only look for {@code <major>_0}, so an 11.3 minimum is tagged {@code 12_0}
 *       rather than claiming 11.0 wrongly</li>
 *   <li>windows: {@code win_amd64}</li>
 * </ul>
 */
public record PlatformTag(String target, String value, String warning) {

    /** Where no binary names a glibc version at all, the oldest baseline current pip and uv still install. */
    private static final int BASELINE_GLIBC_MINOR = 17;

    /**
     * The system libraries every manylinux platform provides (PEP 600, auditwheel's policy); anything else a
     * bundled binary links must be bundled too, or the tag would promise what a user's machine may lack.
     */
    private static final Set<String> MANYLINUX_SYSTEM_LIBRARIES = Set.of("libc.so.6", "libm.so.6", "libdl.so.2",
            "librt.so.1", "libpthread.so.0", "libutil.so.1", "libnsl.so.1", "libresolv.so.2", "libgcc_s.so.1",
            "libstdc++.so.6", "ld-linux-x86-64.so.2", "ld-linux-aarch64.so.1", "libX11.so.6", "libXext.so.6",
            "libXrender.so.1", "libICE.so.6", "libSM.so.6", "libGL.so.1", "libgobject-2.0.so.0",
            "libgthread-2.0.so.0", "libglib-2.0.so.0");

    private static final Pattern GLIBC_VERSION = Pattern.compile("GLIBC_2\\.(\\d+)(?:\\.\\d+)?");

    private record Arch(String wheelArch, int elfMachine, int machoCpu) {
    }

    private static final Map<String, Arch> TARGETS = Map.of(
            "linux-x64", new Arch("x86_64", ElfFile.EM_X86_64, 0),
            "linux-aarch64", new Arch("aarch64", ElfFile.EM_AARCH64, 0),
            "macos-x64", new Arch("x86_64", 0, MachOFile.CPU_TYPE_X86_64),
            "macos-aarch64", new Arch("arm64", 0, MachOFile.CPU_TYPE_ARM64),
            "windows-x64", new Arch("amd64", 0, 0));

    /** The target ids this class knows, for error messages. */
    public static String knownTargets() {
        return String.join(", ", TARGETS.keySet().stream().sorted().toList());
    }

    /**
     * Computes the tag of the native tree {@code tree} built for {@code target}.
     *
     * @throws DistException when the target is unknown or the tree's binaries do not fit it
     */
    public static PlatformTag forTree(String target, Path tree) {
        Arch arch = TARGETS.get(target);
        if (arch == null) {
            throw new DistException("Native tree " + tree + " has unknown target '" + target
                    + "': expected one of " + knownTargets());
        }
        if (target.startsWith("linux-")) {
            return linuxTag(target, tree, arch);
        }
        if (target.startsWith("macos-")) {
            return new PlatformTag(target, "macosx_" + macosVersion(target, tree, arch) + "_" + arch.wheelArch(), null);
        }
        return new PlatformTag(target, "win_" + arch.wheelArch(), null);
    }

    private static PlatformTag linuxTag(String target, Path tree, Arch arch) {
        int highest = -1;
        String unpromised = null;
        int elfFiles = 0;
        List<Path> files = regularFiles(tree);
        Set<String> bundled = files.stream().map(file -> file.getFileName().toString()).collect(Collectors.toSet());
        for (Path file : files) {
            ElfFile elf = read(file, ElfFile::read).orElse(null);
            if (elf == null) {
                continue;
            }
            elfFiles++;
            if (elf.machine() != arch.elfMachine()) {
                throw new DistException(file + " is an ELF file for machine " + elf.machine() + ", not for " + target
                        + ": rebuild gateway-" + target + " with a JDK for that platform");
            }
            for (String library : elf.neededLibraries()) {
                if (unpromised == null && !bundled.contains(library) && !MANYLINUX_SYSTEM_LIBRARIES.contains(library)) {
                    unpromised = tree.relativize(file) + " links " + library;
                }
            }
            for (String version : elf.neededVersions()) {
                Matcher matcher = GLIBC_VERSION.matcher(version);
                if (matcher.matches()) {
                    highest = Math.max(highest, Integer.parseInt(matcher.group(1)));
                }
            }
        }
        if (elfFiles == 0) {
            throw new DistException("Native tree " + tree + " for " + target
                    + " contains no ELF files: the runtime/ jlink image is missing; run goal dist-native again");
        }
        if (unpromised != null) {
            String tag = "linux_" + arch.wheelArch();
            return new PlatformTag(target, tag, "gateway-" + target + ": " + unpromised + ", which the tree does not"
                    + " bundle and manylinux does not promise, so the wheel is tagged " + tag + " (pip installs it,"
                    + " PyPI refuses it): for a manylinux wheel build the runtime with a JDK whose native libraries"
                    + " bundle it, e.g. Eclipse Temurin, which bundles zlib");
        }
        int glibc = highest < 0 ? BASELINE_GLIBC_MINOR : highest;
        return new PlatformTag(target, "manylinux_2_" + glibc + "_" + arch.wheelArch(), null);
    }

    private static String macosVersion(String target, Path tree, Arch arch) {
        int highest = -1;
        boolean found = false;
        for (Path file : regularFiles(tree)) {
            for (MachOFile slice : read(file, MachOFile::read)) {
                if (slice.cpuType() != arch.machoCpu()) {
                    continue;
                }
                found = true;
                highest = Math.max(highest, slice.minimumMacos());
            }
        }
        if (!found) {
            throw new DistException("Native tree " + tree + " for " + target + " contains no Mach-O file for "
                    + arch.wheelArch() + ": the runtime/ jlink image is missing or built for another platform");
        }
        if (highest < 0) {
            throw new DistException("No Mach-O file in " + tree
                    + " declares a minimum macOS (LC_BUILD_VERSION): build the runtime with a current JDK");
        }
        int major = highest >>> 16;
        int minor = (highest >>> 8) & 0xff;
        if (major >= 11) {
            return (minor == 0 ? major : major + 1) + "_0";
        }
        return major + "_" + minor;
    }

    private interface Reader<T> {
        T read(Path file) throws IOException;
    }

    private static <T> T read(Path file, Reader<T> reader) {
        try {
            return reader.read(file);
        } catch (IOException e) {
            throw new DistException("Cannot read " + file + " to compute the wheel tag: " + e.getMessage()
                    + "; rebuild the native tree with goal dist-native", e);
        }
    }

    private static List<Path> regularFiles(Path tree) {
        try (Stream<Path> files = Files.walk(tree)) {
            return new ArrayList<>(files.filter(Files::isRegularFile).sorted().toList());
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot list " + tree, e);
        }
    }

    @Override
    public String toString() {
        return value;
    }
}
