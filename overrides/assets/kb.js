/* Glossary tooltips on touch screens: the first tap on a term shows its
   definition (Material shows tooltips on focus); a second tap on the same
   term opens its glossary entry. With a mouse, hovering shows the
   definition and a click follows the link. */
(function () {
  var lastPointer = "mouse";
  var armed = null;
  document.addEventListener("pointerdown", function (event) {
    lastPointer = event.pointerType;
  }, true);
  document.addEventListener("click", function (event) {
    var term = event.target.closest && event.target.closest("a.kb-term");
    if (!term || lastPointer !== "touch") return;
    if (armed !== term) {
      // The tap already focused the link; keep it focused so the tooltip stays.
      event.preventDefault();
      armed = term;
      term.focus();
    }
  });
})();

/* Quizzes: accept every listed answer of a fill-in question, in any case and
   with or without diacritics. mkdocs-quiz compares with one exact answer, so
   a matching variant is swapped for that answer just before it checks. */
(function () {
  function fold(text) {
    return text.normalize("NFD").replace(/[\u0300-\u036f]/g, "").replace(/ł/g, "l").replace(/Ł/g, "L")
      .trim().toLowerCase().replace(/\s+/g, " ");
  }
  var data = document.querySelector(".kb-accepted-answers");
  if (!data) return;
  var accepted = JSON.parse(data.getAttribute("data-answers"));
  document.addEventListener("submit", function (event) {
    // The blanks sit in the question text, outside the form that is submitted.
    var quiz = event.target.closest ? event.target.closest(".quiz") : null;
    var inputs = quiz ? quiz.querySelectorAll(".quiz-blank-input") : [];
    inputs.forEach(function (input) {
      var canonical = input.getAttribute("data-answer");
      var variants = accepted[canonical] || [canonical];
      var typed = fold(input.value);
      if (variants.some(function (v) { return fold(v) === typed; })) input.value = canonical;
    });
  }, true);
})();

/* Progress belongs to the module, not to the page's language. mkdocs-quiz
   keeps it per page address (localStorage "quiz_progress_<page path>" =
   {quiz-N: {answered, correct, selectedValues}}); a copy is kept per module
   ("kb_module_progress_<module>") and, before mkdocs-quiz reads its own
   (it starts on DOMContentLoaded, after this script), put back under this
   page's address, so the same module in another language shows the same
   answers. Questions are in the same order in every language. */
var KB_MODULE_PREFIX = "kb_module_progress_";
(function () {
  var panel = document.querySelector(".kb-receipt[data-module]");
  if (!panel) return;
  var moduleKey = KB_MODULE_PREFIX + panel.dataset.module, pageKey = "quiz_progress_" + location.pathname;
  try {
    var shared = localStorage.getItem(moduleKey);
    if (shared !== null) localStorage.setItem(pageKey, shared);
  } catch (e) {}
  window.addEventListener("quizProgressUpdate", function () {
    // mkdocs-quiz saves after telling; copy once it has.
    setTimeout(function () {
      try { localStorage.setItem(moduleKey, localStorage.getItem(pageKey) || "{}"); } catch (e) {}
    }, 0);
  });
})();

function kbQuizProgress(pathname, moduleId) {
  try {
    var shared = moduleId ? localStorage.getItem(KB_MODULE_PREFIX + moduleId) : null;
    var stored = JSON.parse(shared || localStorage.getItem("quiz_progress_" + pathname) || "{}");
    var answered = 0, correct = 0;
    Object.keys(stored).forEach(function (key) {
      if (stored[key].answered) answered++;
      if (stored[key].correct) correct++;
    });
    return { answered: answered, correct: correct };
  } catch (e) {
    return { answered: 0, correct: 0 };
  }
}

