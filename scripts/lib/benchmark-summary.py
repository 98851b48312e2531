#!/usr/bin/env python3
"""The benchmark's figures in one Markdown file: per request kind from Gatling's report (counts, latency
percentiles), per scenario the throughput the simulation measured, and where the orders service spent its CPU during
the distinct-tickets scenario (JFR execution samples, each counted for the area of its nearest known frame).

Usage: benchmark-summary.py <gatling report dir> <gatling console log> <jfr json> <output .md>
"""
import json
import re
import sys
from collections import Counter

report_dir, console_log, jfr_json, output = sys.argv[1:5]

rows = []
html = open(f"{report_dir}/index.html", encoding="utf-8").read()
for name, cells in re.findall(r'class="ellipsed-name">([^<]+)</span>(.*?)</tr>', html, re.S):
    values = re.findall(r'<td class="value [a-z]+ col-(\d+)">([^<]*)</td>', cells)
    column = {int(col): value for col, value in values}
    rows.append((name, column))

phases = dict(re.findall(r"\[benchmark\] phase ([\w-]+): .*? = ([\d.]+) requests/s", open(console_log).read()))

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
samples = json.load(open(jfr_json))["recording"]["events"]
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
    out.write(f"\nOrders service, JFR execution samples during the distinct-tickets scenario: {len(samples)}\n\n")
    out.write("| Area (nearest frame) | Samples | Share |\n|---|---:|---:|\n")
    for area, count in areas.most_common():
        out.write(f"| {area} | {count} | {100.0 * count / max(1, len(samples)):.0f} % |\n")
    out.write("\n| Thread | Samples |\n|---|---:|\n")
    for thread, count in threads.most_common(8):
        out.write(f"| {thread} | {count} |\n")
