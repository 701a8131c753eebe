#!/usr/bin/env python3
"""S3Deploy against `aws s3 sync --delete` and `rclone sync --checksum`, same corpus, same s3rver, same run.

Each tool is timed as a whole process (wall clock here; user+sys CPU and peak RSS from /usr/bin/time). Runs alternate
between tools (the order rotates every round), a warm-up round comes first and is not counted. Every tool gets its own
bucket. The server counts requests by kind, so the no-op path's requests are printed for every tool.

  python3 tests/bench/bench.py            # full run (~25 min on 2 loaded cores)
  python3 tests/bench/bench.py --quick    # smoke run: 1 counted run, 10k scaling tree only, no 1 GiB file
"""
import argparse
import datetime
import json
import os
import platform
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
import urllib.request
from pathlib import Path

HERE = Path(__file__).resolve().parent
REPO = HERE.parent.parent
BUCKET_REGION = "us-east-1"
CHANGED_FILE = "lib/pdfjs-dist/web/pdf_viewer.mjs"
HEADER_RULE_MATCH = "lib/pdfjs-dist/cmaps/**"
PEER_NAMES = {"aws": "aws s3 sync (CLI v1)", "awsv2": "aws s3 sync (CLI v2)", "rclone": "rclone sync --checksum"}


def log(message):
    print(message, file=sys.stderr, flush=True)


def load_average():
    return float(Path("/proc/loadavg").read_text().split()[0])


# ---------------------------------------------------------------- server


class Server:
    """tests/bench/s3server.js: s3rver on loopback with a request counter; a bucket is a folder in its data dir."""

    def __init__(self, data: Path):
        shutil.rmtree(data, ignore_errors=True)
        data.mkdir(parents=True)
        self.data = data
        script = HERE / "s3server.js"
        self.process = subprocess.Popen(["node", "--openssl-legacy-provider", str(script), str(data)], stdout=subprocess.PIPE, text=True)
        line = self.process.stdout.readline()
        if "listening on" not in line:
            raise SystemExit(f"s3rver did not start: {line!r} (run: npm ci --prefix tests/s3server)")
        self.url = "http://" + line.split()[-1]

    def bucket(self, name, empty=True):
        path = self.data / name
        if empty:
            shutil.rmtree(path, ignore_errors=True)
        path.mkdir(exist_ok=True)
        return name

    def copy_bucket(self, source, name):
        shutil.rmtree(self.data / name, ignore_errors=True)
        subprocess.run(["cp", "-a", str(self.data / source), str(self.data / name)], check=True)
        return name

    def drop(self, name):
        shutil.rmtree(self.data / name, ignore_errors=True)

    def requests(self, reset=False):
        request = urllib.request.Request(self.url + "/__bench/requests", method="DELETE" if reset else "GET")
        with urllib.request.urlopen(request) as response:
            return json.loads(response.read())

    def cpu_seconds(self):
        fields = Path(f"/proc/{self.process.pid}/stat").read_text().rsplit(")", 1)[1].split()
        return (int(fields[11]) + int(fields[12])) / os.sysconf("SC_CLK_TCK")

    def stop(self):
        self.process.terminate()
        self.process.wait(timeout=10)


# ---------------------------------------------------------------- tools


class Tool:
    def __init__(self, name, argv, env, version):
        self.name, self.argv, self.env, self.version = name, argv, env, version

    def run(self, source, bucket, extra=()):
        return self.argv(str(source), bucket, list(extra))


def tool_env(server_url):
    env = {k: v for k, v in os.environ.items() if not k.startswith(("AWS_", "RCLONE_"))}
    env.update(
        AWS_ACCESS_KEY_ID="S3RVER",
        AWS_SECRET_ACCESS_KEY="S3RVER",
        AWS_REGION=BUCKET_REGION,
        AWS_DEFAULT_REGION=BUCKET_REGION,
        AWS_EC2_METADATA_DISABLED="true",
        # s3rver does not understand the CRC trailers newer SDKs send by default.
        AWS_REQUEST_CHECKSUM_CALCULATION="when_required",
        AWS_RESPONSE_CHECKSUM_VALIDATION="when_required",
        AWS_CONFIG_FILE="/dev/null",
        AWS_SHARED_CREDENTIALS_FILE="/dev/null",
        RCLONE_CONFIG="/dev/null",
        RCLONE_CONFIG_S3RVER_TYPE="s3",
        RCLONE_CONFIG_S3RVER_PROVIDER="Other",
        RCLONE_CONFIG_S3RVER_ACCESS_KEY_ID="S3RVER",
        RCLONE_CONFIG_S3RVER_SECRET_ACCESS_KEY="S3RVER",
        RCLONE_CONFIG_S3RVER_ENDPOINT=server_url,
        RCLONE_CONFIG_S3RVER_REGION=BUCKET_REGION,
        RCLONE_CONFIG_S3RVER_FORCE_PATH_STYLE="true",
    )
    return env


