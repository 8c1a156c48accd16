package io.tokligence.gateway.store;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;

/**
 * Turns the {@code from}/{@code to} strings users type ({@code YYYY-MM-DD} or an ISO instant) into
 * {@link LedgerQuery} bounds, so that a date range includes the whole of its last day.
 */
public final class LedgerDates {

    private LedgerDates() {
    }

    /** Inclusive lower bound: a date means its first instant (UTC). Blank or null gives null. */
    public static Instant from(String value, String parameter) {
        return parse(value, parameter, false);
    }

    /** Exclusive upper bound: a date means the first instant of the following day (UTC). Blank gives null. */
    public static Instant to(String value, String parameter) {
        return parse(value, parameter, true);
    }

    private static Instant parse(String value, String parameter, boolean endOfDay) {
        if (value == null || value.isBlank()) {
            return null;
        }
        String text = value.strip();
        try {
            if (text.length() == 10) {
                LocalDate date = LocalDate.parse(text);
                return (endOfDay ? date.plusDays(1) : date).atStartOfDay(ZoneOffset.UTC).toInstant();
            }
            return Instant.parse(text);
        } catch (DateTimeParseException e) {
            throw new StoreException(parameter + " must be a date YYYY-MM-DD or an instant like "
                    + "2026-01-31T12:00:00Z, got '" + text + "'");
        }
    }
}
