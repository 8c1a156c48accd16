package io.tokligence.gateway.dist;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import org.junit.jupiter.api.Test;

class BuildTimestampTest {

    @Test
    void parsesIsoAndEpochSeconds() {
        assertThat(BuildTimestamp.parse("2026-11-25T00:00:00Z").instant()).isEqualTo(Instant.parse("2026-11-25T00:00:00Z"));
        assertThat(BuildTimestamp.parse("2026-11-25T01:00:00+01:00").instant()).isEqualTo(Instant.parse("2026-11-25T00:00:00Z"));
        assertThat(BuildTimestamp.parse("1764028800").instant()).isEqualTo(Instant.ofEpochSecond(1764028800));
    }

    @Test
    void blankOrDisabledFallsBackToZipEpochAndEarlyTimesAreClamped() {
        assertThat(BuildTimestamp.parse(null)).isEqualTo(BuildTimestamp.ZIP_EPOCH);
        assertThat(BuildTimestamp.parse("a")).isEqualTo(BuildTimestamp.ZIP_EPOCH);
        assertThat(BuildTimestamp.parse("10")).isEqualTo(BuildTimestamp.ZIP_EPOCH);
    }

    @Test
    void rejectsGarbageNamingTheProperty() {
        assertThatThrownBy(() -> BuildTimestamp.parse("yesterday"))
                .isInstanceOf(DistException.class)
                .hasMessageContaining("project.build.outputTimestamp 'yesterday'");
    }
}
