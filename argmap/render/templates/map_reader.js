/* The source reader: each source's text, every quoted span highlighted and a link to its claim
   (as OVA shows spans). The text comes cut into paragraphs and segments (source_text.py), each
   segment with the claims whose quote covers it, so the spans sit exactly at the recorded
   offsets without converting Python string indices to JavaScript's. #source=ID&claim=ID scrolls
   to the claim's span and marks it. Text is only ever set with textContent. */
(function () {
  "use strict";
  const A = window.argmap;
  const el = A.el;
  const root = document.getElementById("view-source");
  let shownSource = null;
  let marksOf = new Map();  // claim id -> its <mark> elements, in text order
  let chooser = null;

  function sourceList(current) {
    const nav = el("nav", "source-list");
    nav.setAttribute("aria-label", "Sources in time order");
    const list = el("ol");
    A.data.sources.forEach(function (s) {
      const li = el("li");
      const a = A.link("#source=" + s.id, null);
      a.appendChild(A.swatch(A.data.authors[s.author]));
      a.appendChild(el("strong", null, A.data.authors[s.author].short));
      a.appendChild(el("span", "when", " " + s.date));
      a.appendChild(el("span", "title", s.title));
      if (s === current) a.setAttribute("aria-current", "page");
      li.appendChild(a);
      list.appendChild(li);
    });
    nav.appendChild(list);
    return nav;
  }

  function openClaims(ids, mark) {
    if (ids.length === 1) { A.go("#source=" + shownSource.id + "&claim=" + ids[0]); return; }
    closeChooser();
    chooser = el("div", "chooser");
    chooser.setAttribute("role", "dialog");
    chooser.setAttribute("aria-label", "Claims that quote this passage");
    chooser.appendChild(el("p", null, ids.length + " claims quote this passage:"));
    const list = el("ul");
    ids.forEach(function (id) {
      const li = el("li");
      li.appendChild(A.claimMeta(A.claims.get(id)));
      li.appendChild(el("br"));
      li.appendChild(A.link("#source=" + shownSource.id + "&claim=" + id, null, A.claims.get(id).text));
      list.appendChild(li);
    });
    chooser.appendChild(list);
    mark.after(chooser);
    chooser.querySelector("a").focus();
  }
  function closeChooser() { if (chooser) { chooser.remove(); chooser = null; } }

  function build(source) {
    root.replaceChildren();
    closeChooser();
    marksOf = new Map();
    const layout = el("div", "reader");
    layout.appendChild(sourceList(source));
    const main = el("article", "source");
    const author = A.data.authors[source.author];
    const head = el("header", "source-head");
    const h2 = el("h2", null, source.title);
    h2.id = "source-heading";
    h2.tabIndex = -1;
    head.appendChild(h2);
    const by = el("p", "byline");
    by.appendChild(A.swatch(author));
    by.appendChild(document.createTextNode(author.name + " \u00b7 " + source.publication + " \u00b7 " + source.date));
    head.appendChild(by);
    [["date_note", "Date: "], ["byline", "Byline as printed: "], ["provenance", "Provenance: "], ["url", "Address: "], ["note", "Note: "]]
      .forEach(function (f) { if (source[f[0]]) head.appendChild(el("p", "source-fact", f[1] + source[f[0]])); });
    const count = A.data.claims.filter(function (c) { return c.source === source.index; }).length;
    head.appendChild(el("p", "source-fact", count + (count === 1 ? " claim quotes" : " claims quote") +
      " this text. Highlighted passages are quoted; select one to open its claim."));
    main.appendChild(head);
    const text = el("div", "source-text");
    if (!source.paragraphs) {
      text.appendChild(el("p", "empty", "The text of this source is not in this page (it was made from a graph without its sources)."));
    }
    (source.paragraphs || []).forEach(function (para) {
      para.forEach(function (seg) {
        const ids = seg[1];
        if (!ids.length) { text.appendChild(document.createTextNode(seg[0])); return; }
        const mark = el("mark", ids.length > 1 ? "quote overlap" : "quote", seg[0]);
        mark.tabIndex = 0;
        mark.setAttribute("role", "link");
        const first = A.claims.get(ids[0]);
        mark.title = ids.length > 1 ? ids.length + " claims quote this passage" : first.text;
        if (ids.some(function (id) { return A.reported(A.claims.get(id)); })) mark.classList.add("reported");
        mark.addEventListener("click", function () { openClaims(ids, mark); });
        mark.addEventListener("keydown", function (ev) {
          if (ev.key === "Enter" || ev.key === " ") { ev.preventDefault(); openClaims(ids, mark); }
        });
        ids.forEach(function (id) {
          if (!marksOf.has(id)) marksOf.set(id, []);
          marksOf.get(id).push(mark);
        });
        text.appendChild(mark);
      });
    });
    main.appendChild(text);
    layout.appendChild(main);
    root.appendChild(layout);
  }

  function show(params) {
    let source = A.sources.get(params.get("source"));
    if (!source) {
      A.say("There is no source \u201c" + params.get("source") + "\u201d in this map; showing the first.");
      source = A.data.sources[0];
    }
    A.setTab("source", "#source=" + source.id);
    if (source !== shownSource) {
      build(source);
      shownSource = source;
      if (!params.has("claim")) document.getElementById("source-heading").focus({ preventScroll: true });
    }
    closeChooser();
    root.querySelectorAll("mark.current").forEach(function (m) { m.classList.remove("current"); });
    const claim = params.get("claim");
    const marks = claim ? marksOf.get(claim) : null;
    if (marks) {
      marks.forEach(function (m) { m.classList.add("current"); });
      // After the claim panel has opened and the text has reflowed beside it.
      requestAnimationFrame(function () { marks[0].scrollIntoView({ block: "center" }); });
    }
  }
  document.addEventListener("keydown", function (ev) { if (ev.key === "Escape") closeChooser(); });
  A.views.source = { show: show, marks: function (id) { return marksOf.get(id) || []; } };
})();
