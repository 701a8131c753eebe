#!/usr/bin/env python3
"""What release history costs: S3Deploy on the site corpus with `--keep-releases 0` (off) and the default 5 (on).

Scenarios, each on the same s3rver as bench.py, off and on alternating (the order rotates every round), one warm-up
round first: a full upload to an empty bucket, a no-op, one file changed (bench.py's file), and a header change on
every object (`--cache-control` alternating between two values, so each object gets a header copy and no bytes move).
Each run records wall time, user+sys CPU and peak RSS (/usr/bin/time), s3rver's CPU, the 1-minute load average, the
requests the server saw, its server-side copies (`PUT object copy`) and, from S3Deploy's --json, how many of them keep
old bytes in the history store (`release.preserved`). "on" runs on one bucket throughout, so from the second change on
it holds 5 releases and every change prunes, as a long-lived site does.

  python3 tests/bench/history.py [--runs 3] [--s3deploy DIR] [--cache DIR]

--scale N measures memory instead: one change of the synthetic tree of N small files (corpus.py's scale-N) with five
releases kept, so each change reads four kept records, for each build given (--s3deploy DIR1,DIR2: before and after a
change, alternating), and with history off; results go to history-scale-N.md and .json.

  python3 tests/bench/history.py --scale 100000 --s3deploy /tmp/before,/tmp/after --runs 3
"""
import argparse
import datetime
import json
import os
import platform
import time
from pathlib import Path

import bench

HERE = Path(__file__).resolve().parent
VARIANTS = {"off": ["--keep-releases", "0"], "on": []}
HEADER_VALUES = ("public, max-age=600", "public, max-age=601")


def run_once(server, tool, variant, source, bucket, extra=()):
    run = bench.measure(server, tool, source, bucket, [*VARIANTS[variant], *extra])
    run["copies"] = sum(v for k, v in run["requests"].items() if k.endswith(" copy"))
    run["preserved"] = (run.get("release") or {}).get("preserved", 0)
    return run


def scenario(server, tool, name, warmups, runs, bucket_of, source, prepare=lambda v, r: None, extra=lambda v, r: (), after=None):
    bench.log(f"  {name}")
    results = {v: [] for v in VARIANTS}
    for r, counted, order in bench.rounds(list(VARIANTS), warmups, runs):
        for variant in order:
            prepare(variant, r)
            bucket = bucket_of(variant, r)
            run = run_once(server, tool, variant, source, bucket, extra(variant, r))
            if counted:
                results[variant].append(run)
            if after:
                after(variant, r, bucket)
    return results


def scenarios(server, tool, site: Path, warmups, runs):
    out = {}
    changed = site / bench.CHANGED_FILE
    original = changed.read_bytes()
    try:
        # The warm-up round fills each variant's bucket, which the later scenarios reuse.
        out["full upload"] = scenario(
            server, tool, "full upload to an empty bucket", warmups, runs,
            bucket_of=lambda v, r: server.bucket(f"history-{v}" if r < 0 else f"history-{v}-full-{r}"), source=site,
            after=lambda v, r, b: None if r < 0 else server.drop(b))
        out["no-op"] = scenario(server, tool, "no-op", warmups, runs, bucket_of=lambda v, r: f"history-{v}", source=site)
        out["one file changed"] = scenario(
            server, tool, "one file changed", warmups, runs, bucket_of=lambda v, r: f"history-{v}", source=site,
            prepare=lambda v, r: changed.write_bytes(original + f"\n/* history {v} {r} {time.time()} */\n".encode()))
    finally:
        changed.write_bytes(original)
    # Every object without a rule of its own takes --cache-control: alternating it changes every object's headers.
    out["header change (all objects)"] = scenario(
        server, tool, "Cache-Control of every object changed", warmups, runs, bucket_of=lambda v, r: f"history-{v}", source=site,
        extra=lambda v, r: ["--cache-control", HEADER_VALUES[r % 2]])
    return out


def memory(server, builds, tree: Path, warmups, runs):
    """One change of a tree of small files, history on with every build, then off; all on one bucket holding 5 releases."""
    changed = tree / "d000" / "f000000.txt"
    original = changed.read_bytes()
    bucket = server.bucket("history-scale")
    newest = builds[-1]
    variants = {f"on ({label})": (tool, "on") for label, tool in builds} | {"off": (newest[1], "off")}
    results = {name: [] for name in variants}
    try:
        bench.log(f"  seeding {tree.name}, then 4 changes so that 5 releases are kept")
        for r in range(5):
            changed.write_bytes(original + f"fill {r} {time.time()}\n".encode())
            run_once(server, newest[1], "on", tree, bucket)
        bench.log("  one file changed")
        for r, counted, order in bench.rounds(list(variants), warmups, runs):
            for name in order:
                tool, variant = variants[name]
                changed.write_bytes(original + f"{name} {r} {time.time()}\n".encode())
                run = run_once(server, tool, variant, tree, bucket)
                if counted:
                    results[name].append(run)
    finally:
        changed.write_bytes(original)
        server.drop(bucket)
    return {"one file changed": results}


def summarize(results):
    return {
        name: {v: {**{f: bench.stats(runs, f) for f in ("wall", "cpu", "rss_mb", "server_cpu", "load", "copies", "preserved")},
                   "requests": runs[-1]["requests"], "runs": runs}
               for v, runs in by_variant.items()}
        for name, by_variant in results.items()
    }


