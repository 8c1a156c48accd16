// Runs after the templates are copied: shapes config/ for the environments asked for and fills in the site's
// values, starting from the same templates `gateway init` writes (copied from the repository's config/).
import java.nio.file.Files
import java.nio.file.Path
import java.nio.file.attribute.PosixFilePermissions

Path site = Path.of(request.outputDirectory, request.artifactId)
Properties props = request.properties

// archetype:generate -B does not apply the descriptor's validationRegex (ARCHETYPE-532), so every property is checked
// here against the regexes of this archetype's own archetype-metadata.xml; a bad value removes what was generated.
// The jar comes from the reactor when this module's own build runs archetype:integration-test, else from the local
// repository archetype:generate resolved it into.
def session = request.repositorySession
def archetype = new org.eclipse.aether.artifact.DefaultArtifact(request.archetypeGroupId, request.archetypeArtifactId,
        'jar', request.archetypeVersion)
File archetypeJar = session.workspaceReader?.findArtifact(archetype) ?: session.localRepositoryManager.find(session,
        new org.eclipse.aether.repository.LocalArtifactRequest(archetype, null, null)).file
def descriptor = new java.util.zip.ZipFile(archetypeJar).withCloseable { zip ->
    new groovy.xml.XmlSlurper().parse(zip.getInputStream(zip.getEntry('META-INF/maven/archetype-metadata.xml')))
}
descriptor.requiredProperties.requiredProperty.findAll { !it.validationRegex.isEmpty() }.each { property ->
    String key = property.@key.text()
    String value = props.getProperty(key)
    String regex = property.validationRegex.text()
    if (value == null || !(value ==~ regex)) {
        if (Files.isDirectory(site)) {
            Files.walk(site).sorted(Comparator.reverseOrder()).forEach { Files.delete(it) }
        }
        throw new IllegalArgumentException("Invalid -D${key}=${value}: it must match ${regex}; nothing was generated")
    }
}
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

setKeys(site.resolve('config/setting.ini'), [environment: environments[0], email: props.getProperty('email'),
        admin_email: props.getProperty('email'), display_name: props.getProperty('artifactId')])

// As `gateway init --env ...` does: an environment with its own template (dev, live) starts from it, any other from
// dev's with its own ledger and identity files.
Path config = site.resolve('config')
Map<String, String> templates = ['dev', 'live'].collectEntries { [(it): Files.readString(config.resolve(it).resolve('gateway.ini'))] }
templates.keySet().each { Files.delete(config.resolve(it).resolve('gateway.ini')); Files.delete(config.resolve(it)) }
environments.each { env ->
    Path overlay = config.resolve(env).resolve('gateway.ini')
    Files.createDirectories(overlay.parent)
    Files.writeString(overlay, templates[env] ?: templates['dev'])
    if (!templates.containsKey(env)) {
        setKeys(overlay, [ledger_path: "~/.tokligence/${env}/ledger.db".toString(),
                          identity_path: "~/.tokligence/${env}/identity.db".toString()])
    }
    // "none" keeps every environment local, including live (whose template points at the public marketplace).
    setKeys(overlay, [base_url: baseUrl])
}

// The Python distribution is named pythonName; its import package and console scripts follow the name
// (acme-gateway: `pip install acme-gateway`, `import acme_gateway`, commands acme-gateway and acme-gatewayd).
String pythonName = props.getProperty('pythonName')
String pythonPackage = pythonName.toLowerCase(Locale.ROOT).replaceAll('[-_.]+', '_')
Path python = site.resolve('python-package')
if (pythonPackage != 'tokgateway') {
    Path sources = python.resolve('src')
    Files.move(sources.resolve('tokgateway'), sources.resolve(pythonPackage))
    Files.walk(sources).filter { Files.isRegularFile(it) }.toList().each { file ->
        Files.writeString(file, Files.readString(file).replace('tokgateway', pythonPackage))
    }
    Path pyproject = python.resolve('pyproject.toml')
    Files.writeString(pyproject, Files.readString(pyproject)
            .replace('name = "tokgateway"', 'name = "' + pythonName + '"')
            .replace('tokgatewayd = "tokgateway.', pythonName + 'd = "' + pythonPackage + '.')
            .replace('tokgateway = "tokgateway.', pythonName + ' = "' + pythonPackage + '.'))
    Path readme = python.resolve('README.md')
    Files.writeString(readme, Files.readString(readme)
            .replace('python -m tokgateway', 'python -m ' + pythonPackage).replace('tokgateway', pythonName))
}

['mvnw'].each { name ->
    Path script = site.resolve(name)
    if (Files.exists(script)) {
        Files.setPosixFilePermissions(script, PosixFilePermissions.fromString('rwxr-xr-x'))
    }
}
