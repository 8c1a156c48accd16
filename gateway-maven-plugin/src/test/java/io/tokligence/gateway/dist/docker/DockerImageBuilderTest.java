package io.tokligence.gateway.dist.docker;

import static io.tokligence.gateway.dist.docker.ImageFixtures.blob;
import static io.tokligence.gateway.dist.docker.ImageFixtures.json;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import io.tokligence.gateway.dist.DistException;
import io.tokligence.gateway.dist.runtime.ExecutableHeader;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class DockerImageBuilderTest {
    @TempDir
    Path temp;
    private final List<String> log = new ArrayList<>();

    @BeforeEach
    void needsApt() {
        ImageFixtures.skipUnlessApt();
    }

    @Test
    void writesAnOciIndexWithOneImagePerArchAndADockerArchiveOfTheHostArch() throws IOException {
        NativeTreeFixture.skipUnlessArm64JdkAvailable();
        Path dist = temp.resolve("dist");
        NativeTreeFixture.create(dist, ImageArch.AMD64);
        NativeTreeFixture.create(dist, ImageArch.ARM64);

        DockerImageBuilder.Result result = new DockerImageBuilder(log::add).build(ImageFixtures.spec(dist,
                temp.resolve("work"), List.of(ImageArch.ARM64, ImageArch.AMD64), null, 8081, "ghcr.io/tokligence/gateway"));

        Path docker = dist.resolve("docker");
        assertThat(docker).isDirectoryContaining("glob:**/gateway.tar").isDirectoryContaining("glob:**/gateway-oci.tar")
                .isDirectoryContaining("glob:**/image.json");
        Map<String, byte[]> layout = ImageFixtures.untar(docker.resolve("gateway-oci.tar"));
        assertThat(json(layout.get("oci-layout")).get("imageLayoutVersion").asText()).isEqualTo("1.0.0");
        JsonNode top = json(layout.get("index.json"));
        assertThat(top.get("manifests")).hasSize(1);
        assertThat(top.at("/manifests/0/annotations/org.opencontainers.image.ref.name").asText()).isEqualTo("0.1.0-SNAPSHOT");
        String indexDigest = top.at("/manifests/0/digest").asText();
        assertThat(indexDigest).isEqualTo(result.indexDigest());

        JsonNode index = json(blob(layout, indexDigest));
        assertThat(index.get("mediaType").asText()).isEqualTo("application/vnd.oci.image.index.v1+json");
        assertThat(index.get("manifests")).extracting(m -> m.at("/platform/architecture").asText())
                .containsExactly("amd64", "arm64");
        for (JsonNode entry : index.get("manifests")) {
            ImageArch arch = ImageArch.parse(entry.at("/platform/architecture").asText());
            assertThat(entry.at("/platform/os").asText()).isEqualTo("linux");
            assertThat(entry.get("digest").asText()).isEqualTo(result.manifestDigests().get(arch));
            JsonNode manifest = json(blob(layout, entry.get("digest").asText()));
            JsonNode config = json(blob(layout, manifest.at("/config/digest").asText()));
            assertImageConfig(config, arch);
            JsonNode layers = manifest.get("layers");
            assertThat(layers).hasSize(6);
            // base, runtime, dependencies, config, frontend, application: the app jar alone in the last layer
            assertThat(layerFiles(layout, layers.get(1)).keySet()).allMatch(n -> n.startsWith("app/runtime/"))
                    .contains("app/runtime/bin/java");
            assertThat(ExecutableHeader.parse(layerFiles(layout, layers.get(1)).get("app/runtime/bin/java"), "java")
                    .matches(NativeTree.target(arch))).isTrue();
            assertThat(layerFiles(layout, layers.get(2))).containsOnlyKeys("app/lib/sample-dependency-1.0.jar");
            assertThat(layerFiles(layout, layers.get(3))).containsKeys("app/config/setting.ini",
                    "app/config/dev/gateway.ini", "app/bin/gateway", "app/bin/gatewayd", "app/LICENSE",
                    "app/healthcheck/io/tokligence/gateway/dist/docker/probe/HealthProbe.class");
            assertThat(layerFiles(layout, layers.get(4))).containsOnlyKeys("app/frontend/h5/index.html",
                    "app/frontend/web/index.html");
            assertThat(layerFiles(layout, layers.get(5))).containsOnlyKeys("app/lib/gateway-app-0.1.0-SNAPSHOT.jar");
            Map<String, byte[]> base = layerFiles(layout, layers.get(0));
            assertThat(new String(base.get("etc/passwd"))).contains("nonroot:x:65532:65532:");
            assertThat(base).containsKey("bin/dash");
        }
        // Layers that do not depend on the arch are stored once.
        JsonNode amd64 = json(blob(layout, index.at("/manifests/0/digest").asText()));
        JsonNode arm64 = json(blob(layout, index.at("/manifests/1/digest").asText()));
        for (int i : new int[] {2, 4, 5}) {
            assertThat(amd64.at("/layers/" + i + "/digest")).isEqualTo(arm64.at("/layers/" + i + "/digest"));
        }
        assertThat(amd64.at("/layers/1/digest")).isNotEqualTo(arm64.at("/layers/1/digest"));

        Map<String, byte[]> archive = ImageFixtures.untar(docker.resolve("gateway.tar"));
        JsonNode saved = json(archive.get("manifest.json")).get(0);
        assertThat(saved.get("RepoTags")).extracting(JsonNode::asText).containsExactly("ghcr.io/tokligence/gateway:0.1.0-SNAPSHOT");
        JsonNode hostManifest = ImageArch.host() == ImageArch.AMD64 ? amd64 : arm64;
        assertThat(saved.get("Config").asText()).isEqualTo(hostManifest.at("/config/digest").asText().substring(7) + ".json");
        assertThat(saved.get("Layers")).hasSize(6);

        JsonNode report = ImageFixtures.JSON.readTree(docker.resolve("image.json").toFile());
        assertThat(report.at("/index/digest").asText()).isEqualTo(indexDigest);
        assertThat(report.get("references")).extracting(JsonNode::asText)
                .containsExactly("ghcr.io/tokligence/gateway:0.1.0-SNAPSHOT");
        assertThat(report.get("images")).extracting(i -> i.get("manifest_digest").asText())
                .containsExactly(amd64Digest(index), index.at("/manifests/1/digest").asText());
        assertThat(report.at("/images/1/base").asText()).startsWith("debian:").contains("libc6_").contains("_arm64.deb");
        assertThat(report.at("/archives/docker/sha256").asText()).isEqualTo(Sha256.of(docker.resolve("gateway.tar")));
        assertThat(dist.resolveSibling("work")).doesNotExist();
    }

    @Test
    void twoBuildsOfTheSameTreeGiveTheSameBytes() throws IOException {
        Path first = temp.resolve("first");
        Path second = temp.resolve("second");
        ImageArch host = ImageArch.host();
        NativeTreeFixture.create(first, host);
        NativeTreeFixture.copyTree(first.resolve("native"), second.resolve("native"));

        DockerImageBuilder.Result a = new DockerImageBuilder(log::add).build(ImageFixtures.spec(first,
                temp.resolve("work1"), List.of(host), null, 8081, "ghcr.io/tokligence/gateway"));
        DockerImageBuilder.Result b = new DockerImageBuilder(log::add).build(ImageFixtures.spec(second,
                temp.resolve("work2"), List.of(host), null, 8081, "ghcr.io/tokligence/gateway"));

        assertThat(b.indexDigest()).isEqualTo(a.indexDigest());
        assertThat(b.manifestDigests()).isEqualTo(a.manifestDigests());
        for (String file : List.of("gateway.tar", "gateway-oci.tar", "image.json")) {
            assertThat(Files.readAllBytes(second.resolve("docker").resolve(file)))
                    .as(file).isEqualTo(Files.readAllBytes(first.resolve("docker").resolve(file)));
        }
    }

    @Test
    void aMissingNativeTreeFailsInOneLineAndLeavesTheOldOutputAlone() throws IOException {
        Path dist = temp.resolve("dist");
        Files.createDirectories(dist.resolve("docker"));
        Files.writeString(dist.resolve("docker/image.json"), "{\"previous\":true}");
        NativeTreeFixture.create(dist, ImageArch.AMD64);

        assertThatThrownBy(() -> new DockerImageBuilder(log::add).build(ImageFixtures.spec(dist, temp.resolve("work"),
                List.of(ImageArch.AMD64, ImageArch.ARM64), null, 8081, "ghcr.io/tokligence/gateway")))
                .isInstanceOf(DistException.class)
                .hasMessage("Missing native tree for linux/arm64: " + dist.resolve("native/gateway-linux-aarch64/runtime/bin/java")
                        + " does not exist; run goal dist-native with linux-aarch64 in gateway.native.targets first, "
                        + "or drop arm64 from <architectures> (-Dgateway.docker.architectures)");
        assertThat(Files.readString(dist.resolve("docker/image.json"))).isEqualTo("{\"previous\":true}");
        assertThat(dist).isDirectoryNotContaining("glob:**/.docker*");
    }

    @Test
    void withoutNamedArchsTheTreesPresentDecide() throws IOException {
        Path dist = temp.resolve("dist");
        assertThatThrownBy(() -> DockerImageSpec.availableArchitectures(dist))
                .isInstanceOf(DistException.class)
                .hasMessage("No linux native tree in " + dist.resolve("native") + " (gateway-linux-x64, "
                        + "gateway-linux-aarch64): run goal dist-native first (-Pdist-native,dist-docker "
                        + "-Dgateway.native.targets=linux-x64,linux-aarch64), or name <architectures>");
        NativeTreeFixture.create(dist, ImageArch.host());
        assertThat(DockerImageSpec.availableArchitectures(dist)).containsExactly(ImageArch.host());
    }

    @Test
    void aTreeOfAnotherArchIsRefusedBeforeAnythingIsBuilt() throws IOException {
        Path dist = temp.resolve("dist");
        Path amd64 = NativeTreeFixture.create(dist, ImageArch.AMD64);
        NativeTreeFixture.copyTree(amd64, dist.resolve("native/gateway-linux-aarch64"));

        assertThatThrownBy(() -> new DockerImageBuilder(log::add).build(ImageFixtures.spec(dist, temp.resolve("work"),
                List.of(ImageArch.ARM64), null, 8081, "ghcr.io/tokligence/gateway")))
                .isInstanceOf(DistException.class)
                .hasMessage("Native tree " + dist.resolve("native/gateway-linux-aarch64") + " holds a runtime for "
                        + "ELF64 e_machine 0x3e (linux x64), not linux/arm64; rebuild it with dist-native");
        assertThat(dist.resolve("docker")).doesNotExist();
    }

    @Test
    void aRuntimeLinkingALibraryTheBaseLacksIsRefused() throws IOException {
        Path dist = temp.resolve("dist");
        Path tree = NativeTreeFixture.create(dist, ImageArch.host());
        assertThat(RuntimeLibraries.neededFromBase(tree.resolve("runtime")).always()).contains("libc.so.6")
                .doesNotContain("libjvm.so", "libjava.so");
        DockerImageSpec full = ImageFixtures.spec(dist, temp.resolve("work"), List.of(ImageArch.host()), null, 8081,
                "ghcr.io/tokligence/gateway");
        DockerImageSpec glibcOnly = new DockerImageSpec(full.distDirectory(), full.workDirectory(), full.naming(),
                full.version(), full.architectures(), null,
                new DebianBaseImage.Settings(List.of("libc6", "dash"), ImageFixtures.BASE_CACHE), full.launchers(),
                full.port(), full.labels(), full.timestamp(), full.hostArchitecture());
        Set<String> needed = RuntimeLibraries.neededFromBase(tree.resolve("runtime")).always();
        Assumptions.assumeTrue(needed.contains("libz.so.1"), "this JDK's runtime does not link the system zlib");

        assertThatThrownBy(() -> new DockerImageBuilder(log::add).build(glibcOnly))
                .isInstanceOf(DistException.class)
                .hasMessageStartingWith("The linux/" + ImageArch.host().ociName() + " runtime links ")
                .hasMessageContaining("libz.so.1")
                .hasMessageEndingWith(", which the Debian base packages [dash, libc6] do not provide: add the packages "
                        + "holding them to <basePackages> (-Dgateway.docker.basePackages), or set <baseImage>");
        assertThat(dist.resolve("docker")).doesNotExist();
    }

    @Test
    void anUnreadableBaseFailsInOneLineWithNothingWritten() throws IOException {
        Path dist = temp.resolve("dist");
        NativeTreeFixture.create(dist, ImageArch.host());
        String base = "tar://" + temp.resolve("no-such-base.tar");

        assertThatThrownBy(() -> new DockerImageBuilder(log::add).build(ImageFixtures.spec(dist, temp.resolve("work"),
                List.of(ImageArch.host()), base, 8081, "ghcr.io/tokligence/gateway")))
                .isInstanceOf(DistException.class)
                .hasMessage("baseImage '" + base + "' cannot be read: " + temp.resolve("no-such-base.tar")
                        + " is not a readable file; give a docker-save tar (tar:///path/base.tar) or a registry "
                        + "reference (-Dgateway.docker.baseImage)");
        assertThat(dist.resolve("docker")).doesNotExist();
        assertThat(dist).isDirectoryNotContaining("glob:**/.docker*");
    }

    @Test
    void aBaseOfTheWrongArchIsRefused() throws IOException {
        NativeTreeFixture.skipUnlessArm64JdkAvailable();
        Path dist = temp.resolve("dist");
        NativeTreeFixture.create(dist, ImageArch.ARM64);
        DebianBaseImage.Assembled amd64Base = new DebianBaseImage(new DebianBaseImage.Settings(
                DebianBaseImage.DEFAULT_PACKAGES, ImageFixtures.BASE_CACHE), new io.tokligence.gateway.dist.ProcessRunner(
                log::add)).assemble(ImageArch.AMD64, ImageFixtures.TIMESTAMP);

        assertThatThrownBy(() -> new DockerImageBuilder(log::add).build(ImageFixtures.spec(dist, temp.resolve("work"),
                List.of(ImageArch.ARM64), amd64Base.jibReference(), 8081, "ghcr.io/tokligence/gateway")))
                .isInstanceOf(DistException.class)
                .hasMessageStartingWith("baseImage '" + amd64Base.jibReference() + "' has no linux/arm64 image (")
                .hasMessageContaining("amd64/linux").hasMessageEndingWith("(-Dgateway.docker.baseImage)");
        assertThat(dist.resolve("docker")).doesNotExist();
    }

    private static String amd64Digest(JsonNode index) {
        return index.at("/manifests/0/digest").asText();
    }

    private static void assertImageConfig(JsonNode config, ImageArch arch) {
        assertThat(config.get("architecture").asText()).isEqualTo(arch.ociName());
        assertThat(config.get("os").asText()).isEqualTo("linux");
        assertThat(config.get("created").asText()).isEqualTo("2026-11-25T00:00:00Z");
        JsonNode c = config.get("config");
        assertThat(c.get("User").asText()).isEqualTo("65532:65532");
        assertThat(c.get("Entrypoint")).extracting(JsonNode::asText).containsExactly("/app/bin/gatewayd");
        assertThat(c.get("WorkingDir").asText()).isEqualTo("/app");
        assertThat(c.get("Env")).extracting(JsonNode::asText).contains("TOKLIGENCE_LISTEN=0.0.0.0:8081",
                "PATH=" + JibArchImageBuilder.PATH, "LANG=C.UTF-8");
        assertThat(c.get("ExposedPorts").has("8081/tcp")).isTrue();
        assertThat(c.at("/Healthcheck/Test")).extracting(JsonNode::asText).startsWith("CMD", "/app/runtime/bin/java")
                .endsWith("http://127.0.0.1:8081/health");
        assertThat(c.get("Labels").get("org.opencontainers.image.licenses").asText()).isEqualTo("Apache-2.0");
        assertThat(c.get("Labels").get("org.opencontainers.image.revision").asText()).hasSize(40);
        assertThat(config.at("/rootfs/diff_ids")).hasSize(6);
    }

    private static Map<String, byte[]> layerFiles(Map<String, byte[]> layout, JsonNode layer) throws IOException {
        return ImageFixtures.untarGzip(blob(layout, layer.get("digest").asText()));
    }

}
