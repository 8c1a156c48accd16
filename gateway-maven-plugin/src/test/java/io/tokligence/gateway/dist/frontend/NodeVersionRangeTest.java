package io.tokligence.gateway.dist.frontend;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class NodeVersionRangeTest {

    @ParameterizedTest(name = "{0} accepts {1}: {2}")
    @CsvSource(delimiter = ';', value = {
        ">=20; v20.0.0; true",
        ">=20; v20.20.2; true",
        ">=20; v19.9.9; false",
        ">=20; v16.0.0; false",
        ">=20.10; v20.9.0; false",
        ">=20.10; v20.10.0; true",
        ">18; v18.99.0; false",
        ">18; v19.0.0; true",
        ">18.0.0; v18.0.0; false",
        "<=20; v20.99.1; true",
        "<=20; v21.0.0; false",
        "^20.10.0; v20.19.0; true",
        "^20.10.0; v21.0.0; false",
        "^20.10.0; v20.9.0; false",
        "^0.4.2; v0.4.9; true",
        "^0.4.2; v0.5.0; false",
        "~20.1; v20.1.9; true",
        "~20.1; v20.2.0; false",
        "20.x; v20.5.1; true",
        "20.x; v21.0.0; false",
        "20; v20.5.1; true",
        "=20.1.0; v20.1.0; true",
        "=20.1.0; v20.1.1; false",
        ">=18 <21; v20.3.0; true",
        ">=18 <21; v21.0.0; false",
        "18 || >=22; v20.0.0; false",
        "18 || >=22; v18.20.0; true",
        "18 || >=22; v24.1.0; true",
        "18 - 20; v20.9.0; true",
        "18 - 20; v21.0.0; false",
        "*; v4.0.0; true",
        ">= 20; v22.1.0; true",
    })
    void checksVersions(String range, String version, boolean expected) {
        assertThat(NodeVersionRange.parse(range).isSatisfiedBy(version)).isEqualTo(expected);
    }

    @ParameterizedTest
    @CsvSource({"latest", ">=twenty", "20.1.0-beta || foo"})
    void rejectsFormsItDoesNotUnderstand(String range) {
        assertThatThrownBy(() -> NodeVersionRange.parse(range))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("unsupported version range '" + range + "'");
    }
}
