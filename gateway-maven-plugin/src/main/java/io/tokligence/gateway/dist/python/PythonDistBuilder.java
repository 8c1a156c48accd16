package io.tokligence.gateway.dist.python;

import io.tokligence.gateway.dist.DistException;
import io.tokligence.gateway.dist.StagedDirectory;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.FileVisitOption;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;
import java.util.stream.Stream;

/**
 * Goal {@code dist-python}: one platform wheel per native tree in {@code dist/native/gateway-<target>/}
 * (the tree bundled under {@code <package>/bin/<target>/}) and one sdist without binaries, written into
 * {@code dist/python/wheels/} and {@code dist/python/sdist/} only when all of them are complete.
 */
public final class PythonDistBuilder {
    private static final String TREE_PREFIX = "gateway-";
    private static final String LICENSE = "LICENSE";

    private final Consumer<String> log;
    private final Consumer<String> warn;

    /**
     * @param log  receives one line per file written
     * @param warn receives what the user should know about a wheel that was written anyway
     */
    public PythonDistBuilder(Consumer<String> log, Consumer<String> warn) {
        this.log = log;
        this.warn = warn;
    }

    /** The files written. */
    public record Result(List<Path> wheels, Path sdist) {
    }

    public Result build(PythonDistSpec spec) throws IOException {
        PythonProject project = PythonProject.read(spec.packageDirectory());
        Pep440Version version = Pep440Version.fromMaven(spec.mavenVersion());
        if (!Files.isRegularFile(spec.licenseFile())) {
            throw new DistException("Licence file " + spec.licenseFile() + " does not exist: set <licenseFile> "
                    + "(-Dgateway.python.licenseFile) to the project's LICENSE");
        }
        Map<String, Path> trees = nativeTrees(spec.nativeDirectory());
        String baseName = project.distributionName() + "-" + version;

        List<Path> wheels = new ArrayList<>();
        Path sdist;
        try (StagedDirectory wheelStage = StagedDirectory.beside(spec.wheelDirectory());
                StagedDirectory sdistStage = StagedDirectory.beside(spec.sdistDirectory())) {
            WheelWriter wheelWriter = new WheelWriter(spec.timestamp());
            List<PackagedFile> distInfo = distInfoFiles(project, version, spec);
            for (Map.Entry<String, Path> tree : trees.entrySet()) {
                PlatformTag tag = PlatformTag.forTree(tree.getKey(), tree.getValue());
                if (tag.warning() != null) {
                    warn.accept(tag.warning());
                }
                String fileName = baseName + "-py3-none-" + tag + ".whl";
                List<PackagedFile> payload = new ArrayList<>(pythonModules(project));
                payload.addAll(treeFiles(tree.getValue(), packageName(project) + "/bin/" + tree.getKey() + "/"));
                List<PackagedFile> metadata = new ArrayList<>(distInfo);
                metadata.add(PackagedFile.ofText("WHEEL", wheelFile(tag)));
                wheelWriter.write(wheelStage.path().resolve(fileName), baseName + ".dist-info", payload, metadata);
                wheels.add(spec.wheelDirectory().resolve(fileName));
                log.accept("Wrote wheel " + fileName + " (" + tree.getKey() + ")");
            }
            String sdistName = baseName + ".tar.gz";
            new SdistWriter(spec.timestamp()).write(sdistStage.path().resolve(sdistName), baseName,
                    sdistFiles(project, version, spec));
            sdist = spec.sdistDirectory().resolve(sdistName);
            log.accept("Wrote sdist " + sdistName);
            wheelStage.commit();
            sdistStage.commit();
        }
        return new Result(List.copyOf(wheels), sdist);
    }

    private static Map<String, Path> nativeTrees(Path nativeDirectory) throws IOException {
        Map<String, Path> trees = new java.util.TreeMap<>();
        if (Files.isDirectory(nativeDirectory)) {
            try (Stream<Path> children = Files.list(nativeDirectory)) {
                children.filter(Files::isDirectory)
                        .filter(dir -> dir.getFileName().toString().startsWith(TREE_PREFIX))
                        .forEach(dir -> trees.put(dir.getFileName().toString().substring(TREE_PREFIX.length()), dir));
            }
        }
        if (trees.isEmpty()) {
            throw new DistException("No native trees in " + nativeDirectory + " (gateway-<target>/ folders): run goal "
                    + "dist-native first (mvn package -Pdist-native,dist-python) or point -Dgateway.distDirectory at them");
        }
        return trees;
    }

