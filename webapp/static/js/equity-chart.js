// The account page's equity curve (/accounts/{id}): an area series of the account's equity snapshots, one per
// bar close. #equity-chart gets data-ready="true" and data-points="<count>" once drawn.
(function () {
    'use strict';
    const container = document.getElementById('equity-chart');
    if (!container) {
        return;
    }
    const charts = window.PaperCharts;

    charts.fetchJson(container.dataset.equityUrl)
        .then(curve => {
            if (curve.points.length === 0) {
                document.getElementById('equity-empty').hidden = false;
            } else {
                const chart = charts.create(container);
                const series = chart.addSeries(LightweightCharts.AreaSeries, {
                    lineColor: '#2f6fdb', topColor: 'rgba(47, 111, 219, 0.35)', bottomColor: 'rgba(47, 111, 219, 0.02)',
                    priceLineColor: charts.PRICE_LINE
                });
                series.setData(curve.points.map(point => ({time: charts.seconds(point.time), value: Number(point.equity)})));
                chart.timeScale().fitContent();
            }
            container.dataset.points = String(curve.points.length);
            container.dataset.ready = 'true';
        })
        .catch(error => charts.fail(container, error));
})();
