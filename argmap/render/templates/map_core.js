/* argmap map page, core: the page's data and its indexes, the helpers every view uses, and the
   router from the URL hash to a view. Corpus text is data: it is only ever set with textContent
   (el() below), never parsed as HTML. Each view registers itself as argmap.views[name] =
   {show(params), hide()}; the claim panel as argmap.panel = {sync(id)}.

   Hashes: #overview, #thesis=ID (&author=SLUG: the claims behind one stance cell), #graph
   (&focus=KEY: a claim set from the overview), #author=SLUG (the graph at that author's lane),
   #source=ID; any of them &claim=ID opens the claim panel over the view; #claim=ID alone opens
   the graph on that claim. */
(function () {
  "use strict";
  const data = JSON.parse(document.getElementById("argmap-data").textContent);

  const claims = new Map();
  const linksOf = new Map();
  data.claims.forEach(function (c, i) { c.index = i; claims.set(c.id, c); linksOf.set(c.id, []); });
  // Links come as [from, to, relation, scope, rationale, timing, kind], claims by index (map_data.py).
  data.links = data.links.map(function (row, i) {
    const l = { index: i, from: data.claims[row[0]].id, to: data.claims[row[1]].id, relation: row[2], scope: row[3],
                rationale: row[4] || "", timing: row[5] || "", kind: row[6] || "" };
    linksOf.get(l.from).push(l);
    linksOf.get(l.to).push(l);
    return l;
  });
  const theses = new Map(data.theses.map(function (t) { return [t.id, t]; }));
  const events = new Map(data.events.map(function (e) { return [e.id, e]; }));
  const sources = new Map();
  data.sources.forEach(function (s, i) { s.index = i; sources.set(s.id, s); });
  const authorBySlug = new Map();
  data.authors.forEach(function (a, i) { a.index = i; authorBySlug.set(a.slug, a); });
  data.authors.forEach(function (a) {  // a surname works too, where it names one author
    const key = a.short.toLowerCase();
    if (!authorBySlug.has(key)) authorBySlug.set(key, a);
  });
  const types = new Map(data.types.map(function (t) { return [t.type, t]; }));

  function el(tag, className, text) {
    const node = document.createElement(tag);
    if (className) node.className = className;
    if (text !== undefined && text !== null) node.textContent = text;
    return node;
  }
  function link(href, className, text) {
    const a = el("a", className, text);
    a.href = href;
    return a;
  }
  function authorOf(claim) { return data.authors[claim.author]; }
  function sourceOf(claim) { return data.sources[claim.source]; }
  function reported(claim) { return claim.speaker !== undefined; }
  function swatch(author) {
    const s = el("span", "swatch");
    s.style.background = author.colour;
    s.setAttribute("aria-hidden", "true");
    return s;
  }
  function typeTag(claim) {
    const t = types.get(claim.type);
    const span = el("span", "type", (t ? t.glyph + " " : "") + claim.type);
    if (t) span.title = t.meaning;
    return span;
  }
  /* Author, date, type and voice of a claim, as a reader scans them. */
  function claimMeta(claim, className) {
    const author = authorOf(claim);
    const line = el("span", className || "meta");
    line.appendChild(swatch(author));
    line.appendChild(el("span", "who", author.short));
    line.appendChild(document.createTextNode(" "));
    line.appendChild(el("span", "when", sourceOf(claim).date));
    line.appendChild(document.createTextNode(" "));
    line.appendChild(typeTag(claim));
    if (reported(claim)) {
      line.appendChild(document.createTextNode(" "));
      line.appendChild(el("span", "badge reported", "reported"));
      line.appendChild(el("span", "speaker", " view of " + claim.speaker));
    }
    if (claim.draft) {
      line.appendChild(document.createTextNode(" "));
      line.appendChild(el("span", "badge draft", "draft"));
    }
    return line;
  }
  function eventLabel(id) {
    const e = events.get(id);
    return e ? e.label + " (" + e.date + ")" : id;
  }

  /* -- the router ------------------------------------------------------------------------ */
  const views = {};
  const containers = {
    overview: document.getElementById("view-overview"),
    thesis: document.getElementById("view-thesis"),
    graph: document.getElementById("view-graph"),
    source: document.getElementById("view-source")
  };
  const tabs = {};
  document.querySelectorAll("#tabs a[data-tab]").forEach(function (a) { tabs[a.getAttribute("data-tab")] = a; });
  const notice = document.getElementById("notice");
  let current = null;
  let currentParams = new URLSearchParams();

  function viewOf(params) {
    if (params.has("overview")) return "overview";
    if (params.has("thesis")) return "thesis";
    if (params.has("source")) return "source";
    if (params.has("graph") || params.has("author") || params.has("claim")) return "graph";
    return "overview";
  }
  /* The current hash without the claim panel, to which "&claim=ID" is added. */
  function base(params) {
    const p = new URLSearchParams(params || currentParams);
    p.delete("claim");
    let text = p.toString().replace(/=(&|$)/g, "$1");  // "graph=" -> "graph"
    if (!text) text = current === "graph" ? "graph" : "overview";
    return text;
  }
  function claimHref(id, params) { return "#" + base(params) + "&claim=" + encodeURIComponent(id); }
  function go(hash) {
    if (location.hash === hash) route(); else location.hash = hash;
  }
  function say(text) {
    notice.textContent = text;
    notice.hidden = !text;
  }
  function route() {
    const params = new URLSearchParams(location.hash.slice(1));
    const view = viewOf(params);
    const changed = view !== current;
    say("");
    if (changed && current && views[current] && views[current].hide) views[current].hide();
    Object.keys(containers).forEach(function (name) { containers[name].hidden = name !== view; });
    Object.keys(tabs).forEach(function (name) {
      if (name === view) tabs[name].setAttribute("aria-current", "page"); else tabs[name].removeAttribute("aria-current");
    });
    const previous = currentParams;
    current = view;
    currentParams = params;
    if (views[view]) views[view].show(params, previous);
    if (changed && !params.has("claim")) window.scrollTo(0, 0);
    if (argmap.panel) argmap.panel.sync(params.get("claim"));
    document.body.setAttribute("data-view", view);
    document.body.setAttribute("data-routed", location.hash);
  }
  function setTab(name, hash) { if (tabs[name]) tabs[name].href = hash; }

  /* The sticky header's height, for the claim panel under it and for scrolling targets clear of it. */
  const header = document.getElementById("top");
  function measureHeader() { document.documentElement.style.setProperty("--header", header.offsetHeight + "px"); }
  window.addEventListener("resize", measureHeader);
  measureHeader();

  window.addEventListener("hashchange", route);
  document.addEventListener("DOMContentLoaded", function () {
    route();
    document.body.setAttribute("data-settled", "true");
  });

  const argmap = window.argmap = {
    data: data, claims: claims, linksOf: linksOf, theses: theses, events: events, sources: sources,
    authorBySlug: authorBySlug, types: types, views: views,
    el: el, link: link, swatch: swatch, typeTag: typeTag, claimMeta: claimMeta, authorOf: authorOf,
    sourceOf: sourceOf, reported: reported, eventLabel: eventLabel,
    claimHref: claimHref, base: base, go: go, say: say, setTab: setTab, route: route,
    current: function () { return current; }, params: function () { return currentParams; }
  };
})();
