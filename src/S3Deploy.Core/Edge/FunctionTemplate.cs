namespace S3Deploy.Core.Edge;

/// <summary>
/// The body of the viewer-request function; the generated first line defines S, the routes. Plain ES5 with nothing
/// cloudfront-js-2.0 lacks: no require, no timers, no network. Paths are compared decoded and rewritten by appending to
/// the URI as the viewer sent it, so its encoding reaches the origin unchanged.
/// </summary>
internal static class FunctionTemplate
{
    public const string Body = """
function set(a) { var o = {}, p = ''; a.forEach(function (e) { p = p.slice(0, e.charCodeAt(0) - 48) + e.slice(1); o[p] = 1; }); return o; }
var D = set(S.d), F = set(S.f), N = set(S.n);
function dec(u) { try { return decodeURIComponent(u); } catch (e) { return u; } }
function qs(q) { var p = []; for (var k in q) { (q[k].multiValue || [q[k]]).forEach(function (m) { p.push(m.value === '' ? k : k + '=' + m.value); }); } return p.join('&'); }
function go(c, l, q) {
  var s = qs(q || {}), h = l.indexOf('#'), f = h < 0 ? '' : l.slice(h);
  if (h >= 0) { l = l.slice(0, h); }
  if (s) { l += (l.indexOf('?') < 0 ? '?' : '&') + s; }
  return { statusCode: c, statusDescription: c == 301 ? 'Moved Permanently' : 'Found', headers: { location: { value: l + f } } };
}
function enc(r) {
  var a = (r.headers || {})['accept-encoding'], q = {};
  if (!a) { return ''; }
  (a.multiValue || [a]).forEach(function (v) {
    v.value.toLowerCase().split(',').forEach(function (t) {
      var x = t.split(';'), w = 1;
      for (var i = 1; i < x.length; i++) { var m = x[i].trim(); if (m.slice(0, 2) == 'q=') { w = parseFloat(m.slice(2)); } }
      q[x[0].trim()] = w;
    });
  });
  function ok(n) { return (n in q ? q[n] : q['*']) > 0; }
  return ok('br') ? '.br' : ok('gzip') ? '.gz' : '';
}
function handler(event) {
  var r = event.request, u = r.uri, p = dec(u), slash = p.slice(-1) == '/';
  var t = S.r[p] || S.r[p + (slash ? '' : '/') + S.i];
  if (typeof t == 'string') { return go(301, t, r.querystring); }
  if (slash && D[p]) { u += encodeURI(S.i); p += S.i; }
  else if (p.slice(p.lastIndexOf('/') + 1).indexOf('.') < 0 && !F[p]) {
    if (!slash && D[p + '/']) { return go(302, u + '/', r.querystring); }
    if (S.b && p.indexOf(S.b) == 0) { p = S.b + S.i; u = encodeURI(p); }
  }
  if (N[p]) { u += enc(r); }
  r.uri = u;
  return r;
}

""";
}
