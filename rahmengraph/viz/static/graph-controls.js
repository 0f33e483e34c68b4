/* rahmengraph graph pages: the controls (scene menu, back, filter chips, search, focus, Beamer),
   presentation mode (arrow keys walk through the scenes), PNG export, and the one update() loop. */
(function () {
  "use strict";
  var P = window.RGPage, RG = window.RG, el = RG.el, data = P.data, state = P.state;
  var KINDS = ["field", "actor", "level", "target_group", "evidence"];

  /* One pass per change: what is visible, draw, stack and frame, then the panels. */
  function update(fit) {
    P.setVisible(P.computeVisible());
    P.draw();
    if (fit) P.layoutAndFrame();
    var box = document.getElementById("matrices");
    if (box) RG.renderMatrices(box, data.matrices, P.passes, P.showCell);
    if (document.getElementById("twin").open) P.twin();
    P.legend();
    var shown = Object.keys(P.getVisible()).length, active = 0, sc = P.scene();
    KINDS.forEach(function (k) { active += (state.filters[k] || []).length; });
    document.getElementById("page-title").textContent = box ? data.title : sc.title;
    document.title = (box ? data.title : sc.title) + " – rahmengraph";
    document.getElementById("scene-note").textContent = box ? data.note : sc.note;
    document.getElementById("status").textContent = shown + " Knoten" +
      (active ? ", " + active + " Filter aktiv" : "") +
      (state.focus !== null ? ", Fokus: " + P.byId[state.focus].label : "");
    document.getElementById("panel-toggle").textContent = "Filter und Werkzeuge" + (active ? " (" + active + ")" : "");
    document.getElementById("back").hidden = !state.back.length;
    var menu = document.getElementById("scene-menu");
    if (menu) menu.value = String(state.scene);
    document.body.setAttribute("data-visible", String(shown));
    document.body.setAttribute("data-scene", sc.name);
    P.writeUrl();
    P.afterUpdate.forEach(function (fn) { fn(); });
  }
  P.update = update;

  /* Open a scene (remember where we came from when asked). */
  function go(index, remember) {
    if (index === state.scene) return;
    if (remember) state.back.push(state.scene);
    state.scene = index;
    state.focus = null;
    update(true);
  }
  P.go = go;
  /* A click on a node: open the scene it stands for, else show its details. */
  P.activate = function (n) {
    if (n.open !== undefined && n.open !== state.scene && P.presenting() < 0) go(n.open, true);
    else P.showNode(n);
  };

  /* Filters as chips (checkboxes styled as buttons): visible, one tap each, keyboard reachable. */
  function filterChips() {
    var fs = document.getElementById("filters");
    KINDS.forEach(function (k) {
      var c = data.choices[k];
      if (!c || !c.items.length) return;
      var group = el("fieldset", null, { "class": "chips", id: "filter-" + k });
      group.appendChild(el("legend", c.label));
      c.items.forEach(function (it) {
        var label = el("label", null, { "class": "chip", title: it[1] });
        var box = el("input", null, { type: "checkbox", name: k, value: it[0] });
        box.checked = (state.filters[k] || []).indexOf(it[0]) >= 0;
        box.addEventListener("change", function () { toggle(k, it[0], box.checked); });
        label.appendChild(box);
        label.appendChild(el("span", k === "field" ? it[0] + " " + it[1] : it[1] || it[0]));
        group.appendChild(label);
      });
      fs.appendChild(group);
    });
  }
  function toggle(k, value, on) {
    var vals = (state.filters[k] || []).filter(function (v) { return v !== value; });
    if (on) vals.push(value);
    var dropped = !on && (data.applied[k] || []).indexOf(value) >= 0;
    if (vals.length) state.filters[k] = vals; else delete state.filters[k];
    if (dropped && P.served) { reloadServed(); return; }
    update(true);
  }
  function reloadServed() {
    P.writeUrl();
    location.reload();
  }

  /* The framework's word for its responsible units (Ressorts, Behörden …; data.terms from the server). */
  function units() {
    return (data.terms && data.terms.units) || "Ressorts";
  }

  /* Scene menu: the walk first, then the scenes a click opens. */
  function sceneMenu() {
    var menu = document.getElementById("scene-menu");
    if (!menu) return;
    var walk = el("optgroup", null, { label: "Rundgang" }), more = el("optgroup", null, { label: units() + " und Akteure" });
    data.scenes.forEach(function (s, i) {
      var o = el("option", s.title);
      o.value = String(i);
      (data.steps.indexOf(i) >= 0 ? walk : more).appendChild(o);
    });
    menu.appendChild(walk);
    if (more.children.length) menu.appendChild(more);
    menu.addEventListener("change", function () { go(parseInt(menu.value, 10), true); });
  }

  /* Search: the first node of the scene (else of any scene) whose name or key matches. */
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
    function find(rows) {
      return (rows.filter(function (r) { return r[0] === q || r[1] === q; })[0] ||
        rows.filter(function (r) { return r[0].indexOf(q) >= 0 || r[1].indexOf(q) >= 0; })[0] || [])[2];
    }
    var hit = find(idx.filter(function (r) { return r[2].at[state.scene] !== undefined; })) || find(idx);
    if (!hit) { document.getElementById("status").textContent = "Nichts gefunden für: " + q; return; }
    if (hit.at[state.scene] === undefined) {
      var where = Object.keys(hit.at).map(Number).sort(function (a, b) { return a - b; })[0];
      if (where === undefined) return;
      state.back.push(state.scene);
      state.scene = where;
    }
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
    state.scene = steps[i];
    state.focus = null;
    document.getElementById("step-title").textContent = (i + 1) + "/" + steps.length + ": " + data.scenes[steps[i]].title;
    update(true);
  }
  function endPresentation() {
    P.presenting(-1);
    document.body.classList.remove("presenting");
    document.getElementById("presentation").hidden = true;
    update(true);
    document.getElementById("present").focus();
  }
  function setBeamer(on) {
    state.beamer = on;
    document.body.classList.toggle("beamer", on);
    document.getElementById("beamer").setAttribute("aria-pressed", String(on));
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
    var a = el("a", "", { download: data.view + "-" + P.scene().name.replace(/[^a-z0-9.-]+/gi, "-") + ".png",
      href: out.toDataURL("image/png") });
    document.body.appendChild(a);
    a.click();
    a.remove();
  }

  /* Which Ressort structure the pictures show, and how to get the other one. */
  function structureNote() {
    var box = document.getElementById("structure");
    if (!box || !data.structure_title) return;
    box.appendChild(el("span", units() + ": " + data.structure_title + ". "));
    var other = data.structure === "aktuell" ? "2019" : "aktuell";
    var text = other === "2019" ? (data.structure_other_title || "Zuschnitt 2019–2023") + " zeigen" : "Aktuellen Zuschnitt zeigen";
    if (P.served) {
      var p = new URLSearchParams(location.search);
      if (other === "aktuell") p.delete("ressorts"); else p.set("ressorts", other);
      box.appendChild(el("a", text, { href: location.pathname + "?" + p.toString() }));
    } else {
      box.appendChild(el("span", "Anderer Zuschnitt: rahmengraph viz " + data.view + " --option ressorts=" +
        other + " -o datei.html"));
    }
  }

  function on(id, ev, fn) { document.getElementById(id).addEventListener(ev, fn); }
  function wire() {
    var hops = document.getElementById("hops"), showcase = document.getElementById("showcase");
    var input = document.getElementById("search");
    hops.value = String(state.hops);
    showcase.checked = state.showcase;
    input.value = state.q;
    setBeamer(state.beamer);
    input.addEventListener("focus", searchIndex, { once: true });
    on("controls", "submit", function (ev) { ev.preventDefault(); });
    /* Enter searches; leaving the field searches only what Enter did not (a click on a button of
       the details the search just opened must not rebuild them under the pointer). */
    input.addEventListener("change", function () { if (input.value !== state.q) search(input.value); });
    input.addEventListener("keydown", function (ev) { if (ev.key === "Enter") { ev.preventDefault(); search(input.value); } });
    hops.addEventListener("change", function () {
      state.hops = Math.min(4, Math.max(1, parseInt(hops.value, 10) || 1)); update(true);
    });
    showcase.addEventListener("change", function () { state.showcase = showcase.checked; update(true); });
    on("unfocus", "click", function () { state.focus = null; update(true); });
    on("present", "click", function () { present(Math.max(0, data.steps.indexOf(state.scene))); });
    on("beamer", "click", function () { setBeamer(!state.beamer); update(true); });
    on("back", "click", function () { if (state.back.length) go(state.back.pop(), false); });
    P.setPanel(state.panel);
    on("panel-toggle", "click", function () {
      P.setPanel(!state.panel);
      P.writeUrl();
      if (state.panel) document.getElementById("side").focus();
    });
    on("side", "keydown", function (ev) {
      if (ev.key !== "Escape") return;
      P.setPanel(false);
      P.writeUrl();
      document.getElementById("panel-toggle").focus();
    });
    on("png", "click", exportPng);
    on("reset", "click", function () {
      var hadServer = Object.keys(data.applied).length > 0;
      state.filters = {}; state.focus = null; state.q = ""; input.value = "";
      document.querySelectorAll("#filters input").forEach(function (o) { o.checked = false; });
      if (hadServer && P.served) { reloadServed(); return; }
      update(true);
    });
    document.addEventListener("keydown", function (ev) {
      if (P.presenting() < 0) {
        if (ev.key === "Backspace" && state.back.length && !/INPUT|SELECT|TEXTAREA/.test(ev.target.tagName)) {
          ev.preventDefault(); go(state.back.pop(), false);
        }
        return;
      }
      if (ev.key === "ArrowRight" || ev.key === "PageDown") { ev.preventDefault(); present(P.presenting() + 1); }
      else if (ev.key === "ArrowLeft" || ev.key === "PageUp") { ev.preventDefault(); present(P.presenting() - 1); }
      else if (ev.key === "Escape") { ev.preventDefault(); endPresentation(); }
    });
    var twin = document.getElementById("twin");
    twin.addEventListener("toggle", function () { if (twin.open) P.twin(); });
    document.querySelector("a.skip").addEventListener("click", function () { twin.open = true; });
    var matrix = !!document.getElementById("matrices");
    if (matrix || !data.steps.length) document.getElementById("present").hidden = true;
    if (matrix) {
      ["unfocus", "png", "hops", "beamer", "showcase"].forEach(function (id) {
        var n = document.getElementById(id); (n.closest("label") || n).hidden = true;
      });
    }
  }

  P.readUrl();
  filterChips();
  sceneMenu();
  structureNote();
  wire();
  update(true);
  P.timing.wired = performance.now();
  P.ready("wired");
})();
