package io.tokligence.gateway.dist.python;

import io.tokligence.gateway.dist.BuildTimestamp;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.List;
import org.apache.commons.compress.archivers.tar.TarArchiveEntry;
import org.apache.commons.compress.archivers.tar.TarArchiveOutputStream;
import org.apache.commons.compress.compressors.gzip.GzipCompressorOutputStream;
import org.apache.commons.compress.compressors.gzip.GzipParameters;

/**
 * Writes a source distribution (PEP 517/625: {@code <name>-<version>.tar.gz} holding one
 * {@code <name>-<version>/} folder) with sorted entries, the build timestamp, uid/gid 0 and no user names,
 * and a gzip header without a file name or time, so rebuilds are byte-identical.
 */
public final class SdistWriter {
    private final BuildTimestamp timestamp;

    public SdistWriter(BuildTimestamp timestamp) {
        this.timestamp = timestamp;
    }

    /** Writes {@code sdist} with every entry placed under {@code root/}. */
    public void write(Path sdist, String root, List<PackagedFile> entries) throws IOException {
        GzipParameters gzip = new GzipParameters();
        gzip.setModificationTime(0);
        gzip.setOperatingSystem(255);
        try (OutputStream file = Files.newOutputStream(sdist);
                TarArchiveOutputStream tar = new TarArchiveOutputStream(new GzipCompressorOutputStream(file, gzip))) {
            tar.setLongFileMode(TarArchiveOutputStream.LONGFILE_POSIX);
            tar.setBigNumberMode(TarArchiveOutputStream.BIGNUMBER_POSIX);
            for (PackagedFile entry : entries.stream().sorted(Comparator.comparing(PackagedFile::name)).toList()) {
                TarArchiveEntry tarEntry = new TarArchiveEntry(root + "/" + entry.name(), true);
                tarEntry.setSize(entry.size());
                tarEntry.setMode(entry.unixMode());
                tarEntry.setModTime(timestamp.fileTime());
                tarEntry.setIds(0, 0);
                tarEntry.setNames("", "");
                tar.putArchiveEntry(tarEntry);
                try (InputStream in = entry.open()) {
                    in.transferTo(tar);
                }
                tar.closeArchiveEntry();
            }
        }
    }
}
