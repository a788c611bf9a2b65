// The ticker chart (/chart/{ticker}): candlesticks of the newest stored bars with the agents' fills as markers
// (buys below the bar in blue, sells above in pink; hovering a bar spells its fills out under the chart). When both
// are drawn, #price-chart gets data-ready="true" and data-markers="<markers drawn>", which browser tests wait for.
(function () {
    'use strict';
    const container = document.getElementById('price-chart');
    if (!container) {
        return;
    }
    const charts = window.PaperCharts;
    const DETAILED_MARKERS = 4;
    // Markers in colours of their own, apart from the candles' green and red (browser tests count them on the canvas).
    const BUY_COLOUR = '#2196f3';
    const SELL_COLOUR = '#e91e63';

    function markersUrl(bars) {
        const url = new URL(container.dataset.markersUrl, window.location.href);
        url.searchParams.set('from', bars[0].time);
        url.searchParams.set('to', new Date(Date.parse(bars[bars.length - 1].time) + 1).toISOString());
        return url.toString();
    }

    /** Agent and reason in the marker's own text while they fit; on a busy chart only side and quantity. */
    function toMarker(fill, detailed) {
        return {
            time: charts.seconds(fill.time),
            position: fill.buy ? 'belowBar' : 'aboveBar',
            color: fill.buy ? BUY_COLOUR : SELL_COLOUR,
            shape: fill.buy ? 'arrowUp' : 'arrowDown',
            text: fill.side + ' ' + fill.quantity + (detailed ? ' ' + fill.agent + (fill.reason ? ': ' + fill.reason : '') : '')
        };
    }

    /** The fills of the bar under the crosshair, spelled out (the markers' text is short on a busy chart). */
    function legendFor(chart, fills) {
        const legend = document.createElement('p');
        legend.className = 'chart-legend';
        legend.id = 'price-chart-legend';
        container.after(legend);
        chart.subscribeCrosshairMove(param => {
            const here = param.time === undefined ? [] : fills.filter(fill => charts.seconds(fill.time) === param.time);
            legend.textContent = here.map(fill => charts.formatTime(param.time) + ' ' + fill.agent + ' ' + fill.side + ' '
                + fill.quantity + ' @ ' + fill.price + (fill.reason ? ' (' + fill.reason + ')' : '')).join('; ');
        });
    }

    function draw(bars, fills) {
        const chart = charts.create(container);
        const series = chart.addSeries(LightweightCharts.CandlestickSeries, {
            upColor: '#1a7f37', downColor: '#c62828', borderVisible: false,
            wickUpColor: '#1a7f37', wickDownColor: '#c62828', priceLineColor: charts.PRICE_LINE
        });
        series.setData(bars.map(bar => ({
            time: charts.seconds(bar.time),
            open: Number(bar.open), high: Number(bar.high), low: Number(bar.low), close: Number(bar.close)
        })));
        const markers = fills.map(fill => toMarker(fill, fills.length <= DETAILED_MARKERS));
        LightweightCharts.createSeriesMarkers(series, markers);
        chart.timeScale().fitContent();
        legendFor(chart, fills);
        container.dataset.markers = String(markers.length);
        container.dataset.ready = 'true';
    }

    charts.fetchJson(container.dataset.barsUrl)
        .then(page => {
            if (page.bars.length === 0) {
                document.getElementById('chart-empty').hidden = false;
                container.dataset.markers = '0';
                container.dataset.ready = 'true';
                return undefined;
            }
            return charts.fetchJson(markersUrl(page.bars)).then(result => draw(page.bars, result.markers));
        })
        .catch(error => charts.fail(container, error));
})();
