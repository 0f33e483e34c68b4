/* rahmengraph graph pages: scenes, filters, focus, details, URL state, drawing with vis-network.
   The page holds one graph and its scenes (overview, one per Handlungsfeld, opened Ressorts,
   cross-cutting pictures); a scene draws the nodes placed in it. Positions come from the server;
   each lane is re-stacked from the measured label boxes, then the scene is framed (graph-view.js).
   Strings are shown as text only. */
(function () {
  "use strict";
  var RG = window.RG, el = RG.el, V = RG.view;
  var timing = { script: performance.now() };
  var data = JSON.parse(document.getElementById("graph-data").textContent);
  var KINDS = ["field", "actor", "level", "target_group", "evidence"];
  var byId = {};
  data.nodes.forEach(function (n) { byId[n.id] = n; });
  var state = { filters: {}, focus: null, hops: 1, showcase: true, q: "", panel: false, beamer: false,
    scene: data.start || 0, back: [] };
  var served = /^https?:$/.test(location.protocol);
  var container = document.getElementById("graph");
  var network = null, nodeSet = null, edgeSet = null, visible = {}, presenting = -1;
  var drawnScene = null, moved = false, placed = {}, framedFor = "";
  /* Others add to the details panel (participation: "Beitrag zu …"): fn(box, target, label). */
  var detailHooks = [];
  timing.parsed = performance.now();

  /* ---- URL state (query string when served, hash in a written file) ---- */
  function sceneIndex(name) {
    for (var i = 0; i < data.scenes.length; i++) if (data.scenes[i].name === name) return i;
    return -1;
  }
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
    state.beamer = p.get("beamer") === "1";
    var s = sceneIndex(p.get("szene") || "");
    if (s >= 0) state.scene = s;
    var f = p.get("fokus");
    if (f) data.nodes.forEach(function (n) { if (n.kind + ":" + n.key === f || n.key === f) state.focus = n.id; });
  }
  function urlParams() {
    var p = new URLSearchParams();
    Object.keys(data.options).forEach(function (k) { p.set(k, data.options[k]); });
    KINDS.forEach(function (k) { (state.filters[k] || []).forEach(function (v) { p.append(k, v); }); });
    if (state.scene !== data.start) p.set("szene", data.scenes[state.scene].name);
    if (state.focus !== null) p.set("fokus", byId[state.focus].kind + ":" + byId[state.focus].key);
    if (state.hops !== 1) p.set("hops", String(state.hops));
    if (!state.showcase) p.set("showcase", "0");
    if (state.q) p.set("q", state.q);
    if (state.panel) p.set("panel", "1");
    if (state.beamer) p.set("beamer", "1");
    return p.toString();
  }
  function writeUrl() {
    var s = urlParams();
    try {
      if (served) history.replaceState(null, "", location.pathname + (s ? "?" + s : ""));
      else history.replaceState(null, "", "#" + s);
    } catch (err) { location.hash = s; }
  }

  /* ---- which nodes and edges the scene draws, which pass the filters ---- */
  function passes(i) {
    var f = data.measures[i] || {};
    return KINDS.every(function (k) {
      var want = state.filters[k];
      if (!want || !want.length) return true;
      var have = f[k] || [];
      return want.some(function (v) { return have.indexOf(v) >= 0; });
    });
  }
  function inScene(n) { return n.at[state.scene] !== undefined; }
  function sceneNodes() { return data.nodes.filter(inScene); }
  function edgeInScene(e) {
    if (e.sc) return e.sc.indexOf(state.scene) >= 0;
    return inScene(byId[e.from]) && inScene(byId[e.to]);
  }
  function weightOf(e) { return e.ms ? e.ms.filter(passes).length : e.weight; }
  function filtered(n) { return !n.ms.length || n.ms.some(passes); }
  function computeVisible() {
    var out = {};
    sceneNodes().forEach(function (n) { if (filtered(n)) out[n.id] = true; });
    if (state.focus !== null && out[state.focus]) {
      var adj = {};
      data.edges.forEach(function (e) {
        if (!edgeInScene(e)) return;
        (adj[e.from] = adj[e.from] || []).push(e.to);
        (adj[e.to] = adj[e.to] || []).push(e.from);
      });
      var near = {}, frontier = [state.focus], d;
      near[state.focus] = true;
      for (d = 0; d < state.hops; d++) {
        var next = [];
        frontier.forEach(function (id) {
          (adj[id] || []).forEach(function (m) { if (!near[m] && out[m]) { near[m] = true; next.push(m); } });
        });
        frontier = next;
      }
      out = near;
    }
    return out;
  }
  function scene() { return data.scenes[state.scene]; }
  function marksOf(n) { return scene().marks[n.id] || []; }
  function beamer() { return state.beamer || presenting >= 0; }

  /* ---- vis-network ---- */
  function nodeLook(n) {
    var at = placed[n.id] || n.at[state.scene];
    return V.nodeLook(data, scene(), n, at, { on: !!visible[n.id], showcase: state.showcase && presenting < 0,
      beamer: beamer(), marks: marksOf(n) });
  }
  function edgeLook(e, i) {
    var r = data.rels[e.rel] || { color: "#555555", dashes: false, width: 1, arrows: false, label: e.rel };
    var w = weightOf(e), on = !!(visible[e.from] && visible[e.to]) && (w > 0 || !e.ms);
    return {
      id: i, from: e.from, to: e.to, dashes: r.dashes, arrows: r.arrows ? "to" : "",
      width: V.edgeWidth(r, w, beamer()),
      color: { color: r.color, opacity: on ? (beamer() ? 1 : 0.75) : 0.06 },
      hidden: !on && (!state.showcase || presenting >= 0),
      title: r.label + (e.levels ? " (Ebenen: " + e.levels + ")" : "") + (w > 1 ? " – " + w + " Maßnahmen" : "")
    };
  }
  function drawnEdges() {
    var out = [];
    data.edges.forEach(function (e, i) { if (edgeInScene(e)) out.push(edgeLook(e, i)); });
    return out;
  }
  function draw() {
    if (!container) return;
    if (drawnScene !== state.scene) placed = {};
    var nodes = sceneNodes().map(nodeLook), edges = drawnEdges();
    if (!network) {
      nodeSet = new vis.DataSet(nodes);
      edgeSet = new vis.DataSet(edges);
      timing.styled = performance.now();
      network = new vis.Network(container, { nodes: nodeSet, edges: edgeSet }, {
        physics: { enabled: false, stabilization: false },
        layout: { improvedLayout: false },
        edges: { smooth: false, arrowStrikethrough: false, arrows: { to: { scaleFactor: 0.6 } } },
        interaction: { hover: true, tooltipDelay: 150, keyboard: { enabled: true, bindToWindow: false } }
      });
      network.once("afterDrawing", function () { timing.drawn = performance.now(); ready(); });
      network.on("click", function (p) { if (p.nodes.length) window.RGPage.activate(byId[p.nodes[0]]); });
      network.on("doubleClick", function (p) { if (p.nodes.length) setFocus(p.nodes[0]); });
      network.on("dragStart", function () { moved = true; });
      network.on("zoom", function () { moved = true; });
      if (window.ResizeObserver) new ResizeObserver(refit).observe(container);
    } else if (drawnScene !== state.scene) {
      nodeSet.clear(); edgeSet.clear();
      nodeSet.add(nodes); edgeSet.add(edges);
    } else {
      nodeSet.update(nodes); edgeSet.update(edges);
    }
    drawnScene = state.scene;
  }
  /* Stack each lane from the measured boxes, move lanes apart where labels grew wider than
     planned (Beamer), then frame what is visible. */
  function layoutAndFrame() {
    if (!network) return;
    network.redraw();
    var lanes = {}, widths = {}, shown = sceneNodes().filter(function (n) { return !nodeSet.get(n.id).hidden; });
    shown.forEach(function (n) {
      var at = n.at[state.scene], box = network.getBoundingBox(n.id), now = network.getPosition(n.id);
      (lanes[at[2]] = lanes[at[2]] || []).push({ id: n.id, y: at[1], box: { top: box.top - now.y + at[1], bottom: box.bottom - now.y + at[1] } });
      var w = widths[at[2]] = widths[at[2]] || { x: at[0], left: Infinity, right: -Infinity };
      w.left = Math.min(w.left, box.left - now.x + at[0]);
      w.right = Math.max(w.right, box.right - now.x + at[0]);
    });
    var ys = V.stack(lanes), dx = V.spread(widths);
    placed = {};
    shown.forEach(function (n) { var at = n.at[state.scene]; placed[n.id] = [at[0] + dx[at[2]], ys[n.id]]; });
    nodeSet.update(shown.map(function (n) { return { id: n.id, x: placed[n.id][0], y: placed[n.id][1] }; }));
    network.redraw();
    frameVisible();
  }
  function frameVisible() {
    var boxes = Object.keys(visible).map(function (id) { return network.getBoundingBox(Number(id)); });
    network.moveTo(V.frame(boxes, container.clientWidth, container.clientHeight));
    framedFor = container.clientWidth + "x" + container.clientHeight;
    moved = false;
  }
  /* A new canvas size (projector, side panel) re-frames, unless the user zoomed or panned. */
  function refit() {
    var size = container.clientWidth + "x" + container.clientHeight;
    if (!network || size === framedFor || moved) return;
    network.setSize("100%", "100%");
    network.redraw();
    frameVisible();
  }
  var readyParts = { drawn: !container, wired: false };
  function ready(part) {
    readyParts[part || "drawn"] = true;
    if (readyParts.drawn && readyParts.wired && !document.body.hasAttribute("data-ready")) {
      timing.ready = performance.now();
      document.body.setAttribute("data-ready", "1");
    }
  }

  /* ---- side panel and details ---- */
  function setPanel(open) {
    state.panel = open;
    document.getElementById("side").hidden = !open;
    document.getElementById("panel-toggle").setAttribute("aria-expanded", String(open));
  }
  function showNode(n) {
    if (presenting < 0 && !state.panel) { setPanel(true); writeUrl(); }
    var box = document.getElementById("details");
    RG.clear(box);
    box.appendChild(el("h2", "Details"));
    box.appendChild(el("h3", n.label));
    box.appendChild(el("p", (data.kinds[n.kind] || {}).label || n.kind, { "class": "kind" }));
    if (n.open !== undefined && n.open !== state.scene) {
      var b = el("button", "Öffnen: " + data.scenes[n.open].title, { type: "button", "class": "open" });
      b.addEventListener("click", function () { window.RGPage.go(n.open, true); });
      box.appendChild(b);
    }
    var dl = el("dl");
    n.details.forEach(function (d) { dl.appendChild(el("dt", d[0])); dl.appendChild(el("dd", d[1])); });
    box.appendChild(dl);
    var groups = {};
    data.edges.forEach(function (e) {
      if ((e.from !== n.id && e.to !== n.id) || !edgeInScene(e)) return;
      var other = byId[e.from === n.id ? e.to : e.from], w = weightOf(e);
      var r = (data.rels[e.rel] || {}).label || e.rel;
      var title = e.from === n.id ? r : r + " (von)";
      (groups[title] = groups[title] || []).push(other.label + (e.levels ? " – Ebenen: " + e.levels : "") +
        (w > 1 ? " – " + w + " Maßnahmen" : ""));
    });
    Object.keys(groups).sort().forEach(function (g) {
      box.appendChild(el("h4", g));
      var ul = el("ul");
      groups[g].sort(RG.naturalCompare).forEach(function (t) { ul.appendChild(el("li", t)); });
      box.appendChild(ul);
    });
    if (n.sources.length) {
      box.appendChild(el("h4", "Quellen"));
      var sl = el("ul");
      n.sources.forEach(function (s) {
        var li = el("li"), href = RG.safeHref(s[1]);
        if (href) li.appendChild(el("a", s[0], { href: href, rel: "noopener noreferrer", target: "_blank" }));
        else li.textContent = s[0];
        sl.appendChild(li);
      });
      box.appendChild(sl);
    }
    if (served && n.page) box.appendChild(el("p")).appendChild(el("a", "Eintrag öffnen", { href: n.page }));
    detailHooks.forEach(function (h) { h(box, { iri: n.iri }, n.label); });
  }
  function showCell(m, row, col, ms) {
    if (!state.panel) { setPanel(true); writeUrl(); }
    var box = document.getElementById("details");
    RG.clear(box);
    box.appendChild(el("h2", "Details"));
    box.appendChild(el("h3", (row[1] || row[0]) + " × " + col[0] + " " + col[1]));
    if (!ms.length) {
      box.appendChild(el("p", "Lücke: keine Maßnahme.", { "class": "gap" }));
      var gap = { luecke: { zeile: row[2], spalte: col[2], ansicht: data.view } };
      detailHooks.forEach(function (h) { h(box, gap, (row[1] || row[0]) + " × " + col[0] + " " + col[1]); });
      return;
    }
    var ul = el("ul", null, { "class": "cell-measures" });
    ms.forEach(function (i) {
      var n = data.nodes.filter(function (x) { return x.ms.length === 1 && x.ms[0] === i && x.kind === "measure"; })[0];
      if (!n) return;
      var b = el("button", n.key + " " + n.label, { type: "button", "class": "link" });
      b.addEventListener("click", function () { showNode(n); });
      ul.appendChild(el("li")).appendChild(b);
    });
    box.appendChild(ul);
  }
  /* The legend: exactly the kinds, relations and marks drawn now. */
  function legend() {
    var box = document.getElementById("legend"), kinds = {}, rels = {}, marks = {};
    Object.keys(visible).forEach(function (id) {
      var n = byId[id];
      kinds[n.kind] = true;
      marksOf(n).forEach(function (m) { marks[m] = true; });
    });
    data.edges.forEach(function (e) {
      if (edgeInScene(e) && visible[e.from] && visible[e.to] && (weightOf(e) > 0 || !e.ms)) rels[e.rel] = true;
    });
    RG.legend(box, data, kinds, rels, marks);
  }
  function twin() {
    var on = sceneNodes().filter(function (n) { return visible[n.id]; });
    var deg = {};
    data.edges.forEach(function (e) {
      if (edgeInScene(e) && visible[e.from] && visible[e.to]) { deg[e.from] = (deg[e.from] || 0) + 1; deg[e.to] = (deg[e.to] || 0) + 1; }
    });
    RG.sortableTable(document.getElementById("twin-nodes"), ["Name", "Art", "Schlüssel", "Verbindungen", "Markierung"],
      on.map(function (n) {
        return [{ text: n.label, onclick: function () { showNode(n); if (network) network.selectNodes([n.id]); } },
          (data.kinds[n.kind] || {}).label || n.kind, n.key, deg[n.id] || 0,
          marksOf(n).map(function (m) { return (data.marks[m] || [m])[0]; }).join(", ")];
      }));
    RG.sortableTable(document.getElementById("twin-edges"), ["Von", "Beziehung", "Nach", "Ebenen", "Maßnahmen"],
      data.edges.filter(function (e) { return edgeInScene(e) && visible[e.from] && visible[e.to]; }).map(function (e) {
        return [byId[e.from].label, (data.rels[e.rel] || {}).label || e.rel, byId[e.to].label, e.levels, weightOf(e)];
      }));
  }
  function setFocus(id) { state.focus = id; window.RGPage.update(true); }
  window.RGPage = { data: data, state: state, el: el, showNode: showNode, showCell: showCell,
    legend: legend, twin: twin, passes: passes, computeVisible: computeVisible, draw: draw,
    layoutAndFrame: layoutAndFrame, writeUrl: writeUrl, readUrl: readUrl, served: served, setPanel: setPanel,
    ready: ready, timing: timing, setFocus: setFocus, scene: scene, detailHooks: detailHooks, afterUpdate: [],
    setVisible: function (v) { visible = v; }, getVisible: function () { return visible; },
    getNetwork: function () { return network; }, byId: byId,
    presenting: function (i) { if (i !== undefined) presenting = i; return presenting; } };
})();
