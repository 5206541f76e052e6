/* Customer Focus course: the words of the quiz and scenario widgets and of the lifetime value
 * comparison, for quiz.js, scenario.js and customer-focus.js (the extension loads this script
 * before them, deferred, on every page).
 *
 * Every word a widget shows comes from its page: a data block ("cf-quiz-words",
 * "cf-scenario-words", "cf-clv-words") written by the widget's directive in the page's language from
 * data/widget-words.yml. */
(function () {
  "use strict";

  /* A word with its {name} slots filled in. */
  function say(text, values) {
    return String(text).replace(/\{([a-z_]+)\}/g, function (slot, name) {
      return values && values[name] !== undefined ? String(values[name]) : slot;
    });
  }

  /* The words of a widget ("quiz", "scenario" or "clv") in a container: its "cf-<widget>-words" block. */
  function wordsOf(container, widget) {
    var block = container.querySelector("script.cf-" + widget + "-words");
    try { return block ? JSON.parse(block.textContent) : {}; } catch (error) { return {}; }
  }

  window.customerFocus = window.customerFocus || {};
  window.customerFocus.widgetWords = { say: say, wordsOf: wordsOf };
})();
