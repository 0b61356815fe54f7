-- wrk script for scripts/bench_api.py: POST /api/route with a rotating set of situations,
-- and exact latency percentiles printed as JSON at the end.
local bodies = {
  '{"concern": "minor_crisis", "place": "Hasselt", "urgency": "today"}',
  '{"concern": "child_care", "place": "Borsbeek"}',
  '{"concern": "abuse", "role": "professional", "place": "1030"}',
  '{"concern": "young_child", "role": "hospital", "place": "Gent", "flags": ["placement_considered"]}',
  '{"concern": "basic_needs", "place": "Leuven"}',
  '{"concern": "acute_danger"}',
}
local n = 0
request = function()
  n = n + 1
  return wrk.format("POST", "/api/route", {["Content-Type"] = "application/json"}, bodies[(n % #bodies) + 1])
end
done = function(summary, latency, requests)
  io.write(string.format(
    '{"requests": %d, "errors": %d, "duration_s": %.3f, "p50_ms": %.3f, "p95_ms": %.3f, "p99_ms": %.3f}\n',
    summary.requests, summary.errors.status + summary.errors.connect + summary.errors.read + summary.errors.write
      + summary.errors.timeout,
    summary.duration / 1e6, latency:percentile(50) / 1000, latency:percentile(95) / 1000,
    latency:percentile(99) / 1000))
end
