#!/usr/bin/env python3
"""Prints the report of parse-benchmark.sh from the files it left in its work folder.

Usage: bench-report.py WORK_DIR
Reads sizes.tsv (bytes, file, quartile), timings.tsv (tool, set, run, wall s, cpu s, exit,
entries), readability-ms.jsonl (extract.mjs --timings), eval-{ours,theirs}.json and machine.txt.
Never fails on a number: a missing or odd value prints as n/a.
"""
import json
import statistics
import sys
from pathlib import Path

TOOLS = {"ours": "Warta", "theirs": "Readability"}  # run labels in timings.tsv -> names shown
SETS = ["q1", "q2", "q3", "q4"]
MB = 1e6  # bytes; MB/s and ms/MB use decimal megabytes
# The accuracy rows every report shows first, as named by `warta eval --json`; other numeric keys follow.
MAIN_METRICS = ["headline_exact", "headline_f1", "date_accuracy", "date_coverage",
                "lead_f1_mean", "lead_f1_ge_08", "n"]


def main(work):
    sizes = read_sizes(work / "sizes.tsv")
    runs = read_runs(work / "timings.tsv")
    print(f"\n=== Warta parse benchmark: Warta vs Mozilla Readability ===")
    print((work / "machine.txt").read_text(encoding="utf-8").rstrip())
    print(f"theirs: {readability_versions(work)}")
    total = sum(size for size, _ in sizes.values())
    run_count = max((len(r) for r in runs.values()), default=0)
    print(f"pages: {len(sizes)}, {total / MB:.1f} MB; each time is the median of {run_count} run(s)")
    print("Whole process = start to exit of one command over a folder, JVM/Node startup included.")
    whole_corpus(runs, len(sizes), total)
    startup(runs)
    growth(runs, sizes)
    in_process(work / "readability-ms.jsonl", sizes)
    accuracy(work)
    failures(work)


def read_sizes(path):
    """file id -> (bytes, quartile)."""
    sizes = {}
    for line in path.read_text(encoding="utf-8").splitlines():
        size, name, quartile = line.split("\t")
        sizes[name.removesuffix(".html")] = (int(size), int(quartile))
    return sizes


def read_runs(path):
    """(tool, set) -> list of {wall, cpu, exit, entries}, one per run."""
    runs = {}
    for line in path.read_text(encoding="utf-8").splitlines():
        tool, set_name, _, wall, cpu, status, entries = line.split("\t")
        runs.setdefault((tool, set_name), []).append({
            "wall": float(wall), "cpu": None if cpu == "NA" else float(cpu),
            "exit": int(status), "entries": int(entries)})
    return runs


def readability_versions(work):
    modules = work / "readability" / "node_modules"
    versions = []
    for package in ["@mozilla/readability", "jsdom"]:
        try:
            meta = json.loads((modules / package / "package.json").read_text(encoding="utf-8"))
            versions.append(f"{package} {meta['version']}")
        except (OSError, ValueError, KeyError):
            versions.append(f"{package} (version unknown)")
    return ", ".join(versions) + ", via src/bench/readability/extract.mjs"


def median(runs, key):
    values = [r[key] for r in runs if r[key] is not None]
    return statistics.median(values) if values else None


def fmt(value, pattern="{:.2f}"):
    return "n/a" if value is None else pattern.format(value)


def ratio(ours, theirs):
    return ours / theirs if ours is not None and theirs else None


def exits(runs):
    codes = sorted({r["exit"] for r in runs})
    return ",".join(map(str, codes))


