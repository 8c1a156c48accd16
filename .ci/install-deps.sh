# Sourced by .ci/run: installs the system packages the test suite drives (idempotent, quiet).
need_apt=()
command -v qemu-aarch64-static >/dev/null || need_apt+=(qemu-user-static)
# dist-docker: skopeo and umoci read and unpack the images; unshare/chroot (util-linux, coreutils) run them.
command -v skopeo >/dev/null || need_apt+=(skopeo)
command -v umoci >/dev/null || need_apt+=(umoci)
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
