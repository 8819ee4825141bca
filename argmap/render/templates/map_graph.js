/* The graph view: every claim as a labelled box at the layout's positions (computed in Python,
   argmap/layout), one lane per author in time order, drawn by vis-network with physics off.
   Filters and focus hide and show claims without moving any, then fit the view to what is left
   and list it beside the map. Links within one author are thin and can be hidden; contradicts
   are the heaviest lines. The network is made the first time the view is shown. */
(function () {
  "use strict";
  const A = window.argmap;
  const el = A.el;
  const data = A.data;
  const L = data.layout;
  const container = document.getElementById("network");
  const LIST_MAX = 300;  // claims listed beside the map; the rest are counted

  const state = {
    authors: new Set(data.authors.map(function (a, i) { return i; })),
    types: new Set(data.types.map(function (t) { return t.type; })),
    relations: new Set(Object.keys(data.edge_styles)),
    within: true, thesis: "", reported: true, search: "",
    focus: null, focusKey: ""
  };
  let network = null;
  let nodes = null;
  let edges = null;
  let hiddenNodes = new Set();
  let hiddenEdges = new Set();
  let relaxed = false;
  let wanted = null;  // the scale the view was last put at (by the page or the reader)
  let selected = null;

  function lighten(hex, amount) {
    const rgb = [1, 3, 5].map(function (i) { return parseInt(hex.slice(i, i + 2), 16); });
    return "rgb(" + rgb.map(function (c) { return Math.round(c + (255 - c) * amount); }).join(",") + ")";
  }
  function tooltip(c) {
    const author = A.authorOf(c);
    return author.name + " \u00b7 " + A.sourceOf(c).date + " \u00b7 " + c.type +
      (A.reported(c) ? "\nReported view of " + c.speaker + " (not " + author.short + "\u2019s own)" : "") +
      (c.draft ? "\nA draft, not yet reviewed" : "") + "\n" + c.text;
  }
  /* Each box is drawn by the page from the layout's numbers (vis-network's "custom" shape): the
     same size and lines as argmap.svg, with no text measured in the browser, and the lines left
     out when they would be under 4 px. vis-network 9.1.2 takes a custom shape's size from what
     its renderer last returned, and only from its second drawing on; presize() gives every box
     its size before the first, for culling, clicks and where links end. */
  const fills = new Map();
  let frameScale = 1;
  function boxPath(ctx, left, top, w, h, r) {
    ctx.beginPath();
    if (r <= 0) { ctx.rect(left, top, w, h); return; }
    ctx.moveTo(left + r, top);
    ctx.arcTo(left + w, top, left + w, top + h, r);
    ctx.arcTo(left + w, top + h, left, top + h, r);
    ctx.arcTo(left, top + h, left, top, r);
    ctx.arcTo(left, top, left + w, top, r);
    ctx.closePath();
  }
  function drawBox(ctx, c, x, y, state) {
    const author = A.authorOf(c);
    const w = c.box[2];
    const h = c.box[3];
    const left = x - w / 2;
    const top = y - h / 2;
    boxPath(ctx, left, top, w, h, frameScale < 0.3 ? 0 : 4);
    ctx.fillStyle = fills.get(c.id);
    ctx.fill();
    // At least a pixel of border however far out, so each box keeps its author's colour.
    ctx.lineWidth = state.selected ? 4 : state.hover ? 3 : Math.max(2, 1 / frameScale);
    ctx.strokeStyle = state.selected || state.hover ? "#1d2330" : author.colour;
    ctx.setLineDash(c.draft ? [2, 3] : A.reported(c) ? [6, 3] : []);
    ctx.stroke();
    if (frameScale * L.font.size < 4) return;
    ctx.setLineDash([]);
    ctx.font = L.font.size + "px " + L.font.face;
    ctx.fillStyle = "#1d2330";
    ctx.textBaseline = "middle";
    c.lines.forEach(function (line, i) {
      ctx.fillText(line, left + L.font.pad_x, top + L.font.pad_y + L.font.line_height * (i + 0.5));
    });
  }
  function renderer(params) {
    const c = A.claims.get(params.id);
    return {
      drawNode: function () { drawBox(params.ctx, c, params.x, params.y, params.state); },
      nodeDimensions: { width: c.box[2], height: c.box[3] }
    };
  }
  function presize() {
    data.claims.forEach(function (c) {
      const shape = network.body.nodes[c.id].shape;
      shape.customSizeWidth = c.box[2];
      shape.customSizeHeight = c.box[3];
      shape.width = c.box[2];
      shape.height = c.box[3];
      shape.refreshNeeded = true;
    });
  }
  function visNode(c) {
    fills.set(c.id, lighten(A.authorOf(c).colour, A.reported(c) ? 0.9 : 0.78));
    return { id: c.id, x: c.box[0], y: c.box[1], shape: "custom", ctxRenderer: renderer, physics: false,
             size: Math.max(c.box[2], c.box[3]) / 2, title: tooltip(c) };
  }
  function linkStyle(l) {
    const key = l.relation === "supports" ? (l.scope === "between" ? "supports" : "within") : l.relation;
    return data.link_styles[key] || data.link_styles.contradicts;
  }
  function visEdge(l) {
    const s = linkStyle(l);
    const arrow = s.end === "bar" ? { to: { enabled: true, type: "bar", scaleFactor: 0.6 }, from: { enabled: true, type: "bar", scaleFactor: 0.6 } }
      : { to: { enabled: true, type: "arrow", scaleFactor: 0.7 } };
    return {
      id: l.index, from: l.from, to: l.to, width: s.width, color: { color: s.colour, highlight: s.colour, hover: s.colour, opacity: 1 },
      dashes: s.dash ? s.dash.split(" ").map(Number) : false, arrows: arrow, smooth: false, selectionWidth: 2,
      title: l.relation + (l.rationale ? ": " + l.rationale : "")
    };
  }

  /* -- which claims pass ----------------------------------------------------------------- */
  function matches(c) {
    if (!state.search) return true;
    const hay = (c.id + " " + c.text + " " + c.quote + " " + (c.label || "") + " " + A.authorOf(c).name).toLowerCase();
    return state.search.split(/\s+/).every(function (w) { return hay.indexOf(w) >= 0; });
  }
  function passes(c) {
    return state.authors.has(c.author) && state.types.has(c.type) && (state.reported || !A.reported(c)) &&
      (!state.thesis || (c.theses && Object.prototype.hasOwnProperty.call(c.theses, state.thesis))) && matches(c);
  }
  function visibleClaims() {
    return data.claims.filter(function (c) { return passes(c) && (!state.focus || state.focus.has(c.id)); });
  }
  function edgeShown(l) {
    return state.relations.has(l.relation) && (state.within || l.scope === "between");
  }

  /* Hide and show by changing only what changed: positions are never touched. vis-network's
     DataSet.update({hidden}) re-reads every option of each node it is given (slow for thousands
     of claims), so the page sets the flag that vis-network 9.1.2 (pinned through pyvis) builds
     its lists of drawn nodes and edges from, options.hidden, and has it rebuild those lists. */
  function setHidden(nodeChanges, edgeChanges) {
    if (!nodeChanges.length && !edgeChanges.length) return;
    const body = network.body;
    nodeChanges.forEach(function (change) { body.nodes[change[0]].options.hidden = change[1]; });
    edgeChanges.forEach(function (change) { body.edges[change[0]].options.hidden = change[1]; });
    // vis-network rebuilds its lists of what to draw from those flags; nothing else changed.
    network._updateVisibleIndices();
    body.emitter.emit("_requestRedraw");
  }
  /* Zoomed far out (labels under 2 px), the thin links within one author are left out: they
     cannot be followed at that size and cost most of the drawing. */
  const FAR = 2 / L.font.size;
  let far = false;
  function edgeHidden(l) { return !edgeShown(l) || (far && l.scope !== "between" && l.relation === "supports"); }
  function edgeChanges() {
    const changes = [];
    const now = new Set();
    data.links.forEach(function (l) {
      const hide = edgeHidden(l);
      if (hide) now.add(l.index);
      if (hide !== hiddenEdges.has(l.index)) changes.push([l.index, hide]);
    });
    hiddenEdges = now;
    return changes;
  }
  function apply(fit) {
    const shown = visibleClaims();
    const keep = new Set(shown.map(function (c) { return c.id; }));
    const nodeChanges = [];
    const nowHidden = new Set();
    data.claims.forEach(function (c) {
      const hide = !keep.has(c.id);
      if (hide) nowHidden.add(c.id);
      if (hide !== hiddenNodes.has(c.id)) nodeChanges.push([c.id, hide]);
    });
    hiddenNodes = nowHidden;
    if (network) {
      setHidden(nodeChanges, edgeChanges());
      if (fit) fitTo(shown);
    }
    listResults(shown);
    focusStatus(shown);
    return shown;
  }
  function fitTo(shown) {
    if (!shown.length) return;
    if (shown.length === data.claims.length) { openingView(); return; }
    network.fit({ nodes: shown.map(function (c) { return c.id; }), animation: false, maxZoomLevel: 1.2 });
    wanted = network.getScale();
  }

  /* -- views: the layout's, for 1280 x 720, kept at their top-left corner and scale -------- */
  function moveToView(v) {
    const scale = v[2];
    const left = v[0] - L.viewport[0] / 2 / scale;
    const top = v[1] - L.viewport[1] / 2 / scale;
    network.moveTo({ position: { x: left + container.clientWidth / 2 / scale, y: top + container.clientHeight / 2 / scale },
                     scale: scale, animation: false });
    wanted = scale;
  }
  function openingView() { moveToView(L.opening); }
  function laneView(i) { moveToView(L.lane_views[i]); }

  /* Under the links: each clash and each link superseded by events drawn again, at least
     MIN_PX[kind] screen pixels wide, so that they stay visible however far the view is zoomed out
     (vis-network scales a line with the zoom, and the fitted view of a big map is small). */
  const MIN_PX = { contradicts: 2, superseded: 1.2 };
  const strong = data.links.filter(function (l) { return MIN_PX[l.relation]; });
  function drawStrongLinks(ctx) {
    const scale = network.getScale();
    ctx.save();
    ctx.lineCap = "round";
    strong.forEach(function (l) {
      const width = MIN_PX[l.relation] / scale;
      if (hiddenEdges.has(l.index) || hiddenNodes.has(l.from) || hiddenNodes.has(l.to)) return;
      if (width <= linkStyle(l).width) return;  // vis-network's own line is wide enough
      const a = A.claims.get(l.from).box;
      const b = A.claims.get(l.to).box;
      ctx.strokeStyle = linkStyle(l).colour;
      ctx.lineWidth = width;
      ctx.beginPath();
      ctx.moveTo(a[0], a[1]);
      ctx.lineTo(b[0], b[1]);
      ctx.stroke();
    });
    ctx.restore();
  }

  /* Lanes: a tinted band per author with a colour bar and its header, under the network. */
  function drawLanes(ctx) {
    ctx.save();
    L.lanes.forEach(function (lane) {
      const b = lane.bounds;
      ctx.fillStyle = lane.tint;
      ctx.fillRect(b[0], b[1], b[2], b[3]);
      ctx.fillStyle = lane.colour;
      ctx.fillRect(b[0], b[1], L.font.lane_bar, b[3]);
      ctx.font = "600 " + L.font.header_size + "px " + L.font.face;
      ctx.fillStyle = "#1d2330";
      ctx.textBaseline = "middle";
      lane.label_x.forEach(function (x) { ctx.fillText(lane.label, x, lane.header[1] + lane.header[3] / 2); });
    });
    ctx.restore();
  }

  function create() {
    hiddenNodes = new Set();
    hiddenEdges = new Set();
    nodes = new vis.DataSet(data.claims.map(visNode));
    edges = new vis.DataSet(data.links.map(visEdge));
    network = new vis.Network(container, { nodes: nodes, edges: edges }, {
      autoResize: true,
      physics: { enabled: false },
      layout: { improvedLayout: false, randomSeed: 1 },
      interaction: { hover: data.claims.length <= 3000, tooltipDelay: 150, keyboard: { enabled: true, bindToWindow: false },
                     hideEdgesOnDrag: data.claims.length > 3000, multiselect: false, zoomSpeed: 0.6 },
      nodes: { chosen: true },
      edges: { smooth: false }
    });
    presize();
    network.on("beforeDrawing", function (ctx) {
      frameScale = network.getScale();
      const isFar = frameScale < FAR;
      if (isFar !== far) { far = isFar; setHidden([], edgeChanges()); }
      drawLanes(ctx);
      drawStrongLinks(ctx);
    });
    // vis-network scales the view with the canvas's width when the canvas resizes (the claim
    // panel opening, a window resized); keep the scale instead, so labels keep their size.
    let resized = false;
    network.on("zoom", function () { wanted = network.getScale(); });
    network.on("resize", function () { resized = true; });
    network.on("afterDrawing", function () {
      if (!resized) return;
      resized = false;
      if (wanted && Math.abs(network.getScale() - wanted) > 1e-6) {
        network.moveTo({ position: network.getViewPosition(), scale: wanted, animation: false });
      }
    });
    network.once("afterDrawing", function () {
      A.graphFirstDraw = performance.now();
      document.body.setAttribute("data-graph-drawn", "true");
    });
    network.on("click", function (params) {
      if (params.nodes.length) A.go(A.claimHref(params.nodes[0], graphParams()));
    });
    A.network = network;
    A.graph.network = network;
    A.graph.nodes = nodes;
    A.graph.edges = edges;
    apply(false);
  }
  function graphParams() {
    const p = new URLSearchParams("graph");
    if (state.focusKey) p.set("focus", state.focusKey);
    return p;
  }

  /* -- the list beside the map and the focus bar ----------------------------------------- */
  function listResults(shown) {
    const list = document.getElementById("result-list");
    const count = document.getElementById("shown-count");
    count.textContent = shown.length === data.claims.length ? "All " + shown.length + " claims"
      : shown.length + " of " + data.claims.length + " claims shown";
    list.replaceChildren();
    shown.slice(0, LIST_MAX).forEach(function (c) {
      const li = el("li");
      li.appendChild(A.claimMeta(c));
      li.appendChild(el("br"));
      li.appendChild(A.link(A.claimHref(c.id, graphParams()), null, c.text));
      list.appendChild(li);
    });
    if (shown.length > LIST_MAX) list.appendChild(el("li", "muted", "and " + (shown.length - LIST_MAX) + " more: narrow the filters to list them."));
    if (!shown.length) list.appendChild(el("li", "muted", "No claim passes these filters."));
  }
  function focusStatus(shown) {
    const bar = document.getElementById("focus-bar");
    if (!state.focus) { bar.hidden = true; return; }
    bar.hidden = false;
    const hidden = state.focus.size - shown.length;
    document.getElementById("focus-status").textContent = "Focused on " + state.focus.size +
      (state.focus.size === 1 ? " claim" : " claims") + " from the overview" +
      (hidden > 0 ? "; " + hidden + " of them hidden by the filters." : ".");
  }

  /* -- controls --------------------------------------------------------------------------- */
  function boxes(name) { return document.querySelectorAll('#controls input[name="' + name + '"]'); }
  function readControls() {
    state.authors.clear();
    boxes("author").forEach(function (b) { if (b.checked) state.authors.add(Number(b.value)); });
    state.types.clear();
    boxes("type").forEach(function (b) { if (b.checked) state.types.add(b.value); });
    state.relations.clear();
    boxes("relation").forEach(function (b) { if (b.checked) state.relations.add(b.value); });
    state.within = document.querySelector('#controls input[name="scope"]').checked;
    state.reported = document.getElementById("show-reported").checked;
    state.thesis = document.getElementById("filter-thesis").value;
    state.search = document.getElementById("search").value.trim().toLowerCase();
  }
  document.querySelectorAll("#controls input, #controls select").forEach(function (input) {
    input.addEventListener(input.type === "search" ? "input" : "change", function () {
      readControls();
      const linksOnly = input.name === "relation" || input.name === "scope";
      apply(!linksOnly);
    });
  });
  document.getElementById("reset").addEventListener("click", function () {
    document.querySelectorAll("#controls input[type=checkbox]").forEach(function (b) { b.checked = true; });
    document.getElementById("filter-thesis").value = "";
    document.getElementById("search").value = "";
    readControls();
    const hadFocus = !!state.focus || !!A.params().get("claim");
    state.focus = null;
    state.focusKey = "";
    if (network) { network.unselectAll(); selected = null; }
    apply(false);
    if (network) openingView();
    if (hadFocus) A.go("#graph");
  });
  document.getElementById("focus-clear").addEventListener("click", function () { A.go("#graph"); });
  document.getElementById("fit").addEventListener("click", function () {
    if (!network) return;
    network.fit({ animation: false });
    wanted = network.getScale();
  });
  document.getElementById("relax").addEventListener("click", function (ev) {
    if (!network) return;
    relaxed = !relaxed;
    if (relaxed) {
      nodes.update(data.claims.map(function (c) { return { id: c.id, physics: true }; }));  // vis-network syncs its physics
      network.setOptions({ physics: { enabled: true, solver: "forceAtlas2Based", stabilization: false,
                                      forceAtlas2Based: { avoidOverlap: 0.6, springLength: 160 } } });
      presize();
      ev.target.textContent = "Back to the layout";
    } else {
      network.setOptions({ physics: { enabled: false } });
      nodes.update(data.claims.map(function (c) { return { id: c.id, physics: false, x: c.box[0], y: c.box[1] }; }));
      presize();
      ev.target.textContent = "Relax";
    }
  });
  const laneNav = document.getElementById("lanes");
  laneNav.appendChild(document.createTextNode("Lanes: "));
  data.authors.forEach(function (a) {
    const link = A.link("#author=" + a.slug, "lane-link");
    link.appendChild(A.swatch(a));
    link.appendChild(document.createTextNode(a.short));
    laneNav.appendChild(link);
  });
  const legend = document.getElementById("graph-legend");
  ["contradicts", "superseded", "supports", "within"].forEach(function (key) {
    const s = data.link_styles[key];
    const item = el("span", "legend-item");
    const line = el("span", "legend-line");
    line.style.borderTopColor = s.colour;
    line.style.borderTopWidth = Math.max(2, Math.min(6, s.width)) + "px";
    line.style.borderTopStyle = s.dash ? "dotted" : "solid";
    item.appendChild(line);
    item.appendChild(document.createTextNode(s.label));
    legend.appendChild(item);
  });
  legend.appendChild(el("span", "legend-item", "dashed box: a view the author only reports \u00b7 glyph: claim type (" +
    data.types.map(function (t) { return t.glyph + " " + t.type; }).join(", ") + ")"));

  /* -- downloads: the SVG from the page, a PNG drawn from it in the browser ---------------- */
  // The picture is packed in the page (gzip, base64: map_page.packed_svg); unpacked once, on demand.
  const packed = document.getElementById("argmap-svg");
  let unpacked = null;
  function svgText() {
    if (!unpacked) {
      const binary = atob(packed.textContent.trim());
      const bytes = new Uint8Array(binary.length);
      for (let i = 0; i < binary.length; i++) bytes[i] = binary.charCodeAt(i);
      unpacked = new Response(new Blob([bytes]).stream().pipeThrough(new DecompressionStream("gzip"))).text();
    }
    return unpacked;
  }
  function svgUrl(text) { return "data:image/svg+xml;charset=utf-8," + encodeURIComponent(text); }
  function save(blob, name) {
    const url = URL.createObjectURL(blob);
    const a = el("a");
    a.href = url;
    a.download = name;
    document.body.appendChild(a);
    a.click();
    a.remove();
    setTimeout(function () { URL.revokeObjectURL(url); }, 10000);
  }
  function drawPng(text) {
    const img = new Image();
    img.onload = function () {
      // Twice the size for sharp text, within what a canvas may hold.
      const scale = Math.min(2, 16000 / img.naturalWidth, 16000 / img.naturalHeight,
                             Math.sqrt(120e6 / (img.naturalWidth * img.naturalHeight)));
      const canvas = el("canvas");
      canvas.width = Math.round(img.naturalWidth * scale);
      canvas.height = Math.round(img.naturalHeight * scale);
      const ctx = canvas.getContext("2d");
      ctx.fillStyle = "#ffffff";
      ctx.fillRect(0, 0, canvas.width, canvas.height);
      ctx.drawImage(img, 0, 0, canvas.width, canvas.height);
      canvas.toBlob(function (blob) { save(blob, "argmap.png"); }, "image/png");
    };
    img.onerror = function () { A.say("The picture could not be drawn in this browser."); };
    img.src = svgUrl(text);
  }
  if (packed) {
    document.getElementById("download-svg").addEventListener("click", function () {
      svgText().then(function (text) { save(new Blob([text], { type: "image/svg+xml" }), "argmap.svg"); });
    });
    document.getElementById("download-png").addEventListener("click", function () { svgText().then(drawPng); });
  } else {
    document.getElementById("download-svg").hidden = true;
    document.getElementById("download-png").hidden = true;
  }
  /* Printing shows the SVG picture in place of the canvas, once it is ready (made when the
     view first opens, for a picture of reasonable size; a big one when a reader prints). */
  const printed = document.getElementById("graph-print");
  function preparePrint() {
    if (!packed || printed.src) return Promise.resolve();
    return svgText().then(function (text) {
      printed.src = svgUrl(text);
      return printed.decode().then(function () { document.body.classList.add("print-picture"); });
    });
  }
  window.addEventListener("beforeprint", preparePrint);

  /* -- routing ----------------------------------------------------------------------------- */
  function select(id) {
    const c = A.claims.get(id);
    if (!c) return;
    if (hiddenNodes.has(id)) {  // a claim the filters hide: show it by clearing them, say so
      A.say("The filters hid this claim; they have been reset.");
      document.getElementById("reset").click();
    }
    network.selectNodes([id]);
    const scale = Math.max(network.getScale(), L.opening[2]);
    network.moveTo({ position: { x: c.box[0], y: c.box[1] }, scale: scale, animation: false });
    wanted = scale;
    selected = id;
  }
  function show(params) {
    const first = !network;
    if (first) {
      create();
      if (packed && packed.textContent.length < 400000) setTimeout(preparePrint, 0);
    }
    // The view was hidden (no size) until now: measure the canvas before placing the view.
    network.setSize("100%", "100%");
    network.redraw();
    const key = params.get("focus") || "";
    if (key !== state.focusKey) {
      state.focusKey = data.focus[key] ? key : "";
      if (key && !data.focus[key]) A.say("There is no claim set \u201c" + key + "\u201d in this map; showing every claim.");
      state.focus = state.focusKey ? new Set(data.focus[state.focusKey]) : null;
      apply(!params.get("claim") && !!state.focus);
      if (!state.focus && !first && !params.get("claim")) openingView();
    } else if (first) {
      apply(false);
    }
    A.setTab("graph", "#" + graphParams().toString().replace(/=(&|$)/g, "$1"));
    const slug = params.get("author");
    const claim = params.get("claim");
    if (slug) {
      const author = A.authorBySlug.get(slug.toLowerCase());
      if (author) laneView(author.index);
      else A.say("There is no author \u201c" + slug + "\u201d in this map.");
    } else if (claim && A.claims.has(claim)) {
      select(claim);
    } else if (first && !state.focus) {
      openingView();
    }
    if (!claim && selected) { network.unselectAll(); selected = null; }
  }
  A.graph = { show: show, state: state, apply: apply, visibleClaims: visibleClaims,
              hidden: function () { return hiddenNodes; }, laneView: function (i) { laneView(i); },
              openingView: function () { openingView(); }, svgText: svgText, preparePrint: preparePrint };
  A.views.graph = A.graph;
})();
