// Draws each dashboard chart from the table under it, so that the chart shows exactly the figures of its table.
(function () {
  'use strict';
  function draw(figure) {
    var rows = Array.prototype.slice.call(figure.querySelectorAll('tbody tr'));
    var percent = figure.getAttribute('data-unit') === 'share';
    var labels = rows.map(function (r) { return r.querySelector('th').textContent.trim(); });
    var values = rows.map(function (r) {
      var raw = r.querySelector('td[data-value]').getAttribute('data-value');
      return raw === '' ? null : Number(raw);
    });
    var y = { beginAtZero: true, ticks: { color: '#0b0c0c' }, grid: { color: '#d8d8d8' } };
    if (percent) {
      y.max = 100;
      y.ticks.callback = function (v) { return v + ' %'; };
    }
    new window.Chart(figure.querySelector('canvas'), {
      type: figure.getAttribute('data-chart'),
      data: {
        labels: labels,
        datasets: [{
          label: figure.querySelector('figcaption').textContent.trim(),
          data: values,
          borderColor: '#1d4f91',
          backgroundColor: '#1d4f91',
          pointRadius: 4,
          spanGaps: false
        }]
      },
      options: {
        animation: false,
        responsive: true,
        maintainAspectRatio: false,
        scales: { x: { ticks: { color: '#0b0c0c' }, grid: { display: false } }, y: y },
        plugins: { legend: { display: false } }
      }
    });
  }
  function start() {
    if (!window.Chart) {
      return;
    }
    Array.prototype.forEach.call(document.querySelectorAll('figure[data-chart]'), draw);
  }
  if (document.readyState === 'loading') {
    document.addEventListener('DOMContentLoaded', start);
  } else {
    start();
  }
}());
