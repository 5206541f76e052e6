/* Customer Focus course: quizzes in the static book.
 *
 * Vanilla JavaScript, no framework, no network. It grades with the same rules
 * as customer_focus.quiz.grading (tests/quiz-grading-cases.yml runs the same
 * cases against both), keeps each learner's answers in localStorage, and
 * fills in the "My progress" page.
 *
 * Events, for pages that report results elsewhere (an LMS wrapper):
 *   "customer-focus:answer"   detail: {quiz, question, type, response, verdict, correct, total}
 *   "customer-focus:progress" detail: {quiz, correct, answered, total, best, passMark}
 */
(function () {
  "use strict";

  var STORAGE_KEY = "customer-focus-progress-v1";
  var STORAGE_VERSION = 1;
  var SLACK = 1e-9;
  var NUMBER = /^[+-]?([0-9]+\.?[0-9]*|\.[0-9]+)([eE][+-]?[0-9]+)?$/;
  var VERDICT_TEXT = { correct: "Correct.", incorrect: "Not quite.", invalid: "" };

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

  function indexes(response, count) {
    if (typeof response === "boolean" || response === null || response === undefined) { return null; }
    var items = Array.isArray(response) ? response : [response];
    var chosen = [];
    for (var i = 0; i < items.length; i += 1) {
      var item = items[i];
      if (typeof item !== "number" || !Number.isInteger(item) || item < 0 || item >= count) { return null; }
      if (chosen.indexOf(item) === -1) { chosen.push(item); }
    }
    return chosen.sort(function (a, b) { return a - b; });
  }

  function grade(question, response) {
    if (question.type === "numeric") {
      var value = parseNumber(response);
      if (value === null) { return { verdict: "invalid", feedback: "<p>Enter a number, such as 266.67.</p>" }; }
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
    var chosen = indexes(response, options.length);
    if (question.type === "multiple") {
      if (!chosen || chosen.length === 0) { return { verdict: "invalid", feedback: "<p>Choose at least one option.</p>" }; }
      var right = [];
      options.forEach(function (option, index) { if (option.correct) { right.push(index); } });
      var feedback = chosen.map(function (index) { return options[index].feedback; }).join("");
      if (chosen.join(",") === right.join(",")) { return { verdict: "correct", feedback: feedback }; }
      var missed = right.filter(function (index) { return chosen.indexOf(index) === -1; }).length;
      if (missed) { feedback += "<p>You missed " + missed + " correct option" + (missed > 1 ? "s" : "") + ".</p>"; }
      return { verdict: "incorrect", feedback: feedback };
    }
    if (!chosen || chosen.length !== 1 || Array.isArray(response)) {
      return { verdict: "invalid", feedback: "<p>Choose an option.</p>" };
    }
    var picked = options[chosen[0]];
    return { verdict: picked.correct ? "correct" : "incorrect", feedback: picked.feedback };
  }

  /* ---------- storage: one versioned entry; anything odd is discarded ---------- */

  function emptyStore() { return { version: STORAGE_VERSION, quizzes: {} }; }

  function loadStore() {
    var raw = null;
    try { raw = window.localStorage.getItem(STORAGE_KEY); } catch (error) { return emptyStore(); }
    if (raw === null) { return emptyStore(); }
    try {
      var store = JSON.parse(raw);
      if (store && store.version === STORAGE_VERSION && store.quizzes && typeof store.quizzes === "object" && !Array.isArray(store.quizzes)) {
        return store;
      }
    } catch (error) { /* corrupted: start again below */ }
    try { window.localStorage.removeItem(STORAGE_KEY); } catch (error) { /* storage unavailable */ }
    return emptyStore();
  }

  function saveStore(store) {
    try { window.localStorage.setItem(STORAGE_KEY, JSON.stringify(store)); } catch (error) { /* private mode or full: keep going */ }
  }

  function quizEntry(store, data) {
    var entry = store.quizzes[data.quiz];
    var valid = entry && typeof entry === "object" && entry.fingerprint === data.fingerprint &&
      entry.answers && typeof entry.answers === "object" && typeof entry.best === "number";
    if (!valid) {
      entry = { fingerprint: data.fingerprint, answers: {}, best: 0, total: data.questions.length };
      store.quizzes[data.quiz] = entry;
    }
    return entry;
  }

  /* ---------- one quiz on a page ---------- */

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
    var checked = Array.prototype.filter.call(fieldset.querySelectorAll("input"), function (input) { return input.checked; })
      .map(function (input) { return Number(input.value); });
    if (question.type === "multiple") { return checked; }
    return checked.length ? checked[0] : null;
  }

  function writeResponse(fieldset, question, response) {
    if (question.type === "numeric") {
      fieldset.querySelector("input[type=text]").value = typeof response === "string" ? response : "";
      return;
    }
    var chosen = Array.isArray(response) ? response : [response];
    fieldset.querySelectorAll("input").forEach(function (input) {
      input.checked = chosen.indexOf(Number(input.value)) !== -1;
    });
  }

  function showResult(fieldset, question, result) {
    var feedback = fieldset.querySelector(".cf-feedback");
    var explanation = fieldset.querySelector(".cf-explanation");
    var label = VERDICT_TEXT[result.verdict];
    feedback.className = "cf-feedback cf-" + result.verdict;
    feedback.innerHTML = (label ? "<p class=\"cf-verdict\"><strong>" + label + "</strong></p>" : "") + result.feedback;
    if (result.verdict === "invalid") {
      explanation.hidden = true;
    } else {
      explanation.innerHTML = "<p class=\"cf-why\"><strong>Why:</strong></p>" + question.explanation;
      explanation.hidden = false;
      fieldset.querySelector(".cf-retry").hidden = false;
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
    fieldset.querySelector(".cf-retry").hidden = true;
  }

  function emit(name, detail) {
    document.dispatchEvent(new CustomEvent(name, { detail: detail }));
  }

  function setUpQuiz(section) {
    var data;
    try {
      data = JSON.parse(section.querySelector("script.cf-quiz-data").textContent);
      data.questions = decode(data.payload);
    } catch (error) {
      section.querySelector(".cf-quiz-help").textContent = "This quiz could not be loaded.";
      return;
    }
    var byId = {};
    data.questions.forEach(function (question) { byId[question.id] = question; });
    var fieldsets = Array.prototype.slice.call(section.querySelectorAll("fieldset.cf-question"));
    var score = section.querySelector(".cf-score");
    var total = data.questions.length;
    var store = loadStore();
    var entry = quizEntry(store, data);

    function counts() {
      var answered = 0;
      var correct = 0;
      fieldsets.forEach(function (fieldset) {
        var question = byId[fieldset.dataset.question];
        if (Object.prototype.hasOwnProperty.call(entry.answers, question.id)) {
          answered += 1;
          if (grade(question, entry.answers[question.id]).verdict === "correct") { correct += 1; }
        }
      });
      return { answered: answered, correct: correct };
    }

    function updateScore() {
      var now = counts();
      entry.best = Math.max(entry.best || 0, now.correct);
      entry.total = total;
      var text = "Score: " + now.correct + " of " + total;
      if (now.answered === total) {
        var share = now.correct / total;
        text = "Final score: " + now.correct + " of " + total + " (" + Math.round(share * 100) + "%). " +
          (share >= data.passMark ? "Well done." : "Review the explanations and try again: " + Math.round(data.passMark * 100) + "% is the goal.");
      } else if (now.answered > 0) {
        text += " (" + now.answered + " of " + total + " answered)";
      }
      if (entry.best > now.correct) { text += " Best so far: " + entry.best + " of " + total + "."; }
      score.textContent = text;
      saveStore(store);
      emit("customer-focus:progress", {
        quiz: data.quiz, correct: now.correct, answered: now.answered, total: total, best: entry.best, passMark: data.passMark
      });
    }

    function check(fieldset) {
      var question = byId[fieldset.dataset.question];
      var response = readResponse(fieldset, question);
      var result = grade(question, response);
      showResult(fieldset, question, result);
      if (result.verdict === "invalid") { return; }
      store = loadStore();
      entry = quizEntry(store, data);
      entry.answers[question.id] = response;
      updateScore();
      emit("customer-focus:answer", {
        quiz: data.quiz, question: question.id, type: question.type, response: response,
        verdict: result.verdict, correct: result.verdict === "correct", total: total
      });
    }

    function retry(fieldset) {
      var question = byId[fieldset.dataset.question];
      writeResponse(fieldset, question, question.type === "multiple" ? [] : null);
      clearResult(fieldset);
      store = loadStore();
      entry = quizEntry(store, data);
      delete entry.answers[question.id];
      updateScore();
      var first = fieldset.querySelector("input");
      if (first) { first.focus(); }
    }

    fieldsets.forEach(function (fieldset) {
      var question = byId[fieldset.dataset.question];
      if (!question) { return; }
      fieldset.querySelector(".cf-check").addEventListener("click", function () { check(fieldset); });
      fieldset.querySelector(".cf-retry").addEventListener("click", function () { retry(fieldset); });
      if (Object.prototype.hasOwnProperty.call(entry.answers, question.id)) {
        var stored = entry.answers[question.id];
        var result = grade(question, stored);
        if (result.verdict === "invalid") {
          delete entry.answers[question.id];
        } else {
          writeResponse(fieldset, question, stored);
          showResult(fieldset, question, result);
        }
      }
    });

    // Enter in an answer field checks that question instead of submitting the page.
    section.querySelector("form").addEventListener("submit", function (event) {
      event.preventDefault();
      var fieldset = document.activeElement && document.activeElement.closest("fieldset.cf-question");
      if (fieldset && section.contains(fieldset)) { check(fieldset); }
    });

    section.querySelector(".cf-clear").addEventListener("click", function () {
      store = loadStore();
      entry = quizEntry(store, data);
      entry.answers = {};
      fieldsets.forEach(function (fieldset) {
        var question = byId[fieldset.dataset.question];
        writeResponse(fieldset, question, question.type === "multiple" ? [] : null);
        clearResult(fieldset);
      });
      updateScore();
      var first = section.querySelector("fieldset input");
      if (first) { first.focus(); }
    });

    updateScore();
  }

  /* ---------- the "My progress" page ---------- */

  function setUpProgress(container) {
    var status = container.querySelector(".cf-progress-status");

    function render() {
      var store = loadStore();
      container.querySelectorAll("tr[data-quiz]").forEach(function (row) {
        var entry = store.quizzes[row.dataset.quiz];
        var cell = row.querySelector(".cf-best");
        var current = entry && entry.fingerprint === row.dataset.fingerprint && typeof entry.best === "number";
        cell.textContent = current ? entry.best + " of " + row.dataset.total : "Not started";
      });
    }

    container.querySelectorAll("tr[data-quiz]").forEach(function (row) {
      row.querySelector(".cf-reset-quiz").addEventListener("click", function () {
        var store = loadStore();
        delete store.quizzes[row.dataset.quiz];
        saveStore(store);
        render();
        status.textContent = "Progress on " + row.querySelector("th").textContent + " was reset.";
      });
    });
    container.querySelector(".cf-reset-all").addEventListener("click", function () {
      try { window.localStorage.removeItem(STORAGE_KEY); } catch (error) { /* storage unavailable */ }
      render();
      status.textContent = "All your progress was reset.";
    });
    render();
  }

  function start() {
    document.querySelectorAll("section.cf-quiz").forEach(setUpQuiz);
    document.querySelectorAll(".cf-progress").forEach(setUpProgress);
  }

  window.customerFocus = window.customerFocus || {};
  window.customerFocus.quiz = { grade: grade, parseNumber: parseNumber, storageKey: STORAGE_KEY, decode: decode };

  if (document.readyState === "loading") {
    document.addEventListener("DOMContentLoaded", start);
  } else {
    start();
  }
})();
