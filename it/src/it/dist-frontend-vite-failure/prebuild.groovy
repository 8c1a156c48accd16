// Builds the repository's real console: copies fe/ into this project (binds `target`, the copy).
evaluate(new File(repositoryRoot, 'it/src/it/shared/copy-console.groovy'))
def target = binding.getVariable('target')

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
