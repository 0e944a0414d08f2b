/* Draws the dashboard's charts with the vendored Chart.js 4 from the json_script data; a click on a bar opens its list. */
(function () {
  "use strict";
  var still = window.matchMedia && window.matchMedia("(prefers-reduced-motion: reduce)").matches;
  var palette = ["#4f46e5", "#dc2626", "#16a34a", "#d97706", "#0891b2", "#9333ea", "#64748b", "#db2777"];

  function draw(canvas) {
    var source = document.getElementById(canvas.dataset.papiChart);
    if (!source || typeof Chart === "undefined") { return; }
    var spec = JSON.parse(source.textContent);
    var single = spec.datasets.length === 1;
    var data = {
      labels: spec.labels,
      datasets: spec.datasets.map(function (set, index) {
        return {
          label: set.label, data: set.data,
          backgroundColor: single ? spec.labels.map(function (_l, i) { return palette[i % palette.length]; }) : palette[index % palette.length],
        };
      }),
    };
    var axis = spec.horizontal ? "y" : "x";
    new Chart(canvas, {
      type: spec.type,
      data: data,
      options: {
        indexAxis: axis, responsive: true, maintainAspectRatio: false, animation: still ? false : undefined,
        plugins: { legend: { display: !single } },
        scales: {
          x: { stacked: spec.stacked, beginAtZero: true, ticks: { precision: 0 } },
          y: { stacked: spec.stacked, beginAtZero: true, ticks: { precision: 0 } },
        },
        onClick: function (_event, elements) {
          if (!elements.length) { return; }
          var hit = elements[0];
          var link = spec.datasets[hit.datasetIndex].links[hit.index];
          if (link) { window.location.href = link; }
        },
      },
    });
  }

  function start() {
    document.querySelectorAll("canvas[data-papi-chart]").forEach(draw);
  }
  if (document.readyState === "loading") { document.addEventListener("DOMContentLoaded", start); } else { start(); }
})();
