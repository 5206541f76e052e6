/* Customer Focus course: the SCORM launch page (scorm-launch.html in the packages).
 *
 * It finds the LMS's API (SCORM 1.2: window.API; SCORM 2004: window.API_1484_11)
 * in a parent or opener window, initializes ONCE, and shows the book's pages in
 * an iframe, so navigating between pages never starts a second session.
 *
 * What it reports, from the events the book's pages emit (quiz.js):
 *   - status: incomplete until the knowledge check (the whole check, not a
 *     check restricted to chapters) has been submitted once; then, from the
 *     BEST submitted attempt, 1.2 lesson_status passed/failed, 2004
 *     completion_status completed and success_status passed/failed;
 *   - score of the best attempt: raw/min/max on 0-100 (a whole percent,
 *     rounded down so that rounding never turns a fail into a pass) and, in
 *     2004, scaled 0-1 (rounded down to 4 decimals). Against the manifest's
 *     mastery score (1.2 adlcp:masteryscore, 2004 imsss:minNormalizedMeasure)
 *     an LMS reaches the same verdict as the package;
 *   - one interaction per item of every submitted attempt: the question id,
 *     its type, the chosen option ids (or the number), the correct option ids
 *     (or the number and its range) as correct_responses.0.pattern, the result;
 *   - session time; exit is always "suspend", so a returning learner resumes
 *     the same LMS attempt; and the progress (every quiz's answers, seeds and
 *     draws, the scenario paths) in suspend_data, restored on the next launch
 *     into this browser's storage before the book opens. A new LMS attempt
 *     (entry "ab-initio" with no suspend_data) starts from a clean slate.
 * With no API (opened outside an LMS) it only shows the book: no LMS calls.
 *
 * Editions (config.editions: English at the package's root, Traditional Chinese
 * in zh-TW/): on a first launch the page asks which one to read (a button per
 * edition, each in its own language) and remembers the answer twice: in the
 * LMS, as the folder of the location it keeps (cmi.location, 1.2
 * cmi.core.lesson_location: "zh-TW/book/..."), and in this browser's storage
 * (customer-focus-scorm-edition). A re-launch opens the saved location, or the
 * remembered edition's start page, with no question; the page's language
 * switch stays, and the edition last read is the one remembered. Both editions
 * name quizzes, questions and options with the same ids (the package's one
 * progress index), so score, status, interactions and suspend_data are the
 * same whichever the learner reads.
 *
 * suspend_data, version 2: compact, so that SCORM 1.2's 4,096 characters hold
 * every quiz of the course answered. It names quizzes, questions and options by
 * their POSITION in the package's progress index (config.index, written by the
 * book build: every placed quiz with its question ids, fingerprints and option
 * ids in authored order, and every scenario), and checks each entry against
 * the first 4 hex digits of the fingerprint it was saved with: an entry saved
 * by another version of the package is dropped, never misread.
 *
 *   suspend_data := "2" "|" scenarios "|" quizzes
 *   scenarios    := scenario ("~" scenario)*         (may be empty)
 *   scenario     := s ";" f ";" path                 s: position in index.scenarios (base 36)
 *                                                    path: one base-36 digit per choice made from the start
 *   quizzes      := quiz ("~" quiz)*                 (may be empty)
 *   quiz         := q ";" f ";" seed ";" meta ";" items
 *                   q: position in index.placements (base 36); seed: the attempt's seed (base 36)
 *     practice:  meta := best (base 36: best right answers)
 *                items := item ("," item)*, one per question in bank order, trailing empty ones left out;
 *                item  := [answer] [":" tries]       tries: the question's reshuffle digit
 *     exam:      meta := attempts ":" best ":" submitted     (base 36; submitted 0 or 1; attempts capped at zz)
 *                items := item ("," item)*, one per drawn question in the order shown;
 *                item  := p [":" answer]             p: the question's position in the bank (base 36)
 *   answer       := single, true/false: the chosen option's authored position (base 36)
 *                   multiple: a bit mask of the chosen authored positions (base 36)
 *                   numeric: the text typed, when it is at most 24 characters of digits, ".", "e", "E", "+"
 *                   and "-"; otherwise the number it reads as (JavaScript's shortest form, at most 24 characters)
 * "|", "~", ";", "," and ":" never occur inside a field.
 */
