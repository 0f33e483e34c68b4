/* rahmengraph graph pages: the controls (filters, search, focus, showcase, physics), presentation
   mode (arrow keys step through the Handlungsfelder), PNG export, and the one update() loop. */
(function () {
  "use strict";
  var P = window.RGPage, RG = window.RG, el = RG.el, data = P.data, state = P.state;
  var KINDS = ["field", "actor", "level", "target_group", "evidence"];

  /* One pass per change: compute, read the canvas size, then write (no read after a write). */
  function update(fit) {
    P.setVisible(P.computeVisible());
    var view = fit ? P.viewVisible() : null;
    P.draw(view);
    var box = document.getElementById("matrices");
    if (box) RG.renderMatrices(box, data.matrices, P.passes, P.showCell);
    if (document.getElementById("twin").open) P.twin();
    var shown = Object.keys(P.getVisible()).length, active = 0;
    KINDS.forEach(function (k) { active += (state.filters[k] || []).length; });
    document.getElementById("status").textContent = shown + " von " + data.nodes.length + " Knoten sichtbar" +
      (active ? ", " + active + " Filter aktiv" : "") +
      (state.focus !== null ? ", Fokus: " + P.byId[state.focus].label : "");
    document.getElementById("panel-toggle").textContent = "Filter und Werkzeuge" + (active ? " (" + active + ")" : "");
    document.body.setAttribute("data-visible", String(shown));
    P.writeUrl();
  }
  P.update = update;

  function filterBoxes() {
    var fs = document.getElementById("filters");
    KINDS.forEach(function (k) {
      var c = data.choices[k];
      if (!c || !c.items.length) return;
      var label = el("label", c.label + " ");
      var sel = el("select", null, { multiple: "multiple", size: "4", id: "filter-" + k, name: k });
      c.items.forEach(function (it) {
        var o = el("option", it[0] === it[1] ? it[0] : it[0] + " – " + it[1]);
        o.value = it[0];
        o.selected = (state.filters[k] || []).indexOf(it[0]) >= 0;
        sel.appendChild(o);
      });
      sel.addEventListener("change", function () {
        var vals = Array.prototype.filter.call(sel.options, function (o) { return o.selected; })
          .map(function (o) { return o.value; });
        var dropped = (data.applied[k] || []).some(function (v) { return vals.indexOf(v) < 0; });
        if (vals.length) state.filters[k] = vals; else delete state.filters[k];
        if (dropped && P.served) { reloadServed(); return; }
        update(true);
      });
      label.appendChild(sel);
      fs.appendChild(label);
    });
  }
  function reloadServed() {
    P.writeUrl();
    location.reload();
  }

  /* Search index and the datalist of names: built on first use, not on load. */
  var index = null;
  function searchIndex() {
    if (index) return index;
    index = data.nodes.map(function (n) { return [n.label.toLowerCase(), n.key.toLowerCase(), n]; });
    var names = document.getElementById("search-names"), frag = document.createDocumentFragment();
    data.nodes.slice(0, 3000).forEach(function (n) { var o = el("option"); o.value = n.label; frag.appendChild(o); });
    names.appendChild(frag);
    return index;
  }
  function search(q) {
    state.q = q;
    q = q.trim().toLowerCase();
    if (!q) { update(false); return; }
    var idx = searchIndex();
    var hit = (idx.filter(function (r) { return r[0] === q || r[1] === q; })[0] ||
      idx.filter(function (r) { return r[0].indexOf(q) >= 0 || r[1].indexOf(q) >= 0; })[0] || [])[2];
    if (!hit) { document.getElementById("status").textContent = "Nichts gefunden für: " + q; return; }
    state.focus = hit.id;
    update(true);
    P.showNode(hit);
    var net = P.getNetwork();
    if (net) net.selectNodes([hit.id]);
  }

  function present(step) {
    var steps = data.steps;
    if (!steps.length) return;
    var i = ((step % steps.length) + steps.length) % steps.length;
    P.presenting(i);
    document.body.classList.add("presenting");
    document.getElementById("presentation").hidden = false;
    state.focus = steps[i];
    var n = P.byId[steps[i]];
    document.getElementById("step-title").textContent = (i + 1) + "/" + steps.length + ": " + n.key + " " + n.label;
    update(true);
    P.showNode(n);
  }
  function endPresentation() {
    P.presenting(-1);
    document.body.classList.remove("presenting");
    document.getElementById("presentation").hidden = true;
    state.focus = null;
    update(true);
    document.getElementById("present").focus();
  }

  function exportPng() {
    var canvas = document.querySelector("#graph canvas");
    if (!canvas) return;
    var out = document.createElement("canvas");
    out.width = canvas.width; out.height = canvas.height;
    var ctx = out.getContext("2d");
    ctx.fillStyle = "#ffffff";
    ctx.fillRect(0, 0, out.width, out.height);
    ctx.drawImage(canvas, 0, 0);
    var a = el("a", "", { download: data.view + ".png", href: out.toDataURL("image/png") });
    document.body.appendChild(a);
    a.click();
    a.remove();
  }

  function wire() {
    var hops = document.getElementById("hops"), showcase = document.getElementById("showcase");
    var input = document.getElementById("search");
    hops.value = String(state.hops);
    showcase.checked = state.showcase;
    input.value = state.q;
    input.addEventListener("focus", searchIndex, { once: true });
    document.getElementById("controls").addEventListener("submit", function (ev) { ev.preventDefault(); });
    input.addEventListener("change", function () { search(input.value); });
    input.addEventListener("keydown", function (ev) { if (ev.key === "Enter") { ev.preventDefault(); search(input.value); } });
    hops.addEventListener("change", function () {
      state.hops = Math.min(4, Math.max(1, parseInt(hops.value, 10) || 1)); update(true);
    });
    showcase.addEventListener("change", function () { state.showcase = showcase.checked; update(false); });
    document.getElementById("unfocus").addEventListener("click", function () { state.focus = null; update(true); });
    document.getElementById("physics").addEventListener("change", function (ev) {
      var net = P.getNetwork();
      if (net) net.setOptions({ physics: { enabled: ev.target.checked } });
    });
    document.getElementById("present").addEventListener("click", function () { present(0); });
    P.setPanel(state.panel);
    document.getElementById("panel-toggle").addEventListener("click", function () {
      P.setPanel(!state.panel);
      P.writeUrl();
      if (state.panel) document.getElementById("side").focus();
    });
    document.getElementById("side").addEventListener("keydown", function (ev) {
      if (ev.key !== "Escape" || ev.target.tagName === "SELECT") return;
      P.setPanel(false);
      P.writeUrl();
      document.getElementById("panel-toggle").focus();
    });
    document.getElementById("png").addEventListener("click", exportPng);
    document.getElementById("reset").addEventListener("click", function () {
      var hadServer = Object.keys(data.applied).length > 0;
      state.filters = {}; state.focus = null; state.q = ""; input.value = "";
      document.querySelectorAll("#filters option").forEach(function (o) { o.selected = false; });
      if (hadServer && P.served) { reloadServed(); return; }
      update(true);
    });
    document.addEventListener("keydown", function (ev) {
      if (P.presenting() < 0) return;
      if (ev.key === "ArrowRight" || ev.key === "PageDown") { ev.preventDefault(); present(P.presenting() + 1); }
      else if (ev.key === "ArrowLeft" || ev.key === "PageUp") { ev.preventDefault(); present(P.presenting() - 1); }
      else if (ev.key === "Escape") { ev.preventDefault(); endPresentation(); }
    });
    var twin = document.getElementById("twin");
    twin.addEventListener("toggle", function () { if (twin.open) P.twin(); });
    document.querySelector("a.skip").addEventListener("click", function () { twin.open = true; });
    if (document.getElementById("matrices") || !data.steps.length) document.getElementById("present").hidden = true;
    if (document.getElementById("matrices")) {
      ["unfocus", "physics", "png", "hops"].forEach(function (id) {
        var n = document.getElementById(id); (n.closest("label") || n).hidden = true;
      });
    }
  }

  P.readUrl();
  P.legend();
  filterBoxes();
  wire();
  update(true);
  P.timing.wired = performance.now();
  P.ready("wired");
})();
