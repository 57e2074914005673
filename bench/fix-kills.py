#!/usr/bin/env python3
"""Kills `doclint check --fix` at random moments over many files while another process edits them.

    python3 bench/fix-kills.py [FILES] [KILLS] -- DOCLINT_COMMAND...

Each round starts a fix over every file, appends a line to random files meanwhile (an editor at work), and
kills the run with SIGTERM, SIGINT or SIGKILL after 0.3–4 s. After each round: no temporary file is left
of the killed run's own (a SIGKILL's are swept by the next run that reaches its fixes), every file is its original or its fully fixed text followed by
every line appended to it (no edit lost, nothing half written). Some fixed files are reset between rounds
so that the next kill meets fixes in progress.
"""
import os
import random
import signal
import subprocess
import sys
import tempfile
import time

ORIGINAL = "Headline\n\nThey lambasted it on Monday.\n"
FIXED = ORIGINAL.replace("lambasted", "criticized")


def main():
    split = sys.argv.index("--")
    files_count = int(sys.argv[1]) if split > 1 else 5000
    kills = int(sys.argv[2]) if split > 2 else 100
    doclint = sys.argv[split + 1:]
    random.seed(19)
    root = tempfile.mkdtemp(prefix="doclint-kills-")
    files = []
    for i in range(files_count):
        folder = os.path.join(root, f"d{i % 50}")
        os.makedirs(folder, exist_ok=True)
        path = os.path.join(folder, f"a{i:05d}.txt")
        with open(path, "w") as f:
            f.write(ORIGINAL)
        files.append(path)
    appended = {path: [] for path in files}
    stats = {"SIGTERM": 0, "SIGINT": 0, "SIGKILL": 0, "temps after SIGKILL": 0, "fixed during killed runs": 0, "edits": 0}
    failures = []

    def temporary_files():
        return {os.path.join(d, n) for d, _, names in os.walk(root) for n in names if ".doclint-" in n}

    def check(round_name, signal_name, earlier=frozenset()):
        # A SIGKILL's temporary files stay until a later run reaches its fixes and sweeps them; a run
        # stopped by SIGTERM or SIGINT must leave none of its own.
        temps = temporary_files() - earlier
        if temps and signal_name not in ("SIGKILL", "none"):
            failures.append(f"{round_name}: {len(temps)} temporary files left after {signal_name}")
        if signal_name == "SIGKILL":
            stats["temps after SIGKILL"] += len(temps)
        fixed = 0
        for path in files:
            with open(path) as f:
                text = f.read()
            tail = "".join(appended[path])
            if text == FIXED + tail:
                fixed += 1
            elif text != ORIGINAL + tail:
                failures.append(f"{round_name}: {path} is neither original nor fixed (with its {len(appended[path])} edits): {text!r}")
        return fixed

    for k in range(kills):
        before = check(f"round {k} before", "none")
        earlier = temporary_files()
        run = subprocess.Popen(doclint + ["check", "--fix", "."], cwd=root, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
        until = time.time() + random.uniform(0.3, 4.0)
        n = 0
        while time.time() < until and run.poll() is None:
            path = random.choice(files)
            line = f"Edited in round {k}, edit {n}.\n"
            with open(path, "a") as f:
                f.write(line)
            appended[path].append(line)
            stats["edits"] += 1
            n += 1
            time.sleep(0.002)
        name = random.choice(["SIGTERM", "SIGINT", "SIGKILL"])
        if run.poll() is None:
            run.send_signal(getattr(signal, name))
            stats[name] += 1
        run.wait()
        after = check(f"round {k} ({name})", name, earlier)
        stats["fixed during killed runs"] += max(0, after - before)
        # Reset a fifth of the fixed files, so the next round has fixes to make.
        for path in random.sample(files, len(files) // 5):
            with open(path) as f:
                text = f.read()
            if text.startswith(FIXED):
                with open(path, "w") as f:
                    f.write(ORIGINAL + "".join(appended[path]))

    subprocess.run(doclint + ["check", "--fix", "."], cwd=root, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    left = [n for _, _, names in os.walk(root) for n in names if ".doclint-" in n]
    final = check("final run", "none")
    for key, value in stats.items():
        print(f"{key}: {value}")
    print(f"files fixed after the final run: {final} of {files_count}")
    print(f"temporary files after the final run: {len(left)}")
    print(f"failures: {len(failures)}")
    for failure in failures[:20]:
        print("  " + failure)
    subprocess.run(["rm", "-rf", root])
    sys.exit(1 if failures or left or final != files_count else 0)


if __name__ == "__main__":
    main()
