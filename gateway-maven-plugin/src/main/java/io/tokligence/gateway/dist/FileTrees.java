package io.tokligence.gateway.dist;

import io.tokligence.gateway.dist.archive.ArchiveEntries;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.FileVisitResult;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.SimpleFileVisitor;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.BasicFileAttributes;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.function.Predicate;
import java.util.stream.Stream;

/** Copying trees into a distribution and fixing their modes, the same way for every goal. */
public final class FileTrees {

    private FileTrees() {
    }

    /** Copies {@code source} into {@code target} (created), following symlinks so the copy stands alone. */
    public static void copy(Path source, Path target) {
        try {
            Files.walkFileTree(source, new SimpleFileVisitor<>() {
                @Override
                public FileVisitResult preVisitDirectory(Path dir, BasicFileAttributes attrs) throws IOException {
                    Files.createDirectories(target.resolve(source.relativize(dir).toString()));
                    return FileVisitResult.CONTINUE;
                }

                @Override
                public FileVisitResult visitFile(Path file, BasicFileAttributes attrs) throws IOException {
                    Files.copy(file, target.resolve(source.relativize(file).toString()), StandardCopyOption.REPLACE_EXISTING);
                    return FileVisitResult.CONTINUE;
                }
            });
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot copy " + source + " to " + target, e);
        }
    }

    /**
     * Sets every file below {@code root} to 0755 when {@code executable} accepts its {@code /}-separated relative path,
     * else 0644 (directories 0755), so the unpacked tree behaves like the archive made from it. No-op off POSIX.
     */
    public static void normalizeModes(Path root, Predicate<String> executable) {
        try {
            if (!Files.getFileStore(root).supportsFileAttributeView("posix")) {
                return;
            }
            try (Stream<Path> paths = Files.walk(root)) {
                for (Path p : (Iterable<Path>) paths::iterator) {
                    String relative = ArchiveEntries.relativeName(root, p);
                    boolean exec = Files.isDirectory(p) || executable.test(relative);
                    Files.setPosixFilePermissions(p, PosixFilePermissions.fromString(exec ? "rwxr-xr-x" : "rw-r--r--"));
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot set modes below " + root, e);
        }
    }
}
