#!/usr/bin/env python3
"""Samples the CPU time (utime + stime from /proc/<pid>/stat) of the processes the benchmark cares about, twice a
second, until it is stopped: one JSON line per sample, {"t": epoch seconds, "machine": busy ticks of all CPUs,
"groups": {name: {pid: ticks}}, "jit": {name: {pid: ticks}}}, where "jit" holds, for the "pid:" groups, what the
JVMs' JIT compiler threads (C1, C2) used, already counted in "groups": a service still compiling its code is not
yet measured at its steady state. benchmark-summary.py turns the lines into CPU milliseconds per request.

Usage: benchmark-cpu.py <output .jsonl> <name>=<spec>...
  spec "pid:<n>": that process and all its descendants (a service's JVM; Keycloak's kc.sh and its JVM);
  spec "cmdline:<text>": every process whose command line holds the text, and their descendants (Maven, started
  with -Pbenchmarks, and the Gatling JVM it forks); spec "comm:<name>": every process of that name (postgres,
  beam.smp, redis-server).
"""
import json
import os
import sys
import time

output, specs = sys.argv[1], dict(arg.split("=", 1) for arg in sys.argv[2:])


def stat(path):
    """(parent pid, command name, utime + stime in ticks) of a process or thread's stat file, None once it is gone."""
    try:
        with open(path) as file:
            line = file.read()
    except OSError:
        return None
    # the command name is in parentheses and may hold spaces: the fields after it are split on the last ")"
    comm = line[line.index("(") + 1:line.rindex(")")]
    fields = line[line.rindex(")") + 2:].split()
    return int(fields[1]), comm, int(fields[11]) + int(fields[12])


def processes():
    """pid -> (parent pid, command name, utime + stime in ticks), for every process still there when read."""
    found = {int(entry): stat(f"/proc/{entry}/stat") for entry in os.listdir("/proc") if entry.isdigit()}
    return {pid: read for pid, read in found.items() if read}


def command_line(pid):
    try:
        with open(f"/proc/{pid}/cmdline", "rb") as cmdline:
            return cmdline.read().replace(b"\0", b" ").decode(errors="replace")
    except OSError:
        return ""


def members(spec, found):
    kind, value = spec.split(":", 1)
    if kind == "comm":
        return {pid for pid, (_, comm, _) in found.items() if comm == value}
    if kind == "cmdline":
        # this sampler's own command line names the text too
        tree = {pid for pid in found if pid != os.getpid() and value in command_line(pid)}
    else:
        tree = {int(value)} & found.keys()
    grew = True
    while grew:
        children = {pid for pid, (parent, _, _) in found.items() if parent in tree} - tree
        tree |= children
        grew = bool(children)
    return tree


def compiler_ticks(pid):
    """utime + stime of the JIT compiler threads of a JVM (none for any other process)."""
    try:
        threads = [stat(f"/proc/{pid}/task/{task}/stat") for task in os.listdir(f"/proc/{pid}/task")]
    except OSError:
        return 0
    # thread names are cut to 15 characters: "C2 CompilerThre"
    return sum(ticks for _, name, ticks in filter(None, threads)
               if name in ("C1 CompilerThre", "C2 CompilerThre"))


def machine_busy():
    with open("/proc/stat") as stat:
        cpu = [int(v) for v in stat.readline().split()[1:]]
    # user nice system idle iowait irq softirq steal: everything but idle and iowait
    return sum(cpu[:8]) - cpu[3] - cpu[4]


with open(output, "a", buffering=1) as out:
    while True:
        found = processes()
        groups = {name: {pid: found[pid][2] for pid in members(spec, found)} for name, spec in specs.items()}
        jit = {name: {pid: compiler_ticks(pid) for pid in groups[name]} for name, spec in specs.items()
               if spec.startswith("pid:")}
        out.write(json.dumps({"t": time.time(), "machine": machine_busy(), "groups": groups, "jit": jit}) + "\n")
        time.sleep(0.5)
