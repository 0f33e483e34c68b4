/* Sortable tables: every <table class="sortable"> gets a button in each column header.
   Keyboard usable (buttons), state announced with aria-sort; numbers sort as numbers.
   Links to a part of the page inside a closed <details> open it. */
(function () {
  "use strict";
  var collator = new Intl.Collator(document.documentElement.lang || "de", { numeric: true, sensitivity: "base" });

  function cellText(row, index) {
    var cell = row.cells[index];
    return cell ? cell.textContent.trim() : "";
  }

  function sortBy(table, index, th) {
    var body = table.tBodies[0];
    if (!body) { return; }
    var ascending = th.getAttribute("aria-sort") !== "ascending";
    var rows = Array.prototype.slice.call(body.rows);
    rows.sort(function (a, b) {
      var r = collator.compare(cellText(a, index), cellText(b, index));
      return ascending ? r : -r;
    });
    rows.forEach(function (r) { body.appendChild(r); });
    Array.prototype.forEach.call(table.tHead.rows[0].cells, function (c) { c.removeAttribute("aria-sort"); });
    th.setAttribute("aria-sort", ascending ? "ascending" : "descending");
  }

  document.querySelectorAll("table.sortable").forEach(function (table) {
    if (!table.tHead) { return; }
    Array.prototype.forEach.call(table.tHead.rows[0].cells, function (th, index) {
      var button = document.createElement("button");
      button.type = "button";
      button.className = "sort";
      while (th.firstChild) { button.appendChild(th.firstChild); }  /* keeps <abbr> and its title */
      th.appendChild(button);
      button.addEventListener("click", function () { sortBy(table, index, th); });
    });
  });

  /* A link to a part inside a closed <details> (summary numbers, heatmap cells) opens it first. */
  function reveal() {
    var id = decodeURIComponent(location.hash.slice(1));
    var target = id && document.getElementById(id);
    for (var el = target; el; el = el.parentElement) {
      if (el.tagName === "DETAILS") { el.open = true; }
    }
    if (target) { target.scrollIntoView(); }
  }
  window.addEventListener("hashchange", reveal);
  if (location.hash) { reveal(); }
})();
