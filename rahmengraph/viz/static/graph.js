/* rahmengraph graph pages: network, filters, focus, search, details, presentation, PNG, URL state.
   Positions come from the server (physics off unless asked for); strings are shown as text only. */
(function () {
  "use strict";
  var RG = window.RG, el = RG.el;
  var data = JSON.parse(document.getElementById("graph-data").textContent);
  var KINDS = ["field", "actor", "level", "target_group", "evidence"];
  var byId = {}, adj = {};
  data.nodes.forEach(function (n) { byId[n.id] = n; adj[n.id] = []; });
  data.edges.forEach(function (e) { adj[e.from].push(e.to); adj[e.to].push(e.from); });
  var state = { filters: {}, focus: null, hops: 1, showcase: true, q: "" };
  var served = /^https?:$/.test(location.protocol);
  var container = document.getElementById("graph");
  var network = null, nodeSet = null, edgeSet = null, visible = {}, presenting = -1;

  /* ---- URL state (query string when served, hash in a written file) ---- */
  function readUrl() {
    var p = new URLSearchParams(location.search);
    new URLSearchParams(location.hash.replace(/^#/, "")).forEach(function (v, k) { p.set(k, v); });
    KINDS.forEach(function (k) {
      var vals = [];
      p.getAll(k).forEach(function (v) { v.split(";").forEach(function (x) { if (x) vals.push(x); }); });
      (data.applied[k] || []).forEach(function (x) { if (vals.indexOf(x) < 0) vals.push(x); });
      if (vals.length) state.filters[k] = vals;
    });
    state.hops = Math.min(4, Math.max(1, parseInt(p.get("hops") || "1", 10) || 1));
    state.showcase = p.get("showcase") !== "0";
    state.q = p.get("q") || "";
    var f = p.get("fokus");
    if (f) data.nodes.forEach(function (n) { if (n.kind + ":" + n.key === f || n.key === f) state.focus = n.id; });
  }
  function urlParams() {
    var p = new URLSearchParams();
    Object.keys(data.options).forEach(function (k) { p.set(k, data.options[k]); });
    KINDS.forEach(function (k) { (state.filters[k] || []).forEach(function (v) { p.append(k, v); }); });
    if (state.focus !== null) p.set("fokus", byId[state.focus].kind + ":" + byId[state.focus].key);
    if (state.hops !== 1) p.set("hops", String(state.hops));
    if (!state.showcase) p.set("showcase", "0");
    if (state.q) p.set("q", state.q);
    return p.toString();
  }
  function writeUrl() {
    var s = urlParams();
    try {
      if (served) history.replaceState(null, "", location.pathname + (s ? "?" + s : ""));
      else history.replaceState(null, "", "#" + s);
    } catch (err) { location.hash = s; }
  }

  /* ---- which nodes are in view ---- */
  function passes(i) {
    var f = data.measures[i] || {};
    return KINDS.every(function (k) {
      var want = state.filters[k];
      if (!want || !want.length) return true;
      var have = f[k] || [];
      return want.some(function (v) { return have.indexOf(v) >= 0; });
    });
  }
  function filtered(n) { return !n.ms.length || n.ms.some(passes); }
  function computeVisible() {
    var out = {};
    data.nodes.forEach(function (n) { if (filtered(n)) out[n.id] = true; });
    if (state.focus !== null) {
      var near = {}, frontier = [state.focus], d;
      near[state.focus] = true;
      for (d = 0; d < state.hops; d++) {
        var next = [];
        frontier.forEach(function (id) {
          adj[id].forEach(function (m) { if (!near[m] && out[m]) { near[m] = true; next.push(m); } });
        });
        frontier = next;
      }
      out = near;
    }
    return out;
  }

  /* ---- vis-network ---- */
  function shortLabel(s) { return s.length > 42 ? s.slice(0, 40) + "…" : s; }
  function nodeStyle(n, on) {
    var k = data.kinds[n.kind] || { color: "#555555", shape: "dot" };
    var gap = n.marks.indexOf("gap") >= 0, spof = n.marks.indexOf("spof") >= 0, hub = n.marks.indexOf("hub") >= 0;
    var big = presenting >= 0;
    return {
      id: n.id, x: n.x, y: n.y, size: n.size, shape: k.shape,
      label: on || !state.showcase ? shortLabel(n.label) : "",
      title: n.label + " (" + (k.label || n.kind) + (n.key ? ", " + n.key : "") + ")",
      hidden: !on && !state.showcase,
      color: {
        background: gap ? "#ffffff" : k.color,
        border: spof || gap ? "#a3000b" : hub ? "#000000" : k.color,
        highlight: { background: gap ? "#ffffff" : k.color, border: "#000000" }
      },
      opacity: on ? 1 : 0.12,
      borderWidth: spof || hub ? 5 : gap ? 3 : 1,
      shapeProperties: { borderDashes: gap ? [6, 4] : false },
      font: { size: big ? 26 : 14, color: "#111111", strokeWidth: big ? 4 : 2, strokeColor: "#ffffff" }
    };
  }
  function edgeStyle(e, i, on) {
    var r = data.rels[e.rel] || { color: "#555555", dashes: false, width: 1, arrows: false, label: e.rel };
    return {
      id: i, from: e.from, to: e.to, dashes: r.dashes, arrows: r.arrows ? "to" : "",
      width: e.weight > 1 ? Math.min(12, r.width + Math.log2(e.weight) * 2) : r.width,
      color: { color: r.color, opacity: on ? 0.85 : 0.06 }, hidden: !on && !state.showcase,
      title: r.label + (e.levels ? " (Ebenen: " + e.levels + ")" : "") + (e.weight > 1 ? " – " + e.weight : "")
    };
  }
  function draw() {
    if (!container) return;
    var nodes = data.nodes.map(function (n) { return nodeStyle(n, !!visible[n.id]); });
    var edges = data.edges.map(function (e, i) { return edgeStyle(e, i, visible[e.from] && visible[e.to]); });
    if (!network) {
      nodeSet = new vis.DataSet(nodes);
      edgeSet = new vis.DataSet(edges);
      network = new vis.Network(container, { nodes: nodeSet, edges: edgeSet }, {
        physics: { enabled: false, stabilization: false, solver: "forceAtlas2Based" },
        layout: { improvedLayout: false },
        edges: { smooth: false },
        interaction: { hover: true, tooltipDelay: 150, hideEdgesOnDrag: data.nodes.length > 800,
          keyboard: { enabled: true, bindToWindow: false } }
      });
      network.on("click", function (p) { if (p.nodes.length) showNode(byId[p.nodes[0]]); });
      network.on("doubleClick", function (p) { if (p.nodes.length) setFocus(p.nodes[0]); });
    } else {
      nodeSet.update(nodes);
      edgeSet.update(edges);
    }
  }
  function fitVisible() {
    if (!network) return;
    var ids = Object.keys(visible).map(Number);
    network.fit({ nodes: ids.length && ids.length < data.nodes.length ? ids : undefined, animation: false });
  }

  /* ---- panels ---- */
  function showNode(n) {
    var box = document.getElementById("details");
    RG.clear(box);
    box.appendChild(el("h2", "Details"));
    box.appendChild(el("h3", n.label));
    box.appendChild(el("p", (data.kinds[n.kind] || {}).label || n.kind, { "class": "kind" }));
    var dl = el("dl");
    n.details.forEach(function (d) { dl.appendChild(el("dt", d[0])); dl.appendChild(el("dd", d[1])); });
    box.appendChild(dl);
    var groups = {};
    data.edges.forEach(function (e) {
      if (e.from !== n.id && e.to !== n.id) return;
      var other = byId[e.from === n.id ? e.to : e.from];
      var r = (data.rels[e.rel] || {}).label || e.rel;
      var title = e.from === n.id ? r : r + " (von)";
      (groups[title] = groups[title] || []).push(other.label + (e.levels ? " – Ebenen: " + e.levels : "") +
        (e.weight > 1 ? " – " + e.weight + " gemeinsame Maßnahmen" : ""));
    });
    Object.keys(groups).sort().forEach(function (g) {
      box.appendChild(el("h4", g));
      var ul = el("ul");
      groups[g].sort().forEach(function (t) { ul.appendChild(el("li", t)); });
      box.appendChild(ul);
    });
    if (n.sources.length) {
      box.appendChild(el("h4", "Quellen"));
      var sl = el("ul");
      n.sources.forEach(function (s) {
        var li = el("li"), href = RG.safeHref(s[1]);
        if (href) { var a = el("a", s[0], { href: href, rel: "noopener noreferrer", target: "_blank" }); li.appendChild(a); }
        else li.textContent = s[0];
        sl.appendChild(li);
      });
      box.appendChild(sl);
    }
    if (served && n.page) box.appendChild(el("p")).appendChild(el("a", "Eintrag öffnen", { href: n.page }));
  }
  function showCell(m, row, col, ms) {
    var box = document.getElementById("details");
    RG.clear(box);
    box.appendChild(el("h2", "Details"));
    box.appendChild(el("h3", (row[1] || row[0]) + " × " + col[0] + " " + col[1]));
    if (!ms.length) { box.appendChild(el("p", "Lücke: keine Maßnahme.", { "class": "gap" })); return; }
    var ul = el("ul", null, { "class": "cell-measures" });
    ms.forEach(function (i) {
      var n = data.nodes.filter(function (x) { return x.ms.length === 1 && x.ms[0] === i; })[0];
      if (!n) return;
      var b = el("button", n.key + " " + n.label, { type: "button", "class": "link" });
      b.addEventListener("click", function () { showNode(n); });
      ul.appendChild(el("li")).appendChild(b);
    });
    box.appendChild(ul);
  }
  function legend() {
    var box = document.getElementById("legend"), ul = el("ul");
    Object.keys(data.kinds).forEach(function (k) {
      var li = el("li"), sw = el("span", "", { "class": "swatch shape-" + data.kinds[k].shape, "aria-hidden": "true" });
      sw.style.background = data.kinds[k].color;
      li.appendChild(sw); li.appendChild(el("span", data.kinds[k].plural)); ul.appendChild(li);
    });
    Object.keys(data.rels).forEach(function (r) {
      var li = el("li"), ln = el("span", "", { "class": "line", "aria-hidden": "true" });
      ln.style.borderTop = data.rels[r].width + 1 + "px " + (data.rels[r].dashes ? "dashed " : "solid ") + data.rels[r].color;
      li.appendChild(ln); li.appendChild(el("span", data.rels[r].label)); ul.appendChild(li);
    });
    Object.keys(data.marks).forEach(function (m) {
      var li = el("li"), sw = el("span", "", { "class": "swatch mark-" + m, "aria-hidden": "true" });
      sw.style.borderColor = data.marks[m][1];
      li.appendChild(sw); li.appendChild(el("span", data.marks[m][0])); ul.appendChild(li);
    });
    box.appendChild(ul);
  }
  function twin() {
    var on = data.nodes.filter(function (n) { return visible[n.id]; });
    RG.sortableTable(document.getElementById("twin-nodes"), ["Name", "Art", "Schlüssel", "Verbindungen", "Markierung"],
      on.map(function (n) {
        return [{ text: n.label, onclick: function () { showNode(n); if (network) network.selectNodes([n.id]); } },
          (data.kinds[n.kind] || {}).label || n.kind, n.key, adj[n.id].length,
          n.marks.map(function (m) { return (data.marks[m] || [m])[0]; }).join(", ")];
      }));
    RG.sortableTable(document.getElementById("twin-edges"), ["Von", "Beziehung", "Nach", "Ebenen", "Gewicht"],
      data.edges.filter(function (e) { return visible[e.from] && visible[e.to]; }).map(function (e) {
        return [byId[e.from].label, (data.rels[e.rel] || {}).label || e.rel, byId[e.to].label, e.levels, e.weight];
      }));
  }
  window.RGPage = { data: data, state: state, el: el, showNode: showNode, showCell: showCell,
    legend: legend, twin: twin, passes: passes, computeVisible: computeVisible, draw: draw,
    fitVisible: fitVisible, writeUrl: writeUrl, readUrl: readUrl, served: served,
    setVisible: function (v) { visible = v; }, getVisible: function () { return visible; },
    getNetwork: function () { return network; }, byId: byId,
    presenting: function (i) { if (i !== undefined) presenting = i; return presenting; } };
  function setFocus(id) { state.focus = id; window.RGPage.update(); }
  window.RGPage.setFocus = setFocus;
})();
