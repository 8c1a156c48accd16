package io.tokligence.gateway.dist.archive;

import io.tokligence.gateway.dist.BuildTimestamp;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.TimeZone;
import org.apache.commons.compress.archivers.zip.UnixStat;
import org.apache.commons.compress.archivers.zip.Zip64Mode;
import org.apache.commons.compress.archivers.zip.ZipArchiveEntry;
import org.apache.commons.compress.archivers.zip.ZipArchiveOutputStream;

/**
 * Writes a byte-reproducible {@code .zip} (also the container of wheels): given entry order, one timestamp,
 * Unix modes in the external attributes so unzip restores 0755 on executables, no extra fields.
 */
public final class ZipWriter {

    private ZipWriter() {
    }

    public static void write(Path archive, List<ArchiveEntry> entries, BuildTimestamp timestamp) {
        long dosTime = dosTimeFor(timestamp);
        try (ZipArchiveOutputStream zip = new ZipArchiveOutputStream(archive.toFile())) {
            // Level 6, as for tar.gz: level 9 costs far more time than the bytes it saves.
            zip.setLevel(6);
            zip.setEncoding("UTF-8");
            // Entries of a distribution stay far below 4 GB; Zip64 fields would only add bytes some unzips mind.
            zip.setUseZip64(Zip64Mode.Never);
            for (ArchiveEntry entry : entries) {
                ZipArchiveEntry zipEntry = new ZipArchiveEntry(entry.name());
                zipEntry.setTime(dosTime);
                zipEntry.setUnixMode((entry.isDirectory() ? UnixStat.DIR_FLAG : UnixStat.FILE_FLAG) | entry.mode());
                zip.putArchiveEntry(zipEntry);
                if (!entry.isDirectory()) {
                    Files.copy(entry.source(), zip);
                }
                zip.closeArchiveEntry();
            }
            zip.finish();
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot write " + archive, e);
        }
    }

    /**
     * Zip stores local wall-clock time; shifting by this JVM's zone offset makes the stored fields read as the UTC
     * timestamp on every build machine, whatever its time zone.
     */
    private static long dosTimeFor(BuildTimestamp timestamp) {
        long millis = timestamp.instant().toEpochMilli();
        return millis - TimeZone.getDefault().getOffset(millis);
    }
}
