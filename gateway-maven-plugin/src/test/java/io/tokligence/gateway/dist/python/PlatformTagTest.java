package io.tokligence.gateway.dist.python;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import io.tokligence.gateway.dist.DistException;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class PlatformTagTest {
    private static final Path JAVA_HOME = Path.of(System.getProperty("java.home"));

    @Test
    void readsTheGlibcVersionsTheHostJvmNeedsAsReadelfDoes() throws Exception {
        assumeTrue(isLinux(), "ELF version-needs are read from the host JDK's libjvm.so, which needs a Linux host");
        Path libjvm = JAVA_HOME.resolve("lib/server/libjvm.so");

        ElfFile elf = ElfFile.read(libjvm).orElseThrow();

        assertThat(elf.machine()).isEqualTo(hostIsX64() ? ElfFile.EM_X86_64 : ElfFile.EM_AARCH64);
        assertThat(elf.neededVersions()).anyMatch(version -> version.startsWith("GLIBC_2."));
        assumeTrue(onPath("readelf"), "readelf (binutils) is not installed: cross-check against it skipped");
        assertThat(elf.neededVersions()).containsExactlyInAnyOrderElementsOf(readelf(libjvm, "--version-info",
                "Version needs section", "Name: (\\S+)\\s+Flags"));
        assertThat(elf.neededLibraries()).containsExactlyInAnyOrderElementsOf(readelf(libjvm, "--dynamic",
                "Dynamic section", "\\(NEEDED\\)\\s+Shared library: \\[(\\S+)\\]"));
    }

    @Test
    void tagsALinuxTreeWithTheHighestGlibcOfAllItsElfFiles(@TempDir Path temp) throws Exception {
        assumeTrue(isLinux(), "needs a Linux JDK's ELF files");
        Path jdk = NativeTreeFixture.linkJdk();
        Path tree = temp.resolve("gateway-linux-x64");
        List<String> binaries = List.of("bin/java", "lib/libjli.so", "lib/server/libjvm.so");
        for (String binary : binaries) {
            Files.createDirectories(tree.resolve("runtime").resolve(binary).getParent());
            Files.copy(jdk.resolve(binary), tree.resolve("runtime").resolve(binary));
        }
        Files.writeString(tree.resolve("README"), "not an ELF file\n");
        String target = hostIsX64() ? "linux-x64" : "linux-aarch64";

        List<ElfFile> elves = new java.util.ArrayList<>();
        for (String binary : binaries) {
            elves.add(ElfFile.read(tree.resolve("runtime").resolve(binary)).orElseThrow());
        }
        int highest = highestGlibcMinor(elves);
        assertThat(highest).isGreaterThanOrEqualTo(17);
        PlatformTag tag = PlatformTag.forTree(target, tree);
        assertThat(tag.value()).isEqualTo("manylinux_2_" + highest + "_" + (hostIsX64() ? "x86_64" : "aarch64"));
        assertThat(tag.warning()).isNull();
    }

    @Test
    void fallsBackToTheLinuxTagWhenABinaryLinksALibraryManylinuxDoesNotPromise(@TempDir Path temp) throws Exception {
        assumeTrue(isLinux(), "needs the host JDK's ELF files");
        Path java = JAVA_HOME.resolve("bin/java");
        assumeTrue(ElfFile.read(java).orElseThrow().neededLibraries().contains("libz.so.1"),
                "the host JDK bundles zlib, so it cannot show a runtime that links the system's");
        Path tree = temp.resolve("gateway-linux-x64");
        Files.createDirectories(tree.resolve("runtime/bin"));
        Files.createDirectories(tree.resolve("runtime/lib"));
        Files.copy(java, tree.resolve("runtime/bin/java"));
        Files.copy(JAVA_HOME.resolve("lib/libjli.so"), tree.resolve("runtime/lib/libjli.so"));
        String arch = hostIsX64() ? "x86_64" : "aarch64";

        PlatformTag tag = PlatformTag.forTree(hostIsX64() ? "linux-x64" : "linux-aarch64", tree);

        assertThat(tag.value()).isEqualTo("linux_" + arch);
        assertThat(tag.warning()).contains(": runtime/bin/java links libz.so.1, which the tree does not bundle and "
                + "manylinux does not promise, so the wheel is tagged linux_" + arch + " (pip installs it, PyPI refuses it)")
                .endsWith("e.g. Eclipse Temurin, which bundles zlib");
    }

    @Test
    void refusesElfFilesOfAnotherMachine(@TempDir Path temp) throws Exception {
        assumeTrue(isLinux() && hostIsX64(), "needs x86-64 ELF files from the host JDK");
        Path tree = temp.resolve("gateway-linux-aarch64");
        Files.createDirectories(tree.resolve("runtime/bin"));
        Files.copy(JAVA_HOME.resolve("bin/java"), tree.resolve("runtime/bin/java"));

        assertThatThrownBy(() -> PlatformTag.forTree("linux-aarch64", tree))
                .isInstanceOf(DistException.class)
                .hasMessageContaining("runtime/bin/java is an ELF file for machine 62, not for linux-aarch64");
    }

    @Test
    void tagsAMacTreeFromLcBuildVersion(@TempDir Path temp) throws Exception {
        Path tree = temp.resolve("gateway-macos-aarch64");
        Files.createDirectories(tree.resolve("runtime/bin"));
        try (InputStream header = getClass().getResourceAsStream("/python/macho/java-macos-arm64.head")) {
            Files.copy(header, tree.resolve("runtime/bin/java"));
        }

        List<MachOFile> slices = MachOFile.read(tree.resolve("runtime/bin/java"));
        assertThat(slices).singleElement().satisfies(slice -> {
            assertThat(slice.cpuType()).isEqualTo(MachOFile.CPU_TYPE_ARM64);
            assertThat(slice.majorVersion()).isEqualTo(11);
            assertThat(slice.minorVersion()).isZero();
        });
        assertThat(PlatformTag.forTree("macos-aarch64", tree).value()).isEqualTo("macosx_11_0_arm64");
        assertThatThrownBy(() -> PlatformTag.forTree("macos-x64", tree))
                .isInstanceOf(DistException.class)
                .hasMessageContaining("contains no Mach-O file for x86_64");
    }

    @Test
    void tagsWindowsAndRefusesUnknownTargets(@TempDir Path temp) {
        assertThat(PlatformTag.forTree("windows-x64", temp).value()).isEqualTo("win_amd64");
        assertThatThrownBy(() -> PlatformTag.forTree("solaris-sparc", temp))
                .isInstanceOf(DistException.class)
                .hasMessageContaining("unknown target 'solaris-sparc': expected one of linux-aarch64, linux-x64");
    }

    @Test
    void treatsNonBinariesAsNeither(@TempDir Path temp) throws IOException {
        Path text = Files.writeString(temp.resolve("gateway"), "#!/bin/sh\n");
        assertThat(ElfFile.read(text)).isEmpty();
        assertThat(MachOFile.read(text)).isEmpty();
    }

    private static int highestGlibcMinor(List<ElfFile> files) {
        Pattern glibc = Pattern.compile("GLIBC_2\\.(\\d+).*");
        return files.stream().flatMap(f -> f.neededVersions().stream()).map(glibc::matcher).filter(Matcher::matches)
                .mapToInt(m -> Integer.parseInt(m.group(1))).max().orElseThrow();
    }


    /** What binutils' readelf prints for {@code option}, from {@code section} on, captured by {@code pattern}. */
    private static List<String> readelf(Path file, String option, String section, String pattern) throws Exception {
        Process readelf = new ProcessBuilder("readelf", option, "--wide", file.toString())
                .redirectErrorStream(true).start();
        String output = new String(readelf.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(readelf.waitFor()).isZero();
        Matcher name = Pattern.compile(pattern).matcher(output.substring(output.indexOf(section)));
        List<String> values = new java.util.ArrayList<>();
        while (name.find()) {
            values.add(name.group(1));
        }
        return values.stream().distinct().toList();
    }

    private static boolean onPath(String tool) {
        return Stream.of(System.getenv("PATH").split(java.io.File.pathSeparator))
                .anyMatch(dir -> Files.isExecutable(Path.of(dir, tool)));
    }

    private static boolean isLinux() {
        return System.getProperty("os.name").toLowerCase(java.util.Locale.ROOT).contains("linux");
    }

    private static boolean hostIsX64() {
        return List.of("amd64", "x86_64").contains(System.getProperty("os.arch"));
    }
}
