#!/bin/sh
# Fetches the ONNX Runtime shared library from the onnxruntime-node npm
# package (npm pack, not npm install: its postinstall wants CUDA downloads)
# and checks its digest.
set -eu
version=${ORT_VERSION:-1.24.1}
want=${ORT_SHA256:-53ef1ac028dd1b05554b8da28d9159eb3876f99868193d2aaa6e67f0243c23d4}
dest=${1:-third_party/onnxruntime/libonnxruntime.so.1}
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
(cd "$tmp" && npm pack --silent "onnxruntime-node@$version" >/dev/null)
tar -xzf "$tmp/onnxruntime-node-$version.tgz" -C "$tmp" package/bin/napi-v6/linux/x64/libonnxruntime.so.1
got=$(sha256sum "$tmp/package/bin/napi-v6/linux/x64/libonnxruntime.so.1" | cut -d' ' -f1)
if [ "$version" = 1.24.1 ] && [ "$got" != "$want" ]; then
	echo "fetch-ort: sha256 $got, want $want" >&2
	exit 1
fi
mkdir -p "$(dirname "$dest")"
mv "$tmp/package/bin/napi-v6/linux/x64/libonnxruntime.so.1" "$dest"
echo "fetch-ort: ONNX Runtime $version at $dest"
