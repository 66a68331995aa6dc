// Hermes ops page: draws the charts from /ops/charts.json and redraws them every few seconds.
// Hand-written, no library; served from the orchestrator jar. Inline SVG with classes only (the page's
// Content-Security-Policy allows no inline style or script).
(function () {
  'use strict';
  var SVG = 'http://www.w3.org/2000/svg';
  var W = 360, H = 120, LEFT = 34, BOTTOM = 14, TOP = 6;

  var CHARTS = {
    intake: { series: [{ key: 'intake', cls: 'bar intake', label: 'messages' }], unit: 'messages' },
    durations: { series: [{ key: 'meanSeconds', cls: 'bar duration', label: 's mean' }], unit: 's' },
    interrupts: {
      series: [{ key: 'supersede', cls: 'bar supersede', label: 'supersede' },
               { key: 'preempt', cls: 'bar preempt', label: 'preempt' }],
      unit: 'interrupts'
    }
  };

  function el(name, attrs, text) {
    var e = document.createElementNS(SVG, name);
    Object.keys(attrs).forEach(function (k) { e.setAttribute(k, attrs[k]); });
    if (text !== undefined) { e.textContent = text; }
    return e;
  }

  function clock(ms) {
    return new Date(ms).toISOString().substring(11, 19);
  }

  function round(v) {
    return v >= 10 ? Math.round(v).toString() : (Math.round(v * 100) / 100).toString();
  }

  function draw(id, spec, data) {
    var figure = document.getElementById('chart-' + id);
    if (!figure) { return; }
    var svg = figure.querySelector('svg');
    while (svg.firstChild) { svg.removeChild(svg.firstChild); }
    var points = data.points;
    var n = Math.max(points.length, 1);
    var max = 0;
    points.forEach(function (p) {
      var sum = spec.series.reduce(function (s, ser) { return s + p[ser.key]; }, 0);
      max = Math.max(max, sum);
    });
    var scale = max > 0 ? max : 1;
    var plotW = W - LEFT, plotH = H - BOTTOM - TOP, step = plotW / n;
    svg.appendChild(el('line', { x1: LEFT, y1: TOP + plotH, x2: W, y2: TOP + plotH, 'class': 'axis' }));
    svg.appendChild(el('line', { x1: LEFT, y1: TOP, x2: W, y2: TOP, 'class': 'grid' }));
    svg.appendChild(el('text', { x: LEFT - 4, y: TOP + 8, 'class': 'label end' }, round(max)));
    svg.appendChild(el('text', { x: LEFT - 4, y: TOP + plotH, 'class': 'label end' }, '0'));
    if (points.length > 0) {
      svg.appendChild(el('text', { x: LEFT, y: H - 2, 'class': 'label' }, clock(points[0].at)));
      svg.appendChild(el('text', { x: W, y: H - 2, 'class': 'label end' }, 'now'));
    }
    var total = 0, drawn = 0;
    points.forEach(function (p, i) {
      var y = TOP + plotH;
      spec.series.forEach(function (ser) {
        var v = p[ser.key];
        if (!(v > 0)) { return; }
        var h = Math.max(1, v / scale * plotH);
        y -= h;
        var rect = el('rect', { x: LEFT + i * step + step * 0.1, y: y, width: Math.max(1, step * 0.8), height: h,
          'class': ser.cls, 'data-value': v });
        rect.appendChild(el('title', {}, clock(p.at) + ' · ' + round(v) + ' ' + ser.label));
        svg.appendChild(rect);
        drawn++;
      });
    });
    var caption = figure.querySelector('.total');
    if (id === 'durations') {
      var finished = 0, seconds = 0;
      points.forEach(function (p) { finished += p.finished; seconds += p.finished * p.meanSeconds; });
      total = finished;
      caption.textContent = finished + ' finished' + (finished > 0 ? ', mean ' + round(seconds / finished) + ' s' : '');
    } else {
      points.forEach(function (p) { spec.series.forEach(function (ser) { total += p[ser.key]; }); });
      caption.textContent = total + ' ' + spec.unit;
    }
    var minutes = Math.round(points.length * data.intervalMillis / 60000);
    caption.setAttribute('title', 'in the last ' + Math.max(1, minutes) + ' min');
    figure.setAttribute('data-total', total);
    figure.setAttribute('data-bars', drawn);
  }

  function render(data) {
    Object.keys(CHARTS).forEach(function (id) { draw(id, CHARTS[id], data); });
    document.getElementById('charts').setAttribute('data-updated', Date.now());
    document.getElementById('charts').classList.remove('stale');
  }

  function start() {
    var root = document.getElementById('charts');
    if (!root) { return; }
    var source = root.getAttribute('data-source');
    var every = 5000;
    function refresh() {
      fetch(source, { credentials: 'same-origin', headers: { Accept: 'application/json' } })
        .then(function (r) { if (!r.ok) { throw new Error('HTTP ' + r.status); } return r.json(); })
        .then(function (data) {
          render(data);
          var next = Math.min(10000, Math.max(2000, data.intervalMillis));
          if (next !== every) { every = next; clearInterval(timer); timer = setInterval(refresh, every); }
        })
        .catch(function () { root.classList.add('stale'); });
    }
    var timer = setInterval(refresh, every);
    refresh();
  }

  if (document.readyState === 'loading') {
    document.addEventListener('DOMContentLoaded', start);
  } else {
    start();
  }
})();
