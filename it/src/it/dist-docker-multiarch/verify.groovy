// The images as a user without a container engine meets them: skopeo reads both archives, umoci unpacks them,
// the host image's entrypoint runs as uid 65532 in a chroot (own mount + PID namespaces) and answers /health,
// and the arm64 image's runtime is an AArch64 ELF that runs the app under qemu-aarch64-static.
import groovy.json.JsonSlurper
import java.nio.ByteBuffer
import java.nio.ByteOrder

def nd = evaluate(new File(basedir, '../../../src/dist-native-parent/verify/native-dist-checks.groovy'))
def images = evaluate(new File(basedir, '../../../src/dist-docker/image-checks.groovy'))(basedir, nd)
File docker = new File(basedir, 'dist/docker')
assert docker.list().sort() == ['gateway-oci.tar', 'gateway.tar', 'image.json']
def json = new JsonSlurper()
String host = System.getProperty('os.arch') in ['aarch64', 'arm64'] ? 'arm64' : 'amd64'

def report = json.parse(new File(docker, 'image.json'))
assert report.references == ['registry.example.com/it/gateway:1.0', 'registry.example.com/it/gateway:latest',
                             'registry.example.com/it/gateway:it']
assert report.images*.architecture == ['amd64', 'arm64']
assert report.images.every { it.base.startsWith('debian:') }
assert report.archives.docker.architecture == host

def skopeo = images.&skopeo
String dockerArchive = "docker-archive:${new File(docker, 'gateway.tar')}"
String ociArchive = "oci-archive:${new File(docker, 'gateway-oci.tar')}:1.0"
def inspected = skopeo(['inspect', dockerArchive])
assert inspected.Architecture == host && inspected.Os == 'linux'
assert inspected.Labels['org.opencontainers.image.title'] == 'Docker IT sample'
assert inspected.Labels['org.opencontainers.image.version'] == '1.0'
assert inspected.Labels['org.opencontainers.image.revision'] == '0123456789abcdef0123456789abcdef01234567'
assert inspected.Labels['org.opencontainers.image.source'] == 'https://example.com/dist-docker-multiarch'
assert inspected.Labels['org.opencontainers.image.licenses'] == 'Apache-2.0'
assert inspected.Labels['org.opencontainers.image.created'] == '2026-01-02T03:04:05Z'
assert inspected.Created.startsWith('2026-01-02T03:04:05')
// --raw: skopeo's converted OCI view drops Docker's Healthcheck, which the raw config blob carries.
def config = skopeo(['inspect', '--config', '--raw', dockerArchive]).config
assert config.User == '65532:65532'
assert config.Entrypoint == ['/app/bin/gatewayd']
assert config.ExposedPorts.keySet() == ['8081/tcp'] as Set
assert config.Env.contains('TOKLIGENCE_LISTEN=0.0.0.0:8081')
assert config.Healthcheck.Test[0] == 'CMD'
def index = skopeo(['inspect', '--raw', ociArchive])
assert index.manifests*.platform*.architecture == ['amd64', 'arm64']
assert index.manifests*.digest == report.images*.manifest_digest
['amd64', 'arm64'].each { assert skopeo(['--override-arch', it, 'inspect', ociArchive]).Architecture == it }

File rootfs = images.unpack(dockerArchive, host)
assert new File(rootfs, 'etc/passwd').text.contains('nonroot:x:65532:65532:')
if (images.canRun()) {
    Process daemon = images.start(rootfs, config, config.Entrypoint.join(' '))
    try {
        String ready = daemon.inputStream.newReader().readLine()
        assert ready =~ /^gatewayd listening on http:\/\/127\.0\.0\.1:\d+$/ : ready
        assert new URL(ready - 'gatewayd listening on ' + '/health').text == '{"status":"ok"}'
    } finally {
        assert images.stop(daemon) == 0 : 'gatewayd must exit 0 on SIGTERM'
    }
} else {
    println 'SKIPPED running the image: unshare --mount --pid is not permitted here'
}

File arm64 = images.unpack(ociArchive, 'arm64')
byte[] header = new File(arm64, 'app/runtime/bin/java').bytes
assert header[0..3] == [0x7f, 0x45, 0x4c, 0x46] as List<Byte>
assert ByteBuffer.wrap(header).order(ByteOrder.LITTLE_ENDIAN).getShort(18) == 0xB7 : 'e_machine must be AArch64'
File qemu = new File('/usr/bin/qemu-aarch64-static')
if (qemu.canExecute()) {
    java.nio.file.Files.copy(qemu.toPath(), new File(arm64, 'qemu-aarch64-static').toPath())
    def (code, out) = nd.run(['chroot', '--userspec=65532:65532', arm64.path, '/qemu-aarch64-static',
                              '/app/runtime/bin/java', '-Dgateway.home=/app', '-cp', '/app/lib/*', 'sample.SampleCli',
                              '--version'])
    assert code == 0 && out.trim().startsWith('gateway ') && out.contains('sample') : out
} else {
    println 'SKIPPED arm64 run: qemu-aarch64-static is not installed'
}
true