def whole_corpus(runs, pages, total):
    print("\n-- 1. Whole corpus, whole process --")
    print(f"{'':14}{'wall s':>9}{'min-max':>15}{'pages/s':>9}{'MB/s':>7}{'CPU s':>9}{'CPU/wall':>9}"
          f"{'entries':>8}{'exit':>5}")
    row = {}
    for tool, label in TOOLS.items():
        measured = runs.get((tool, "all"), [])
        wall, cpu = median(measured, "wall"), median(measured, "cpu")
        spread = f"{min(r['wall'] for r in measured):.2f}-{max(r['wall'] for r in measured):.2f}" \
            if measured else "n/a"
        row[tool] = {"wall": wall, "cpu": cpu,
                     "pages/s": pages / wall if wall else None,
                     "MB/s": total / MB / wall if wall else None}
        print(f"{label:14}{fmt(wall):>9}{spread:>15}{fmt(row[tool]['pages/s'], '{:.1f}'):>9}"
              f"{fmt(row[tool]['MB/s']):>7}{fmt(cpu):>9}{fmt(ratio(cpu, wall)):>9}"
              f"{fmt(median(measured, 'entries'), '{:.0f}'):>8}{exits(measured):>5}")
    ours, theirs = row["ours"], row["theirs"]
    print(f"{'ours/theirs':14}{fmt(ratio(ours['wall'], theirs['wall'])):>9}{'':>15}"
          f"{fmt(ratio(ours['pages/s'], theirs['pages/s'])):>9}"
          f"{fmt(ratio(ours['MB/s'], theirs['MB/s'])):>7}{fmt(ratio(ours['cpu'], theirs['cpu'])):>9}")
    print("A time ratio below 1, or a rate ratio above 1, means Warta is faster. CPU = user+sys: above")
    print("wall when JIT or GC threads use the second core; well below wall when another process")
    print("took the CPU (then trust CPU s over wall s, and see the load average above).")


def startup(runs):
    print("\n-- 2. Startup: the same command on an empty folder --")
    for tool, label in TOOLS.items():
        measured = runs.get((tool, "empty"), [])
        print(f"{label:14}{fmt(median(measured, 'wall'), '{:.3f}'):>7} s wall"
              f"{fmt(median(measured, 'cpu'), '{:.2f}'):>7} s CPU   exit {exits(measured)}")


def growth(runs, sizes):
    print("\n-- 3. Growth with page size: whole process per size quartile, startup included --")
    print(f"{'':4}{'pages':>6}{'KB min-max':>16}{'MB':>7} | {'Warta ms/page':>13}{'ms/MB':>8}"
          f" | {'Readab. ms/page':>15}{'ms/MB':>8} | {'ratio':>6}")
    for q, set_name in enumerate(SETS, start=1):
        in_quartile = [size for size, quartile in sizes.values() if quartile == q]
        count, megabytes = len(in_quartile), sum(in_quartile) / MB
        cells = []
        for tool in TOOLS:
            wall = median(runs.get((tool, set_name), []), "wall")
            cells.append((1000 * wall / count if wall and count else None,
                          1000 * wall / megabytes if wall and megabytes else None))
        (ours_page, ours_mb), (theirs_page, theirs_mb) = cells
        print(f"{set_name:4}{count:>6}{f'{min(in_quartile) / 1000:.0f}-{max(in_quartile) / 1000:.0f}':>16}"
              f"{megabytes:>7.1f} | {fmt(ours_page, '{:.1f}'):>13}{fmt(ours_mb, '{:.0f}'):>8}"
              f" | {fmt(theirs_page, '{:.1f}'):>15}{fmt(theirs_mb, '{:.0f}'):>8}"
              f" | {fmt(ratio(ours_page, theirs_page)):>6}")
    for q, set_name in enumerate(SETS, start=1):
        count = sum(1 for _, quartile in sizes.values() if quartile == q)
        for tool, label in TOOLS.items():
            measured = runs.get((tool, set_name), [])
            if measured and median(measured, "entries") != count:
                print(f"note: {label} printed {median(measured, 'entries'):.0f} entries for the {count}"
                      f" pages of {set_name} (exit {exits(measured)}; out/{tool}-{set_name}.stderr says why)")
    start = [median(runs.get((tool, "empty"), []), "wall") for tool in TOOLS]
    print(f"startup, in every row above: Warta {fmt(start[0], '{:.3f}')} s,"
          f" Readability {fmt(start[1], '{:.3f}')} s (ratio = Warta ms/page / Readability ms/page)")


