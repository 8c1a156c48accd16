// The real gateway in its image, run without an engine: the CLI creates an admin and an API key in the image's
// ledger, gatewayd (the entrypoint, listen address overridden as `docker run -e` would) answers /health and a
// loopback chat completion with that key, and stops with exit 0 on SIGTERM.
import groovy.json.JsonOutput
import groovy.json.JsonSlurper

def nd = evaluate(new File(basedir, '../../../src/dist-native-parent/verify/native-dist-checks.groovy'))
def images = evaluate(new File(basedir, '../../../src/dist-docker/image-checks.groovy'))(basedir, nd)
String host = System.getProperty('os.arch') in ['aarch64', 'arm64'] ? 'arm64' : 'amd64'
String archive = "docker-archive:${new File(basedir, 'dist/docker/gateway.tar')}"
def config = images.skopeo(['inspect', '--config', '--raw', archive]).config
File rootfs = images.unpack(archive, host)
String appJar = new File(rootfs, 'app/lib').list().find { it ==~ /gateway-app-.+\.jar/ }
assert appJar : 'the gateway-app jar must be in /app/lib'
String version = appJar - 'gateway-app-' - '.jar'
if (!images.canRun()) {
    println 'SKIPPED running the image: unshare --mount --pid is not permitted here'
    return true
}

def (code, out) = images.exec(rootfs, config, 'gateway --version')
assert code == 0 && out.trim() == "gateway ${version}" : out
(code, out) = images.exec(rootfs, config, 'gateway user add --email ops@example.com --role gateway_admin')
assert code == 0 && out.contains('created user') : out
(code, out) = images.exec(rootfs, config, 'gateway key create --user ops@example.com --quiet')
assert code == 0 : out
String token = out.readLines().find { it.startsWith('tok_') }
assert token : out

int port = new ServerSocket(0).withCloseable { it.localPort }
Process daemon = images.start(rootfs, config, config.Entrypoint.join(' '), [TOKLIGENCE_LISTEN: "127.0.0.1:${port}".toString()])
try {
    String ready = daemon.inputStream.newReader().readLine()
    assert ready == "gatewayd listening on http://127.0.0.1:${port}" : ready
    def health = new JsonSlurper().parseText(new URL("http://127.0.0.1:${port}/health").text)
    assert health.status == 'ok' && health.version == version && health.database == 'sqlite'

    def connection = (HttpURLConnection) new URL("http://127.0.0.1:${port}/v1/chat/completions").openConnection()
    connection.requestMethod = 'POST'
    connection.doOutput = true
    connection.setRequestProperty('Authorization', "Bearer ${token}")
    connection.setRequestProperty('Content-Type', 'application/json')
    connection.outputStream.withWriter { it << JsonOutput.toJson([model: 'loopback',
            messages: [[role: 'user', content: 'hello from the image']]]) }
    assert connection.responseCode == 200
    def completion = new JsonSlurper().parse(connection.inputStream)
    assert completion.choices[0].message.content == 'echo: hello from the image'
    assert completion.usage.prompt_tokens == 4 && completion.usage.completion_tokens == 5
} finally {
    assert images.stop(daemon) == 0 : 'gatewayd must exit 0 on SIGTERM'
}
true
