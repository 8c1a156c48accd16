package io.tokligence.gateway.dist.runtime;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.tokligence.gateway.dist.BuildTimestamp;
import io.tokligence.gateway.dist.DistException;
import io.tokligence.gateway.dist.archive.ArchiveEntries;
import io.tokligence.gateway.dist.archive.ArchiveEntry;
import io.tokligence.gateway.dist.archive.TarGzWriter;
import io.tokligence.gateway.dist.archive.ZipWriter;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Collections;
import java.util.List;
import org.apache.commons.compress.archivers.zip.ZipArchiveEntry;
import org.apache.commons.compress.archivers.zip.ZipFile;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Unpacking JDK archives from a repository, and pruning other platforms' native libraries from jars. */
class RuntimeArchivesTest {

    @TempDir
    Path temp;

    @Test
    void unpacksATemurinStyleTarAndFindsTheHomeWithExecutableModes() throws IOException {
        Path jdk = temp.resolve("src/jdk-17.0.13+11.jdk/Contents/Home");
        Files.createDirectories(jdk.resolve("bin"));
        Files.createDirectories(jdk.resolve("jmods"));
        Files.writeString(jdk.resolve("release"), "JAVA_VERSION=\"17.0.13\"\n");
        Files.writeString(jdk.resolve("bin/java"), "binary");
        Files.writeString(jdk.resolve("jmods/java.base.jmod"), "jmod");
        Path archive = temp.resolve("jdk.tar.gz");
        TarGzWriter.write(archive, ArchiveEntries.fromTree(temp.resolve("src"), "", p -> p.endsWith("bin/java")),
                BuildTimestamp.ZIP_EPOCH);

        Path home = RuntimeArchiveExtractor.extract(archive, temp.resolve("out"), "<jdkArtifact> a:b:17:tar.gz:mac");
        assertThat(home).isEqualTo(temp.resolve("out/jdk-17.0.13+11.jdk/Contents/Home"));
        assertThat(JavaHome.open(home, "x").hasJmods()).isTrue();
        assertThat(Files.isExecutable(home.resolve("bin/java"))).isTrue();
    }

    @Test
    void anArchiveWithoutJavaHomeOrOfUnknownFormatIsRejected() throws IOException {
        Path empty = temp.resolve("e");
        Files.createDirectories(empty);
        Files.writeString(empty.resolve("notes.txt"), "no jdk");
        Path zip = temp.resolve("nothing.zip");
        ZipWriter.write(zip, ArchiveEntries.fromTree(empty, "", p -> false), BuildTimestamp.ZIP_EPOCH);
        assertThatThrownBy(() -> RuntimeArchiveExtractor.extract(zip, temp.resolve("o1"), "<jdkArtifact> g:a:1:zip"))
                .isInstanceOf(DistException.class)
                .hasMessage("<jdkArtifact> g:a:1:zip " + zip + " holds no Java home (no release file within 5 directories):"
                        + " give a JDK or jlink runtime archive");
        Path rar = Files.writeString(temp.resolve("jdk.rar"), "x");
        assertThatThrownBy(() -> RuntimeArchiveExtractor.extract(rar, temp.resolve("o2"), "<jdkArtifact> g:a:1:rar"))
                .hasMessageContaining("is neither .tar.gz nor .zip");
    }

    @Test
    void pruningKeepsOnlyTheTargetsSqliteLibraries() throws IOException {
        Path src = temp.resolve("jar");
        for (String dir : List.of("Linux/x86_64", "Linux/aarch64", "Linux-Musl/x86_64", "Mac/aarch64", "Windows/x86_64",
                "FreeBSD/x86_64")) {
            Files.createDirectories(src.resolve("org/sqlite/native/" + dir));
            Files.writeString(src.resolve("org/sqlite/native/" + dir + "/libsqlitejdbc.so"), dir);
        }
        Files.writeString(src.resolve("org/sqlite/JDBC.class"), "class");
        Path jar = temp.resolve("sqlite-jdbc.jar");
        List<ArchiveEntry> entries = ArchiveEntries.fromTree(src, "", p -> false);
        ZipWriter.write(jar, entries, BuildTimestamp.ZIP_EPOCH);
        assertThat(NativeLibraryPruner.applies(jar)).isTrue();

        Path pruned = temp.resolve("pruned.jar");
        NativeLibraryPruner.copyFor(jar, pruned, Target.parse("linux-x64"));
        try (ZipFile zip = ZipFile.builder().setPath(pruned).get()) {
            assertThat(Collections.list(zip.getEntries()).stream().map(ZipArchiveEntry::getName)
                    .filter(n -> n.endsWith(".so")).toList()).containsExactly(
                    "org/sqlite/native/Linux-Musl/x86_64/libsqlitejdbc.so", "org/sqlite/native/Linux/x86_64/libsqlitejdbc.so");
            assertThat(zip.getEntry("org/sqlite/JDBC.class")).isNotNull();
            assertThat(zip.getEntry("org/sqlite/native/Linux/")).isNotNull();
            assertThat(zip.getEntry("org/sqlite/native/FreeBSD/")).isNull();
        }
        Path again = temp.resolve("again.jar");
        NativeLibraryPruner.copyFor(jar, again, Target.parse("linux-x64"));
        assertThat(Files.readAllBytes(again)).isEqualTo(Files.readAllBytes(pruned));
        assertThat(NativeLibraryPruner.applies(again)).isTrue();
    }
}
