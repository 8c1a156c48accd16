def log = new File(basedir, 'build.log').text
def dist = new File(basedir, 'dist/frontend')

// One line naming the failing script, with the compiler's error from the tail of npm's output.
def error = log.readLines().find { it.startsWith('[ERROR] Failed to execute goal io.tokligence.gateway:gateway-maven-plugin') }
assert error != null : 'no goal failure in build.log'
assert error.contains("npm run build in ${new File(basedir, 'fe').canonicalPath} failed (exit ")
assert error.contains('src/App.tsx(') : "the error does not carry the build's error: ${error}"

// The previous bundles are untouched and no staging directory is left behind.
['web', 'h5'].each { t ->
    assert new File(dist, "${t}/index.html").text == "previous ${t} bundle"
    assert new File(dist, t).list() as List == ['index.html']
}
assert dist.list().sort() == ['h5', 'web'] : "unexpected entries in ${dist}: ${dist.list()}"
return true
