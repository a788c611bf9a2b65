/* agent
{
  "name": "Opening range breakout",
  "tickers": ["AAPL", "NVDA", "TSLA"],
  "parameters": { "rangeMinutes": 30, "volumeFactor": 1.5, "volumeBars": 6, "rewardRisk": 2, "flatMinutesBeforeClose": 10 },
  "risk": { "positionNotional": 10000, "maxOpenPositions": 3, "stopLossPercent": null, "takeProfitPercent": null, "allowPyramiding": false }
}
*/
// Intraday breakout: the opening range is the high and low of the session's first `rangeMinutes`.
// Buy the first close above the range high on volume above `volumeFactor` times the average of the
// previous `volumeBars` bars, with the stop at the range low and the target `rewardRisk` times the risk.
// Be flat `flatMinutesBeforeClose` minutes before the close. At most one entry per ticker and day.

var enteredOn = {}; // ticker -> New York date of its last entry (kept between scans)

function cents(price) {
  return Math.round(price * 100) / 100;
}

function scan(bars, ctx) {
  var p = ctx.params;
  if (ctx.minutesSinceOpen === null) {
    return; // outside the regular session
  }
  if (ctx.position) {
    if (ctx.minutesToClose <= p.flatMinutesBeforeClose) {
      return { action: "exit", reason: "flat before the close" };
    }
    return;
  }
  if (ctx.minutesSinceOpen < p.rangeMinutes || enteredOn[ctx.ticker] === ctx.time.date
      || ctx.minutesToClose <= p.flatMinutesBeforeClose) {
    return;
  }
  var open = ctx.time.epochMs - ctx.minutesSinceOpen * 60000;
  var rangeEnd = open + p.rangeMinutes * 60000;
  var high = -Infinity, low = Infinity;
  for (var i = bars.length - 1; i >= 0 && bars.t(i) >= open; i--) {
    if (bars.t(i) < rangeEnd) {
      high = Math.max(high, bars.high(i));
      low = Math.min(low, bars.low(i));
    }
  }
  if (high === -Infinity || bars.t(i + 1) > open) {
    return; // the window does not reach back to the opening bar
  }
  var close = bars.close(-1);
  var averageVolume = ctx.avgVolume(p.volumeBars, 1);
  if (close <= high || averageVolume === null || bars.volume(-1) <= p.volumeFactor * averageVolume) {
    return;
  }
  enteredOn[ctx.ticker] = ctx.time.date;
  return {
    action: "buy",
    stopLoss: low,
    takeProfit: cents(close + p.rewardRisk * (close - low)),
    reason: "closed at " + close + " above the opening range high " + high + " on "
        + (bars.volume(-1) / averageVolume).toFixed(1) + "x average volume"
  };
}
