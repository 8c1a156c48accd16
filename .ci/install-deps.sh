# Sourced by .ci/run: installs the system packages the test suite drives (idempotent, quiet).
need_apt=()
command -v qemu-aarch64-static >/dev/null || need_apt+=(qemu-user-static)
# Debian's Chromium for the console browser test (fe/e2e, gateway-app -Pdist-frontend); playwright never downloads one.
command -v chromium >/dev/null || need_apt+=(chromium)
ls -d /usr/lib/postgresql/*/bin >/dev/null 2>&1 || need_apt+=(postgresql)
# dist-docker: skopeo and umoci read and unpack the images; unshare/chroot (util-linux, coreutils) run them.
command -v skopeo >/dev/null || need_apt+=(skopeo)
command -v umoci >/dev/null || need_apt+=(umoci)
command -v pipx >/dev/null || need_apt+=(pipx)
python3 -c 'import ensurepip' 2>/dev/null || need_apt+=(python3-venv python3-pip)
need_update=
# dist-docker's default base and the arm64 test runtimes come from Debian's arm64 packages (apt-get download).
if command -v dpkg >/dev/null && ! dpkg --print-foreign-architectures | grep -qx arm64; then
  dpkg --add-architecture arm64
  need_update=1
fi
if { [ ${#need_apt[@]} -gt 0 ] || [ -n "$need_update" ]; } && command -v apt-get >/dev/null; then
  apt-get update -qq
  [ ${#need_apt[@]} -eq 0 ] || apt-get install -y -qq --no-install-recommends "${need_apt[@]}" >/dev/null
fi

# PostgreSQL for gateway-app's store tests (PostgresDatabaseTest): a private cluster on 127.0.0.1:55432 under
# /tmp, so the machine's own cluster is left alone. A caller that already exported GATEWAY_TEST_POSTGRES_URL keeps
# its server. When this fails the tests skip with a message instead of failing the build.
start_test_postgres() {
  local bin data port=55432
  bin=$(ls -d /usr/lib/postgresql/*/bin 2>/dev/null | sort -V | tail -n 1)
  [ -n "$bin" ] || { echo "install-deps: no PostgreSQL server binaries; PostgreSQL tests will skip" >&2; return 1; }
  data=${GATEWAY_TEST_POSTGRES_DIR:-/tmp/gateway-test-postgres}
  local as=()
  if [ "$(id -u)" = 0 ]; then
    as=(runuser -u postgres --)
  fi
  mkdir -p "$data"
  if [ "$(id -u)" = 0 ]; then
    chown postgres: "$data"
  fi
  chmod 700 "$data"
  if [ ! -f "$data/PG_VERSION" ]; then
    "${as[@]}" "$bin/initdb" -D "$data" -U postgres --auth-local=trust --auth-host=scram-sha-256 \
      --no-sync >/dev/null || return 1
  fi
  if ! "${as[@]}" "$bin/pg_ctl" -D "$data" status >/dev/null 2>&1; then
    "${as[@]}" "$bin/pg_ctl" -D "$data" -l "$data/server.log" -w -t 60 \
      -o "-c listen_addresses=127.0.0.1 -p $port -k $data -c fsync=off" start >/dev/null || return 1
  fi
  local psql=("${as[@]}" "$bin/psql" -h "$data" -p "$port" -U postgres -d postgres -qtA -v ON_ERROR_STOP=1)
  if [ "$("${psql[@]}" -c "SELECT 1 FROM pg_roles WHERE rolname = 'gateway_test'")" != 1 ]; then
    "${psql[@]}" -c "CREATE ROLE gateway_test LOGIN PASSWORD 'gateway_test'" || return 1
  fi
  if [ "$("${psql[@]}" -c "SELECT 1 FROM pg_database WHERE datname = 'gateway_test'")" != 1 ]; then
    "${psql[@]}" -c "CREATE DATABASE gateway_test OWNER gateway_test" || return 1
  fi
  export GATEWAY_TEST_POSTGRES_URL="jdbc:postgresql://127.0.0.1:$port/gateway_test?user=gateway_test&password=gateway_test"
}
if [ -z "${GATEWAY_TEST_POSTGRES_URL:-}" ]; then
  start_test_postgres || echo "install-deps: could not start PostgreSQL; PostgreSQL tests will skip" >&2
fi

# dist-python tests: pip/venv and pipx from Debian, the wheel judges (twine, check-wheel-contents, auditwheel),
# uv and pypiserver from PyPI into a venv of their own, pinned in the test resources.
py_tools_venv="${XDG_CACHE_HOME:-$HOME/.cache}/gateway-python-tools/venv"
py_tools_requirements="gateway-maven-plugin/src/test/resources/python/tools-requirements.txt"
if [ ! -x "$py_tools_venv/bin/pypi-server" ] || [ ! -x "$py_tools_venv/bin/uv" ]; then
  python3 -m venv "$py_tools_venv"
fi
"$py_tools_venv/bin/pip" install -q --disable-pip-version-check -r "$py_tools_requirements"
