/* What-if page: polls the two simulation jobs (A and B) until they end. From the first answer it
   draws each job's stock-flow estimate (dashed); as replications finish, the p5–p95 band and median
   (p50) of those finished so far, overlaid, which grow into the final bands; and fills the summary
   table. The canvas gets data-rendered="true" once every job has ended and its results are drawn. */
(function () {
  'use strict';
  var root = document.getElementById('whatif-results');
  if (!root || typeof Chart === 'undefined') {
    return;
  }
  var COLORS = { A: '#1f77b4', B: '#d95f02' };
  var BANDS = { A: 'rgba(31, 119, 180, 0.18)', B: 'rgba(217, 95, 2, 0.18)' };
  var lang = document.documentElement.lang || 'en';
  var numbers = new Intl.NumberFormat(lang, { maximumFractionDigits: 0 });
  var percent = new Intl.NumberFormat(lang, { style: 'percent', maximumFractionDigits: 1 });
  var base = root.getAttribute('data-base');
  var jobs = [];
  if (root.getAttribute('data-job-a')) { jobs.push({ side: 'A', id: root.getAttribute('data-job-a') }); }
  if (root.getAttribute('data-job-b')) { jobs.push({ side: 'B', id: root.getAttribute('data-job-b') }); }
  var select = document.getElementById('indicator');
  var canvas = document.getElementById('whatif-chart');
  var chart = null;

  function statusText(data) {
    var text = root.getAttribute('data-status-' + data.status.toLowerCase()) || data.status;
    if (data.inBands && data.status !== 'DONE') {
      text += ' – ' + root.getAttribute('data-in-bands').replace('{0}', data.inBands).replace('{1}', data.replications);
    }
    return text + (data.error ? ': ' + data.error : '');
  }

  function ended(job) {
    return job.data && (job.data.status === 'DONE' || job.data.status === 'FAILED' || job.data.status === 'CANCELLED');
  }

  function poll(job) {
    fetch(base + encodeURIComponent(job.id), { credentials: 'same-origin', headers: { Accept: 'application/json' } })
      .then(function (r) {
        if (!r.ok) { throw new Error('HTTP ' + r.status); }
        return r.json();
      })
      .then(function (data) {
        job.data = data;
        var bar = document.getElementById('progress-' + job.side);
        if (bar) { bar.value = data.progress; }
        var st = document.getElementById('status-' + job.side);
        if (st) { st.textContent = statusText(data); }
        draw();
        if (!ended(job)) {
          setTimeout(function () { poll(job); }, 1000);
        } else {
          var cancel = document.getElementById('cancel-' + job.side);
          if (cancel) { cancel.closest('form').hidden = true; }   // nothing left to cancel
        }
      })
      .catch(function () { setTimeout(function () { poll(job); }, 3000); });
  }

  function format(v, rate) {
    if (v === null || v === undefined) { return '–'; }
    return rate ? percent.format(v) : numbers.format(v);
  }

  function draw() {
    var key = select.value;
    var months = null;
    var rate = false;
    var datasets = [];
    jobs.forEach(function (j) {
      if (!j.data) { return; }
      months = months || j.data.months;
      var s = j.data.series && j.data.series[key];
      var e = j.data.estimate && j.data.estimate[key];
      if (s) {
        rate = s.rate;
        datasets.push({ label: j.side + ' p5', data: s.p5, borderColor: 'transparent', backgroundColor: BANDS[j.side], pointRadius: 0, fill: false });
        datasets.push({ label: j.side + ' ' + root.getAttribute('data-band'), data: s.p95, borderColor: 'transparent', backgroundColor: BANDS[j.side],
          pointRadius: 0, fill: '-1' });
        datasets.push({ label: j.side + ' ' + root.getAttribute('data-median'), data: s.p50, borderColor: COLORS[j.side], backgroundColor: COLORS[j.side],
          borderWidth: 2.5, pointRadius: 2, fill: false });
      }
      if (e) {
        rate = e.rate;
        datasets.push({ label: j.side + ' ' + root.getAttribute('data-estimate'), data: e.values, borderColor: COLORS[j.side],
          backgroundColor: 'transparent', borderDash: [6, 4], borderWidth: 1.5, pointRadius: 0, fill: false });
      }
    });
    if (!months || datasets.length === 0) {
      if (chart) { chart.destroy(); chart = null; }   // e.g. a run without an estimate that failed
      summary();
      return;
    }
    // The same lines as drawn: new values in place, so that the legend's hidden lines and an open
    // tooltip survive the polls; other lines or another scale: a new chart.
    var signature = datasets.map(function (d) { return d.label; }).join('|') + '|' + rate;
    if (chart && chart.$keten === signature) {
      chart.data.labels = months;
      datasets.forEach(function (d, i) { chart.data.datasets[i].data = d.data; });
      chart.update('none');
    } else {
      if (chart) { chart.destroy(); }
      chart = new Chart(canvas, {
        type: 'line',
        data: { labels: months, datasets: datasets },
        options: {
          responsive: true, maintainAspectRatio: false, animation: false, locale: lang,
          interaction: { mode: 'index', intersect: false },
          scales: { y: { beginAtZero: !rate, ticks: { callback: function (v) { return format(v, rate); } } } },
          plugins: {
            legend: { position: 'bottom', labels: { filter: function (item) { return !/ p5$/.test(item.text); } } },
            tooltip: { callbacks: { label: function (c) { return c.dataset.label + ': ' + format(c.parsed.y, rate); } } }
          }
        }
      });
      chart.$keten = signature;
    }
    if (jobs.every(ended)) { canvas.setAttribute('data-rendered', 'true'); }
    summary();
  }

  function summary() {
    document.querySelectorAll('#whatif-summary tr[data-indicator]').forEach(function (row) {
      var key = row.getAttribute('data-indicator');
      jobs.forEach(function (j) {
        var cell = row.querySelector('td[data-side="' + j.side + '"]');
        if (!cell || !j.data) { return; }
        var s = j.data.series && j.data.series[key];
        var e = j.data.estimate && j.data.estimate[key];
        if (s) {
          var last = s.p50.length - 1;
          cell.textContent = format(s.p50[last], s.rate) + ' (' + format(s.p5[last], s.rate) + ' – ' + format(s.p95[last], s.rate) + ')';
        } else if (e) {
          cell.textContent = '≈ ' + format(e.values[e.values.length - 1], e.rate);
        } else {
          cell.textContent = '–';
        }
      });
    });
  }

  select.addEventListener('change', draw);
  jobs.forEach(poll);
})();
