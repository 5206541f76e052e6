/* Customer Focus course: interactive pieces of the static book.
 * Vanilla JavaScript, no framework, no network. Each feature looks for its
 * own markup and does nothing on pages without it. */
(function () {
  "use strict";

  /* ---- Lifetime value comparison ({clv-comparison} directive) ----
   * Same formula as customer_focus.tools.lifetime_value.calc.lifetime_value
   * with the course's "after_renewal" timing: m * r / (1 + i - r). Amounts
   * are written as customer_focus.core.formats.dollars writes them (whole
   * dollars, halves away from zero, the minus sign U+2212). The browser tests
   * compare its numbers with the Python functions. */
  function money(value) {
    var whole = Math.round(Math.abs(value));
    return (value < 0 && whole !== 0 ? "\u2212$" : "$") + whole.toLocaleString("en-US");
  }

  function readNumber(input) {
    var text = String(input.value).trim();
    return text === "" ? NaN : Number(text);
  }

  function lifetimeValue(margin, retention, discount) {
    return (margin * retention) / (1 + discount - retention);
  }

  /* The comparison's words, in the page's language: its "cf-clv-words" block, written by the
   * {clv-comparison} directive from data/widget-words.yml (widget-words.js reads it). */
  function problemWith(words, name, value, low, high) {
    var say = window.customerFocus.widgetWords.say;
    if (!isFinite(value)) { return say(words.needs_number, { name: name }); }
    if (value < low || (high !== undefined && value >= high)) {
      return high !== undefined
        ? say(words.from_up_to, { name: name, low: low, high: high })
        : say(words.from_upward, { name: name, low: low });
    }
    return "";
  }

  function updateComparison(form) {
    var say = window.customerFocus.widgetWords.say;
    var words = window.customerFocus.widgetWords.wordsOf(form, "clv");
    var discount = readNumber(form.querySelector("input[name=discount]"));
    var problems = [];
    var discountProblem = problemWith(words, words.discount, discount, 0, 100);
    if (discountProblem) { problems.push(discountProblem); }
    var results = [];
    form.querySelectorAll("fieldset[data-customer]").forEach(function (fieldset) {
      var name = fieldset.querySelector("legend").textContent.trim();
      var margin = readNumber(fieldset.querySelector("input[name=margin]"));
      var retention = readNumber(fieldset.querySelector("input[name=retention]"));
      var cost = readNumber(fieldset.querySelector("input[name=cost]"));
      var own = [
        problemWith(words, say(words.margin_of, { name: name }), margin, -Infinity),
        problemWith(words, say(words.retention_of, { name: name }), retention, 0, 100),
        problemWith(words, say(words.cost_of, { name: name }), cost, 0)
      ].filter(Boolean);
      var valueOut = fieldset.querySelector("output[name=value]");
      var netOut = fieldset.querySelector("output[name=net]");
      if (own.length || discountProblem) {
        problems = problems.concat(own);
        valueOut.textContent = "–";
        netOut.textContent = "–";
        return;
      }
      var value = lifetimeValue(margin, retention / 100, discount / 100);
      valueOut.textContent = money(value);
      netOut.textContent = money(value - cost);
      results.push({ name: name, net: value - cost });
    });
    var verdict = form.querySelector(".cf-clv-verdict");
    if (problems.length) {
      verdict.textContent = say(words.check, { problems: problems.join(" ") });
      verdict.classList.add("cf-problem");
      return;
    }
    verdict.classList.remove("cf-problem");
    if (results.length === 2) {
      var best = results[0].net >= results[1].net ? results[0] : results[1];
      var other = best === results[0] ? results[1] : results[0];
      var gap = best.net - other.net;
      verdict.textContent = gap === 0
        ? words.same
        : say(words.worth_more, { best: best.name, gap: money(gap), other: other.name });
    }
  }

  function setUpComparisons() {
    document.querySelectorAll("form.cf-clv-compare").forEach(function (form) {
      form.addEventListener("input", function () { updateComparison(form); });
      form.addEventListener("submit", function (event) { event.preventDefault(); });
      updateComparison(form);
    });
  }

  /* ---- Printable forms ({printable-form} directive) ---- */
  function setUpPrintButtons() {
    document.querySelectorAll(".cf-print-button").forEach(function (button) {
      button.addEventListener("click", function () { window.print(); });
    });
  }

  /* ---- Print that fits ----
   * A formula, table or widget wider than the printed text is shrunk to fit
   * (down to 60%; the print stylesheet wraps long words and table cells
   * first). The printed text is at most 657 CSS pixels
   * wide: A4 less the 18 mm margins of the stylesheet's @page rule. The PDFs
   * of the workshop kit (customer_focus.publish.handouts) call it too. */
  var PRINT_WIDTH = 657;
  var WIDE = '.bd-article mjx-container[display="true"], .bd-article table, ' +
    ".bd-article .jupyter-widgets, .bd-article .cell_output img";

  function fitForPrint(width) {
    var room = width || PRINT_WIDTH;
    document.querySelectorAll(WIDE).forEach(function (element) {
      element.style.zoom = "";
      element.classList.remove("cf-print-squeeze");
      var space = Math.min(room, element.parentElement.clientWidth || room);
      var need = element.scrollWidth;
      if (need > space / 0.6 && element.tagName === "TABLE") {
        /* Too wide even at 60%: its cells may break long names anywhere. */
        element.classList.add("cf-print-squeeze");
        need = element.scrollWidth;
      }
      if (need > space + 1) {
        element.style.zoom = String(Math.max(0.6, Math.floor(((space - 2) / need) * 100) / 100));
      }
    });
  }

  function unfit() {
    document.querySelectorAll(WIDE).forEach(function (element) {
      element.style.zoom = "";
      element.classList.remove("cf-print-squeeze");
    });
  }

  function start() {
    setUpComparisons();
    setUpPrintButtons();
    window.addEventListener("beforeprint", function () { fitForPrint(); });
    window.addEventListener("afterprint", unfit);
  }

  window.customerFocus = window.customerFocus || {};
  window.customerFocus.lifetimeValue = lifetimeValue;
  window.customerFocus.fitForPrint = fitForPrint;

  if (document.readyState === "loading") {
    document.addEventListener("DOMContentLoaded", start);
  } else {
    start();
  }
})();
