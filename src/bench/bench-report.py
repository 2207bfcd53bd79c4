#!/usr/bin/env python3
"""Prints the report of parse-benchmark.sh from the files it left in its work folder.

Usage: bench-report.py WORK_DIR
Reads sizes.tsv (bytes, file, quartile), timings.tsv (tool, set, run, wall s, cpu s, exit,
entries), fast-cmd.txt (the fast Warta variant's command, empty when skipped), the outputs in
out/, readability-ms.jsonl (extract.mjs --timings), warta-ms.jsonl (warta parse --timings),
eval-{ours,theirs}.json and machine.txt.
Never fails on a number: a missing or odd value prints as n/a.
"""
import json
import statistics
import sys
from pathlib import Path

# Run labels in timings.tsv -> names shown. "fast" (the second Warta variant) is named from its
# command in fast_label() and left out when the run skipped it.
TOOLS = {"ours": "Warta", "theirs": "Readability"}
FAST_FLAGS = ["-XX:TieredStopAtLevel=1", "-XX:+UseSerialGC"]
SETS = ["q1", "q2", "q3", "q4"]
MB = 1e6  # bytes; MB/s and ms/MB use decimal megabytes
# The accuracy rows every report shows first, as named by `warta eval --json`; other numeric keys follow.
MAIN_METRICS = ["headline_exact", "headline_f1", "date_accuracy", "date_coverage",
                "lead_f1_mean", "lead_f1_ge_08", "n"]
WARM_UP_SHARE = 0.1  # Warta's --timings pass has no warm-up: its first tenth of files is shown apart


def main(work):
    sizes = read_sizes(work / "sizes.tsv")
    runs = read_runs(work / "timings.tsv")
    tools = timed_tools(work)
    print(f"\n=== Warta parse benchmark: Warta vs Mozilla Readability ===")
    print((work / "machine.txt").read_text(encoding="utf-8").rstrip())
    print(f"theirs: {readability_versions(work)}")
    total = sum(size for size, _ in sizes.values())
    run_count = max((len(r) for r in runs.values()), default=0)
    print(f"pages: {len(sizes)}, {total / MB:.1f} MB; each time is the median of {run_count} run(s)")
    print("Whole process = start to exit of one command over a folder, JVM/Node startup included.")
    whole_corpus(runs, tools, len(sizes), total)
    startup(runs, tools)
    growth(runs, tools, sizes)
    in_process(work, sizes)
    accuracy(work, tools)
    failures(work, tools)


def timed_tools(work):
    """Run label -> (name shown, short name for column heads), in the order the report shows them."""
    tools = {"ours": ("Warta", "Warta")}
    label = fast_label(work)
    if label:
        tools["fast"] = label
    tools["theirs"] = ("Readability", "Readab.")
    return tools


def fast_label(work):
    """(name, short name) of the fast Warta variant, or None when the run skipped it."""
    try:
        command = (work / "fast-cmd.txt").read_text(encoding="utf-8").split()
    except OSError:
        return None
    if not command:
        return None
    if all(flag in command for flag in FAST_FLAGS):
        return "Warta (C1, serial GC)", "Warta C1"
    return "Warta (WARTA_FAST_CMD)", "Warta fast"


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


def whole_corpus(runs, tools, pages, total):
    print("\n-- 1. Whole corpus, whole process --")
    print(f"{'':24}{'wall s':>9}{'min-max':>15}{'pages/s':>9}{'MB/s':>7}{'CPU s':>9}{'CPU/wall':>9}"
          f"{'entries':>8}{'exit':>5}")
    row = {}
    for tool, (label, _) in tools.items():
        measured = runs.get((tool, "all"), [])
        wall, cpu = median(measured, "wall"), median(measured, "cpu")
        spread = f"{min(r['wall'] for r in measured):.2f}-{max(r['wall'] for r in measured):.2f}" \
            if measured else "n/a"
        row[tool] = {"wall": wall, "cpu": cpu,
                     "pages/s": pages / wall if wall else None,
                     "MB/s": total / MB / wall if wall else None}
        print(f"{label:24}{fmt(wall):>9}{spread:>15}{fmt(row[tool]['pages/s'], '{:.1f}'):>9}"
              f"{fmt(row[tool]['MB/s']):>7}{fmt(cpu):>9}{fmt(ratio(cpu, wall)):>9}"
              f"{fmt(median(measured, 'entries'), '{:.0f}'):>8}{exits(measured):>5}")
    pairs = [(tool, "theirs") for tool in wartas(tools)] + ([("fast", "ours")] if "fast" in tools else [])
    for ours, theirs in pairs:
        a, b = row[ours], row[theirs]
        print(f"{tools[ours][1] + ' / ' + tools[theirs][1]:24}{fmt(ratio(a['wall'], b['wall'])):>9}{'':>15}"
              f"{fmt(ratio(a['pages/s'], b['pages/s'])):>9}"
              f"{fmt(ratio(a['MB/s'], b['MB/s'])):>7}{fmt(ratio(a['cpu'], b['cpu'])):>9}")
    print("A time ratio below 1, or a rate ratio above 1, means the first named is faster; the pages/s")
    print("and MB/s ratios against Readability are its wall s / Warta's wall s. CPU = user+sys: above")
    print("wall when JIT or GC threads use the second core; well below wall when another process")
    print("took the CPU (then trust CPU s over wall s, and see the load average above).")