def version_of(argv):
    try:
        out = subprocess.run(argv, capture_output=True, text=True, timeout=60)
        return (out.stdout or out.stderr).strip().splitlines()[0]
    except (OSError, IndexError, subprocess.TimeoutExpired):
        return None


def resolve(program):
    """The real executable (pyenv's shim is a bash script that would add its own startup to the timing)."""
    path = shutil.which(program)
    if path and "/shims/" in path:
        real = subprocess.run(["pyenv", "which", program], capture_output=True, text=True)
        path = real.stdout.strip() or path
    return path


def make_tools(wanted, s3deploy_exe, url):
    env = tool_env(url)
    tools, skipped = [], []
    for name in wanted:
        if name == "s3deploy":
            argv = lambda src, bucket, extra: [str(s3deploy_exe), "deploy", src, f"s3://{bucket}", "--endpoint-url", url, "--json", *extra]
            tools.append(Tool(name, argv, env, f"{version_of([str(s3deploy_exe), '--version'])} ({build_kind(s3deploy_exe)})"))
        elif name in ("aws", "awsv2"):
            exe = resolve("aws") if name == "aws" else "/usr/bin/aws"
            version = version_of([exe, "--version"]) if exe and os.path.exists(exe) else None
            if version is None or (name == "aws") != version.startswith("aws-cli/1."):
                skipped.append(f"{name}: not installed" + (f" ({version})" if version else ""))
                continue
            argv = lambda src, bucket, extra, exe=exe: [exe, "s3", "sync", "--delete", "--only-show-errors", "--endpoint-url", url, src, f"s3://{bucket}", *extra]
            tools.append(Tool(name, argv, env, version))
        elif name == "rclone":
            exe = shutil.which("rclone")
            if exe is None:
                skipped.append("rclone: not installed (apt-get install rclone)")
                continue
            argv = lambda src, bucket, extra, exe=exe: [exe, "sync", "--checksum", src, f"S3RVER:{bucket}", *extra]
            tools.append(Tool(name, argv, env, version_of([exe, "version"])))
        else:
            raise SystemExit(f"unknown tool {name}")
    return tools, skipped


def measure(server, tool, source, bucket, extra=()):
    argv = tool.run(source, bucket, extra)
    server.requests(reset=True)
    with tempfile.NamedTemporaryFile("r", suffix=".time") as timing:
        load = load_average()
        server_cpu = server.cpu_seconds()
        start = time.monotonic()
        done = subprocess.run(["/usr/bin/time", "-o", timing.name, "-f", "%U %S %M", *argv], env=tool.env, capture_output=True, text=True, timeout=1800)
        wall = time.monotonic() - start
        fields = timing.read().split()
    server_cpu = server.cpu_seconds() - server_cpu
    requests = server.requests()
    if done.returncode != 0:
        raise SystemExit(f"{tool.name} failed ({done.returncode}): {' '.join(argv)}\n{done.stderr[-3000:]}{done.stdout[-1000:]}")
    user, system, rss_kb = float(fields[-3]), float(fields[-2]), int(fields[-1])
    run = {"wall": round(wall, 3), "cpu": round(user + system, 2), "rss_mb": round(rss_kb / 1024, 1), "server_cpu": round(server_cpu, 2), "load": load, "requests": requests}
    if tool.name == "s3deploy":
        summary = json.loads(done.stdout)
        run["s3deploy"] = {k: summary[k] for k in ("uploaded", "headersUpdated", "deleted", "unchanged")}
        if summary.get("release"):
            run["release"] = summary["release"]
    log(f"    {tool.name:8} {bucket:24} wall {wall:7.2f}s cpu {user + system:6.2f}s server {server_cpu:6.2f}s rss {rss_kb / 1024:6.1f}MB load {load:5.2f} {compact(requests)}")
    return run


def compact(requests):
    return " ".join(f"{k}={v}" for k, v in sorted(requests.items()))


