// The backtest results page (/backtests/{id}), and the walk-forward page's joined out-of-sample curve
// (/walk-forwards/{id}): while the run is queued or running, polls the JSON API for its
// progress and reloads the page when it ends; once it is done, draws its equity curve and its drawdown (% below the
// peak) with window.PaperCharts (static/js/charts.js), as the other chart pages do. Each chart container gets
// data-ready="true" and data-points="<points drawn>" once drawn; a failed load shows its message under the chart.
(function () {
    'use strict';
    const root = document.getElementById('backtest');
    if (!root) {
        return;
    }
    const charts = window.PaperCharts;
    const api = root.dataset.api;
    const status = root.dataset.status;
    // What the progress counts: a backtest's bars, or a walk-forward test's windows (data-unit="windows").
    const done = root.dataset.unit === 'windows' ? 'windowsDone' : 'barsDone';
    const total = root.dataset.unit === 'windows' ? 'windowsTotal' : 'barsTotal';

    function showProgress(run) {
        document.getElementById('backtest-status').textContent = run.status;
        document.getElementById('backtest-done').textContent = run[done];
        document.getElementById('backtest-total').textContent = run[total];
        const bar = document.getElementById('backtest-progress');
        bar.max = Math.max(run[total], 1);
        bar.value = run[done];
    }

    function poll() {
        charts.fetchJson(api)
            .then(run => {
                showProgress(run);
                if (run.status === 'QUEUED' || run.status === 'RUNNING') {
                    setTimeout(poll, 1000);
                } else {
                    window.location.reload();
                }
            })
            .catch(() => setTimeout(poll, 5000));
    }

    /** One series over the run's equity points: value(point) is what it shows. */
    function draw(container, points, type, options, value) {
        if (points.length > 0) {
            const chart = charts.create(container);
            chart.addSeries(type, options).setData(points.map(point => ({time: charts.seconds(point.t), value: value(point)})));
            chart.timeScale().fitContent();
        }
        container.dataset.points = String(points.length);
        container.dataset.ready = 'true';
    }

    if (status === 'QUEUED' || status === 'RUNNING') {
        poll();
        return;
    }
    const equity = document.getElementById('equity-chart');
    const drawdown = document.getElementById('drawdown-chart');
    if (!equity || !drawdown) {
        return; // no results to draw (failed or canceled before the first bar)
    }
    charts.fetchJson(api)
        .then(run => {
            draw(equity, run.equity, LightweightCharts.LineSeries, {color: '#2962ff', lineWidth: 2, priceLineColor: charts.PRICE_LINE},
                point => Number(point.equity));
            draw(drawdown, run.equity, LightweightCharts.AreaSeries, {
                lineColor: '#c62828', topColor: 'rgba(198, 40, 40, 0.05)', bottomColor: 'rgba(198, 40, 40, 0.4)',
                invertFilledArea: true, priceFormat: {type: 'custom', minMove: 0.01, formatter: value => value.toFixed(2) + '%'}, priceLineColor: charts.PRICE_LINE
            }, point => -100 * point.drawdown);
        })
        .catch(error => charts.fail(equity, error));
})();
