/* SPARQL editor page: Yasgui (from the installed npm package) against our own endpoint.
   The query is kept in the address (?query=…); no request leaves this server: the
   autocompleters that ask prefix.cc or LOV are switched off, persistence is off. */
(function () {
  "use strict";
  var config = JSON.parse(document.getElementById("sparql-config").textContent);
  var examples = {};
  config.examples.forEach(function (e) { examples[e.name] = e.sparql; });

  function queryForm(query) {
    var m = query.replace(/#[^\n]*|<[^>\s]*>/g, " ").match(/\b(SELECT|ASK|CONSTRUCT|DESCRIBE)\b/i);
    return m ? m[1].toLowerCase() : "select";
  }

  /* Keep the query in the address and the download links in step with it. */
  function keepInAddress(query) {
    var params = new URLSearchParams(window.location.search);
    params.set("query", query);
    window.history.replaceState(null, "", window.location.pathname + "?" + params.toString());
    var form = queryForm(query);
    var formats = Object.keys(form === "construct" || form === "describe" ? config.graphFormats : config.resultFormats);
    var span = document.getElementById("downloads");
    span.textContent = "";
    formats.forEach(function (f, i) {
      if (i > 0) { span.appendChild(document.createTextNode(" · ")); }
      var a = document.createElement("a");
      a.setAttribute("data-format", f);
      var sep = config.endpoint.indexOf("?") < 0 ? "?" : "&";
      a.href = config.endpoint + sep + new URLSearchParams({ query: query, format: f }).toString();
      a.textContent = f.toUpperCase();
      span.appendChild(a);
    });
  }

  var select = document.getElementById("example");
  var plain = document.getElementById("plain-query");

  if (typeof window.Yasgui === "undefined") {
    select.addEventListener("change", function () {
      if (examples[select.value]) { plain.value = examples[select.value]; keepInAddress(plain.value); }
    });
    return;
  }

  var Yasgui = window.Yasgui;
  var Yasr = Yasgui.Yasr;
  var text = JSON.parse(document.getElementById("sparql-editor-text").textContent);

  /* German texts through Yasr's own configuration: plugin labels, DataTables' language, the
     table controls the plugin keeps as fields, the response line, the error renderer. */
  function germanPlugin(Base, label) {
    var Plugin = function (yasr) {
      var plugin = Reflect.construct(Base, [yasr], Plugin);
      plugin.label = label;
      return plugin;
    };
    Plugin.prototype = Object.create(Base.prototype);
    Plugin.prototype.constructor = Plugin;
    Object.setPrototypeOf(Plugin, Base);
    return Plugin;
  }
  var BaseTable = Yasr.plugins.table;
  var Table = germanPlugin(BaseTable, text.table);
  Table.prototype.drawControls = function () {
    BaseTable.prototype.drawControls.call(this);
    var labels = this.tableControls.querySelectorAll(".switch .label");
    if (labels[0]) { labels[0].textContent = text.simple; }
    if (labels[1]) { labels[1].textContent = text.ellipse; }
    this.tableFilterField.placeholder = text.filter;
    this.tableFilterField.setAttribute("aria-label", text.filter);
    var sizer = this.tableControls.querySelector(".pageSizerLabel");
    if (sizer) { sizer.textContent = text.pagesize + ": "; }
    this.tableSizeField.setAttribute("aria-label", text.pagesize);
    Array.prototype.forEach.call(this.tableSizeField.options, function (o) {
      if (o.value === "-1") { o.textContent = text.all; }
    });
  };
  BaseTable.defaults.tableConfig.language = text.datatables;
  Yasr.registerPlugin("table", Table);
  Yasr.registerPlugin("response", germanPlugin(Yasr.plugins.response, text.response));
  Yasr.prototype.updateResponseInfo = function () {
    var line = "";
    if (this.results && !this.results.hasError()) {
      var rows = this.results.getBindings();
      if (rows) { line = rows.length === 1 ? text.row : text.rows.replace("{n}", rows.length.toLocaleString("de-DE")); }
      var ms = this.results.getResponseTime();
      if (ms) { line += (line ? " " : text.answer + " ") + text.seconds.replace("{s}", (ms / 1000).toLocaleString("de-DE")); }
    }
    this.dataElement.textContent = line;
  };
  /* The server answers an error as JSON {"error": {"code", "message", "problems"}} in German. */
  function serverError(error) {
    var body = null;
    try { body = JSON.parse(error.text || "").error; } catch (e) { body = null; }
    var box = document.createElement("div");
    box.id = "sparql-error";
    box.setAttribute("role", "alert");
    var head = document.createElement("p");
    head.className = "error-head";
    head.textContent = text.error + (error.status ? " (" + error.status + ")" : "");
    var message = document.createElement("pre");
    message.className = "error-message";
    message.textContent = body && body.message ? body.message : (error.text || error.statusText || text.noanswer);
    box.appendChild(head);
    box.appendChild(message);
    return Promise.resolve(box);
  }
  Yasr.defaults.errorRenderers = [serverError];

  var yasgui = new Yasgui(document.getElementById("yasgui"), {
    requestConfig: {
      endpoint: new URL(config.endpoint, window.location.href).href,
      method: "POST",
      acceptHeaderGraph: "application/n-triples",
      acceptHeaderSelect: "application/sparql-results+json"
    },
    tabName: text.query,
    copyEndpointOnNewTab: false,
    persistenceId: null,
    populateFromUrl: false,
    autofocus: true,
    endpointCatalogueOptions: { getData: function () { return [{ endpoint: config.endpoint }]; }, keys: [] },
    yasqe: { autocompleters: ["variables"], resizeable: true, editorHeight: "320px", value: config.newTab },
    yasr: { prefixes: config.prefixes }
  });
  var tab = yasgui.getTab();
  tab.setQuery(config.query);
  var yasqe = tab.getYasqe();

  /* Names for the fields Yasgui draws without one; the editor's scroll area is reachable by keyboard. */
  function nameControls() {
    var root = document.getElementById("yasgui");
    yasqe.getInputField().setAttribute("aria-label", text.query);
    root.querySelectorAll(".autocomplete").forEach(function (e) { e.setAttribute("aria-label", text.endpoint); });
    root.querySelectorAll(".tabsList .addTab").forEach(function (e) {
      e.setAttribute("role", "tab");
      e.setAttribute("aria-label", text.newtab);
    });
    root.querySelectorAll(".CodeMirror-scroll").forEach(function (e) {
      e.setAttribute("tabindex", "0");
      e.setAttribute("aria-label", text.query);
    });
  }
  nameControls();
  yasgui.on("tabSelect", function () { window.setTimeout(nameControls, 0); });
  keepInAddress(yasqe.getValue());

  yasgui.on("query", function (instance, t) { keepInAddress(t.getQuery()); });
  yasqe.on("change", function () { keepInAddress(yasqe.getValue()); });
  select.addEventListener("change", function () {
    if (examples[select.value]) { tab.setQuery(examples[select.value]); keepInAddress(examples[select.value]); }
  });
  window.rahmengraphYasgui = yasgui;
})();
