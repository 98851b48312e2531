#!/usr/bin/env python3
"""The benchmark's figures in one Markdown file: per request kind from Gatling's report (counts, latency
percentiles), per scenario the throughput the simulation measured, and where the orders service spent its CPU during
the distinct-tickets scenario (JFR execution samples, each counted for the area of its nearest known frame), and
the CPU time each process spent per request of the ceiling and of the distinct-tickets scenarios (from the samples of
benchmark-cpu.py, cut to each scenario's span as the simulation printed it).

Usage: benchmark-summary.py <gatling report dir> <gatling console log> <jfr json> <cpu samples .jsonl> <output .md>
"""
import json
import os
import re
import sys
from collections import Counter
from datetime import datetime

report_dir, console_log, jfr_json, cpu_samples, output = sys.argv[1:6]

rows = []
html = open(f"{report_dir}/index.html", encoding="utf-8").read()
for name, cells in re.findall(r'class="ellipsed-name">([^<]+)</span>(.*?)</tr>', html, re.S):
    values = re.findall(r'<td class="value [a-z]+ col-(\d+)">([^<]*)</td>', cells)
    column = {int(col): value for col, value in values}
    rows.append((name, column))

console = open(console_log).read()
phases = dict(re.findall(r"\[benchmark\] phase ([\w-]+): .*? = ([\d.]+) requests/s", console))
# phase -> (requests, start and end in epoch seconds)
windows = {phase: (int(requests), int(start) / 1000, int(end) / 1000) for phase, requests, start, end in re.findall(
    r"\[benchmark\] phase ([\w-]+): (\d+) requests in .*?\(epoch ms (\d+) to (\d+)\)", console)}

# the distinct-tickets scenario until the last event its reservations caused was applied
backlog = re.search(r"\[benchmark\] phase distinct: every event of its reservations applied (\d+) ms", console)
if backlog and "distinct" in windows:
    requests, start, end = windows["distinct"]
    windows["distinct-through"] = (requests, start, end + int(backlog.group(1)) / 1000)


def cpu_series(samples, group, field="groups"):
    """(time, ticks so far) of one group: a process present in two samples in a row adds what it used in between,
    one that appeared adds all it used (it started in between); one that ended loses what it used after its last
    sample (half a second at most). The field "jit" gives the group's JIT compiler threads instead."""
    series, total, previous = [], 0, {}
    for sample in samples:
        current = sample.get(field, {}).get(group, {}) if group else {"machine": sample["machine"]}
        total += sum(ticks - previous.get(pid, 0) for pid, ticks in current.items() if series or pid in previous)
        series.append((sample["t"], total))
        previous = current
    return series


def ticks_between(series, start, end):
    def at(moment):
        for (t0, v0), (t1, v1) in zip(series, series[1:]):
            if t0 <= moment <= t1:
                return v0 + (v1 - v0) * (moment - t0) / (t1 - t0)
        return None
    first, last = at(start), at(end)
    return None if first is None or last is None else last - first

# Each sample goes to the area of the frame nearest the executing one that belongs to a known area (so a wrapper such
# as a servlet filter counts only for the work it does itself); within one frame the first matching area wins.
AREAS = [
    ("JWT: RS256 signature and claims (Nimbus)", ("com.nimbusds.", "org.springframework.security.oauth2.jwt.")),
    ("Redis: rate limits and deny-list (Lettuce, Netty)", ("io.github.bucket4j.", "com.bucket4j.", "io.lettuce.",
                                                         "io.netty.", "io.airtix.platform.ratelimit.")),
    ("Access policy (jCasbin)", ("org.casbin.", "io.airtix.platform.authorization.")),
    ("Bean validation", ("org.hibernate.validator.",)),
    ("JPA/Hibernate", ("org.hibernate.",)),
    ("PostgreSQL JDBC driver", ("org.postgresql.",)),
    ("Connection pool (Hikari)", ("com.zaxxer.hikari.",)),
    ("Outbox relay and RabbitMQ client", ("com.rabbitmq.", "org.springframework.amqp.")),
    ("Airtix code (outbox write, inbox, services)", ("io.airtix.",)),
    ("JSON (Jackson)", ("tools.jackson.", "com.fasterxml.jackson.")),
    ("Observation/metrics (Micrometer)", ("io.micrometer.",)),
    ("Logging", ("ch.qos.logback.", "org.apache.logging.", "org.slf4j.", "org.jboss.logging.")),
    ("Tomcat (HTTP parsing, servlet container)", ("org.apache.catalina.", "org.apache.coyote.", "org.apache.tomcat.")),
    ("Spring Security filter chain", ("org.springframework.security.",)),
    ("Spring MVC, AOP, transactions, other Spring", ("org.springframework.",)),
]


def epoch_seconds(timestamp):
    """JFR's ISO timestamps carry nanoseconds, which Python's parser does not take."""
    moment = re.match(r"(\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d)(\.\d+)?(.*)", timestamp)
    zone = moment.group(3).replace("Z", "+00:00") or "+00:00"
    return datetime.fromisoformat(moment.group(1) + zone).timestamp() + float(moment.group(2) or 0)


# the recording's file holds whole chunks around the distinct-tickets scenario: only samples of its span count
samples = [sample for sample in json.load(open(jfr_json))["recording"]["events"]
           if "distinct" not in windows
           or windows["distinct"][1] <= epoch_seconds(sample["values"]["startTime"]) <= windows["distinct"][2]]
