import java.nio.file.Files
import java.nio.file.Path

def log = new File(basedir, 'build.log').text
assert log.contains('Installing dependencies (npm ci --offline)') : 'Maven ran offline but npm was not told to'
assert log.count('Building the web bundle (npm run build)') == 2 : 'the second execution did not rebuild'

Map<String, byte[]> tree(Path root) {
    def files = [:]
    Files.walk(root).withCloseable { paths ->
        paths.filter { Files.isRegularFile(it) }.each { files[root.relativize(it).toString()] = Files.readAllBytes(it) }
    }
    return files
}
['web', 'h5'].each { target ->
    def first = tree(new File(basedir, "dist-first/frontend/${target}").toPath())
    def second = tree(new File(basedir, "dist-second/frontend/${target}").toPath())
    assert !first.isEmpty()
    assert first.keySet() == second.keySet() : "${target}: different files: ${first.keySet()} vs ${second.keySet()}"
    first.each { name, bytes -> assert Arrays.equals(bytes, second[name]) : "${target}/${name} differs between two builds" }
}
return true
