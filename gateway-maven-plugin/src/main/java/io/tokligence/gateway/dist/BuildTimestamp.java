package io.tokligence.gateway.dist;

import java.nio.file.attribute.FileTime;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;

/**
 * The one timestamp every archive entry, wheel file and image layer is stamped with, read from
 * {@code project.build.outputTimestamp} so that two builds of one commit are byte-identical.
 *
 * <p>Accepts what Maven accepts there: an ISO-8601 instant or offset date-time, or seconds since the epoch.
 */
public record BuildTimestamp(Instant instant) {

    private static final Instant ZIP_EPOCH_INSTANT = Instant.parse("1980-01-01T00:00:02Z");

    /** The fallback when a project sets no outputTimestamp: the zip epoch, still reproducible. */
    public static final BuildTimestamp ZIP_EPOCH = new BuildTimestamp(ZIP_EPOCH_INSTANT);

    public BuildTimestamp {
        if (instant.isBefore(ZIP_EPOCH_INSTANT)) {
            // zip cannot store times before 1980; clamping keeps tar and zip entries consistent.
            instant = ZIP_EPOCH_INSTANT;
        }
    }

    /**
     * Parses {@code project.build.outputTimestamp}.
     *
     * @param value the property value; blank or a single character (Maven's "disabled" convention) gives {@link #ZIP_EPOCH}
     * @throws DistException naming the property when the value is not a timestamp
     */
    public static BuildTimestamp parse(String value) {
        if (value == null || value.isBlank() || value.trim().length() < 2) {
            return ZIP_EPOCH;
        }
        String text = value.trim();
        if (text.chars().allMatch(Character::isDigit)) {
            return new BuildTimestamp(Instant.ofEpochSecond(Long.parseLong(text)));
        }
        try {
            return new BuildTimestamp(OffsetDateTime.parse(text).toInstant());
        } catch (DateTimeParseException e) {
            throw new DistException("project.build.outputTimestamp '" + text
                    + "' is not a timestamp: use ISO-8601 such as 2026-01-01T00:00:00Z or seconds since the epoch");
        }
    }

    public FileTime fileTime() {
        return FileTime.from(instant);
    }

    public long epochSeconds() {
        return instant.getEpochSecond();
    }
}
