package io.tokligence.gateway.dist.python;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import io.tokligence.gateway.dist.BuildTimestamp;
import io.tokligence.gateway.dist.DistException;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.apache.commons.compress.archivers.tar.TarArchiveEntry;
import org.apache.commons.compress.archivers.tar.TarArchiveInputStream;
import org.apache.commons.compress.archivers.zip.ZipArchiveEntry;
import org.apache.commons.compress.archivers.zip.ZipFile;
import org.apache.commons.compress.compressors.gzip.GzipCompressorInputStream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class PythonDistBuilderTest {
    private static final BuildTimestamp TIMESTAMP = BuildTimestamp.parse("2026-11-25T10:20:30Z");

    @TempDir
    static Path temp;
    private static PythonDistBuilder.Result result;
    private static Path dist;
    private static final List<String> WARNINGS = new ArrayList<>();

    @BeforeAll
    static void buildFromTheHostTree() throws Exception {
        assumeTrue(System.getProperty("os.name").toLowerCase().contains("linux"),
                "the test tree is a jlink image of the host JDK with POSIX launchers: needs Linux");
        dist = NativeTreeFixture.distWithHostTree(temp.resolve("dist"));
        result = new PythonDistBuilder(line -> { }, WARNINGS::add).build(spec(dist, "0.1.0-SNAPSHOT"));
    }

    static PythonDistSpec spec(Path dist, String version) {
        return new PythonDistSpec(dist, NativeTreeFixture.PYTHON_PACKAGE, NativeTreeFixture.LICENSE, version,
                TIMESTAMP, null);
    }

    @Test
    void writesOneWheelPerTreeNamedByVersionAndComputedTag() throws IOException {
        String tag = PlatformTag.forTree(NativeTreeFixture.hostTarget(), NativeTreeFixture.hostTree()).value();
        assertThat(tag).startsWith("manylinux_2_");
        assertThat(WARNINGS).isEmpty();
        assertThat(result.wheels()).containsExactly(
                dist.resolve("python/wheels/tokgateway-0.1.0.dev0-py3-none-" + tag + ".whl"));
        assertThat(result.sdist()).isEqualTo(dist.resolve("python/sdist/tokgateway-0.1.0.dev0.tar.gz"));
        assertThat(result.sdist()).isRegularFile();
        try (ZipFile wheel = ZipFile.builder().setPath(result.wheels().get(0)).get()) {
            assertThat(text(wheel, "tokgateway-0.1.0.dev0.dist-info/WHEEL")).isEqualTo("Wheel-Version: 1.0\n"
                    + "Generator: gateway-maven-plugin\nRoot-Is-Purelib: false\nTag: py3-none-" + tag + "\n");
        }
    }

    @Test
    void wheelEntriesAreSortedStampedAndKeepExecutableModes() throws IOException {
        try (ZipFile wheel = ZipFile.builder().setPath(result.wheels().get(0)).get()) {
            List<ZipArchiveEntry> entries = Collections.list(wheel.getEntriesInPhysicalOrder());
            List<String> names = entries.stream().map(ZipArchiveEntry::getName).toList();
            int firstDistInfo = names.indexOf("tokgateway-0.1.0.dev0.dist-info/METADATA");
            assertThat(names.subList(0, firstDistInfo)).isSorted();
            assertThat(names.subList(firstDistInfo, names.size() - 1)).isSorted()
                    .allMatch(name -> name.startsWith("tokgateway-0.1.0.dev0.dist-info/"));
            assertThat(names.get(names.size() - 1)).isEqualTo("tokgateway-0.1.0.dev0.dist-info/RECORD");
            String bin = "tokgateway/bin/" + NativeTreeFixture.hostTarget() + "/";
            assertThat(names).contains("tokgateway/__init__.py", "tokgateway/__main__.py", "tokgateway/_runner.py",
                    bin + "bin/gateway", bin + "bin/gatewayd", bin + "runtime/bin/java",
                    bin + "runtime/lib/server/libjvm.so", bin + "lib/probe.jar", bin + "config/setting.ini",
                    "tokgateway-0.1.0.dev0.dist-info/licenses/LICENSE", "tokgateway-0.1.0.dev0.dist-info/entry_points.txt");
            Map<String, Integer> modes = new LinkedHashMap<>();
            entries.forEach(entry -> modes.put(entry.getName(), entry.getUnixMode()));
            assertThat(modes.get(bin + "bin/gateway")).isEqualTo(0100755);
            assertThat(modes.get(bin + "runtime/bin/java")).isEqualTo(0100755);
            assertThat(modes.get(bin + "config/setting.ini")).isEqualTo(0100644);
            assertThat(modes.get("tokgateway/_runner.py")).isEqualTo(0100644);
            // The DOS date-time fields hold the timestamp's UTC wall clock, whatever the build machine's zone.
            assertThat(entries).allSatisfy(entry -> assertThat(java.time.LocalDateTime.ofInstant(
                    Instant.ofEpochMilli(entry.getTime()), java.time.ZoneId.systemDefault()))
                    .isEqualTo(java.time.LocalDateTime.of(2026, 11, 25, 10, 20, 30)));
            assertThat(names).noneMatch(name -> name.contains("__pycache__") || name.endsWith("/"));
        }
    }

    @Test
    void recordListsEveryFileWithItsSha256AndSize() throws Exception {
        try (ZipFile wheel = ZipFile.builder().setPath(result.wheels().get(0)).get()) {
            List<String> rows = text(wheel, "tokgateway-0.1.0.dev0.dist-info/RECORD").lines().toList();
            List<String> expected = new ArrayList<>();
            for (ZipArchiveEntry entry : Collections.list(wheel.getEntriesInPhysicalOrder())) {
                if (entry.getName().endsWith("/RECORD")) {
                    expected.add(entry.getName() + ",,");
                    continue;
                }
                byte[] bytes;
                try (InputStream in = wheel.getInputStream(entry)) {
                    bytes = in.readAllBytes();
                }
                expected.add(entry.getName() + ",sha256=" + Base64.getUrlEncoder().withoutPadding()
                        .encodeToString(MessageDigest.getInstance("SHA-256").digest(bytes)) + "," + bytes.length);
            }
            assertThat(rows).containsExactlyElementsOf(expected);
        }
    }

    @Test
    void metadataIsCoreMetadata24FromPyprojectAndReadme() throws IOException {
        try (ZipFile wheel = ZipFile.builder().setPath(result.wheels().get(0)).get()) {
            String metadata = text(wheel, "tokgateway-0.1.0.dev0.dist-info/METADATA");
            assertThat(metadata).startsWith("Metadata-Version: 2.4\nName: tokgateway\nVersion: 0.1.0.dev0\nSummary: ")
                    .contains("\nLicense-Expression: Apache-2.0\n", "\nLicense-File: LICENSE\n",
                            "\nRequires-Python: >=3.8\n",
                            "\nProject-URL: Homepage, https://github.com/tokligence/gateway-java\n",
                            "\nDescription-Content-Type: text/markdown; charset=UTF-8; variant=GFM\n\n")
                    .endsWith("\n\n" + Files.readString(NativeTreeFixture.PYTHON_PACKAGE.resolve("README.md")))
                    .doesNotContain("License ::");
            assertThat(text(wheel, "tokgateway-0.1.0.dev0.dist-info/entry_points.txt")).isEqualTo("[console_scripts]\n"
                    + "tokgateway = tokgateway._runner:main_cli\ntokgatewayd = tokgateway._runner:main_daemon\n");
        }
    }

    @Test
    void rebuildsAreByteIdentical(@TempDir Path again) throws IOException {
        Path secondDist = NativeTreeFixture.distWithHostTree(again.resolve("dist"));
        PythonDistBuilder.Result second = new PythonDistBuilder(line -> { }, line -> { }).build(spec(secondDist, "0.1.0-SNAPSHOT"));

        assertThat(Files.mismatch(result.wheels().get(0), second.wheels().get(0))).isEqualTo(-1);
        assertThat(Files.mismatch(result.sdist(), second.sdist())).isEqualTo(-1);
    }

    @Test
    void sdistHoldsMetadataAndSourcesButNoBinaries() throws IOException {
        Map<String, TarArchiveEntry> entries = new LinkedHashMap<>();
        String pkgInfo = null;
        try (TarArchiveInputStream tar = new TarArchiveInputStream(
                new GzipCompressorInputStream(Files.newInputStream(result.sdist())))) {
            TarArchiveEntry entry;
            while ((entry = tar.getNextEntry()) != null) {
                entries.put(entry.getName(), entry);
                if (entry.getName().endsWith("/PKG-INFO")) {
                    pkgInfo = new String(tar.readAllBytes(), StandardCharsets.UTF_8);
                }
            }
        }
        String root = "tokgateway-0.1.0.dev0/";
        assertThat(List.copyOf(entries.keySet())).isSorted().containsExactlyInAnyOrder(root + "LICENSE", root + "PKG-INFO",
                root + "README.md", root + "_build_backend/tokgateway_build.py", root + "pyproject.toml",
                root + "src/tokgateway/__init__.py", root + "src/tokgateway/__main__.py",
                root + "src/tokgateway/_runner.py");
        assertThat(entries.values()).allSatisfy(entry -> {
            assertThat(entry.getMode()).isEqualTo(0100644);
            assertThat(entry.getLongUserId()).isZero();
            assertThat(entry.getUserName()).isEmpty();
            assertThat(entry.getModTime().toInstant()).isEqualTo(Instant.parse("2026-11-25T10:20:30Z"));
        });
        assertThat(pkgInfo).startsWith("Metadata-Version: 2.4\nName: tokgateway\nVersion: 0.1.0.dev0\n");
    }

    @Test
    void shipsTheSbomUnderDistInfoWhenTheBuildMadeOne(@TempDir Path other) throws IOException {
        Path otherDist = NativeTreeFixture.distWithHostTree(other.resolve("dist"));
        Path sbom = Files.writeString(other.resolve("bom.json"), "{\"bomFormat\":\"CycloneDX\",\"specVersion\":\"1.6\"}\n");
        PythonDistSpec withSbom = new PythonDistSpec(otherDist, NativeTreeFixture.PYTHON_PACKAGE, NativeTreeFixture.LICENSE,
                "0.1.0-SNAPSHOT", TIMESTAMP, sbom);

        Path wheelFile = new PythonDistBuilder(line -> { }, line -> { }).build(withSbom).wheels().get(0);

        try (ZipFile wheel = ZipFile.builder().setPath(wheelFile).get()) {
            assertThat(text(wheel, "tokgateway-0.1.0.dev0.dist-info/sboms/bom.json")).isEqualTo(Files.readString(sbom));
            assertThat(text(wheel, "tokgateway-0.1.0.dev0.dist-info/RECORD"))
                    .contains("\ntokgateway-0.1.0.dev0.dist-info/sboms/bom.json,sha256=");
        }
    }

    @Test
    void failsClearlyWithoutNativeTrees(@TempDir Path empty) {
        assertThatThrownBy(() -> new PythonDistBuilder(line -> { }, line -> { }).build(spec(empty, "0.1.0-SNAPSHOT")))
                .isInstanceOf(DistException.class)
                .hasMessage("No native trees in " + empty.resolve("native") + " (gateway-<target>/ folders): run goal "
                        + "dist-native first (mvn package -Pdist-native,dist-python) or point -Dgateway.distDirectory at them");
        assertThat(empty.resolve("python")).doesNotExist();
    }

    @Test
    void failsOnAnUnmappableVersionBeforeWritingAnything(@TempDir Path other) throws IOException {
        Path otherDist = NativeTreeFixture.distWithHostTree(other.resolve("dist"));
        assertThatThrownBy(() -> new PythonDistBuilder(line -> { }, line -> { }).build(spec(otherDist, "1.0-M1")))
                .isInstanceOf(DistException.class)
                .hasMessageStartingWith("Project version '1.0-M1' has no PEP 440 form");
        assertThat(otherDist.resolve("python")).doesNotExist();
    }

    private static String text(ZipFile zip, String name) throws IOException {
        ZipArchiveEntry entry = zip.getEntry(name);
        assertThat(entry).as(name).isNotNull();
        try (InputStream in = zip.getInputStream(entry)) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
    }
}
