// kinerja public site: draws the charts from their data-option JSON, offers
// each chart as a PNG or SVG image and a link to it, and makes tables
// sortable and filterable. Plain JavaScript, no framework.
(function () {
  "use strict";
  var dark = window.matchMedia && window.matchMedia("(prefers-color-scheme: dark)").matches;

  // Each chart is drawn when it comes near the screen, not all at load: an
  // overview of twenty charts drawn at once blocks a phone's main thread for
  // most of a second. Printing draws them all.
  function drawCharts() {
    if (!window.echarts) return;
    var nodes = [].slice.call(document.querySelectorAll(".chart[data-option]"));
    var charts = [];
    function draw(el) {
      if (el.getAttribute("data-drawn")) return;
      el.setAttribute("data-drawn", "1");
      var option;
      try { option = JSON.parse(el.getAttribute("data-option")); } catch (e) { return; }
      option.backgroundColor = "transparent";
      // Rich-text tooltips are drawn on the canvas: the HTML ones need inline
      // styles, which the site's Content-Security-Policy forbids.
      [].concat(option.tooltip || []).forEach(function (t) { t.renderMode = "richText"; });
      var chart = window.echarts.init(el, dark ? "dark" : null, { renderer: "canvas" });
      chart.setOption(option);
      charts.push(chart);
    }
    if ("IntersectionObserver" in window) {
      var seen = new IntersectionObserver(function (entries) {
        entries.forEach(function (e) {
          if (e.isIntersecting) { seen.unobserve(e.target); draw(e.target); }
        });
      }, { rootMargin: "300px 0px" });
      nodes.forEach(function (el) { seen.observe(el); });
    } else {
      nodes.forEach(draw);
    }
    var timer;
    window.addEventListener("resize", function () {
      clearTimeout(timer);
      timer = setTimeout(function () { charts.forEach(function (c) { c.resize(); }); }, 150);
    });
    window.addEventListener("beforeprint", function () {
      nodes.forEach(draw);
      charts.forEach(function (c) { c.resize(); });
    });
  }

  // The chart of fig redrawn for a file: white, 1000 px wide, with its title
  // above and the source and site below (both from the figure's data-
  // attributes, written by site/templates/layout.html), in ECharts' own
  // renderers, so the image is the chart as drawn. Returns the option and
  // the image's size.
  function exportOption(fig) {
    var el = fig.querySelector(".chart[data-option]");
    var option = JSON.parse(el.getAttribute("data-option"));
    var w = 1000, h = Math.max(el.clientHeight || 320, 320) + 76;
    option.animation = false;
    option.backgroundColor = "#ffffff";
    option.tooltip = [];
    var text = function (t, size, color, where) {
      var o = { text: t, left: 16, textStyle: { fontSize: size, color: color, width: w - 32, overflow: "truncate" } };
      for (var k in where) o[k] = where[k];
      return o;
    };
    option.title = [
      text(fig.getAttribute("data-title") || "", 18, "#1a1a1a", { top: 12 }),
      text(fig.getAttribute("data-source") || "", 12, "#4a4a4a", { bottom: 10 }),
    ];
    option.title[1].textStyle.fontWeight = "normal";
    var legends = [].concat(option.legend || []).filter(function (l) { return l.show !== false; });
    legends.forEach(function (l) { l.top = 48; });
    // At 1000 px every legend fits on one line.
    [].concat(option.grid || []).forEach(function (g) {
      g.top = legends.length > 0 ? 96 : (parseFloat(g.top) || 16) + 48;
      g.bottom = (parseFloat(g.bottom) || 32) + 28;
    });
    return { option: option, width: w, height: h };
  }

  function save(blob, name) {
    var a = document.createElement("a");
    var url = URL.createObjectURL(blob);
    a.href = url;
    a.download = name;
    document.body.appendChild(a);
    a.click();
    a.remove();
    setTimeout(function () { URL.revokeObjectURL(url); }, 10000);
  }

  function exportChart(fig, format) {
    var e = exportOption(fig);
    var name = (fig.getAttribute("data-file") || "grafik") + "." + format;
    var chart;
    if (format === "svg") {
      // Server-side-rendering mode: an SVG string, no element needed.
      chart = window.echarts.init(null, null, { renderer: "svg", ssr: true, width: e.width, height: e.height });
      chart.setOption(e.option);
      var svg = chart.renderToSVGString();
      chart.dispose();
      save(new Blob([svg], { type: "image/svg+xml" }), name);
      return;
    }
    // A detached element: the copy is never on the page.
    chart = window.echarts.init(document.createElement("div"), null, { renderer: "canvas", width: e.width, height: e.height });
    chart.setOption(e.option);
    var url = chart.getDataURL({ type: "png", pixelRatio: 2, backgroundColor: "#ffffff" });
    chart.dispose();
    var bin = atob(url.slice(url.indexOf(",") + 1));
    var bytes = new Uint8Array(bin.length);
    for (var i = 0; i < bin.length; i++) bytes[i] = bin.charCodeAt(i);
    save(new Blob([bytes], { type: "image/png" }), name);
  }

  function copyLink(button) {
    var url = location.href.split("#")[0] + "#" + button.getAttribute("data-target");
    var status = button.parentNode.querySelector(".copy-status");
    var done = function () { if (status) status.textContent = button.getAttribute("data-done"); };
    var fallback = function () {
      // Without clipboard access the address bar gets the link instead.
      history.replaceState(null, "", url);
      done();
    };
    if (navigator.clipboard && navigator.clipboard.writeText) navigator.clipboard.writeText(url).then(done, fallback);
    else fallback();
  }

  // The embed snippet's address made absolute from the page's own (a site
  // built without a base URL writes it relative), and its copy button.
  function copyEmbed(button) {
    var field = document.getElementById(button.getAttribute("data-target"));
    var status = button.parentNode.querySelector(".copy-status");
    if (!field) return;
    var done = function () { if (status) status.textContent = button.getAttribute("data-done"); };
    var fallback = function () {
      // Without clipboard access the code is selected for the reader to copy.
      field.focus();
      field.select();
      try { if (document.execCommand("copy")) done(); } catch (e) { /* selected is enough */ }
    };
    if (navigator.clipboard && navigator.clipboard.writeText) navigator.clipboard.writeText(field.value).then(done, fallback);
    else fallback();
  }

  function embedControls() {
    document.querySelectorAll("textarea.embed-code[data-src]").forEach(function (t) {
      var src = t.getAttribute("data-src");
      var abs;
      try { abs = new URL(src, location.href).href; } catch (e) { return; }
      if (abs !== src) t.value = t.value.split('src="' + src + '"').join('src="' + abs + '"');
      t.addEventListener("focus", function () { t.select(); });
    });
    document.querySelectorAll("button.copy-embed").forEach(function (b) {
      b.hidden = false;
      b.addEventListener("click", function () { copyEmbed(b); });
    });
  }

  function chartControls() {
    if (!window.echarts) return;
    document.querySelectorAll("figure[data-file]").forEach(function (fig) {
      fig.querySelectorAll("button.export").forEach(function (b) {
        b.hidden = false;
        b.addEventListener("click", function () { exportChart(fig, b.getAttribute("data-format")); });
      });
      fig.querySelectorAll("button.copy-link").forEach(function (b) {
        b.hidden = false;
        b.addEventListener("click", function () { copyLink(b); });
      });
    });
  }

  function cellValue(row, index) {
    var cell = row.children[index];
    if (!cell) return "";
    var v = cell.getAttribute("data-value");
    if (v !== null) return v === "" ? -Infinity : parseFloat(v);
    return cell.textContent.trim().toLowerCase();
  }

  function makeSortable(table) {
    var heads = table.querySelectorAll("thead th");
    heads.forEach(function (th, index) {
      var button = th.querySelector("button");
      if (!button) return;
      button.addEventListener("click", function () {
        var ascending = th.getAttribute("aria-sort") !== "ascending";
        heads.forEach(function (h) { h.setAttribute("aria-sort", "none"); });
        th.setAttribute("aria-sort", ascending ? "ascending" : "descending");
        var body = table.tBodies[0];
        var rows = Array.prototype.slice.call(body.rows);
        rows.sort(function (a, b) {
          var x = cellValue(a, index), y = cellValue(b, index);
          var r = typeof x === "number" && typeof y === "number" ? x - y : String(x).localeCompare(String(y), document.documentElement.lang);
          return ascending ? r : -r;
        });
        rows.forEach(function (r) { body.appendChild(r); });
      });
    });
  }

  function makeFilter(input) {
    var table = document.getElementById(input.getAttribute("data-filter"));
    if (!table) return;
    input.addEventListener("input", function () {
      var q = input.value.trim().toLowerCase();
      Array.prototype.forEach.call(table.tBodies[0].rows, function (row) {
        row.hidden = q !== "" && row.textContent.toLowerCase().indexOf(q) < 0;
      });
    });
  }

  function start() {
    drawCharts();
    chartControls();
    embedControls();
    document.querySelectorAll("table.sortable").forEach(makeSortable);
    document.querySelectorAll("input[data-filter]").forEach(makeFilter);
  }

  if (document.readyState === "loading") document.addEventListener("DOMContentLoaded", start);
  else start();
})();
