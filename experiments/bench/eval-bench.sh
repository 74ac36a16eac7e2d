#!/usr/bin/env bash
# Times `arr eval` end to end (JVM start included) on a generated 1,000,000-line run: 10,000 queries x 100
# documents with score ties, and qrels with graded labels for 10,101 queries (101 of them missing from the
# run, about 323,000 judgments).
# Usage: experiments/bench/eval-bench.sh [WORK_DIR]   (default: a new temporary folder, removed afterwards)
# Extra JVM options reach the launcher through ARR_JAVA_OPTS.
set -euo pipefail

root="$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)"
if [ $# -ge 1 ]; then
  work="$1"
  mkdir -p "$work"
else
  work="$(mktemp -d -t arr-eval-bench.XXXXXX)"
  trap 'rm -rf "$work"' EXIT
fi
qrels="$work/qrels.txt"
run="$work/run.txt"

if [ ! -f "$qrels" ] || [ ! -f "$run" ]; then
  "$root/arr" generate-eval-data --queries 10101 --documents 100 --seed 42 "$qrels" "$run"
fi
echo "run: $(wc -l < "$run") lines, qrels: $(wc -l < "$qrels") lines, in $work"

# One untimed call, so that a pending rebuild of the launcher's jar is not timed.
"$root/arr" eval -m num_q "$qrels" "$run" > /dev/null

for repetition in 1 2 3; do
  start=$(date +%s.%N)
  "$root/arr" eval -m ndcg_cut.10 -m map -m recall.100 -m P.10 -m recip_rank "$qrels" "$run" > "$work/eval.txt"
  end=$(date +%s.%N)
  echo "repetition $repetition: $(echo "$end - $start" | bc) s wall"
done
echo "output of the last repetition:"
cat "$work/eval.txt"