    private static String packageName(PythonProject project) {
        return project.distributionName();
    }

    private static List<PackagedFile> pythonModules(PythonProject project) {
        Path sources = project.directory().resolve("src").resolve(packageName(project));
        if (!Files.isDirectory(sources)) {
            throw new DistException("Python sources not found: " + sources + " does not exist; the package '"
                    + project.name() + "' must live in src/" + packageName(project) + "/");
        }
        return sourceFiles(sources, packageName(project) + "/");
    }

    private static List<PackagedFile> distInfoFiles(PythonProject project, Pep440Version version, PythonDistSpec spec) {
        List<PackagedFile> files = new ArrayList<>();
        files.add(PackagedFile.ofText("METADATA", CoreMetadata.render(project, version, List.of(LICENSE))));
        files.add(PackagedFile.ofText("entry_points.txt", entryPoints(project)));
        files.add(PackagedFile.ofFile("licenses/" + LICENSE, spec.licenseFile(), false));
        if (spec.sbomFile() != null && Files.isRegularFile(spec.sbomFile())) {
            files.add(PackagedFile.ofFile("sboms/" + spec.sbomFile().getFileName(), spec.sbomFile(), false));
        }
        return files;
    }

    private static String wheelFile(PlatformTag tag) {
        return "Wheel-Version: 1.0\n"
                + "Generator: gateway-maven-plugin\n"
                + "Root-Is-Purelib: false\n"
                + "Tag: py3-none-" + tag + "\n";
    }

    private static String entryPoints(PythonProject project) {
        StringBuilder text = new StringBuilder("[console_scripts]\n");
        project.scripts().forEach((name, target) -> text.append(name).append(" = ").append(target).append('\n'));
        return text.toString();
    }

    private static List<PackagedFile> sdistFiles(PythonProject project, Pep440Version version, PythonDistSpec spec) {
        List<PackagedFile> files = new ArrayList<>(sourceFiles(project.directory(), "").stream()
                .filter(entry -> !entry.name().equals(LICENSE) && !entry.name().equals("PKG-INFO"))
                .toList());
        files.add(PackagedFile.ofText("PKG-INFO", CoreMetadata.render(project, version, List.of(LICENSE))));
        files.add(PackagedFile.ofFile(LICENSE, spec.licenseFile(), false));
        return files;
    }

    /** Python sources below {@code root}, without caches, virtual environments and build outputs. */
    private static List<PackagedFile> sourceFiles(Path root, String prefix) {
        try (Stream<Path> files = Files.walk(root)) {
            return files.filter(Files::isRegularFile)
                    .filter(file -> isSource(root.relativize(file)))
                    .map(file -> PackagedFile.ofFile(prefix + slashed(root.relativize(file)), file, false))
                    .toList();
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot list " + root, e);
        }
    }

    private static boolean isSource(Path relative) {
        for (Path part : relative) {
            String name = part.toString();
            if (name.startsWith(".") || name.equals("__pycache__") || name.equals("build") || name.equals("dist")
                    || name.endsWith(".egg-info") || name.endsWith(".pyc")) {
                return false;
            }
        }
        return true;
    }

    /** Every file of a native tree, symlinks resolved (wheels cannot hold links), keeping the executable bit. */
    private static List<PackagedFile> treeFiles(Path tree, String prefix) {
        try (Stream<Path> files = Files.walk(tree, FileVisitOption.FOLLOW_LINKS)) {
            return files.filter(Files::isRegularFile)
                    .map(file -> PackagedFile.ofFile(prefix + slashed(tree.relativize(file)), file,
                            Files.isExecutable(file)))
                    .toList();
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot list " + tree, e);
        }
    }

    private static String slashed(Path relative) {
        return relative.toString().replace(relative.getFileSystem().getSeparator(), "/");
    }
}
