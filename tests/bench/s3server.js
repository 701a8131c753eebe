'use strict';
// s3rver for the benchmark: silent, plus a request counter read and reset at /__bench/requests (GET, DELETE).
// Usage: node --openssl-legacy-provider tests/bench/s3server.js DATA_DIR   (prints "S3rver listening on 127.0.0.1:PORT")
const fs = require('fs');
const path = require('path');
const s3rverDir = path.join(__dirname, '..', 's3server', 'node_modules', 's3rver');

// s3rver 3.7.1 lists wrongly in two ways, each making sync tools re-upload objects that are there: it walks folders in
// readdir order ('svgs' before 'svgs-full'), not key order ('svgs-full/…' < 'svgs/…'), so paged listings skip keys;
// and with a delimiter it never reports a folder that holds only folders ('lib/' over 'lib/a/b.js'). This listing
// walks in key order, prunes only folders wholly before the marker or outside the prefix, and groups by delimiter.
const FilesystemStore = require(path.join(s3rverDir, 'lib', 'stores', 'filesystem'));
const S3Object = require(path.join(s3rverDir, 'lib', 'models', 'object'));
const OBJECT_SUFFIX = '._S3rver_object';

function* keysInOrder(dir, relative, prefix, startAfter) {
  const entries = fs.readdirSync(dir, { withFileTypes: true }).flatMap(e => {
    if (e.isDirectory()) return [{ name: e.name, key: `${relative}${e.name}/`, dir: true }];
    return e.name.endsWith(OBJECT_SUFFIX) ? [{ name: e.name, key: relative + e.name.slice(0, -OBJECT_SUFFIX.length) }] : [];
  });
  entries.sort((a, b) => (a.key < b.key ? -1 : a.key > b.key ? 1 : 0));
  for (const e of entries) {
    if (!e.dir) {
      yield e.key;
      continue;
    }
    const whollyBefore = e.key < startAfter && !startAfter.startsWith(e.key);
    const overlapsPrefix = e.key.startsWith(prefix) || prefix.startsWith(e.key);
    if (!whollyBefore && overlapsPrefix) {
      yield* keysInOrder(path.join(dir, e.name), e.key, prefix, startAfter);
    }
  }
}

FilesystemStore.prototype.listObjects = async function listObjects(bucket, options) {
  const { delimiter = '', startAfter = '', prefix = '', maxKeys = Infinity } = options;
  const keys = [];
  const commonPrefixes = [];
  let isTruncated = false;
  for (const key of keysInOrder(this.getBucketPath(bucket), '', prefix, startAfter)) {
    if (key <= startAfter || !key.startsWith(prefix)) continue;
    const cut = delimiter ? key.indexOf(delimiter, prefix.length) : -1;
    if (cut !== -1) {
      const common = key.slice(0, cut + delimiter.length);
      if (common > startAfter && !startAfter.startsWith(common) && common !== commonPrefixes[commonPrefixes.length - 1]) {
        commonPrefixes.push(common);
      }
      continue;
    }
    if (keys.length >= maxKeys) {
      isTruncated = true;
      break;
    }
    keys.push(key);
  }
  const metadata = await Promise.all(keys.map(key => this.getMetadata(bucket, key).catch(err => {
    if (err.code === 'ENOENT') return undefined;
    throw err;
  })));
  return {
    objects: keys.map((key, i) => metadata[i] && new S3Object(bucket, key, null, metadata[i])).filter(Boolean),
    commonPrefixes,
    isTruncated,
  };
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
