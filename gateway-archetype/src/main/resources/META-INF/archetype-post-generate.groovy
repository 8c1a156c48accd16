// Runs after the templates are copied: shapes config/ for the environments asked for and fills in the site's
// values, starting from the same templates `gateway init` writes (copied from the repository's config/).
import java.nio.file.Files
import java.nio.file.Path
import java.nio.file.attribute.PosixFilePermissions

Path site = Path.of(request.outputDirectory, request.artifactId)
Properties props = request.properties
List<String> environments = props.getProperty('environments').split(',').collect { it.trim() }.findAll { it }
String baseUrl = props.getProperty('baseUrl') == 'none' ? '' : props.getProperty('baseUrl')

// Replaces `key=...` lines in an ini file, keeping comments and order.
def setKeys = { Path file, Map<String, String> values ->
    List<String> lines = Files.readAllLines(file).collect { line ->
        def key = line.contains('=') && !line.trim().startsWith('#') && !line.trim().startsWith(';') ? line.substring(0, line.indexOf('=')).trim() : null
        values.containsKey(key) ? key + '=' + values[key] : line
    }
    Files.write(file, lines)
}

Path config = site.resolve('config')
setKeys(config.resolve('setting.ini'), [environment: environments[0], email: props.getProperty('email'),
        admin_email: props.getProperty('email'), display_name: props.getProperty('artifactId')])

// A "live" environment starts from the live template, every other one from dev's.
Path devTemplate = config.resolve('dev/gateway.ini')
Path liveTemplate = config.resolve('live/gateway.ini')
Map<String, byte[]> templates = [dev: Files.readAllBytes(devTemplate), live: Files.readAllBytes(liveTemplate)]
Files.delete(devTemplate); Files.delete(config.resolve('dev'))
Files.delete(liveTemplate); Files.delete(config.resolve('live'))
environments.each { env ->
    Path overlay = config.resolve(env).resolve('gateway.ini')
    Files.createDirectories(overlay.parent)
    Files.write(overlay, templates[env == 'live' || env == 'prod' ? 'live' : 'dev'])
    if (env == 'live' || env == 'prod') {
        setKeys(overlay, [base_url: baseUrl])
    }
}

['mvnw'].each { name ->
    Path script = site.resolve(name)
    if (Files.exists(script)) {
        Files.setPosixFilePermissions(script, PosixFilePermissions.fromString('rwxr-xr-x'))
    }
}
