package io.tokligence.gateway.store;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import org.junit.jupiter.api.Test;

class LedgerDatesTest {

    @Test
    void datesCoverWholeDays() {
        assertThat(LedgerDates.from("2026-03-02", "--from")).isEqualTo(Instant.parse("2026-03-02T00:00:00Z"));
        assertThat(LedgerDates.to("2026-03-02", "--to")).isEqualTo(Instant.parse("2026-03-03T00:00:00Z"));
    }

    @Test
    void instantsAreTakenAsTheyAre() {
        assertThat(LedgerDates.to("2026-03-02T10:15:00Z", "to")).isEqualTo(Instant.parse("2026-03-02T10:15:00Z"));
        assertThat(LedgerDates.from(" ", "from")).isNull();
        assertThat(LedgerDates.from(null, "from")).isNull();
    }

    @Test
    void badInputNamesTheParameter() {
        assertThatThrownBy(() -> LedgerDates.from("yesterday", "--from"))
                .isInstanceOf(StoreException.class)
                .hasMessage("--from must be a date YYYY-MM-DD or an instant like 2026-01-31T12:00:00Z, got 'yesterday'");
    }
}
