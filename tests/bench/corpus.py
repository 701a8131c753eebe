#!/usr/bin/env python3
"""Builds the benchmark corpus into a cache folder (never committed); each part is built once and reused.

  site/       Blazor WebAssembly publish output + real web payloads from npm (icons, a PDF viewer, an editor)
  big/        one 1 GiB file made by repeating the site's own bytes (for the memory check), plus a page
  scale-N/    N small synthetic files (N = 10000, 50000, 100000) for the scaling runs
"""
import argparse
import os
import shutil
import subprocess
import sys
import tempfile
from pathlib import Path

NPM_PACKAGES = ["@fortawesome/fontawesome-free@7.3.1", "pdfjs-dist@5.4.296", "monaco-editor@0.52.2"]
# Left out to keep the run short: a second copy of the icons, and the editor's unminified build.
SKIP = ("fontawesome-free/svgs-full", "monaco-editor/dev")
BIG_SIZE = 1 << 30
SCALES = (10_000, 50_000, 100_000)


def run(cmd, cwd=None):
    print("+", " ".join(cmd), file=sys.stderr, flush=True)
    subprocess.run(cmd, cwd=cwd, check=True, stdout=subprocess.DEVNULL)


def build_site(cache: Path):
    site = cache / "site"
    if (cache / "site.complete").exists():
        return site
    shutil.rmtree(site, ignore_errors=True)
    with tempfile.TemporaryDirectory(prefix="s3deploy-bench-") as tmp:
        # Outside the repository, so its Directory.Build.props and central package versions do not apply.
        app = Path(tmp) / "BenchSite"
        run(["dotnet", "new", "blazorwasm", "-o", str(app), "--no-update-check"])
        run(["dotnet", "publish", str(app), "-c", "Release", "-o", str(app / "publish"), "-nologo"])
        shutil.copytree(app / "publish" / "wwwroot", site / "app")
        npm = Path(tmp) / "npm"
        npm.mkdir()
        run(["npm", "install", "--prefix", str(npm), "--no-save", "--ignore-scripts", "--no-audit", "--no-fund", *NPM_PACKAGES])
        for spec in NPM_PACKAGES:
            name = spec.rsplit("@", 1)[0]
            shutil.copytree(npm / "node_modules" / name, site / "lib" / name.split("/")[-1])
        for skipped in SKIP:
            shutil.rmtree(site / "lib" / skipped)
    (cache / "site.complete").touch()
    return site


def site_files(site: Path):
    return sorted(p for p in site.rglob("*") if p.is_file())


def build_big(cache: Path, site: Path):
    big = cache / "big"
    if (cache / "big.complete").exists():
        return
    shutil.rmtree(big, ignore_errors=True)
    big.mkdir(parents=True)
    # Real bytes, not random: the site's files over and over until 1 GiB.
    sources = site_files(site)
    written = 0
    with open(big / "bundle.bin", "wb") as out:
        while written < BIG_SIZE:
            for path in sources:
                data = path.read_bytes()[: BIG_SIZE - written]
                out.write(data)
                written += len(data)
                if written >= BIG_SIZE:
                    break
    shutil.copy(site / "app" / "index.html", big / "index.html")
    (cache / "big.complete").touch()


def build_scale(cache: Path, site: Path, count: int):
    tree = cache / f"scale-{count}"
    if (cache / f"scale-{count}.complete").exists():
        return
    shutil.rmtree(tree, ignore_errors=True)
    text = (site / "lib" / "monaco-editor" / "README.md").read_bytes() or b"x" * 4096
    for i in range(count):
        folder = tree / f"d{i // 1000:03d}"
        if i % 1000 == 0:
            folder.mkdir(parents=True)
        start = (i * 37) % max(1, len(text) - 200)
        (folder / f"f{i:06d}.txt").write_bytes(b"file %d\n" % i + text[start : start + 200 + i % 800])
    (cache / f"scale-{count}.complete").touch()


def main():
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--cache", default=str(Path(__file__).parent / ".corpus"))
    parser.add_argument("--no-big", action="store_true", help="skip the 1 GiB file")
    parser.add_argument("--scales", default=",".join(map(str, SCALES)), help="comma-separated tree sizes, or 'none'")
    args = parser.parse_args()
    cache = Path(args.cache).resolve()
    cache.mkdir(parents=True, exist_ok=True)
    site = build_site(cache)
    if not args.no_big:
        build_big(cache, site)
    for count in [] if args.scales == "none" else [int(s) for s in args.scales.split(",") if s]:
        build_scale(cache, site, count)
    files = site_files(site)
    print(f"site: {len(files)} files, {sum(f.stat().st_size for f in files) / 1e6:.1f} MB in {site}", file=sys.stderr)


if __name__ == "__main__":
    main()
