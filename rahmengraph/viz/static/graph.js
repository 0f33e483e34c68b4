/* rahmengraph graph pages: network, filters, focus, search, details, presentation, PNG, URL state.
   Positions come from the server (physics off unless asked for); strings are shown as text only.
   The view is framed here (graph-view.js, not vis-network's fit), so canvas fonts can be sized
   for the screen. */
(function () {
  "use strict";
  var RG = window.RG, el = RG.el, V = RG.view;
  var timing = { script: performance.now() };
  var data = JSON.parse(document.getElementById("graph-data").textContent);
  var KINDS = ["field", "actor", "level", "target_group", "evidence"];
  var byId = {}, adj = {};
  data.nodes.forEach(function (n) { byId[n.id] = n; adj[n.id] = []; });
  data.edges.forEach(function (e) { adj[e.from].push(e.to); adj[e.to].push(e.from); });
  var state = { filters: {}, focus: null, hops: 1, showcase: true, q: "", panel: false };
  var served = /^https?:$/.test(location.protocol);
  var container = document.getElementById("graph");
  var network = null, nodeSet = null, edgeSet = null, visible = {}, presenting = -1, fontScale = 1;
  var framedFor = "", moved = false, keep = null, placed = null;
  timing.parsed = performance.now();

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
    state.panel = p.get("panel") === "1";
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
    if (state.panel) p.set("panel", "1");
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
  function kindOf(n) { return V.kindOf(data, n); }
  function caption(n) { return V.caption(data, n); }
  var room = V.measureRoom(data);
  function fontSize(n) { return V.fontSize(data, n, fontScale, presenting >= 0, room); }
  function nodeStyle(n, on) {
    var k = kindOf(n);
    var gap = n.marks.indexOf("gap") >= 0, spof = n.marks.indexOf("spof") >= 0, hub = n.marks.indexOf("hub") >= 0;
    var big = presenting >= 0, inside = k.shape === "box" || k.shape === "ellipse", at = where(n);
    var show = on || (!state.showcase && !big);
    return {
      id: n.id, x: at.x, y: at.y, size: n.size, shape: k.shape,
      label: show ? caption(n) : "",
      title: n.label + " (" + (k.label || n.kind) + (n.key ? ", " + n.key : "") + ")",
      hidden: !on && (!state.showcase || big),
      color: {
        background: gap ? "#ffffff" : k.color,
        border: spof || gap ? "#a3000b" : hub ? "#000000" : k.color,
        highlight: { background: gap ? "#ffffff" : k.color, border: "#000000" }
      },
      opacity: on ? 1 : 0.12,
      borderWidth: spof || hub ? 5 : gap ? 3 : 1,
      shapeProperties: { borderDashes: gap ? [6, 4] : false },
      font: { size: fontSize(n), color: inside && !gap ? "#ffffff" : "#111111",
        strokeWidth: inside ? 0 : (big ? 5 : 3) / fontScale,
        strokeColor: "#ffffff" }
    };
  }
  function edgeStyle(e, i, on) {
    var r = data.rels[e.rel] || { color: "#555555", dashes: false, width: 1, arrows: false, label: e.rel };
    return {
      id: i, from: e.from, to: e.to, dashes: r.dashes, arrows: r.arrows ? "to" : "",
      width: (e.weight > 1 ? Math.min(12, r.width + Math.log2(e.weight) * 2) : r.width) * (presenting >= 0 ? 2 : 1),
      color: { color: r.color, opacity: on ? (presenting >= 0 ? 1 : 0.7) : 0.06 },
      hidden: !on && (!state.showcase || presenting >= 0),
      title: r.label + (e.levels ? " (Ebenen: " + e.levels + ")" : "") + (e.weight > 1 ? " – " + e.weight : "")
    };
  }
  function where(n) { return (placed && placed[n.id]) || n; }
  /* Centre and zoom so the given nodes fill the canvas (see graph-view.js). */
  function frame(ids) {
    framedFor = container.clientWidth + "x" + container.clientHeight;
    moved = false;
    return V.frame(ids.map(function (id) { return byId[id]; }), where, container.clientWidth,
      container.clientHeight, presenting >= 0);
  }
  function draw(view) {
    if (!container) return;
    if (view) fontScale = view.scale;
    var nodes = data.nodes.map(function (n) { return nodeStyle(n, !!visible[n.id]); });
    var edges = data.edges.map(function (e, i) { return edgeStyle(e, i, visible[e.from] && visible[e.to]); });
    if (!network) {
      nodeSet = new vis.DataSet(nodes);
      edgeSet = new vis.DataSet(edges);
      timing.styled = performance.now();
      network = new vis.Network(container, { nodes: nodeSet, edges: edgeSet }, {
        physics: { enabled: false, stabilization: false, solver: "forceAtlas2Based" },
        layout: { improvedLayout: false },
        nodes: { scaling: { label: { drawThreshold: 12, maxVisible: 40 } } },
        edges: { smooth: false },
        interaction: { hover: true, tooltipDelay: 150, hideEdgesOnDrag: data.nodes.length > 800,
          hideEdgesOnZoom: data.nodes.length > 2000, keyboard: { enabled: true, bindToWindow: false } }
      });
      network.once("afterDrawing", function () { timing.drawn = performance.now(); ready(); });
      network.on("click", function (p) { if (p.nodes.length) showNode(byId[p.nodes[0]]); });
      network.on("doubleClick", function (p) { if (p.nodes.length) setFocus(p.nodes[0]); });
      network.on("dragStart", function () { moved = true; });
      network.on("zoom", function () { moved = true; });
      /* observe vis-network's own frame: our callback then runs after vis has resized its canvas */
      if (window.ResizeObserver) new ResizeObserver(refit).observe(container.firstElementChild || container);
    } else {
      nodeSet.update(nodes);
      edgeSet.update(edges);
    }
    if (view) network.moveTo(view);
  }
  /* A new canvas size (projector plugged in, side panel opened) re-frames the view, unless the
     user has zoomed or panned since the last framing. Runs in the resize observer (before paint;
     observers fire at most once per frame). */
  function refit() {
    var size = container.clientWidth + "x" + container.clientHeight;
    if (!window.RGPage.update || size === framedFor) return;
    if (keep) {
      /* the side panel opened or closed: same zoom, same left edge, the selected node in view */
      var x = keep.left + container.clientWidth / (2 * keep.scale), sel = network.getSelectedNodes()[0];
      if (sel !== undefined) {
        var at = network.getPosition(sel), right = keep.left + (container.clientWidth - 60) / keep.scale;
        if (at.x > right) x += at.x - right;
      }
      network.moveTo({ position: { x: x, y: keep.y }, scale: keep.scale, animation: false });
      keep = null;
      framedFor = size;
      return;
    }
    if (!moved) window.RGPage.update(true);
  }
  /* The framing of what is visible now (read before any DOM write of an update). */
  function viewVisible() {
    if (!container) return null;
    var ids = Object.keys(visible).map(Number);
    placed = presenting >= 0 && ids.length ?
      V.arrange(data, ids.map(function (id) { return byId[id]; }), state.focus === null ? null : byId[state.focus]) : null;
    return frame(ids.length ? ids : data.nodes.map(function (n) { return n.id; }));
  }
  var readyParts = { drawn: !container, wired: false };
  function ready(part) {
    readyParts[part || "drawn"] = true;
    if (readyParts.drawn && readyParts.wired && !document.body.hasAttribute("data-ready")) {
      timing.ready = performance.now();
      document.body.setAttribute("data-ready", "1");
    }
  }

  /* ---- side panel ---- */
  function setPanel(open) {
    if (network && open !== state.panel) {
      var at = network.getViewPosition(), scale = network.getScale();
      keep = { scale: scale, left: at.x - container.clientWidth / (2 * scale), y: at.y };
    }
    state.panel = open;
    document.getElementById("side").hidden = !open;
    document.getElementById("panel-toggle").setAttribute("aria-expanded", String(open));
  }

  /* ---- panels ---- */
  function showNode(n) {
    if (presenting < 0 && !state.panel) { setPanel(true); writeUrl(); }
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
    if (!state.panel) { setPanel(true); writeUrl(); }
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
  function legend() { RG.legend(document.getElementById("legend"), data); }
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
    viewVisible: viewVisible, writeUrl: writeUrl, readUrl: readUrl, served: served, setPanel: setPanel,
    ready: ready, timing: timing,
    setVisible: function (v) { visible = v; }, getVisible: function () { return visible; },
    getNetwork: function () { return network; }, byId: byId,
    presenting: function (i) { if (i !== undefined) presenting = i; return presenting; } };
  function setFocus(id) { state.focus = id; window.RGPage.update(); }
  window.RGPage.setFocus = setFocus;
})();
