package io.tokligence.gateway.dist.runtime;

import io.tokligence.gateway.dist.DistException;
import io.tokligence.gateway.dist.ProcessRunner;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.SortedSet;

/** Links a runtime image with the jlink of one JDK, from the jmods of the target's JDK. */
public final class Jlink {

    /** JDK 21 added zip-0..zip-9; 17 knows only the numbered levels, of which 2 (zip) is the strongest. */
    private static final int FIRST_RELEASE_WITH_ZIP_LEVELS = 21;

    private final ProcessRunner runner;

    public Jlink(ProcessRunner runner) {
        this.runner = runner;
    }

    /** The strongest {@code --compress} value the jlink of {@code featureVersion} accepts. */
    public static String strongestCompression(int featureVersion) {
        return featureVersion >= FIRST_RELEASE_WITH_ZIP_LEVELS ? "zip-9" : "2";
    }

    /**
     * {@code --strip-debug} also strips native symbols on linux, with the host's objcopy, which cannot read another
     * architecture's libraries and fails the link; for a foreign target only the Java debug attributes are stripped
     * (the native libraries in vendor jmods ship stripped already).
     */
    static String stripOption(Target host, Target target) {
        return host.equals(target) ? "--strip-debug" : "--strip-java-debug-attributes";
    }

    /**
     * Links {@code modules} from {@code targetJdk}'s jmods into {@code output} (which must not exist yet), with
     * {@code compression} as {@code --compress} (null: the strongest this jlink knows).
     *
     * @throws DistException when the feature releases differ (jlink refuses them) or jlink fails
     */
    public void link(JavaHome linkingJdk, Target host, JavaHome targetJdk, SortedSet<String> modules, Path output, Target target,
            String compression) {
        if (linkingJdk.featureVersion() != targetJdk.featureVersion()) {
            throw new DistException("Target " + target.id() + ": JDK " + targetJdk.path() + " is Java " + targetJdk.version()
                    + " but jlink runs from Java " + linkingJdk.version() + ": jlink links only its own feature release,"
                    + " so give a Java " + linkingJdk.featureVersion() + " JDK for the target (or build with a Java "
                    + targetJdk.featureVersion() + " jdk toolchain)");
        }
        List<String> command = List.of(linkingJdk.tool("jlink", host).toString(),
                "--module-path", targetJdk.jmods().toString(),
                "--add-modules", String.join(",", modules),
                stripOption(host, target), "--no-header-files", "--no-man-pages",
                "--compress=" + (compression == null || compression.isBlank()
                        ? strongestCompression(linkingJdk.featureVersion()) : compression.strip()),
                "--output", output.toString());
        runner.runChecked("jlink for target " + target.id(), command, null, Map.of());
    }
}
