#!/usr/bin/env bash
# Benchmarks ingestion and queries: 10,000 stored pages ingested through the CLI in steps, re-runs
# over the unchanged folder, and latest/search latency over 10,000 and 100,000 stored articles,
# on the schema as shipped; printed as one report at the end.
# See src/bench/ingest/README.md.
#
# Usage (from the project root, after `mvn -B package`): src/bench/ingest-benchmark.sh [CORPUS_DIR]
#   CORPUS_DIR     default ../shared/corpus/articles (its *.html pages are varied, never changed)
#   WARTA_JAR      the jar to benchmark (default target/warta.jar)
#   BENCH_PARTS    ingest,queries (default both)
#   BENCH_FILES    pages ingested in part a (default 10000)
#   BENCH_STORED   articles stored in part b (default 100000)
#   BENCH_QUERIES  runs per query in part b (default 1000; a slow query stops after 60 s)
#   BENCH_KEEP=1   keep the generated pages and databases (about 3.5 GB) in the work folder
#
# Everything is written under /tmp/warta-ingest-bench.XXXXXX (the path is printed), never into the
# project. No timing makes it fail; only a setup problem (no jar, no corpus) stops it.
set -euo pipefail

corpus=${1:-../shared/corpus/articles}
jar=${WARTA_JAR:-target/warta.jar}
parts=${BENCH_PARTS:-ingest,queries}
bench_dir=$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)

if [[ ! -f $jar ]]; then
  echo "ingest-benchmark: $jar not found in $PWD: run 'mvn -B package' in the project root first (or set WARTA_JAR)" >&2
  exit 2
fi
if [[ ! -d $corpus ]]; then
  echo "ingest-benchmark: corpus folder $corpus does not exist (usage: $0 [CORPUS_DIR])" >&2
  exit 2
fi
for n in "${BENCH_FILES:-10000}" "${BENCH_STORED:-100000}" "${BENCH_QUERIES:-1000}"; do
  if [[ ! $n =~ ^[1-9][0-9]*$ ]]; then
    echo "ingest-benchmark: $n is not a positive whole number (BENCH_FILES, BENCH_STORED, BENCH_QUERIES)" >&2
    exit 2
  fi
done
if [[ ! $parts =~ ^(ingest|queries)(,(ingest|queries))?$ ]]; then
  echo "ingest-benchmark: BENCH_PARTS=$parts is not ingest, queries or ingest,queries" >&2
  exit 2
fi
jar=$(cd "$(dirname "$jar")" && pwd)/$(basename "$jar")
corpus=$(cd "$corpus" && pwd)

work=$(mktemp -d /tmp/warta-ingest-bench.XXXXXX)
if [[ ${BENCH_KEEP:-0} != 1 ]]; then
  # keep the report and the runs' logs; drop the generated pages and the databases
  trap 'rm -rf "$work/ingest/pages" "$work/ingest/articles" "$work"/ingest/warta.db* "$work"/queries/warta.db*' EXIT
fi
echo "ingest-benchmark: working in $work" >&2

{
  echo "date: $(date '+%Y-%m-%d %H:%M:%S %z')"
  echo "cpu: $(nproc) cores, $(awk -F ': ' '/^model name/ { print $2; exit }' /proc/cpuinfo)"
  echo "java: $(java -version 2>&1 | sed -n 1p)"
  echo "jar: $jar ($(date -r "$jar" '+%Y-%m-%d %H:%M'))"
  if git -C "$bench_dir" rev-parse --short HEAD >/dev/null 2>&1; then
    echo "commit: $(git -C "$bench_dir" rev-parse --short HEAD)$(git -C "$bench_dir" diff --quiet HEAD -- ../main 2>/dev/null || echo ' (main code has uncommitted changes)')"
  fi
  echo "load average (1, 5, 15 min) at start: $(cut -d ' ' -f 1-3 /proc/loadavg)"
  echo
} | tee "$work/report.txt"

java -Dwarta.log.level=WARN -Dbench.files="${BENCH_FILES:-10000}" -Dbench.stored="${BENCH_STORED:-100000}" \
  -Dbench.queries="${BENCH_QUERIES:-1000}" \
  -cp "$jar" "$bench_dir/ingest/IngestBenchmark.java" "$jar" "$corpus" "$work" "$parts" \
  2> >(tee "$work/progress.log" >&2) | tee -a "$work/report.txt"

echo "load average (1, 5, 15 min) at end: $(cut -d ' ' -f 1-3 /proc/loadavg)" | tee -a "$work/report.txt"
echo "ingest-benchmark: report in $work/report.txt, each run's output in $work/*/logs" >&2
