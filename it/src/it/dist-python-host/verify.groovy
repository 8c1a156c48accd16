// The host wheel as pip users get it: name and tag, pip install --no-index into a fresh venv, the commands run
// (arguments, stdin, exit code, python -m, tokgatewayd's /health and SIGTERM), and the sdist refusing to build
// offline with its message.
def nd = evaluate(new File(basedir, '../../../src/dist-native-parent/verify/native-dist-checks.groovy'))
String host = System.getProperty('os.arch') in ['aarch64', 'arm64'] ? 'linux-aarch64' : 'linux-x64'
String arch = host == 'linux-x64' ? 'x86_64' : 'aarch64'
String log = new File(basedir, 'build.log').text

File wheels = new File(basedir, 'dist/python/wheels')
assert wheels.list().length == 1 : wheels.list()
String wheel = wheels.list()[0]
def name = wheel =~ /^tokgateway-1\.2\.0rc1-py3-none-(manylinux_2_(\d+)|linux)_${arch}\.whl$/
assert name.matches() : wheel
if (wheel.contains('-linux_')) {
    // A runtime linking a system library manylinux does not promise (Debian's OpenJDK links libz.so.1).
    assert log.contains("[WARNING] gateway-${host}: runtime/") && log.contains('so the wheel is tagged linux_') : log
}
assert new File(basedir, 'dist/python/sdist').list() == ['tokgateway-1.2.0rc1.tar.gz']
int nativeGoal = log.indexOf(':dist-native (default) @ dist-python-host')
assert nativeGoal >= 0 && nativeGoal < log.indexOf(':dist-python (dist-python) @ dist-python-host') :
        'dist-python runs after dist-native in the same phase'

File venv = new File(basedir, 'target/venv')
def (code, out) = nd.run(['python3', '-m', 'venv', venv.path])
assert code == 0 : out
(code, out) = nd.run([new File(venv, 'bin/pip').path, 'install', '--disable-pip-version-check', '--no-index',
                      new File(wheels, wheel).path])
assert code == 0 : out

String tokgateway = new File(venv, 'bin/tokgateway').path
(code, out) = nd.run([tokgateway, '--version'])
assert code == 0 && out.trim() == "gateway ${host} sample" : out
(code, out) = nd.run([new File(venv, 'bin/python').path, '-m', 'tokgateway', '--version'])
assert code == 0 && out.trim() == "gateway ${host} sample" : out
(code, out) = nd.run([tokgateway, 'exit', '9'])
assert code == 9 : "exit code passthrough: ${code} ${out}"
(code, out) = nd.run([tokgateway, 'echo-stdin'], basedir, 'through python\n')
assert code == 0 && out == 'through python\n' : out
(code, out) = nd.run([tokgateway, 'init', '--help'])
assert code == 2 && out.contains('args=init|--help') : out

// tokgatewayd: the console script execs the launcher, which execs java: same pid, so SIGTERM reaches the daemon.
Process daemon = new ProcessBuilder(new File(venv, 'bin/tokgatewayd').path).redirectErrorStream(true).start()
def reader = daemon.inputStream.newReader()
String ready = reader.readLine()
assert ready =~ /^gatewayd listening on http:\/\/127\.0\.0\.1:\d+$/ : ready
assert new URL(ready - 'gatewayd listening on ' + '/health').text == '{"status":"ok"}'
assert ProcessHandle.of(daemon.pid()).get().info().command().orElse('').endsWith('runtime/bin/java') :
        'tokgatewayd must exec the launcher (and it java), not keep python in between'
assert nd.run(['kill', '-TERM', daemon.pid().toString()])[0] == 0
assert daemon.waitFor(30, java.util.concurrent.TimeUnit.SECONDS)
assert daemon.exitValue() == 0
assert reader.readLine() == 'gatewayd stopped'

File sdistVenv = new File(basedir, 'target/venv-sdist')
(code, out) = nd.run(['python3', '-m', 'venv', sdistVenv.path])
assert code == 0 : out
(code, out) = nd.run([new File(sdistVenv, 'bin/pip').path, 'install', '--disable-pip-version-check', '--no-index',
                      new File(basedir, 'dist/python/sdist/tokgateway-1.2.0rc1.tar.gz').path])
assert code != 0 && out.contains('error: tokgateway cannot be built from source') : out
return true