# ---------------------------------------------------------------- scenarios


def rounds(tools, warmups, runs):
    """(counted, tools in this round's order): the order rotates so no tool always runs first or last."""
    for r in range(warmups + runs):
        shift = r % len(tools)
        yield r - warmups, r >= warmups, tools[shift:] + tools[:shift]


def scenario(server, tools, name, warmups, runs, prepare, bucket_of, source, extra=lambda tool, r: (), after=None):
    log(f"  {name}")
    results = {t.name: [] for t in tools}
    for r, counted, order in rounds(tools, warmups, runs):
        for tool in order:
            prepare(tool, r)
            bucket = bucket_of(tool, r)
            run = measure(server, tool, source, bucket, extra(tool, r))
            if counted:
                results[tool.name].append(run)
            if after:
                after(tool, r, bucket)
    return results


def touch_all(root: Path):
    now = time.time()
    for path in root.rglob("*"):
        if path.is_file():
            os.utime(path, (now, now))


def site_scenarios(server, tools, site: Path, cache: Path, warmups, runs):
    out = {}
    original = (site / CHANGED_FILE).read_bytes()
    try:
        # Full upload: the warm-up round fills each tool's site bucket, which the later scenarios reuse.
        out["full upload"] = scenario(
            server, tools, "full upload to an empty bucket", warmups, runs,
            prepare=lambda t, r: None,
            bucket_of=lambda t, r: server.bucket(f"{t.name}-site" if r < 0 else f"{t.name}-full-{r}"),
            source=site,
            after=lambda t, r, b: None if r < 0 else server.drop(b))
        out["no-op"] = scenario(
            server, tools, "no-op redeploy", warmups, runs,
            prepare=lambda t, r: None, bucket_of=lambda t, r: f"{t.name}-site", source=site)

        def change(tool, r):
            (site / CHANGED_FILE).write_bytes(original + f"\n/* bench {tool.name} {r} {time.time()} */\n".encode())

        out["one file changed"] = scenario(
            server, tools, "one file changed", warmups, runs,
            prepare=change, bucket_of=lambda t, r: f"{t.name}-site", source=site)
    finally:
        (site / CHANGED_FILE).write_bytes(original)
    out["touch every file"] = scenario(
        server, tools, "after touching every file", warmups, runs,
        prepare=lambda t, r: touch_all(site), bucket_of=lambda t, r: f"{t.name}-site", source=site)

    s3deploy = [t for t in tools if t.name == "s3deploy"]
    if s3deploy:
        configs = []
        for age in (600, 601):
            path = cache / f"bench-rule-{age}.json"
            path.write_text(json.dumps({"rules": [{"match": HEADER_RULE_MATCH, "cacheControl": f"public, max-age={age}"}]}))
            configs.append(path)
        out["header rule changed"] = scenario(
            server, s3deploy, f"one header rule changed ({HEADER_RULE_MATCH})", warmups, runs,
            prepare=lambda t, r: None, bucket_of=lambda t, r: f"{t.name}-site", source=site,
            extra=lambda t, r: ["--config", str(configs[r % 2])])
    return out


def memory_scenario(server, tools, big: Path):
    """Once per tool: upload the 1 GiB corpus, then a no-op over it; both report peak RSS."""
    log("  1 GiB file: full upload, then no-op")
    out = {"1 GiB upload": {}, "1 GiB no-op": {}}
    for tool in tools:
        bucket = server.bucket(f"{tool.name}-big")
        out["1 GiB upload"][tool.name] = [measure(server, tool, big, bucket)]
        out["1 GiB no-op"][tool.name] = [measure(server, tool, big, bucket)]
        server.drop(bucket)
    return out


def scaling(server, tools, cache: Path, count, warmups, runs, peers):
    """A synthetic tree of `count` small files: one S3Deploy upload seeds a bucket, copied on disk for the peers."""
    tree = cache / f"scale-{count}"
    log(f"  scaling: {count} files")
    s3deploy = next(t for t in tools if t.name == "s3deploy")
    seed = server.bucket(f"s3deploy-scale-{count}")
    seeded = measure(server, s3deploy, tree, seed)
    these = [s3deploy] + ([t for t in tools if t.name != "s3deploy"] if peers else [])
    for tool in these[1:]:
        server.copy_bucket(seed, f"{tool.name}-scale-{count}")
    out = {"full upload": {"s3deploy": [seeded]}}
    bucket_of = lambda t, r: f"{t.name}-scale-{count}"
    out["no-op"] = scenario(server, these, f"no-op, {count} files", warmups, runs, lambda t, r: None, bucket_of, tree)
    changed = tree / "d000" / "f000000.txt"
    original = changed.read_bytes()
    try:
        out["one file changed"] = scenario(
            server, these, f"one file changed, {count} files", warmups, runs,
            prepare=lambda t, r: changed.write_bytes(original + f"{t.name} {r} {time.time()}\n".encode()),
            bucket_of=bucket_of, source=tree)
    finally:
        changed.write_bytes(original)
    for tool in these:
        server.drop(bucket_of(tool, 0))
    return out


