package io.tokligence.gateway.dist.archive;

import static org.assertj.core.api.Assertions.assertThat;

import io.tokligence.gateway.dist.BuildTimestamp;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TimeZone;
import org.apache.commons.compress.archivers.tar.TarArchiveEntry;
import org.apache.commons.compress.archivers.tar.TarArchiveInputStream;
import org.apache.commons.compress.archivers.zip.ZipArchiveEntry;
import org.apache.commons.compress.archivers.zip.ZipFile;
import org.apache.commons.compress.compressors.gzip.GzipCompressorInputStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ArchiveWritersTest {

    private static final BuildTimestamp STAMP = BuildTimestamp.parse("2026-01-02T03:04:05Z");

    @TempDir
    Path temp;

    @Test
    void tarGzIsByteIdenticalWhateverTheFileTimesModesAndTimeZone() throws IOException {
        Path first = tree("first");
        Path second = tree("second");
        Files.setLastModifiedTime(second.resolve("bin/tool"), FileTime.from(Instant.parse("2001-01-01T00:00:00Z")));
        Files.setPosixFilePermissions(second.resolve("README"), PosixFilePermissions.fromString("rwx------"));
        Path a = temp.resolve("a.tar.gz");
        Path b = temp.resolve("b.tar.gz");
        TarGzWriter.write(a, ArchiveEntries.fromTree(first, "app/", ArchiveWritersTest::executable), STAMP);
        inZone("Asia/Kolkata", () -> TarGzWriter.write(b,
                ArchiveEntries.fromTree(second, "app/", ArchiveWritersTest::executable), STAMP));
        assertThat(Files.readAllBytes(b)).isEqualTo(Files.readAllBytes(a));

        Map<String, TarArchiveEntry> entries = new LinkedHashMap<>();
        try (TarArchiveInputStream tar = new TarArchiveInputStream(new GzipCompressorInputStream(Files.newInputStream(a)))) {
            TarArchiveEntry e;
            while ((e = tar.getNextEntry()) != null) {
                entries.put(e.getName(), e);
            }
        }
        assertThat(entries.keySet()).containsExactly("app/", "app/README", "app/bin/", "app/bin/tool", "app/lib/",
                "app/lib/a-very-long-name-" + "x".repeat(120) + ".jar");
        assertThat(entries.get("app/bin/tool").getMode() & 07777).isEqualTo(0755);
        assertThat(entries.get("app/README").getMode() & 07777).isEqualTo(0644);
        assertThat(entries.get("app/bin/").getMode() & 07777).isEqualTo(0755);
        assertThat(entries.values()).allSatisfy(e -> {
            assertThat(e.getModTime().toInstant()).isEqualTo(STAMP.instant());
            assertThat(e.getLongUserId()).isZero();
            assertThat(e.getLongGroupId()).isZero();
            assertThat(e.getUserName()).isEmpty();
        });
    }

    @Test
    void zipIsByteIdenticalAcrossTimeZonesAndCarriesUnixModes() throws IOException {
        Path root = tree("zip");
        Path a = temp.resolve("a.zip");
        Path b = temp.resolve("b.zip");
        List<ArchiveEntry> entries = ArchiveEntries.fromTree(root, "app/", ArchiveWritersTest::executable);
        inZone("UTC", () -> ZipWriter.write(a, entries, STAMP));
        inZone("America/Los_Angeles", () -> ZipWriter.write(b, entries, STAMP));
        assertThat(Files.readAllBytes(b)).isEqualTo(Files.readAllBytes(a));

        try (ZipFile zip = ZipFile.builder().setPath(a).get()) {
            List<String> names = new ArrayList<>();
            for (ZipArchiveEntry e : Collections.list(zip.getEntriesInPhysicalOrder())) {
                names.add(e.getName());
                assertThat(e.getExtraFields()).as(e.getName()).isEmpty();
            }
            assertThat(names).isSorted().contains("app/bin/tool");
            assertThat(zip.getEntry("app/bin/tool").getUnixMode()).isEqualTo(0100755);
            assertThat(zip.getEntry("app/README").getUnixMode()).isEqualTo(0100644);
            assertThat(zip.getEntry("app/bin/").getUnixMode()).isEqualTo(040755);
            try (InputStream in = zip.getInputStream(zip.getEntry("app/README"))) {
                assertThat(new String(in.readAllBytes())).isEqualTo("read me\n");
            }
        }
        // Stored as local wall-clock fields (2-second resolution): read in UTC they give the build timestamp.
        inZone("UTC", () -> {
            try (ZipFile zip = ZipFile.builder().setPath(b).get()) {
                assertThat(zip.getEntry("app/README").getTime()).isEqualTo(STAMP.instant().toEpochMilli() / 2000 * 2000);
            } catch (IOException e) {
                throw new java.io.UncheckedIOException(e);
            }
        });
    }

    @Test
    void sha256SumsIsWhatSha256sumChecks() throws IOException {
        Path one = Files.writeString(temp.resolve("b.tar.gz"), "abc");
        Path two = Files.writeString(temp.resolve("a.zip"), "");
        Sha256Sums.write(temp.resolve("SHA256SUMS"), List.of(one, two));
        assertThat(Files.readString(temp.resolve("SHA256SUMS"))).isEqualTo(
                "e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855  a.zip\n"
                        + "ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad  b.tar.gz\n");
    }

    private static boolean executable(String path) {
        return path.startsWith("bin/");
    }

    private Path tree(String name) throws IOException {
        Path root = temp.resolve(name);
        Files.createDirectories(root.resolve("bin"));
        Files.createDirectories(root.resolve("lib"));
        Files.writeString(root.resolve("README"), "read me\n");
        Files.writeString(root.resolve("bin/tool"), "#!/bin/sh\necho tool\n");
        Files.writeString(root.resolve("lib/a-very-long-name-" + "x".repeat(120) + ".jar"), "jar");
        return root;
    }

    private static void inZone(String zone, Runnable action) {
        TimeZone saved = TimeZone.getDefault();
        TimeZone.setDefault(TimeZone.getTimeZone(zone));
        try {
            action.run();
        } finally {
            TimeZone.setDefault(saved);
        }
    }
}
