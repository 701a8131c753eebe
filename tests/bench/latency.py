#!/usr/bin/env python3
"""No-op redeploys through tests/bench/latency_proxy.py (40 ms added each way, so 80 ms more per round trip).

S3Deploy also runs as "s3deploy-1" with --concurrency 1, which lists page after page. Each tool's bucket is filled straight from s3rver first; only the counted no-op runs go through the proxy. The tree is the
synthetic tree of small files (10,000 by default: 10 listing pages), built here without the network.

  python3 tests/bench/latency.py [--files 10000 | --site] [--runs 3] [--delay-ms 40] [--tools s3deploy,aws,rclone] [--s3deploy DIR]

--site uses the benchmark's site corpus (corpus.py builds it) instead of the synthetic tree.
"""
import argparse
import statistics
import subprocess
import sys
from pathlib import Path

import bench

HERE = Path(__file__).resolve().parent


def build_tree(cache: Path, count: int):
    tree = cache / f"latency-{count}"
    if not (cache / f"latency-{count}.complete").exists():
        for i in range(count):
            folder = tree / f"d{i // 1000:03d}"
            folder.mkdir(parents=True, exist_ok=True)
            (folder / f"f{i:06d}.txt").write_bytes(b"file %d\n" % i + b"x" * (200 + i % 800))
        (cache / f"latency-{count}.complete").touch()
    return tree


def proxy(url, delay_ms):
    process = subprocess.Popen([sys.executable, str(HERE / "latency_proxy.py"), url.removeprefix("http://"), "--delay-ms", str(delay_ms)],
                               stdout=subprocess.PIPE, text=True)
    line = process.stdout.readline()
    if "listening on" not in line:
        raise SystemExit(f"latency proxy did not start: {line!r}")
    return process, "http://" + line.split()[-1]


def main():
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--files", type=int, default=10_000)
    parser.add_argument("--site", action="store_true", help="the site corpus (cache/site) instead of a synthetic tree")
    parser.add_argument("--runs", type=int, default=3)
    parser.add_argument("--delay-ms", type=float, default=40.0)
    parser.add_argument("--tools", default="s3deploy,aws,rclone")
    parser.add_argument("--s3deploy", help="an already published S3Deploy folder (default: publish src/S3Deploy.Cli)")
    parser.add_argument("--cache", default=str(HERE / ".corpus"))
    args = parser.parse_args()
    cache = Path(args.cache).resolve()
    cache.mkdir(parents=True, exist_ok=True)
    tree = cache / "site" if args.site else build_tree(cache, args.files)
    if args.site and not (cache / "site.complete").exists():
        raise SystemExit(f"no site corpus in {cache}: run tests/bench/corpus.py --cache {cache} first")
    label = "the site" if args.site else f"{args.files} files"
    exe = Path(args.s3deploy).resolve() / "s3deploy" if args.s3deploy else bench.publish_s3deploy(cache)

    server = bench.Server(cache / "s3data-latency")
    delayed, url = proxy(server.url, args.delay_ms)
    try:
        direct, skipped = bench.make_tools(args.tools.split(","), exe, server.url)
        slow, _ = bench.make_tools([t.name for t in direct], exe, url)
        bench.log(f"load {bench.load_average()}; {label}; {args.delay_ms:g} ms each way; skipped: {skipped or 'none'}")
        for tool in direct:
            bench.measure(server, tool, tree, server.bucket(f"{tool.name}-latency"))
        for tool in [t for t in slow if t.name == "s3deploy"]:
            # --concurrency 1 lists page after page, as S3Deploy did before it listed key ranges side by side.
            one = lambda src, bucket, extra, argv=tool.argv: argv(src, bucket, ["--concurrency", "1", *extra])
            slow.append(bench.Tool("s3deploy-1", one, tool.env, tool.version))
        results = bench.scenario(server, slow, f"no-op through the latency proxy, {label}", 1, args.runs,
                                 prepare=lambda t, r: None, bucket_of=lambda t, r: f"{t.name.split('-')[0]}-latency", source=tree)
    finally:
        delayed.terminate()
        server.stop()

    for name, runs in results.items():
        walls = [r["wall"] for r in runs]
        print(f"{name:9} wall median {statistics.median(walls):6.2f}s (min {min(walls):.2f}, max {max(walls):.2f}); "
              f"cpu median {statistics.median(r['cpu'] for r in runs):.2f}s; load {runs[-1]['load']}; {bench.compact(runs[-1]['requests'])}")


if __name__ == "__main__":
    main()