def wartas(tools):
    """The Warta variants in this run, each compared with Readability."""
    return [tool for tool in tools if tool != "theirs"]


def startup(runs, tools):
    print("\n-- 2. Startup: the same command on an empty folder --")
    for tool, (label, _) in tools.items():
        measured = runs.get((tool, "empty"), [])
        print(f"{label:24}{fmt(median(measured, 'wall'), '{:.3f}'):>7} s wall"
              f"{fmt(median(measured, 'cpu'), '{:.2f}'):>7} s CPU   exit {exits(measured)}")


def growth(runs, tools, sizes):
    print("\n-- 3. Growth with page size: whole process per size quartile, startup included --")
    print(f"{'':4}{'pages':>6}{'KB min-max':>12}{'MB':>6}"
          + "".join(f" | {short + ' ms/page':>18}{'ms/MB':>7}" for _, short in tools.values())
          + " | " + "".join(f"{tools[tool][1] + '/R':>12}" for tool in wartas(tools)))
    per_page = {}  # (tool, set) -> ms per page
    for q, set_name in enumerate(SETS, start=1):
        in_quartile = [size for size, quartile in sizes.values() if quartile == q]
        count, megabytes = len(in_quartile), sum(in_quartile) / MB
        cells = ""
        for tool in tools:
            wall = median(runs.get((tool, set_name), []), "wall")
            per_page[tool, set_name] = 1000 * wall / count if wall and count else None
            cells += (f" | {fmt(per_page[tool, set_name], '{:.1f}'):>18}"
                      f"{fmt(1000 * wall / megabytes if wall and megabytes else None, '{:.0f}'):>7}")
        kilobytes = f"{min(in_quartile) / 1000:.0f}-{max(in_quartile) / 1000:.0f}" if in_quartile else "n/a"
        print(f"{set_name:4}{count:>6}{kilobytes:>12}{megabytes:>6.1f}{cells} | "
              + "".join(f"{fmt(ratio(per_page[tool, set_name], per_page['theirs', set_name])):>12}"
                        for tool in wartas(tools)))
    for q, set_name in enumerate(SETS, start=1):
        count = sum(1 for _, quartile in sizes.values() if quartile == q)
        for tool, (label, _) in tools.items():
            measured = runs.get((tool, set_name), [])
            if measured and median(measured, "entries") != count:
                print(f"note: {label} printed {median(measured, 'entries'):.0f} entries for the {count}"
                      f" pages of {set_name} (exit {exits(measured)}; out/{tool}-{set_name}.stderr says why)")
    start = [f"{label} {fmt(median(runs.get((tool, 'empty'), []), 'wall'), '{:.3f}')} s"
             for tool, (label, _) in tools.items()]
    print(f"startup, in every row above: {', '.join(start)}")
    print("X/R = X ms/page / Readability ms/page: below 1 means that Warta variant is faster.")
    growth_line("whole process, startup included", sizes,
                {label: ratio(per_page[tool, "q4"], per_page[tool, "q1"]) for tool, (label, _) in tools.items()})


def growth_line(kind, sizes, time_growth):
    """One line: how the mean time per page grows from q1 to q4 beside how the bytes per page grow."""
    def mean_bytes(q):
        in_quartile = [size for size, quartile in sizes.values() if quartile == q]
        return statistics.mean(in_quartile) if in_quartile else None
    parts = [f"{name} {fmt(value, '{:.1f}x')}" for name, value in time_growth.items()]
    if parts:
        parts[0] = parts[0].replace(" ", " takes ", 1) + " the time per page"
    print(f"growth q1 -> q4 ({kind}): q4 pages are {fmt(ratio(mean_bytes(4), mean_bytes(1)), '{:.1f}x')}"
          f" the bytes of q1 pages; {', '.join(parts)}")


