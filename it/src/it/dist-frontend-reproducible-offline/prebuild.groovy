// Builds the repository's real console: copies fe/ into this project (binds `target`, the copy).
evaluate(new File(repositoryRoot, 'it/src/it/shared/copy-console.groovy'))
def target = binding.getVariable('target')

// Warm npm's cache (online when it is cold, e.g. on a fresh CI machine), then remove node_modules again:
// the build below runs under mvn -o and must install from that cache alone.
def warm = new ProcessBuilder('npm', 'ci', '--prefer-offline', '--ignore-scripts')
        .directory(target).redirectErrorStream(true).start()
def output = warm.inputStream.text
assert warm.waitFor() == 0 : "npm ci to warm the cache failed:\n${output}"
new File(target, 'node_modules').deleteDir()
return true
