package io.tokligence.gateway.dist.python;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.tokligence.gateway.dist.DistException;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

class Pep440VersionTest {

    @ParameterizedTest(name = "{0} -> {1}")
    @CsvSource({
        "1.2.0, 1.2.0",
        "1.2.0-SNAPSHOT, 1.2.0.dev0",
        "0.1.0-SNAPSHOT, 0.1.0.dev0",
        "1.2.0-rc1, 1.2.0rc1",
        "1.2.0-RC-3, 1.2.0rc3",
        "1.2.0-cr2, 1.2.0rc2",
        "1.2.0-rc, 1.2.0rc0",
        "1.2.0-beta-2, 1.2.0b2",
        "1.2.0-beta2, 1.2.0b2",
        "1.2.0-b1, 1.2.0b1",
        "1.2.0-alpha, 1.2.0a0",
        "1.2.0-alpha-1, 1.2.0a1",
        "1.2.0-a3, 1.2.0a3",
        "1.2.0.Final, 1.2.0",
        "1.2.0-GA, 1.2.0",
        "1.2.0-rc1-SNAPSHOT, 1.2.0rc1.dev0",
        "1.02.010, 1.2.10",
        "2, 2",
        "2024.11.3.4, 2024.11.3.4",
    })
    void mapsMavenVersions(String maven, String pep440) {
        assertThat(Pep440Version.fromMaven(maven).value()).isEqualTo(pep440);
    }

    @ParameterizedTest
    @ValueSource(strings = {"1.2.0-M1", "1.2.0-milestone-2", "1.2.0-sp1", "1.2.0-1", "1.2.0-feature-x", "latest", ""})
    void refusesVersionsWithoutAFaithfulForm(String maven) {
        assertThatThrownBy(() -> Pep440Version.fromMaven(maven))
                .isInstanceOf(DistException.class)
                .hasMessageStartingWith("Project version '" + maven + "' has no PEP 440 form")
                .hasMessageContaining("1.2.0-beta-2")
                .hasMessageContaining("-M1");
    }
}
