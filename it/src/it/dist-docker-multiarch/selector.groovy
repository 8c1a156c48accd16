def foreign = evaluate(new File(basedir, '../../../src/dist-native-parent/verify/foreign-runtimes.groovy'))
return foreign.prepare(repositoryRoot, foreignRuntimes, ['linux-aarch64'], true)
