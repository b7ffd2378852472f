#!/usr/bin/env bash
# Throughput and memory of `quelle batch` on the gnad articles repeated to N documents.
#
#   scripts/bench-batch.sh            # N=100000, -j 2, ordered output
#   N=20000 JOBS=1 scripts/bench-batch.sh
#   EXTRA="--unordered --quotes-csv /tmp/q.csv" scripts/bench-batch.sh
#
# Prints articles/s, tokens/s and peak RSS (from /usr/bin/time -v). The input
# and output live in $WORK (default /tmp/quelle-bench-batch): about 0.3 GB in
# and 2 GB out at N=100000.
set -euo pipefail
cd "$(dirname "$0")/.."
N=${N:-100000}
JOBS=${JOBS:-2}
EXTRA=${EXTRA:-}
WORK=${WORK:-/tmp/quelle-bench-batch}
SRC=../shared/data/gnad/articles.jsonl
if [ ! -f "$SRC" ]; then
  echo "skipped: $SRC not found"
  exit 0
fi
mkdir -p "$WORK"
cargo build --release --locked -p quelle-cli >&2
BIN=target/release/quelle

IN="$WORK/gnad-$N.jsonl"
if [ ! -s "$IN" ]; then
  # Repeat the 1028 articles with distinct ids (r<k>-gnad-…) up to N lines.
  awk -v n="$N" '{ a[NR] = $0 } END {
      for (i = 0; i < n; i++) {
        line = a[i % NR + 1]; k = int(i / NR)
        sub(/"id": "/, "\"id\": \"r" k "-", line)
        print line
      }
    }' "$SRC" > "$IN.tmp" && mv "$IN.tmp" "$IN"
fi
echo "input: $IN ($(wc -l < "$IN") articles, $(du -h "$IN" | cut -f1))"

LOG="$WORK/time.log"
LOAD=$(cut -d' ' -f1 /proc/loadavg)
# shellcheck disable=SC2086
/usr/bin/time -v "$BIN" batch "$IN" -o "$WORK/out.jsonl" -j "$JOBS" --progress never $EXTRA 2> "$LOG" || {
  cat "$LOG" >&2
  exit 1
}
SUMMARY=$(grep '^quelle:' "$LOG")
echo "$SUMMARY"
RSS_KB=$(awk -F': ' '/Maximum resident set size/ { print $2 }' "$LOG")
WALL=$(awk -F': ' '/Elapsed \(wall clock\)/ { print $2 }' "$LOG")
CPU=$(awk -F': ' '/Percent of CPU/ { print $2 }' "$LOG")
DOCS_S=$(sed -E 's/.* documents \(([0-9]+)\/s\).*/\1/' <<< "$SUMMARY")
TOK_S=$(sed -E 's/.* tokens \(([0-9]+)\/s\).*/\1/' <<< "$SUMMARY")
USER_S=$(awk -F': ' '/User time/ { print $2 }' "$LOG")
SYS_S=$(awk -F': ' '/System time/ { print $2 }' "$LOG")
DOCS=$(sed -E 's/^quelle: ([0-9]+) documents.*/\1/' <<< "$SUMMARY")
# Per CPU-second: comparable across runs when other processes share the cores.
PER_CPU=$(awk -v d="$DOCS" -v u="$USER_S" -v s="$SYS_S" 'BEGIN { printf "%.0f", d / (u + s) }')
echo "articles/s: $DOCS_S"
echo "articles per CPU-second: $PER_CPU (user ${USER_S}s + sys ${SYS_S}s)"
echo "tokens/s:   $TOK_S"
echo "peak RSS:   $((RSS_KB / 1024)) MB"
echo "wall:       $WALL (CPU $CPU, -j $JOBS; load before: $LOAD)"
echo "output:     $(du -h "$WORK/out.jsonl" | cut -f1)"
