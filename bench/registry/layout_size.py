"""Prints the total size in bytes of the blobs that an oci:DIR[:TAG] image's manifest lists."""
import json
import os
import sys

reference = sys.argv[1][len("oci:"):]
directory, _, tag = reference.partition(":")
def read(digest):
    with open(os.path.join(directory, "blobs", "sha256", digest.split(":")[1])) as f:
        return json.load(f)
index = json.load(open(os.path.join(directory, "index.json")))
entries = [m for m in index["manifests"] if not tag or m.get("annotations", {}).get("org.opencontainers.image.ref.name") == tag]
manifest = read(entries[0]["digest"])
print(manifest["config"]["size"] + sum(layer["size"] for layer in manifest["layers"]))
