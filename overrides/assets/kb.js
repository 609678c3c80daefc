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
  var data = document.querySelector("script.kb-accepted-answers");
  if (!data) return;
  var accepted = JSON.parse(data.textContent);
  document.addEventListener("submit", function (event) {
    var inputs = event.target.querySelectorAll ? event.target.querySelectorAll(".quiz-blank-input") : [];
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

/* Completion receipt, offered once every question of the module is answered. */
(function () {
  var panel = document.querySelector(".kb-receipt");
  if (!panel) return;
  var nameInput = panel.querySelector(".kb-receipt-name");
  var output = panel.querySelector(".kb-receipt-text");
  var d = panel.dataset;
  function receipt() {
    var progress = kbQuizProgress(location.pathname);
    var total = +d.total, score = Math.round(100 * progress.correct / total);
    return {
      kind: "retention-kb-receipt", format: 1,
      name: nameInput.value.trim(), module: d.module, content_version: d.version, language: d.language,
      correct: progress.correct, total: total, score: score, pass_mark: +d.pass, passed: score >= +d.pass,
      date: new Date().toISOString().slice(0, 10),
      self_reported: true
    };
  }
  function refresh() {
    var progress = kbQuizProgress(location.pathname);
    panel.hidden = progress.answered < +d.total;
    if (!panel.hidden) output.textContent = JSON.stringify(receipt(), null, 2);
  }
  try { nameInput.value = localStorage.getItem("kb_receipt_name") || ""; } catch (e) {}
  nameInput.addEventListener("input", function () {
    try { localStorage.setItem("kb_receipt_name", nameInput.value); } catch (e) {}
    refresh();
  });
  panel.querySelector(".kb-receipt-download").addEventListener("click", function () {
    var data = receipt();
    var blob = new Blob([JSON.stringify(data, null, 2) + "\n"], { type: "application/json" });
    var link = document.createElement("a");
    var who = (data.name || "trainee").normalize("NFD").replace(/[\u0300-\u036f]/g, "").replace(/[^A-Za-z0-9]+/g, "-");
    link.href = URL.createObjectURL(blob);
    link.download = "receipt-" + data.module + "-" + data.language + "-" + who + "-" + data.date + ".json";
    document.body.appendChild(link);
    link.click();
    link.remove();
  });
  panel.querySelector(".kb-receipt-copy").addEventListener("click", function () {
    navigator.clipboard.writeText(JSON.stringify(receipt(), null, 2));
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
