// kinerja public site: draws the charts from their data-option JSON, and
// makes tables sortable and filterable. Plain JavaScript, no framework.
(function () {
  "use strict";
  var dark = window.matchMedia && window.matchMedia("(prefers-color-scheme: dark)").matches;

  function drawCharts() {
    if (!window.echarts) return;
    var nodes = document.querySelectorAll(".chart[data-option]");
    var charts = [];
    for (var i = 0; i < nodes.length; i++) {
      var el = nodes[i];
      var option;
      try { option = JSON.parse(el.getAttribute("data-option")); } catch (e) { continue; }
      option.backgroundColor = "transparent";
      // Rich-text tooltips are drawn on the canvas: the HTML ones need inline
      // styles, which the site's Content-Security-Policy forbids.
      [].concat(option.tooltip || []).forEach(function (t) { t.renderMode = "richText"; });
      var chart = window.echarts.init(el, dark ? "dark" : null, { renderer: "canvas" });
      chart.setOption(option);
      charts.push(chart);
    }
    var timer;
    window.addEventListener("resize", function () {
      clearTimeout(timer);
      timer = setTimeout(function () { charts.forEach(function (c) { c.resize(); }); }, 150);
    });
    window.addEventListener("beforeprint", function () { charts.forEach(function (c) { c.resize(); }); });
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
    document.querySelectorAll("table.sortable").forEach(makeSortable);
    document.querySelectorAll("input[data-filter]").forEach(makeFilter);
  }

  if (document.readyState === "loading") document.addEventListener("DOMContentLoaded", start);
  else start();
})();
