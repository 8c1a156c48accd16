package io.tokligence.gateway.dist;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.FileVisitResult;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.SimpleFileVisitor;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.BasicFileAttributes;

/**
 * A temporary directory next to a destination, moved into place only when everything in it is complete,
 * so a failed build never leaves a half-written tree in {@code dist/}.
 *
 * <pre>{@code
 * try (StagedDirectory staged = StagedDirectory.beside(dist.resolve("native"))) {
 *     write(staged.path());
 *     staged.commit();   // replaces dist/native atomically where the file system allows
 * }                      // without commit(), close() deletes the staging directory
 * }</pre>
 */
public final class StagedDirectory implements AutoCloseable {
    private final Path destination;
    private final Path staging;
    private boolean committed;

    private StagedDirectory(Path destination, Path staging) {
        this.destination = destination;
        this.staging = staging;
    }

    /**
     * Creates the staging directory beside {@code destination} (same file system, so the final move is a rename).
     *
     * @throws DistException naming the directory when it cannot be written
     */
    public static StagedDirectory beside(Path destination) {
        return beside(destination, "point the output directory elsewhere");
    }

    /**
     * As {@link #beside(Path)}, with the fix the error suggests when the directory cannot be written, e.g. the
     * parameter that moves it.
     */
    public static StagedDirectory beside(Path destination, String howToRelocate) {
        Path parent = destination.toAbsolutePath().getParent();
        try {
            Files.createDirectories(parent);
            Path staging = Files.createTempDirectory(parent, "." + destination.getFileName() + ".staging-");
            if (Files.getFileStore(staging).supportsFileAttributeView("posix")) {
                // Temp directories are created 0700; the committed output must be readable like any other directory.
                Files.setPosixFilePermissions(staging, java.nio.file.attribute.PosixFilePermissions.fromString("rwxr-xr-x"));
            }
            return new StagedDirectory(destination, staging);
        } catch (IOException e) {
            throw new DistException("Cannot write to " + parent + " (" + e.getClass().getSimpleName() + ": "
                    + e.getMessage() + "): make it a writable directory or " + howToRelocate, e);
        }
    }

    public Path path() {
        return staging;
    }

    public Path destination() {
        return destination;
    }

    /** Replaces the destination with the staged tree. */
    public void commit() {
        try {
            Path old = null;
            if (Files.exists(destination)) {
                old = Files.createTempDirectory(destination.toAbsolutePath().getParent(),
                        "." + destination.getFileName() + ".old-");
                Files.delete(old);
                Files.move(destination, old, StandardCopyOption.ATOMIC_MOVE);
            }
            try {
                Files.move(staging, destination, StandardCopyOption.ATOMIC_MOVE);
            } catch (AtomicMoveNotSupportedException e) {
                Files.move(staging, destination);
            }
            committed = true;
            if (old != null) {
                deleteRecursively(old);
            }
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot move " + staging + " to " + destination, e);
        }
    }

    @Override
    public void close() {
        if (!committed) {
            deleteRecursively(staging);
        }
    }

    /** Deletes a tree, quietly ignoring a path that is already gone. */
    public static void deleteRecursively(Path root) {
        if (!Files.exists(root, java.nio.file.LinkOption.NOFOLLOW_LINKS)) {
            return;
        }
        try {
            Files.walkFileTree(root, new SimpleFileVisitor<>() {
                @Override
                public FileVisitResult visitFile(Path file, BasicFileAttributes attrs) throws IOException {
                    Files.delete(file);
                    return FileVisitResult.CONTINUE;
                }

                @Override
                public FileVisitResult postVisitDirectory(Path dir, IOException exc) throws IOException {
                    Files.delete(dir);
                    return FileVisitResult.CONTINUE;
                }
            });
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot delete " + root, e);
        }
    }
}
