package io.tokligence.gateway.dist.archive;

import io.tokligence.gateway.dist.BuildTimestamp;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.apache.commons.compress.archivers.tar.TarArchiveEntry;
import org.apache.commons.compress.archivers.tar.TarArchiveOutputStream;
import org.apache.commons.compress.compressors.gzip.GzipCompressorOutputStream;
import org.apache.commons.compress.compressors.gzip.GzipParameters;

/** Writes a byte-reproducible {@code .tar.gz}: given entry order, one timestamp, uid/gid 0, no user names. */
public final class TarGzWriter {

    private TarGzWriter() {
    }

    public static void write(Path archive, List<ArchiveEntry> entries, BuildTimestamp timestamp) {
        GzipParameters gzip = new GzipParameters();
        // Level 6: on a distribution level 9 took 2.4x the time for 0.5% fewer bytes (measured, bench/dist-native.sh).
        gzip.setCompressionLevel(6);
        // The gzip header has its own mtime and OS byte; pinning both keeps the outer bytes stable too.
        gzip.setModificationTime(0);
        gzip.setOperatingSystem(255);
        try (OutputStream file = Files.newOutputStream(archive);
             GzipCompressorOutputStream gz = new GzipCompressorOutputStream(file, gzip);
             TarArchiveOutputStream tar = new TarArchiveOutputStream(gz, "UTF-8")) {
            tar.setLongFileMode(TarArchiveOutputStream.LONGFILE_POSIX);
            tar.setBigNumberMode(TarArchiveOutputStream.BIGNUMBER_POSIX);
            tar.setAddPaxHeadersForNonAsciiNames(true);
            for (ArchiveEntry entry : entries) {
                TarArchiveEntry tarEntry = new TarArchiveEntry(entry.name());
                tarEntry.setModTime(timestamp.fileTime());
                tarEntry.setUserId(0);
                tarEntry.setGroupId(0);
                tarEntry.setUserName("");
                tarEntry.setGroupName("");
                tarEntry.setMode((entry.isDirectory() ? TarArchiveEntry.DEFAULT_DIR_MODE & ~07777
                        : TarArchiveEntry.DEFAULT_FILE_MODE & ~07777) | entry.mode());
                if (!entry.isDirectory()) {
                    tarEntry.setSize(Files.size(entry.source()));
                }
                tar.putArchiveEntry(tarEntry);
                if (!entry.isDirectory()) {
                    Files.copy(entry.source(), tar);
                }
                tar.closeArchiveEntry();
            }
            tar.finish();
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot write " + archive, e);
        }
    }
}
