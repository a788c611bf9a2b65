/* agent
{
  "name": "SMA crossover",
  "tickers": ["AAPL", "MSFT", "SPY"],
  "parameters": { "fast": 10, "slow": 30 },
  "risk": { "positionNotional": 10000, "maxOpenPositions": 3, "stopLossPercent": 3, "takeProfitPercent": 6, "allowPyramiding": false }
}
*/
// Trend following: buy when the fast simple moving average of the closes crosses above the slow one,
// exit when it crosses back below. The crossing is judged on the bar that just closed against the one before.
function scan(bars, ctx) {
  var fast = "sma:" + ctx.params.fast;
  var slow = "sma:" + ctx.params.slow;
  if (!ctx.position && ctx.crossover(fast, slow)) {
    return { action: "buy", reason: "SMA " + ctx.params.fast + " crossed above SMA " + ctx.params.slow };
  }
  if (ctx.position && ctx.position.side === "long" && ctx.crossunder(fast, slow)) {
    return { action: "exit", reason: "SMA " + ctx.params.fast + " crossed below SMA " + ctx.params.slow };
  }
}
