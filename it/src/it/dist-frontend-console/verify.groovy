def log = new File(basedir, 'build.log').text
def dist = new File(basedir, 'dist/frontend')

['web', 'h5'].each { t ->
    assert new File(dist, "${t}/index.html").isFile() : "no ${t} bundle in ${dist}"
    assert new File(dist, "${t}/assets").list().any { it.endsWith('.js') } : "${t} bundle has no script"
}
// Each bundle is built for where gatewayd serves it.
assert new File(dist, 'web/index.html').text.contains('src="/assets/')
assert new File(dist, 'h5/index.html').text.contains('src="/h5/assets/')
assert new File(dist, 'h5/index.html').text.contains('name="viewport"')

// First run: npm ci, both builds, npm's own output in the Maven log.
// --offline when the IT runs under mvn -o, --prefer-offline otherwise.
assert log =~ /Installing dependencies \(npm ci --(prefer-)?offline\)/
assert log.contains('Building the web bundle (npm run build)')
assert log.contains('Building the h5 bundle (npm run build:h5)')
assert log.contains('vite build --mode h5') : 'npm output is not streamed to the Maven log'
assert log.count('Installing dependencies') == 1 : 'npm ci ran twice'
// Second run: inputs unchanged, nothing rebuilt.
assert log.contains('[INFO] web bundle up to date, not rebuilt')
assert log.contains('[INFO] h5 bundle up to date, not rebuilt')
assert log.count('Building the web bundle') == 1
return true
