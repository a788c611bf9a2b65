/* agent
{
  "name": "RSI mean reversion",
  "tickers": "all",
  "parameters": { "period": 14, "oversold": 30, "exitAbove": 50, "stopPercent": 2 },
  "risk": { "positionNotional": 5000, "maxOpenPositions": 5, "stopLossPercent": 2, "takeProfitPercent": null, "allowPyramiding": false }
}
*/
// Mean reversion: buy when Wilder's RSI falls below `oversold`, with a stop `stopPercent` below the close;
// exit when the RSI recovers above `exitAbove`.
function scan(bars, ctx) {
  var p = ctx.params;
  var rsi = ctx.rsi(p.period);
  if (rsi === null) {
    return; // not enough bars yet
  }
  if (!ctx.position && rsi < p.oversold) {
    var close = bars.close(-1);
    return {
      action: "buy",
      stopLoss: Math.round(close * (100 - p.stopPercent)) / 100,
      reason: "RSI(" + p.period + ") " + rsi.toFixed(1) + " below " + p.oversold
    };
  }
  if (ctx.position && ctx.position.side === "long" && rsi > p.exitAbove) {
    return { action: "exit", reason: "RSI(" + p.period + ") " + rsi.toFixed(1) + " above " + p.exitAbove };
  }
}