def in_process(work, sizes):
    print("\n-- 4. In-process: ms per page without startup, per size quartile --")
    timings = {"ours": read_timings(work / "warta-ms.jsonl"),
               "theirs": read_timings(work / "readability-ms.jsonl")}
    group = 6 + 9 + 10 + 8 + 8
    print(f"{'':4} | {'Warta (parse --timings)':^{group}} | {'Readability (extract.mjs --timings)':^{group}}"
          f" | {'Warta / Readab.':^15}")
    columns = f"{'pages':>6}{'mean ms':>9}{'median ms':>10}{'max ms':>8}{'ms/MB':>8}"
    print(f"{'':4} | {columns} | {columns} | {'median':>7}{'ms/MB':>8}")
    stats = {}  # (tool, quartile or None for all) -> timing_stats
    for q, set_name in [*enumerate(SETS, start=1), (None, "all")]:
        for tool, measured in timings.items():
            stats[tool, q] = timing_stats(measured, sizes, q) if isinstance(measured, list) else None
        ours, theirs = stats["ours", q], stats["theirs", q]
        print(f"{set_name:4} | {stats_cells(ours)} | {stats_cells(theirs)}"
              f" | {fmt(ratio(*(s and s['median'] for s in (ours, theirs)))):>7}"
              f"{fmt(ratio(*(s and s['ms/MB'] for s in (ours, theirs)))):>8}")
    for tool, measured in timings.items():
        if isinstance(measured, str):
            print(f"{TOOLS[tool]}: n/a: {measured}")
    print("Warta: each file's parse timed inside the JVM (read + decode + parse). Files are parsed on all")
    print("cores in parallel, so a file's ms includes waiting for the other parse threads and for JIT and")
    print("GC threads on the same cores, and the ms add up to more than the pass's wall time. No warm-up:")
    print(f"the first files pay for JIT compilation: {warm_up(timings['ours'], sizes)}.")
    print("Readability: decode + jsdom + Readability + lead, one page at a time, after a warm-up on 5 pages.")
    print("Warta / Readab. below 1 means Warta is faster.")
    growth_line("in-process, mean ms per page", sizes,
                {TOOLS[tool]: ratio(*(s and s["mean"] for s in (stats[tool, 4], stats[tool, 1])))
                 for tool in timings})


def read_timings(path):
    """The --timings lines of one tool as dicts, or a one-line reason why there are none."""
    try:
        lines = [json.loads(line) for line in path.read_text(encoding="utf-8").splitlines() if line]
    except (OSError, ValueError) as e:
        return f"cannot read {path}: {e}"
    return [line for line in lines if isinstance(line, dict)]


def timing_stats(timings, sizes, quartile=None):
    """pages, mean/median/max ms and ms per MB of the timed pages of a quartile (None: all), or None."""
    picked = [(t["ms"], sizes[t["id"]][0]) for t in timings
              if t.get("id") in sizes and is_number(t.get("ms"))
              and quartile in (None, sizes[t["id"]][1])]
    if not picked:
        return None
    ms = [m for m, _ in picked]
    megabytes = sum(size for _, size in picked) / MB
    return {"pages": len(ms), "mean": statistics.mean(ms), "median": statistics.median(ms),
            "max": max(ms), "ms/MB": sum(ms) / megabytes if megabytes else None}


def stats_cells(stats):
    if stats is None:
        return f"{0:>6}{'n/a':>9}{'':>26}"
    return (f"{stats['pages']:>6}{stats['mean']:>9.1f}{stats['median']:>10.1f}{stats['max']:>8.0f}"
            f"{fmt(stats['ms/MB'], '{:.0f}'):>8}")


def warm_up(timings, sizes):
    """ms per MB of the first tenth of files in parse order against the rest, as a phrase."""
    if not isinstance(timings, list):
        return "n/a"
    ordered = [t for t in timings if t.get("id") in sizes and is_number(t.get("ms"))]
    first = max(1, round(len(ordered) * WARM_UP_SHARE))
    head, rest = ordered[:first], ordered[first:]
    if not rest:
        return "too few files to tell"
    rates = [sum(t["ms"] for t in part) / (sum(sizes[t["id"]][0] for t in part) / MB) for part in (head, rest)]
    return (f"the first {len(head)} in parse (name) order took {rates[0]:.0f} ms/MB,"
            f" the other {len(rest)} {rates[1]:.0f} ms/MB")


def accuracy(work, tools):
    print("\n-- 5. Accuracy of run 1, scored by `warta eval --json` --")
    if "fast" in tools:
        print(f"{tools['fast'][0]} runs the same parser, so only plain Warta is scored here.")
        print(fast_identical(work))
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


def fast_identical(work):
    """Whether the fast variant printed exactly what plain Warta printed in run 1, as a phrase."""
    out = work / "out"
    whole = same_output(out / "fast-all-1.jsonl", out / "ours-all-1.jsonl")
    # Every other output of the variant too, each against plain Warta's run 1 on the same folder.
    checked = [same_output(path, out / f"ours-{path.stem.split('-')[1]}-1.jsonl")
               for path in sorted(out.glob("fast-*-*.jsonl"))]
    differing = [result for result in checked if result != "yes"]
    return (f"fast variant output identical: {whole} (whole corpus, against Warta's run 1); every folder"
            f" and run: {len(checked) - len(differing)} of {len(checked)} identical"
            + (f", first other: {differing[0]}" if differing else ""))


def same_output(path, reference):
    try:
        lines, expected = (p.read_bytes().splitlines() for p in (path, reference))
    except OSError as e:
        return f"n/a ({e})"
    if lines == expected:
        return "yes"
    differs = next((i for i, (a, b) in enumerate(zip(lines, expected), start=1) if a != b),
                   min(len(lines), len(expected)) + 1)
    return f"no ({path.name} differs from {reference.name} at line {differs})"


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


def failures(work, tools, shown=10):
    print("\n-- 6. What the tools said on stderr over the whole corpus (each distinct line once) --")
    for tool, (label, _) in tools.items():
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
