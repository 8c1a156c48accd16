def foreign = evaluate(new File(basedir, '../../../src/dist-native-parent/verify/foreign-runtimes.groovy'))
return foreign.prepare(repositoryRoot, foreignRuntimes, ['windows-x64', 'macos-aarch64'], false)
