#!/usr/bin/env bash
# Quickstart: deploy samples/site to a local S3-compatible server (s3rver) and deploy it again
# to see that an unchanged folder uploads nothing.
#
# Needs only the .NET 10 SDK and Node.js 20. Run from anywhere:
#
#   samples/quickstart.sh                 # deploy twice, show the result, stop the server
#   KEEP_SERVER=1 samples/quickstart.sh   # ...and keep the server running until Ctrl+C
#
# Nothing touches real AWS: the server listens on 127.0.0.1 only, its data lives in a temporary
# directory that is removed on exit, and the credentials are s3rver's fixed test pair.
set -euo pipefail

cd "$(dirname "${BASH_SOURCE[0]}")/.."   # the repository root

BUCKET=quickstart
SITE=samples/site
S3RVER_DIR=tests/s3server
S3DEPLOY_DLL=src/S3Deploy.Cli/bin/Release/net10.0/s3deploy.dll

heading() { printf '\n\033[1m==> %s\033[0m\n' "$*"; }
die() { printf 'quickstart: %s\n' "$*" >&2; exit 1; }

command -v node >/dev/null 2>&1 || die "Node.js 20 is required (node not found on PATH)"
command -v npm >/dev/null 2>&1 || die "npm is required (it comes with Node.js)"
command -v dotnet >/dev/null 2>&1 || die "the .NET 10 SDK is required (dotnet not found on PATH)"
command -v curl >/dev/null 2>&1 || die "curl is required"

# --- 1. the test S3 server (s3rver, pinned in tests/s3server/package-lock.json) -------------------
if [[ ! -d "$S3RVER_DIR/node_modules/s3rver" ]]; then
  heading "Installing the local S3 server (s3rver) into $S3RVER_DIR/node_modules"
  npm ci --prefix "$S3RVER_DIR" --no-audit --no-fund
fi

# --- 2. build the CLI once ----------------------------------------------------------------------
heading "Building s3deploy"
export DOTNET_NOLOGO=1 DOTNET_CLI_TELEMETRY_OPTOUT=1
dotnet build src/S3Deploy.Cli -c Release -nologo -v q
# An array, so that "${S3DEPLOY[@]}" runs `dotnet <path to s3deploy.dll>` with the path intact.
S3DEPLOY=(dotnet "$S3DEPLOY_DLL")

# --- 3. start s3rver on a free port, with the bucket created at startup --------------------------
WORK_DIR="$(mktemp -d "${TMPDIR:-/tmp}/s3deploy-quickstart.XXXXXX")"
DATA_DIR="$WORK_DIR/data"
SERVER_LOG="$WORK_DIR/s3rver.log"
SERVER_PID=""

cleanup() {
  local status=$?
  if [[ -n "$SERVER_PID" ]] && kill -0 "$SERVER_PID" 2>/dev/null; then
    kill "$SERVER_PID" 2>/dev/null || true
    wait "$SERVER_PID" 2>/dev/null || true
  fi
  rm -rf "$WORK_DIR"
  exit "$status"
}
trap cleanup EXIT
trap 'exit 130' INT
trap 'exit 143' TERM

heading "Starting s3rver on 127.0.0.1 (data in $DATA_DIR)"
# -p 0 picks a free port; s3rver then prints "S3rver listening on 127.0.0.1:PORT" on stdout.
# --configure-bucket NAME (with no config files after it) creates the bucket before listening.
node --openssl-legacy-provider "$S3RVER_DIR/node_modules/s3rver/bin/s3rver.js" \
  -d "$DATA_DIR" -a 127.0.0.1 -p 0 --silent --configure-bucket "$BUCKET" \
  >"$SERVER_LOG" 2>&1 &
SERVER_PID=$!

PORT=""
for _ in $(seq 1 200); do   # up to ~20 s
  PORT="$(sed -n 's/^S3rver listening on [^ ]*:\([0-9][0-9]*\).*$/\1/p' "$SERVER_LOG" | head -n 1)"
  [[ -n "$PORT" ]] && break
  if ! kill -0 "$SERVER_PID" 2>/dev/null; then
    cat "$SERVER_LOG" >&2
    die "s3rver exited before it started listening (log above)"
  fi
  sleep 0.1
done
if [[ -z "$PORT" ]]; then
  cat "$SERVER_LOG" >&2
  die "s3rver did not report a port within 20 s (log above)"
fi
ENDPOINT="http://127.0.0.1:$PORT"
echo "s3rver is listening at $ENDPOINT with bucket '$BUCKET'"

# s3rver checks signatures against its fixed key pair S3RVER / S3RVER. Make sure no real
# profile or session token from the environment leaks into the requests.
export AWS_ACCESS_KEY_ID=S3RVER AWS_SECRET_ACCESS_KEY=S3RVER AWS_REGION=us-east-1
unset AWS_PROFILE AWS_DEFAULT_PROFILE AWS_SESSION_TOKEN

# --- 4. deploy twice ----------------------------------------------------------------------------
heading "First deploy: $SITE -> s3://$BUCKET/site, with the rules in samples/s3deploy.json (every file is new, so all are uploaded)"
"${S3DEPLOY[@]}" deploy --config samples/s3deploy.json --endpoint-url "$ENDPOINT"

heading "Second deploy of the unchanged folder: this run should upload nothing"
"${S3DEPLOY[@]}" deploy --config samples/s3deploy.json --endpoint-url "$ENDPOINT"

# --- 5. where to look ---------------------------------------------------------------------------
heading "The deployed home page, as the website endpoint serves it: curl $ENDPOINT/$BUCKET/site/ (first 5 lines)"
curl -fsS "$ENDPOINT/$BUCKET/site/" -o "$WORK_DIR/index.html"
head -n 5 "$WORK_DIR/index.html"

heading "A redirect from samples/s3deploy.json, and a missing page answered by 404.html"
curl -sS -o /dev/null -w '/docs/start.html  -> %{http_code} Location: %{redirect_url}\n' "$ENDPOINT/$BUCKET/site/docs/start.html"
curl -sS -o /dev/null -w '/no-such-page.html -> %{http_code} (the site'"'"'s 404.html)\n' "$ENDPOINT/$BUCKET/site/no-such-page.html"

heading "The objects as s3rver stores them on disk (under $DATA_DIR/$BUCKET)"
( cd "$DATA_DIR/$BUCKET" && find . -type f -name '*._S3rver_object' | sed 's|^\./||; s|\._S3rver_object$||' | sort | head -n 25 )

if [[ "${KEEP_SERVER:-}" == "1" ]]; then
  heading "Keeping the server running at $ENDPOINT (Ctrl+C stops it and deletes its data)"
  cat <<EOF
Try, in another terminal (from the repository root):
  curl $ENDPOINT/$BUCKET/site/index.html
  AWS_ACCESS_KEY_ID=S3RVER AWS_SECRET_ACCESS_KEY=S3RVER AWS_REGION=us-east-1 \\
    dotnet $S3DEPLOY_DLL plan $SITE s3://$BUCKET/site --endpoint-url $ENDPOINT
Objects are stored under: $DATA_DIR/$BUCKET
EOF
  trap 'exit 0' INT   # Ctrl+C is the normal way to stop here
  wait "$SERVER_PID" || true
else
  echo
  echo "Done. The server is stopped and its data removed now; run with KEEP_SERVER=1 to keep it running."
fi
