/* Customer Focus course: the SCORM launch page (scorm-launch.html in the packages).
 *
 * It finds the LMS's API (SCORM 1.2: window.API; SCORM 2004: window.API_1484_11)
 * in a parent or opener window, initializes ONCE, and shows the book's pages in
 * an iframe, so navigating between pages never starts a second session. It
 * reports, from the quiz events the book's pages already emit:
 *   - status: incomplete on launch; after the knowledge check is complete,
 *     completed + passed/failed against the mastery score;
 *   - score: raw/min/max (and scaled in 2004) of the knowledge check;
 *   - one interaction per knowledge-check question (id, type, response, result);
 *   - session time; and progress in suspend_data (the quiz and scenario
 *     progress kept in localStorage, and the page the learner was on), which is
 *     restored on the next launch.
 * With no API (opened outside an LMS) it only shows the book: no LMS calls.
 */
(function () {
  "use strict";

  var config = JSON.parse(document.getElementById("cf-scorm-config").textContent);
  var frame = document.getElementById("cf-content");
  var STORES = ["customer-focus-progress-v1", "customer-focus-scenarios-v1"];
  var QUIZ = config.quiz;

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

  // interactions: question id -> {index, id, type, response, result}, kept in suspend_data so that
  // an LMS that does not hand interactions back (they are write-only in SCORM 1.2) still ends a
  // resumed session with one interaction per question answered.
  var state = { v: 1, location: config.start, interactions: {}, done: false };

  function restore() {
    var text = lms.get(names.suspend);
    if (!text) { return; }
    try {
      var saved = JSON.parse(text);
      if (!saved || saved.v !== 1) { return; }
      state.interactions = saved.interactions || {};
      state.done = !!saved.done;
      Object.keys(saved.stores || {}).forEach(function (key) {
        if (STORES.indexOf(key) !== -1 && typeof saved.stores[key] === "string") {
          try { window.localStorage.setItem(key, saved.stores[key]); } catch (error) { /* storage unavailable */ }
        }
      });
    } catch (error) { /* unreadable suspend data: start afresh */ }
    var location = lms.get(names.location);
    if (location && /^book\/[A-Za-z0-9_\/.-]+\.html(#[A-Za-z0-9_-]*)?$/.test(location)) { state.location = location; }
  }

  function save() {
    if (!lms.active) { return; }
    var stores = {};
    STORES.forEach(function (key) {
      try { var value = window.localStorage.getItem(key); if (value !== null) { stores[key] = value; } } catch (error) { /* ignore */ }
    });
    lms.set(names.suspend, JSON.stringify({ v: 1, stores: stores, interactions: state.interactions, done: state.done }));
    lms.set(names.location, state.location);
    lms.commit();
  }

  /* ---------- reporting ---------- */

  var LETTERS = "abcdefghijklmnopqrstuvwxyz";

  function parseNumber(text) {
    var quiz = frame.contentWindow && frame.contentWindow.customerFocus && frame.contentWindow.customerFocus.quiz;
    return quiz ? quiz.parseNumber(text) : Number(text);
  }

  function response(detail) {
    var type = detail.type;
    if (type === "numeric") { return String(parseNumber(detail.response)); }
    if (type === "true-false") {
      var isTrue = detail.response === 0;
      return scorm2004 ? (isTrue ? "true" : "false") : (isTrue ? "t" : "f");
    }
    var chosen = Array.isArray(detail.response) ? detail.response : [detail.response];
    return chosen.map(function (index) { return LETTERS.charAt(index); }).join(scorm2004 ? "[,]" : ",");
  }

  function interactionType(type) {
    return type === "true-false" ? "true-false" : type === "numeric" ? "numeric" : "choice";
  }

  function record(entry) {
    var base = "cmi.interactions." + entry.index + ".";
    lms.set(base + "id", entry.id);
    lms.set(base + "type", entry.type);
    lms.set(base + (scorm2004 ? "learner_response" : "student_response"), entry.response);
    lms.set(base + "result", entry.result);
    if (scorm2004) { lms.set(base + "timestamp", new Date().toISOString().replace(/\.\d+Z$/, "")); }
  }

  function resendInteractions() {
    // A runtime that came back without our interactions gets them again, in their order.
    var entries = Object.keys(state.interactions).map(function (key) { return state.interactions[key]; })
      .filter(function (entry) { return entry && typeof entry.index === "number"; })
      .sort(function (a, b) { return a.index - b.index; });
    if (!entries.length || (Number(lms.get("cmi.interactions._count")) || 0) > 0) { return; }
    entries.forEach(function (entry, position) { entry.index = position; record(entry); });
  }

  function onAnswer(event) {
    var detail = event.detail;
    if (!lms.active || detail.quiz !== QUIZ) { return; }
    var entry = state.interactions[detail.question];
    if (!entry) {
      entry = { index: Number(lms.get("cmi.interactions._count")) || 0, id: detail.question };
      state.interactions[detail.question] = entry;
    }
    entry.type = interactionType(detail.type);
    entry.response = response(detail);
    entry.result = detail.correct ? "correct" : (scorm2004 ? "incorrect" : "wrong");
    record(entry);
    save();
  }

  function onProgress(event) {
    var detail = event.detail;
    if (!lms.active || detail.quiz !== QUIZ) { return; }
    lms.set(names.min, 0);
    lms.set(names.max, detail.total);
    lms.set(names.raw, detail.correct);
    var share = detail.total ? detail.correct / detail.total : 0;
    if (scorm2004) { lms.set("cmi.score.scaled", String(Math.round(share * 10000) / 10000)); }
    if (detail.answered === detail.total) {
      state.done = true;
      var passed = share >= config.passMark;
      if (scorm2004) {
        lms.set("cmi.completion_status", "completed");
        lms.set("cmi.success_status", passed ? "passed" : "failed");
      } else {
        lms.set("cmi.core.lesson_status", passed ? "passed" : "failed");
      }
    }
    save();
  }

  function watchPage() {
    var doc;
    try { doc = frame.contentDocument; } catch (error) { return; }
    if (!doc || doc.location.href === "about:blank") { return; }
    var path = doc.location.pathname;
    var marker = path.lastIndexOf("/book/");
    if (marker !== -1) { state.location = path.slice(marker + 1) + (doc.location.hash || ""); }
    doc.addEventListener("customer-focus:answer", onAnswer);
    doc.addEventListener("customer-focus:progress", onProgress);
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
    lms.set(names.exit, state.done ? "" : "suspend");
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
    resendInteractions();
    lms.commit();
    window.addEventListener("pagehide", finish);
    window.addEventListener("beforeunload", finish);
  }
  window.customerFocusScorm = { finish: finish, state: state, connected: function () { return lms.active; } };
  frame.addEventListener("load", watchPage);
  frame.src = state.location;
})();
