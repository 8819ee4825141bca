/* Comparative panels: clicking a stance cell, heatmap cell, clash, group or author focuses the
   map on those claims through window.argmap.focusClaims. Which claims: page.views.focus[key],
   from the page's JSON data. Text is only ever set with textContent. */
(function () {
  "use strict";
  var argmap = window.argmap;
  var focus = argmap.page.views.focus;
  var byId = {};
  argmap.page.nodes.forEach(function (n) { byId[n.id] = n; });
  var status = document.getElementById("focus-status");
  var clear = document.getElementById("focus-clear");
  var cellClaims = document.getElementById("cell-claims");
  var hint = status.textContent;
  var active = null;

  function setActive(el) {
    if (active) { active.classList.remove("active"); active.setAttribute("aria-pressed", "false"); }
    active = el;
    if (el) { el.classList.add("active"); el.setAttribute("aria-pressed", "true"); }
  }
  function listClaims(ids) {
    cellClaims.replaceChildren();
    ids.forEach(function (id) {
      var n = byId[id];
      var li = document.createElement("li");
      var b = document.createElement("button");
      b.type = "button"; b.className = "link"; b.textContent = id;
      b.addEventListener("click", function () { argmap.select(id); });
      li.appendChild(b);
      var theses = Object.keys(n.theses).sort().map(function (t) { return t + " " + n.theses[t]; }).join(", ");
      li.appendChild(document.createTextNode(" (" + n.author + (theses ? "; " + theses : "") + "): " + n.text));
      cellClaims.appendChild(li);
    });
  }
  function unfocus() {
    setActive(null);
    cellClaims.replaceChildren();
    status.textContent = hint;
    clear.hidden = true;
  }

  document.querySelectorAll("[data-focus]").forEach(function (el) {
    el.setAttribute("aria-pressed", "false");
    el.addEventListener("click", function () {
      var ids = focus[el.getAttribute("data-focus")] || [];
      argmap.focusClaims(ids);
      setActive(el);
      if (el.classList.contains("cell")) listClaims(ids); else cellClaims.replaceChildren();
      status.textContent = "The map shows " + ids.length + (ids.length === 1 ? " claim" : " claims") +
        " (" + (el.getAttribute("title") || el.textContent).split("\n")[0] + ").";
      clear.hidden = false;
    });
  });
  clear.addEventListener("click", function () { argmap.focusClaims([]); unfocus(); });
  document.getElementById("reset").addEventListener("click", unfocus);
})();
