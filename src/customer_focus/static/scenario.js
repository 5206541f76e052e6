/* Customer Focus course: branching scenarios in the static book.
 *
 * Same rules as customer_focus.scenario: a path is the list of option
 * indexes chosen from the start; choosing option k at a node adds its points
 * and moves to its "next" node. An ending shows the first of its variants
 * whose conditions hold on the path (requires: every id visited or taken;
 * excludes: none), as customer_focus.scenario.ending_variant does; the last
 * variant is the default. The path is kept in localStorage, so a reload
 * resumes where the reader was. Keyboard: every choice is a button; after a
 * choice, focus moves to the new node's title and the consequence and
 * feedback are announced through a live region.
 *
 * Event: "customer-focus:scenario" detail: {scenario, node, ending, points, path}
 */
(function () {
  "use strict";

  var STORAGE_KEY = "customer-focus-scenarios-v1";

  function load() {
    try {
      var data = JSON.parse(window.localStorage.getItem(STORAGE_KEY) || "null");
      if (data && data.version === 1 && data.scenarios && typeof data.scenarios === "object" && !Array.isArray(data.scenarios)) {
        return data;
      }
    } catch (error) { /* corrupted: start again */ }
    try { window.localStorage.removeItem(STORAGE_KEY); } catch (error) { /* unavailable */ }
    return { version: 1, scenarios: {} };
  }

  function save(store) {
    try { window.localStorage.setItem(STORAGE_KEY, JSON.stringify(store)); } catch (error) { /* private mode */ }
  }

  function decode(payload) {
    var binary = window.atob(payload);
    var bytes = new Uint8Array(binary.length);
    for (var i = 0; i < binary.length; i += 1) { bytes[i] = binary.charCodeAt(i); }
    return JSON.parse(new TextDecoder("utf-8").decode(bytes));
  }

  /* Follow a path; return null if it does not fit the scenario (e.g. after an edit). */
  function walk(scenario, path) {
    var node = scenario.nodes[scenario.start];
    var points = 0;
    var steps = [];
    for (var i = 0; i < path.length; i += 1) {
      var index = path[i];
      if (node.ending || typeof index !== "number" || !Number.isInteger(index) || index < 0 || index >= node.choices.length) {
        return null;
      }
      var choice = node.choices[index];
      points += choice.points;
      steps.push({ node: node, choice: choice });
      node = scenario.nodes[choice.next];
    }
    return { node: node, points: points, steps: steps };
  }

  /* The node ids visited and choice ids taken along a walked path. */
  function takenIds(scenario, steps, node) {
    var taken = {};
    taken[scenario.start] = true;
    steps.forEach(function (step) {
      if (step.choice.id) { taken[step.choice.id] = true; }
      taken[step.choice.next] = true;
    });
    taken[node.id] = true;
    return taken;
  }

  /* The ending's text for this path: the first variant whose conditions hold. */
  function endingVariant(scenario, state) {
    var taken = takenIds(scenario, state.steps, state.node);
    var variants = state.node.variants || [];
    for (var i = 0; i < variants.length; i += 1) {
      var v = variants[i];
      var ok = v.requires.every(function (id) { return taken[id]; }) &&
        !v.excludes.some(function (id) { return taken[id]; });
      if (ok) { return { index: i, text: v.text, debrief: v.debrief }; }
    }
    return { index: -1, text: state.node.text, debrief: state.node.debrief };
  }

  function el(tag, className, html) {
    var element = document.createElement(tag);
    if (className) { element.className = className; }
    if (html !== undefined) { element.innerHTML = html; }
    return element;
  }

  /* A word with its {name} slots filled in. */
  function say(text, values) {
    return String(text).replace(/\{([a-z_]+)\}/g, function (slot, name) {
      return values && values[name] !== undefined ? String(values[name]) : slot;
    });
  }

  /* The page's words (a "cf-scenario-words" data block, written by the {scenario} directive in the
   * page's language from data/widget-words.yml): every word this script shows. */
  function wordsOf(container) {
    var block = container.querySelector("script.cf-scenario-words");
    try { return block ? JSON.parse(block.textContent) : {}; } catch (error) { return {}; }
  }

  function setUp(container) {
    var data;
    var W = wordsOf(container);
    try {
      data = JSON.parse(container.querySelector("script.cf-scenario-data").textContent);
      data.scenario = decode(data.payload);
    } catch (error) {
      container.querySelector(".cf-scenario-stage").textContent = W.load_failed;
      return;
    }
    var scenario = data.scenario;
    var stage = container.querySelector(".cf-scenario-stage");
    var live = container.querySelector(".cf-scenario-live");
    var store = load();
    var saved = store.scenarios[scenario.id];
    var path = saved && saved.fingerprint === scenario.fingerprint && Array.isArray(saved.path) ? saved.path.slice() : [];
    if (!walk(scenario, path)) { path = []; }

    function remember() {
      store = load();
      store.scenarios[scenario.id] = { fingerprint: scenario.fingerprint, path: path };
      save(store);
    }

    function render(moveFocus) {
      var state = walk(scenario, path);
      var node = state.node;
      stage.innerHTML = "";
      var last = state.steps[state.steps.length - 1];
      if (last) {
        var previous = el("div", "cf-scenario-previous");
        previous.appendChild(el("p", "cf-scenario-you-chose", "<strong>" + W.you_chose + "</strong> " + last.choice.label));
        previous.appendChild(el("div", "cf-scenario-consequence", last.choice.consequence));
        previous.appendChild(el("div", "cf-scenario-feedback", "<p><strong>" + W.why_it_matters + "</strong></p>" + last.choice.feedback));
        stage.appendChild(previous);
      }
      var title = el("h2", "cf-scenario-node-title");
      title.textContent = node.title;
      title.tabIndex = -1;
      stage.appendChild(title);
      var variant = node.ending ? endingVariant(scenario, state) : null;
      stage.appendChild(el("div", "cf-scenario-text", variant ? variant.text : node.text));
      container.dataset.variant = variant ? String(variant.index) : "";
      var score = el("p", "cf-scenario-points");
      if (node.ending) {
        score.textContent = say(W.final_score, { points: state.points, max: data.maxPoints });
        stage.appendChild(score);
        stage.appendChild(el("div", "cf-scenario-debrief", "<p><strong>" + W.debrief + "</strong></p>" + variant.debrief));
        var list = el("ol", "cf-scenario-path");
        state.steps.forEach(function (step) {
          var item = el("li");
          item.innerHTML = "<strong></strong> ";
          item.firstChild.textContent = step.node.title + ":";
          item.appendChild(el("span", "", step.choice.label));
          list.appendChild(item);
        });
        stage.appendChild(el("p", "cf-scenario-path-title", "<strong>" + W.your_path + "</strong>"));
        stage.appendChild(list);
      } else {
        score.textContent = say(W.points_so_far, { points: state.points });
        stage.appendChild(score);
        var question = el("p", "cf-scenario-question", "<strong>" + W.what_do_you_do + "</strong>");
        question.id = container.id + "-question";
        stage.appendChild(question);
        var choices = el("ul", "cf-scenario-choices");
        choices.setAttribute("aria-labelledby", question.id);
        node.choices.forEach(function (choice, index) {
          var item = el("li");
          var button = el("button", "cf-scenario-choice", choice.label);
          button.type = "button";
          button.dataset.index = String(index);
          button.addEventListener("click", function () { choose(index); });
          item.appendChild(button);
          choices.appendChild(item);
        });
        stage.appendChild(choices);
      }
      if (last) {
        live.textContent = say(W.live, {
          choice: last.choice.label.replace(/<[^>]+>/g, ""), consequence: last.choice.consequence.replace(/<[^>]+>/g, ""),
          title: node.title
        });
      } else {
        live.textContent = "";
      }
      if (moveFocus) { title.focus(); }
      container.dataset.node = node.id;
      container.dataset.points = String(state.points);
      document.dispatchEvent(new CustomEvent("customer-focus:scenario", {
        detail: { scenario: scenario.id, node: node.id, ending: !!node.ending, points: state.points, path: path.slice() }
      }));
    }

    function choose(index) {
      path.push(index);
      remember();
      render(true);
    }

    container.querySelector(".cf-scenario-restart").addEventListener("click", function () {
      path = [];
      remember();
      render(true);
    });

    render(false);
  }

  window.customerFocus = window.customerFocus || {};
  window.customerFocus.scenario = { walk: walk, endingVariant: endingVariant, storageKey: STORAGE_KEY };

  function start() { document.querySelectorAll("section.cf-scenario").forEach(setUp); }
  if (document.readyState === "loading") {
    document.addEventListener("DOMContentLoaded", start);
  } else {
    start();
  }
})();