def in_process(path, sizes):
    print("\n-- 4. Readability in-process: decode + jsdom + Readability + lead, per page after a warm-up --")
    try:
        timings = [json.loads(line) for line in path.read_text(encoding="utf-8").splitlines() if line]
    except (OSError, ValueError) as e:
        print(f"n/a: cannot read {path}: {e}")
        return
    print(f"{'':4}{'pages':>6}{'mean ms':>9}{'median ms':>11}{'max ms':>9}{'ms/MB':>8}")
    for q, set_name in enumerate(SETS, start=1):
        ms = [t["ms"] for t in timings if sizes.get(t["id"], (0, 0))[1] == q]
        megabytes = sum(t["bytes"] for t in timings if sizes.get(t["id"], (0, 0))[1] == q) / MB
        if not ms:
            print(f"{set_name:4}{0:>6}  n/a")
            continue
        print(f"{set_name:4}{len(ms):>6}{statistics.mean(ms):>9.1f}{statistics.median(ms):>11.1f}"
              f"{max(ms):>9.0f}{sum(ms) / megabytes:>8.0f}")
    if timings:
        all_ms = [t["ms"] for t in timings]
        print(f"all {len(all_ms):>6}{statistics.mean(all_ms):>9.1f}{statistics.median(all_ms):>11.1f}"
              f"{max(all_ms):>9.0f}{sum(all_ms) / (sum(t['bytes'] for t in timings) / MB):>8.0f}")


def accuracy(work):
    print("\n-- 5. Accuracy of run 1, scored by `warta eval --json` --")
    summaries = {tool: read_eval(work, tool) for tool in TOOLS}
    found = [summary for summary in summaries.values() if isinstance(summary, dict)]
    scalars = [key for summary in found for key, value in summary.items() if is_number(value)]
    keys = MAIN_METRICS + [key for key in dict.fromkeys(scalars) if key not in MAIN_METRICS]
    print(f"{'':22}{'Warta':>12}{'Readability':>13}")
    for key in keys:
        cells = [number(summary.get(key) if isinstance(summary, dict) else None)
                 for summary in summaries.values()]
        print(f"{key:22}{cells[0]:>12}{cells[1]:>13}")
    for tool, summary in summaries.items():
        if isinstance(summary, str):
            print(f"{TOOLS[tool]}: {summary}")
    # Breakdowns such as {"sources": {"name": {metric: value}}}: one table per breakdown.
    groups = [key for summary in found for key, value in summary.items()
              if isinstance(value, dict) and all(isinstance(v, dict) for v in value.values())]
    for group in dict.fromkeys(groups):
        breakdown(group, [summary.get(group, {}) if isinstance(summary, dict) else {}
                          for summary in summaries.values()])


def breakdown(group, per_tool):
    metrics = [m for m in MAIN_METRICS if m != "n"]
    print(f"\nby {group}: Warta / Readability")
    print(f"{'':32}{'n':>5}" + "".join(f"{m:>17}" for m in metrics))
    for name in dict.fromkeys(name for rows in per_tool for name in rows):
        ours, theirs = (rows.get(name, {}) for rows in per_tool)
        cells = "".join(f"{number(ours.get(m)) + ' / ' + number(theirs.get(m)):>17}" for m in metrics)
        print(f"{name[:31]:32}{number(ours.get('n', theirs.get('n'))):>5}{cells}")


def is_number(value):
    return isinstance(value, (int, float)) and not isinstance(value, bool)


def number(value):
    if not is_number(value):
        return "n/a"
    return str(value) if isinstance(value, int) else f"{value:.3f}"


def read_eval(work, tool):
    """The eval summary as a dict, or a one-line reason why there is none."""
    status = "unknown"
    try:
        status = (work / f"eval-{tool}.exit").read_text().strip()
        summary = json.loads((work / f"eval-{tool}.json").read_text(encoding="utf-8"))
        if not isinstance(summary, dict):
            return f"eval --json printed {type(summary).__name__}, expected one object (exit {status})"
        return summary
    except (OSError, ValueError) as e:
        errors = (work / f"eval-{tool}.stderr").read_text(encoding="utf-8", errors="replace").strip()
        return f"eval gave no JSON summary (exit {status}): {errors.splitlines()[0] if errors else e}"


def failures(work, shown=10):
    print("\n-- 6. What the tools said on stderr over the whole corpus (each distinct line once) --")
    for tool, label in TOOLS.items():
        path = work / "out" / f"{tool}-all.stderr"
        lines = path.read_text(encoding="utf-8", errors="replace").splitlines() if path.exists() else []
        distinct = list(dict.fromkeys(lines))
        print(f"{label}: {len(distinct)} distinct lines (all in {path})")
        for line in distinct[:shown]:
            print(f"  {line[:300]}")
        if len(distinct) > shown:
            print(f"  ... {len(distinct) - shown} more")


if __name__ == "__main__":
    if len(sys.argv) != 2:
        sys.exit("usage: bench-report.py WORK_DIR")
    main(Path(sys.argv[1]))
