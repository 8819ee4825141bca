/* The thesis view, a debate board: the thesis on top, the claims for it and against it in two
   columns of readable cards, a row per text in time order with the turning points between them,
   the links between authors drawn as connectors across the columns (clashes the most visible),
   and the views an author only reports in a strip apart. With &author=SLUG it shows exactly the
   claims behind that author's stance cell. Data: page.boards (map_boards.py). */
(function () {
  "use strict";
  const A = window.argmap;
  const el = A.el;
  const root = document.getElementById("view-thesis");
  const SVG = "http://www.w3.org/2000/svg";
  const KINDS = [  // drawn in this order, so clashes end up on top
    { key: "agreements", cls: "agree", mark: "\u2713", verb: "agrees with" },
    { key: "reported_links", cls: "reported", mark: "\u2026", verb: "clashes with a reported view of" },
    { key: "changed", cls: "changed", mark: "\u21bb", verb: "changed with events, against" },
    { key: "clashes", cls: "clash", mark: "\u2715", verb: "clashes with" }
  ];
  let shownKey = null;
  let board = null;      // the .board element
  let thesisId = null;
  let linksShown = [];   // [kind, a, b] drawn on the board

  function hrefFor(claim) {
    return A.claimHref(claim);
  }
  function columnOf(data, id) {
    if (data.pro.indexOf(id) >= 0) return "pro";
    if (data.con.indexOf(id) >= 0) return "con";
    if (data.both.indexOf(id) >= 0) return "both";
    return "reported";
  }

  /* The claims of one column grouped by text, in time order, with the turning points that fall
     between two of its groups (page.time_order merges texts and turning points by date). */
  function timeGroups(ids) {
    const bySource = new Map();
    ids.forEach(function (c) {
      const s = A.claims.get(c).source;
      if (!bySource.has(s)) bySource.set(s, []);
      bySource.get(s).push(c);
    });
    const groups = [];
    let pending = [];
    A.data.time_order.forEach(function (entry) {
      if (entry[0] === "event") { if (groups.length) pending.push(entry[1]); return; }
      const list = bySource.get(entry[1]);
      if (!list) return;
      pending.forEach(function (e) { groups.push({ event: e }); });
      pending = [];
      groups.push({ source: entry[1], claims: reasonsUnder(list) });
    });
    return groups;
  }

  /* Each reason right under the first claim it is a reason for, when that claim is in the list. */
  function reasonsUnder(list) {
    const data = A.data.boards[thesisId];
    const inList = new Set(list);
    const under = new Map();
    const placed = new Set();
    list.forEach(function (c) {
      const ends = (data.reason_for[c] || []).filter(function (e) { return inList.has(e); });
      if (!ends.length) return;
      if (!under.has(ends[0])) under.set(ends[0], []);
      under.get(ends[0]).push(c);
      placed.add(c);
    });
    const out = [];
    list.forEach(function (c) {
      if (placed.has(c)) return;
      out.push(c);
      (under.get(c) || []).forEach(function (r) { out.push(r); });
    });
    return out;
  }
  function cut(text, limit) {
    if (text.length <= limit) return text;
    const part = text.slice(0, limit);
    return part.slice(0, Math.max(part.lastIndexOf(" "), limit / 2)) + "\u2026";
  }

  function card(id, data, shownIds) {
    const claim = A.claims.get(id);
    const a = A.link(hrefFor(id), "card");
    a.setAttribute("data-claim", id);
    a.style.borderLeftColor = A.authorOf(claim).colour;
    if (A.reported(claim)) a.classList.add("reported");
    if (claim.draft) a.classList.add("draft");
    a.appendChild(A.claimMeta(claim));
    const side = claim.theses && claim.theses[thesisId];
    if (A.reported(claim) && side) {
      a.appendChild(el("span", "badge " + side, side));
    }
    a.appendChild(el("p", "text", claim.text));
    const ends = data.reason_for[id];
    if (ends) {
      a.classList.add("reason");
      const names = ends.filter(function (c) { return shownIds.has(c); })
        .map(function (c) { return "\u201c" + cut(A.claims.get(c).text, 64) + "\u201d"; });
      a.appendChild(el("p", "reason-for", "\u21b3 A reason for " + (names.length ? names.join(" and ") : ends.length + " of " + A.authorOf(claim).short + "\u2019s claims on it")));
    }
    const badges = el("p", "badges");
    KINDS.slice().reverse().forEach(function (kind) {
      data[kind.key].forEach(function (pair) {
        const i = pair.indexOf(id);
        if (i < 0 || !shownIds.has(pair[1 - i])) return;
        const other = A.claims.get(pair[1 - i]);
        const who = A.authorOf(other).short + (A.reported(other) ? " (reported)" : "");
        badges.appendChild(el("span", "link-badge " + kind.cls, kind.mark + " " + kind.verb + " " + who));
      });
    });
    const reasons = A.linksOf.get(id).filter(function (l) { return l.relation === "supports" && l.scope !== "between" && l.to === id; });
    if (reasons.length) badges.appendChild(el("span", "link-badge reasons", reasons.length + (reasons.length === 1 ? " reason" : " reasons")));
    if (badges.childNodes.length) a.appendChild(badges);
    a.addEventListener("mouseenter", function () { light(id); });
    a.addEventListener("mouseleave", function () { light(null); });
    a.addEventListener("focus", function () { light(id); });
    a.addEventListener("blur", function () { light(null); });
    return a;
  }

  function chips(data, author) {
    const bar = el("nav", "cells");
    bar.setAttribute("aria-label", "Where each author stands; open the claims behind a cell");
    const all = A.link("#thesis=" + thesisId, "chip all", "All authors");
    if (!author) all.setAttribute("aria-current", "true");
    bar.appendChild(all);
    A.data.authors.forEach(function (a, i) {
      const cell = data.cells[i];
      const chip = A.link("#thesis=" + thesisId + "&author=" + a.slug, "chip cell " + cell.stance);
      chip.appendChild(A.swatch(a));
      chip.appendChild(document.createTextNode(a.short + ": " + (cell.stance === "silent" ? "silent" : cell.summary)));
      if (cell.reported.length) chip.appendChild(el("span", "rep", "\u2002+" + cell.reported.length + " reported"));
      if (author === a) chip.setAttribute("aria-current", "true");
      bar.appendChild(chip);
    });
    return bar;
  }

  function counts(data, author) {
    const p = el("p", "board-counts");
    if (author) return p;
    const plural = function (n, one, many) { return n + " " + (n === 1 ? one : many); };
    const parts = [
      ["n-clash", data.clashes.length, "\u2715 " + plural(data.clashes.length, "clash", "clashes") + " of reading"],
      ["n-changed", data.changed.length, "\u21bb " + data.changed.length + " changed with events"],
      ["n-agree", data.agreements.length, "\u2713 " + plural(data.agreements.length, "agreement", "agreements")],
      ["n-reported", data.reported_links.length, data.reported_links.length + " with a reported view"]
    ];
    parts.forEach(function (part, i) {
      if (i) p.appendChild(document.createTextNode(" \u00b7 "));
      p.appendChild(el("span", part[0] + (part[1] ? "" : " zero"), part[2]));
    });
    p.appendChild(document.createTextNode(" between authors bear on this thesis."));
    return p;
  }

  function build(id, author) {
    thesisId = id;
    const thesis = A.theses.get(id);
    const data = A.data.boards[id];
    root.replaceChildren();
    const bar = el("div", "board-bar");
    bar.appendChild(A.link("#overview", "back", "\u2039 Overview"));
    const label = el("label", "pick");
    label.appendChild(document.createTextNode("Thesis "));
    const pick = el("select");
    A.data.theses.forEach(function (t) {
      const o = el("option", null, t.label);
      o.value = t.id;
      if (t.id === id) o.selected = true;
      pick.appendChild(o);
    });
    pick.addEventListener("change", function () { A.go("#thesis=" + pick.value); });
    label.appendChild(pick);
    bar.appendChild(label);
    const at = A.data.theses.indexOf(thesis);
    if (at > 0) bar.appendChild(A.link("#thesis=" + A.data.theses[at - 1].id, "step", "\u2190 previous"));
    if (at < A.data.theses.length - 1) bar.appendChild(A.link("#thesis=" + A.data.theses[at + 1].id, "step", "next \u2192"));
    root.appendChild(bar);
    const head = el("div", "thesis-head");
    const h2 = el("h2", "thesis-text", thesis.text);
    h2.id = "thesis-heading";
    h2.tabIndex = -1;
    head.appendChild(el("p", "thesis-label", "Thesis: " + thesis.label));
    head.appendChild(h2);
    head.appendChild(chips(data, author));
    head.appendChild(counts(data, author));
    root.appendChild(head);

    let ids;
    let reportedIds;
    if (author) {
      const cell = data.cells[author.index];
      ids = cell.claims;
      reportedIds = cell.reported;
      const banner = el("p", "cell-banner");
      banner.appendChild(document.createTextNode("The claims behind " + author.name + "\u2019s cell (" + cell.summary + "): " +
        ids.length + (ids.length === 1 ? " claim" : " claims") + " of their own" +
        (reportedIds.length ? ", and " + reportedIds.length + " view" + (reportedIds.length === 1 ? "" : "s") + " they only report" : "") + ". "));
      banner.appendChild(A.link("#thesis=" + id, null, "Show every claim on this thesis"));
      root.appendChild(banner);
    } else {
      ids = data.pro.concat(data.con, data.both);
      reportedIds = data.reported;
    }
    const shownIds = new Set(ids.concat(reportedIds));
    board = el("div", "board");
    const columns = el("div", "columns");
    let any = false;
    ["pro", "con", "both"].forEach(function (col) {
      const mine = ids.filter(function (c) { return columnOf(data, c) === col; });
      if (col === "both" && !mine.length) return;
      const column = el("div", "col " + col);
      column.appendChild(el("h3", "col-head", col === "pro" ? "For the thesis (pro)" : col === "con" ? "Against it (con)"
        : "Reasons that bear on both sides"));
      timeGroups(mine).forEach(function (group) {
        if (group.event) {
          const turn = el("div", "turning");
          turn.appendChild(el("span", null, "\u21af " + A.eventLabel(group.event)));
          column.appendChild(turn);
          return;
        }
        const source = A.data.sources[group.source];
        const who = el("p", "group-head");
        who.appendChild(A.swatch(A.data.authors[source.author]));
        who.appendChild(el("strong", null, A.data.authors[source.author].name));
        who.appendChild(document.createTextNode(" \u00b7 " + source.date));
        column.appendChild(who);
        group.claims.forEach(function (c) { column.appendChild(card(c, data, shownIds)); });
      });
      if (!mine.length) column.appendChild(el("p", "empty", col === "pro" ? "No claim argues for it." : "No claim argues against it."));
      any = any || mine.length > 0;
      columns.appendChild(column);
    });
    board.appendChild(columns);
    if (!any) board.appendChild(el("p", "empty", "No claim of an author\u2019s own takes a side on this thesis."));
    const svg = document.createElementNS(SVG, "svg");
    svg.setAttribute("class", "connectors");
    svg.setAttribute("aria-hidden", "true");
    board.appendChild(svg);
    root.appendChild(board);
    if (reportedIds.length) {
      const strip = el("section", "reported-views");
      strip.appendChild(el("h3", null, "Views the authors only report (not counted as theirs)"));
      const list = el("div", "strip-cards");
      reportedIds.forEach(function (c) { list.appendChild(card(c, data, shownIds)); });
      strip.appendChild(list);
      root.appendChild(strip);
    }
    linksShown = [];
    KINDS.forEach(function (kind) {
      data[kind.key].forEach(function (pair) {
        if (shownIds.has(pair[0]) && shownIds.has(pair[1])) linksShown.push([kind, pair[0], pair[1]]);
      });
    });
    const legend = el("p", "connector-legend", "Lines between cards: ");
    [["clash", "\u2715 a clash of reading"], ["changed", "\u21bb changed with events"], ["agree", "\u2713 an agreement between authors"]]
      .forEach(function (item) { legend.appendChild(el("span", "link-badge " + item[0], item[1])); });
    if (linksShown.some(function (item) { return item[0].key !== "reported_links"; })) root.insertBefore(legend, board);
  }

  /* Connectors: from the edge of one card to the facing edge of the other, through the gutter
     between the columns (or round the outside of a column when both cards are in it). */
  function draw() {
    if (!board || root.hidden) return;
    const svg = board.querySelector("svg.connectors");
    svg.replaceChildren();
    const frame = board.getBoundingClientRect();
    svg.setAttribute("width", String(board.scrollWidth));
    svg.setAttribute("height", String(board.scrollHeight));
    if (getComputedStyle(svg).display === "none") return;
    const boxes = new Map();
    board.querySelectorAll(".card[data-claim]").forEach(function (c) {
      const r = c.getBoundingClientRect();
      boxes.set(c.getAttribute("data-claim"), {
        left: r.left - frame.left, right: r.right - frame.left, top: r.top - frame.top, height: r.height,
        col: c.closest(".col").classList.contains("con") ? "con" : "pro"
      });
    });
    linksShown.forEach(function (item) {
      const a = boxes.get(item[1]);
      const b = boxes.get(item[2]);
      if (!a || !b) return;
      let d;
      let mid;
      const ya = a.top + Math.min(22, a.height / 2);
      const yb = b.top + Math.min(22, b.height / 2);
      if (a.col !== b.col) {
        const l = a.col === "pro" ? { x: a.right, y: ya } : { x: b.right, y: yb };
        const r = a.col === "pro" ? { x: b.left, y: yb } : { x: a.left, y: ya };
        const bend = (r.x - l.x) / 2;
        d = "M" + l.x + " " + l.y + " C" + (l.x + bend) + " " + l.y + " " + (r.x - bend) + " " + r.y + " " + r.x + " " + r.y;
        mid = { x: (l.x + r.x) / 2, y: (l.y + r.y) / 2 };
      } else {
        const xa = a.col === "pro" ? a.left : a.right;
        const xb = b.col === "pro" ? b.left : b.right;
        const reach = a.col === "pro" ? Math.min(xa, xb) - 24 : Math.max(xa, xb) + 24;
        d = "M" + xa + " " + ya + " C" + reach + " " + ya + " " + reach + " " + yb + " " + xb + " " + yb;
        mid = { x: (xa + 6 * reach + xb) / 8, y: (ya + yb) / 2 };  // the curve's point at t = 1/2
      }
      const g = document.createElementNS(SVG, "g");
      g.setAttribute("class", "connector " + item[0].cls);
      g.setAttribute("data-a", item[1]);
      g.setAttribute("data-b", item[2]);
      const path = document.createElementNS(SVG, "path");
      path.setAttribute("d", d);
      g.appendChild(path);
      const dot = document.createElementNS(SVG, "circle");
      dot.setAttribute("cx", String(mid.x));
      dot.setAttribute("cy", String(mid.y));
      dot.setAttribute("r", "8");
      g.appendChild(dot);
      const t = document.createElementNS(SVG, "text");
      t.setAttribute("x", String(mid.x));
      t.setAttribute("y", String(mid.y + 4));
      t.textContent = item[0].mark;
      g.appendChild(t);
      svg.appendChild(g);
    });
  }
  function light(id) {
    if (!board) return;
    board.classList.toggle("lighting", !!id);
    board.querySelectorAll("g.connector").forEach(function (g) {
      g.classList.toggle("lit", !!id && (g.getAttribute("data-a") === id || g.getAttribute("data-b") === id));
    });
  }

  function show(params) {
    let id = params.get("thesis");
    if (!A.theses.has(id)) {
      if (!A.data.theses.length) { root.replaceChildren(el("p", "empty", "This map has no theses.")); return; }
      A.say("There is no thesis \u201c" + id + "\u201d in this map; showing the first.");
      id = A.data.theses[0].id;
    }
    const slug = params.get("author");
    const author = slug ? A.authorBySlug.get(slug.toLowerCase()) || null : null;
    if (slug && !author) A.say("There is no author \u201c" + slug + "\u201d in this map; showing every claim on the thesis.");
    const key = id + "|" + (author ? author.slug : "");
    A.setTab("thesis", "#thesis=" + id + (author ? "&author=" + author.slug : ""));
    if (key !== shownKey) {
      build(id, author);
      shownKey = key;
      if (!params.has("claim")) document.getElementById("thesis-heading").focus({ preventScroll: true });
    }
    const claim = params.get("claim");
    root.querySelectorAll(".card.current").forEach(function (c) { c.classList.remove("current"); });
    if (claim) root.querySelectorAll('.card[data-claim="' + CSS.escape(claim) + '"]').forEach(function (c) { c.classList.add("current"); });
    requestAnimationFrame(draw);
  }
  window.addEventListener("resize", function () { requestAnimationFrame(draw); });
  if (window.matchMedia) window.matchMedia("print").addEventListener("change", function () { requestAnimationFrame(draw); });
  A.views.thesis = { show: show, redraw: draw };
})();
