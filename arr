#!/usr/bin/env bash
# Runs the arr command line, building the project first when the jar is missing or older than the sources.
# Extra JVM options: ARR_JAVA_OPTS (for example ARR_JAVA_OPTS=-Xmx8g); PyTorch threads: ARR_TORCH_THREADS.
set -euo pipefail

root="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
jar="$root/experiments/target/arr.jar"
stamp="$root/experiments/target/.arr-built"

needs_build() {
  [ -f "$jar" ] && [ -f "$stamp" ] || return 0
  local changed
  changed=$(find "$root/pom.xml" "$root"/{framework,datasets,theory,reports,experiments}/pom.xml \
    "$root"/{framework,datasets,theory,reports,experiments}/src/main -newer "$stamp" -type f -print -quit 2>/dev/null)
  [ -n "$changed" ]
}

if needs_build; then
  echo "arr: building the project (sources changed or first run); this takes a minute..." >&2
  log="$(mktemp -t arr-build.XXXXXX.log)"
  if ! (cd "$root" && mvn -B -q package -DskipTests >"$log" 2>&1); then
    echo "arr: the build failed; the last lines of $log follow:" >&2
    tail -n 40 "$log" >&2
    exit 1
  fi
  rm -f "$log"
  touch "$stamp"
fi

# ai.djl.offline=true makes a missing PyTorch native fail at once instead of trying a download.
# One PyTorch thread (ARR_TORCH_THREADS) is the default: the models here are small, and on a 2-core machine
# shared with other processes a quickstart epoch took about 3 s with one thread and 18 to 70 s with two.
threads="${ARR_TORCH_THREADS:-1}"
# shellcheck disable=SC2086
exec java -Dai.djl.offline=true -Dai.djl.pytorch.num_threads="$threads" -Dai.djl.pytorch.num_interop_threads="$threads" \
  ${ARR_JAVA_OPTS:-} -jar "$jar" "$@"
