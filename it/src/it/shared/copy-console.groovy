// The IT builds the repository's real console: copy fe/ (without its node_modules and build output) into fe/ here.
source = new File(repositoryRoot, 'fe')
target = new File(basedir, 'fe')
assert new File(source, 'package-lock.json').isFile() : "no console at ${source}"
skipped = ['node_modules', 'dist'] as Set
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
