def nd = evaluate(new File(basedir, '../../../src/dist-native-parent/verify/native-dist-checks.groovy'))
nd.checkFailure("Target macos-x64 has no Java runtime: add a toolchain with <provides><os>macos</os><arch>x64</arch>"
        + "</provides> to toolchains.xml, or set <jdkHome>, <jdkArtifact> (groupId:artifactId:version:type:classifier)"
        + " or <runtimeImage> in <runtimes><runtime><target>macos-x64</target> (or set <skipUnavailableTargets>true) -> [Help 1]")
true