/* "Start here": each module's progress and the overall count. */
(function () {
  var steps = document.querySelectorAll("[data-kb-module]");
  if (!steps.length) return;
  var done = 0;
  steps.forEach(function (step) {
    var total = +step.dataset.total, pass = +step.dataset.pass;
    var progress = kbQuizProgress(new URL(step.dataset.quiz, location.href).pathname, step.dataset.kbModule);
    var score = Math.round(100 * progress.correct / total);
    var label = step.dataset.progressNotStarted, state = "not-started";
    if (progress.answered >= total) {
      var passed = score >= pass;
      label = (passed ? step.dataset.progressPassed : step.dataset.progressFailed)
        .replace("{score}", score).replace("{pass}", pass);
      state = passed ? "passed" : "failed";
      if (passed) done++;
    } else if (progress.answered > 0) {
      label = step.dataset.progressInProgress.replace("{answered}", progress.answered).replace("{total}", total);
      state = "in-progress";
    }
    var badge = step.querySelector(".kb-progress");
    badge.textContent = label;
    badge.dataset.state = state;
  });
  var overall = document.querySelector(".kb-overall");
  if (overall) {
    overall.textContent = overall.dataset.label.replace("{done}", done).replace("{total}", overall.dataset.total);
  }
})();

/* The result screen, once every question is answered: passed or failed
   against the module's pass mark (100 * correct >= pass mark * total, the rule
   the receipts and the QTI export use), and what to do next. */
(function () {
  var panel = document.querySelector(".kb-result");
  if (!panel) return;
  var d = panel.dataset;
  function refresh() {
    var progress = kbQuizProgress(location.pathname);
    var total = +d.total, pass = +d.pass;
    panel.hidden = progress.answered < total;
    if (panel.hidden) return;
    var passed = 100 * progress.correct >= pass * total;
    var score = Math.floor((200 * progress.correct + total) / (2 * total));
    panel.dataset.state = passed ? "passed" : "failed";
    panel.querySelector(".kb-result-title").textContent = passed ? d.resultPassed : d.resultFailed;
    panel.querySelector(".kb-result-score").textContent = d.resultScore.replace("{correct}", progress.correct)
      .replace("{total}", total).replace("{score}", score).replace("{pass}", pass);
    panel.querySelector(".kb-result-passed").hidden = !passed;
    panel.querySelector(".kb-result-failed").hidden = passed;
    // Sections to re-read: the citations of the questions answered wrongly, once each.
    var list = panel.querySelector(".kb-result-reread"), seen = {};
    list.textContent = "";
    var stored = {};
    try { stored = JSON.parse(localStorage.getItem("quiz_progress_" + location.pathname) || "{}"); } catch (e) {}
    document.querySelectorAll("div.quiz").forEach(function (quiz) {
      var state = stored[quiz.id];
      if (!state || state.correct) return;
      quiz.querySelectorAll(".kb-cite a").forEach(function (link) {
        if (seen[link.href]) return;
        seen[link.href] = true;
        var item = document.createElement("li");
        item.appendChild(link.cloneNode(true));
        list.appendChild(item);
      });
    });
  }
  panel.querySelector(".kb-result-retry").addEventListener("click", function () {
    // Progress belongs to the module (in every language), so both copies go.
    var receipt = document.querySelector(".kb-receipt[data-module]");
    try {
      localStorage.removeItem("quiz_progress_" + location.pathname);
      if (receipt) localStorage.removeItem(KB_MODULE_PREFIX + receipt.dataset.module);
    } catch (e) {}
    location.reload();
  });
  window.addEventListener("quizProgressUpdate", function () { setTimeout(refresh, 0); });
  refresh();
})();

/* Completion receipt, offered once every question of the module is answered:
   a summary in the page's language; the downloaded (or copied) file is JSON. */
