#!/usr/bin/env bash
# Benchmarks Warta's parser against Mozilla Readability on the same pages in the same run:
# throughput, startup, growth with page size, and accuracy, printed as one report at the end.
#
# Usage (from the project root, after `mvn -B package`): src/bench/parse-benchmark.sh [CORPUS_DIR]
#   CORPUS_DIR     default ../shared/corpus/articles
#   WARTA_CMD      how to run Warta (default "java -jar target/warta.jar"), split on spaces
#   WARTA_FAST_CMD a second Warta variant timed beside it (default: WARTA_CMD with
#                  "-XX:TieredStopAtLevel=1 -XX:+UseSerialGC" after its java); empty skips it
#   BENCH_RUNS     how many times each timing is taken; the report shows the median (default 3)
#
# Readability is installed into a temporary folder, never into the project. Raw outputs stay in
# /tmp/warta-bench.XXXXXX (the path is printed). Only setup problems stop the run: a tool that
# fails or exits non-zero is recorded in the report, never a reason to fail.
set -euo pipefail

corpus=${1:-../shared/corpus/articles}
runs=${BENCH_RUNS:-3}
read -r -a warta <<< "${WARTA_CMD:-java -jar target/warta.jar}"
# The fast variant: the same jar on C1 only (a short run spends most of its CPU in the C2 JIT) and
# the serial GC. Derived from WARTA_CMD, so that both variants always run the same build.
fast_flags=(-XX:TieredStopAtLevel=1 -XX:+UseSerialGC)
fast_note=""
if [[ -v WARTA_FAST_CMD ]]; then
  read -r -a fast <<< "$WARTA_FAST_CMD"
  (( ${#fast[@]} > 0 )) || fast_note="skipped: WARTA_FAST_CMD is empty"
elif (( ${#warta[@]} > 0 )) && [[ $(basename "${warta[0]}") == java ]]; then
  fast=("${warta[0]}" "${fast_flags[@]}" "${warta[@]:1}")
else
  fast=()
  fast_note="skipped: WARTA_CMD does not start with java, so set WARTA_FAST_CMD to time a fast variant"
fi
bench_dir=$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)

if [[ ! -d $corpus ]]; then
  echo "parse-benchmark: corpus folder $corpus does not exist (usage: $0 [CORPUS_DIR])" >&2
  exit 2
fi
corpus=$(cd "$corpus" && pwd) # absolute, for the symlinks below
if [[ -z ${WARTA_CMD:-} && ! -f target/warta.jar ]]; then
  echo "parse-benchmark: target/warta.jar not found in $PWD: run 'mvn -B package' in the project root first" >&2
  exit 2
fi
if [[ ! $runs =~ ^[1-9][0-9]*$ ]]; then
  echo "parse-benchmark: BENCH_RUNS=$runs is not a positive whole number" >&2
  exit 2
fi

work=$(mktemp -d /tmp/warta-bench.XXXXXX)
trap 'rm -rf "$work/readability"' EXIT # keep the results, drop the ~40 npm packages
mkdir -p "$work/out" "$work/sets/empty"
echo "${fast[*]}" > "$work/fast-cmd.txt" # empty when the variant is skipped; the report names it from this
log() { echo "parse-benchmark: $*" >&2; }
[[ -z $fast_note ]] || log "fast Warta variant $fast_note"
load_at_start=$(cut -d ' ' -f 1-3 /proc/loadavg) # other work on the machine skews every timing

log "installing Readability into $work/readability"
mkdir "$work/readability"
cp "$bench_dir"/readability/{package.json,package-lock.json,extract.mjs} "$work/readability/"
if ! (cd "$work/readability" && npm ci --no-audit --no-fund --loglevel=error) >"$work/npm.log" 2>&1; then
  log "npm ci failed; see $work/npm.log"
  exit 1
fi
readability=(node "$work/readability/extract.mjs")

# Page sizes, smallest first, each with its size quartile (1-4, equal page counts).
find -L "$corpus/" -maxdepth 1 -name '*.html' -type f -printf '%s\t%f\n' \
  | LC_ALL=C sort -t $'\t' -k1,1n -k2,2 \
  | awk -F '\t' -v OFS='\t' '{ line[NR] = $0 } END { for (i = 1; i <= NR; i++) print line[i], int((i - 1) * 4 / NR) + 1 }' \
  > "$work/sizes.tsv"
pages=$(wc -l < "$work/sizes.tsv")
if (( pages < 4 )); then
  log "$corpus holds $pages *.html pages; the size quartiles need at least 4"
  exit 2
fi
for q in 1 2 3 4; do
  mkdir "$work/sets/q$q"
  awk -F '\t' -v q="$q" '$3 == q { print $2 }' "$work/sizes.tsv" | while IFS= read -r name; do
    ln -s "$corpus/$name" "$work/sets/q$q/$name"
  done
done

# GNU time gives the CPU time (user+sys) of the process and its children; without it, CPU is n/a.
cpu_timer=()
if /usr/bin/time -f '%U %S' -o /dev/null true 2>/dev/null; then
  cpu_timer=(/usr/bin/time -f '%U %S' -o "$work/cpu.txt")
else
  log "GNU time (/usr/bin/time) is not installed: CPU times will show n/a (apt-get install time)"
fi

# timed TOOL SET RUN COMMAND...: runs COMMAND once, stdout to out/TOOL-SET-RUN.jsonl, stderr added
# to out/TOOL-SET.stderr, and appends "tool set run wall_s cpu_s exit entries" to timings.tsv.
timed() {
  local tool=$1 set=$2 run=$3; shift 3
  local out="$work/out/$tool-$set-$run.jsonl" status=0 cpu=NA start end
  rm -f "$work/cpu.txt"
  start=${EPOCHREALTIME/[.,]/} # microseconds, whatever the locale's decimal mark
  "${cpu_timer[@]}" "$@" >"$out" 2>>"$work/out/$tool-$set.stderr" </dev/null || status=$?
  end=${EPOCHREALTIME/[.,]/}
  if [[ -s $work/cpu.txt ]]; then
    # the last line holds "%U %S"; GNU time writes a note above it when the command fails
    cpu=$(tail -n 1 "$work/cpu.txt" | awk '{ print $1 + $2 }')
  fi
  printf '%s\t%s\t%s\t%s\t%s\t%s\t%s\n' "$tool" "$set" "$run" \
    "$(awk -v us=$((end - start)) 'BEGIN { printf "%.3f", us / 1e6 }')" "$cpu" "$status" \
    "$(wc -l < "$out")" >> "$work/timings.tsv"
  log "$(printf '%-6s %-5s run %s: %8.2f s wall, exit %s' "$tool" "$set" "$run" \
    "$(tail -n 1 "$work/timings.tsv" | cut -f 4)" "$status")"
}

# Alternate the tools run by run, so that a slow spell of the machine hits all of them alike.
: > "$work/timings.tsv"
for run in $(seq "$runs"); do
  for set in empty all q1 q2 q3 q4; do
    dir="$work/sets/$set"
    [[ $set == all ]] && dir=$corpus
    timed ours "$set" "$run" "${warta[@]}" parse --json "$dir"
    if (( ${#fast[@]} > 0 )); then
      timed fast "$set" "$run" "${fast[@]}" parse --json "$dir"
    fi
    timed theirs "$set" "$run" "${readability[@]}" "$dir"
  done
done

log "Readability in-process timings (one more pass, after a warm-up)"
"${readability[@]}" --timings "$work/readability-ms.jsonl" "$corpus" \
  >/dev/null 2>"$work/out/theirs-timings.stderr" </dev/null \
  || log "the --timings pass exited non-zero (a page failed?): see $work/out/theirs-timings.stderr"
log "Warta in-process timings (one more pass, files parsed in parallel as always)"
"${warta[@]}" parse --json --timings "$work/warta-ms.jsonl" "$corpus" \
  >/dev/null 2>"$work/out/ours-timings.stderr" </dev/null \
  || log "the Warta --timings pass exited non-zero: see $work/out/ours-timings.stderr"

# Accuracy of the first whole-corpus run of each tool, scored by our own eval.
for tool in ours theirs; do
  cp "$work/out/$tool-all-1.jsonl" "$work/$tool.jsonl"
  status=0
  "${warta[@]}" eval "$corpus" --predictions "$work/$tool.jsonl" --json \
    >"$work/eval-$tool.json" 2>"$work/eval-$tool.stderr" </dev/null || status=$?
  echo "$status" > "$work/eval-$tool.exit"
  "${warta[@]}" eval "$corpus" --predictions "$work/$tool.jsonl" \
    >"$work/eval-$tool.txt" 2>>"$work/eval-$tool.stderr" </dev/null || true # kept for reading only
done

{
  echo "date: $(date '+%Y-%m-%d %H:%M:%S %z')"
  echo "cpu: $(nproc) cores, $(awk -F ': ' '/^model name/ { print $2; exit }' /proc/cpuinfo)"
  echo "java: $(java -version 2>&1 | sed -n 1p)"
  echo "node: $(node --version)"
  echo "load average (1, 5, 15 min): $load_at_start at start, $(cut -d ' ' -f 1-3 /proc/loadavg) at end"
  echo "ours: ${warta[*]} parse --json DIR"
  if (( ${#fast[@]} > 0 )); then
    echo "fast: ${fast[*]} parse --json DIR"
  else
    echo "fast: $fast_note"
  fi
  echo "corpus: $corpus"
} > "$work/machine.txt"
python3 "$bench_dir/bench-report.py" "$work" | tee "$work/report.txt"
log "raw outputs and this report are in $work"
