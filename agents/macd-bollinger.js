/* agent
{
  "name": "MACD and Bollinger",
  "tickers": ["AAPL", "AMZN", "META", "NVDA", "TSLA"],
  "parameters": { "fast": 12, "slow": 26, "signal": 9, "bandPeriod": 20, "bandWidth": 2 },
  "risk": { "positionNotional": 5000, "maxOpenPositions": 5, "stopLossPercent": 2, "takeProfitPercent": null, "allowPyramiding": false }
}
*/
// Momentum turning up from a stretched price: buy when the MACD line crosses above its signal line while the close
// is in the lower half of the Bollinger Bands (%B below 0.5); exit when the close reaches the upper band, or when the
// MACD line crosses back below its signal line.
function scan(bars, ctx) {
  var p = ctx.params;
  var macd = ":" + p.fast + ":" + p.slow + ":" + p.signal;
  var bands = ctx.bb(p.bandPeriod, p.bandWidth);
  if (bands === null || bands.percentB === null) {
    return; // not enough bars yet, or bands of no width
  }
  var close = bars.close(-1);
  if (!ctx.position && bands.percentB < 0.5 && ctx.crossover("macd" + macd, "macd.signal" + macd)) {
    return { action: "buy", reason: "MACD crossed above its signal line at %B " + bands.percentB.toFixed(2) };
  }
  if (ctx.position && ctx.position.side === "long") {
    if (close >= bands.upper) {
      return { action: "exit", reason: "close " + close + " reached the upper band " + bands.upper.toFixed(2) };
    }
    if (ctx.crossunder("macd" + macd, "macd.signal" + macd)) {
      return { action: "exit", reason: "MACD crossed below its signal line" };
    }
  }
}
