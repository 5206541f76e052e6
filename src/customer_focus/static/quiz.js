/* Customer Focus course: quizzes in the static book.
 *
 * Vanilla JavaScript, no framework, no network. It grades with the same rules
 * as customer_focus.quiz.grading (tests/quiz-grading-cases.yml runs the same
 * cases against both), keeps each learner's progress in localStorage, and
 * fills in the "My progress" page.
 *
 * Options are named by their ids, never by their position: responses, stored
 * answers and events hold option ids. The page lists options in their
 * authored order (what readers without JavaScript see); this script shows
 * them in the attempt's order: shuffled with the attempt's seed (kept with the
 * progress, so a reload shows the same order), "fixed" options and true/false
 * left in place. "Try again" on a question and "Clear my answers" reshuffle.
 *
 * Practice quizzes (chapter quizzes) give feedback per question on Check.
 * Exam quizzes (the knowledge check, mode "exam") draw a set per attempt: at
 * least minPerChapter items from each chapter, the rest at random, in a
 * shuffled order; answers are saved as they are chosen and graded together on
 * Submit; New attempt draws a new set.
 *
 * Storage (localStorage "customer-focus-progress-v2"), one entry per placed
 * quiz, under its key (the quiz id; "<id>@<chapters>" for a check restricted
 * to chapters):
 *   {fingerprint, seed, tries: {question: char}, answers: {question: {r: response, f: question fingerprint}},
 *    best, bestOf,                                  (best score: best right answers of bestOf)
 *    drawn: [question ids], submitted, attempts}    (exam only)
 * An answer whose question changed (its fingerprint) is dropped, never
 * re-graded against new options. Progress stored by version 1 (option
 * positions) is discarded on load.
 *
 * Events, for pages that report results elsewhere (the SCORM launch page):
 *   "customer-focus:answer"   detail: {quiz, key, question, type, response, verdict, correct, total}   (practice)
 *   "customer-focus:progress" detail: {quiz, key, correct, answered, total, best, passMark}          (practice)
 *   "customer-focus:attempt"  detail: {quiz, key, restricted, mode, correct, total, passMark, attempts,
 *                                      best: {correct, total}, items: [{id, type, response, correct, answer, tolerance, result}]}
 *                             when an attempt is graded: an exam's Submit, or a practice quiz's last answer
 *   "customer-focus:saved"    detail: {key} after every change to the stored progress
 */