def memory_markdown(meta, summary):
    out = [f"Run {meta['date']} on {meta['machine']}; load average (1 min) {meta['load_min']:.1f}–{meta['load_max']:.1f} across the runs "
           f"(shared machine); {meta['runs']} counted runs after {meta['warmups']} warm-up, variants alternating.", "",
           f"One file changed in a tree of {meta['files']:,} small files; the bucket holds 5 releases, so with history on each "
           "change reads the 4 kept records (100k keys each) and prunes the oldest. Builds: "
           + "; ".join(f"{k} = {v}" for k, v in meta["builds"].items()) + ".", "",
           "| variant | wall s, median (min–max) | CPU s user+sys | peak RSS MB | s3rver CPU s | requests (last run) |",
           "| --- | --- | --- | --- | --- | --- |"]
    for name, s in summary["one file changed"].items():
        out.append(f"| {name} | {bench.fmt(s['wall'])} | {bench.fmt(s['cpu'])} | {bench.fmt(s['rss_mb'], 0)} | "
                   f"{bench.fmt(s['server_cpu'])} | {bench.compact(s['requests'])} |")
    return "\n".join(out) + "\n"


def markdown(meta, summary):
    out = [f"Run {meta['date']} on {meta['machine']}; load average (1 min) {meta['load_start']:.1f} at the start, "
           f"{meta['load_end']:.1f} at the end, {meta['load_min']:.1f}–{meta['load_max']:.1f} across the runs (the machine was shared "
           f"with other jobs, so the spread is wide); {meta['runs']} counted runs after {meta['warmups']} warm-up, off and on alternating.", "",
           f"S3Deploy: {meta['s3deploy']}. Site corpus: {meta['files']} files. History off: `--keep-releases 0`; on: the default "
           f"(5). Header change: `--cache-control` alternating between `{HEADER_VALUES[0]}` and `{HEADER_VALUES[1]}`.", "",
           "| scenario | history | wall s, median (min–max) | CPU s user+sys | peak RSS MB | s3rver CPU s | wall on/off | copies (of them to the store) | requests (last run) |",
           "| --- | --- | --- | --- | --- | --- | --- | --- | --- |"]
    for name, by_variant in summary.items():
        for v, s in by_variant.items():
            ratio = f"{s['wall']['median'] / by_variant['off']['wall']['median']:.2f}" if v == "on" else ""
            copies = f"{s['copies']['median']:.0f} ({s['preserved']['median']:.0f})"
            out.append(f"| {name} | {v} | {bench.fmt(s['wall'])} | {bench.fmt(s['cpu'])} | {bench.fmt(s['rss_mb'], 0)} | "
                       f"{bench.fmt(s['server_cpu'])} | {ratio} | {copies} | {bench.compact(s['requests'])} |")
    return "\n".join(out) + "\n"


def main():
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--runs", type=int, default=3)
    parser.add_argument("--warmups", type=int, default=1)
    parser.add_argument("--s3deploy", help="an already published S3Deploy folder (default: publish src/S3Deploy.Cli)")
    parser.add_argument("--cache", default=str(HERE / ".corpus"))
    parser.add_argument("--out", default=str(HERE / "results"))
    parser.add_argument("--scale", type=int, help="memory of one change of the scale-N tree with history (see above)")
    args = parser.parse_args()
    cache = Path(args.cache).resolve()
    tree = cache / (f"scale-{args.scale}" if args.scale else "site")
    if not (cache / f"{tree.name}.complete").exists():
        raise SystemExit(f"no {tree.name} corpus in {cache}: run tests/bench/corpus.py --cache {cache} first")
    exes = [Path(d).resolve() / "s3deploy" for d in args.s3deploy.split(",")] if args.s3deploy else [bench.publish_s3deploy(cache)]

    server = bench.Server(cache / "s3data-history")
    try:
        tools = [bench.make_tools(["s3deploy"], exe, server.url)[0][0] for exe in exes]
        meta = {
            "date": datetime.datetime.now(datetime.timezone.utc).strftime("%Y-%m-%d %H:%M UTC"),
            "machine": f"{os.cpu_count()} cores ({bench.cpu_model()}), {bench.mem_gb():.0f} GB RAM, {platform.system()} {platform.release()}",
            "load_start": bench.load_average(), "runs": args.runs, "warmups": args.warmups, "s3deploy": tools[-1].version,
            "builds": {label(t): t.version for t in tools}, "files": sum(1 for p in tree.rglob("*") if p.is_file()),
        }
        bench.log(f"{meta['machine']}; load {meta['load_start']}; {', '.join(meta['builds'].values())}")
        if args.scale:
            summary = summarize(memory(server, [(label(t), t) for t in tools], tree, args.warmups, args.runs))
        else:
            summary = summarize(scenarios(server, tools[-1], tree, args.warmups, args.runs))
        meta["load_end"] = bench.load_average()
    finally:
        server.stop()
    loads = [run["load"] for s in summary.values() for v in s.values() for run in v["runs"]]
    meta["load_min"], meta["load_max"] = min(loads), max(loads)

    out = Path(args.out)
    out.mkdir(parents=True, exist_ok=True)
    name = f"history-scale-{args.scale}" if args.scale else "history"
    (out / f"{name}.json").write_text(json.dumps({"meta": meta, "results": summary}, indent=1))
    text = memory_markdown(meta, summary) if args.scale else markdown(meta, summary)
    (out / f"{name}.md").write_text(text)
    print(text)
    bench.log(f"wrote {out / name}.json and .md")


def label(tool):
    """A build by its commit (the version's +suffix)."""
    return tool.version.split("+", 1)[-1][:7]


if __name__ == "__main__":
    main()
