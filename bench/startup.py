#!/usr/bin/env python3
"""Start-up timing in alternating rounds: each round runs every command once (two warm-up rounds first), so
builds compared in one batch see the same load. Prints the load average, and per command the median and minimum
wall time and the median user and system CPU time.

    python3 bench/startup.py 20 old="old/doclint check a.txt" new="out/aot/doclint check a.txt" rg="rg -c -w -F x a.txt"
"""
import os, resource, statistics, subprocess, sys, time, shlex
rounds = int(sys.argv[1])
cmds = [(a.split('=', 1)[0], shlex.split(a.split('=', 1)[1])) for a in sys.argv[2:]]
res = {n: [] for n, _ in cmds}
def load(): return open('/proc/loadavg').read().split()[0]
loads = [load()]
for r in range(rounds + 2):
    for n, c in cmds:
        t0 = time.perf_counter()
        p = subprocess.Popen(c, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
        _, status, ru = os.wait4(p.pid, 0)
        wall = time.perf_counter() - t0
        if r >= 2:
            res[n].append((wall * 1000, ru.ru_utime * 1000, ru.ru_stime * 1000))
loads.append(load())
print(f"load before/after: {loads[0]} / {loads[1]}; rounds {rounds} (2 warm-up)")
for n, _ in cmds:
    w = [x[0] for x in res[n]]; u = [x[1] for x in res[n]]; s = [x[2] for x in res[n]]
    print(f"{n:14} median {statistics.median(w):8.1f} ms  min {min(w):8.1f}  user {statistics.median(u):6.1f} ms  sys {statistics.median(s):6.1f} ms")