(function () {
  "use strict";

  var STORAGE_KEY = "customer-focus-progress-v2";
  var OLD_KEYS = ["customer-focus-progress-v1"];
  var STORAGE_VERSION = 2;
  var SLACK = 1e-9;
  var NUMBER = /^[+-]?([0-9]+\.?[0-9]*|\.[0-9]+)([eE][+-]?[0-9]+)?$/;
  var DIGITS = "0123456789abcdefghijklmnopqrstuvwxyz";
  /* The grader's own messages when no page's words are given (the same as grading.py's): every
   * other word this script shows comes from the page (a "cf-quiz-words" data block, written by
   * the {quiz} directive in the page's language from data/widget-words.yml). */
  var GRADER_WORDS = {
    invalid_number: "Enter a number, such as 266.67.", choose_some: "Choose at least one option.",
    choose_one: "Choose an option.", missed_one: "You missed {n} correct option.", missed_other: "You missed {n} correct options."
  };

  /* A word with its {name} slots filled in. */
  function say(text, values) {
    return String(text).replace(/\{([a-z_]+)\}/g, function (slot, name) {
      return values && values[name] !== undefined ? String(values[name]) : slot;
    });
  }

  function wordsOf(container) {
    var block = container.querySelector("script.cf-quiz-words");
    try { return block ? JSON.parse(block.textContent) : {}; } catch (error) { return {}; }
  }

  /* ---------- grading (mirror of customer_focus/quiz/grading.py) ---------- */

  function parseNumber(text) {
    if (typeof text === "boolean" || text === null || text === undefined) { return null; }
    if (typeof text === "number") { return isFinite(text) ? text : null; }
    if (typeof text !== "string") { return null; }
    var cleaned = text.trim().split(",").join("").split(" ").join("");
    if (cleaned.indexOf("-$") === 0) { cleaned = "-" + cleaned.slice(2); }
    if (cleaned.charAt(0) === "$") { cleaned = cleaned.slice(1); }
    if (cleaned.charAt(cleaned.length - 1) === "%") { cleaned = cleaned.slice(0, -1); }
    if (!NUMBER.test(cleaned)) { return null; }
    var value = Number(cleaned);
    return isFinite(value) ? value : null;
  }

  /* The authored positions of the chosen option ids, or null for anything else. */
  function chosenPositions(response, ids) {
    if (response === null || response === undefined) { return null; }
    var items = Array.isArray(response) ? response : [response];
    var chosen = [];
    for (var i = 0; i < items.length; i += 1) {
      var position = typeof items[i] === "string" ? ids.indexOf(items[i]) : -1;
      if (position === -1) { return null; }
      if (chosen.indexOf(position) === -1) { chosen.push(position); }
    }
    return chosen.sort(function (a, b) { return a - b; });
  }

  function grade(question, response, words) {
    var w = words || GRADER_WORDS;
    if (question.type === "numeric") {
      var value = parseNumber(response);
      if (value === null) { return { verdict: "invalid", feedback: "<p>" + w.invalid_number + "</p>" }; }
      if (Math.abs(value - question.answer) <= question.tolerance + SLACK) {
        return { verdict: "correct", feedback: question.if_correct };
      }
      for (var m = 0; m < question.mistakes.length; m += 1) {
        if (Math.abs(value - question.mistakes[m].value) <= question.tolerance + SLACK) {
          return { verdict: "incorrect", feedback: question.mistakes[m].feedback };
        }
      }
      return { verdict: "incorrect", feedback: question.if_incorrect };
    }
    var options = question.options;
    var chosen = chosenPositions(response, options.map(function (option) { return option.id; }));
    if (question.type === "multiple") {
      if (!chosen || chosen.length === 0) { return { verdict: "invalid", feedback: "<p>" + w.choose_some + "</p>" }; }
      var right = [];
      options.forEach(function (option, index) { if (option.correct) { right.push(index); } });
      var feedback = chosen.map(function (index) { return options[index].feedback; }).join("");
      if (chosen.join(",") === right.join(",")) { return { verdict: "correct", feedback: feedback }; }
      var missed = right.filter(function (index) { return chosen.indexOf(index) === -1; }).length;
      if (missed) { feedback += "<p>" + say(missed > 1 ? w.missed_other : w.missed_one, { n: missed }) + "</p>"; }
      return { verdict: "incorrect", feedback: feedback };
    }
    if (!chosen || chosen.length !== 1 || Array.isArray(response)) {
      return { verdict: "invalid", feedback: "<p>" + w.choose_one + "</p>" };
    }
    var picked = options[chosen[0]];
    return { verdict: picked.correct ? "correct" : "incorrect", feedback: picked.feedback };
  }

  function correctIds(question) {
    return (question.options || []).filter(function (option) { return option.correct; }).map(function (option) { return option.id; });
  }

  /* ---------- seeded shuffles and draws ---------- */

  /* A 32-bit number from a text (murmur-style mixing). */
  function hashText(text) {
    var h = 1779033703 ^ text.length;
    for (var i = 0; i < text.length; i += 1) {
      h = Math.imul(h ^ text.charCodeAt(i), 3432918353);
      h = (h << 13) | (h >>> 19);
    }
    h = Math.imul(h ^ (h >>> 16), 2246822507);
    h = Math.imul(h ^ (h >>> 13), 3266489909);
    return (h ^ (h >>> 16)) >>> 0;
  }

  /* A repeatable random number generator (mulberry32) seeded by a text: numbers in [0, 1). */
  function random(seedText) {
    var state = hashText(String(seedText));
    return function () {
      state = (state + 0x6D2B79F5) | 0;
      var t = Math.imul(state ^ (state >>> 15), 1 | state);
      t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
      return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
    };
  }

  /* A fresh attempt seed: six base-36 characters. */
  function newSeed() {
    var values = new Uint32Array(6);
    if (window.crypto && typeof window.crypto.getRandomValues === "function") {
      window.crypto.getRandomValues(values);
    } else {
      for (var i = 0; i < values.length; i += 1) { values[i] = Math.floor(Math.random() * 4294967296); }
    }
    var seed = "";
    for (var j = 0; j < values.length; j += 1) { seed += DIGITS.charAt(values[j] % 36); }
    return seed;
  }

  function shuffle(items, next) {
    var copy = items.slice();
    for (var i = copy.length - 1; i > 0; i -= 1) {
      var j = Math.floor(next() * (i + 1));
      var swap = copy[i];
      copy[i] = copy[j];
      copy[j] = swap;
    }
    return copy;
  }

  /* The ids of a question's options in the order shown with this seed; fixed options stay put. */
  function optionOrder(question, seed) {
    var ids = question.options.map(function (option) { return option.id; });
    var free = [];
    question.options.forEach(function (option, index) { if (!option.fixed) { free.push(index); } });
    var moved = shuffle(free.map(function (index) { return ids[index]; }), random(seed + "/" + question.id));
    free.forEach(function (index, k) { ids[index] = moved[k]; });
    return ids;
  }

  /* An exam attempt: `size` question ids (capped at the pool), at least minPerChapter per chapter, shuffled. */
  function draw(questions, size, minPerChapter, seed) {
    var next = random(seed + "/draw");
    var chapters = [];
    questions.forEach(function (question) { if (chapters.indexOf(question.chapter) === -1) { chapters.push(question.chapter); } });
    var chosen = [];
    chapters.forEach(function (chapter) {
      var items = questions.filter(function (question) { return question.chapter === chapter; });
      chosen = chosen.concat(shuffle(items, next).slice(0, Math.min(minPerChapter, items.length)));
    });
    var rest = questions.filter(function (question) { return chosen.indexOf(question) === -1; });
    var wanted = Math.min(size, questions.length);
    chosen = chosen.concat(shuffle(rest, next).slice(0, Math.max(0, wanted - chosen.length)));
    return shuffle(chosen, next).map(function (question) { return question.id; });
  }

  /* ---------- storage: one versioned entry; anything odd is discarded ---------- */

  function isObject(value) { return !!value && typeof value === "object" && !Array.isArray(value); }

  function emptyStore() { return { version: STORAGE_VERSION, quizzes: {} }; }

  function forget(key) {
    try { window.localStorage.removeItem(key); } catch (error) { /* storage unavailable */ }
  }

  function loadStore() {
    OLD_KEYS.forEach(function (key) {
      try { if (window.localStorage.getItem(key) !== null) { forget(key); } } catch (error) { /* unavailable */ }
    });
    var raw = null;
    try { raw = window.localStorage.getItem(STORAGE_KEY); } catch (error) { return emptyStore(); }
    if (raw === null) { return emptyStore(); }
    try {
      var store = JSON.parse(raw);
      if (isObject(store) && store.version === STORAGE_VERSION && isObject(store.quizzes)) { return store; }
    } catch (error) { /* corrupted: start again below */ }
    forget(STORAGE_KEY);
    return emptyStore();
  }

  function emit(name, detail) {
    document.dispatchEvent(new CustomEvent(name, { detail: detail }));
  }

  function saveStore(store, key) {
    try { window.localStorage.setItem(STORAGE_KEY, JSON.stringify(store)); } catch (error) { /* private mode or full: keep going */ }
    emit("customer-focus:saved", { key: key });
  }

  function hasAnswer(answers, question) {
    return Object.prototype.hasOwnProperty.call(answers, question.id);
  }

  function newAttempt(entry, data, questions) {
    entry.seed = newSeed();
    entry.tries = {};
    entry.answers = {};
    if (data.mode === "exam") {
      entry.drawn = draw(questions, data.size, data.minPerChapter || 0, entry.seed);
      entry.submitted = false;
    }
  }

  /* The stored entry of a placed quiz, checked against the quiz as built now. */
  function quizEntry(store, data, questions, byId) {
    var entry = store.quizzes[data.key];
    var total = data.mode === "exam" ? data.size : questions.length;
    if (!isObject(entry) || typeof entry.seed !== "string" || !/^[0-9a-z]{1,12}$/.test(entry.seed) || !isObject(entry.answers)) {
      entry = { fingerprint: data.fingerprint, best: 0, bestOf: total, attempts: 0 };
      newAttempt(entry, data, questions);
      store.quizzes[data.key] = entry;
      return entry;
    }
    if (!isObject(entry.tries)) { entry.tries = {}; }
    if (typeof entry.best !== "number" || typeof entry.bestOf !== "number" || entry.bestOf <= 0 || entry.best < 0 || entry.best > entry.bestOf) {
      entry.best = 0;
      entry.bestOf = total;
    }
    Object.keys(entry.answers).forEach(function (id) {
      var answer = entry.answers[id];
      var question = byId[id];
      var usable = question && isObject(answer) && answer.f === question.fingerprint &&
        (data.mode === "exam" ? answer.r !== undefined : grade(question, answer.r).verdict !== "invalid");
      if (!usable) { delete entry.answers[id]; }
    });
    Object.keys(entry.tries).forEach(function (id) {
      if (!byId[id] || typeof entry.tries[id] !== "string" || !/^[0-9a-z]$/.test(entry.tries[id])) { delete entry.tries[id]; }
    });
    if (data.mode === "exam") {
      if (typeof entry.attempts !== "number" || entry.attempts < 0) { entry.attempts = 0; }
      var drawn = entry.drawn;
      var valid = Array.isArray(drawn) && drawn.length === data.size && drawn.every(function (id, index) {
        return typeof id === "string" && byId[id] && drawn.indexOf(id) === index;
      });
      if (!valid) { newAttempt(entry, data, questions); }
      entry.submitted = valid && entry.submitted === true;
    }
    entry.fingerprint = data.fingerprint;
    return entry;
  }

  /* ---------- one quiz on a page: shared pieces ---------- */

  function decode(payload) {
    var binary = window.atob(payload);
    var bytes = new Uint8Array(binary.length);
    for (var i = 0; i < binary.length; i += 1) { bytes[i] = binary.charCodeAt(i); }
    return JSON.parse(new TextDecoder("utf-8").decode(bytes));
  }

  function typeset(element) {
    var mathjax = window.MathJax;
    if (mathjax && typeof mathjax.typesetPromise === "function") {
      mathjax.typesetPromise([element]).catch(function () { /* leave the TeX as text */ });
    }
  }

  function readResponse(fieldset, question) {
    if (question.type === "numeric") { return fieldset.querySelector("input[type=text]").value; }
    var checked = Array.prototype.filter.call(fieldset.querySelectorAll(".cf-option input"), function (input) { return input.checked; })
      .map(function (input) { return input.value; });
    if (question.type === "multiple") { return checked; }
    return checked.length ? checked[0] : null;
  }

  function isBlank(question, response) {
    if (question.type === "numeric") { return typeof response !== "string" || response.trim() === ""; }
    return response === null || response === undefined || (Array.isArray(response) && response.length === 0);
  }

  function writeResponse(fieldset, question, response) {
    if (question.type === "numeric") {
      fieldset.querySelector("input[type=text]").value = typeof response === "string" ? response : "";
      return;
    }
    var chosen = Array.isArray(response) ? response : [response];
    fieldset.querySelectorAll(".cf-option input").forEach(function (input) {
      input.checked = chosen.indexOf(input.value) !== -1;
    });
  }

  /* Put the options of a question in the given order (ids). */
  function arrange(fieldset, order) {
    var box = fieldset.querySelector(".cf-options");
    if (!box) { return; }
    order.forEach(function (id) {
      var option = box.querySelector('.cf-option[data-option="' + id + '"]');
      if (option) { box.appendChild(option); }
    });
  }

  function firstInput(fieldset) { return fieldset && fieldset.querySelector("input:not([disabled])"); }

  function showResult(fieldset, question, result, words, label) {
    var feedback = fieldset.querySelector(".cf-feedback");
    var explanation = fieldset.querySelector(".cf-explanation");
    var verdicts = { correct: words.verdict_correct, incorrect: words.verdict_incorrect, invalid: "" };
    var text = label === undefined ? verdicts[result.verdict] : label;
    feedback.className = "cf-feedback cf-" + result.verdict;
    feedback.innerHTML = (text ? "<p class=\"cf-verdict\"><strong>" + text + "</strong></p>" : "") + result.feedback;
    if (result.verdict === "invalid") {
      explanation.hidden = true;
    } else {
      explanation.innerHTML = "<p class=\"cf-why\"><strong>" + words.why + "</strong></p>" + question.explanation;
      explanation.hidden = false;
      var retry = fieldset.querySelector(".cf-retry");
      if (retry) { retry.hidden = false; }
    }
    typeset(fieldset);
  }

  function clearResult(fieldset) {
    var feedback = fieldset.querySelector(".cf-feedback");
    feedback.className = "cf-feedback";
    feedback.innerHTML = "";
    var explanation = fieldset.querySelector(".cf-explanation");
    explanation.innerHTML = "";
    explanation.hidden = true;
    var retry = fieldset.querySelector(".cf-retry");
    if (retry) { retry.hidden = true; }
  }

  /* What an LMS needs of one graded item (see the "customer-focus:attempt" event). */
  function item(question, response, verdict) {
    var record = { id: question.id, type: question.type, response: isBlank(question, response) ? null : response, result: verdict };
    if (question.type === "numeric") {
      record.answer = question.answer;
      record.tolerance = question.tolerance;
    } else {
      record.correct = correctIds(question);
    }
    return record;
  }

  function better(right, total, entry) {
    return !entry.bestOf || right * entry.bestOf > entry.best * total;
  }

  /* Whole percent, rounded down: rounding never turns a fail into a pass. */
  function percent(right, total) { return total ? Math.floor((right * 100) / total) : 0; }

  /* ---------- practice: instant feedback per question ---------- */

  function setUpPractice(section, data, questions, byId, W) {
    var fieldsets = Array.prototype.slice.call(section.querySelectorAll("fieldset.cf-question"));
    var score = section.querySelector(".cf-score");
    var total = questions.length;
    var store;
    var entry;

    function refresh() {
      store = loadStore();
      entry = quizEntry(store, data, questions, byId);
    }

    function seedOf(question) {
      var tries = entry.tries[question.id];
      return entry.seed + (tries ? "." + tries : "");
    }

    function counts() {
      var answered = 0;
      var correct = 0;
      questions.forEach(function (question) {
        if (hasAnswer(entry.answers, question)) {
          answered += 1;
          if (grade(question, entry.answers[question.id].r).verdict === "correct") { correct += 1; }
        }
      });
      return { answered: answered, correct: correct };
    }

    function updateScore(graded) {
      var now = counts();
      if (better(now.correct, total, entry)) {
        entry.best = now.correct;
        entry.bestOf = total;
      }
      var text = say(W.score, { right: now.correct, total: total });
      if (now.answered === total) {
        var share = now.correct / total;
        text = say(W.final_score, { right: now.correct, total: total, percent: Math.round(share * 100) }) +
          (share >= data.passMark ? W.well_done : say(W.try_goal, { mark: Math.round(data.passMark * 100) }));
      } else if (now.answered > 0) {
        text += say(W.answered_count, { answered: now.answered, total: total });
      }
      if (entry.best * total > now.correct * entry.bestOf) { text += say(W.best_so_far, { best: entry.best, of: entry.bestOf }); }
      score.textContent = text;
      saveStore(store, data.key);
      emit("customer-focus:progress", {
        quiz: data.quiz, key: data.key, correct: now.correct, answered: now.answered, total: total, best: entry.best, passMark: data.passMark
      });
      if (graded && now.answered === total) {
        emit("customer-focus:attempt", {
          quiz: data.quiz, key: data.key, restricted: data.restricted, mode: data.mode, correct: now.correct, total: total,
          passMark: data.passMark, attempts: 1, best: { correct: entry.best, total: entry.bestOf },
          items: questions.map(function (question) {
            var response = entry.answers[question.id].r;
            return item(question, response, grade(question, response).verdict);
          })
        });
      }
    }

    function check(fieldset) {
      var question = byId[fieldset.dataset.question];
      var response = readResponse(fieldset, question);
      var result = grade(question, response, W);
      showResult(fieldset, question, result, W);
      if (result.verdict === "invalid") { return; }
      refresh();
      entry.answers[question.id] = { r: response, f: question.fingerprint };
      emit("customer-focus:answer", {
        quiz: data.quiz, key: data.key, question: question.id, type: question.type, response: response,
        verdict: result.verdict, correct: result.verdict === "correct", total: total
      });
      updateScore(true);
    }

    function reset(fieldset, question) {
      writeResponse(fieldset, question, question.type === "multiple" ? [] : null);
      clearResult(fieldset);
      arrange(fieldset, question.options ? optionOrder(question, seedOf(question)) : []);
    }

    function retry(fieldset) {
      var question = byId[fieldset.dataset.question];
      refresh();
      delete entry.answers[question.id];
      var tries = entry.tries[question.id];
      entry.tries[question.id] = DIGITS.charAt(((tries ? DIGITS.indexOf(tries) : 0) + 1) % DIGITS.length);
      reset(fieldset, question);
      updateScore(false);
      var first = firstInput(fieldset);
      if (first) { first.focus(); }
    }

    refresh();
    fieldsets.forEach(function (fieldset) {
      var question = byId[fieldset.dataset.question];
      if (!question) { return; }
      fieldset.querySelector(".cf-check").addEventListener("click", function () { check(fieldset); });
      fieldset.querySelector(".cf-retry").addEventListener("click", function () { retry(fieldset); });
      if (question.options) { arrange(fieldset, optionOrder(question, seedOf(question))); }
      if (hasAnswer(entry.answers, question)) {
        var stored = entry.answers[question.id].r;
        writeResponse(fieldset, question, stored);
        showResult(fieldset, question, grade(question, stored, W), W);
      }
    });

    // Enter in an answer field checks that question instead of submitting the page.
    section.querySelector("form").addEventListener("submit", function (event) {
      event.preventDefault();
      var fieldset = document.activeElement && document.activeElement.closest("fieldset.cf-question");
      if (fieldset && section.contains(fieldset)) { check(fieldset); }
    });

    section.querySelector(".cf-clear").addEventListener("click", function () {
      refresh();
      newAttempt(entry, data, questions);
      fieldsets.forEach(function (fieldset) {
        var question = byId[fieldset.dataset.question];
        if (question) { reset(fieldset, question); }
      });
      updateScore(false);
      var first = section.querySelector("fieldset input");
      if (first) { first.focus(); }
    });

    updateScore(false);
  }

  /* ---------- exam: a drawn set, graded together on Submit ---------- */

  function setUpExam(section, data, questions, byId, W) {
    var form = section.querySelector("form");
    var fieldsets = {};
    section.querySelectorAll("fieldset.cf-question").forEach(function (fieldset) { fieldsets[fieldset.dataset.question] = fieldset; });
    var bar = section.querySelector(".cf-exam-bar");
    var status = section.querySelector(".cf-exam-status");
    var submit = section.querySelector(".cf-submit");
    var confirm = section.querySelector(".cf-exam-confirm");
    var confirmText = section.querySelector(".cf-exam-confirm-text");
    var results = section.querySelector(".cf-exam-results");
    var live = section.querySelector(".cf-exam-live");
    var store;
    var entry;

    function refresh() {
      store = loadStore();
      entry = quizEntry(store, data, questions, byId);
    }

    function drawnFieldsets() { return entry.drawn.map(function (id) { return fieldsets[id]; }); }

    function answerOf(question) { return hasAnswer(entry.answers, question) ? entry.answers[question.id].r : null; }

    function answered(question) { return grade(question, answerOf(question)).verdict !== "invalid"; }

    function lock(locked) {
      drawnFieldsets().forEach(function (fieldset) {
        fieldset.querySelectorAll("input").forEach(function (input) { input.disabled = locked; });
      });
    }

    function updateStatus() {
      var count = entry.drawn.filter(function (id) { return answered(byId[id]); }).length;
      status.textContent = entry.submitted
        ? say(W.attempt_submitted, { n: entry.attempts })
        : say(W.attempt_status, { n: entry.attempts + 1, count: count, total: entry.drawn.length });
    }

    function layout() {
      Object.keys(fieldsets).forEach(function (id) { fieldsets[id].hidden = true; });
      entry.drawn.forEach(function (id, index) {
        var fieldset = fieldsets[id];
        var question = byId[id];
        form.appendChild(fieldset);
        fieldset.hidden = false;
        fieldset.querySelector(".cf-qnum").textContent = say(W.question_number, { n: index + 1, total: entry.drawn.length });
        if (question.options) { arrange(fieldset, optionOrder(question, entry.seed)); }
        writeResponse(fieldset, question, answerOf(question));
        clearResult(fieldset);
      });
      confirm.hidden = true;
      if (entry.submitted) {
        showResults(false);
      } else {
        lock(false);
        results.hidden = true;
        submit.hidden = false;
      }
      updateStatus();
    }

    /* Keep what the learner has chosen or typed in the drawn questions. */
    function record() {
      refresh();
      if (entry.submitted) { return; }
      drawnFieldsets().forEach(function (fieldset) {
        var question = byId[fieldset.dataset.question];
        var response = readResponse(fieldset, question);
        if (isBlank(question, response)) {
          delete entry.answers[question.id];
        } else {
          entry.answers[question.id] = { r: response, f: question.fingerprint };
        }
      });
      saveStore(store, data.key);
      updateStatus();
    }

    function showResults(moveFocus) {
      var right = 0;
      var byChapter = {};
      entry.drawn.forEach(function (id) {
        var question = byId[id];
        var result = grade(question, answerOf(question), W);
        var fieldset = fieldsets[id];
        if (result.verdict === "invalid") {
          showResult(fieldset, question, { verdict: "incorrect", feedback: "" }, W, W.not_answered);
        } else {
          showResult(fieldset, question, result, W);
        }
        var tally = byChapter[question.chapter] || (byChapter[question.chapter] = { right: 0, asked: 0 });
        tally.asked += 1;
        if (result.verdict === "correct") { right += 1; tally.right += 1; }
      });
      lock(true);
      var total = entry.drawn.length;
      var passed = right / total >= data.passMark;
      var bestText = entry.attempts > 1
        ? say(W.best_of_attempts, { n: entry.attempts, percent: percent(entry.best, entry.bestOf) })
        : "";
      var mark = { mark: Math.round(data.passMark * 100) };
      section.querySelector(".cf-exam-score").textContent = say(W.exam_score, { right: right, total: total, percent: percent(right, total) }) +
        say(passed ? W.passed : W.not_passed, mark) + bestText;
      var body = results.querySelector("tbody");
      body.innerHTML = "";
      data.chapters.forEach(function (chapter) {
        var tally = byChapter[chapter.id];
        if (!tally) { return; }
        var row = document.createElement("tr");
        var head = document.createElement("th");
        head.scope = "row";
        var name = document.createElement(chapter.url ? "a" : "span");
        if (chapter.url) { name.href = chapter.url; }
        name.textContent = chapter.title;
        head.appendChild(name);
        var cell = document.createElement("td");
        cell.textContent = say(W.right_of, { right: tally.right, asked: tally.asked });
        row.appendChild(head);
        row.appendChild(cell);
        body.appendChild(row);
      });
      results.hidden = false;
      submit.hidden = true;
      confirm.hidden = true;
      updateStatus();
      if (moveFocus) {
        live.textContent = say(W.submitted_live, { right: right, total: total, percent: percent(right, total) });
        results.querySelector(".cf-exam-results-title").focus();
      }
      return right;
    }

    function grading() {
      refresh();
      var total = entry.drawn.length;
      var items = entry.drawn.map(function (id) {
        var question = byId[id];
        var response = answerOf(question);
        var verdict = grade(question, response).verdict;
        return item(question, response, verdict === "invalid" ? "unanswered" : verdict);
      });
      var right = items.filter(function (record) { return record.result === "correct"; }).length;
      entry.submitted = true;
      entry.attempts += 1;
      if (entry.attempts === 1 || better(right, total, entry)) {
        entry.best = right;
        entry.bestOf = total;
      }
      saveStore(store, data.key);
      showResults(true);
      emit("customer-focus:attempt", {
        quiz: data.quiz, key: data.key, restricted: data.restricted, mode: data.mode, correct: right, total: total,
        passMark: data.passMark, attempts: entry.attempts, best: { correct: entry.best, total: entry.bestOf }, items: items
      });
    }

    function unansweredNumbers() {
      var missing = [];
      entry.drawn.forEach(function (id, index) { if (!answered(byId[id])) { missing.push(index + 1); } });
      return missing;
    }

    function listText(numbers) {
      if (numbers.length === 1) { return String(numbers[0]); }
      return numbers.slice(0, -1).join(W.list_separator) + W.list_last + numbers[numbers.length - 1];
    }

    submit.addEventListener("click", function () {
      record();
      var missing = unansweredNumbers();
      if (!missing.length) { grading(); return; }
      confirmText.textContent = say(missing.length === 1 ? W.unanswered_one : W.unanswered_other, { list: listText(missing) });
      confirm.hidden = false;
      confirmText.focus();
    });

    section.querySelector(".cf-submit-anyway").addEventListener("click", function () {
      record();
      grading();
    });

    section.querySelector(".cf-keep-answering").addEventListener("click", function () {
      confirm.hidden = true;
      var missing = unansweredNumbers();
      var target = missing.length ? fieldsets[entry.drawn[missing[0] - 1]] : drawnFieldsets()[0];
      var input = firstInput(target);
      if (input) { input.focus(); }
    });

    section.querySelector(".cf-new-attempt").addEventListener("click", function () {
      refresh();
      newAttempt(entry, data, questions);
      saveStore(store, data.key);
      layout();
      live.textContent = say(W.new_attempt_live, { n: entry.drawn.length });
      var input = firstInput(drawnFieldsets()[0]);
      if (input) { input.focus(); }
    });

    form.addEventListener("change", function (event) {
      if (event.target.closest("fieldset.cf-question")) { record(); }
    });

    // Enter in an answer field keeps the answer; it never submits the whole attempt.
    form.addEventListener("submit", function (event) {
      event.preventDefault();
      record();
    });

    refresh();
    saveStore(store, data.key);
    bar.hidden = false;
    layout();
  }

  function setUpQuiz(section) {
    var data;
    var questions;
    var W = wordsOf(section);
    try {
      data = JSON.parse(section.querySelector("script.cf-quiz-data").textContent);
      questions = decode(data.payload);
    } catch (error) {
      section.querySelector(".cf-quiz-help").textContent = W.load_failed;
      return;
    }
    var byId = {};
    questions.forEach(function (question) { byId[question.id] = question; });
    if (data.mode === "exam") {
      setUpExam(section, data, questions, byId, W);
    } else {
      setUpPractice(section, data, questions, byId, W);
    }
    section.dataset.ready = "true";  // set up: options in the attempt's order, answers restored
  }

  /* ---------- the "My progress" page ---------- */

  function setUpProgress(container) {
    var status = container.querySelector(".cf-progress-status");
    var W = wordsOf(container);

    function describe(row, entry) {
      var started = isObject(entry) && isObject(entry.answers) && (Object.keys(entry.answers).length > 0 || entry.best > 0 || entry.attempts > 0);
      if (!started) { return W.not_started; }
      if (row.dataset.mode === "exam") {
        if (!entry.attempts) { return W.in_progress; }
        return say(entry.attempts > 1 ? W.exam_best_other : W.exam_best_one,
          { percent: percent(entry.best, entry.bestOf), best: entry.best, of: entry.bestOf, n: entry.attempts });
      }
      return say(W.practice_best, { best: typeof entry.best === "number" ? entry.best : 0, total: row.dataset.total });
    }

    function render() {
      var store = loadStore();
      container.querySelectorAll("tr[data-key]").forEach(function (row) {
        row.querySelector(".cf-best").textContent = describe(row, store.quizzes[row.dataset.key]);
      });
    }

    container.querySelectorAll("tr[data-key]").forEach(function (row) {
      row.querySelector(".cf-reset-quiz").addEventListener("click", function () {
        var store = loadStore();
        delete store.quizzes[row.dataset.key];
        saveStore(store, row.dataset.key);
        render();
        status.textContent = say(W.reset_one_done, { title: row.querySelector("th").textContent });
      });
    });
    container.querySelector(".cf-reset-all").addEventListener("click", function () {
      forget(STORAGE_KEY);
      emit("customer-focus:saved", { key: null });
      render();
      status.textContent = W.reset_all_done;
    });
    render();
  }

  function start() {
    document.querySelectorAll("section.cf-quiz").forEach(setUpQuiz);
    document.querySelectorAll(".cf-progress").forEach(setUpProgress);
  }

  window.customerFocus = window.customerFocus || {};
  window.customerFocus.quiz = {
    grade: grade, parseNumber: parseNumber, storageKey: STORAGE_KEY, storageVersion: STORAGE_VERSION, decode: decode,
    optionOrder: optionOrder, draw: draw, random: random, newSeed: newSeed
  };

  if (document.readyState === "loading") {
    document.addEventListener("DOMContentLoaded", start);
  } else {
    start();
  }
})();
