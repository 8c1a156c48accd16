// Host target: layout, modes, checksums, launchers run as a user would (symlink, args, stdin, exit code, SIGTERM),
// and byte-identical archives from a second run of the goal.
def nd = evaluate(new File(basedir, '../../../src/dist-native-parent/verify/native-dist-checks.groovy'))
String host = System.getProperty('os.arch') in ['aarch64', 'arm64'] ? 'linux-aarch64' : 'linux-x64'
String archive = "gateway-1.0-${host}.tar.gz"

assert nd.nativeDir().list().sort() == ['SHA256SUMS', archive, "gateway-${host}".toString()].sort()
nd.checkSums([archive])
assert new File(basedir, "target/dist-again/native/${archive}").bytes == new File(nd.nativeDir(), archive).bytes :
        'a second run over the same inputs must give a byte-identical archive'

def listing = nd.tarListing(archive)
assert listing.collect { it[2] } == listing.collect { it[2] }.sort() : 'entries must be sorted'
assert listing.every { it[1] == '0/0' } : 'uid/gid must be 0/0'
def modes = listing.collectEntries { [(it[2] - "gateway-1.0-${host}/"): it[0]] }
['bin/gateway', 'bin/gatewayd', 'runtime/bin/java', 'runtime/lib/jspawnhelper'].each {
    assert modes[it] == '-rwxr-xr-x' : "${it} is ${modes[it]}"
}
['LICENSE', 'README', 'config/setting.ini', 'config/dev/gateway.ini', 'systemd/gatewayd.service',
 'lib/dist-native-host-1.0.jar', 'runtime/lib/modules'].each {
    assert modes[it] == '-rw-r--r--' : "${it} is ${modes[it]}"
}
assert !modes.keySet().any { it.startsWith('runtime/include') || it.startsWith('runtime/man') }

File home = new File(nd.untar(archive), "gateway-1.0-${host}")
assert new File(home, 'README').readLines().size() == 3
String unit = new File(home, 'systemd/gatewayd.service').text
['NoNewPrivileges=yes', 'ProtectSystem=strict', 'User=gateway', 'ReadWritePaths=/var/lib/gateway',
 'ExecStart=/opt/gateway/bin/gatewayd --config-dir /etc/gateway'].each { assert unit.contains(it) }
def release = new File(home, 'runtime/release').text
assert release.contains('MODULES="java.base jdk.httpserver jdk.unsupported"') : release

def (code, out) = nd.run([new File(home, 'bin/gateway').path, '--version'])
assert code == 0 && out.trim() == "gateway gateway-1.0-${host} sample" : out
(code, out) = nd.run([new File(home, 'bin/gateway').path, 'exit', '7'])
assert code == 7 : "exit code passthrough: ${code} ${out}"
(code, out) = nd.run([new File(home, 'bin/gateway').path, 'a b', '', 'c*'])
assert code == 2 && out.contains('args=a b||c*') : out
(code, out) = nd.run([new File(home, 'bin/gateway').path, 'echo-stdin'], basedir, 'piped through\n')
assert code == 0 && out == 'piped through\n' : out

// Through a symlink in another directory, as after `ln -s /opt/gateway/bin/gateway /usr/local/bin/`.
File links = new File(basedir, 'target/links'); links.mkdirs()
java.nio.file.Files.createSymbolicLink(new File(links, 'gw').toPath(), new File(home, 'bin/gateway').toPath())
(code, out) = nd.run([new File(links, 'gw').path, '--version'], links)
assert code == 0 && out.contains("gateway-1.0-${host}") : out

// gatewayd: starts, answers /health on 127.0.0.1, stops with exit 0 on SIGTERM (the launcher exec'd java).
Process daemon = new ProcessBuilder(new File(home, 'bin/gatewayd').path).redirectErrorStream(true).start()
def reader = daemon.inputStream.newReader()
String ready = reader.readLine()
assert ready =~ /^gatewayd listening on http:\/\/127\.0\.0\.1:\d+$/ : ready
String health = new URL(ready - 'gatewayd listening on ' + '/health').text
assert health == '{"status":"ok"}'
assert daemon.pid() == daemon.toHandle().pid()
assert ProcessHandle.of(daemon.pid()).get().info().command().orElse('').endsWith('runtime/bin/java') :
        'the launcher must exec java, not keep a shell in between'
assert nd.run(['kill', '-TERM', daemon.pid().toString()])[0] == 0
assert daemon.waitFor(30, java.util.concurrent.TimeUnit.SECONDS)
assert daemon.exitValue() == 0
assert reader.readLine() == 'gatewayd stopped'
true
