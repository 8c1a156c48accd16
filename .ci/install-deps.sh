# Sourced by .ci/run: installs the system packages the test suite drives (idempotent, quiet).
need_apt=()
command -v qemu-aarch64-static >/dev/null || need_apt+=(qemu-user-static)
if [ ${#need_apt[@]} -gt 0 ] && command -v apt-get >/dev/null; then
  apt-get update -qq
  apt-get install -y -qq --no-install-recommends "${need_apt[@]}" >/dev/null
fi

# dist-python tests: pip/venv and pipx from Debian, the wheel judges (twine, check-wheel-contents, auditwheel),
# uv and pypiserver from PyPI into a venv of their own, pinned in the test resources.
need_apt=()
command -v pipx >/dev/null || need_apt+=(pipx)
python3 -c 'import ensurepip' 2>/dev/null || need_apt+=(python3-venv python3-pip)
if [ ${#need_apt[@]} -gt 0 ] && command -v apt-get >/dev/null; then
  apt-get update -qq
  apt-get install -y -qq --no-install-recommends "${need_apt[@]}" >/dev/null
fi
py_tools_venv="${XDG_CACHE_HOME:-$HOME/.cache}/gateway-python-tools/venv"
py_tools_requirements="gateway-maven-plugin/src/test/resources/python/tools-requirements.txt"
if [ ! -x "$py_tools_venv/bin/pypi-server" ] || [ ! -x "$py_tools_venv/bin/uv" ]; then
  python3 -m venv "$py_tools_venv"
fi
"$py_tools_venv/bin/pip" install -q --disable-pip-version-check -r "$py_tools_requirements"
