/* The self-marking quiz: builds the questions from the JSON data, marks the answers, explains.
   Corpus text only ever goes into the page through textContent, never as markup. */
(function () {
  "use strict";
  var data = JSON.parse(document.getElementById("quiz-data").textContent);
  var root = document.getElementById("quiz");
  var scoreLine = document.getElementById("score");
  var items = [];

  function el(tag, className, text) {
    var node = document.createElement(tag);
    if (className) node.className = className;
    if (text !== undefined) node.textContent = text;
    return node;
  }

  function passage(p) {
    var box = el("div", "passage");
    box.appendChild(el("div", "label", p.label));
    if (p.text) box.appendChild(el("p", null, p.text));
    if (p.quote) box.appendChild(el("blockquote", null, "\u201c" + p.quote + "\u201d"));
    return box;
  }

  function evidence(e) {
    var quote = el("blockquote", null, "\u201c" + e.quote + "\u201d");
    quote.dataset.claim = e.id;
    var cite = el("cite", null, e.citation);
    if (e.voice === "reports") {
      cite.appendChild(document.createTextNode(" \u00b7 "));
      cite.appendChild(el("span", "badge reported", "reports the view of " + e.speaker));
    }
    cite.appendChild(document.createTextNode(" \u00b7 check it in the source: "));
    var link = el("a", "source-link", e.id);
    link.href = e.link;  // the map's source reader, opened at the quote
    cite.appendChild(link);
    quote.appendChild(cite);
    return quote;
  }

  function question(q) {
    var box = el("fieldset", "question");
    box.dataset.question = q.number;
    box.appendChild(el("legend", null, q.number + ". " + q.prompt));
    var inputs = q.options.map(function (option, index) {
      var label = el("label", "option");
      var input = el("input");
      input.type = "radio";
      input.name = "q-" + q.number;
      input.value = String(index);
      label.appendChild(input);
      label.appendChild(el("span", "letter", option.letter + "."));
      label.appendChild(el("span", null, option.label));
      box.appendChild(label);
      return input;
    });
    var feedback = el("div", "feedback");
    feedback.hidden = true;
    box.appendChild(feedback);
    items.push({ q: q, inputs: inputs, box: box, feedback: feedback });
    return box;
  }

  function build() {
    document.getElementById("title").textContent = "Quiz: " + data.title;
    document.title = "Quiz: " + data.title + " \u00b7 argmap";
    data.exercises.forEach(function (ex) {
      var section = el("section", "exercise");
      section.id = "exercise-" + ex.number;
      section.dataset.kind = ex.kind;
      section.appendChild(el("h2", null, ex.number + ". " + ex.title));
      section.appendChild(el("p", "instruction", ex.instruction));
      ex.passages.forEach(function (p) { section.appendChild(passage(p)); });
      ex.questions.forEach(function (q) { section.appendChild(question(q)); });
      root.appendChild(section);
    });
  }

  function check() {
    var score = 0;
    var unanswered = 0;
    items.forEach(function (item) {
      var chosen = item.inputs.findIndex(function (input) { return input.checked; });
      var right = chosen === item.q.answer;
      var correct = item.q.options[item.q.answer];
      if (right) score += 1;
      if (chosen < 0) unanswered += 1;
      item.box.dataset.result = right ? "right" : chosen < 0 ? "unanswered" : "wrong";
      var verdict = right ? "Right." : chosen < 0 ? "Not answered." : "Not right.";
      item.feedback.replaceChildren(
        el("p", "verdict", verdict + " The answer is " + correct.letter + ". " + correct.label),
        el("p", "explanation", item.q.explanation)
      );
      item.q.evidence.forEach(function (e) { item.feedback.appendChild(evidence(e)); });
      item.feedback.hidden = false;
    });
    scoreLine.dataset.score = String(score);
    scoreLine.textContent = "Score: " + score + " / " + data.marks +
      (unanswered ? " (" + unanswered + " not answered)" : "");
  }

  function reset() {
    items.forEach(function (item) {
      item.inputs.forEach(function (input) { input.checked = false; });
      delete item.box.dataset.result;
      item.feedback.replaceChildren();
      item.feedback.hidden = true;
    });
    delete scoreLine.dataset.score;
    scoreLine.textContent = "";
    window.scrollTo(0, 0);
  }

  build();
  document.getElementById("check").addEventListener("click", check);
  document.getElementById("reset").addEventListener("click", reset);
  document.body.dataset.ready = "true";
}());
