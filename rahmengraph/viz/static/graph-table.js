/* rahmengraph graph pages: DOM helpers, the sortable table twin, the heatmap tables, the legend.
   Every string from the data is shown with textContent, never parsed as HTML. */
(function () {
  "use strict";

  function el(tag, text, attrs) {
    var node = document.createElement(tag);
    if (text !== undefined && text !== null) node.textContent = String(text);
    if (attrs) Object.keys(attrs).forEach(function (k) { node.setAttribute(k, attrs[k]); });
    return node;
  }

  function clear(node) { while (node.firstChild) node.removeChild(node.firstChild); }

  function safeHref(href) { return /^https?:\/\//i.test(href || "") ? href : ""; }

  /* A table with a caption kept, header buttons that sort (aria-sort), rows of cells.
     A cell is a string/number or {text, onclick, label}. */
  function sortableTable(table, columns, rows) {
    var caption = table.querySelector("caption");
    clear(table);
    if (caption) table.appendChild(caption);
    var state = table._sort || { col: 0, dir: 1 };
    table._sort = state;
    var thead = el("thead"), tr = el("tr");
    columns.forEach(function (name, i) {
      var th = el("th", null, { scope: "col" });
      if (state.col === i) th.setAttribute("aria-sort", state.dir > 0 ? "ascending" : "descending");
      var b = el("button", name, { type: "button" });
      b.addEventListener("click", function () {
        state.dir = state.col === i ? -state.dir : 1;
        state.col = i;
        sortableTable(table, columns, rows);
        table.querySelectorAll("th button")[i].focus();
      });
      th.appendChild(b);
      tr.appendChild(th);
    });
    thead.appendChild(tr);
    table.appendChild(thead);
    var sorted = rows.slice().sort(function (a, b) {
      var x = cellValue(a[state.col]), y = cellValue(b[state.col]);
      if (typeof x === "number" && typeof y === "number") return (x - y) * state.dir;
      return String(x).localeCompare(String(y), "de", { numeric: true }) * state.dir;
    });
    var tbody = el("tbody");
    var frag = document.createDocumentFragment();
    sorted.forEach(function (row) {
      var r = el("tr");
      row.forEach(function (cell, i) {
        var td = el(i === 0 ? "th" : "td", null, i === 0 ? { scope: "row" } : null);
        if (cell && typeof cell === "object" && cell.onclick) {
          var b = el("button", cell.text, { type: "button", "class": "link" });
          b.addEventListener("click", cell.onclick);
          td.appendChild(b);
        } else {
          td.textContent = cell === undefined || cell === null ? "" : String(cellValue(cell));
        }
        r.appendChild(td);
      });
      frag.appendChild(r);
    });
    tbody.appendChild(frag);
    table.appendChild(tbody);
  }

  function cellValue(cell) {
    return cell && typeof cell === "object" ? cell.text : cell;
  }

  function heatClass(n) {
    if (n === 0) return "heat-0";
    if (n === 1) return "heat-1";
    if (n <= 3) return "heat-2";
    if (n <= 6) return "heat-3";
    return "heat-4";
  }

  /* Coverage matrices: one table per matrix, a button per cell; passes(i) says whether
     measure i is in view; onCell(matrix, rowLabel, colLabel, measureIndices) on click. */
  function renderMatrices(container, matrices, passes, onCell) {
    clear(container);
    matrices.forEach(function (m) {
      var section = el("section", null, { "class": "matrix", id: "matrix-" + m.name });
      section.appendChild(el("h2", m.title));
      section.appendChild(el("p", m.help));
      var table = el("table", null, { "class": "heatmap" });
      table.appendChild(el("caption", m.title + " (Zahl der Maßnahmen je Zelle; leer = Lücke)"));
      var head = el("tr");
      head.appendChild(el("th", "", { scope: "col" }));
      m.cols.forEach(function (c) { head.appendChild(el("th", c[0], { scope: "col", title: c[1] })); });
      var thead = el("thead"); thead.appendChild(head); table.appendChild(thead);
      var tbody = el("tbody");
      var empty = 0;
      m.rows.forEach(function (row, r) {
        var tr = el("tr");
        tr.appendChild(el("th", row[1] || row[0], { scope: "row" }));
        m.cols.forEach(function (col, c) {
          var ms = (m.cells[r + "," + c] || []).filter(passes);
          if (!ms.length) empty += 1;
          var td = el("td", null, { "class": heatClass(ms.length) });
          var b = el("button", ms.length ? String(ms.length) : "–", {
            type: "button", "data-zeile": row[2] || "", "data-spalte": col[2] || "",
            "aria-label": (row[1] || row[0]) + " × " + col[0] + " " + col[1] + ": " +
              (ms.length ? ms.length + " Maßnahmen" : "Lücke, keine Maßnahme")
          });
          b.addEventListener("click", function () { onCell(m, row, col, ms); });
          td.appendChild(b);
          tr.appendChild(td);
        });
        tbody.appendChild(tr);
      });
      table.appendChild(tbody);
      section.appendChild(table);
      section.appendChild(el("p", empty + " leere Zellen von " + m.rows.length * m.cols.length, { "class": "count" }));
      container.appendChild(section);
    });
  }

  /* The legend: the kinds (colour + shape), relations (line style) and marks given (objects used
     as sets), in the order of the data's tables; shown as a compact strip. */
  function legend(box, data, kinds, rels, marks) {
    clear(box);
    box.appendChild(el("h2", "Legende", { "class": "sr-only" }));
    var ul = el("ul");
    Object.keys(data.kinds).filter(function (k) { return kinds[k]; }).forEach(function (k) {
      var li = el("li", null, { "data-kind": k }), sw = el("span", "", { "class": "swatch shape-" + data.kinds[k].shape, "aria-hidden": "true" });
      sw.style.background = data.kinds[k].color;
      li.appendChild(sw); li.appendChild(el("span", data.kinds[k].plural)); ul.appendChild(li);
    });
    Object.keys(data.rels).filter(function (r) { return rels[r]; }).forEach(function (r) {
      var li = el("li", null, { "data-rel": r }), ln = el("span", "", { "class": "line", "aria-hidden": "true" });
      ln.style.borderTop = data.rels[r].width + 1 + "px " + (data.rels[r].dashes ? "dashed " : "solid ") + data.rels[r].color;
      li.appendChild(ln); li.appendChild(el("span", data.rels[r].label)); ul.appendChild(li);
    });
    Object.keys(data.marks).filter(function (m) { return marks[m]; }).forEach(function (m) {
      var li = el("li", null, { "data-mark": m }), sw = el("span", "", { "class": "swatch mark-" + m, "aria-hidden": "true" });
      sw.style.borderColor = data.marks[m][1];
      if (data.marks[m][2] === "fill") sw.style.background = data.marks[m][1];
      li.appendChild(sw); li.appendChild(el("span", data.marks[m][0])); ul.appendChild(li);
    });
    box.appendChild(ul);
  }

  function naturalCompare(a, b) { return String(a).localeCompare(String(b), "de", { numeric: true }); }

  window.RG = { el: el, clear: clear, safeHref: safeHref, sortableTable: sortableTable,
    renderMatrices: renderMatrices, legend: legend, naturalCompare: naturalCompare };
})();
