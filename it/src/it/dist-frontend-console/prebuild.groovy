// Builds the repository's real console: copies fe/ into this project (binds `target`, the copy).
evaluate(new File(repositoryRoot, 'it/src/it/shared/copy-console.groovy'))
return true
