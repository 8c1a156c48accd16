// linux-aarch64 from Debian's arm64 jmods: an aarch64 ELF, pruned sqlite natives do not apply (none here),
// and the linked runtime really runs the app under qemu-aarch64-static with the arm64 sysroot.
import java.nio.ByteBuffer
import java.nio.ByteOrder

def nd = evaluate(new File(basedir, '../../../src/dist-native-parent/verify/native-dist-checks.groovy'))
String archive = 'gateway-1.0-linux-aarch64.tar.gz'
nd.checkSums([archive])
File home = new File(nd.untar(archive), 'gateway-1.0-linux-aarch64')
byte[] header = new File(home, 'runtime/bin/java').bytes
assert header[0..3] == [0x7f, 0x45, 0x4c, 0x46] as List<Byte> && header[4] == 2
assert ByteBuffer.wrap(header).order(ByteOrder.LITTLE_ENDIAN).getShort(18) == 0xB7 : 'e_machine must be AArch64'
assert new File(home, 'systemd/gatewayd.service').isFile()

String sysroot = "${foreignRuntimes}/linux-aarch64/sysroot"
def env = [QEMU_LD_PREFIX: sysroot]
def (code, out) = [null, null]
if (new File('/proc/sys/fs/binfmt_misc/qemu-aarch64').exists()) {
    // binfmt_misc hands aarch64 binaries to qemu: the launcher runs unchanged.
    (code, out) = nd.run([new File(home, 'bin/gateway').path, '--version'], basedir, null, env)
} else {
    // No binfmt_misc here: run the launcher's own java command line under qemu explicitly.
    String launcher = new File(home, 'bin/gateway').text
    assert launcher.contains('exec "$GATEWAY_HOME/runtime/bin/java" $GATEWAY_JAVA_OPTS "-Dgateway.home=$GATEWAY_HOME"')
    (code, out) = nd.run(['qemu-aarch64-static', '-L', sysroot, new File(home, 'runtime/bin/java').path,
                          "-Dgateway.home=${home.path}".toString(), '-cp', "${home.path}/lib/*".toString(),
                          'sample.SampleCli', '--version'], basedir, null, env)
}
assert code == 0 && out.trim() == 'gateway gateway-1.0-linux-aarch64 sample' : out
(code, out) = nd.run(['qemu-aarch64-static', '-L', sysroot, new File(home, 'runtime/bin/java').path, '-version'])
assert code == 0 && out.contains('OpenJDK 64-Bit Server VM') : out
true
