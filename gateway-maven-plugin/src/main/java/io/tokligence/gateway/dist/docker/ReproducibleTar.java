package io.tokligence.gateway.dist.docker;

import io.tokligence.gateway.dist.BuildTimestamp;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermission;
import java.util.List;
import java.util.Set;
import java.util.stream.Stream;
import org.apache.commons.compress.archivers.tar.TarArchiveEntry;
import org.apache.commons.compress.archivers.tar.TarArchiveOutputStream;
import org.apache.commons.compress.archivers.tar.TarConstants;

/**
 * A tar stream whose bytes depend only on what is put in: one timestamp, uid/gid as given (0 unless said),
 * no user names, PAX for long names. Callers add entries in sorted order.
 */
final class ReproducibleTar implements AutoCloseable {
    private final TarArchiveOutputStream tar;
    private final BuildTimestamp timestamp;

    ReproducibleTar(OutputStream out, BuildTimestamp timestamp) {
        this.tar = new TarArchiveOutputStream(out, "UTF-8");
        this.tar.setLongFileMode(TarArchiveOutputStream.LONGFILE_POSIX);
        this.tar.setBigNumberMode(TarArchiveOutputStream.BIGNUMBER_POSIX);
        this.timestamp = timestamp;
    }

    void file(String name, byte[] content, int mode) throws IOException {
        TarArchiveEntry entry = entry(name, TarConstants.LF_NORMAL, mode, 0);
        entry.setSize(content.length);
        tar.putArchiveEntry(entry);
        tar.write(content);
        tar.closeArchiveEntry();
    }

    void file(String name, Path source, int mode) throws IOException {
        TarArchiveEntry entry = entry(name, TarConstants.LF_NORMAL, mode, 0);
        entry.setSize(Files.size(source));
        tar.putArchiveEntry(entry);
        Files.copy(source, tar);
        tar.closeArchiveEntry();
    }

    void directory(String name, int mode, int owner) throws IOException {
        tar.putArchiveEntry(entry(name.endsWith("/") ? name : name + "/", TarConstants.LF_DIR, mode, owner));
        tar.closeArchiveEntry();
    }

    void symlink(String name, String target) throws IOException {
        TarArchiveEntry entry = entry(name, TarConstants.LF_SYMLINK, 0777, 0);
        entry.setLinkName(target);
        tar.putArchiveEntry(entry);
        tar.closeArchiveEntry();
    }

    /**
     * Adds a whole tree under {@code prefix}, sorted, keeping symlinks as links and each file's permission bits
     * (the tree's own modes are part of what it means, e.g. executables from a .deb).
     */
    void tree(Path root, String prefix) throws IOException {
        List<Path> paths;
        try (Stream<Path> walk = Files.walk(root)) {
            paths = walk.filter(p -> !p.equals(root)).sorted().toList();
        }
        for (Path path : paths) {
            String name = prefix + root.relativize(path).toString().replace('\\', '/');
            if (Files.isSymbolicLink(path)) {
                symlink(name, Files.readSymbolicLink(path).toString());
            } else if (Files.isDirectory(path, LinkOption.NOFOLLOW_LINKS)) {
                directory(name, mode(path), 0);
            } else {
                file(name, path, mode(path));
            }
        }
    }

    private static int mode(Path path) throws IOException {
        Set<PosixFilePermission> permissions = Files.getPosixFilePermissions(path, LinkOption.NOFOLLOW_LINKS);
        int mode = 0;
        for (PosixFilePermission permission : permissions) {
            mode |= 1 << (8 - permission.ordinal());
        }
        return mode;
    }

    private TarArchiveEntry entry(String name, byte type, int mode, int owner) {
        TarArchiveEntry entry = new TarArchiveEntry(name, type);
        entry.setMode(modeBits(type) | mode);
        entry.setModTime(timestamp.fileTime());
        entry.setUserId(owner);
        entry.setGroupId(owner);
        entry.setUserName("");
        entry.setGroupName("");
        return entry;
    }

    private static int modeBits(byte type) {
        return switch (type) {
            case TarConstants.LF_DIR -> 040000;
            case TarConstants.LF_SYMLINK -> 0120000;
            default -> 0100000;
        };
    }

    @Override
    public void close() throws IOException {
        tar.close();
    }
}
