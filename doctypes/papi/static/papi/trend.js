// Draws one line chart per PAPI dimension: the province, the national mean and the best province.
// The series' names come translated from the page (data-province, data-mean, data-best).
var papiLabels = (document.getElementById("papi-charts") || { dataset: {} }).dataset;
document.querySelectorAll("canvas.papi-chart").forEach(function (canvas) {
  if (typeof Chart === "undefined") { return; }
  var series = JSON.parse(canvas.dataset.series);
  new Chart(canvas, {
    type: "line",
    data: {
      labels: series.labels,
      datasets: [
        { label: papiLabels.province || "Tỉnh", data: series.score, borderColor: "#2563eb" },
        { label: papiLabels.mean || "Trung bình cả nước", data: series.mean, borderColor: "#71717a", borderDash: [4, 4] },
        { label: papiLabels.best || "Tỉnh cao nhất", data: series.best, borderColor: "#16a34a" }
      ]
    },
    options: { spanGaps: false, plugins: { legend: { position: "bottom" } } }
  });
});
