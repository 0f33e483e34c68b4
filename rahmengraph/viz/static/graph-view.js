/* rahmengraph graph pages: captions, node looks, lane stacking and framing (pure functions).
   Every node drawn carries its full label, wrapped at its kind's width (never cut). Labels are
   FONT canvas pixels (BEAMER in Beamer mode); the server plans each scene for a 1920×1080 canvas
   at scale 1, the page re-stacks each lane from the boxes vis-network measured, so no two labels
   overlap, and frames the result (never above MAX_SCALE). */
(function () {
  "use strict";
  var FONT = 20, BEAMER = 26, GAP = 14, PAD = 18, MAX_SCALE = 1.6;
  var FALLBACK = { color: "#555555", shape: "dot", caption: "label", column: 99, wrap: 220, label: "", plural: "" };
  var INSIDE = { box: true, ellipse: true };

  function kindOf(data, n) { return data.kinds[n.kind] || FALLBACK; }

  /* Canvas label: key, label or both (per kind); a scene may ask for short titles. */
  function caption(data, scene, n) {
    var c = kindOf(data, n).caption, t = (scene && scene.short && n.short) || n.label;
    if (c === "key" && n.key) return n.key;
    if (c === "key label" && n.key && n.key !== t) return n.key + " " + t;
    return t;
  }

  function fontSize(beamer) { return beamer ? BEAMER : FONT; }

  /* vis-network options of a node drawn in the scene (x, y: where it stands). */
  function nodeLook(data, scene, n, at, opts) {
    var k = kindOf(data, n), marks = opts.marks || [];
    var gap = marks.indexOf("gap") >= 0, spof = marks.indexOf("spof") >= 0, hub = marks.indexOf("hub") >= 0;
    var inside = !!INSIDE[k.shape], size = fontSize(opts.beamer);
    /* a "fill" mark (the change view: new, changed, moved, ended) colours the node itself */
    var fills = marks.map(function (m) { return (data.marks || {})[m]; })
      .filter(function (look) { return look && look[2] === "fill"; });
    var fill = fills.length ? fills[0][1] : k.color;
    var border = spof || gap ? "#a3000b" : hub || opts.beamer || fills.length ? "#000000" : k.color;
    return {
      id: n.id, x: at[0], y: at[1], shape: k.shape, size: opts.beamer ? 16 : 13,
      label: opts.on || opts.showcase ? caption(data, scene, n) : "",
      title: n.label + " (" + (k.label || n.kind) + (n.key ? ", " + n.key : "") + ")" +
        (n.open !== undefined ? " – anklicken öffnet" : ""),
      hidden: !opts.on && !opts.showcase,
      color: {
        background: gap ? "#ffffff" : fill, border: border,
        highlight: { background: gap ? "#ffffff" : fill, border: "#000000" },
        hover: { background: gap ? "#ffffff" : fill, border: "#000000" }
      },
      opacity: opts.on ? 1 : 0.15,
      borderWidth: spof || hub ? 5 : gap ? 3 : opts.beamer ? 2 : 1,
      shapeProperties: { borderDashes: gap ? [6, 4] : false },
      widthConstraint: { maximum: k.wrap * (opts.beamer ? BEAMER / FONT : 1) },
      margin: inside ? { top: 8, bottom: 8, left: 10, right: 10 } : undefined,
      font: {
        size: size, face: "Arial, Helvetica, sans-serif", bold: false,
        color: inside && !gap ? "#ffffff" : opts.beamer ? "#000000" : "#111111",
        strokeWidth: inside ? 0 : 5, strokeColor: "#ffffff", vadjust: 0
      }
    };
  }

  /* Edge width: relation width grown with the number of measures behind it. */
  function edgeWidth(rel, weight, beamer) {
    var w = weight > 1 ? Math.min(16, rel.width + 2.2 * Math.sqrt(weight - 1)) : rel.width;
    return w * (beamer ? 1.6 : 1);
  }

  /* New y per node so each lane's boxes stack top to bottom without overlap, centred on the
     lane's planned middle. lanes: lane → [{id, y, box}] with box {top, bottom} in canvas units. */
  function stack(lanes) {
    var out = {};
    Object.keys(lanes).forEach(function (l) {
      var items = lanes[l].slice().sort(function (a, b) { return a.y - b.y; });
      var total = 0, mid = 0;
      items.forEach(function (it) { total += it.box.bottom - it.box.top; mid += it.y; });
      total += GAP * Math.max(0, items.length - 1);
      mid = items.length ? mid / items.length : 0;
      var top = mid - total / 2;
      items.forEach(function (it) {
        out[it.id] = top + (it.y - it.box.top);
        top += it.box.bottom - it.box.top + GAP;
      });
    });
    return out;
  }

  /* Shift per lane so no lane's boxes reach into the next one's (lanes keep their left-to-right
     order). lanes: lane → {x, left, right} (planned centre, measured box edges). */
  function spread(lanes) {
    var out = {}, edge = -Infinity;
    Object.keys(lanes).sort(function (a, b) { return lanes[a].x - lanes[b].x; }).forEach(function (l) {
      var d = Math.max(0, edge + 2 * GAP - lanes[l].left);
      out[l] = d;
      edge = lanes[l].right + d;
    });
    return out;
  }

  /* moveTo() options that fit the boxes ({top, bottom, left, right}) into width × height. */
  function frame(boxes, width, height) {
    var x0 = Infinity, x1 = -Infinity, y0 = Infinity, y1 = -Infinity;
    boxes.forEach(function (b) {
      x0 = Math.min(x0, b.left); x1 = Math.max(x1, b.right);
      y0 = Math.min(y0, b.top); y1 = Math.max(y1, b.bottom);
    });
    if (!boxes.length) { x0 = y0 = -1; x1 = y1 = 1; }
    var s = Math.min(MAX_SCALE, (width - 2 * PAD) / Math.max(x1 - x0, 1), (height - 2 * PAD) / Math.max(y1 - y0, 1));
    return { position: { x: (x0 + x1) / 2, y: (y0 + y1) / 2 }, scale: Math.max(0.05, s), animation: false };
  }

  window.RG.view = { kindOf: kindOf, caption: caption, nodeLook: nodeLook, edgeWidth: edgeWidth,
    stack: stack, spread: spread, frame: frame, fontSize: fontSize };
})();