# ---------------------------------------------------------------- report


def stats(runs, field):
    values = [run[field] for run in runs]
    return {"median": round(statistics.median(values), 3), "min": min(values), "max": max(values)}


def summarize(results):
    return {
        scenario: {tool: {"wall": stats(runs, "wall"), "cpu": stats(runs, "cpu"), "rss_mb": stats(runs, "rss_mb"),
                          "server_cpu": stats(runs, "server_cpu"),
                          "load": stats(runs, "load"), "requests": runs[-1]["requests"], "runs": runs}
                   for tool, runs in by_tool.items()}
        for scenario, by_tool in results.items()
    }


def fmt(s, digits=2):
    return f"{s['median']:.{digits}f} ({s['min']:.{digits}f}–{s['max']:.{digits}f})"


def ratio(summary, tool):
    if tool == "s3deploy" or "s3deploy" not in summary:
        return ""
    return f"{summary['s3deploy']['wall']['median'] / summary[tool]['wall']['median']:.2f}"


def per_object_requests(requests):
    """Requests that are about one object (anything but bucket-level listing/creation, minus the one manifest read)."""
    return sum(v for k, v in requests.items() if " object" in k)


def targets(site, big):
    lines = []

    def peers_of(scenario):
        return {t: s for t, s in site.get(scenario, {}).items() if t != "s3deploy"}

    def check(label, scenario, bound, against):
        if scenario not in site or "s3deploy" not in site[scenario]:
            return
        peers = peers_of(scenario)
        if against == "fastest":
            peers = dict(sorted(peers.items(), key=lambda kv: kv[1]["wall"]["median"])[:1])
        else:
            peers = {k: v for k, v in peers.items() if k == against}
        for peer, s in peers.items():
            r = site[scenario]["s3deploy"]["wall"]["median"] / s["wall"]["median"]
            verdict = "met" if r <= bound else f"missed by {r / bound:.1f}×"
            lines.append(f"- {label}: S3Deploy/{peer} = {r:.2f} (target ≤ {bound}) — **{verdict}**")

    check("no-op redeploy", "no-op", 0.5, "fastest")
    check("after touching every file", "touch every file", 0.1, "aws")
    check("one file changed", "one file changed", 0.5, "fastest")
    check("full upload (wall)", "full upload", 1.0, "rclone")
    full = site.get("full upload", {})
    if "s3deploy" in full and "rclone" in full:
        a, b = full["s3deploy"]["cpu"]["median"], full["rclone"]["cpu"]["median"]
        lines.append(f"- full upload (CPU): S3Deploy {a:.2f}s vs rclone {b:.2f}s — **{'met' if a < b else 'missed'}**")
    for scenario in ("1 GiB upload", "1 GiB no-op"):
        if "s3deploy" in big.get(scenario, {}):
            rss = big[scenario]["s3deploy"]["rss_mb"]["max"]
            lines.append(f"- peak RSS, {scenario}: {rss:.0f} MB (target ≤ 150 MB) — **{'met' if rss <= 150 else 'missed'}**")
    noop = site.get("no-op", {}).get("s3deploy")
    if noop:
        n = per_object_requests(noop["requests"]) - min(1, noop["requests"].get("GET object", 0))
        lines.append(f"- no-op requests: {compact(noop['requests'])}; per-object requests (besides the one manifest GET): {n} — **{'met' if n == 0 else 'missed'}**")
    return lines


