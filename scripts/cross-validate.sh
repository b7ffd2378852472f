#!/usr/bin/env bash
# 4-fold cross-validation of the quotation models on gnqa train.jsonl (never dev):
# trains on three quarters, scores the fourth with `quelle eval`, prints the mean
# Joint/Messages/Roles/Form/Medium F1. Extra arguments go to `quelle train`.
#   scripts/cross-validate.sh [--epochs N]
set -euo pipefail
cd "$(dirname "$0")/.."
train=../shared/data/gnqa/train.jsonl
[ -f "$train" ] || { echo "$train not found" >&2; exit 2; }
cargo build --release -q -p quelle-cli
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
python3 - "$train" "$work" <<'PY'
import sys
lines = open(sys.argv[1], encoding="utf-8").readlines()
for f in range(4):
    open(f"{sys.argv[2]}/tr{f}.jsonl", "w", encoding="utf-8").writelines(l for i, l in enumerate(lines) if i % 4 != f)
    open(f"{sys.argv[2]}/te{f}.jsonl", "w", encoding="utf-8").writelines(l for i, l in enumerate(lines) if i % 4 == f)
PY
for f in 0 1 2 3; do
  ./target/release/quelle train --data "$work/tr$f.jsonl" --out "$work/m$f" "$@" >/dev/null 2>&1
  ./target/release/quelle eval "$work/te$f.jsonl" --models "$work/m$f" --json > "$work/r$f.json"
done
python3 - "$work" <<'PY'
import json, sys
rs = [json.load(open(f"{sys.argv[1]}/r{f}.json")) for f in range(4)]
for k in ["joint", "messages", "roles", "form", "medium"]:
    print(f"{k:9s} F1 {sum(r[k]['f1'] for r in rs) / 4:.4f}")
PY
