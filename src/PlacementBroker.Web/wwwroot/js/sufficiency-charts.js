// Charts for /sufficiency and /provider-performance. Each canvas names the table it draws (data-chart-table); the table, with its rows'
// data-label and data-value, is the source of truth, so the chart adds nothing a screen reader misses.
(function () {
  if (typeof window.Chart === 'undefined') {
    return;
  }
  var colours = ['#1d70b8', '#d4351c', '#505a5f', '#f47738', '#00703c', '#4c2c92', '#28a197', '#912b88'];
  var money = new Intl.NumberFormat('en-GB', { style: 'currency', currency: 'GBP', maximumFractionDigits: 0 });
  document.querySelectorAll('canvas[data-chart]').forEach(function (canvas) {
    var table = document.getElementById(canvas.getAttribute('data-chart-table'));
    if (!table) {
      return;
    }
    var rows = Array.prototype.filter.call(table.querySelectorAll('tbody tr'), function (row) {
      return row.hasAttribute('data-value');
    });
    var labels = rows.map(function (row) { return row.getAttribute('data-label'); });
    var values = rows.map(function (row) {
      var value = parseFloat(row.getAttribute('data-value'));
      return isNaN(value) ? null : value;
    });
    var type = canvas.getAttribute('data-chart');
    var isMoney = canvas.getAttribute('data-chart-money') === 'true';
    var datasets = [{
      label: table.querySelector('caption') ? table.querySelector('caption').textContent.trim() : '',
      data: values,
      backgroundColor: type === 'doughnut' ? colours.slice(0, values.length) : colours[0],
      borderColor: type === 'doughnut' ? '#ffffff' : colours[0],
      tension: 0.2
    }];
    var benchmark = parseFloat(canvas.getAttribute('data-chart-benchmark'));
    if (!isNaN(benchmark)) {
      datasets[0].label = 'Accepted price';
      datasets.push({ label: 'Lot benchmark', data: values.map(function () { return benchmark; }), backgroundColor: colours[2], borderColor: colours[2] });
    }
    var options = {
      animation: false,
      maintainAspectRatio: false,
      plugins: { legend: { display: type === 'doughnut' || datasets.length > 1 } }
    };
    if (type !== 'doughnut') {
      options.scales = {
        y: {
          beginAtZero: true,
          ticks: isMoney
            ? { callback: function (value) { return money.format(value); } }
            : { precision: 0 }
        }
      };
      var max = parseFloat(canvas.getAttribute('data-chart-max'));
      if (!isNaN(max)) {
        options.scales.y.max = max;
      }
    }
    new window.Chart(canvas, { type: type, data: { labels: labels, datasets: datasets }, options: options });
  });
})();
