#!/bin/sh
# Measures `temper build examples/java17.yaml`: a cold build with an empty cache, then warm builds
# with the cache filled, and compares the image with a debootstrap minbase rootfs plus
# openjdk-17-jre-headless. Needs root for debootstrap and chroot; the mirror is read from the
# host's apt sources. Results go to docs/benchmarks.md by hand.
set -eu
root=$(cd "$(dirname "$0")/.." && pwd)
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
jar="$root/target/temper.jar"
(cd "$root" && mvn -B -q -DskipTests -Dspotless.check.skip=true package)
cp "$root/examples/java17.yaml" "$work/java17.yaml"
if [ -f "$root/examples/java17.lock.json" ]; then
  cp "$root/examples/java17.lock.json" "$work/java17.lock.json"
fi

run() {
  rm -rf "$work/out"
  /usr/bin/time -f "$1: wall %e s, user %U s, system %S s, max RSS %M KiB" \
    env TEMPER_CACHE_DIR="$work/cache" java -jar "$jar" build "$work/java17.yaml" \
    --output "oci:$work/out:latest"
}

# The lock first, so the cold build measures fetching and building, not resolving.
TEMPER_CACHE_DIR="$work/lock-cache" java -jar "$jar" lock "$work/java17.yaml" >/dev/null
run cold
for i in 1 2 3; do run "warm $i"; done
umoci unpack --image "$work/out:latest" "$work/bundle" >/dev/null
echo "image rootfs: $(du -sb "$work/bundle/rootfs" | cut -f1) bytes (du -sb)," \
  "$(find "$work/bundle/rootfs" -xdev | wc -l) paths"

mirror=$(grep -h '^URIs:' /etc/apt/sources.list.d/*.sources | head -1 | awk '{print $2}')
debootstrap --variant=minbase --include=openjdk-17-jre-headless bookworm "$work/typical" \
  "$mirror" >"$work/debootstrap.log" 2>&1
rm -rf "$work/typical/var/cache/apt/archives/"*.deb "$work/typical/var/lib/apt/lists/"*
echo "typical rootfs: $(du -sb "$work/typical" | cut -f1) bytes (du -sb)," \
  "$(find "$work/typical" -xdev | wc -l) paths," \
  "$(tar -C "$work/typical" -c . | wc -c) bytes as tar," \
  "$(tar -C "$work/typical" -c . | gzip -6 | wc -c) bytes as tar.gz," \
  "$(chroot "$work/typical" dpkg-query -W -f '${Status}\n' | grep -c 'ok installed') packages"
