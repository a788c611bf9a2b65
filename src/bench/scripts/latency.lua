-- wrk reporter for http-load.sh: one line per run with the request count, the errors (socket errors and
-- non-2xx/3xx responses) and the latency percentiles in milliseconds.
done = function(summary, latency, requests)
    local errors = summary.errors.connect + summary.errors.read + summary.errors.write
        + summary.errors.status + summary.errors.timeout
    io.write(string.format("requests=%d errors=%d (status=%d timeout=%d socket=%d) rps=%.1f p50=%.1f p95=%.1f p99=%.1f max=%.1f\n",
        summary.requests, errors, summary.errors.status, summary.errors.timeout,
        summary.errors.connect + summary.errors.read + summary.errors.write,
        summary.requests / (summary.duration / 1e6),
        latency:percentile(50) / 1000, latency:percentile(95) / 1000, latency:percentile(99) / 1000, latency.max / 1000))
end