(function () {
  var panel = document.querySelector(".kb-receipt");
  if (!panel) return;
  var nameInput = panel.querySelector(".kb-receipt-name");
  var status = panel.querySelector(".kb-receipt-status");
  var d = panel.dataset;
  function today() {
    var now = new Date();
    return now.getFullYear() + "-" + String(now.getMonth() + 1).padStart(2, "0") + "-" + String(now.getDate()).padStart(2, "0");
  }
  function receipt() {
    var progress = kbQuizProgress(location.pathname);
    var total = +d.total, pass = +d.pass;
    return {
      kind: "retention-kb-receipt", format: 1,
      name: nameInput.value.trim(), module: d.module, content_version: d.version, language: d.language,
      correct: progress.correct, total: total, score: Math.floor((200 * progress.correct + total) / (2 * total)),
      pass_mark: pass, passed: 100 * progress.correct >= pass * total,
      date: today(),
      self_reported: true
    };
  }
  function show(field, text) { panel.querySelector(".kb-receipt-show-" + field).textContent = text; }
  function refresh() {
    var progress = kbQuizProgress(location.pathname);
    panel.hidden = progress.answered < +d.total;
    if (panel.hidden) return;
    var r = receipt();
    show("name", r.name || "—");
    show("date", r.date);
    show("score", r.score + " % (" + r.correct + " / " + r.total + ")");
    show("result", r.passed ? d.passed : d.failed);
  }
  function named() {
    if (nameInput.value.trim()) return true;
    status.textContent = d.receiptNeedName;
    nameInput.focus();
    return false;
  }
  try { nameInput.value = localStorage.getItem("kb_receipt_name") || ""; } catch (e) {}
  nameInput.addEventListener("input", function () {
    try { localStorage.setItem("kb_receipt_name", nameInput.value); } catch (e) {}
    status.textContent = "";
    refresh();
  });
  panel.querySelector(".kb-receipt-download").addEventListener("click", function () {
    if (!named()) return;
    var data = receipt();
    var blob = new Blob([JSON.stringify(data, null, 2) + "\n"], { type: "application/json" });
    var link = document.createElement("a");
    link.href = URL.createObjectURL(blob);
    link.download = kbReceipts.fileName(["receipt", data.module, data.language, data.name, data.date]);
    document.body.appendChild(link);
    link.click();
    link.remove();
  });
  panel.querySelector(".kb-receipt-copy").addEventListener("click", function () {
    if (!named()) return;
    var text = JSON.stringify(receipt(), null, 2);
    var copying = navigator.clipboard ? navigator.clipboard.writeText(text) : Promise.reject(new Error("no clipboard"));
    copying.then(function () { status.textContent = d.receiptCopied; },
                 function () { status.textContent = d.receiptCopyFailed; });
  });
  window.addEventListener("quizProgressUpdate", function () { setTimeout(refresh, 0); });
  refresh();
})();

/* Trainers: assignment links are copied as full addresses of this site. */
document.querySelectorAll("[data-kb-link]").forEach(function (button) {
  var url = new URL(button.dataset.kbLink, location.href).href;
  button.setAttribute("data-clipboard-text", url);
});

/* The language switcher keeps the section the reader is at: section, step and
   term IDs are the same in every language, and navigation.tracking keeps the
   current section in the address. */
document.addEventListener("click", function (event) {
  var link = event.target.closest && event.target.closest(".md-select__link[hreflang]");
  if (!link || !location.hash) return;
  link.href = link.href.split("#")[0] + location.hash;
}, true);

/* "Search" buttons in the page (the 404 page) open the header's search. */
document.querySelectorAll("[data-kb-open-search]").forEach(function (button) {
  button.addEventListener("click", function () {
    var toggle = document.querySelector("label[for='__search']");
    if (toggle) toggle.click();
    var input = document.querySelector(".md-search__input");
    if (input) input.focus();
  });
});

/* Search: Enter (a phone's Go) opens the best-matching section of the first
   result. Material would open the first result's page heading, the top of the
   page; the worker scores the section that answers (a playbook's step) higher,
   so the link with the highest score in the first result is followed. The
   listener runs before Material's, on the window. */
document.addEventListener("keydown", function (event) {
  if (event.key !== "Enter" || !(event.target instanceof Element) || !event.target.matches(".md-search__input")) return;
  var first = document.querySelector(".md-search-result__item");
  if (!first) return;
  var best = null, bestScore = -Infinity;
  first.querySelectorAll("a.md-search-result__link").forEach(function (link) {
    var scored = link.querySelector("[data-md-score]");
    var score = scored ? parseFloat(scored.getAttribute("data-md-score")) : -Infinity;
    if (score > bestScore) { best = link; bestScore = score; }
  });
  if (!best) return;
  event.preventDefault();
  event.stopPropagation();
  best.click();
}, true);
