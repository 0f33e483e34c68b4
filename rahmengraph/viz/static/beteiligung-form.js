/* rahmengraph participation: the capture form (graph pages, standalone files, the phone page),
   the offline collection kept in localStorage, and the file format of the contract
   ("rahmengraph-beteiligung", version 1). Every string a participant types is shown with
   textContent and travels as JSON: nothing here is ever parsed as HTML. */
(function () {
  "use strict";
  var FORMAT = "rahmengraph-beteiligung", VERSION = 1, MAX_TEXT = 2000;
  /* Kinds of input: contract value → German label, help. */
  var ARTEN = [
    ["kommentar", "Kommentar", "Eine Anmerkung, Erfahrung oder Ergänzung"],
    ["frage", "Frage", "Etwas ist unklar oder sollte geklärt werden"],
    ["luecke", "Lücke bestätigen", "Hier fehlt wirklich etwas (z. B. eine Zielgruppe wird nicht erreicht)"],
    ["vorschlag", "Vorschlag für eine neue Maßnahme", "Titel, Zielgruppen, Ebene und wer sie leiten könnte"]
  ];
  var ART_LABEL = {};
  ARTEN.forEach(function (a) { ART_LABEL[a[0]] = a[1]; });
  var serial = 0;

  function el(tag, text, attrs) {
    var node = document.createElement(tag);
    if (text !== undefined && text !== null) node.textContent = String(text);
    if (attrs) Object.keys(attrs).forEach(function (k) { node.setAttribute(k, attrs[k]); });
    return node;
  }

  function clear(node) { while (node.firstChild) node.removeChild(node.firstChild); }

  /* A random UUID (version 4); crypto.randomUUID needs a secure context, a phone on the LAN is not. */
  function uuid() {
    if (window.crypto && crypto.randomUUID && window.isSecureContext) return crypto.randomUUID();
    var b = new Uint8Array(16);
    crypto.getRandomValues(b);
    b[6] = (b[6] & 0x0f) | 0x40;
    b[8] = (b[8] & 0x3f) | 0x80;
    var h = Array.prototype.map.call(b, function (x) { return (x + 256).toString(16).slice(1); }).join("");
    return h.slice(0, 8) + "-" + h.slice(8, 12) + "-" + h.slice(12, 16) + "-" + h.slice(16, 20) + "-" + h.slice(20);
  }

  /* A local time with its offset, e.g. 2026-11-30T10:15:00+01:00 (now when no date is given). */
  function now(date) {
    var d = date || new Date(), off = -d.getTimezoneOffset(), sign = off >= 0 ? "+" : "-";
    function p(n) { return String(Math.floor(Math.abs(n))).padStart(2, "0"); }
    return d.getFullYear() + "-" + p(d.getMonth() + 1) + "-" + p(d.getDate()) + "T" + p(d.getHours()) + ":" +
      p(d.getMinutes()) + ":" + p(d.getSeconds()) + sign + p(off / 60) + ":" + p(off % 60);
  }

  function slug(text) {
    return String(text).toLowerCase().replace(/ä/g, "ae").replace(/ö/g, "oe").replace(/ü/g, "ue")
      .replace(/ß/g, "ss").replace(/[^a-z0-9]+/g, "-").replace(/^-+|-+$/g, "").slice(0, 60) || "veranstaltung";
  }

  /* A short German description of a target (for headings and lists). */
  function describe(target, names) {
    if (!target) return "";
    if (target.rahmen) return "Rahmen insgesamt";
    if (target.luecke) {
      return "Lücke: " + (names[target.luecke.zeile] || target.luecke.zeile) + " × " +
        (names[target.luecke.spalte] || target.luecke.spalte);
    }
    return names[target.iri] || target.iri;
  }

  /* The key under which the overlay counts a target (TEAM.md, part-web ask 3). */
  function targetKey(target, rahmen) {
    if (target.rahmen) return rahmen || "rahmen";
    if (target.luecke) return target.luecke.zeile + " " + target.luecke.spalte;
    return target.iri;
  }

  /* ---- the form ---- */
  /* opts: choices {zielgruppen, ebenen, akteure: [[iri, label]…]}, namen (bool: the event asks
     for names), art (the kind checked first), targets ([json of a target, label] or {group, items}
     for a select; else opts.target is fixed),
     submitLabel, privacy (text), onSubmit(beitrag) → Promise of a German message. */
  function captureForm(opts) {
    var id = "bf" + (++serial) + "-";
    var form = el("form", null, { "class": "beitrag-form", novalidate: "" });
    var heading = el("h3", "", { id: id + "h" });
    form.setAttribute("aria-labelledby", id + "h");
    form.appendChild(heading);
    var targetSelect = null;
    if (opts.targets) {
      var tf = el("div", null, { "class": "field" });
      tf.appendChild(el("label", "Worauf bezieht sich Ihr Beitrag?", { "for": id + "ziel" }));
      targetSelect = el("select", null, { id: id + "ziel", name: "ziel" });
      opts.targets.forEach(function (t) {
        if (t.group) {
          var g = el("optgroup", null, { label: t.group });
          t.items.forEach(function (it) { var o = el("option", it[1]); o.value = it[0]; g.appendChild(o); });
          targetSelect.appendChild(g);
        } else {
          var o = el("option", t[1]); o.value = t[0]; targetSelect.appendChild(o);
        }
      });
      tf.appendChild(targetSelect);
      form.appendChild(tf);
    }
    var kinds = el("fieldset", null, { "class": "arten" });
    kinds.appendChild(el("legend", "Art des Beitrags"));
    ARTEN.forEach(function (a, i) {
      var label = el("label", null, { "class": "art" });
      var r = el("input", null, { type: "radio", name: "art", value: a[0] });
      if (a[0] === (opts.art || "kommentar")) r.checked = true;
      label.appendChild(r);
      label.appendChild(el("span", a[1]));
      label.appendChild(el("small", a[2]));
      kinds.appendChild(label);
    });
    form.appendChild(kinds);

    var proposal = el("fieldset", null, { "class": "vorschlag" });
    proposal.hidden = true;
    proposal.appendChild(el("legend", "Vorschlag für eine neue Maßnahme"));
    var titel = field(proposal, id + "titel", "Titel der Maßnahme", el("input", null, { type: "text", maxlength: "300" }));
    var groups = el("fieldset", null, { "class": "zielgruppen" });
    groups.appendChild(el("legend", "Zielgruppen"));
    ((opts.choices || {}).zielgruppen || []).forEach(function (z) {
      var l = el("label", null, { "class": "chip" });
      var c = el("input", null, { type: "checkbox", name: "zielgruppen", value: z[0] });
      l.appendChild(c); l.appendChild(el("span", z[1]));
      groups.appendChild(l);
    });
    proposal.appendChild(groups);
    var ebene = el("select");
    ebene.appendChild(el("option", "– keine Angabe –")).value = "";
    ((opts.choices || {}).ebenen || []).forEach(function (e) { ebene.appendChild(el("option", e[1])).value = e[0]; });
    field(proposal, id + "ebene", "Ebene", ebene);
    var lead = el("input", null, { type: "text", list: id + "akteure", maxlength: "300", autocomplete: "off" });
    field(proposal, id + "lead", "Wer könnte sie leiten? (Ressort, Träger …)", lead);
    var names = el("datalist", null, { id: id + "akteure" });
    var actorIri = {};
    ((opts.choices || {}).akteure || []).forEach(function (a) {
      names.appendChild(el("option")).value = a[1];
      actorIri[a[1]] = a[0];
    });
    proposal.appendChild(names);
    form.appendChild(proposal);

    var text = el("textarea", null, { rows: "5", maxlength: String(MAX_TEXT), "aria-describedby": id + "text-hint" });
    var textLabel = field(form, id + "text", "Ihr Beitrag", text);
    form.appendChild(el("p", "Höchstens " + MAX_TEXT + " Zeichen. Nur Text: Formatierungen werden nicht übernommen.",
      { id: id + "text-hint", "class": "hint" }));
    var gruppe = field(form, id + "gruppe", "Gruppe (freiwillig, z. B. Migrant:innenorganisation)",
      el("input", null, { type: "text", maxlength: "200", autocomplete: "off" }));
    var name = null;
    if (opts.namen) {
      name = field(form, id + "name", "Ihr Name (freiwillig, diese Veranstaltung fragt danach)",
        el("input", null, { type: "text", maxlength: "200", autocomplete: "name" }));
    }
    form.appendChild(el("p", opts.privacy || privacyText(opts.namen), { "class": "privacy" }));
    var submit = el("button", opts.submitLabel || "Beitrag senden", { type: "submit" });
    form.appendChild(submit);
    var status = el("p", "", { role: "status", "class": "beitrag-status", "aria-live": "polite" });
    form.appendChild(status);

    function art() { return form.querySelector("input[name=art]:checked").value; }
    form.addEventListener("change", function (ev) {
      if (ev.target.name !== "art") return;
      proposal.hidden = art() !== "vorschlag";
      textLabel.previousSibling.textContent = art() === "vorschlag" ? "Beschreibung des Vorschlags" : "Ihr Beitrag";
    });
    var fixed = null;
    function setTarget(target, label) {
      fixed = target;
      heading.textContent = "Beitrag zu: " + label;
    }
    function reset() {
      text.value = ""; titel.value = ""; lead.value = ""; ebene.value = "";
      groups.querySelectorAll("input").forEach(function (c) { c.checked = false; });
    }
    function beitrag() {
      var a = art(), t = text.value.trim();
      var target = targetSelect ? JSON.parse(targetSelect.value) : fixed;
      if (a === "vorschlag" && !titel.value.trim()) return "Bitte einen Titel für die Maßnahme angeben.";
      if (a !== "vorschlag" && !t) return "Bitte einen Text eingeben.";
      if (t.length > MAX_TEXT) return "Der Text ist länger als " + MAX_TEXT + " Zeichen.";
      var b = { id: uuid(), art: a, ziel: target, text: t, erstellt: now() };
      if (gruppe.value.trim()) b.gruppe = gruppe.value.trim();
      if (name && name.value.trim()) b.name = name.value.trim();
      if (a === "vorschlag") {
        var v = { titel: titel.value.trim(), zielgruppen: [] };
        groups.querySelectorAll("input:checked").forEach(function (c) { v.zielgruppen.push(c.value); });
        if (ebene.value) v.ebene = ebene.value;
        var who = lead.value.trim();
        if (who) v.federfuehrung = actorIri[who] || who;
        b.vorschlag = v;
      }
      return b;
    }
    form.addEventListener("submit", function (ev) {
      ev.preventDefault();
      var b = beitrag();
      status.classList.remove("error");
      if (typeof b === "string") { status.textContent = b; status.classList.add("error"); return; }
      submit.disabled = true;
      status.textContent = "Wird gespeichert …";
      Promise.resolve(opts.onSubmit(b)).then(function (message) {
        status.textContent = message;
        reset();
        text.focus();
      }, function (err) {
        status.textContent = err && err.message ? err.message : String(err);
        status.classList.add("error");
      }).then(function () { submit.disabled = false; });
    });
    if (opts.target) setTarget(opts.target, opts.targetLabel || "");
    else heading.textContent = opts.heading || "Ihr Beitrag";
    return { form: form, setTarget: setTarget, text: text, status: status };
  }

  function field(parent, id, labelText, input) {
    var box = el("div", null, { "class": "field" });
    box.appendChild(el("label", labelText, { "for": id }));
    input.id = id;
    box.appendChild(input);
    parent.appendChild(box);
    return input;
  }

  function privacyText(namen) {
    return namen
      ? "Datenschutz: Ihr Name wird nur gespeichert, wenn Sie ihn eingeben (die Veranstaltung fragt danach). " +
        "IP-Adressen werden nicht gespeichert."
      : "Datenschutz: Es werden keine Namen und keine IP-Adressen gespeichert.";
  }

  /* ---- sending to the server (the event's token) ---- */
  /* A random id of this device (rate limits count per device, not per WLAN address). */
  function client() {
    try {
      var id = localStorage.getItem("rahmengraph-beteiligung-geraet");
      if (!id) { id = uuid(); localStorage.setItem("rahmengraph-beteiligung-geraet", id); }
      return id;
    } catch (err) { return ""; }
  }
  function post(eventId, token, beitrag) {
    return fetch("/api/beteiligung/veranstaltungen/" + encodeURIComponent(eventId) + "/beitraege", {
      method: "POST",
      headers: { "Content-Type": "application/json", "Accept": "application/json", "X-Beteiligung-Token": token,
        "X-Beteiligung-Client": client() },
      body: JSON.stringify(beitrag)
    }).then(answer);
  }

  /* The JSON of a response, or an Error with the server's German message (status in front). */
  function answer(r) {
    return r.text().then(function (body) {
      var doc = null;
      try { doc = body ? JSON.parse(body) : null; } catch (e) { doc = null; }
      if (r.ok) return doc;
      var msg = doc && doc.error && doc.error.message ? doc.error.message : (doc && doc.detail) || body;
      msg = typeof msg === "string" ? msg : JSON.stringify(msg);
      ((doc && doc.error && doc.error.problems) || []).forEach(function (p) {
        msg += " – " + (p.column ? p.column + ": " : "") + p.message;
      });
      var err = new Error("Fehler " + r.status + ": " + msg);
      err.status = r.status;
      throw err;
    });
  }

  /* ---- the offline collection (one per framework, in this browser's localStorage) ---- */
  function Collection(rahmen, ausgabe) {
    this.key = "rahmengraph-beteiligung:" + (rahmen || "rahmen");
    this.ausgabe = ausgabe || "";
    this.doc = this.read();
  }
  Collection.prototype.read = function () {
    var doc = null;
    try { doc = JSON.parse(localStorage.getItem(this.key) || "null"); } catch (e) { doc = null; }
    if (!doc || doc.format !== FORMAT || !Array.isArray(doc.beitraege)) {
      var today = now().slice(0, 10);
      doc = { format: FORMAT, version: VERSION,
        veranstaltung: { id: "workshop-" + today, titel: "Workshop", datum: today }, beitraege: [] };
    }
    if (this.ausgabe && !doc.ausgabe) doc.ausgabe = this.ausgabe;
    return doc;
  };
  Collection.prototype.save = function () {
    localStorage.setItem(this.key, JSON.stringify(this.doc));
  };
  Collection.prototype.add = function (b) {
    this.doc = this.read();
    this.doc.beitraege.push(b);
    this.save();
  };
  Collection.prototype.remove = function (id) {
    this.doc.beitraege = this.doc.beitraege.filter(function (b) { return b.id !== id; });
    this.save();
  };
  Collection.prototype.clear = function () {
    this.doc.beitraege = [];
    this.save();
  };
  Collection.prototype.setEvent = function (titel, datum) {
    this.doc.veranstaltung = { id: slug(titel + "-" + datum), titel: titel, datum: datum };
    this.save();
  };
  Collection.prototype.fileName = function () { return this.doc.veranstaltung.id + ".beteiligung.json"; };
  /* The file as a download (a blob URL: no network). */
  Collection.prototype.exportFile = function () {
    var text = JSON.stringify(this.doc, null, 2);
    var a = el("a", "", { download: this.fileName(),
      href: URL.createObjectURL(new Blob([text], { type: "application/json" })) });
    document.body.appendChild(a);
    a.click();
    setTimeout(function () { URL.revokeObjectURL(a.href); a.remove(); }, 1000);
    return text;
  };
  /* Counts per target key and kind (as /api/beteiligung/zaehlung answers). */
  function countsOf(beitraege, rahmen) {
    var out = {};
    beitraege.forEach(function (b) {
      if (b.verborgen) return;
      var k = targetKey(b.ziel || { rahmen: true }, rahmen);
      var c = out[k] = out[k] || { kommentar: 0, frage: 0, luecke: 0, vorschlag: 0 };
      c[b.art] = (c[b.art] || 0) + 1;
    });
    return out;
  }

  window.RGBeteiligung = { ARTEN: ARTEN, ART_LABEL: ART_LABEL, FORMAT: FORMAT, el: el, clear: clear, uuid: uuid, now: now,
    slug: slug, describe: describe, targetKey: targetKey, captureForm: captureForm, privacyText: privacyText,
    post: post, answer: answer, Collection: Collection, countsOf: countsOf };
})();
