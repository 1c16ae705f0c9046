/* The report's behaviour: the document table (sort, filter, search, pages) and the view of one
   document (highlights, hover or focus details, the fixed text beside the original).
   Every piece of document text reaches the page through textContent or a property, never as
   markup, and no link is ever made from document text. */
(function () {
  "use strict";

  var DATA = JSON.parse(document.getElementById("quality-data").textContent);
  var DOCS = DATA.docs;
  var RULES = DATA.rules;           // code -> [name, category]
  var RANK = {info: 0, warning: 1, error: 2};
  var SEVERITIES = ["info", "warning", "error"];
  var PAGE_SIZE = 100;
  var TITLE = document.title;
  // finding fields, in the order html.py writes them
  var CODE = 0, START = 1, END = 2, SEV = 3, MSG = 4, SUGG = 5, LINE = 6, COL = 7, CONF = 8,
      PENALTY = 9;

  DOCS.forEach(function (d, n) {
    d.n = n;
    d.label = (d.p === null ? "-" : d.p) + (d.i === null ? "" : "#" + d.i);
    d.short = d.label.slice(DATA.root.length);  // the table leaves out the common folder
    d.cats = {};
    d.codes = {};
    d.sevs = {};
    d.worst = -1;
    d.f.forEach(function (f) {
      d.codes[f[CODE]] = true;
      d.cats[category(f)] = true;
      d.sevs[f[SEV]] = true;
      d.worst = Math.max(d.worst, RANK[f[SEV]]);
    });
  });

  function category(f) { return RULES[f[CODE]][1]; }

  function $(id) { return document.getElementById(id); }

  /* el("a", {href: "#doc-1", textContent: "x"}, [children]): properties, not markup. */
  function el(tag, props, children) {
    var node = document.createElement(tag);
    if (props) {
      Object.keys(props).forEach(function (k) {
        if (k.indexOf("data-") === 0 || k.indexOf("aria-") === 0) node.setAttribute(k, props[k]);
        else node[k] = props[k];
      });
    }
    (children || []).forEach(function (c) {
      node.appendChild(typeof c === "string" ? document.createTextNode(c) : c);
    });
    return node;
  }

  /* Replace box's children with nodes (any number: no argument-list limit). */
  function fill(box, nodes) {
    var frag = document.createDocumentFragment();
    nodes.forEach(function (n) { frag.appendChild(n); });
    box.replaceChildren(frag);
  }

  function quote(s) { return "\u201c" + s + "\u201d"; }

  function suggestionText(s) {
    if (s === null) return "no fix suggested";
    if (s === "") return "delete it";
    return "replace with " + quote(s);
  }

  /* ------------------------------------------------------------------ the table */
  var state = {sort: "score", dir: 1, q: "", cat: "", rule: "", sev: "", band: "", page: 0};
  var BANDS = 10;  // the histogram's bands of 10 points; the last one holds 100
  var shown = DOCS.slice();
  var searchTimer = null;

  function escapeRegExp(s) { return s.replace(/[.*+?^${}()|[\]\\]/g, "\\$&"); }

  function applyFilters() {
    var re = state.q ? new RegExp(escapeRegExp(state.q), "i") : null;
    shown = DOCS.filter(function (d) {
      if (state.cat && !d.cats[state.cat]) return false;
      if (state.rule && !d.codes[state.rule]) return false;
      if (state.sev && !d.sevs[state.sev]) return false;
      if (state.band !== "" && Math.min(BANDS - 1, Math.floor(d.s * BANDS / 100)) !== +state.band) return false;
      if (re && !re.test(d.label) && !re.test(d.t)) return false;
      return true;
    });
    sortShown();
  }

  function sortKey(d) {
    switch (state.sort) {
      case "label": return d.short;
      case "findings": return d.f.length;
      case "worst": return d.worst;
      default: return d.s;
    }
  }

  function sortShown() {
    var dir = state.dir;
    shown.sort(function (a, b) {
      var ka = sortKey(a), kb = sortKey(b);
      if (ka < kb) return -dir;
      if (ka > kb) return dir;
      return a.n - b.n;
    });
    var pages = Math.max(1, Math.ceil(shown.length / PAGE_SIZE));
    if (state.page >= pages) state.page = pages - 1;
    renderTable();
  }

  function renderTable() {
    var tbody = $("doctable").tBodies[0];
    var from = state.page * PAGE_SIZE;
    var rows = shown.slice(from, from + PAGE_SIZE).map(function (d) {
      var cats = Object.keys(d.cats).sort().map(function (c) {
        return el("span", {className: "icon cat-" + c, title: c, "aria-label": c});
      });
      return el("tr", {"data-n": String(d.n)}, [
        el("td", {className: "num", textContent: String(d.n + 1)}),
        el("td", null, [el("a", {href: "#doc-" + d.n, textContent: d.short, title: d.label})]),
        el("td", {className: "num score", textContent: d.s.toFixed(1)}),
        el("td", {className: "num", textContent: String(d.f.length)}),
        el("td", null, d.worst < 0 ? [] : [el("span", {className: "sev sev-" + SEVERITIES[d.worst],
                                                       textContent: SEVERITIES[d.worst]})]),
        el("td", {className: "cats"}, cats)
      ]);
    });
    fill(tbody, rows);
    var pages = Math.max(1, Math.ceil(shown.length / PAGE_SIZE));
    $("count").textContent = shown.length === DOCS.length
      ? DOCS.length.toLocaleString("en") + " documents"
      : shown.length.toLocaleString("en") + " of " + DOCS.length.toLocaleString("en") + " documents match";
    $("page").textContent = "page " + (state.page + 1) + " of " + pages;
    $("prev-page").disabled = state.page === 0;
    $("next-page").disabled = state.page >= pages - 1;
    Array.prototype.forEach.call(document.querySelectorAll("#doctable th[data-sort]"), function (th) {
      var on = th.getAttribute("data-sort") === state.sort;
      th.setAttribute("aria-sort", on ? (state.dir > 0 ? "ascending" : "descending") : "none");
    });
  }

  function setFilter(kind, value) {
    state[kind] = value;
    state.page = 0;
    applyFilters();
  }

  $("q").addEventListener("input", function (e) {
    clearTimeout(searchTimer);
    var value = e.target.value.trim();
    if (DOCS.length <= 2000) setFilter("q", value);  // large reports wait for a pause in typing
    else searchTimer = setTimeout(function () { setFilter("q", value); }, 200);
  });
  [["f-cat", "cat"], ["f-rule", "rule"], ["f-sev", "sev"], ["f-band", "band"]].forEach(function (pair) {
    $(pair[0]).addEventListener("change", function (e) { setFilter(pair[1], e.target.value); });
  });
  $("reset").addEventListener("click", function () {
    showOnly({});
  });

  /* The table with only the given filters on (the summary's buttons and bars use it). */
  function showOnly(filters) {
    ["q", "cat", "rule", "sev", "band"].forEach(function (k) { state[k] = filters[k] || ""; });
    $("q").value = state.q; $("f-cat").value = state.cat; $("f-rule").value = state.rule;
    $("f-sev").value = state.sev; $("f-band").value = state.band;
    state.page = 0;
    applyFilters();
  }
  Array.prototype.forEach.call(document.querySelectorAll("#doctable th[data-sort] button"), function (b) {
    b.addEventListener("click", function () {
      var key = b.parentNode.getAttribute("data-sort");
      if (state.sort === key) state.dir = -state.dir;
      else { state.sort = key; state.dir = (key === "score" || key === "label") ? 1 : -1; }
      state.page = 0;
      sortShown();
    });
  });
  $("prev-page").addEventListener("click", function () { state.page -= 1; renderTable(); });
  $("next-page").addEventListener("click", function () { state.page += 1; renderTable(); });
  /* Buttons of the summary and the evidence, and the histogram's bars, show the table with
     only their filter on. */
  function toTable(filters) {
    showOnly(filters);
    location.hash = "#documents";
    $("documents").scrollIntoView();
  }
  Array.prototype.forEach.call(document.querySelectorAll("button[data-filter]"), function (b) {
    b.addEventListener("click", function () {
      var filters = {q: b.getAttribute("data-q") || ""};
      filters[b.getAttribute("data-filter")] = b.getAttribute("data-value");
      toTable(filters);
    });
  });
  Array.prototype.forEach.call(document.querySelectorAll("#histogram .bar"), function (g) {
    function go() { toTable({band: g.getAttribute("data-band")}); }
    g.addEventListener("click", go);
    g.addEventListener("keydown", function (e) { if (e.key === "Enter" || e.key === " ") { e.preventDefault(); go(); } });
  });

  /* ------------------------------------------------------------------ one document */
  var current = null;

  /* The text cut at every finding boundary; each piece knows the findings covering it.
     Zero-width findings become empty marks at their offset. */
  function segments(text, findings) {
    var cuts = [0, text.length];
    findings.forEach(function (f) { cuts.push(f[START], f[END]); });
    cuts.sort(function (a, b) { return a - b; });
    cuts = cuts.filter(function (x, i) { return i === 0 || x !== cuts[i - 1]; });
    var order = findings.map(function (f, k) { return k; })
      .sort(function (a, b) { return findings[a][START] - findings[b][START] || a - b; });
    var out = [], active = [], next = 0;
    cuts.forEach(function (at, c) {
      active = active.filter(function (k) { return findings[k][END] > at; });
      while (next < order.length && findings[order[next]][START] <= at) {
        var k = order[next++];
        if (findings[k][END] === findings[k][START]) out.push({a: at, b: at, f: [k]});
        else active.push(k);
      }
      if (c + 1 < cuts.length) out.push({a: at, b: cuts[c + 1], f: active.slice()});
    });
    return out;
  }

  function renderOriginal(d) {
    var box = $("original");
    var nodes = [], first = {};
    segments(d.t, d.f).forEach(function (s) {
      var piece = d.t.slice(s.a, s.b);
      if (!s.f.length) { nodes.push(document.createTextNode(piece)); return; }
      // colour and style of the innermost (shortest) finding
      var inner = s.f.slice().sort(function (a, b) {
        return (d.f[a][END] - d.f[a][START]) - (d.f[b][END] - d.f[b][START]) || a - b;
      })[0];
      var cls = "hl cat-" + category(d.f[inner]);
      if (d.f[inner][START] === s.a) cls += " first";
      if (s.a === s.b) cls += " zero";
      if (s.f.length > 1) cls += " multi";
      var mark = el("mark", {className: cls, tabIndex: 0, textContent: piece,
                             "data-f": s.f.join(" "), "aria-describedby": "tip"});
      s.f.forEach(function (k) { if (!(k in first)) first[k] = mark; });
      nodes.push(mark);
    });
    fill(box, nodes);
    return first;
  }

  /* The fixed text (what apply_fixes writes): the safe fixes, as `quality fix` applies them,
     or with "unsafe fixes" ticked all of them (`quality fix --unsafe-fixes`), the edits that
     only the latter makes marked "unsafe". Replacements are marked as inserted; deletions
     stay visible, struck through, so the two panes stay side by side. */
  function renderFixed(d) {
    var box = $("fixed"), nodes = [], pos = 0, all = $("unsafe-toggle").checked;
    var safe = {};
    d.u.forEach(function (e) { safe[e.join("\u0000")] = true; });
    (all ? d.e : d.u).forEach(function (e) {
      var unsafe = all && !safe[e.join("\u0000")];
      var was = d.t.slice(e[0], e[1]), note = unsafe ? " (unsafe fix: only with --unsafe-fixes)" : "";
      nodes.push(document.createTextNode(d.t.slice(pos, e[0])));
      if (e[2] !== "") nodes.push(el("ins", {textContent: e[2], className: unsafe ? "unsafe" : "",
                                             title: "was " + quote(was) + note}));
      else nodes.push(el("del", {textContent: was, className: unsafe ? "unsafe" : "",
                                 title: "deleted by the fix" + note}));
      pos = e[1];
    });
    nodes.push(document.createTextNode(d.t.slice(pos)));
    fill(box, nodes);
  }

  function plural(n, word, words) { return n + " " + (n === 1 ? word : words); }

  function showDocument(n) {
    var d = DOCS[n];
    current = n;
    $("overview").hidden = true;
    $("docview").hidden = false;
    hideTip();
    $("doc-title").textContent = d.label;
    document.title = d.short + " \u00b7 " + TITLE;
    var worst = d.worst < 0 ? "" : ", worst " + SEVERITIES[d.worst];
    $("doc-meta").textContent = "score " + d.s.toFixed(1) + " \u00b7 " + d.f.length + " finding" +
      (d.f.length === 1 ? "" : "s") + worst + " \u00b7 " + plural(d.u.length, "safe fix", "safe fixes") +
      (JSON.stringify(d.e) !== JSON.stringify(d.u) ? ", " + plural(d.e.length, "edit", "edits") + " with the unsafe ones" : "") +
      (d.l ? " \u00b7 language " + d.l : "") +
      (d.t === "" ? " \u00b7 no text" + (d.cats.input ? ": the input could not be read" : "") : "");
    var first = renderOriginal(d);
    if ($("fixed-toggle").checked) renderFixed(d);
    $("fixed-pane").hidden = !$("fixed-toggle").checked;
    var items = d.f.map(function (f, k) {
      var go = el("button", {type: "button", className: "link"}, [
        el("span", {className: "icon cat-" + category(f), "aria-hidden": "true"}),
        el("code", {textContent: f[CODE]}), " " + f[LINE] + ":" + f[COL] + " ",
        el("span", {className: "sev sev-" + f[SEV], textContent: f[SEV]}), " " + f[MSG] +
        (f[SUGG] === null ? "" : " \u2192 " + (f[SUGG] === "" ? "delete" : quote(f[SUGG])))]);
      go.addEventListener("click", function () {
        if (first[k]) { first[k].scrollIntoView({block: "center"}); first[k].focus(); }
      });
      return el("li", null, [go]);
    });
    var list = $("finding-list");
    fill(list, items);
    var order = shown.map(function (x) { return x.n; });
    var at = order.indexOf(n);
    setNav($("prev-doc"), at > 0 ? order[at - 1] : null);
    setNav($("next-doc"), at >= 0 && at < order.length - 1 ? order[at + 1] : null);
    window.scrollTo(0, 0);
  }

  function setNav(a, n) {
    if (n === null) { a.removeAttribute("href"); a.setAttribute("aria-disabled", "true"); }
    else { a.href = "#doc-" + n; a.removeAttribute("aria-disabled"); }
  }

  $("fixed-toggle").addEventListener("change", function (e) {
    if (current === null) return;
    if (e.target.checked) renderFixed(DOCS[current]);
    $("fixed-pane").hidden = !e.target.checked;
  });
  $("unsafe-toggle").addEventListener("change", function () {
    if (current !== null && $("fixed-toggle").checked) renderFixed(DOCS[current]);
  });

  /* ------------------------------------------------------------------ details on hover/focus */
  var tip = $("tip");

  function showTip(mark) {
    var d = DOCS[current];
    var parts = mark.getAttribute("data-f").split(" ").map(Number).map(function (k) {
      var f = d.f[k], rule = RULES[f[CODE]];
      var evidence = quote(d.t.slice(f[START], f[END])) + " at line " + f[LINE] + ", column " +
        f[COL] + " \u00b7 confidence " + f[CONF] + " \u00b7 costs " + f[PENALTY] + " points";
      return el("div", {className: "tip-item"}, [
        el("div", {className: "tip-rule"}, [
          el("span", {className: "icon cat-" + rule[1], "aria-hidden": "true"}),
          el("code", {textContent: f[CODE]}), " " + rule[0] + " (" + rule[1] + ") ",
          el("span", {className: "sev sev-" + f[SEV], textContent: f[SEV]})]),
        el("div", {className: "tip-msg", textContent: f[MSG]}),
        el("div", {className: "tip-ev", textContent: "Evidence: " + evidence}),
        el("div", {className: "tip-fix", textContent: "Suggestion: " + suggestionText(f[SUGG])})
      ]);
    });
    fill(tip, parts);
    tip.hidden = false;
    var r = mark.getBoundingClientRect();
    var left = Math.max(8, Math.min(r.left + window.scrollX, window.scrollX +
      document.documentElement.clientWidth - tip.offsetWidth - 8));
    tip.style.left = left + "px";
    var below = r.bottom + 6 + tip.offsetHeight <= document.documentElement.clientHeight;
    tip.style.top = (below ? r.bottom + window.scrollY + 6
                           : Math.max(window.scrollY, r.top + window.scrollY - tip.offsetHeight - 6)) + "px";
  }

  function hideTip() { tip.hidden = true; }

  function markOf(target) {
    return target && target.closest ? target.closest("#original mark.hl") : null;
  }
  $("original").addEventListener("mouseover", function (e) { var m = markOf(e.target); if (m) showTip(m); });
  $("original").addEventListener("mouseout", function (e) { if (markOf(e.target)) hideTip(); });
  $("original").addEventListener("focusin", function (e) { var m = markOf(e.target); if (m) showTip(m); });
  $("original").addEventListener("focusout", hideTip);
  /* Keys in a document's view: Escape hides the details, n and p go to the next and the
     previous document of the table (as filtered and sorted), f toggles the fixed text. */
  document.addEventListener("keydown", function (e) {
    if (e.key === "Escape") { hideTip(); return; }
    var t = e.target;
    if (current === null || e.ctrlKey || e.metaKey || e.altKey ||
        (t && (t.tagName === "INPUT" || t.tagName === "SELECT" || t.tagName === "TEXTAREA"))) return;
    var link = e.key === "n" ? $("next-doc") : e.key === "p" ? $("prev-doc") : null;
    if (link && link.hasAttribute("href")) location.hash = link.getAttribute("href");
    else if (e.key === "f") $("fixed-toggle").click();
  });

  /* ------------------------------------------------------------------ routing */
  function route() {
    var m = /^#doc-(\d+)$/.exec(location.hash);
    if (m && +m[1] < DOCS.length) { showDocument(+m[1]); return; }
    current = null;
    hideTip();
    document.title = TITLE;
    $("docview").hidden = true;
    $("overview").hidden = false;
  }
  window.addEventListener("hashchange", route);
  applyFilters();
  route();
  document.documentElement.setAttribute("data-ready", "true");
}());