def markdown(meta, site, big, scale):
    out = [f"Run {meta['date']} on {meta['machine']}; load average (1 min) {meta['load_start']:.1f} at the start, "
           f"{meta['load_end']:.1f} at the end; {meta['runs']} counted runs after {meta['warmups']} warm-up, tools alternating.", ""]
    out.append("Tools: " + "; ".join(f"{k} = {v}" for k, v in meta["tools"].items()) + ".")
    if meta["skipped"]:
        out.append("Skipped: " + "; ".join(meta["skipped"]) + ".")
    out += ["", "| scenario | tool | wall s, median (min–max) | CPU s user+sys | peak RSS MB | s3rver CPU s | S3Deploy/tool (wall) | requests (last run) |",
            "| --- | --- | --- | --- | --- | --- | --- | --- |"]
    for scenario, by_tool in list(site.items()) + list(big.items()):
        for tool, s in by_tool.items():
            one = len(s["runs"]) == 1
            cell = lambda field, digits=2: f"{s[field]['median']:.{digits}f}" if one else fmt(s[field], digits)
            out.append(f"| {scenario} | {tool} | {cell('wall')} | {cell('cpu')} | {cell('rss_mb', 0)} | {cell('server_cpu')} | {ratio(by_tool, tool)} | {compact(s['requests'])} |")
    out += ["", "Targets:", ""] + targets(site, big)
    if scale:
        out += ["", "Scaling (synthetic small files): wall seconds per 1,000 files, median", "",
                "| files | tool | full upload | no-op | one file changed | no-op peak RSS MB | S3Deploy/tool (no-op, one change) | no-op requests |",
                "| --- | --- | --- | --- | --- | --- | --- | --- |"]
        for count, results in scale.items():
            for tool in results["no-op"]:
                per = lambda sc: f"{results[sc][tool]['wall']['median'] / count * 1000:.3f}" if tool in results.get(sc, {}) else ""
                ratios = ", ".join(filter(None, (ratio(results.get(sc, {}), tool) for sc in ("no-op", "one file changed"))))
                rss = f"{results['no-op'][tool]['rss_mb']['max']:.0f}"
                out.append(f"| {count} | {tool} | {per('full upload')} | {per('no-op')} | {per('one file changed')} | {rss} | {ratios} | {compact(results['no-op'][tool]['requests'])} |")
        out += [""] + scale_targets(scale)
    return "\n".join(out) + "\n"


def scale_targets(scale):
    """Issue 14's goal for the largest tree the peers ran on: no-op and one change at most rclone's wall, peak RSS at most 150 MB."""
    with_rclone = [count for count, results in scale.items() if "rclone" in results.get("no-op", {})]
    if not with_rclone:
        return []
    count = max(with_rclone)
    results, lines = scale[count], []
    for scenario in ("no-op", "one file changed"):
        if "s3deploy" in results.get(scenario, {}) and "rclone" in results[scenario]:
            r = float(ratio(results[scenario], "rclone"))
            lines.append(f"- {count:,} small files, {scenario}: S3Deploy/rclone = {r:.2f} (target ≤ 1.0) — **{'met' if r <= 1.0 else f'missed by {r:.1f}×'}**")
    rss = max(results[sc]["s3deploy"]["rss_mb"]["max"] for sc in ("no-op", "one file changed") if "s3deploy" in results.get(sc, {}))
    lines.append(f"- {count:,} small files, peak RSS: {rss:.0f} MB (target ≤ 150 MB) — **{'met' if rss <= 150 else 'missed'}**")
    return lines


# ---------------------------------------------------------------- main


# Every .NET host (apphost, single-file bundle) carries this bundle signature; a Native AOT file has none.
HOST_BUNDLE_SIGNATURE = bytes.fromhex("8b1202b96a612038727b930214d7a03213f5b9e6efae3318ee3b2dce24b36aae")


def build_kind(exe: Path):
    return ".NET host" if HOST_BUNDLE_SIGNATURE in Path(exe).read_bytes() else "Native AOT"


def publish_s3deploy(cache: Path):
    out = cache / "s3deploy-publish"
    shutil.rmtree(out, ignore_errors=True)
    log(f"publishing S3Deploy (Release, Native AOT) to {out}")
    # What users get: a runtime-specific publish of the CLI is one Native AOT file. It needs clang and zlib1g-dev; without
    # them the ReadyToRun single file is measured instead, and the tools line of the results says which one ran.
    publish = ["dotnet", "publish", str(REPO / "src" / "S3Deploy.Cli"), "-c", "Release", "-r", "linux-x64", "-o", str(out), "-nologo", "-v", "q"]
    if subprocess.run(publish).returncode != 0:
        log("Native AOT publish failed (are clang and zlib1g-dev installed?); publishing ReadyToRun instead")
        subprocess.run(publish + ["-p:PublishAot=false"], check=True)
    return out / "s3deploy"


