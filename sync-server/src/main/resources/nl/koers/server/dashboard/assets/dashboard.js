// Draws the dashboard's charts with chart.js from the JSON the server put in #chart-data.
// A suppressed value is null: no bar, and the tooltip prints "x" as the tables do.
(function () {
  "use strict";
  const data = document.getElementById("chart-data");
  if (!data || typeof Chart === "undefined") {
    return;
  }
  const colours = ["#1f5f8b", "#e0843a"];
  // Long category labels over several lines, so that they are not cut off.
  function wrap(label) {
    const lines = [];
    label.split(" ").forEach(function (word) {
      const last = lines.length - 1;
      if (last >= 0 && (lines[last] + " " + word).length <= 30) {
        lines[last] += " " + word;
      } else {
        lines.push(word);
      }
    });
    return lines;
  }
  const charts = JSON.parse(data.textContent);
  document.querySelectorAll("canvas[data-chart]").forEach(function (canvas) {
    const chart = charts[Number(canvas.dataset.chart)];
    const across = chart.kind === "BARS";
    const percent = chart.unit === "%";
    new Chart(canvas, {
      type: "bar",
      data: {
        labels: across ? chart.labels.map(wrap) : chart.labels,
        datasets: chart.series.map(function (series, i) {
          return {
            label: series.label,
            data: series.values,
            backgroundColor: colours[i % colours.length],
            borderRadius: 3,
            maxBarThickness: 28
          };
        })
      },
      options: {
        indexAxis: across ? "y" : "x",
        maintainAspectRatio: false,
        animation: false,
        plugins: {
          legend: { display: chart.series.length > 1, position: "bottom" },
          tooltip: {
            callbacks: {
              label: function (item) {
                return chart.series[item.datasetIndex].texts[item.dataIndex];
              }
            }
          }
        },
        scales: {
          [across ? "x" : "y"]: { beginAtZero: true, max: percent ? 100 : undefined, grid: { color: "#eef1f4" } },
          [across ? "y" : "x"]: { grid: { display: false }, ticks: { autoSkip: false } }
        }
      }
    });
  });
})();
