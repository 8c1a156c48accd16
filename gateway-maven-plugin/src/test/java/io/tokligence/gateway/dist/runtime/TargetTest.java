package io.tokligence.gateway.dist.runtime;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.tokligence.gateway.dist.DistException;
import org.junit.jupiter.api.Test;

class TargetTest {

    @Test
    void parsesEveryKnownIdBackToItself() {
        for (Target target : Target.ALL) {
            assertThat(Target.parse(" " + target.id() + " ")).isEqualTo(target);
        }
        assertThat(Target.parse("windows-x64").archiveExtension()).isEqualTo(".zip");
        assertThat(Target.parse("windows-x64").javaExecutable()).isEqualTo("bin/java.exe");
        assertThat(Target.parse("macos-aarch64").archiveExtension()).isEqualTo(".tar.gz");
    }

    @Test
    void unknownIdFailsWithOneLineListingTheValidOnes() {
        assertThatThrownBy(() -> Target.parse("linux-amd64"))
                .isInstanceOf(DistException.class)
                .hasMessage("Unknown target 'linux-amd64' in <targets> / -Dgateway.native.targets: use one of"
                        + " linux-x64, linux-aarch64, macos-x64, macos-aarch64, windows-x64");
    }

    @Test
    void hostMatchesTheJvmsOwnPlatform() {
        Target host = Target.host();
        assertThat(host.os()).isEqualTo(OperatingSystem.fromOsName(System.getProperty("os.name")));
        assertThat(host.arch()).isEqualTo(Architecture.fromOsArch(System.getProperty("os.arch")));
    }
}
