#!/usr/bin/env bash
# Compares the wall time of pipeline_benchmark builds on one corpus, their runs interleaved.
#
#   bench/compare_builds.sh CORPUS ROUNDS BINARY[:IMAGE] BINARY[:IMAGE] ...
#
# Each round runs every build once, in turn, so that all of them see the same phases of a shared
# machine (this VM's speed changes by up to 40 % from one minute to the next). Prints each build's
# times, fastest first: compare the fastest few, which ran in the same (fast) phase.
# IMAGE is the resource image that build reads (builds of another image format need their own).
# Instruction counts (callgrind) do not settle such a comparison: a change that saves
# instructions can still lose time to cache misses (bench/results/2026-11-30-sampling-tcmalloc.md).
set -euo pipefail

if [[ $# -lt 3 ]]; then
  echo "usage: $0 CORPUS ROUNDS BINARY[:IMAGE]..." >&2
  exit 2
fi
corpus=$1
rounds=$2
shift 2

declare -A times
for ((round = 0; round < rounds; ++round)); do
  for build in "$@"; do
    binary=${build%%:*}
    image_option=()
    [[ $build == *:* ]] && image_option=(--image "${build#*:}")
    line=$("$binary" "${image_option[@]}" --corpus "$corpus" 2>&1 | grep -E "^$corpus +jobs=") || {
      echo "$binary: no result for corpus $corpus" >&2
      exit 1
    }
    seconds=$(sed -E 's/.*time=([0-9.]+) s.*/\1/' <<<"$line")
    times[$build]="${times[$build]:-} $seconds"
  done
done
for build in "$@"; do
  printf '%-50s %s\n' "$build" "$(tr ' ' '\n' <<<"${times[$build]}" | grep . | sort -n | tr '\n' ' ')"
done
