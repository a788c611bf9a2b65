// The old design's scan: one node process per scan, reading the window from a JSON file and printing the signal.
// The same SMA crossover logic as agents/sma-crossover.js, with the indicators written in JavaScript.
const fs = require("fs");

const input = JSON.parse(fs.readFileSync(process.argv[2], "utf8"));
const bars = input.bars;
const params = input.params;

function sma(period, offset) {
  const end = bars.length - 1 - offset;
  if (end + 1 < period) return NaN;
  let sum = 0;
  for (let i = end - period + 1; i <= end; i++) sum += bars[i].close;
  return sum / period;
}

function scan() {
  const fastNow = sma(params.fast, 0), fastBefore = sma(params.fast, 1);
  const slowNow = sma(params.slow, 0), slowBefore = sma(params.slow, 1);
  if (!input.position && fastBefore <= slowBefore && fastNow > slowNow) {
    return { action: "buy", reason: "SMA " + params.fast + " crossed above SMA " + params.slow };
  }
  if (input.position && fastBefore >= slowBefore && fastNow < slowNow) {
    return { action: "exit", reason: "SMA " + params.fast + " crossed below SMA " + params.slow };
  }
  return null;
}

process.stdout.write(JSON.stringify(scan()));
