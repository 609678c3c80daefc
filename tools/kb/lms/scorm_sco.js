/* Runtime of a quiz SCO (see tools/kb/lms/scorm.py): grades the answers in
   the page and reports them to the LMS through the SCORM run-time API,
   SCORM 1.2 (window.API) or SCORM 2004 (window.API_1484_11), as the page's
   data-scorm says. No dependencies. Without an LMS the quiz still works,
   and says that nothing is recorded.

   What the LMS receives: completion, passed/failed against the module's pass
   mark, the score (0-100, and scaled 0-1 in 2004), the session time, one
   interaction per question, and the answers so far in suspend data, so a
   learner who leaves finds them again on the next launch. */
(function () {
  "use strict";

  var main = document.querySelector("main.sco");
  var forms = Array.prototype.slice.call(document.querySelectorAll("form.sco-q"));
  var v12 = document.documentElement.getAttribute("data-scorm") === "1.2";
  var passMark = Number(main.getAttribute("data-pass"));
  var label = function (name) { return main.getAttribute("data-" + name + "-label"); };
  var started = Date.now();

  // The same data model elements under their name in each version.
  var CMI = v12 ? {
    api: "API", hops: 7, init: "LMSInitialize", get: "LMSGetValue", set: "LMSSetValue",
    commit: "LMSCommit", finish: "LMSFinish", lastError: "LMSGetLastError",
    raw: "cmi.core.score.raw", min: "cmi.core.score.min", max: "cmi.core.score.max",
    time: "cmi.core.session_time", exit: "cmi.core.exit", suspend: "cmi.suspend_data",
    response: "student_response", wrong: "wrong", finishedExit: ""
  } : {
    api: "API_1484_11", hops: 500, init: "Initialize", get: "GetValue", set: "SetValue",
    commit: "Commit", finish: "Terminate", lastError: "GetLastError",
    raw: "cmi.score.raw", min: "cmi.score.min", max: "cmi.score.max",
    time: "cmi.session_time", exit: "cmi.exit", suspend: "cmi.suspend_data",
    response: "learner_response", wrong: "incorrect", finishedExit: "normal"
  };

  /* ---- Finding and talking to the LMS ---------------------------------- */

  // The API discovery of the standards: this window and its parents, then the
  // window that opened this one and its parents. A parent from another origin
  // throws on access: no API there.
  function scan(win) {
    try {
      for (var hops = 0; win && hops <= CMI.hops; hops++) {
        if (win[CMI.api]) return win[CMI.api];
        if (!win.parent || win.parent === win) break;
        win = win.parent;
      }
    } catch (e) { /* another origin */ }
    return null;
  }
  var api = scan(window);
  try {
    if (!api && window.top.opener) api = scan(window.top.opener);
  } catch (e) { /* another origin */ }

  function call(method, element, value) {
    try {
      return String(api[method](element, value));
    } catch (e) {
      return "";
    }
  }
  var connected = api !== null && call(CMI.init, "") === "true";

  function get(element) {
    return connected ? call(CMI.get, element) : "";
  }
  function set(element, value) {
    if (connected && call(CMI.set, element, String(value)) !== "true") {
      // Keep going: the learner's quiz must not stop because the LMS refused one value.
      console.warn("LMS refused " + element + " = " + value + " (error " + call(CMI.lastError, "") + ")");
    }
  }
  function commit() {
    if (connected) call(CMI.commit, "");
  }

  /* ---- Grading --------------------------------------------------------- */

  // As on the site: any accepted answer, in any case, with or without diacritics.
  function fold(text) {
    return text.normalize("NFD").replace(/[\u0300-\u036f]/g, "").replace(/ł/g, "l").replace(/Ł/g, "L")
      .trim().toLowerCase().replace(/\s+/g, " ");
  }
  function inputs(form) {
    return Array.prototype.slice.call(form.querySelectorAll("input"));
  }
  // The learner's response as stored in suspend data: choice keys "a,c", or the typed text.
  function responseOf(form) {
    if (form.getAttribute("data-type") === "fill") return inputs(form)[0].value.trim();
    return inputs(form).filter(function (box) { return box.checked; })
      .map(function (box) { return box.value; }).join(",");
  }
  function isCorrect(form, response) {
    if (form.getAttribute("data-type") === "fill") {
      var accepted = JSON.parse(inputs(form)[0].getAttribute("data-accepted"));
      return accepted.some(function (answer) { return fold(answer) === fold(response); });
    }
    var expected = inputs(form).filter(function (box) { return box.hasAttribute("data-correct"); })
      .map(function (box) { return box.value; }).join(",");
    return response === expected;  // both in the page's option order
  }

  /* ---- The page -------------------------------------------------------- */

  var answers = {};  // question key → response, kept in suspend data

  function show(form, response, correct) {
    var chosen = response.split(",");
    inputs(form).forEach(function (input) {
      input.disabled = true;
      if (input.type === "text") return;
      input.checked = chosen.indexOf(input.value) >= 0;
      if (input.hasAttribute("data-correct")) input.parentNode.classList.add("sco-right");
      var feedback = input.parentNode.parentNode.querySelector(".sco-option-feedback");
      if (feedback && input.checked) feedback.hidden = false;
    });
    if (form.getAttribute("data-type") === "fill") inputs(form)[0].value = response;
    form.querySelector("button").disabled = true;
    var key = form.querySelector(".sco-key");
    if (key && !correct) key.hidden = false;
    var verdict = form.querySelector(".sco-verdict");
    verdict.textContent = label(correct ? "correct" : "incorrect");
    form.classList.add("sco-done", correct ? "sco-is-correct" : "sco-is-wrong");
    form.querySelector(".sco-after").hidden = false;
  }

  function tally() {
    var correct = 0;
    forms.forEach(function (form) {
      var key = form.getAttribute("data-key");
      if (key in answers && isCorrect(form, answers[key])) correct++;
    });
    return {answered: Object.keys(answers).length, correct: correct, total: forms.length};
  }

  function showProgress(count) {
    main.querySelector(".sco-progress").textContent =
      label("answered").replace("{answered}", count.answered).replace("{total}", count.total);
  }

  // Rounded as on the site (and in its receipts), and passed against the rounded score.
  function result(count) {
    var score = Math.round(100 * count.correct / count.total);
    return {score: score, passed: score >= passMark};
  }

  function showResult(outcome) {
    var text = label(outcome.passed ? "passed" : "failed");
    main.querySelector(".sco-score").textContent = text.replace("{score}", outcome.score).replace("{pass}", passMark);
    main.querySelector(".sco-result").hidden = false;
  }

  /* ---- What the LMS is told -------------------------------------------- */

  function record(form, response, correct) {
    var n = get("cmi.interactions._count") || "0";
    var prefix = "cmi.interactions." + n + ".";
    var fill = form.getAttribute("data-type") === "fill";
    set(prefix + "id", form.getAttribute("data-id"));
    set(prefix + "type", fill ? "fill-in" : "choice");
    set(prefix + CMI.response, lmsResponse(response, fill));
    set(prefix + "result", correct ? "correct" : CMI.wrong);
  }

  // SCORM 2004 separates choices with "[,]"; a typed answer must not look like
  // that separator or a {lang=..} tag; both versions cap the length.
  function lmsResponse(response, fill) {
    if (!fill) return v12 ? response : response.split(",").join("[,]");
    return response.split("[,]").join(",").replace(/^\{+/, "").slice(0, 250);
  }

  function finish(outcome) {
    set(CMI.raw, outcome.score);
    set(CMI.min, 0);
    set(CMI.max, 100);
    if (v12) {
      set("cmi.core.lesson_status", outcome.passed ? "passed" : "failed");
    } else {
      set("cmi.score.scaled", outcome.score / 100);
      set("cmi.completion_status", "completed");
      set("cmi.success_status", outcome.passed ? "passed" : "failed");
    }
  }

  // HHHH:MM:SS.SS in SCORM 1.2, an ISO 8601 duration (PT#H#M#S) in 2004.
  function sessionTime() {
    var hundredths = Math.round((Date.now() - started) / 10);
    var hours = Math.floor(hundredths / 360000), minutes = Math.floor(hundredths / 6000) % 60;
    var seconds = ((hundredths % 6000) / 100).toFixed(2);
    if (!v12) return "PT" + hours + "H" + minutes + "M" + seconds + "S";
    var pad = function (text, width) { return ("0000" + text).slice(-width); };
    return pad(hours, 4) + ":" + pad(minutes, 2) + ":" + pad(seconds, 5);
  }

  function done() {
    var count = tally();
    return count.answered === count.total;
  }

  var left = false;
  function leave() {
    if (left || !connected) return;
    left = true;
    set(CMI.time, sessionTime());
    // "suspend" keeps this attempt open, so the next launch resumes it.
    set(CMI.exit, done() ? CMI.finishedExit : "suspend");
    commit();
    call(CMI.finish, "");
  }

  function answer(event) {
    event.preventDefault();
    var form = event.currentTarget, key = form.getAttribute("data-key");
    var response = responseOf(form);
    if (response === "" || key in answers) return;
    var correct = isCorrect(form, response);
    answers[key] = response;
    show(form, response, correct);
    record(form, response, correct);
    set(CMI.suspend, JSON.stringify({answers: answers}));
    var count = tally();
    showProgress(count);
    if (count.answered === count.total) {
      var outcome = result(count);
      showResult(outcome);
      finish(outcome);
    }
    commit();
  }

  // A resumed attempt: the answers given before, shown as they were answered.
  function restore(saved) {
    var previous;
    try {
      previous = JSON.parse(saved).answers || {};
    } catch (e) {
      return;
    }
    forms.forEach(function (form) {
      var key = form.getAttribute("data-key");
      if (typeof previous[key] !== "string") return;
      answers[key] = previous[key];
      show(form, previous[key], isCorrect(form, previous[key]));
    });
    if (Object.keys(answers).length) main.querySelector(".sco-resumed").hidden = false;
    if (done()) showResult(result(tally()));
  }

  forms.forEach(function (form) { form.addEventListener("submit", answer); });
  if (connected) {
    if (v12) {
      var status = get("cmi.core.lesson_status");
      if (status === "" || status === "not attempted") set("cmi.core.lesson_status", "incomplete");
    } else if (["incomplete", "completed"].indexOf(get("cmi.completion_status")) < 0) {
      set("cmi.completion_status", "incomplete");
    }
    restore(get(CMI.suspend));
    // pagehide also fires where unload does not (bfcache); leave() runs once.
    window.addEventListener("pagehide", leave);
    window.addEventListener("beforeunload", leave);
  } else {
    main.querySelector(".sco-no-lms").hidden = false;
  }
  showProgress(tally());
})();
