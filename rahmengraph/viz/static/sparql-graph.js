/* "As graph": a YASR plugin of the SPARQL editor that draws the current results with vis-network
   (served by our server from the pyvis package at /viz/static/, never a CDN).
   Handles CONSTRUCT/DESCRIBE answers (triples) and SELECT answers with ?s ?p ?o (or ?subject
   ?predicate ?object) bindings. Every text reaches the page as a plain string: vis labels are
   drawn on the canvas, the summary and note use textContent; no HTML, no tooltips.
   Must load after yasgui.min.js and vis-network.min.js and before sparql.js (which builds Yasgui). */
(function () {
  "use strict";
  var MAX_NODES = 500;
  var MAX_LABEL = 40;
  var textEl = document.getElementById("sparql-graph-text");
  if (typeof window.Yasgui === "undefined" || typeof window.vis === "undefined" || !textEl) { return; }
  var text = JSON.parse(textEl.textContent);

  function fill(template, values) {
    return template.replace(/\{(\w+)\}/g, function (_m, k) { return String(values[k]); });
  }

  function shorten(s) {
    return s.length > MAX_LABEL ? s.slice(0, MAX_LABEL - 1) + "…" : s;
  }

  /* The local name of an IRI: what follows the last '#', '/' or ':'; the whole IRI if that is empty. */
  function localName(iri) {
    var m = iri.match(/[^#/:]+$/);
    return m ? m[0] : iri;
  }

  /* Terms as {kind: "iri"|"bnode"|"literal", value} from SPARQL JSON bindings or N3 terms. */
  function fromBinding(b) {
    if (!b) { return null; }
    var kind = b.type === "uri" ? "iri" : b.type === "bnode" ? "bnode" : "literal";
    return { kind: kind, value: b.value };
  }
  function fromN3(t) {
    var kind = t.termType === "NamedNode" ? "iri" : t.termType === "BlankNode" ? "bnode" : "literal";
    return { kind: kind, value: t.value };
  }

  var ROLES = [["s", "p", "o"], ["subject", "predicate", "object"]];

  function tripleVars(vars) {
    var lower = vars.map(function (v) { return v.toLowerCase(); });
    for (var i = 0; i < ROLES.length; i++) {
      var idx = ROLES[i].map(function (r) { return lower.indexOf(r); });
      if (idx.every(function (n) { return n >= 0; })) { return idx.map(function (n) { return vars[n]; }); }
    }
    return null;
  }

  /* The results as a list of [subject, predicate, object] terms, or null when they are no graph. */
  function triples(results) {
    if (!results || results.hasError()) { return null; }
    if (results.getType() === "ttl") {
      var statements = results.getStatements() || [];
      return statements.map(function (q) { return [fromN3(q.subject), fromN3(q.predicate), fromN3(q.object)]; });
    }
    if (results.getType() !== "json" || results.getBoolean() !== undefined) { return null; }
    var spo = tripleVars(results.getVariables() || []);
    if (!spo) { return null; }
    var out = [];
    results.getBindings().forEach(function (row) {
      var t = spo.map(function (v) { return fromBinding(row[v]); });
      if (t[0] && t[1] && t[2] && t[0].kind !== "literal" && t[1].kind === "iri") { out.push(t); }
    });
    return out;
  }

  /* Nodes and edges for vis-network, at most MAX_NODES nodes. A literal is its own node per
     statement (equal literals of different subjects are not one thing). */
  function build(list) {
    var nodes = [];
    var edges = [];
    var ids = {};
    var total = 0;
    function node(term, n) {
      var id = term.kind === "literal" ? "l" + n : term.kind.charAt(0) + ":" + term.value;
      if (Object.prototype.hasOwnProperty.call(ids, id)) { return ids[id] ? id : null; }
      total += 1;
      ids[id] = nodes.length < MAX_NODES;
      if (!ids[id]) { return null; }
      var label = term.kind === "iri" ? localName(term.value) : term.kind === "bnode" ? "_:" + term.value : term.value;
      nodes.push({ id: id, label: shorten(label), group: term.kind, shape: term.kind === "literal" ? "box" : "dot" });
      return id;
    }
    list.forEach(function (t, n) {
      var from = node(t[0], n);
      var to = node(t[2], n);
      if (from !== null && to !== null) {
        edges.push({ from: from, to: to, label: shorten(localName(t[1].value)), arrows: "to" });
      }
    });
    return { nodes: nodes, edges: edges, total: total };
  }

  var OPTIONS = {
    groups: {
      iri: { color: { background: "#cfe3f7", border: "#1f4e79" }, font: { color: "#111111" } },
      bnode: { color: { background: "#e4e4e4", border: "#555555" }, font: { color: "#111111" } },
      literal: { color: { background: "#fff4d6", border: "#7a5a00" }, font: { color: "#111111" } }
    },
    edges: { font: { size: 11, color: "#333333", strokeWidth: 3 }, color: { color: "#666666" }, smooth: false },
    nodes: { font: { size: 14 } },
    interaction: { keyboard: { enabled: true, bindToWindow: false }, hover: false },
    physics: { stabilization: { iterations: 150 } }
  };

  function GraphPlugin(yasr) {
    this.yasr = yasr;
    this.priority = 1;
    this.label = text.label;
    this.network = null;
  }
  GraphPlugin.prototype.canHandleResults = function () {
    var list = triples(this.yasr.results);
    return !!list && list.length > 0;
  };
  GraphPlugin.prototype.getIcon = function () {
    var icon = document.createElement("span");
    icon.setAttribute("aria-hidden", "true");
    icon.textContent = "◉";
    return icon;
  };
  GraphPlugin.prototype.destroy = function () {
    if (this.network) { this.network.destroy(); this.network = null; }
  };
  GraphPlugin.prototype.draw = function () {
    this.destroy();
    var data = build(triples(this.yasr.results) || []);
    var box = document.createElement("div");
    box.id = "sparql-graph";
    box.className = "sparql-graph";
    var summary = document.createElement("p");
    summary.id = "sparql-graph-summary";
    summary.setAttribute("aria-live", "polite");
    summary.textContent = fill(text.summary, { nodes: data.nodes.length, edges: data.edges.length });
    box.appendChild(summary);
    if (data.total > data.nodes.length) {
      var note = document.createElement("p");
      note.id = "sparql-graph-note";
      note.className = "note";
      note.textContent = fill(text.capped, { max: MAX_NODES, total: data.total });
      box.appendChild(note);
    }
    var canvasBox = document.createElement("div");
    canvasBox.id = "sparql-graph-canvas";
    canvasBox.tabIndex = 0;
    canvasBox.setAttribute("role", "img");
    canvasBox.setAttribute("aria-label", text.canvas);
    canvasBox.setAttribute("data-nodes", String(data.nodes.length));
    canvasBox.setAttribute("data-edges", String(data.edges.length));
    canvasBox.setAttribute("data-total-nodes", String(data.total));
    canvasBox.style.height = "520px";
    canvasBox.style.border = "1px solid #767676";
    box.appendChild(canvasBox);
    this.yasr.resultsEl.appendChild(box);
    this.network = new window.vis.Network(
      canvasBox,
      { nodes: new window.vis.DataSet(data.nodes), edges: new window.vis.DataSet(data.edges) },
      OPTIONS
    );
  };

  window.Yasgui.Yasr.registerPlugin("graph", GraphPlugin);
})();
