// kinerja public site, banding/: two to four OPDs side by side on every
// headline KPI, with the province's line. Drawn in the browser from
// banding/data.json, the compared columns of the published open data
// (data/kpi_opd_bulanan.json, data/kpi_provinsi_bulanan.json; written by
// site/banding.go); the choice lives in the URL (?opd=a,b),
// so a comparison can be shared. Plain JavaScript, no framework.
(function () {
  "use strict";
  var root = document.getElementById("banding");
  if (!root) return;
  var max = parseInt(root.getAttribute("data-max"), 10) || 4;
  var min = parseInt(root.getAttribute("data-min"), 10) || 2;
  var boxes = [].slice.call(root.querySelectorAll("input[name=opd]"));
  var status = document.getElementById("banding-status");
  var figures = [].slice.call(root.querySelectorAll("figure[data-kpi]"));
  var dark = window.matchMedia && window.matchMedia("(prefers-color-scheme: dark)").matches;
  var charts = {};
  var data = null;

  function t(name) { return root.getAttribute("data-t-" + name) || ""; }
  function fill(text, n) { return text.replace("%d", String(n)).replace("%m", String(max)); }

  function chosen() {
    return boxes.filter(function (b) { return b.checked; }).map(function (b) { return b.value; });
  }
  function nameOf(code) {
    for (var i = 0; i < boxes.length; i++) if (boxes[i].value === code) return boxes[i].getAttribute("data-nama");
    return code;
  }

  // The URL holds the choice: ?opd=kode1,kode2 (the OPDs' page codes).
  function fromURL() {
    var m = /[?&]opd=([^&#]*)/.exec(window.location.search);
    var want = m ? decodeURIComponent(m[1]).split(",") : [];
    var n = 0;
    boxes.forEach(function (b) {
      b.checked = want.indexOf(b.value) >= 0 && n < max;
      if (b.checked) n++;
    });
  }
  function toURL(codes) {
    var q = codes.length ? "?opd=" + codes.map(encodeURIComponent).join(",") : "";
    if (window.history && window.history.replaceState) {
      window.history.replaceState(null, "", window.location.pathname + q + window.location.hash);
    }
  }

  function number(v) {
    if (v === null || v === undefined || v === "") return null;
    var x = Number(v);
    return isFinite(x) ? x : null;
  }
  function shown(v) {
    return v === null ? "–" : v.toLocaleString(document.documentElement.lang === "en" ? "en-GB" : "id-ID", { maximumFractionDigits: 1 });
  }

  function draw() {
    var codes = chosen();
    var n = codes.length;
    status.textContent = n < min ? fill(t("pilih"), n) : fill(t("dipilih"), n);
    boxes.forEach(function (b) { b.disabled = !b.checked && n >= max; });
    toURL(codes);
    if (!data) return;
    figures.forEach(function (fig) { drawFigure(fig, codes); });
  }

  // One KPI's chart and table for the OPDs chosen. The chart is drawn only
  // once its figure comes near the screen (five charts at once block a
  // phone); the table always.
  function drawFigure(fig, codes) {
    var months = data.bulan;
    var kpi = fig.getAttribute("data-kpi");
    var none = months.map(function () { return null; });
    var series = [{ name: t("provinsi"), type: "line", data: (data.provinsi[kpi] || none).map(number),
      lineStyle: { type: "dashed", width: 2 }, symbol: "none", connectNulls: false }];
    codes.forEach(function (code) {
      var rows = data.opd[code] || {};
      series.push({ name: nameOf(code), type: "line", symbolSize: 6, connectNulls: false,
        data: (rows[kpi] || none).map(number) });
    });
    var option = {
      backgroundColor: "transparent", animation: false,
      legend: { type: "plain", top: 0, left: 0, textStyle: { overflow: "break", width: 260 } },
      grid: { top: 32 + 22 * Math.ceil(series.length / 2), left: 44, right: 16, bottom: 32 },
      tooltip: { trigger: "axis", renderMode: "richText" },
      xAxis: { type: "category", data: months },
      yAxis: { type: "value", min: 0, max: kpi === "rata_capaian_iku_persen" ? null : 100 },
      series: series,
    };
    var el = fig.querySelector(".chart");
    el.style.height = (280 + 22 * Math.ceil(series.length / 2)) + "px";
    if (window.echarts && fig.getAttribute("data-near")) {
      if (!charts[kpi]) charts[kpi] = window.echarts.init(el, dark ? "dark" : null, { renderer: "canvas" });
      charts[kpi].setOption(option, true);
      charts[kpi].resize();
    }
    el.setAttribute("aria-label", fig.querySelector("h2").textContent + ": " + series.map(function (s) { return s.name; }).join(", "));
    // The table of the chart, for screen readers and for copying.
    var table = fig.querySelector("table");
    var head = "<tr><th scope=\"col\">" + escapeHTML(t("bulan")) + "</th>" +
      series.map(function (s) { return "<th scope=\"col\">" + escapeHTML(s.name) + "</th>"; }).join("") + "</tr>";
    var body = months.map(function (p, i) {
      return "<tr><th scope=\"row\">" + escapeHTML(p) + "</th>" +
        series.map(function (s) { return "<td>" + shown(s.data[i]) + "</td>"; }).join("") + "</tr>";
    }).join("");
    table.querySelector("thead").innerHTML = head;
    table.querySelector("tbody").innerHTML = body;
  }

  function escapeHTML(s) {
    return String(s).replace(/[&<>"']/g, function (c) {
      return { "&": "&amp;", "<": "&lt;", ">": "&gt;", "\"": "&quot;", "'": "&#39;" }[c];
    });
  }

  function load() {
    fetch(root.getAttribute("data-url"), { credentials: "same-origin" }).then(function (r) {
      if (!r.ok) throw new Error(r.status);
      return r.json();
    }).then(function (d) {
      data = d;
      draw();
    }).catch(function () { status.textContent = t("gagal"); });
  }

  boxes.forEach(function (b) { b.addEventListener("change", draw); });
  var filter = document.getElementById("banding-cari");
  if (filter) {
    filter.parentNode.hidden = false;
    filter.addEventListener("input", function () {
      var q = filter.value.toLowerCase();
      boxes.forEach(function (b) {
        b.parentNode.hidden = q !== "" && b.getAttribute("data-nama").toLowerCase().indexOf(q) < 0 && b.value.indexOf(q) < 0;
      });
    });
  }
  var timer;
  window.addEventListener("resize", function () {
    clearTimeout(timer);
    timer = setTimeout(function () { for (var k in charts) charts[k].resize(); }, 150);
  });
  if ("IntersectionObserver" in window) {
    var near = new IntersectionObserver(function (entries) {
      entries.forEach(function (e) {
        if (!e.isIntersecting) return;
        near.unobserve(e.target);
        e.target.setAttribute("data-near", "1");
        if (data) drawFigure(e.target, chosen());
      });
    }, { rootMargin: "300px 0px" });
    figures.forEach(function (f) { near.observe(f); });
  } else {
    figures.forEach(function (f) { f.setAttribute("data-near", "1"); });
  }
  fromURL();
  draw();
  load();
})();
