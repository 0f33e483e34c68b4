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
  var yasgui = new Yasgui(document.getElementById("yasgui"), {
    requestConfig: {
      endpoint: config.endpoint,
      method: "POST",
      acceptHeaderGraph: "application/n-triples",
      acceptHeaderSelect: "application/sparql-results+json"
    },
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
  keepInAddress(yasqe.getValue());

  yasgui.on("query", function (instance, t) { keepInAddress(t.getQuery()); });
  yasqe.on("change", function () { keepInAddress(yasqe.getValue()); });
  select.addEventListener("change", function () {
    if (examples[select.value]) { tab.setQuery(examples[select.value]); keepInAddress(examples[select.value]); }
  });
  window.rahmengraphYasgui = yasgui;
})();
