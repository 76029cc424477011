"""Writes an OCI layout with incompressible gzip tar layers of about SIZE MB in total.

Usage: synthetic_layout.py DIR SIZE_MB
"""
import gzip
import hashlib
import io
import json
import os
import sys
import tarfile

def blob(directory, data):
    digest = hashlib.sha256(data).hexdigest()
    with open(os.path.join(directory, "blobs", "sha256", digest), "wb") as out:
        out.write(data)
    return "sha256:" + digest, len(data)

def layer(megabytes, seed):
    raw = io.BytesIO()
    with tarfile.open(fileobj=raw, mode="w", format=tarfile.PAX_FORMAT) as tar:
        content = os.urandom(megabytes << 20)
        info = tarfile.TarInfo(f"data/{seed}.bin")
        info.size = len(content)
        tar.addfile(info, io.BytesIO(content))
    tar_bytes = raw.getvalue()
    return gzip.compress(tar_bytes, compresslevel=1, mtime=0), "sha256:" + hashlib.sha256(tar_bytes).hexdigest()

def main():
    directory, total = sys.argv[1], int(sys.argv[2])
    os.makedirs(os.path.join(directory, "blobs", "sha256"))
    sizes = [total // 2, total // 4, total - total // 2 - total // 4]
    layers, diff_ids = [], []
    for seed, megabytes in enumerate(sizes):
        data, diff_id = layer(megabytes, seed)
        digest, size = blob(directory, data)
        layers.append({"mediaType": "application/vnd.oci.image.layer.v1.tar+gzip", "digest": digest, "size": size})
        diff_ids.append(diff_id)
    config = json.dumps({"architecture": "amd64", "os": "linux", "rootfs": {"type": "layers", "diff_ids": diff_ids}}).encode()
    config_digest, config_size = blob(directory, config)
    manifest = json.dumps({"schemaVersion": 2, "mediaType": "application/vnd.oci.image.manifest.v1+json",
                           "config": {"mediaType": "application/vnd.oci.image.config.v1+json", "digest": config_digest, "size": config_size},
                           "layers": layers}).encode()
    manifest_digest, manifest_size = blob(directory, manifest)
    index = {"schemaVersion": 2, "mediaType": "application/vnd.oci.image.index.v1+json", "manifests": [
        {"mediaType": "application/vnd.oci.image.manifest.v1+json", "digest": manifest_digest, "size": manifest_size,
         "annotations": {"org.opencontainers.image.ref.name": "bench"}}]}
    with open(os.path.join(directory, "index.json"), "w") as out:
        json.dump(index, out)
    with open(os.path.join(directory, "oci-layout"), "w") as out:
        json.dump({"imageLayoutVersion": "1.0.0"}, out)

main()
