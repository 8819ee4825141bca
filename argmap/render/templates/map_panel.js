/* The claim panel: the paraphrase, who says it and how, the quote inside its paragraph of the
   source, the citation, the theses it takes a side on, and its links grouped by what they mean,
   each with the other claim, its author, the rationale and the turning point. Long groups fold.
   It opens over any view when the hash has &claim=ID. Text is only ever set with textContent. */
(function () {
  "use strict";
  const A = window.argmap;
  const el = A.el;
  const panel = document.getElementById("claim-panel");
  const FOLD = 4;       // a group longer than this shows its first FOLD - 1 links and folds the rest
  const CONTEXT = 320;  // characters of a long paragraph kept on each side of the quote
  let shown = null;
  let opener = null;

  const GROUPS = [
    { key: "clashes", title: "Clashes with", test: function (l) { return l.relation === "contradicts"; } },
    { key: "agrees", title: "Agrees with", test: function (l) { return l.relation === "supports" && l.scope === "between"; } },
    { key: "reasons", title: "Reasons for it", test: function (l, id) { return l.relation === "supports" && l.scope !== "between" && l.to === id; } },
    { key: "supports", title: "It supports", test: function (l, id) { return l.relation === "supports" && l.scope !== "between" && l.from === id; } },
    { key: "changed", title: "Changed with events", test: function (l) { return l.relation === "superseded"; } }
  ];

  /* The paragraph(s) of the source that hold the quote, the quote marked; long ones trimmed. */
  function paragraphIndex(source) {
    if (source.claimParagraphs) return source.claimParagraphs;
    const index = new Map();
    (source.paragraphs || []).forEach(function (para, p) {
      para.forEach(function (seg) {
        seg[1].forEach(function (id) {
          if (!index.has(id)) index.set(id, []);
          const list = index.get(id);
          if (list[list.length - 1] !== p) list.push(p);
        });
      });
    });
    source.claimParagraphs = index;
    return index;
  }
  function trimmed(pieces) {
    // pieces: [text, marked] in order; keep CONTEXT characters around the marked run.
    const first = pieces.findIndex(function (p) { return p[1]; });
    let last = -1;
    pieces.forEach(function (p, i) { if (p[1]) last = i; });
    if (first < 0) return pieces;
    const before = pieces.slice(0, first).map(function (p) { return p[0]; }).join("");
    const after = pieces.slice(last + 1).map(function (p) { return p[0]; }).join("");
    const out = [];
    if (before.length > CONTEXT) {
      let cut = before.slice(before.length - CONTEXT);
      cut = cut.slice(cut.indexOf(" ") + 1);
      out.push(["\u2026 " + cut, false]);
    } else if (before) out.push([before, false]);
    pieces.slice(first, last + 1).forEach(function (p) { out.push(p); });
    if (after.length > CONTEXT) {
      let cut = after.slice(0, CONTEXT);
      cut = cut.slice(0, cut.lastIndexOf(" "));
      out.push([cut + " \u2026", false]);
    } else if (after) out.push([after, false]);
    return out;
  }
  function quoteInContext(claim) {
    const source = A.sourceOf(claim);
    const box = el("blockquote", "in-context");
    const paras = source.paragraphs ? paragraphIndex(source).get(claim.id) : null;
    if (!paras || !paras.length) {
      box.textContent = "\u201c" + claim.quote + "\u201d";
      return box;
    }
    paras.forEach(function (p) {
      const pieces = source.paragraphs[p].map(function (seg) { return [seg[0], seg[1].indexOf(claim.id) >= 0]; });
      const para = el("p");
      trimmed(pieces).forEach(function (piece, i, all) {
        let text = piece[0];
        if (i === all.length - 1) text = text.replace(/\s+$/, "");
        if (piece[1]) para.appendChild(el("mark", null, text));
        else para.appendChild(document.createTextNode(text));
      });
      box.appendChild(para);
    });
    return box;
  }

  function linkItem(l, id) {
    const otherId = l.from === id ? l.to : l.from;
    const other = A.claims.get(otherId);
    const li = el("li", "link-item " + l.relation);
    li.appendChild(A.claimMeta(other));
    const text = A.link(A.claimHref(otherId), "other", other.text);
    li.appendChild(el("p", "other-text")).appendChild(text);
    if (l.rationale) li.appendChild(el("p", "why", l.rationale));
    if (l.kind === "events" && l.relation === "contradicts") li.appendChild(el("p", "kind", "\u21bb changed with events: dated to a turning point, not a clash of reading"));
    if (l.kind === "reported") li.appendChild(el("p", "kind", "with a view an author only reports: not counted as that author\u2019s clash"));
    if (l.relation === "superseded") {
      li.appendChild(el("p", "timing", (l.from === id ? "Overtaken, in the later account, by events: " : "Reports that events overtook it: ") + A.eventLabel(l.timing)));
    } else if (l.timing) {
      li.appendChild(el("p", "timing", "Turning point between the two texts: " + A.eventLabel(l.timing)));
    }
    return li;
  }
  function group(g, links, id) {
    const section = el("section", "link-group " + g.key);
    section.appendChild(el("h3", null, g.title + " (" + links.length + ")"));
    const list = el("ul", "links");
    const visible = links.length > FOLD ? FOLD - 1 : links.length;
    links.slice(0, visible).forEach(function (l) { list.appendChild(linkItem(l, id)); });
    section.appendChild(list);
    if (links.length > visible) {
      const more = el("details", "more");
      more.appendChild(el("summary", null, "Show " + (links.length - visible) + " more"));
      const rest = el("ul", "links");
      links.slice(visible).forEach(function (l) { rest.appendChild(linkItem(l, id)); });
      more.appendChild(rest);
      section.appendChild(more);
    }
    return section;
  }

  function render(id) {
    const claim = A.claims.get(id);
    panel.replaceChildren();
    const head = el("div", "panel-head");
    const close = el("button", "close", "\u00d7");
    close.type = "button";
    close.setAttribute("aria-label", "Close the claim panel");
    close.addEventListener("click", closePanel);
    head.appendChild(close);
    panel.appendChild(head);
    if (!claim) {
      head.appendChild(el("h2", null, "No claim \u201c" + id + "\u201d in this map"));
      return;
    }
    head.appendChild(A.claimMeta(claim, "meta panel-meta"));
    const title = el("h2", "paraphrase", claim.text);
    title.id = "panel-title";
    title.tabIndex = -1;
    panel.appendChild(title);
    const author = A.authorOf(claim);
    if (A.reported(claim)) {
      panel.appendChild(el("p", "voice reported-strip", author.name + " reports this view of " + claim.speaker +
        "; it is not " + author.short + "\u2019s own and never counts as their stance."));
    } else {
      panel.appendChild(el("p", "voice", author.name + " asserts this (" + claim.type + ": " + A.types.get(claim.type).meaning + ")."));
    }
    panel.appendChild(quoteInContext(claim));
    const source = A.sourceOf(claim);
    panel.appendChild(el("p", "citation", "\u2014 " + source.citation + (source.date_note ? " (" + source.date_note + ")" : "")));
    const actions = el("p", "actions");
    if (source.paragraphs) actions.appendChild(A.link("#source=" + source.id + "&claim=" + claim.id, "button", "Show in source"));
    actions.appendChild(A.link("#graph&claim=" + claim.id, "button", "Show on the graph"));
    panel.appendChild(actions);
    const stances = Object.keys(claim.theses || {});
    if (stances.length) {
      const list = el("ul", "theses");
      stances.forEach(function (t) {
        const li = el("li");
        li.appendChild(el("span", "badge " + claim.theses[t], claim.theses[t]));
        li.appendChild(document.createTextNode(" "));
        const thesis = A.theses.get(t);
        li.appendChild(A.link("#thesis=" + t + "&claim=" + claim.id, null, thesis ? thesis.text : t));
        list.appendChild(li);
      });
      panel.appendChild(list);
    }
    const links = A.linksOf.get(id);
    GROUPS.forEach(function (g) {
      const mine = links.filter(function (l) { return g.test(l, id); });
      if (mine.length) panel.appendChild(group(g, mine, id));
    });
    if (!links.length) panel.appendChild(el("p", "muted", "No links to other claims."));
    if (claim.note) panel.appendChild(el("p", "note", "Curator\u2019s note: " + claim.note));
    panel.appendChild(el("p", "claim-id", claim.id));
  }

  function closePanel() { A.go("#" + A.base()); }
  function sync(id) {
    if (!id) {
      if (shown !== null) {
        panel.hidden = true;
        shown = null;
        document.body.removeAttribute("data-panel");
        if (opener && document.contains(opener)) opener.focus();
      }
      return;
    }
    if (shown === null) opener = document.activeElement;
    if (id !== shown) render(id);
    shown = id;
    panel.hidden = false;
    panel.scrollTop = 0;
    document.body.setAttribute("data-panel", "open");
    const title = document.getElementById("panel-title");
    if (title) title.focus({ preventScroll: true });
  }
  document.addEventListener("keydown", function (ev) {
    if (ev.key === "Escape" && shown !== null) closePanel();
  });
  A.panel = { sync: sync, shown: function () { return shown; } };
})();