def main():
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--quick", action="store_true", help="smoke run: 1 counted run, 10k scaling only, no 1 GiB file")
    parser.add_argument("--runs", type=int, help="counted runs per scenario (default 5; quick 1)")
    parser.add_argument("--warmups", type=int, default=1)
    parser.add_argument("--tools", default="s3deploy,aws,rclone", help="comma-separated: s3deploy,aws,awsv2,rclone")
    parser.add_argument("--s3deploy", help="an already published S3Deploy folder (default: publish src/S3Deploy.Cli)")
    parser.add_argument("--cache", default=str(HERE / ".corpus"))
    parser.add_argument("--scales", help="comma-separated tree sizes (default 10000,50000,100000; quick 10000)")
    parser.add_argument("--scale-runs", help="counted runs per tree size, comma-separated like --scales (default 3,2,1)")
    parser.add_argument("--scale-peers", type=int, default=100_000, help="run the peers on trees up to this size (0: S3Deploy only)")
    parser.add_argument("--skip", default="", help="comma-separated parts to skip: site,big,scale")
    parser.add_argument("--out", default=str(HERE / "results"))
    args = parser.parse_args()
    runs = args.runs or (1 if args.quick else 5)
    scales = [int(s) for s in (args.scales or ("10000" if args.quick else "10000,50000,100000")).split(",") if s]
    scale_runs = [int(s) for s in (args.scale_runs or ("1" if args.quick else "3,2,1")).split(",")]
    skip = set(filter(None, args.skip.split(",")))
    if args.quick:
        skip.add("big")
    cache = Path(args.cache).resolve()

    corpus = [sys.executable, str(HERE / "corpus.py"), "--cache", str(cache), "--scales", ",".join(map(str, scales)) or "none"]
    subprocess.run(corpus + (["--no-big"] if "big" in skip else []), check=True)
    exe = Path(args.s3deploy).resolve() / "s3deploy" if args.s3deploy else publish_s3deploy(cache)
    if not Path("/usr/bin/time").exists():
        raise SystemExit("/usr/bin/time is missing: apt-get install time")

    server = Server(cache / "s3data")
    try:
        tools, skipped = make_tools(args.tools.split(","), exe, server.url)
        meta = {
            "date": datetime.datetime.now(datetime.timezone.utc).strftime("%Y-%m-%d %H:%M UTC"),
            "machine": f"{os.cpu_count()} cores ({cpu_model()}), {mem_gb():.0f} GB RAM, {platform.system()} {platform.release()}",
            "load_start": load_average(), "runs": runs, "warmups": args.warmups,
            "tools": {t.name: t.version for t in tools}, "skipped": skipped,
        }
        log(f"{meta['machine']}; load {meta['load_start']}; tools: {', '.join(t.name for t in tools)}; skipped: {skipped or 'none'}")
        started = time.monotonic()
        site = summarize(site_scenarios(server, tools, cache / "site", cache, args.warmups, runs)) if "site" not in skip else {}
        big = summarize(memory_scenario(server, tools, cache / "big")) if "big" not in skip else {}
        scale = {}
        if "scale" not in skip:
            for i, count in enumerate(scales):
                n = scale_runs[min(i, len(scale_runs) - 1)]
                scale[count] = summarize(scaling(server, tools, cache, count, args.warmups, n, count <= args.scale_peers))
        meta["load_end"] = load_average()
        meta["minutes"] = round((time.monotonic() - started) / 60, 1)
    finally:
        server.stop()

    out = Path(args.out)
    out.mkdir(parents=True, exist_ok=True)
    (out / "bench.json").write_text(json.dumps({"meta": meta, "site": site, "memory": big, "scaling": scale}, indent=1))
    text = markdown(meta, site, big, scale)
    (out / "bench.md").write_text(text)
    print(text)
    log(f"{meta['minutes']} min; wrote {out / 'bench.json'} and {out / 'bench.md'}")


def cpu_model():
    for line in Path("/proc/cpuinfo").read_text().splitlines():
        if line.startswith("model name"):
            return line.split(":", 1)[1].strip()
    return platform.processor()


def mem_gb():
    for line in Path("/proc/meminfo").read_text().splitlines():
        if line.startswith("MemTotal"):
            return int(line.split()[1]) / 1024 / 1024
    return 0


if __name__ == "__main__":
    main()
