/* Tillwell site script. Needs tinyq (js/vendor-*.js), loaded first. */
(function () {
  "use strict";
  var q = window.tinyq;
  var root = document.documentElement.getAttribute("data-root") || "./";

  // Colour theme: follow the system until the visitor chooses, then remember the choice.
  var stored = null;
  try { stored = localStorage.getItem("theme"); } catch (e) { /* storage may be blocked */ }
  var prefersDark = window.matchMedia && window.matchMedia("(prefers-color-scheme: dark)").matches;
  document.documentElement.setAttribute("data-theme", stored || (prefersDark ? "dark" : "light"));

  var toggle = q.$(".theme-toggle");
  if (toggle) {
    toggle.addEventListener("click", function () {
      var next = document.documentElement.getAttribute("data-theme") === "dark" ? "light" : "dark";
      document.documentElement.setAttribute("data-theme", next);
      try { localStorage.setItem("theme", next); } catch (e) { /* ignore */ }
    });
  }

  // "Copy" buttons on code blocks.
  q.$$("pre > code").forEach(function (code) {
    if (!navigator.clipboard) return;
    var btn = q.el("button", { type: "button", "class": "copy", text: "Copy" });
    btn.addEventListener("click", function () {
      navigator.clipboard.writeText(code.textContent).then(function () {
        btn.textContent = "Copied";
        setTimeout(function () { btn.textContent = "Copy"; }, 1500);
      });
    });
    code.parentNode.appendChild(btn);
  });

  // Docs search, backed by data/search-index.json.
  var form = q.$("[data-search]");
  if (form) {
    var input = q.$("input", form), list = q.$(".search-results", form), pages = null;
    var load = function () {
      if (pages) return Promise.resolve(pages);
      return fetch(root + "data/search-index.json")
        .then(function (r) { if (!r.ok) throw new Error(r.status); return r.json(); })
        .then(function (data) { pages = data.pages; return pages; });
    };
    var render = function () {
      var query = input.value.trim();
      if (!query) { list.innerHTML = ""; return; }
      load().then(function (docs) {
        var hits = q.search(docs, query, 6);
        list.innerHTML = "";
        if (!hits.length) { list.appendChild(q.el("li", { text: "No pages match “" + query + "”." })); return; }
        hits.forEach(function (d) {
          list.appendChild(q.el("li", {}, [q.el("a", { href: root + d.url, text: d.title }), q.el("small", { text: d.text })]));
        });
      }).catch(function () {
        list.innerHTML = "";
        list.appendChild(q.el("li", { text: "Search is unavailable right now." }));
      });
    };
    input.addEventListener("input", q.debounce(render, 120));
    form.addEventListener("submit", function (e) { e.preventDefault(); render(); });
  }

  // Order-total demo, running wasm/add.wasm.
  var demo = q.$("[data-wasm-demo]");
  if (demo && window.WebAssembly) {
    var out = q.$("output", demo), demoForm = q.$("form", demo), addFn = null;
    var instantiate = function () {
      if (addFn) return Promise.resolve(addFn);
      return fetch(root + "wasm/add.wasm")
        .then(function (r) { if (!r.ok) throw new Error(r.status); return r.arrayBuffer(); })
        .then(function (bytes) { return WebAssembly.instantiate(bytes); })
        .then(function (result) { addFn = result.instance.exports.add; return addFn; });
    };
    var run = function () {
      var a = parseInt(demoForm.elements.a.value, 10) || 0, b = parseInt(demoForm.elements.b.value, 10) || 0;
      instantiate().then(function (add) {
        var cents = add(a, b);
        out.textContent = "€" + (cents / 100).toFixed(2) + " (" + cents + " cents)";
      }).catch(function () { out.textContent = "could not load the calculator"; });
    };
    demoForm.addEventListener("submit", function (e) { e.preventDefault(); run(); });
    run();
  }
})();
