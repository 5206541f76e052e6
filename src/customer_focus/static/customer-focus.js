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

  function problemWith(name, value, low, high) {
    if (!isFinite(value)) { return name + " needs a number."; }
    if (value < low || (high !== undefined && value >= high)) {
      return name + " must be from " + low + (high !== undefined ? " up to (not including) " + high : " upward") + ".";
    }
    return "";
  }

  function updateComparison(form) {
    var discount = readNumber(form.querySelector("input[name=discount]"));
    var problems = [];
    var discountProblem = problemWith("Discount rate (%)", discount, 0, 100);
    if (discountProblem) { problems.push(discountProblem); }
    var results = [];
    form.querySelectorAll("fieldset[data-customer]").forEach(function (fieldset) {
      var name = fieldset.querySelector("legend").textContent.trim();
      var margin = readNumber(fieldset.querySelector("input[name=margin]"));
      var retention = readNumber(fieldset.querySelector("input[name=retention]"));
      var cost = readNumber(fieldset.querySelector("input[name=cost]"));
      var own = [
        problemWith(name + ": yearly margin", margin, -Infinity),
        problemWith(name + ": retention rate (%)", retention, 0, 100),
        problemWith(name + ": cost to win", cost, 0)
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
      verdict.textContent = "Check your numbers: " + problems.join(" ");
      verdict.classList.add("cf-problem");
      return;
    }
    verdict.classList.remove("cf-problem");
    if (results.length === 2) {
      var best = results[0].net >= results[1].net ? results[0] : results[1];
      var other = best === results[0] ? results[1] : results[0];
      var gap = best.net - other.net;
      verdict.textContent = gap === 0
        ? "Both customers are worth the same, net of the cost of winning them."
        : best.name + " is worth " + money(gap) + " more than " + other.name + ", net of the cost of winning them.";
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
