// The generated site as its operator gets it: layout and values, then `./mvnw package -Pdist-all` builds its own dist/
// (console, native archive, wheel, image) from gateway-app and the site's config/, and the archive's gatewayd runs
// with that config, answers and serves the site's console.
import java.util.concurrent.TimeUnit

File site = new File(basedir, 'acme-gateway')
def files = []
site.eachFileRecurse(groovy.io.FileType.FILES) { files << site.toPath().relativize(it.toPath()).toString() }
assert files.sort() == ['.github/workflows/release.yml', '.gitignore', '.mvn/wrapper/maven-wrapper.properties', 'LICENSE',
        'README.md', 'config/dev/gateway.ini', 'config/live/gateway.ini', 'config/setting.ini',
        'fe-overrides/.env.local', 'fe-overrides/src/branding.css', 'mvnw', 'mvnw.cmd',
        'pom.xml', 'python-package/README.md', 'python-package/_build_backend/tokgateway_build.py',
        'python-package/pyproject.toml', 'python-package/src/acme_gateway/__init__.py',
        'python-package/src/acme_gateway/__main__.py', 'python-package/src/acme_gateway/_runner.py']
assert new File(site, 'mvnw').canExecute()

def ini = { File file -> file.readLines().findAll { it =~ /^[a-z_0-9]+=/ }.collectEntries { [(it - ~/=.*/): it.substring(it.indexOf('=') + 1)] } }
def settings = ini(new File(site, 'config/setting.ini'))
assert settings.environment == 'dev' && settings.email == 'admin@example.com' && settings.admin_email == 'admin@example.com'
assert settings.display_name == 'acme-gateway'
assert ini(new File(site, 'config/live/gateway.ini')).base_url == '' : 'baseUrl=none keeps the live environment local'

def pom = new groovy.xml.XmlSlurper().parse(new File(site, 'pom.xml'))
assert pom.groupId == 'com.acme' && pom.artifactId == 'acme-gateway' && pom.packaging == 'pom'
assert pom.properties.'gateway.version' == projectVersion
assert pom.properties.'gateway.docker.imageName' == 'ghcr.io/acme/acme-gateway'
assert pom.profiles.profile.id*.text() == ['dist-frontend', 'dist-native', 'dist-python', 'dist-docker', 'dist-all', 'release']
assert pom.profiles.profile.find { it.id == 'dist-all' }.build.plugins.plugin.find { it.artifactId == 'gateway-maven-plugin' }
        .executions.execution.id*.text() == ['dist-frontend', 'dist-native', 'dist-python', 'dist-docker']
assert new File(site, 'python-package/pyproject.toml').readLines().contains('name = "acme-gateway"')

evaluate(new File(basedir, '../../../src/it/shared/build-site.groovy'))(site, 'dist-all')

String target = System.getProperty('os.arch') in ['aarch64', 'arm64'] ? 'linux-aarch64' : 'linux-x64'
File nativeDir = new File(site, 'dist/native')
String archive = "gateway-1.0.0-SNAPSHOT-${target}.tar.gz"
assert nativeDir.list().sort() == ['SHA256SUMS', archive, "gateway-${target}".toString()].sort()
assert new File(site, 'dist').list().sort() == ['docker', 'frontend', 'native', 'python']
assert new File(site, 'dist/python/wheels').list().every { it.startsWith('acme_gateway-1.0.0.dev0-py3-none-') }
assert new File(site, 'dist/python/sdist').list() == ['acme_gateway-1.0.0.dev0.tar.gz']
def image = new groovy.json.JsonSlurper().parse(new File(site, 'dist/docker/image.json'))
assert image.references == ['ghcr.io/acme/acme-gateway:1.0.0-SNAPSHOT']
File unpacked = new File(basedir, 'unpacked'); unpacked.mkdirs()
assert ['tar', 'xzf', new File(nativeDir, archive).path, '-C', unpacked.path].execute().waitFor() == 0
File home = new File(unpacked, "gateway-1.0.0-SNAPSHOT-${target}")
assert new File(home, "lib/gateway-app-${projectVersion}.jar").isFile() : 'the application comes from the gateway-app dependency'
['setting.ini', 'dev/gateway.ini', 'live/gateway.ini'].each {
    assert new File(home, "config/${it}").text == new File(site, "config/${it}").text : "config/${it} is not the site's"
}
assert new File(home, 'LICENSE').text == new File(site, 'LICENSE').text

