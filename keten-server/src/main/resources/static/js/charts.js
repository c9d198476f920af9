/* Charts of the statistics and reception pages: every canvas with a data-chart attribute holds the
   chart's specification (made on the server from the table below it); Chart.js draws it. */
(function () {
  'use strict';
  var PALETTE = ['#1f77b4', '#d95f02', '#1b9e77', '#7570b3', '#e7298a', '#66a61e', '#a6761d', '#666666', '#e6ab02', '#17becf'];
  var lang = document.documentElement.lang || 'en';
  var numbers = new Intl.NumberFormat(lang);

  function draw(canvas) {
    var spec;
    try {
      spec = JSON.parse(canvas.getAttribute('data-chart'));
    } catch (e) {
      return;
    }
    var datasets = spec.datasets.map(function (d, i) {
      return {
        label: d.label,
        data: d.data,
        backgroundColor: PALETTE[i % PALETTE.length],
        borderColor: PALETTE[i % PALETTE.length],
        borderWidth: 1
      };
    });
    var value = function (v) { return spec.percent ? numbers.format(v) + ' %' : numbers.format(v); };
    var valueAxis = { stacked: spec.stacked, beginAtZero: true, ticks: { callback: value } };
    var categoryAxis = { stacked: spec.stacked, ticks: { autoSkip: false } };
    new Chart(canvas, {
      type: spec.type,
      data: { labels: spec.labels, datasets: datasets },
      options: {
        responsive: true,
        maintainAspectRatio: false,
        animation: false,
        locale: lang,
        indexAxis: spec.horizontal ? 'y' : 'x',
        scales: spec.horizontal ? { x: valueAxis, y: categoryAxis } : { x: categoryAxis, y: valueAxis },
        plugins: {
          legend: { display: datasets.length > 1, position: 'bottom' },
          tooltip: { callbacks: { label: function (c) { return c.dataset.label + ': ' + value(spec.horizontal ? c.parsed.x : c.parsed.y); } } }
        }
      }
    });
    canvas.setAttribute('data-rendered', 'true');
  }

  function init() {
    if (typeof Chart === 'undefined') {
      return;
    }
    Chart.defaults.font.family = getComputedStyle(document.body).fontFamily;
    Chart.defaults.font.size = 13;
    Chart.defaults.color = '#1d2430';
    document.querySelectorAll('canvas[data-chart]').forEach(draw);
  }

  if (document.readyState === 'loading') {
    document.addEventListener('DOMContentLoaded', init);
  } else {
    init();
  }
})();
