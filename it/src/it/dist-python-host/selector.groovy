// The wheel is installed with the host's pip: without python3, pip and venv this project cannot run.
def ok = ['python3', '-m', 'pip', '--version'].execute().waitFor() == 0 &&
        ['python3', '-m', 'venv', '--help'].execute().waitFor() == 0
if (!ok) {
    println 'dist-python-host skipped: python3 with pip and venv is not installed'
}
return ok