// One source for config/: `gateway init` from the site's own archive writes the same files, keys and comments from the
// same templates; the only differences are the two values the archetype decides differently on purpose (the site's
// email is also its admin, and baseUrl=none keeps the live environment off the public marketplace).
File initRoot = new File(basedir, 'init')
ProcessBuilder init = new ProcessBuilder(new File(home, 'bin/gateway').path, '--env', 'dev,live', 'init', '--root',
        initRoot.path, '--email', 'admin@example.com', '--display-name', 'acme-gateway').redirectErrorStream(true)
init.environment().put('HOME', basedir.path)
Process initProcess = init.start()
String initOutput = initProcess.inputStream.text
assert initProcess.waitFor() == 0 : initOutput
def tree = { File root -> def names = []; root.eachFileRecurse(groovy.io.FileType.FILES) { names << root.toPath().relativize(it.toPath()).toString() }; names.sort() }
assert tree(new File(initRoot, 'config')) == tree(new File(site, 'config'))
Map<String, Map<String, String>> onPurpose = ['setting.ini': [admin_email: 'admin@localhost'],
        'live/gateway.ini': [base_url: 'https://marketplace.tokligence.ai']]
tree(new File(site, 'config')).each { name ->
    List<String> fromInit = new File(initRoot, "config/${name}").readLines()
    List<String> fromArchetype = new File(site, "config/${name}").readLines()
    assert fromInit.size() == fromArchetype.size() : name
    [fromInit, fromArchetype].transpose().each { byInit, byArchetype ->
        String key = byArchetype.contains('=') && !byArchetype.startsWith('#') ? byArchetype.substring(0, byArchetype.indexOf('=')) : null
        if (onPurpose[name]?.containsKey(key)) {
            assert byInit == "${key}=${onPurpose[name][key]}".toString() : "${name}: ${byInit}"
        } else {
            assert byInit == byArchetype : "config/${name}: gateway init wrote '${byInit}', the archetype '${byArchetype}'"
        }
    }
}

// gatewayd with the site's config (found under gateway.home); ledgers and the port kept inside this test.
int port = new ServerSocket(0, 1, InetAddress.getLoopbackAddress()).withCloseable { it.localPort }
ProcessBuilder daemonBuilder = new ProcessBuilder(new File(home, 'bin/gatewayd').path).directory(basedir)
        .redirectErrorStream(true)
daemonBuilder.environment().putAll([HOME: basedir.path, TOKLIGENCE_LISTEN: "127.0.0.1:${port}".toString(),
        TOKLIGENCE_LEDGER_PATH: new File(basedir, 'ledger.db').path, TOKLIGENCE_IDENTITY_PATH: new File(basedir, 'identity.db').path])
Process daemon = daemonBuilder.start()
try {
    def reader = daemon.inputStream.newReader()
    String line
    while ((line = reader.readLine()) != null && !line.startsWith('gatewayd listening on ')) {
        println "gatewayd: ${line}"
    }
    assert line == "gatewayd listening on http://127.0.0.1:${port}"
    def health = new groovy.json.JsonSlurper().parse(new URL("http://127.0.0.1:${port}/health"))
    assert health.status == 'ok' && health.version == projectVersion && health.database == 'sqlite'
    ['/', '/h5/'].each { path ->
        String page = new URL("http://127.0.0.1:${port}${path}").text
        assert page.contains('<title>acme-gateway</title>') : "${path} does not serve the site's console: ${page}"
    }
    assert ['kill', '-TERM', daemon.pid().toString()].execute().waitFor() == 0
    assert daemon.waitFor(30, TimeUnit.SECONDS) : 'gatewayd did not stop within 30 s of SIGTERM'
    assert daemon.exitValue() == 0
} finally {
    daemon.destroyForcibly()
}
true
