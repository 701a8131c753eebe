'use strict';
// s3rver for the benchmark: silent, plus a request counter read and reset at /__bench/requests (GET, DELETE).
// Usage: node --openssl-legacy-provider tests/bench/s3server.js DATA_DIR   (prints "S3rver listening on 127.0.0.1:PORT")
const fs = require('fs');
const path = require('path');
const s3rverDir = path.join(__dirname, '..', 's3server', 'node_modules', 's3rver');

// s3rver 3.7.1 walks folders in readdir order ('svgs' before 'svgs-full'), not key order ('svgs-full/…' < 'svgs/…'), so
// paged listings skip keys. Walk in key order instead; this must be patched before the store module takes its copy.
require(path.join(s3rverDir, 'lib', 'utils')).walk = function* walk(dir, recurseFilter) {
  const entries = fs.readdirSync(dir, { withFileTypes: true }).map(e => ({
    e,
    order: e.isDirectory() ? `${e.name}/` : e.name.replace(/\._S3rver_object$/, ''),
  }));
  entries.sort((a, b) => (a.order < b.order ? -1 : a.order > b.order ? 1 : 0));
  for (const { e } of entries) {
    const filePath = path.posix.join(dir, e.name);
    if (!e.isDirectory()) {
      yield filePath;
    } else if (!recurseFilter || recurseFilter(filePath)) {
      yield* walk(filePath, recurseFilter);
    }
  }
};
const S3rver = require(s3rverDir);

const counts = {};
const server = new S3rver({ directory: process.argv[2], address: '127.0.0.1', port: 0, silent: true });
server.middleware.unshift(async (ctx, next) => {
  if (ctx.path === '/__bench/requests') {
    if (ctx.method === 'DELETE') {
      for (const name of Object.keys(counts)) delete counts[name];
    }
    ctx.body = JSON.stringify(counts);
    ctx.type = 'application/json';
    return;
  }
  const kind = `${ctx.method} ${requestKind(ctx)}`;
  counts[kind] = (counts[kind] || 0) + 1;
  await next();
});

// Bucket-level requests (list, create) versus object-level ones, and the S3 sub-resources that matter here.
function requestKind(ctx) {
  const parts = ctx.path.split('/').filter(Boolean);
  const q = ctx.query;
  const sub = ['uploads', 'uploadId', 'delete', 'list-type', 'partNumber'].filter(k => k in q);
  const copy = ctx.get('x-amz-copy-source') ? ' copy' : '';
  return (parts.length <= 1 ? 'bucket' : 'object') + (sub.length ? `?${sub.join('&')}` : '') + copy;
}

server.run().then(({ address, port }) => console.log('S3rver listening on %s:%d', address, port));
