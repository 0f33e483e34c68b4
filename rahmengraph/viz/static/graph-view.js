/* rahmengraph graph pages: framing and label sizing for a screen or a projector (pure functions).
   The page frames the view itself instead of vis-network's fit, so canvas fonts can be sized in
   screen pixels: prominent kinds (fields, Ressorts, goals, levels) get PX pixels at the framed
   zoom, the rest SMALL canvas units (readable once zoomed in; vis-network skips labels below its
   drawThreshold). Presentation mode rearranges the nodes in view into readable columns. */
(function () {
  "use strict";
  var PX = 15, PX_PRESENT = 22, SMALL = 14, CAPTION = 28, PAD_X = 110, PAD_Y = 24;
  var FALLBACK = { color: "#555555", shape: "dot", caption: "label", prominent: false, column: 99 };

  function kindOf(data, n) { return data.kinds[n.kind] || FALLBACK; }

  /* Canvas label: key, label or both (per kind), truncated; the full text is in the details. */
  function caption(data, n) {
    var c = kindOf(data, n).caption, t = n.label;
    if (c === "key" && n.key) t = n.key;
    else if (c === "key label" && n.key && n.key !== n.label) t = n.key + " " + n.label;
    return t.length > CAPTION ? t.slice(0, CAPTION - 1) + "…" : t;
  }

  /* Largest canvas font the layout leaves room for, per prominent kind: a quarter of the nodes
     have a same-kind neighbour closer than 1.5 × this. Crowded kinds (a 5,000-node framework)
     thus show their labels once zoomed in far enough, instead of piling them up. */
  function measureRoom(data) {
    var groups = {}, room = {};
    data.nodes.forEach(function (n) {
      if (kindOf(data, n).prominent) (groups[n.kind] = groups[n.kind] || []).push(n);
    });
    Object.keys(groups).forEach(function (k) {
      var ns = groups[k];
      if (ns.length < 2) { room[k] = Infinity; return; }
      var near = ns.map(function (a) {
        var best = Infinity;
        for (var i = 0; i < ns.length; i++) {
          var b = ns[i];
          if (b !== a) best = Math.min(best, (a.x - b.x) * (a.x - b.x) + (a.y - b.y) * (a.y - b.y));
        }
        return Math.sqrt(best);
      }).sort(function (a, b) { return a - b; });
      room[k] = near[Math.floor(near.length / 4)] / 1.5;
    });
    return room;
  }

  /* Canvas font size of a node at the framed scale. */
  function fontSize(data, n, scale, presenting, room) {
    if (presenting) return Math.min(PX_PRESENT / scale, PRESENT_MAX);
    return kindOf(data, n).prominent ? Math.min(PX / scale, room[n.kind] || Infinity) : SMALL;
  }

  /* Presentation: the focus in the middle, the nodes of kinds left of it in the layout stacked
     in one column on the left, the others on the right (layout order kept; more than ROWS spill
     into further columns outwards), so large labels do not collide on a projector.
     Returns id → {x, y}. */
  var ROWS = 10, GAP = 620, PITCH = 115, PRESENT_MAX = 38;
  function arrange(data, nodes, focus) {
    var out = {}, left = [], right = [], middle = focus ? kindOf(data, focus).column : -1;
    function order(a, b) { return kindOf(data, a).column - kindOf(data, b).column || a.y - b.y || a.x - b.x; }
    nodes.slice().sort(order).forEach(function (n) {
      if (focus && n.id === focus.id) out[n.id] = { x: 0, y: 0 };
      else (kindOf(data, n).column < middle ? left : right).push(n);
    });
    [[left, -1], [right, 1]].forEach(function (side) {
      var ns = side[0], cols = Math.ceil(ns.length / ROWS), per = Math.ceil(ns.length / Math.max(cols, 1));
      ns.forEach(function (n, i) {
        var col = Math.floor(i / per), row = i % per, here = Math.min(per, ns.length - col * per);
        out[n.id] = { x: side[1] * GAP * (1 + col), y: (row - (here - 1) / 2) * PITCH };
      });
    });
    return out;
  }

  /* vis-network moveTo() options that fit the nodes (positions via where(n)) into a canvas of
     width × height, keeping PAD_* screen pixels free and room for the labels under the lowest. */
  function frame(nodes, where, width, height, presenting) {
    var x0 = Infinity, x1 = -Infinity, y0 = Infinity, y1 = -Infinity, big = 0;
    nodes.forEach(function (n) {
      var at = where(n);
      x0 = Math.min(x0, at.x); x1 = Math.max(x1, at.x);
      y0 = Math.min(y0, at.y); y1 = Math.max(y1, at.y);
      big = Math.max(big, n.size);
    });
    if (!nodes.length) { x0 = x1 = y0 = y1 = 0; }
    var below = 1.6 * (presenting ? PX_PRESENT : PX);
    var side = presenting ? 0.3 * PX_PRESENT * CAPTION : PAD_X;  /* half the widest caption */
    var w = Math.max(width - 2 * side, 100), h = Math.max(height - 2 * PAD_Y - below, 100);
    var s = Math.max(0.02, Math.min(1.4, Math.min(w / (x1 - x0 + 2 * big), h / (y1 - y0 + 2 * big))));
    return { position: { x: (x0 + x1) / 2, y: (y0 + y1) / 2 + below / (2 * s) }, scale: s, animation: false };
  }

  window.RG.view = { kindOf: kindOf, caption: caption, measureRoom: measureRoom, fontSize: fontSize,
    arrange: arrange, frame: frame };
})();
