package io.tokligence.gateway.dist.docker;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.tokligence.gateway.dist.BuildTimestamp;
import io.tokligence.gateway.dist.DistException;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ImageNamingTest {

    @Test
    void aSnapshotGetsOnlyItsVersionTag() {
        ImageNaming naming = ImageNaming.of("ghcr.io/tokligence/gateway", "0.1.0-SNAPSHOT", List.of());
        assertThat(naming.references()).containsExactly("ghcr.io/tokligence/gateway:0.1.0-SNAPSHOT");
    }

    @Test
    void aReleaseIsAlsoLatestAndExtraTagsFollow() {
        ImageNaming naming = ImageNaming.of("registry.example.com:5000/team/gw", "1.2.3", List.of("stable", "1.2.3"));
        assertThat(naming.tags()).containsExactly("1.2.3", "latest", "stable");
        assertThat(naming.references()).first().isEqualTo("registry.example.com:5000/team/gw:1.2.3");
    }

    @Test
    void anInvalidNameIsOneLineNamingTheParameter() {
        assertThatThrownBy(() -> ImageNaming.of("GHCR.io/Tokligence/Gateway!", "1.0.0", List.of()))
                .isInstanceOf(DistException.class)
                .hasMessage("imageName 'GHCR.io/Tokligence/Gateway!' is not a valid image name: use lowercase "
                        + "[registry/]path such as ghcr.io/tokligence/gateway (-Dgateway.docker.imageName)");
        assertThatThrownBy(() -> ImageNaming.of("ghcr.io/tokligence/gateway:1.0", "1.0.0", List.of()))
                .hasMessageStartingWith("imageName 'ghcr.io/tokligence/gateway:1.0' carries a tag or digest");
    }

    @Test
    void anInvalidTagIsOneLineNamingWhereItCameFrom() {
        assertThatThrownBy(() -> ImageNaming.of("ghcr.io/tokligence/gateway", "1.0.0", List.of("-bad tag")))
                .isInstanceOf(DistException.class)
                .hasMessage("tags: '-bad tag' is not a valid image tag: use up to 128 characters of [A-Za-z0-9_.-], "
                        + "not starting with '.' or '-'");
        assertThatThrownBy(() -> ImageNaming.of("ghcr.io/tokligence/gateway", "1.0.0+build.5", List.of()))
                .hasMessageStartingWith("version: '1.0.0+build.5' is not a valid image tag");
    }

    @Test
    void labelsCarryTheSixOciKeys(@TempDir Path notACheckout) {
        assertThat(ImageLabels.of("Tokligence Gateway", "1.0.0", "", notACheckout, "https://example.com/src",
                List.of("Apache-2.0", "MIT"), BuildTimestamp.parse("2026-11-25T00:00:00Z")))
                .containsEntry("org.opencontainers.image.licenses", "Apache-2.0 OR MIT")
                .containsEntry("org.opencontainers.image.created", "2026-11-25T00:00:00Z")
                .containsKeys("org.opencontainers.image.title", "org.opencontainers.image.version",
                        "org.opencontainers.image.source");
    }
}
