// The IT builds the repository's real console: copy fe/ (without its node_modules and build output) into fe/ here.
def source = new File(repositoryRoot, 'fe')
def target = new File(basedir, 'fe')
assert new File(source, 'package-lock.json').isFile() : "no console at ${source}"
def skipped = ['node_modules', 'dist'] as Set
java.nio.file.Files.walk(source.toPath()).withCloseable { paths ->
    paths.each { path ->
        def relative = source.toPath().relativize(path)
        if (relative.nameCount > 0 && skipped.contains(relative.getName(0).toString())) {
            return
        }
        def copy = target.toPath().resolve(relative.toString())
        if (java.nio.file.Files.isDirectory(path)) {
            java.nio.file.Files.createDirectories(copy)
        } else {
            java.nio.file.Files.copy(path, copy)
        }
    }
}
// A bundle from an earlier build, which the failing build must leave exactly as it is.
['web', 'h5'].each { t ->
    def previous = new File(basedir, "dist/frontend/${t}")
    previous.mkdirs()
    new File(previous, 'index.html').text = "previous ${t} bundle"
}
// A syntax error in a source of the copied console.
def app = new File(target, 'src/App.tsx')
app.text = app.text.replace('export function App(', 'export function App(((')
return true
