package io.tokligence.gateway.dist.python;

import io.tokligence.gateway.dist.BuildTimestamp;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.TimeZone;
import java.util.zip.Deflater;
import org.apache.commons.compress.archivers.zip.ZipArchiveEntry;
import org.apache.commons.compress.archivers.zip.ZipArchiveOutputStream;

/**
 * Writes a wheel (a zip, PEP 427) without any Python tooling: payload files sorted by name, then the
 * {@code .dist-info} files sorted with {@code RECORD} last, every entry stamped with the build timestamp and
 * mode 0755 or 0644 in its Unix attributes (pip restores the executable bit from them).
 */
public final class WheelWriter {
    private final BuildTimestamp timestamp;

    public WheelWriter(BuildTimestamp timestamp) {
        this.timestamp = timestamp;
    }

    /**
     * Writes {@code wheel}.
     *
     * @param distInfo       the {@code <name>-<version>.dist-info} folder name
     * @param payload        files installed into site-packages
     * @param distInfoFiles  files of the {@code .dist-info} folder other than RECORD, named relative to it
     */
    public void write(Path wheel, String distInfo, List<PackagedFile> payload, List<PackagedFile> distInfoFiles)
            throws IOException {
        RecordFile record = new RecordFile();
        List<PackagedFile> metadata = new ArrayList<>();
        for (PackagedFile entry : distInfoFiles) {
            metadata.add(new PackagedFile(distInfo + "/" + entry.name(), entry.file(), entry.content(), false));
        }
        // A seekable file lets the sizes go into the local headers: no data descriptors, as other wheel tools write.
        try (ZipArchiveOutputStream zip = new ZipArchiveOutputStream(wheel)) {
            zip.setLevel(Deflater.DEFAULT_COMPRESSION);
            zip.setMethod(ZipArchiveOutputStream.DEFLATED);
            for (PackagedFile entry : sorted(payload)) {
                add(zip, entry, record);
            }
            for (PackagedFile entry : sorted(metadata)) {
                add(zip, entry, record);
            }
            String recordPath = distInfo + "/RECORD";
            add(zip, PackagedFile.ofText(recordPath, record.render(recordPath)), null);
        }
    }

    private static List<PackagedFile> sorted(List<PackagedFile> entries) {
        return entries.stream().sorted(Comparator.comparing(PackagedFile::name)).toList();
    }

    private void add(ZipArchiveOutputStream zip, PackagedFile entry, RecordFile record) throws IOException {
        ZipArchiveEntry zipEntry = new ZipArchiveEntry(entry.name());
        zipEntry.setTime(dosTime());
        zipEntry.setUnixMode(entry.unixMode());
        zip.putArchiveEntry(zipEntry);
        MessageDigest sha256 = sha256();
        long size = 0;
        try (InputStream in = entry.open()) {
            byte[] buffer = new byte[64 * 1024];
            int read;
            while ((read = in.read(buffer)) > 0) {
                zip.write(buffer, 0, read);
                sha256.update(buffer, 0, read);
                size += read;
            }
        }
        zip.closeArchiveEntry();
        if (record != null) {
            record.add(entry.name(), sha256.digest(), size);
        }
    }

    /**
     * Zip stores local date-time fields and the zip library converts with the default time zone, so shift the
     * instant by that zone's offset: the fields then read as the timestamp in UTC on every build machine.
     */
    private long dosTime() {
        long millis = timestamp.instant().toEpochMilli();
        return millis - TimeZone.getDefault().getOffset(millis);
    }

    static MessageDigest sha256() {
        try {
            return MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("Every Java runtime has SHA-256", e);
        }
    }
}
