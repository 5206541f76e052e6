/* Customer Focus course: the worksheets that run in the page.
 *
 * A worksheet page holds <div class="cf-live" data-tool="..."> (written by
 * customer_focus.sphinxext.live). This script shows its button ("Use this
 * worksheet here", in the page's language); nothing else loads until the reader presses it. Then it
 * loads Pyodide (Python in the browser) from the site itself
 * (_static/vendor/pyodide/), unpacks the course's modules
 * (_static/live/customer-focus.zip) and asks customer_focus.tools.live for
 * the form (built from the tool's spec) and, on every change, for the
 * results: the same calc functions the notebook calls, the same checks and
 * messages, the same chart (SVG) with the same alt text. A CSV file the
 * reader picks is read in the page and never leaves it; its bytes are decoded
 * by Python (UTF-8, Big5 or Windows-1252), which says which encoding it read.
 *
 * Vanilla JavaScript, no framework, no network beyond the site's own files. */
(function () {
  "use strict";

  var pythonPromise = null;
  var counter = 0;

  /* Every fixed word comes from the page, in its language: the tool's data-words, written by
   * customer_focus.sphinxext.live from data/live-tool-words.yml. say() fills in its {name}s. */
  function say(words, name, values) {
    return String(words[name]).replace(/\{([a-z_]+)\}/g, function (slot, key) {
      return String(values[key]);
    });
  }

  function staticUrl(path) {
    var root = document.documentElement.getAttribute("data-content_root") || "./";
    return new URL(root + "_static/" + path, document.baseURI).href;
  }

  // Pyodide, shared by both editions: the zh-TW pages load the English edition's copy
  // (<meta name="cf-shared-root" content="../">, from customer_focus.sphinxext.editions).
  function vendorUrl(path) {
    var root = document.documentElement.getAttribute("data-content_root") || "./";
    var meta = document.querySelector('meta[name="cf-shared-root"]');
    var shared = meta ? meta.getAttribute("content") : "";
    return new URL(root + shared + "_static/vendor/" + path, document.baseURI).href;
  }

  function element(tag, attributes, text) {
    var node = document.createElement(tag);
    Object.keys(attributes || {}).forEach(function (name) {
      var value = attributes[name];
      if (value === true) { node.setAttribute(name, ""); }
      else if (value !== false && value !== null && value !== undefined) { node.setAttribute(name, value); }
    });
    if (text !== undefined) { node.textContent = text; }
    return node;
  }

  /* ---- Python: loaded once per page, on the first start ---- */
  function loadPython(report, words, language) {
    if (pythonPromise) { return pythonPromise; }
    pythonPromise = (async function () {
      report(1, say(words, "loading_python", {}));
      var module = await import(vendorUrl("pyodide/pyodide.mjs"));
      var pyodide = await module.loadPyodide({ indexURL: vendorUrl("pyodide/") });
      report(2, say(words, "loading_calculations", {}));
      var response = await fetch(staticUrl("live/customer-focus.zip"), { cache: "no-cache" });
      if (!response.ok) { throw new Error(say(words, "calculations_missing", { status: response.status })); }
      pyodide.unpackArchive(await response.arrayBuffer(), "zip", { extractDir: "/home/pyodide/course" });
      pyodide.runPython("import sys; sys.path.insert(0, '/home/pyodide/course')");
      /* What the package says (messages, headings, charts) in the page's language. */
      pyodide.runPython("import os; os.environ['CUSTOMER_FOCUS_LANGUAGE'] = " + JSON.stringify(language || "en"));
      report(3, say(words, "starting", {}));
      return pyodide.pyimport("customer_focus.tools.live");
    })();
    pythonPromise.catch(function () { pythonPromise = null; });
    return pythonPromise;
  }

  /* ---- the form, from the spec ---- */
  function rangeText(field, words) {
    if (field.kind === "choice" || field.kind === "text" || field.kind === "yes_no") { return ""; }
    var low = field.min, high = field.max, limits = { low: low, high: high };
    if (low !== null && high !== null) {
      return say(words, field.max_included ? "allowed_between" : "allowed_below", limits);
    }
    if (low !== null) { return say(words, "allowed_from", limits); }
    if (high !== null) { return say(words, "allowed_up_to", limits); }
    return "";
  }

  function caption(thing, words) {
    return thing.unit ? say(words, "with_unit", { label: thing.label, unit: thing.unit }) : thing.label;
  }

  function buildField(field, prefix, words) {
    var id = prefix + "-" + field.name;
    var box = element("div", { "class": "cf-live-field" });
    box.appendChild(element("label", { "for": id }, caption(field, words)));
    var input;
    if (field.kind === "choice") {
      input = element("select", { id: id, name: field.name });
      field.options.forEach(function (option) {
        var item = element("option", { value: option[0] }, option[1]);
        if (option[0] === field.value) { item.selected = true; }
        input.appendChild(item);
      });
    } else {
      var numeric = field.kind === "number" || field.kind === "rate" || field.kind === "whole";
      input = element("input", {
        id: id, name: field.name, type: "text", autocomplete: "off",
        inputmode: numeric ? (field.kind === "whole" ? "numeric" : "decimal") : null,
        "data-min": field.min, "data-max": field.max, "data-step": field.step,
      });
      input.value = field.value === null || field.value === undefined ? "" : String(field.value);
    }
    input.setAttribute("aria-describedby", id + "-help " + id + "-error");
    box.appendChild(input);
    var range = rangeText(field, words);
    var help = say(words, "help_sentence", { help: field.help.charAt(0).toUpperCase() + field.help.slice(1) }) +
      (range ? say(words, "sentence_join", {}) + range : "");
    box.appendChild(element("p", { id: id + "-help", "class": "cf-live-help" }, help));
    box.appendChild(element("p", { id: id + "-error", "class": "cf-live-error", hidden: true }));
    return box;
  }

  function values(form) {
    var found = {};
    Array.prototype.forEach.call(form.elements, function (control) {
      if (!control.name || control.type === "file") { return; }
      var cell = /^(\w+)\.(\d+)\.(\w+)$/.exec(control.name);  // a grid's cell: grid.row.column
      if (!cell) { found[control.name] = control.value; return; }
      var rows = found[cell[1]] = found[cell[1]] || [];
      var index = Number(cell[2]) - 1;
      rows[index] = rows[index] || {};
      rows[index][cell[3]] = control.value;
    });
    return found;
  }

  /* ---- a grid: a table of the spec edited row by row (cells named grid.row.column) ---- */
  function buildGrid(grid, prefix, changed, words) {
    var box = element("fieldset", { "class": "cf-live-inputs cf-live-grid-box" });
    box.appendChild(element("legend", {}, say(words, "your_rows", {})));
    box.appendChild(element("p", { "class": "cf-live-help" }, grid.about));
    var helps = element("ul", { "class": "cf-live-help" });
    grid.columns.forEach(function (column) {
      helps.appendChild(element("li", { id: prefix + "-" + column.name + "-help" },
        say(words, "column_help", { caption: caption(column, words), help: column.help })));
    });
    box.appendChild(helps);
    var region = element("div", { "class": "cf-live-scroll", role: "region", tabindex: "0", "aria-label": say(words, "your_rows", {}) });
    var table = element("table", { "class": "cf-live-table cf-live-grid" });
    var head = element("tr");
    head.appendChild(element("th", { scope: "col" }, say(words, "row", {})));
    grid.columns.forEach(function (column) {
      head.appendChild(element("th", { scope: "col" }, caption(column, words)));
    });
    var thead = element("thead"); thead.appendChild(head); table.appendChild(thead);
    var body = element("tbody"); table.appendChild(body);
    region.appendChild(table); box.appendChild(region);

    function addRow(cells) {
      var number = body.rows.length + 1;
      var line = element("tr");
      line.appendChild(element("th", { scope: "row" }, String(number)));
      grid.columns.forEach(function (column, index) {
        var id = prefix + "-" + grid.name + "-" + number + "-" + column.name;
        var cell = element("td");
        var input = element("input", {
          id: id, name: grid.name + "." + number + "." + column.name, type: "text", autocomplete: "off",
          inputmode: column.kind === "text" ? null : "decimal",
          "aria-label": say(words, "cell_label", { label: column.label, n: number }),
          "aria-describedby": prefix + "-" + column.name + "-help " + id + "-error",
        });
        var value = cells ? cells[index] : "";
        input.value = value === null || value === undefined ? "" : String(value);
        cell.appendChild(input);
        cell.appendChild(element("p", { id: id + "-error", "class": "cf-live-error", hidden: true }));
        line.appendChild(cell);
      });
      body.appendChild(line);
    }
    grid.rows.forEach(addRow);
    var buttons = element("div", { "class": "cf-live-grid-buttons" });
    var add = element("button", { type: "button", "class": "cf-live-button" }, say(words, "add_row", {}));
    var remove = element("button", { type: "button", "class": "cf-live-button" }, say(words, "remove_row", {}));
    add.addEventListener("click", function () {
      addRow(null);
      body.rows[body.rows.length - 1].querySelector("input").focus();
      changed();
    });
    remove.addEventListener("click", function () {
      if (body.rows.length > 1) { body.deleteRow(body.rows.length - 1); changed(); }
    });
    buttons.appendChild(add); buttons.appendChild(remove);
    box.appendChild(buttons);
    return box;
  }

  /* ---- results ---- */
  function showMessages(form, general, messages) {
    Array.prototype.forEach.call(form.querySelectorAll(".cf-live-error"), function (node) {
      node.hidden = true; node.textContent = "";
    });
    Array.prototype.forEach.call(form.querySelectorAll("[aria-invalid]"), function (node) {
      node.removeAttribute("aria-invalid");
    });
    general.hidden = true; general.textContent = "";
    messages.forEach(function (message) {
      var control = message.field ? form.elements.namedItem(message.field) : null;
      if (control && control.id) {
        control.setAttribute("aria-invalid", "true");
        var note = document.getElementById(control.id + "-error");
        note.textContent = message.text; note.hidden = false;
      } else {
        general.textContent = (general.textContent ? general.textContent + " " : "") + message.text;
        general.hidden = false;
      }
    });
  }

  function renderTable(table) {
    var region = element("div", { "class": "cf-live-scroll", role: "region", tabindex: "0", "aria-label": table.caption });
    var node = element("table", { "class": "cf-live-table" });
    node.appendChild(element("caption", {}, table.caption));
    var head = element("thead"), row = element("tr");
    table.headers.forEach(function (text) { row.appendChild(element("th", { scope: "col" }, text)); });
    head.appendChild(row); node.appendChild(head);
    var body = element("tbody");
    table.rows.forEach(function (cells) {
      var line = element("tr");
      cells.forEach(function (cell, index) {
        var value = cell.value === null || cell.value === undefined ? null : String(cell.value);
        line.appendChild(element(index === 0 ? "th" : "td", { scope: index === 0 ? "row" : null, "data-value": value }, cell.text));
      });
      body.appendChild(line);
    });
    node.appendChild(body); region.appendChild(node);
    return region;
  }

  function renderResults(output, status, results, download, words) {
    var join = say(words, "sentence_join", {});
    output.textContent = "";
    if (results.messages.length) {
      status.textContent = say(words, "check_numbers", {
        messages: results.messages.map(function (m) { return m.text; }).join(join) });
      output.hidden = true;
      return;
    }
    status.textContent = results.summary.join(join);
    results.tables.forEach(function (table) { output.appendChild(renderTable(table)); });
    if (results.chart) {
      var figure = element("figure", { "class": "cf-live-chart" });
      figure.innerHTML = results.chart.svg;
      output.appendChild(figure);
    }
    if (download && results.download) {
      if (download.href) { URL.revokeObjectURL(download.href); }
      var blob = new Blob([results.download.text], { type: "text/csv" });
      download.href = URL.createObjectURL(blob);
      download.setAttribute("download", results.download.name);
      download.hidden = false;
    }
    output.hidden = false;
  }

  /* ---- the tool ---- */
  function buildTool(container, live, spec, words) {
    var tool = container.getAttribute("data-tool");
    var prefix = "cf-live-" + tool + "-" + (++counter);
    var form = element("form", { "class": "cf-live-form", novalidate: true, "aria-label": spec.title });
    form.addEventListener("submit", function (event) { event.preventDefault(); });
    var inputs = element("fieldset", { "class": "cf-live-inputs" });
    inputs.appendChild(element("legend", {}, say(words, "your_numbers", {})));
    spec.fields.forEach(function (field) { inputs.appendChild(buildField(field, prefix, words)); });
    if (spec.fields.length) { form.appendChild(inputs); }
    if (spec.grid) { form.appendChild(buildGrid(spec.grid, prefix, function () { recompute(); }, words)); }
    var general = element("p", { "class": "cf-live-error", hidden: true });
    form.appendChild(general);
    var status = element("p", { "class": "cf-live-summary", role: "status", "aria-live": "polite" });
    var output = element("div", { "class": "cf-live-output" });
    form.appendChild(status);
    form.appendChild(output);

    function recompute() {
      var results = JSON.parse(live.run_json(tool, JSON.stringify(values(form))));
      showMessages(form, general, results.messages);
      renderResults(output, status, results, null, words);
      if (fileText !== null) { recomputeFile(); }
    }

    var fileText = null, fileName = "", recomputeFile = function () {};
    if (spec.table) {
      var table = spec.table;
      var section = element("fieldset", { "class": "cf-live-file" });
      section.appendChild(element("legend", {}, say(words, "your_file", {})));
      var columns = table.columns.map(function (column) {
        return say(words, column.required ? "file_column" : "file_column_optional", { name: column.name, help: column.help });
      });
      section.appendChild(element("p", {}, say(words, "pick_file", { about: table.about })));
      var list = element("ul");
      columns.forEach(function (text) { list.appendChild(element("li", {}, text)); });
      section.appendChild(list);
      section.appendChild(element("p", { id: prefix + "-file-help", "class": "cf-live-help" },
        say(words, "file_help", { rows: table.max_rows.toLocaleString("en-US") }) + (table.fields.length ?
        say(words, "sentence_join", {}) + say(words, "file_inputs", { names: table.fields.map(function (name) {
          return spec.fields.filter(function (f) { return f.name === name; })[0].label.toLowerCase();
        }).join(say(words, "list_join", {})) }) : "")));
      var fileId = prefix + "-file";
      section.appendChild(element("label", { "for": fileId }, say(words, "csv_file", {})));
      var picker = element("input", { id: fileId, type: "file", accept: ".csv,text/csv", "aria-describedby": prefix + "-file-help " + fileId + "-error" });
      section.appendChild(picker);
      var fileError = element("p", { id: fileId + "-error", "class": "cf-live-error", hidden: true });
      section.appendChild(fileError);
      var fileNote = element("p", { "class": "cf-live-help cf-live-file-note", hidden: true });
      section.appendChild(fileNote);
      // a column that looks like a misspelled one the tool reads (tools.live.file_notes)
      var columnsNote = element("p", { "class": "cf-live-help cf-live-columns-note", hidden: true });
      section.appendChild(columnsNote);
      var fileStatus = element("p", { "class": "cf-live-summary", role: "status", "aria-live": "polite" });
      var fileOutput = element("div", { "class": "cf-live-output", hidden: true });
      var download = element("a", { "class": "cf-live-download", hidden: true }, say(words, "download", {}));
      section.appendChild(fileStatus);
      section.appendChild(fileOutput);
      section.appendChild(download);
      form.appendChild(section);

      recomputeFile = function () {
        var results = JSON.parse(live.run_table_json(tool, fileText, JSON.stringify(values(form)), fileName));
        var notes = results.notes || [];
        columnsNote.textContent = notes.join(say(words, "sentence_join", {}));
        columnsNote.hidden = notes.length === 0;
        var fileMessages = results.messages.filter(function (m) { return !m.field; });
        if (fileMessages.length) { picker.setAttribute("aria-invalid", "true"); }
        else { picker.removeAttribute("aria-invalid"); }
        fileError.hidden = fileMessages.length === 0;
        fileError.textContent = fileMessages.map(function (m) { return m.text; }).join(say(words, "sentence_join", {}));
        download.hidden = true;
        renderResults(fileOutput, fileStatus, results, download, words);
        if (results.messages.length) {
          fileStatus.textContent = fileMessages.length ?
            say(words, "check_file", { messages: fileError.textContent }) : say(words, "check_numbers_above", {});
        }
      };
      picker.addEventListener("change", function () {
        var file = picker.files[0];
        if (!file) { return; }
        if (file.size > 2 * 1024 * 1024) {
          fileText = null; fileNote.hidden = true; columnsNote.hidden = true;
          fileError.textContent = say(words, "file_too_big", { name: file.name, size: (file.size / 1048576).toFixed(1) });
          fileError.hidden = false;
          picker.setAttribute("aria-invalid", "true");
          return;
        }
        file.arrayBuffer().then(function (buffer) {
          // decoded in Python (core.decoding): UTF-8, Big5, GBK or Windows-1252, as the notebook reads it
          var read = JSON.parse(live.read_file_json(new Uint8Array(buffer), file.name));
          fileNote.textContent = read.note || "";
          fileNote.hidden = !read.note;
          if (read.error) {
            fileText = null; columnsNote.hidden = true;
            fileError.textContent = read.error;
            fileError.hidden = false;
            picker.setAttribute("aria-invalid", "true");
            fileOutput.hidden = true; download.hidden = true;
            fileStatus.textContent = say(words, "check_file", { messages: read.error });
            return;
          }
          fileText = read.text; fileName = file.name;
          recomputeFile();
        });
      });
    }

    var timer = null;
    form.addEventListener("input", function (event) {
      if (event.target.type === "file") { return; }
      clearTimeout(timer);
      timer = setTimeout(recompute, 150);
    });
    form.addEventListener("change", function (event) {
      if (event.target.tagName === "SELECT") { clearTimeout(timer); recompute(); }
    });
    container.appendChild(form);
    recompute();
    return form;
  }

  function start(container, button) {
    var words = JSON.parse(container.getAttribute("data-words"));
    var progress = element("div", { "class": "cf-live-progress" });
    var bar = element("progress", { max: "4", value: "0", "aria-label": say(words, "starting_label", {}) });
    var note = element("p", { role: "status", "aria-live": "polite" });
    progress.appendChild(bar); progress.appendChild(note);
    button.replaceWith(progress);
    function report(step, text) { bar.value = step; note.textContent = text; }
    loadPython(report, words, container.getAttribute("data-language")).then(function (live) {
      var spec = JSON.parse(live.form_json(container.getAttribute("data-tool")));
      report(4, say(words, "ready", {}));
      progress.classList.add("cf-live-ready");
      bar.hidden = true;
      var form = buildTool(container, live, spec, words);
      var first = form.querySelector("input, select");
      if (first) { first.focus(); }
    }).catch(function (error) {
      bar.hidden = true;
      note.textContent = say(words, "failed", { error: error.message });
      note.classList.add("cf-live-error");
      var again = element("button", { type: "button", "class": "cf-live-start" }, say(words, "try_again", {}));
      again.addEventListener("click", function () { progress.replaceWith(again); start(container, again); });
      progress.appendChild(again);
    });
  }

  function setup() {
    Array.prototype.forEach.call(document.querySelectorAll(".cf-live"), function (container) {
      var button = container.querySelector(".cf-live-start");
      var intro = container.querySelector(".cf-live-intro");
      if (!button) { return; }
      button.hidden = false;
      if (intro) { intro.hidden = false; }
      button.addEventListener("click", function () { start(container, button); });
    });
  }

  if (document.readyState === "loading") { document.addEventListener("DOMContentLoaded", setup); }
  else { setup(); }
})();
