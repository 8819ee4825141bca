/* argmap interactive map. Corpus text is data: it is only ever set with textContent or passed
   to vis-network as plain-text titles, never parsed as HTML. */
(function () {
  "use strict";
  var page = JSON.parse(document.getElementById("argmap-data").textContent);
  var byId = {};
  page.nodes.forEach(function (n) { byId[n.id] = n; });
  var sources = {};
  page.sources.forEach(function (s) { sources[s.id] = s; });
  var theses = {};
  page.theses.forEach(function (t) { theses[t.id] = t; });

  var nodes = new vis.DataSet(page.nodes);
  var edges = new vis.DataSet(page.edges);
  var state = {
    authors: new Set(page.authors.map(function (a) { return a.name; })),
    types: new Set(page.types.map(function (t) { return t.type; })),
    relations: new Set(["supports", "contradicts", "superseded"]),
    within: true,
    thesis: "",
    reported: true,
    search: "",
    focus: null
  };

  function matchesSearch(n) {
    if (!state.search) return true;
    var hay = (n.id + " " + n.text + " " + n.quote + " " + n.author).toLowerCase();
    return state.search.split(/\s+/).every(function (w) { return hay.indexOf(w) >= 0; });
  }
  function nodeVisible(n) {
    if (state.focus) return state.focus.has(n.id);
    return state.authors.has(n.author) && state.types.has(n.ctype) &&
      (state.reported || n.voice !== "reports") &&
      (!state.thesis || Object.prototype.hasOwnProperty.call(n.theses, state.thesis)) &&
      matchesSearch(n);
  }
  function edgeVisible(e) {
    return state.relations.has(e.relation) && (state.within || e.scope !== "author");
  }
  var nodesView = new vis.DataView(nodes, { filter: nodeVisible });
  var edgesView = new vis.DataView(edges, { filter: edgeVisible });

  var container = document.getElementById("network");
  var network = new vis.Network(container, { nodes: nodesView, edges: edgesView }, page.options);
  var settled = false;
  function settle() {
    if (settled) return;
    settled = true;
    network.setOptions({ physics: { enabled: false } });
    document.body.setAttribute("data-settled", "true");
  }
  network.once("stabilizationIterationsDone", settle);
  network.once("stabilized", settle);

  function countShown() {
    var shown = nodesView.length;
    document.getElementById("shown-count").textContent =
      shown === page.nodes.length ? "All " + shown + " claims shown" : shown + " of " + page.nodes.length + " claims shown";
  }
  function refresh() {
    nodesView.refresh();
    edgesView.refresh();
    countShown();
  }

  function checkboxes(name, set) {
    document.querySelectorAll('input[name="' + name + '"]').forEach(function (box) {
      box.addEventListener("change", function () {
        if (box.checked) set.add(box.value); else set.delete(box.value);
        refresh();
      });
    });
  }
  checkboxes("author", state.authors);
  checkboxes("type", state.types);
  checkboxes("relation", state.relations);
  document.querySelector('input[name="scope"]').addEventListener("change", function (ev) {
    state.within = ev.target.checked; refresh();
  });
  document.getElementById("show-reported").addEventListener("change", function (ev) {
    state.reported = ev.target.checked; refresh();
  });
  var thesisSelect = document.getElementById("filter-thesis");
  thesisSelect.addEventListener("change", function () {
    state.thesis = thesisSelect.value;
    document.getElementById("thesis-text").textContent = state.thesis ? theses[state.thesis].text : "";
    refresh();
  });
  var search = document.getElementById("search");
  search.addEventListener("input", function () {
    state.search = search.value.trim().toLowerCase(); refresh();
  });
  document.getElementById("reset").addEventListener("click", function () {
    document.querySelectorAll("#controls input[type=checkbox]").forEach(function (b) { b.checked = true; });
    page.authors.forEach(function (a) { state.authors.add(a.name); });
    page.types.forEach(function (t) { state.types.add(t.type); });
    state.relations = new Set(["supports", "contradicts", "superseded"]);
    document.querySelectorAll('input[name="relation"]').forEach(function (b) {
      b.onchange = null;
    });
    state.within = true; state.reported = true; state.thesis = ""; state.search = ""; state.focus = null;
    thesisSelect.value = ""; search.value = "";
    document.getElementById("thesis-text").textContent = "";
    clearHighlight();
    refresh();
    network.fit();
  });

  /* Highlight: the clicked claim and its neighbours keep their colours, the rest fade. */
  var faded = "rgba(200,204,212,0.35)";
  var highlighted = false;
  function highlight(id) {
    var keep = new Set(network.getConnectedNodes(id));
    keep.add(id);
    nodes.update(page.nodes.map(function (n) {
      return keep.has(n.id) ? { id: n.id, color: n.color, font: { color: "#1d2330" } }
                            : { id: n.id, color: { background: faded, border: faded }, font: { color: "rgba(29,35,48,0.3)" } };
    }));
    var incident = new Set(network.getConnectedEdges(id));
    edges.update(page.edges.map(function (e) {
      return { id: e.id, color: incident.has(e.id) ? e.color : { color: faded } , width: incident.has(e.id) ? 2.5 : 1 };
    }));
    highlighted = true;
  }
  function clearHighlight() {
    if (!highlighted) return;
    nodes.update(page.nodes.map(function (n) { return { id: n.id, color: n.color, font: { color: "#1d2330" } }; }));
    edges.update(page.edges.map(function (e) { return { id: e.id, color: e.color, width: e.width }; }));
    highlighted = false;
  }

  function el(tag, className, text) {
    var node = document.createElement(tag);
    if (className) node.className = className;
    if (text !== undefined && text !== null) node.textContent = text;
    return node;
  }
  function claimButton(id) {
    var b = el("button", "link", id);
    b.type = "button";
    b.addEventListener("click", function () { select(id); });
    return b;
  }
  function showDetails(id) {
    var n = byId[id];
    var panel = document.getElementById("details");
    panel.replaceChildren();
    panel.appendChild(el("h2", null, n.id));
    if (n.voice === "reports") {
      var rep = el("p");
      rep.appendChild(el("span", "badge reported", "reported"));
      rep.appendChild(document.createTextNode(" " + n.author + " reports this view of " + n.speaker + "; it is not the author's own stance."));
      panel.appendChild(rep);
    }
    panel.appendChild(el("p", null, n.text));
    panel.appendChild(el("blockquote", null, "\u201c" + n.quote + "\u201d"));
    var dl = el("dl");
    function row(k, v) { dl.appendChild(el("dt", null, k)); dl.appendChild(el("dd", null, v)); }
    var source = sources[n.source];
    row("Author", n.author);
    row("Source", source.citation + (source.date_note ? " (" + source.date_note + ")" : ""));
    row("Type", n.ctype);
    row("Voice", n.voice === "reports" ? "reports " + n.speaker : "asserts");
    panel.appendChild(dl);
    var stances = Object.keys(n.theses).sort();
    if (stances.length) {
      panel.appendChild(el("h2", null, "Theses"));
      var ul = el("ul");
      stances.forEach(function (t) {
        var li = el("li");
        li.appendChild(el("span", "badge " + n.theses[t], n.theses[t]));
        li.appendChild(document.createTextNode(" " + (theses[t] ? theses[t].text : t)));
        ul.appendChild(li);
      });
      panel.appendChild(ul);
    }
    var links = page.edges.filter(function (e) { return e.from === id || e.to === id; });
    panel.appendChild(el("h2", null, "Links (" + links.length + ")"));
    var list = el("ul");
    links.forEach(function (e) {
      var other = e.from === id ? e.to : e.from;
      var li = el("li");
      var verb = e.relation === "supports" ? (e.from === id ? "supports " : "supported by ") :
        e.relation === "superseded" ? "overtaken by events with " : "contradicts ";
      li.appendChild(el("span", "badge " + e.relation, e.relation));
      li.appendChild(document.createTextNode(" " + verb));
      li.appendChild(claimButton(other));
      li.appendChild(el("div", "muted", byId[other].author + ": " + byId[other].text));
      if (e.rationale) li.appendChild(el("div", null, "Why: " + e.rationale));
      if (e.timing) li.appendChild(el("div", "muted", "Timing: the two texts fall either side of " + e.timing_label + "."));
      list.appendChild(li);
    });
    panel.appendChild(list);
  }
  function select(id) {
    if (!nodesView.get(id)) { state.focus = null; resetQuietly(); }
    network.selectNodes([id]);
    network.focus(id, { scale: 1.1, animation: false });
    highlight(id);
    showDetails(id);
  }
  function resetQuietly() {
    document.getElementById("reset").click();
  }
  network.on("click", function (params) {
    if (params.nodes.length) { highlight(params.nodes[0]); showDetails(params.nodes[0]); }
    else { clearHighlight(); }
  });

  /* Other panels (stance matrix, heatmap, timeline) focus the map on a set of claims. */
  function focusClaims(ids) {
    state.focus = ids && ids.length ? new Set(ids) : null;
    clearHighlight();
    refresh();
    if (state.focus) network.fit({ nodes: ids.filter(function (i) { return nodesView.get(i); }) });
    document.getElementById("map").scrollIntoView({ block: "nearest" });
  }

  countShown();
  window.argmap = { network: network, nodes: nodes, edges: edges, nodesView: nodesView, edgesView: edgesView,
                    page: page, state: state, refresh: refresh, select: select, focusClaims: focusClaims };
})();
