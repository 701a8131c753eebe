/*! tinyq 1.2.0 — a very small DOM and search helper. MIT licence. */
(function (global) {
  "use strict";

  function $(selector, scope) { return (scope || document).querySelector(selector); }
  function $$(selector, scope) { return Array.prototype.slice.call((scope || document).querySelectorAll(selector)); }

  function el(tag, attrs, children) {
    var node = document.createElement(tag);
    Object.keys(attrs || {}).forEach(function (k) {
      if (k === "text") node.textContent = attrs[k]; else node.setAttribute(k, attrs[k]);
    });
    (children || []).forEach(function (c) { node.appendChild(typeof c === "string" ? document.createTextNode(c) : c); });
    return node;
  }

  function debounce(fn, ms) {
    var t;
    return function () {
      var args = arguments, self = this;
      clearTimeout(t);
      t = setTimeout(function () { fn.apply(self, args); }, ms);
    };
  }

  function fold(s) {
    return String(s).toLowerCase().normalize("NFD").replace(/[\u0300-\u036f]/g, "");
  }

  // Scores a document against a query: every word must match somewhere; title hits count double.
  function score(doc, query) {
    var words = fold(query).split(/\s+/).filter(Boolean);
    if (!words.length) return 0;
    var title = fold(doc.title), body = fold(doc.text + " " + (doc.tags || []).join(" "));
    var total = 0;
    for (var i = 0; i < words.length; i++) {
      var w = words[i];
      if (title.indexOf(w) !== -1) total += 2;
      else if (body.indexOf(w) !== -1) total += 1;
      else return 0;
    }
    return total;
  }

  function search(docs, query, limit) {
    return docs
      .map(function (d) { return { doc: d, score: score(d, query) }; })
      .filter(function (r) { return r.score > 0; })
      .sort(function (a, b) { return b.score - a.score; })
      .slice(0, limit || 8)
      .map(function (r) { return r.doc; });
  }

  global.tinyq = { $: $, $$: $$, el: el, debounce: debounce, search: search };
})(window);