(function () {
  "use strict";

  var config = JSON.parse(document.getElementById("cf-scorm-config").textContent);
  var frame = document.getElementById("cf-content");
  var QUIZ_STORE = "customer-focus-progress-v2";
  var SCENARIO_STORE = "customer-focus-scenarios-v1";
  var OLD_STORES = ["customer-focus-progress-v1"];
  var QUIZ = config.quiz;
  var INDEX = config.index || { placements: [], scenarios: [] };
  var LIMIT = config.version === "2004" ? 64000 : 4096;
  var B36 = 36;
  var EDITION_STORE = "customer-focus-scorm-edition";
  var EDITIONS = config.editions && config.editions.length ? config.editions : [{ key: "en", folder: "", lang: "en" }];

  /* ---------- compact progress: encode and decode (see the format above) ---------- */

  function isObject(value) { return !!value && typeof value === "object" && !Array.isArray(value); }

  function digit(value, max) {
    if (typeof value !== "number" || !Number.isInteger(value) || value < 0 || (max !== undefined && value > max)) {
      throw new Error("not a small whole number: " + value);
    }
    return value.toString(B36);
  }

  function number36(text) {
    if (!/^[0-9a-z]+$/.test(text)) { throw new Error("not base 36: " + text); }
    return parseInt(text, B36);
  }

  var PLAIN_NUMBER = /^[0-9.eE+-]{1,24}$/;

  function encodeAnswer(question, response, parse) {
    if (question.type === "numeric") {
      if (typeof response !== "string" && typeof response !== "number") { return null; }
      var text = String(response).trim();
      if (PLAIN_NUMBER.test(text)) { return text; }
      var value = parse ? parse(response) : null;
      return value === null || value === undefined || !isFinite(value) ? null : String(value);
    }
    var chosen = Array.isArray(response) ? response : [response];
    var positions = chosen.map(function (id) { return question.options.indexOf(id); });
    if (!positions.length || positions.some(function (p) { return p < 0; })) { return null; }
    if (question.type === "multiple") {
      var mask = positions.filter(function (p, i) { return positions.indexOf(p) === i; })
        .reduce(function (sum, p) { return sum + Math.pow(2, p); }, 0);
      return mask.toString(B36);
    }
    return positions.length === 1 ? digit(positions[0]) : null;
  }

  function decodeAnswer(question, code) {
    if (question.type === "numeric") {
      if (!PLAIN_NUMBER.test(code)) { throw new Error("bad number"); }
      return code;
    }
    var value = number36(code);
    if (question.type === "multiple") {
      var ids = question.options.filter(function (id, position) { return Math.floor(value / Math.pow(2, position)) % 2 === 1; });
      if (!ids.length || value >= Math.pow(2, question.options.length)) { throw new Error("bad choice"); }
      return ids;
    }
    if (value >= question.options.length) { throw new Error("bad choice"); }
    return question.options[value];
  }

  function check4(fingerprint) { return String(fingerprint).slice(0, 4); }

  function encodeQuiz(position, placement, entry, parse) {
    if (!isObject(entry) || entry.fingerprint !== placement.fingerprint || typeof entry.seed !== "string" ||
        !/^[0-9a-z]{1,12}$/.test(entry.seed) || !isObject(entry.answers)) { return null; }
    var byId = {};
    placement.questions.forEach(function (question, index) { byId[question.id] = { question: question, index: index }; });
    function answerCode(id) {
      var answer = entry.answers[id];
      var known = byId[id];
      if (!known || !isObject(answer) || answer.f !== known.question.fingerprint) { return null; }
      return encodeAnswer(known.question, answer.r, parse);
    }
    var tries = isObject(entry.tries) ? entry.tries : {};
    var items;
    var meta;
    var best = typeof entry.best === "number" && entry.best >= 0 ? Math.floor(entry.best) : 0;
    if (placement.mode === "exam") {
      if (!Array.isArray(entry.drawn) || entry.drawn.some(function (id) { return !byId[id]; })) { return null; }
      var attempts = typeof entry.attempts === "number" && entry.attempts > 0 ? Math.min(Math.floor(entry.attempts), 1295) : 0;
      meta = digit(attempts) + ":" + digit(best) + ":" + (entry.submitted ? "1" : "0");
      items = entry.drawn.map(function (id) {
        var code = answerCode(id);
        return digit(byId[id].index) + (code === null ? "" : ":" + code);
      });
    } else {
      meta = digit(best);
      items = placement.questions.map(function (question) {
        var code = answerCode(question.id);
        var again = typeof tries[question.id] === "string" && /^[0-9a-z]$/.test(tries[question.id]) ? ":" + tries[question.id] : "";
        return (code === null ? "" : code) + again;
      });
      while (items.length && items[items.length - 1] === "") { items.pop(); }
    }
    return [digit(position), check4(entry.fingerprint), entry.seed, meta, items.join(",")].join(";");
  }

  function decodeQuiz(text, index) {
    var fields = text.split(";");
    if (fields.length !== 5) { throw new Error("bad quiz entry"); }
    var placement = index.placements[number36(fields[0])];
    if (!placement || check4(placement.fingerprint) !== fields[1]) { return null; }
    if (!/^[0-9a-z]{1,12}$/.test(fields[2])) { throw new Error("bad seed"); }
    var entry = { fingerprint: placement.fingerprint, seed: fields[2], tries: {}, answers: {}, attempts: 0 };
    var items = fields[4] === "" ? [] : fields[4].split(",");
    if (placement.mode === "exam") {
      var meta = fields[3].split(":");
      if (meta.length !== 3 || (meta[2] !== "0" && meta[2] !== "1")) { throw new Error("bad exam entry"); }
      entry.attempts = number36(meta[0]);
      entry.best = number36(meta[1]);
      entry.bestOf = placement.size;
      entry.submitted = meta[2] === "1";
      entry.drawn = items.map(function (item) {
        var parts = item.split(":");
        var question = placement.questions[number36(parts[0])];
        if (!question || parts.length > 2) { throw new Error("bad drawn item"); }
        if (parts.length === 2) { entry.answers[question.id] = { r: decodeAnswer(question, parts[1]), f: question.fingerprint }; }
        return question.id;
      });
      if (entry.drawn.length !== placement.size) { throw new Error("bad draw"); }
    } else {
      entry.best = number36(fields[3]);
      entry.bestOf = placement.questions.length;
      if (items.length > placement.questions.length) { throw new Error("too many answers"); }
      items.forEach(function (item, position) {
        var question = placement.questions[position];
        var parts = item.split(":");
        if (parts.length > 2) { throw new Error("bad item"); }
        if (parts[0] !== "") { entry.answers[question.id] = { r: decodeAnswer(question, parts[0]), f: question.fingerprint }; }
        if (parts.length === 2) {
          if (!/^[0-9a-z]$/.test(parts[1])) { throw new Error("bad tries"); }
          entry.tries[question.id] = parts[1];
        }
      });
    }
    if (entry.best > entry.bestOf) { throw new Error("bad best"); }
    return { key: placement.key, entry: entry };
  }

  function encodeScenario(position, known, saved) {
    if (!isObject(saved) || saved.fingerprint !== known.fingerprint || !Array.isArray(saved.path)) { return null; }
    var path = saved.path.map(function (step) { return digit(step, 35); }).join("");
    return [digit(position), check4(known.fingerprint), path].join(";");
  }

  function decodeScenario(text, index) {
    var fields = text.split(";");
    if (fields.length !== 3) { throw new Error("bad scenario entry"); }
    var known = index.scenarios[number36(fields[0])];
    if (!known || check4(known.fingerprint) !== fields[1]) { return null; }
    var path = fields[2] === "" ? [] : fields[2].split("").map(number36);
    return { id: known.id, saved: { fingerprint: known.fingerprint, path: path } };
  }

  /**
   * The stores (as quiz.js and scenario.js keep them in localStorage) as suspend_data.
   * @param {object} quizzes - {version: 2, quizzes: {key: entry}} (or null)
   * @param {object} scenarios - {version: 1, scenarios: {id: {fingerprint, path}}} (or null)
   * @param {object} index - the package's progress index
   * @param {function} [parse] - reads a typed number (quiz.js's parseNumber)
   * @param {function} [keep] - keep(key) false leaves a quiz out (to fit a limit)
   */
  function encode(quizzes, scenarios, index, parse, keep) {
    var quizParts = [];
    var stored = isObject(quizzes) && isObject(quizzes.quizzes) ? quizzes.quizzes : {};
    index.placements.forEach(function (placement, position) {
      if (keep && !keep(placement.key)) { return; }
      try {
        var part = encodeQuiz(position, placement, stored[placement.key], parse);
        if (part !== null) { quizParts.push(part); }
      } catch (error) { /* an entry that cannot be encoded is left out */ }
    });
    var scenarioParts = [];
    var paths = isObject(scenarios) && isObject(scenarios.scenarios) ? scenarios.scenarios : {};
    index.scenarios.forEach(function (known, position) {
      try {
        var part = encodeScenario(position, known, paths[known.id]);
        if (part !== null) { scenarioParts.push(part); }
      } catch (error) { /* left out */ }
    });
    return "2|" + scenarioParts.join("~") + "|" + quizParts.join("~");
  }

  /** suspend_data back into the two stores; null when it is not version 2. */
  function decode(text, index) {
    if (typeof text !== "string" || text.slice(0, 2) !== "2|") { return null; }
    var sections = text.split("|");
    if (sections.length !== 3) { return null; }
    var quizzes = { version: 2, quizzes: {} };
    var scenarios = { version: 1, scenarios: {} };
    (sections[1] ? sections[1].split("~") : []).forEach(function (part) {
      try {
        var found = decodeScenario(part, index);
        if (found) { scenarios.scenarios[found.id] = found.saved; }
      } catch (error) { /* an unreadable entry is dropped */ }
    });
    (sections[2] ? sections[2].split("~") : []).forEach(function (part) {
      try {
        var found = decodeQuiz(part, index);
        if (found) { quizzes.quizzes[found.key] = found.entry; }
      } catch (error) { /* an unreadable entry is dropped */ }
    });
    return { quizzes: quizzes, scenarios: scenarios };
  }

  /* ---------- the LMS API ---------- */

  function findIn(win, name) {
    for (var depth = 0; win && depth < 12; depth += 1) {
      try { if (win[name]) { return win[name]; } } catch (error) { return null; }
      if (win.parent === win) { break; }
      win = win.parent;
    }
    return null;
  }

  function findApi(name) {
    var api = findIn(window.parent === window ? null : window.parent, name);
    if (!api && window.opener) { api = findIn(window.opener, name); }
    return api;
  }

  var scorm2004 = config.version === "2004";
  var api = findApi(scorm2004 ? "API_1484_11" : "API");
  var lms = {
    active: false,
    init: function () { this.active = String(scorm2004 ? api.Initialize("") : api.LMSInitialize("")) === "true"; return this.active; },
    get: function (key) { return this.active ? String(scorm2004 ? api.GetValue(key) : api.LMSGetValue(key)) : ""; },
    set: function (key, value) { if (this.active) { return scorm2004 ? api.SetValue(key, String(value)) : api.LMSSetValue(key, String(value)); } return "false"; },
    commit: function () { if (this.active) { return scorm2004 ? api.Commit("") : api.LMSCommit(""); } return "false"; },
    finish: function () {
      if (this.active) { this.active = false; return scorm2004 ? api.Terminate("") : api.LMSFinish(""); }
      return "false";
    }
  };
  var names = scorm2004 ? {
    location: "cmi.location", suspend: "cmi.suspend_data", exit: "cmi.exit", session: "cmi.session_time",
    raw: "cmi.score.raw", min: "cmi.score.min", max: "cmi.score.max", entry: "cmi.entry"
  } : {
    location: "cmi.core.lesson_location", suspend: "cmi.suspend_data", exit: "cmi.core.exit", session: "cmi.core.session_time",
    raw: "cmi.core.score.raw", min: "cmi.core.score.min", max: "cmi.core.score.max", entry: "cmi.core.entry"
  };

  /* ---------- saved progress ---------- */

  var state = { location: config.start };

  function readStore(key) {
    try { return JSON.parse(window.localStorage.getItem(key) || "null"); } catch (error) { return null; }
  }

  function writeStore(key, value) {
    try {
      if (value === null) { window.localStorage.removeItem(key); } else { window.localStorage.setItem(key, JSON.stringify(value)); }
    } catch (error) { /* storage unavailable */ }
  }

  function restore() {
    var text = lms.get(names.suspend);
    var decoded = decode(text, INDEX);
    OLD_STORES.forEach(function (key) { writeStore(key, null); });
    if (decoded) {
      writeStore(QUIZ_STORE, decoded.quizzes);
      writeStore(SCENARIO_STORE, decoded.scenarios);
    } else if (text !== "" || lms.get(names.entry) === "ab-initio") {
      // A new LMS attempt, or progress saved by the first version of the package: start clean.
      writeStore(QUIZ_STORE, null);
      writeStore(SCENARIO_STORE, null);
    }
    var location = lms.get(names.location);
    if (location && editionOf(location)) { state.location = location; state.resumed = true; }
  }

  /* ---------- editions ---------- */

  /* The edition a package path ("zh-TW/book/x.html#a") is in, or null when it is no book page. */
  function editionOf(path) {
    var found = null;
    EDITIONS.forEach(function (edition) {
      var rest = path.slice(0, edition.folder.length) === edition.folder ? path.slice(edition.folder.length) : null;
      if (rest !== null && /^book\/[A-Za-z0-9_\/.-]+\.html(#[A-Za-z0-9_-]*)?$/.test(rest) &&
          (!found || edition.folder.length > found.folder.length)) { found = edition; }
    });
    return found;
  }

  function editionByKey(key) {
    return EDITIONS.filter(function (edition) { return edition.key === key; })[0] || null;
  }

  function remembered() {
    try { return editionByKey(window.localStorage.getItem(EDITION_STORE)); } catch (error) { return null; }
  }

  function remember(edition) {
    try { window.localStorage.setItem(EDITION_STORE, edition.key); } catch (error) { /* storage unavailable */ }
  }

  function show(location) {
    document.getElementById("cf-choose").hidden = true;
    frame.hidden = false;
    frame.src = location;
  }

  /* Open the saved location, the remembered edition, or (first launch, two editions) ask. */
  function openBook() {
    if (state.resumed || EDITIONS.length === 1) { show(state.location); return; }
    var edition = remembered();
    if (edition) { state.location = edition.folder + config.start; show(state.location); return; }
    var chooser = document.getElementById("cf-choose");
    Array.prototype.forEach.call(chooser.querySelectorAll("button[data-edition]"), function (button) {
      button.addEventListener("click", function () {
        var chosen = editionByKey(button.getAttribute("data-edition"));
        if (!chosen) { return; }
        remember(chosen);
        state.location = chosen.folder + config.start;
        show(state.location);
      });
    });
    chooser.hidden = false;
    var first = chooser.querySelector("button");
    if (first) { first.focus(); }
  }

  function parser() {
    var quiz = frame.contentWindow && frame.contentWindow.customerFocus && frame.contentWindow.customerFocus.quiz;
    return quiz ? quiz.parseNumber : null;
  }

  /* The progress as suspend_data, within the version's limit: should the course ever outgrow it,
   * the scenarios and then the chapter quizzes are left out before the knowledge check is. */
  function progressText() {
    var quizzes = readStore(QUIZ_STORE);
    var scenarios = readStore(SCENARIO_STORE);
    var parse = parser();
    var text = encode(quizzes, scenarios, INDEX, parse);
    if (text.length <= LIMIT) { return text; }
    text = encode(quizzes, null, INDEX, parse);
    var others = INDEX.placements.map(function (placement) { return placement.key; }).filter(function (key) { return key !== QUIZ; });
    while (text.length > LIMIT && others.length) {
      others.pop();
      text = encode(quizzes, null, INDEX, parse, function (key) { return key === QUIZ || others.indexOf(key) !== -1; });
    }
    return text;
  }

  function save() {
    if (!lms.active) { return; }
    lms.set(names.suspend, progressText());
    lms.set(names.location, state.location);
    lms.commit();
  }

  /* ---------- reporting ---------- */

  /* A number as SCORM's decimal (at most 10 integer digits), or null. */
  function decimal(value) {
    if (typeof value !== "number" || !isFinite(value) || Math.abs(value) >= 1e10) { return null; }
    var text = value.toFixed(10).replace(/0+$/, "").replace(/\.$/, "");
    return text === "-0" ? "0" : text;
  }

  function interactionType(type) {
    return type === "true-false" ? "true-false" : type === "numeric" ? "numeric" : "choice";
  }

  function truth(id) { return scorm2004 ? id : (id === "true" ? "t" : "f"); }

  function choices(ids) { return ids.join(scorm2004 ? "[,]" : ","); }

  function learnerResponse(record) {
    if (record.response === null || record.response === undefined) { return null; }
    if (record.type === "numeric") {
      var parse = parser();
      return decimal(parse ? parse(record.response) : Number(record.response));
    }
    var ids = Array.isArray(record.response) ? record.response : [record.response];
    return record.type === "true-false" ? truth(ids[0]) : choices(ids);
  }

  function correctPattern(record) {
    if (record.type === "numeric") {
      if (!record.tolerance || !scorm2004) { return decimal(record.answer); }
      var low = decimal(record.answer - record.tolerance);
      var high = decimal(record.answer + record.tolerance);
      return low === null || high === null ? null : low + "[:]" + high;
    }
    return record.type === "true-false" ? truth(record.correct[0]) : choices(record.correct);
  }

  function interaction(record) {
    var base = "cmi.interactions." + (Number(lms.get("cmi.interactions._count")) || 0) + ".";
    lms.set(base + "id", record.id);
    lms.set(base + "type", interactionType(record.type));
    var pattern = correctPattern(record);
    if (pattern !== null) { lms.set(base + "correct_responses.0.pattern", pattern); }
    var response = learnerResponse(record);
    if (response !== null) { lms.set(base + (scorm2004 ? "learner_response" : "student_response"), response); }
    lms.set(base + "result", record.result === "correct" ? "correct" : (scorm2004 ? "incorrect" : "wrong"));
    if (scorm2004) { lms.set(base + "timestamp", new Date().toISOString().replace(/\.\d+Z$/, "")); }
  }

  function onAttempt(event) {
    var detail = event.detail;
    if (!lms.active || detail.key !== QUIZ || detail.restricted) { return; }
    detail.items.forEach(interaction);
    var best = detail.best;
    lms.set(names.min, 0);
    lms.set(names.max, 100);
    lms.set(names.raw, Math.floor((best.correct * 100) / best.total));
    var passed = best.correct / best.total >= config.passMark;
    if (scorm2004) {
      lms.set("cmi.score.scaled", String(Math.floor((best.correct * 10000) / best.total) / 10000));
      lms.set("cmi.completion_status", "completed");
      lms.set("cmi.success_status", passed ? "passed" : "failed");
    } else {
      lms.set("cmi.core.lesson_status", passed ? "passed" : "failed");
    }
    save();
  }

  function watchPage() {
    var doc;
    try { doc = frame.contentDocument; } catch (error) { return; }
    if (!doc || doc.location.href === "about:blank") { return; }
    var root = new URL(".", window.location.href).pathname;
    var path = doc.location.pathname;
    if (path.slice(0, root.length) === root) {
      var here = path.slice(root.length) + (doc.location.hash || "");
      var edition = editionOf(here);
      if (edition) { state.location = here; remember(edition); }
    }
    doc.addEventListener("customer-focus:attempt", onAttempt);
    doc.addEventListener("customer-focus:saved", save);
    doc.addEventListener("customer-focus:scenario", save);
    document.title = doc.title || document.title;
    save();
  }

  /* ---------- session ---------- */

  var started = Date.now();

  function sessionTime() {
    var seconds = Math.max(0, (Date.now() - started) / 1000);
    if (scorm2004) {
      var h = Math.floor(seconds / 3600), m = Math.floor((seconds % 3600) / 60), s = (seconds % 60).toFixed(2);
      return "PT" + h + "H" + m + "M" + s + "S";
    }
    var hours = Math.floor(seconds / 3600), minutes = Math.floor((seconds % 3600) / 60), rest = seconds % 60;
    function two(n) { return (n < 10 ? "0" : "") + n; }
    return (hours < 1000 ? ("000" + hours).slice(-4) : String(hours)) + ":" + two(minutes) + ":" + (rest < 10 ? "0" : "") + rest.toFixed(2);
  }

  var finished = false;
  function finish() {
    if (finished || !lms.active) { return; }
    finished = true;
    lms.set(names.session, sessionTime());
    lms.set(names.exit, "suspend");
    save();
    lms.finish();
  }

  if (api && lms.init()) {
    if (scorm2004) {
      if (lms.get("cmi.completion_status") !== "completed") { lms.set("cmi.completion_status", "incomplete"); }
    } else {
      var status = lms.get("cmi.core.lesson_status");
      if (status === "not attempted" || status === "") { lms.set("cmi.core.lesson_status", "incomplete"); }
    }
    restore();
    lms.commit();
    window.addEventListener("pagehide", finish);
    window.addEventListener("beforeunload", finish);
  }
  window.customerFocusScorm = {
    finish: finish, state: state, connected: function () { return lms.active; },
    index: INDEX, limit: LIMIT, codec: { encode: encode, decode: decode }, progressText: progressText,
    editionOf: editionOf
  };
  frame.addEventListener("load", watchPage);
  openBook();
})();
