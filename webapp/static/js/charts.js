// Shared by the chart pages (ticker, account, backtest): a lightweight-charts chart that fills its container and
// shows New York time, a JSON fetch that fails with the API's own error message, and the error shown under a chart.
window.PaperCharts = (function () {
    'use strict';

    const NEW_YORK = 'America/New_York';
    const dateTime = new Intl.DateTimeFormat('en-US', {
        timeZone: NEW_YORK, year: 'numeric', month: 'short', day: 'numeric', hour: '2-digit', minute: '2-digit', hourCycle: 'h23'
    });
    const ticks = [
        new Intl.DateTimeFormat('en-US', {timeZone: NEW_YORK, year: 'numeric'}),
        new Intl.DateTimeFormat('en-US', {timeZone: NEW_YORK, month: 'short'}),
        new Intl.DateTimeFormat('en-US', {timeZone: NEW_YORK, month: 'short', day: 'numeric'}),
        new Intl.DateTimeFormat('en-US', {timeZone: NEW_YORK, hour: '2-digit', minute: '2-digit', hourCycle: 'h23'})
    ];

    // The dotted line at the last value, in grey rather than the series' colour (it would otherwise be counted as
    // candles or curve by the browser tests' pixel counts, and grey reads as a guide, not as data).
    const PRICE_LINE = '#8a94a6';

    /** Chart time (UTC seconds) of an ISO-8601 instant from the API. */
    function seconds(iso) {
        return Math.floor(Date.parse(iso) / 1000);
    }

    function formatTime(time) {
        return dateTime.format(new Date(time * 1000)) + ' ET';
    }

    /**
     * A chart that fills the container (autoSize: the container's CSS gives it its size) with a New York time axis.
     * The library's attribution logo is off: it injects a <style> element, which the Content-Security-Policy
     * (style-src 'self') refuses; each chart page credits TradingView in a plain link instead (fragments/charts).
     * options: more chart options, merged over these at the top level.
     */
    function create(container, options) {
        return LightweightCharts.createChart(container, Object.assign({
            autoSize: true,
            layout: {background: {color: '#ffffff'}, textColor: '#333', attributionLogo: false},
            localization: {timeFormatter: formatTime},
            timeScale: {
                timeVisible: true,
                secondsVisible: false,
                tickMarkFormatter: (time, type) => ticks[Math.min(type, 3)].format(new Date(time * 1000))
            }
        }, options || {}));
    }

    function fetchJson(url) {
        return fetch(url, {headers: {Accept: 'application/json'}}).then(response => response.json().then(body => {
            if (!response.ok) {
                throw new Error(body.error || ('HTTP ' + response.status));
            }
            return body;
        }));
    }

    /** Shows a failure under the chart and marks the container, so a test sees why nothing was drawn. */
    function fail(container, error) {
        container.dataset.error = error.message;
        const note = document.createElement('p');
        note.className = 'error chart-error';
        note.textContent = 'The chart could not be loaded: ' + error.message;
        container.after(note);
    }

    return {PRICE_LINE: PRICE_LINE, seconds: seconds, formatTime: formatTime, create: create, fetchJson: fetchJson, fail: fail};
})();
