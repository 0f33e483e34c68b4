/* rahmengraph participation pages: open an event, take in a workshop file, close an event, set an
   input's status (all with the update token), and the phone page's capture form (the event's
   token). Answers and errors are shown as text; nothing from the server is parsed as HTML.
   Needs beteiligung-form.js (RGBeteiligung: DOM helper, answers, the capture form). */
(function () {
  "use strict";
  var B = window.RGBeteiligung, el = B.el, clear = B.clear, answer = B.answer;
  function fail(box) {
    return function (err) { clear(box); box.appendChild(el("p", err.message, { "class": "error" })); };
  }
  function stamp(value) { return B.now(new Date(value)); }
  function bearer(token) { return { Authorization: "Bearer " + token, Accept: "application/json" }; }

  /* ---- /beteiligung: open an event ---- */
  var open = document.getElementById("new-event");
  if (open && open.elements.rahmen) {  /* several frameworks: show the chosen one's fields */
    var pick = open.elements.rahmen, showFields = function () {
      open.querySelectorAll("fieldset.chips[data-rahmen]").forEach(function (fs) {
        var other = fs.getAttribute("data-rahmen") !== pick.value;
        fs.hidden = other;
        fs.style.display = other ? "none" : "";  /* .chips sets display: hidden alone would not hide it */
      });
    };
    pick.addEventListener("change", showFields);
    showFields();
  }
  if (open) {
    open.addEventListener("submit", function (ev) {
      ev.preventDefault();
      var f = open.elements, box = document.getElementById("new-event-result");
      var rahmen = f.rahmen ? f.rahmen.value : "";  /* several frameworks: the one chosen, its fields only */
      var body = { titel: f.titel.value.trim(), datum: f.datum.value, format: f.format.value.trim(),
        felder: Array.prototype.filter.call(open.querySelectorAll("input[name=felder]"), function (c) {
          return c.checked && (!rahmen || c.getAttribute("data-rahmen") === rahmen);
        }).map(function (c) { return c.value; }),
        beginn: stamp(f.beginn.value), ende: stamp(f.ende.value), namen_erfragen: f.namen_erfragen.checked };
      if (rahmen) body.rahmen = rahmen;
      var headers = bearer(f.token.value);
      headers["Content-Type"] = "application/json";
      clear(box);
      fetch("/api/beteiligung/veranstaltungen", { method: "POST", headers: headers, body: JSON.stringify(body) })
        .then(answer).then(function (doc) {
          clear(box);
          box.appendChild(el("p", "Veranstaltung eröffnet: " + body.titel, { "class": "ok" }));
          var code = el("p", "Zugangscode für die Teilnehmenden (wird nur jetzt angezeigt, bitte notieren): ");
          code.appendChild(el("code", doc.token, { id: "new-token" }));
          box.appendChild(code);
          var ul = el("ul");
          [["Seite der Veranstaltung", "/beteiligung/" + encodeURIComponent(doc.id), "new-event-page"],
           ["Seite zum Mitmachen (Handy, mit QR-Code)", doc.link, "new-event-link"],
           ["Auf dem Graphen erfassen (Beamer)", "/viz/gesamtbild#beteiligung=" + encodeURIComponent(doc.id) +
             "&token=" + encodeURIComponent(doc.token), "new-event-graph"]].forEach(function (l) {
            ul.appendChild(el("li")).appendChild(el("a", l[0], { href: l[1], id: l[2] }));
          });
          box.appendChild(ul);
        }, fail(box));
    });
  }

  /* ---- /beteiligung: take in a workshop file ---- */
  var imp = document.getElementById("import-file");
  if (imp) {
    imp.addEventListener("submit", function (ev) {
      ev.preventDefault();
      var box = document.getElementById("import-result"), data = new FormData(imp);
      var token = String(data.get("token") || "");
      data.delete("token");
      clear(box);
      fetch("/api/beteiligung/import", { method: "POST", headers: bearer(token), body: data })
        .then(answer).then(function (doc) {
          box.appendChild(el("p", doc.neu + " neue Beiträge übernommen, " + doc.schon_da + " waren schon da" +
            (doc.veranstaltung ? " (Veranstaltung " + doc.veranstaltung + ")." : "."), { "class": "ok" }));
          if (doc.veranstaltung) {
            box.appendChild(el("p")).appendChild(el("a", "Zur Veranstaltung", {
              href: "/beteiligung/" + encodeURIComponent(doc.veranstaltung), id: "import-event" }));
          }
        }, fail(box));
    });
  }

  /* ---- /beteiligung/{id}: close the event, set the status of an input ---- */
  var tools = document.getElementById("tools-form");
  if (tools) {
    var id = tools.getAttribute("data-event"), token = document.getElementById("t-token");
    var result = document.getElementById("tools-result"), closeBtn = document.getElementById("close-event");
    tools.addEventListener("submit", function (ev) { ev.preventDefault(); });
    token.addEventListener("input", function () {
      document.querySelectorAll("details.edit").forEach(function (d) { d.hidden = !token.value; });
    });
    closeBtn.addEventListener("click", function () {
      var headers = bearer(token.value);
      headers["Content-Type"] = "application/json";
      result.textContent = "";
      fetch("/api/beteiligung/veranstaltungen/" + encodeURIComponent(id), { method: "PATCH", headers: headers,
        body: JSON.stringify({ ende: stamp(Date.now()) }) }).then(answer).then(function () {
        document.getElementById("event-state").textContent = "geschlossen";
        result.textContent = "Die Veranstaltung ist geschlossen; neue Beiträge werden abgewiesen.";
        closeBtn.disabled = true;
      }, function (err) { result.textContent = err.message; });
    });
    document.querySelectorAll("form.status-form").forEach(function (f) {
      f.addEventListener("submit", function (ev) {
        ev.preventDefault();
        var headers = bearer(token.value), out = f.querySelector(".result");
        headers["Content-Type"] = "application/json";
        var body = { status: f.elements.status.value, grund: f.elements.grund.value.trim(),
          verborgen: f.elements.verborgen.checked };
        if (f.elements.aenderung.value.trim()) body.aenderung = f.elements.aenderung.value.trim();
        out.textContent = "";
        fetch("/api/beteiligung/beitraege/" + encodeURIComponent(f.getAttribute("data-id")), { method: "PATCH",
          headers: headers, body: JSON.stringify(body) }).then(answer).then(function (doc) {
          var li = f.closest("li.entry");
          li.setAttribute("data-status", doc.status);
          li.querySelector(".status").textContent = doc.status_label || doc.status;
          out.textContent = "Gespeichert.";
        }, function (err) { out.textContent = err.message; });
      });
    });
  }

  /* ---- /beteiligung/{id}/mitmachen: the phone form ---- */
  var holder = document.getElementById("mitmachen");
  if (holder) {
    var cfg = JSON.parse(document.getElementById("beteiligung-data").textContent), ev = cfg.veranstaltung;
    var capture = B.captureForm({ choices: cfg.auswahl, namen: !!ev.namen_erfragen, targets: cfg.ziele,
      heading: "Ihr Beitrag", submitLabel: "Beitrag senden", onSubmit: function (b) {
        return B.post(ev.id, cfg.token, b).then(function () { return "Danke! Ihr Beitrag ist angekommen."; });
      } });
    holder.appendChild(capture.form);
    holder.setAttribute("data-ready", "1");
  }
})();
