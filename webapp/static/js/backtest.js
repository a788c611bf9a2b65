// Backtest results page: polls the JSON API while the run goes, then draws the equity and drawdown charts.
(function () {
  "use strict";
  var root = document.getElementById("backtest");
  if (!root) {
    return;
  }
  var api = root.getAttribute("data-api");
  var status = root.getAttribute("data-status");

  function fetchRun() {
    return fetch(api, { headers: { Accept: "application/json" } }).then(function (response) {
      if (!response.ok) {
        throw new Error("GET " + api + " answered " + response.status);
      }
      return response.json();
    });
  }

  function showProgress(run) {
    document.getElementById("backtest-status").textContent = run.status;
    document.getElementById("backtest-done").textContent = run.barsDone;
    document.getElementById("backtest-total").textContent = run.barsTotal;
    var bar = document.getElementById("backtest-progress");
    bar.max = Math.max(run.barsTotal, 1);
    bar.value = run.barsDone;
  }

  function poll() {
    fetchRun().then(function (run) {
      showProgress(run);
      if (run.status === "QUEUED" || run.status === "RUNNING") {
        setTimeout(poll, 1000);
      } else {
        window.location.reload();
      }
    }).catch(function () {
      setTimeout(poll, 5000);
    });
  }

  function seconds(iso) {
    return Math.floor(Date.parse(iso) / 1000);
  }

  function chart(element, height) {
    return LightweightCharts.createChart(element, {
      height: height,
      autoSize: true,
      timeScale: { timeVisible: true, secondsVisible: false },
      rightPriceScale: { borderVisible: false }
    });
  }

  function draw(run) {
    var equityElement = document.getElementById("equity-chart");
    var drawdownElement = document.getElementById("drawdown-chart");
    if (!equityElement || !drawdownElement || run.equity.length === 0 || typeof LightweightCharts === "undefined") {
      return;
    }
    var equity = chart(equityElement, 320).addSeries(LightweightCharts.LineSeries, { color: "#2962ff", lineWidth: 2 });
    equity.setData(run.equity.map(function (point) {
      return { time: seconds(point.t), value: Number(point.equity) };
    }));
    var drawdown = chart(drawdownElement, 160).addSeries(LightweightCharts.AreaSeries, {
      lineColor: "#c62828", topColor: "rgba(198, 40, 40, 0.05)", bottomColor: "rgba(198, 40, 40, 0.4)", invertFilledArea: true
    });
    drawdown.setData(run.equity.map(function (point) {
      return { time: seconds(point.t), value: -100 * point.drawdown };
    }));
  }

  if (status === "QUEUED" || status === "RUNNING") {
    poll();
  } else {
    fetchRun().then(draw);
  }
})();
