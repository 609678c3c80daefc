/* Completion receipts in the browser: the same rule set as `kb receipts`
   (tools/kb/lms/receipt_rules.json, embedded in the trainers' page), the same
   checks in the same order as tools/kb/lms/receipts.py, so both give the same
   verdicts (tests/test_receipt_rules.py runs one corpus through both).
   Nothing leaves the browser: files are read with the File API. */
var kbReceipts = (function () {
  var LANGUAGES = ["lt", "it", "pl", "fi"];
  var DATE = /^\d{4}-\d{2}-\d{2}$/;

  function depth(text) {
    var level = 0, deepest = 0, inString = false, escaped = false;
    for (var i = 0; i < text.length; i++) {
      var c = text[i];
      if (inString) {
        if (escaped) escaped = false;
        else if (c === "\\") escaped = true;
        else if (c === '"') inString = false;
      } else if (c === '"') inString = true;
      else if (c === "[" || c === "{") { level++; if (level > deepest) deepest = level; }
      else if (c === "]" || c === "}") level--;
    }
    return deepest;
  }

  function isCount(rules, v) {
    return Number.isFinite(v) && Number.isInteger(v) && v >= 0 && v <= rules.max_count;
  }

  function calendarDate(value) {
    if (!DATE.test(value)) return null;
    var y = +value.slice(0, 4), m = +value.slice(5, 7), d = +value.slice(8, 10);
    var leap = (y % 4 === 0 && y % 100 !== 0) || y % 400 === 0;
    var days = [31, leap ? 29 : 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31];
    if (y < 1 || m < 1 || m > 12 || d < 1 || d > days[m - 1]) return null;
    return value;
  }

  function isoDaysBefore(today, days) {
    var t = new Date(Date.UTC(+today.slice(0, 4), +today.slice(5, 7) - 1, +today.slice(8, 10)));
    t.setUTCDate(t.getUTCDate() - days);
    return t.toISOString().slice(0, 10);
  }

  function has(data, key) { return Object.prototype.hasOwnProperty.call(data, key); }

  function fieldCodes(rules, data) {
    var codes = {};
    Object.keys(rules.fields).forEach(function (field) {
      var kind = rules.fields[field];
      if (!has(data, field)) { codes["missing-field"] = 1; return; }
      var v = data[field];
      if (kind === "boolean" && typeof v !== "boolean") codes["wrong-type"] = 1;
      else if ((kind === "string" || kind === "date") && typeof v !== "string") codes["wrong-type"] = 1;
      else if (kind === "count") {
        if (typeof v !== "number") codes["wrong-type"] = 1;
        else if (!isCount(rules, v)) codes["bad-count"] = 1;
      } else if (kind === "date" && calendarDate(v) === null) codes["bad-date"] = 1;
    });
    if (typeof data.name === "string") {
      var name = data.name.trim();
      if (!name || Array.from(name).length > rules.max_name_length) codes["no-name"] = 1;
    }
    if (typeof data.language === "string" && LANGUAGES.indexOf(data.language) < 0) codes["unknown-language"] = 1;
    return codes;
  }

  /* bytes: Uint8Array of the file; today: "YYYY-MM-DD". */
  function verdict(rules, catalogue, bytes, today) {
    if (bytes.length > rules.max_bytes) return { codes: ["too-large"], data: null };
    var text;
    try { text = new TextDecoder("utf-8", { fatal: true }).decode(bytes); }
    catch (e) { return { codes: ["not-utf8"], data: null }; }
    if (depth(text) > rules.max_depth) return { codes: ["too-deep"], data: null };
    var data;
    try { data = JSON.parse(text); } catch (e) { return { codes: ["not-json"], data: null }; }
    if (data === null || typeof data !== "object" || Array.isArray(data) || data.kind !== rules.kind ||
        data.format !== rules.format) return { codes: ["not-a-receipt"], data: null };
    var codes = fieldCodes(rules, data);
    if (Object.keys(codes).length) return { codes: Object.keys(codes).sort(), data: null };
    var module = has(catalogue, data.module) ? catalogue[data.module] : null;
    if (!module) return { codes: ["unknown-module"], data: null };
    var correct = data.correct, total = data.total;
    if (data.content_version !== module.version) codes["unknown-version"] = 1;
    if (total !== module.total) codes["wrong-total"] = 1;
    if (correct > total) codes["bad-count"] = 1;
    if (data.pass_mark !== module.pass_mark) codes["wrong-pass-mark"] = 1;
    if (total > 0 && correct <= total) {
      // Rounded half up, in integers: the same in Python and JavaScript.
      if (data.score !== Math.floor((200 * correct + total) / (2 * total))) codes["wrong-score"] = 1;
      if (data.passed !== (100 * correct >= module.pass_mark * total)) codes["wrong-passed"] = 1;
    }
    if (data.date > today) codes["future-date"] = 1;
    else if (data.date < isoDaysBefore(today, rules.max_age_days)) codes["old-date"] = 1;
    var found = Object.keys(codes).sort();
    return { codes: found, data: found.length ? null : data };
  }

  function learnerKey(name) {
    return name.normalize("NFC").toLowerCase().split(/\s+/).filter(Boolean).join(" ");
  }

  function attemptKey(d) {
    return JSON.stringify([d.language, d.content_version, d.score, d.correct, d.total, d.pass_mark, d.passed, d.date]);
  }

  /* accepted: [{file, data}] → rows, one per learner and module (latest, with attempts). */
  function cohort(accepted) {
    var groups = {}, keys = [];
    accepted.forEach(function (entry) {
      var key = [entry.data.module, learnerKey(entry.data.name)];
      var id = JSON.stringify(key);
      if (!groups[id]) { groups[id] = { key: key, entries: [] }; keys.push(id); }
      groups[id].entries.push(entry);
    });
    function cmp(a, b) { return a < b ? -1 : a > b ? 1 : 0; }
    keys.sort(function (a, b) {
      var ka = groups[a].key, kb = groups[b].key;
      return cmp(ka[0], kb[0]) || cmp(ka[1], kb[1]);
    });
    return keys.map(function (id) {
      var entries = groups[id].entries, latest = entries[0], seen = {};
      entries.forEach(function (e) {
        if (cmp(e.data.date, latest.data.date) > 0 || (e.data.date === latest.data.date && cmp(e.file, latest.file) > 0)) latest = e;
        seen[attemptKey(e.data)] = 1;
      });
      var d = latest.data;
      return {
        name: d.name.trim().split(/\s+/).join(" "), module: d.module, language: d.language,
        content_version: d.content_version, score: d.score, correct: d.correct, total: d.total,
        pass_mark: d.pass_mark, passed: d.passed, date: d.date, attempts: Object.keys(seen).length, file: latest.file
      };
    });
  }

  /* A file name that keeps the learner's name readable: only characters that
     file systems refuse (and control characters) are replaced. */
  function fileName(parts) {
    var safe = parts.join("-").normalize("NFC").replace(/[\\\/:*?"<>|\u0000-\u001f\u007f]+/g, "-")
      .replace(/\s+/g, " ").replace(/^[\s.]+|[\s.]+$/g, "");
    return Array.from(safe).slice(0, 120).join("") + ".json";
  }

  return { verdict: verdict, cohort: cohort, fileName: fileName };
})();

/* Trainers' page: the cohort view. Receipt files dropped on the page (or picked
   with the file input) are checked and tabulated here; nothing is uploaded. */
(function () {
  var view = document.querySelector(".kb-cohort");
  if (!view) return;
  var rules = JSON.parse(view.querySelector(".kb-receipt-rules").getAttribute("data-json"));
  var catalogue = JSON.parse(view.querySelector(".kb-receipt-catalogue").getAttribute("data-json"));
  var labels = JSON.parse(view.querySelector(".kb-cohort-labels").getAttribute("data-json"));
  var input = view.querySelector(".kb-cohort-input");
  var zone = view.querySelector(".kb-cohort-drop");
  var files = {};  // by name: dropping a file again replaces it

  function today() {
    var now = new Date();
    return now.getFullYear() + "-" + String(now.getMonth() + 1).padStart(2, "0") + "-" + String(now.getDate()).padStart(2, "0");
  }

  function element(tag, text, attrs) {
    var node = document.createElement(tag);
    if (text !== undefined && text !== null) node.textContent = text;
    Object.keys(attrs || {}).forEach(function (k) { node.setAttribute(k, attrs[k]); });
    return node;
  }

  function render() {
    var names = Object.keys(files).sort();
    var accepted = [], refused = [], day = today();
    names.forEach(function (name) {
      var result = files[name].tooLarge ? { codes: ["too-large"], data: null }
        : kbReceipts.verdict(rules, catalogue, files[name].bytes, day);
      if (result.data) accepted.push({ file: name, data: result.data });
      else refused.push({ file: name, codes: result.codes });
    });
    var rows = kbReceipts.cohort(accepted);
    var body = view.querySelector(".kb-cohort-table tbody");
    body.textContent = "";
    rows.forEach(function (r) {
      var tr = element("tr", null, { "data-module": r.module, "data-name": r.name, "data-score": r.score,
        "data-passed": String(r.passed), "data-attempts": r.attempts, "data-file": r.file });
      var title = (catalogue[r.module] && catalogue[r.module].title) || r.module;
      [r.name, title, r.score + " %", r.correct + " / " + r.total, r.passed ? labels.passed : labels.failed,
       r.date, r.attempts, r.file].forEach(function (cell) { tr.appendChild(element("td", String(cell))); });
      body.appendChild(tr);
    });
    view.querySelector(".kb-cohort-table").hidden = rows.length === 0;
    var list = view.querySelector(".kb-cohort-refused");
    list.textContent = "";
    refused.forEach(function (r) {
      var li = element("li", null, { "data-file": r.file, "data-codes": r.codes.join(" ") });
      li.appendChild(element("code", r.file));
      li.appendChild(document.createTextNode(": " + r.codes.map(function (c) { return labels.reasons[c] || c; }).join("; ")));
      list.appendChild(li);
    });
    view.querySelector(".kb-cohort-refused-title").hidden = refused.length === 0;
    view.querySelector(".kb-cohort-summary").textContent = labels.summary
      .replace("{learners}", rows.length).replace("{files}", names.length).replace("{refused}", refused.length);
    chart(rows);
  }

  function chart(rows) {
    var holder = view.querySelector(".kb-cohort-chart");
    holder.textContent = "";
    var modules = [];
    rows.forEach(function (r) { if (modules.indexOf(r.module) < 0) modules.push(r.module); });
    modules.sort();
    if (!modules.length) return;
    var NS = "http://www.w3.org/2000/svg", barH = 28, width = 640, labelW = 260;
    var svg = document.createElementNS(NS, "svg");
    svg.setAttribute("role", "img");
    svg.setAttribute("aria-label", labels.chart);
    svg.setAttribute("viewBox", "0 0 " + width + " " + modules.length * barH);
    svg.setAttribute("width", "100%");
    svg.setAttribute("font-size", "13");
    modules.forEach(function (module, i) {
      var scores = rows.filter(function (r) { return r.module === module; }).map(function (r) { return r.score; });
      var average = scores.reduce(function (a, b) { return a + b; }, 0) / scores.length;
      var length = (width - labelW - 80) * average / 100, y = i * barH;
      var label = document.createElementNS(NS, "text");
      label.setAttribute("x", "0"); label.setAttribute("y", y + 19);
      label.textContent = (catalogue[module] && catalogue[module].title) || module;
      var bar = document.createElementNS(NS, "rect");
      bar.setAttribute("x", labelW); bar.setAttribute("y", y + 5); bar.setAttribute("width", length.toFixed(1));
      bar.setAttribute("height", barH - 10); bar.setAttribute("class", "kb-cohort-bar");
      var value = document.createElementNS(NS, "text");
      value.setAttribute("x", (labelW + length + 6).toFixed(1)); value.setAttribute("y", y + 19);
      value.setAttribute("class", "kb-cohort-average"); value.setAttribute("data-module", module);
      // Rounded half up in integers, as kb receipts' chart.
      var total = scores.reduce(function (a, b) { return a + b; }, 0);
      value.textContent = Math.floor((2 * total + scores.length) / (2 * scores.length)) + "% (n=" + scores.length + ")";
      svg.appendChild(label); svg.appendChild(bar); svg.appendChild(value);
    });
    holder.appendChild(svg);
  }

  function add(fileList) {
    var pending = Array.prototype.map.call(fileList, function (file) {
      if (file.size > rules.max_bytes) {  // never read a huge file into memory
        files[file.name] = { tooLarge: true };
        return Promise.resolve();
      }
      return file.arrayBuffer().then(function (buffer) {
        files[file.name] = { bytes: new Uint8Array(buffer) };
      }, function () {
        files[file.name] = { bytes: new Uint8Array(0) };  // unreadable (e.g. a folder): not JSON
      });
    });
    return Promise.all(pending).then(render);
  }

  input.addEventListener("change", function () { add(input.files); });
  ["dragenter", "dragover"].forEach(function (type) {
    zone.addEventListener(type, function (event) { event.preventDefault(); zone.classList.add("kb-dragging"); });
  });
  zone.addEventListener("dragleave", function () { zone.classList.remove("kb-dragging"); });
  zone.addEventListener("drop", function (event) {
    event.preventDefault();
    zone.classList.remove("kb-dragging");
    add(event.dataTransfer.files);
  });
  view.querySelector(".kb-cohort-clear").addEventListener("click", function () {
    files = {};
    input.value = "";
    render();
  });
  render();
})();
