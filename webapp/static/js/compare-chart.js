// The agents' comparison (/compare): each agent's account equity as a line, overlaid, in the colour of its entry in
// #compare-legend (the same eight colours as .series-0 ... .series-7 in app.css). Every line has a point at every time
// any account has one: its equity carries forward between its own snapshots (as it does in the account) and it is
// blank before its first. Lines on the same times also keep the library off its multi-series merge, which failed now
// and then with "Value is null" on lines of different times. #compare-chart gets data-ready="true" and
// data-series="<lines drawn>" once drawn.
(function () {
    'use strict';
    const container = document.getElementById('compare-chart');
    if (!container) {
        return;
    }
    const COLOURS = ['#2f6fdb', '#c62828', '#1a7f37', '#8e24aa', '#ef6c00', '#00838f', '#6d4c41', '#37474f'];
    const charts = window.PaperCharts;
    const entries = Array.from(document.querySelectorAll('#compare-legend li'));

    /** The curve on the shared times: whitespace before its first point, then its latest equity at each time. */
    function aligned(curve, times) {
        const equityAt = new Map(curve.points.map(point => [charts.seconds(point.time), Number(point.equity)]));
        let equity = null;
        return times.map(time => {
            if (equityAt.has(time)) {
                equity = equityAt.get(time);
            }
            return equity === null ? {time: time} : {time: time, value: equity};
        });
    }

    Promise.all(entries.map(entry => charts.fetchJson(entry.dataset.equityUrl)))
        .then(curves => {
            const times = Array.from(new Set(curves.flatMap(curve => curve.points.map(point => charts.seconds(point.time)))))
                .sort((a, b) => a - b);
            const chart = charts.create(container);
            let drawn = 0;
            curves.forEach((curve, index) => {
                if (curve.points.length === 0) {
                    return;
                }
                chart.addSeries(LightweightCharts.LineSeries, {
                    color: COLOURS[index % COLOURS.length], lineWidth: 2, priceLineVisible: false, lastValueVisible: false
                }).setData(aligned(curve, times));
                drawn++;
            });
            chart.timeScale().fitContent();
            container.dataset.series = String(drawn);
            container.dataset.ready = 'true';
        })
        .catch(error => charts.fail(container, error));
})();
