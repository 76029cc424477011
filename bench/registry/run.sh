#!/bin/sh
# Times temper push and pull of one image to a loopback distribution registry next to
# skopeo copy of the same image in the same run. Usage:
#   bench/registry/run.sh [ROUNDS] [oci:LAYOUT:TAG]
# Without a layout it builds a synthetic image of about 200 MB of incompressible layers.
# temper runs through the ./temper launcher, as users run it; an untimed first run of each
# command records the launcher's class data sharing archive. Needs: a JDK 17, Maven,
# docker-registry, skopeo, python3.
set -eu
rounds="${1:-3}"
image="${2:-}"
here="$(cd "$(dirname "$0")" && pwd)"
launcher="$here/../../temper"
work="$(mktemp -d)"
registry_pid=""
cleanup() {
  [ -n "$registry_pid" ] && kill "$registry_pid" 2>/dev/null || true
  rm -rf "$work"
}
trap cleanup EXIT

if [ -z "$image" ]; then
  python3 "$here/synthetic_layout.py" "$work/synthetic" 200
  image="oci:$work/synthetic:bench"
fi

port="$(python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1",0)); print(s.getsockname()[1])')"
host="127.0.0.1:$port"

# Each round gets a fresh registry, so neither client finds blobs from an earlier round:
# skopeo remembers where it pushed blobs and would mount them instead of uploading.
start_registry() {
  [ -n "$registry_pid" ] && { kill "$registry_pid"; wait "$registry_pid" 2>/dev/null || true; }
  rm -rf "$work/storage"
  mkdir -p "$work/storage"
  cat > "$work/config.yml" <<YAML
version: 0.1
log:
  level: error
  accesslog:
    disabled: true
storage:
  filesystem:
    rootdirectory: $work/storage
http:
  addr: $host
YAML
  /usr/bin/docker-registry serve "$work/config.yml" >"$work/registry.log" 2>&1 &
  registry_pid=$!
  for _ in $(seq 100); do
    if python3 -c "import socket; socket.create_connection(('127.0.0.1', $port), 0.2)" 2>/dev/null; then return; fi
    sleep 0.1
  done
  echo "docker-registry did not start" >&2
  exit 1
}

# date, not python, takes the time stamps: a python start inside the timed span added about 30 ms
# to every measurement.
timed() {
  label="$1"; shift
  start="$(date +%s.%N)"
  "$@" >/dev/null 2>"$work/last.err" || { cat "$work/last.err" >&2; exit 1; }
  end="$(date +%s.%N)"
  echo "$label $(awk -v a="$start" -v b="$end" 'BEGIN { printf "%.3f", b - a }')"
}

temper() { TEMPER_CACHE_DIR="$work/cache-$round" "$launcher" "$@"; }
size="$(python3 "$here/layout_size.py" "$image")"
echo "image $image bytes $size"
round=warm-up
start_registry
temper push "$image" "$host/bench/warm-up:1" >/dev/null 2>&1
temper pull "$host/bench/warm-up:1" "oci:$work/pulled-warm-up:1" >/dev/null 2>&1
temper inspect "$host/bench/warm-up:1" >/dev/null
rm -rf "$work/pulled-warm-up" "$work/cache-warm-up"
# Each push goes to an empty registry: a registry that already stores a blob from the other
# client's push commits the upload faster. Both clients then pull the same image from the same
# registry, in an order that alternates with each round, so neither always meets a cold cache.
for round in $(seq "$rounds"); do
  start_registry
  timed "temper-push" temper push "$image" "$host/bench/temper-$round:1"
  start_registry
  timed "skopeo-push" skopeo copy -q --dest-tls-verify=false "$image" "docker://$host/bench/skopeo-$round:1"
  temper_pull() {
    timed "temper-pull" temper pull "$host/bench/skopeo-$round:1" "oci:$work/pulled-temper-$round:1"
  }
  skopeo_pull() {
    timed "skopeo-pull" skopeo copy -q --src-tls-verify=false "docker://$host/bench/skopeo-$round:1" "oci:$work/pulled-skopeo-$round:1"
  }
  if [ $((round % 2)) -eq 1 ]; then temper_pull; skopeo_pull; else skopeo_pull; temper_pull; fi
  timed "temper-inspect" temper inspect "$host/bench/skopeo-$round:1"
  rm -rf "$work/pulled-temper-$round" "$work/pulled-skopeo-$round" "$work/cache-$round"
done
