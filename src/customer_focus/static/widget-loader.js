/* Loads the widget manager (require.js, then the ipywidgets embed manager)
 * only when a page needs it: when one of its widgets comes near the screen,
 * before the page is printed, or when a script calls window.cfLoadWidgets()
 * (which returns a promise). The book's extension puts this script in place
 * of the manager on pages that show widgets (customer_focus.sphinxext.pageweight);
 * the script tag carries the manager's paths in data-require and data-manager.
 * The manager draws every widget of the page from its saved state once loaded. */
(function () {
  "use strict";
  var tag = document.currentScript;
  var started = null;

  function load(source) {
    return new Promise(function (resolve, reject) {
      var script = document.createElement("script");
      script.src = source;
      script.onload = resolve;
      script.onerror = function () { reject(new Error("could not load " + source)); };
      document.head.appendChild(script);
    });
  }

  function start() {
    if (!started) {
      started = load(tag.getAttribute("data-require")).then(function () {
        return load(tag.getAttribute("data-manager"));
      });
    }
    return started;
  }

  window.cfLoadWidgets = start;
  window.addEventListener("beforeprint", start);

  var views = document.querySelectorAll('script[type="application/vnd.jupyter.widget-view+json"]');
  if (!views.length || !("IntersectionObserver" in window)) {
    start();
    return;
  }
  var observer = new IntersectionObserver(function (entries) {
    if (entries.some(function (entry) { return entry.isIntersecting; })) {
      observer.disconnect();
      start();
    }
  }, { rootMargin: "300px 0px" });
  views.forEach(function (view) {
    observer.observe(view.closest(".cell") || view.parentElement);
  });
})();
