/* rahmengraph graph pages: participation on the graph. A click on a node or on an empty matrix
   cell (a gap), or "Beitrag zum Rahmen insgesamt", opens the capture form. Served with an event
   (address #beteiligung=<id>&token=<token>, kept for the tab in sessionStorage) the input goes to
   the server; otherwise (a written file, or no event) it is collected in this browser and exported
   as <event>.beteiligung.json. The overlay "Stimmen aus der Beteiligung" shows counts per node:
   badges on the canvas, element tooltips, counts in the matrix cells and a list in the panel.
   "Beitrag zum Rahmen insgesamt" lives in the panel's section "Beteiligung".
   Loaded before graph.js (reads the address first); wires itself in once all scripts ran. */
(function () {
  "use strict";
  var B = window.RGBeteiligung, el = B.el;
  var SESSION = "rahmengraph-beteiligung-verbindung";
  var PLURAL = { kommentar: ["Kommentar", "Kommentare"], frage: ["Frage", "Fragen"],
    luecke: ["Lückenbestätigung", "Lückenbestätigungen"], vorschlag: ["Vorschlag", "Vorschläge"] };
  var link = null;
  var hash = new URLSearchParams(location.hash.replace(/^#/, ""));
  try {
    if (hash.get("beteiligung") && hash.get("token")) {
      link = { id: hash.get("beteiligung"), token: hash.get("token") };
      sessionStorage.setItem(SESSION, JSON.stringify(link));
    } else {
      link = JSON.parse(sessionStorage.getItem(SESSION) || "null");
    }
  } catch (err) { link = link || null; }

  function countText(c) {
    return B.ARTEN.filter(function (a) { return c[a[0]]; }).map(function (a) {
      var n = c[a[0]];
      return n + " " + PLURAL[a[0]][n === 1 ? 0 : 1];
    }).join(", ");
  }
  function total(c) { return (c.kommentar || 0) + (c.frage || 0) + (c.luecke || 0) + (c.vorschlag || 0); }

  function init() {
    var P = window.RGPage, data = P.data, info = data.beteiligung || {};
    var served = P.served, collection = new B.Collection(info.rahmen, info.ausgabe);
    var event = null, overlay = false, counts = {}, capture = null, opener = null;
    var names = {};
    data.nodes.forEach(function (n) { if (n.iri) names[n.iri] = n.label; });
    (data.matrices || []).forEach(function (m) {
      m.rows.forEach(function (r) { names[r[2]] = r[1] || r[0]; });
      m.cols.forEach(function (c) { names[c[2]] = c[0] + " " + c[1]; });
    });
    ["zielgruppen", "ebenen", "akteure"].forEach(function (k) {
      (info[k] || []).forEach(function (it) { if (!names[it[0]]) names[it[0]] = it[1]; });
    });
    if (info.rahmen) names[info.rahmen] = "Rahmen insgesamt";

    /* ---- the overlay toggle and "Beitrag zum Rahmen insgesamt" ---- */
    /* The toggle floats in the picture's corner: the header keeps its height, so the canvas (and
       every label on the projector) keeps its size; it stays there in presentation mode. */
    var toggle = el("button", "Stimmen aus der Beteiligung", { type: "button", id: "stimmen", "aria-pressed": "false",
      title: "Zahl der Beiträge je Knoten einblenden" });
    document.getElementById("stage").appendChild(toggle);
    var whole = el("button", "Beitrag zum Rahmen insgesamt", { type: "button", id: "beitrag-rahmen" });

    /* ---- the dialog with the capture form ---- */
    var dialog = el("dialog", null, { id: "beitrag-dialog", "aria-label": "Beitrag erfassen" });
    document.body.appendChild(dialog);
    function openForm(target, label, from) {
      opener = from || document.activeElement;
      while (dialog.firstChild) dialog.removeChild(dialog.firstChild);
      var close = el("button", "Schließen", { type: "button", "class": "close" });
      close.addEventListener("click", function () { dialog.close(); });
      dialog.appendChild(close);
      dialog.appendChild(el("p", event ? "Veranstaltung: " + event.titel : "Offline-Sammlung in diesem Browser: " +
        collection.doc.veranstaltung.titel + " (" + collection.doc.veranstaltung.datum + ")", { "class": "mode" }));
      capture = B.captureForm({ choices: info, namen: !!(event && event.namen_erfragen), target: target,
        art: target.luecke ? "luecke" : "kommentar",
        targetLabel: label, submitLabel: event ? "Beitrag senden" : "Beitrag speichern", onSubmit: submit });
      dialog.appendChild(capture.form);
      dialog.showModal();
      capture.form.querySelector("input[name=art]").focus();
    }
    dialog.addEventListener("close", function () { if (opener && opener.focus) opener.focus(); });
    whole.addEventListener("click", function () {
      openForm({ rahmen: true }, "Rahmen insgesamt" + (info.rahmen_titel ? " (" + info.rahmen_titel + ")" : ""), whole);
    });

    function submit(b) {
      if (event) {
        return B.post(event.id, link.token, b).then(function () {
          refresh();
          return "Danke! Ihr Beitrag ist gespeichert (Veranstaltung " + event.titel + ").";
        });
      }
      collection.add(b);
      renderCollection();
      refresh();
      var n = collection.doc.beitraege.length;
      return "Gespeichert in diesem Browser (" + n + (n === 1 ? " Beitrag" : " Beiträge") +
        "). Export als Datei im Bereich „Beteiligung“ der Seitenleiste.";
    }

    /* "Beitrag hierzu" in the details of a node or a gap; the counts when the overlay is on. */
    P.detailHooks.push(function (box, target, label) {
      var c = counts[B.targetKey(target, info.rahmen)];
      if (overlay && c) box.appendChild(el("p", "Stimmen aus der Beteiligung: " + countText(c), { "class": "stimmen-detail" }));
      var b = el("button", target.luecke ? "Beitrag zu dieser Lücke" : "Beitrag hierzu", { type: "button", "class": "beitrag" });
      b.addEventListener("click", function () { openForm(target, label, b); });
      box.appendChild(b);
    });

    /* ---- the panel section: event, offline collection, export, list ---- */
    var section = el("section", null, { id: "beteiligung", "aria-labelledby": "beteiligung-h" });
    section.appendChild(el("h2", "Beteiligung", { id: "beteiligung-h" }));
    var mode = el("p", "", { id: "beteiligung-modus", "class": "note" });
    section.appendChild(mode);
    section.appendChild(whole);
    var connect = null;
    if (served) {
      connect = el("form", null, { id: "beteiligung-verbinden", "class": "connect" });
      var idIn = labelled(connect, "bt-id", "Veranstaltung (Kennung)", el("input", null, { type: "text", autocomplete: "off" }));
      var tokIn = labelled(connect, "bt-token", "Zugangscode der Veranstaltung",
        el("input", null, { type: "password", autocomplete: "off" }));
      connect.appendChild(el("button", "Verbinden", { type: "submit" }));
      var leave = el("button", "Trennen", { type: "button", id: "bt-trennen" });
      connect.appendChild(leave);
      connect.addEventListener("submit", function (ev) {
        ev.preventDefault();
        link = { id: idIn.value.trim(), token: tokIn.value.trim() };
        try { sessionStorage.setItem(SESSION, JSON.stringify(link)); } catch (err) { /* private mode */ }
        join();
      });
      leave.addEventListener("click", function () {
        link = null; event = null;
        try { sessionStorage.removeItem(SESSION); } catch (err) { /* private mode */ }
        showMode(); refresh();
      });
      if (link) { idIn.value = link.id; tokIn.value = link.token; }
      section.appendChild(connect);
    }
    var offline = el("div", null, { id: "beteiligung-offline" });
    var ev = el("fieldset");
    ev.appendChild(el("legend", "Veranstaltung für die Datei"));
    var titleIn = labelled(ev, "bt-titel", "Titel", el("input", null, { type: "text", maxlength: "200" }));
    var dateIn = labelled(ev, "bt-datum", "Datum", el("input", null, { type: "date" }));
    titleIn.value = collection.doc.veranstaltung.titel;
    dateIn.value = collection.doc.veranstaltung.datum;
    function saveEvent() {
      collection.setEvent(titleIn.value.trim() || "Workshop", dateIn.value || B.now().slice(0, 10));
      renderCollection();
    }
    titleIn.addEventListener("change", saveEvent);
    dateIn.addEventListener("change", saveEvent);
    offline.appendChild(ev);
    var summary = el("p", "", { id: "sammlung-zahl", role: "status" });
    offline.appendChild(summary);
    var exportBtn = el("button", "Als Datei exportieren", { type: "button", id: "sammlung-export" });
    exportBtn.addEventListener("click", function () { collection.exportFile(); });
    var clearBtn = el("button", "Sammlung leeren", { type: "button", id: "sammlung-leeren" });
    var armed = false;
    clearBtn.addEventListener("click", function () {
      if (!armed) { armed = true; clearBtn.textContent = "Wirklich alle löschen? Noch einmal klicken"; return; }
      armed = false; clearBtn.textContent = "Sammlung leeren";
      collection.clear(); renderCollection(); refresh();
    });
    clearBtn.addEventListener("blur", function () { armed = false; clearBtn.textContent = "Sammlung leeren"; });
    offline.appendChild(exportBtn);
    offline.appendChild(clearBtn);
    var list = el("ul", null, { id: "sammlung-liste" });
    offline.appendChild(list);
    section.appendChild(offline);
    var sums = el("div", null, { id: "stimmen-box" });
    section.appendChild(sums);
    var side = document.getElementById("side");
    side.insertBefore(section, document.getElementById("controls"));

    function labelled(parent, id, text, input) {
      var box = el("div", null, { "class": "field" });
      box.appendChild(el("label", text, { "for": id }));
      input.id = id;
      box.appendChild(input);
      parent.appendChild(box);
      return input;
    }
    function renderCollection() {
      var items = collection.doc.beitraege;
      summary.textContent = items.length + (items.length === 1 ? " Beitrag" : " Beiträge") +
        " in diesem Browser gespeichert (Datei " + collection.fileName() + ")";
      exportBtn.disabled = !items.length;
      while (list.firstChild) list.removeChild(list.firstChild);
      items.forEach(function (b) {
        var li = el("li");
        li.appendChild(el("strong", B.ART_LABEL[b.art] || b.art));
        li.appendChild(el("span", " zu " + B.describe(b.ziel, names) + ": "));
        li.appendChild(el("span", b.vorschlag ? b.vorschlag.titel + (b.text ? " – " + b.text : "") : b.text, { "class": "text" }));
        var del = el("button", "Entfernen", { type: "button", "class": "link", "aria-label": "Beitrag entfernen" });
        del.addEventListener("click", function () { collection.remove(b.id); renderCollection(); refresh(); });
        li.appendChild(del);
        list.appendChild(li);
      });
    }
    function showMode() {
      offline.hidden = !!event;
      if (connect) document.getElementById("bt-trennen").hidden = !event;
      mode.textContent = event
        ? "Verbunden mit der Veranstaltung „" + event.titel + "“" + (event.offen === false ? " (geschlossen)" : "") +
          ": Beiträge gehen an den Server."
        : "Ohne Server: Beiträge werden in diesem Browser gesammelt und als Datei exportiert " +
          "(rahmengraph beteiligung import DATEI).";
    }
    function join() {
      fetch("/api/beteiligung/veranstaltungen/" + encodeURIComponent(link.id), { headers: { Accept: "application/json" } })
        .then(B.answer).then(function (doc) {
          event = doc; showMode(); refresh();
        }, function (err) {
          event = null; showMode();
          mode.textContent = "Veranstaltung nicht verbunden – " + err.message;
        });
    }

    /* ---- overlay ---- */
    function refresh() {
      if (!overlay) { paint(); return; }
      var local = B.countsOf(collection.doc.beitraege, info.rahmen);
      if (!served) { counts = local; paint(); return; }
      var q = event ? "?veranstaltung=" + encodeURIComponent(event.id) : "";
      fetch("/api/beteiligung/zaehlung" + q, { headers: { Accept: "application/json" } }).then(B.answer)
        .then(function (doc) { counts = merge(doc || {}, event ? {} : local); paint(); }, function (err) {
          counts = local; paint();
          document.getElementById("status").textContent = "Stimmen nicht geladen – " + err.message;
        });
    }
    function merge(a, b) {
      var out = {};
      [a, b].forEach(function (src) {
        Object.keys(src).forEach(function (k) {
          var c = out[k] = out[k] || { kommentar: 0, frage: 0, luecke: 0, vorschlag: 0 };
          Object.keys(src[k]).forEach(function (art) { c[art] = (c[art] || 0) + (src[k][art] || 0); });
        });
      });
      return out;
    }
    function paint() {
      var shown = overlay ? counts : {};
      var net = P.getNetwork(), nodes = net ? net.body.data.nodes : null, sum = 0;
      if (nodes) {
        var changes = [];
        data.nodes.forEach(function (n) {
          var c = shown[n.iri];
          if (!c || !nodes.get(n.id)) return;
          var tip = el("div", null, { "class": "tip" });
          tip.appendChild(el("strong", n.label));
          tip.appendChild(el("div", "Stimmen aus der Beteiligung: " + countText(c)));
          changes.push({ id: n.id, title: tip });
        });
        if (changes.length) nodes.update(changes);
        net.redraw();
      }
      document.querySelectorAll("#matrices button[data-zeile]").forEach(function (b) {
        var old = b.querySelector(".stimmen");
        if (old) { b.removeChild(old); b.setAttribute("aria-label", b.getAttribute("data-label") || b.getAttribute("aria-label")); }
        var c = shown[b.getAttribute("data-zeile") + " " + b.getAttribute("data-spalte")];
        if (!c) return;
        if (!b.hasAttribute("data-label")) b.setAttribute("data-label", b.getAttribute("aria-label"));
        b.appendChild(el("span", String(total(c)), { "class": "stimmen", "aria-hidden": "true" }));
        b.setAttribute("aria-label", b.getAttribute("data-label") + "; Stimmen: " + countText(c));
      });
      while (sums.firstChild) sums.removeChild(sums.firstChild);
      var keys = Object.keys(shown);
      keys.forEach(function (k) { sum += total(shown[k]); });
      document.body.setAttribute("data-stimmen", overlay ? String(sum) : "");
      if (!overlay) return;
      sums.appendChild(el("h3", "Stimmen aus der Beteiligung"));
      sums.appendChild(el("p", sum + (sum === 1 ? " Beitrag" : " Beiträge") + " zu " + keys.length +
        (keys.length === 1 ? " Stelle" : " Stellen")));
      var ul = el("ul", null, { id: "stimmen-liste" });
      keys.sort(function (a, b) { return total(shown[b]) - total(shown[a]); }).forEach(function (k) {
        var whole = k === "rahmen" || (info.rahmen && (k === info.rahmen || k.indexOf(info.rahmen + "/") === 0));
        var label = whole ? "Rahmen insgesamt" : k.indexOf(" ") > 0
          ? "Lücke: " + k.split(" ").map(function (x) { return names[x] || x; }).join(" × ") : names[k] || k;
        ul.appendChild(el("li", label + ": " + countText(shown[k])));
      });
      sums.appendChild(ul);
    }
    function setOverlay(on) {
      overlay = on;
      toggle.setAttribute("aria-pressed", String(on));
      refresh();
    }
    toggle.addEventListener("click", function () { setOverlay(!overlay); });
    P.afterUpdate.push(paint);
    var net = P.getNetwork();
    if (net) {
      net.on("afterDrawing", function (ctx) {
        if (!overlay) return;
        var scale = net.getScale(), r = 13 / scale, vis = P.getVisible();
        ctx.save();
        ctx.font = "bold " + 15 / scale + "px Arial, sans-serif";
        ctx.textAlign = "center";
        ctx.textBaseline = "middle";
        data.nodes.forEach(function (n) {
          var c = counts[n.iri];
          if (!c || !vis[n.id] || !net.body.nodes[n.id]) return;
          /* top right of the shape: boxes and ellipses hold their label, other shapes carry it below */
          var node = net.body.nodes[n.id], x, y;
          if (node.options.shape === "box" || node.options.shape === "ellipse") {
            var box = net.getBoundingBox(n.id);
            x = box.right; y = box.top;
          } else {
            x = node.x + node.options.size; y = node.y - node.options.size;
          }
          ctx.beginPath();
          ctx.arc(x, y, r, 0, 2 * Math.PI);
          ctx.fillStyle = "#8a3b00";
          ctx.fill();
          ctx.lineWidth = 2 / scale;
          ctx.strokeStyle = "#ffffff";
          ctx.stroke();
          ctx.fillStyle = "#ffffff";
          ctx.fillText(String(total(c)), x, y + 1 / scale);
        });
        ctx.restore();
      });
    }
    renderCollection();
    showMode();
    if (served && link) join();
  }
  document.addEventListener("DOMContentLoaded", init);
})();