areas = Counter()
threads = Counter()
for sample in samples:
    frames = sample["values"]["stackTrace"]["frames"] if sample["values"].get("stackTrace") else []
    methods = [frame["method"]["type"]["name"].replace("/", ".") + "." + frame["method"]["name"] for frame in frames]
    area = next((name for method in methods for name, prefixes in AREAS
                 if any(method.startswith(prefix) for prefix in prefixes)), "JDK only (no library frame)")
    areas[area] += 1
    thread = (sample["values"].get("sampledThread") or {}).get("javaName") or "?"
    threads[re.sub(r"-?\d+$", "", thread)] += 1

with open(output, "w", encoding="utf-8") as out:
    out.write("| Request | Count | KO | req/s (scenario) | p50 ms | p95 ms | p99 ms | p99.9 ms | max ms |\n")
    out.write("|---|---:|---:|---:|---:|---:|---:|---:|---:|\n")
    for name, c in rows:
        phase = name.split(":")[0]
        rate = phases.get(phase, "–")
        out.write(f"| {name} | {c.get(2)} | {c.get(4)} | {rate} | {c.get(8)} | {c.get(9)} | {c.get(10)} | "
                  f"{c.get(11)} | {c.get(12)} |\n")
    by_phase = {name.split(":")[0]: c for name, c in rows}
    if "ceiling" in phases and "distinct" in phases:
        ratio = 100.0 * float(phases["distinct"]) / float(phases["ceiling"])
        out.write(f"\nTarget (>= 40 % of the ceiling, p99 <= 50 ms): saturated (closed model) reservations "
                  f"{phases['distinct']}/s = {ratio:.1f} % of the ceiling's {phases['ceiling']}/s, reservation p99 "
                  f"{by_phase.get('distinct', {}).get(10)} ms")
        if "distinct-steady" in by_phase:
            out.write(f"; at a steady {phases.get('distinct-steady', '?')} reservations/s (open model) p50 "
                      f"{by_phase['distinct-steady'].get(8)} ms, p99 {by_phase['distinct-steady'].get(10)} ms "
                      f"(ceiling GET at the same rate: p50 {by_phase.get('ceiling-steady', {}).get(8)} ms, p99 "
                      f"{by_phase.get('ceiling-steady', {}).get(10)} ms)")
        out.write(".\n")
    for line in re.findall(r"\[benchmark\] ((?:warm-up|phase distinct): every event .*)", console):
        out.write(f"\n{line[0].upper()}{line[1:]}.\n")
    if "distinct-through" in windows and "ceiling" in phases:
        requests, start, end = windows["distinct-through"]
        through = requests / (end - start)
        out.write(f"Counting until the last event was applied: {through:.1f} reservations/s = "
                  f"{100.0 * through / float(phases['ceiling']):.1f} % of the ceiling.\n")
    out.write(f"\nOrders service, JFR execution samples during the distinct-tickets scenario: {len(samples)}\n\n")
    out.write("| Area (nearest frame) | Samples | Share |\n|---|---:|---:|\n")
    for area, count in areas.most_common():
        out.write(f"| {area} | {count} | {100.0 * count / max(1, len(samples)):.0f} % |\n")
    out.write("\n| Thread | Samples |\n|---|---:|\n")
    for thread, count in threads.most_common(8):
        out.write(f"| {thread} | {count} |\n")
    samples = [json.loads(line) for line in open(cpu_samples)] if os.path.exists(cpu_samples) else []
    scenarios = [phase for phase in ("ceiling", "distinct", "distinct-through") if phase in windows]
    if samples and scenarios:
        tick_ms = 1000 / os.sysconf("SC_CLK_TCK")
        out.write("\nCPU time per request, by process, over each scenario's span (utime + stime)\n\n")
        label = {"ceiling": "ms CPU per ceiling GET", "distinct": "ms CPU per reservation (distinct tickets)",
                 "distinct-through": "ms CPU per reservation, until its last event was applied"}
        out.write("| Process | " + " | ".join(label[phase] for phase in scenarios) + " |\n")
        out.write("|---|" + "---:|" * len(scenarios) + "\n")
        per_request = {}
        for group in list(samples[0]["groups"]) + [None]:
            series = cpu_series(samples, group)
            per_request[group] = [ticks_between(series, windows[p][1], windows[p][2]) for p in scenarios]
        named = [group for group in per_request if group]
        per_request["everything else"] = [
            None if per_request[None][i] is None else per_request[None][i] - sum(per_request[g][i] or 0 for g in named)
            for i in range(len(scenarios))]
        for group, values in per_request.items():
            cells = ["–" if ticks is None else f"{ticks * tick_ms / windows[p][0]:.2f}"
                     for ticks, p in zip(values, scenarios)]
            out.write(f"| {group or 'the whole machine'} | " + " | ".join(cells) + " |\n")
        compiling = {group: [ticks_between(cpu_series(samples, group, "jit"), windows[p][1], windows[p][2])
                             for p in scenarios] for group in samples[-1].get("jit", {})}
        if compiling:
            out.write("\nOf which the JIT compiler threads (C1, C2): a service still compiling is not measured at its "
                      "steady state\n\n")
            out.write("| Process | " + " | ".join(label[phase] for phase in scenarios) + " |\n")
            out.write("|---|" + "---:|" * len(scenarios) + "\n")
            for group, values in compiling.items():
                cells = ["–" if ticks is None else f"{ticks * tick_ms / windows[p][0]:.2f}"
                         for ticks, p in zip(values, scenarios)]
                out.write(f"| {group} | " + " | ".join(cells) + " |\n")
        busy = [per_request[None][i] for i in range(len(scenarios))]
        out.write("\nMachine busy over the span: " + ", ".join(
            f"{phase} {100 * ticks * tick_ms / 1000 / (windows[phase][2] - windows[phase][1]) / os.cpu_count():.0f} %"
            for phase, ticks in zip(scenarios, busy) if ticks is not None) + "\n")
