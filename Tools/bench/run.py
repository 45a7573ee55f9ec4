#!/usr/bin/env python3
"""Runs the Rollbook benchmark suite and prints one line per metric: figure, baseline, ratio.

Called by run.sh (which builds everything first); see README.md, "Performance". Standard library only.
Every measured pair (Rollbook, baseline) runs back to back; figures are medians over --runs pairs and the
ratio is the median of the per-pair ratios.
"""

import argparse
import datetime
import json
import os
import platform
import random
import shutil
import sqlite3
import statistics
import subprocess
import sys
import time

SCALES = {"10k": 10_000, "100k": 100_000, "1m": 1_000_000}


def log(message):
    print(message, file=sys.stderr, flush=True)


def run(argv, env=None, check=True):
    """Runs a process; returns (stdout, wall seconds, exit code)."""
    started = time.perf_counter()
    process = subprocess.Popen(argv, stdout=subprocess.PIPE, stderr=subprocess.PIPE, env=env)
    out, err = process.communicate()
    wall = time.perf_counter() - started
    if check and process.returncode != 0:
        sys.exit(f"failed ({process.returncode}): {' '.join(argv)}\n{err.decode()}")
    return out.decode(), wall, process.returncode


def run_rss(argv, env=None):
    """Runs a process and returns (stdout, wall seconds, peak RSS in MiB) from wait4."""
    started = time.perf_counter()
    process = subprocess.Popen(argv, stdout=subprocess.PIPE, stderr=subprocess.DEVNULL, env=env)
    out = process.stdout.read()
    _, status, usage = os.wait4(process.pid, 0)
    wall = time.perf_counter() - started
    process.returncode = os.waitstatus_to_exitcode(status)
    if process.returncode != 0:
        sys.exit(f"failed ({process.returncode}): {' '.join(argv)}")
    return out.decode(), wall, usage.ru_maxrss / 1024


def json_run(argv, env=None):
    out, _, _ = run(argv, env=env)
    return json.loads(out.strip().splitlines()[-1])


def percentile(values, p):
    ordered = sorted(values)
    rank = max(0, min(len(ordered) - 1, int(-(-p * len(ordered) // 100)) - 1))
    return ordered[rank]


def remove(path):
    for suffix in ("", "-wal", "-shm", ".fleet.json", ".streams.json"):
        if os.path.exists(path + suffix):
            os.remove(path + suffix)


def copy_flushed(source, target):
    """Copies a store and writes everything to disk before it is timed: otherwise the process under test waits
    for the write-back of the copy (1.5 GB at 1M) and of the stores the steps before it wrote (the append's, the
    peer's), in its first fsync (a command's commit, the replay's) or beside it."""
    shutil.copyfile(source, target)
    os.sync()


def checkpoint(path):
    db = sqlite3.connect(path)
    db.execute("PRAGMA wal_checkpoint(TRUNCATE)")
    db.close()


def file_bytes(path):
    return sum(os.path.getsize(path + s) for s in ("", "-wal") if os.path.exists(path + s))


class Suite:
    def __init__(self, args):
        self.args = args
        self.work = os.path.join(args.work, args.scale)
        os.makedirs(self.work, exist_ok=True)
        self.store = os.path.join(self.work, "store.db")
        self.tmp = os.path.join(self.work, "tmp")
        os.makedirs(self.tmp, exist_ok=True)
        self.bench = os.path.join(args.bin, "rollbook-bench")
        self.rollbook = os.path.join(args.bin, "rollbook")
        self.lines = []
        self.results = {}

    # -- generation ---------------------------------------------------------------------------------------

    def generate(self):
        target = SCALES[self.args.scale]
        info_path = os.path.join(self.work, "generate.json")
        if self.args.reuse and os.path.exists(info_path) and os.path.exists(self.store):
            log(f"reusing {self.store}")
            self.generated = json.load(open(info_path))
        else:
            remove(self.store)
            log(f"generating {target} events through the ControlPlane (in process) ...")
            argv = [self.bench, "generate", "--store", self.store, "--events", str(target), "--seed", "1"]
            # Let the progress bar reach the terminal: stderr is inherited.
            started = time.perf_counter()
            out = subprocess.run(argv, stdout=subprocess.PIPE, check=True).stdout.decode()
            self.generated = json.loads(out.strip().splitlines()[-1])
            self.generated["wall"] = time.perf_counter() - started
            json.dump(self.generated, open(info_path, "w"))
        checkpoint(self.store)
        self.fleet = json.load(open(self.store + ".fleet.json"))
        self.now = datetime.datetime.fromtimestamp(self.fleet["now"], datetime.timezone.utc).strftime("%Y-%m-%dT%H:%M:%SZ")
        db = sqlite3.connect(self.store)
        self.events = db.execute("SELECT max(seq) FROM events").fetchone()[0]
        self.streams = [r[0] for r in db.execute("SELECT DISTINCT stream_id FROM events WHERE stream_id LIKE 'deployment/%'")]
        self.first_seq = dict(db.execute("SELECT stream_id, min(seq) FROM events GROUP BY stream_id"))
        db.close()
        log(f"store: {self.events} events, {len(self.streams)} Deployment streams, {self.generated['commands']} commands")

    # -- metrics ------------------------------------------------------------------------------------------

    def line(self, name, figure, unit, baseline_name, baseline, ratio, note="", target=""):
        text = f"{name:<28} {figure:>12,.1f} {unit:<10} | {baseline_name:<34} {baseline:>12,.1f} | ratio {ratio:6.2f}"
        if target:
            text += f" | target {target}"
        if note:
            text += f" | {note}"
        self.lines.append(text)
        self.results[name] = {"figure": figure, "unit": unit, "baseline": baseline_name, "baselineFigure": baseline,
                              "ratio": ratio, "note": note, "target": target}
        print(text, flush=True)

    def append_and_commands(self):
        runs = self.args.runs
        appends, raws, ratios, commands, command_ratios, peers, peer_ratios = [], [], [], [], [], [], []
        # A second raw baseline: the same rows into Rollbook's own log tables (its gapless triggers and indexes,
        # as migrated: 0006 drops a duplicate index), to tell the schema's cost from the Swift side's.
        migrations = os.path.join(os.path.dirname(os.path.abspath(__file__)), "..", "..", "Migrations")
        schema = os.path.join(self.tmp, "log-schema.sql")
        with open(schema, "w") as out:
            out.write(open(os.path.join(migrations, "0001_event_log.sql")).read())
            out.write("\nDROP INDEX IF EXISTS events_by_stream;\n")
        schema_raws = []
        for r in range(runs):
            log(f"append run {r + 1}/{runs} ...")
            target = os.path.join(self.tmp, "append.db")
            raw = os.path.join(self.tmp, "raw.db")
            remove(target)
            remove(raw)
            a = json_run([self.bench, "append", "--from", self.store, "--into", target])
            b = json_run([self.args.raw, "append", self.store, raw, "FULL"])
            remove(raw + ".schema")
            schema_raws.append(json_run([self.args.raw, "append", self.store, raw + ".schema", "FULL", schema]))
            remove(raw + ".schema")
            appends.append(a)
            raws.append(b)
            ratios.append(a["eventsPerSecond"] / b["eventsPerSecond"])
            if r == 0:
                checkpoint(raw)
                self.raw_bytes = file_bytes(raw)
            remove(target)
            remove(raw)

            log(f"commands run {r + 1}/{runs} ...")
            copy = os.path.join(self.tmp, "commands.db")
            remove(copy)
            copy_flushed(self.store, copy)
            shutil.copyfile(self.store + ".fleet.json", copy + ".fleet.json")
            c = json_run([self.bench, "commands", "--store", copy, "--count", str(self.args.commands), "--seed", str(100 + r)])
            commands.append(c)
            command_ratios.append(c["commandsPerSecond"] / b["transactionsPerSecond"])
            remove(copy)

            log(f"peer append run {r + 1}/{runs} ...")
            peer = os.path.join(self.tmp, "peer.db")
            remove(peer)
            p = json_run([self.args.python, self.args.peer, "append", self.store, peer])
            peers.append(p)
            peer_ratios.append(a["eventsPerSecond"] / p["eventsPerSecond"])
            if r < runs - 1:
                remove(peer)
            else:
                checkpoint(peer)
                self.peer_db = peer
        med = lambda xs, k: statistics.median(x[k] for x in xs)
        self.line("append", med(appends, "eventsPerSecond"), "events/s", "raw C libsqlite3, same rows+tx",
                  med(raws, "eventsPerSecond"), statistics.median(ratios),
                  note=f"per tx p50 {med(appends, 'p50Ms'):.2f} ms p99 {med(appends, 'p99Ms'):.2f} ms "
                       f"(raw {med(raws, 'p50Ms'):.2f}/{med(raws, 'p99Ms'):.2f}); "
                       f"{appends[0]['transactions']} tx, synchronous=FULL, WAL; raw C into Rollbook's log schema "
                       f"(triggers, indexes) {med(schema_raws, 'eventsPerSecond'):,.0f}/s, ratio "
                       f"{med(appends, 'eventsPerSecond') / med(schema_raws, 'eventsPerSecond'):.2f}", target=">= 0.85")
        self.line("commands", med(commands, "commandsPerSecond"), "cmds/s", "raw C transactions/s, same sync",
                  med(raws, "transactionsPerSecond"), statistics.median(command_ratios),
                  note=f"{self.args.commands} commands on the {self.events}-event store, p50 {med(commands, 'p50Ms'):.2f} ms "
                       f"p99 {med(commands, 'p99Ms'):.2f} ms; whole generation {self.generated['commandsPerSecond']:.1f}/s "
                       f"(first decile {self.generated['firstDecileCommandsPerSecond']:.1f}, last "
                       f"{self.generated['lastDecileCommandsPerSecond']:.1f})", target=">= 0.8")
        self.peer_append = (med(peers, "eventsPerSecond"), statistics.median(peer_ratios), med(appends, "eventsPerSecond"))

    def rebuild(self):
        runs = self.args.runs
        rates, rss, scans, ratios, peer_rates, peer_rss = [], [], [], [], [], []
        folds, fold_ratios, whole_ratios, stricts, strict_ratios, fold_rss = [], [], [], [], [], []
        for r in range(runs):
            log(f"rebuild run {r + 1}/{runs} ...")
            copy = os.path.join(self.tmp, "rebuild.db")
            remove(copy)
            copy_flushed(self.store, copy)
            env = dict(os.environ, ROLLBOOK_NOW=self.now)
            _, wall, peak = run_rss([self.rollbook, "replay", "--store", copy], env=env)
            remove(copy)
            s = json_run([self.args.raw, "scan", self.store])
            rates.append(self.events / wall)
            rss.append(peak)
            scans.append(s["rowsPerSecond"])
            ratios.append((self.events / wall) / s["rowsPerSecond"])
            log(f"peer replay run {r + 1}/{runs} ...")
            p = json_run([self.args.python, self.args.peer, "replay", self.peer_db])
            peer_rates.append(self.events / p["seconds"])
            peer_rss.append(p["maxRSSKiB"] / 1024)
            # On the peer's terms: every aggregate rebuilt in memory inside a running process, nothing written.
            # The peer's rate counts one `Opened` event per aggregate; both are taken over the log's events here.
            peer_rate = self.events / p["seconds"]
            f = json_run([self.bench, "aggregates", "--store", self.store])
            folds.append(f["replayFoldEventsPerSecond"])
            fold_ratios.append(f["replayFoldEventsPerSecond"] / peer_rate)
            stricts.append(f["eventsPerSecond"])
            strict_ratios.append(f["eventsPerSecond"] / peer_rate)
            fold_rss.append(f["maxRSSKiB"] / 1024)
            whole_ratios.append((self.events / wall) / peer_rate)
        self.line("rebuild (rollbook replay)", statistics.median(rates), "events/s", "raw C full read of the log",
                  statistics.median(scans), statistics.median(ratios),
                  note=f"peak RSS {statistics.median(rss):.0f} MiB (target < 150 MiB at 1M); whole process",
                  target=">= 500,000 events/s")
        pa, par, ra = self.peer_append
        self.line("peer append", ra, "events/s", "eventsourcing 9.5 SQLite, same tx", pa, par,
                  note="synchronous=FULL, WAL, one aggregate per stream", target=">= 1.5")
        self.line("peer replay (in memory)", statistics.median(folds), "events/s", "eventsourcing 9.5 repository.get",
                  statistics.median(peer_rates), statistics.median(fold_ratios),
                  note=f"both in process, nothing written: Rollbook's replay fold (a decoding thread; an event a later "
                       f"one overwrites is skipped undecoded), peak RSS {statistics.median(fold_rss):.0f} MiB; "
                       f"every event decoded and applied on one thread, stream by stream as repository.get does: "
                       f"{statistics.median(stricts):,.0f}/s, {statistics.median(strict_ratios):.2f}x; the whole "
                       f"`rollbook replay` process (projections written and committed) "
                       f"{statistics.median(whole_ratios):.2f}x; peer peak RSS {statistics.median(peer_rss):.0f} MiB",
                  target=">= 5")

    def point_in_time(self):
        log("point-in-time reads ...")
        p = json_run([self.bench, "pit", "--store", self.store, "--samples", "1000", "--cluster-samples", "3", "--seed", "7"])
        rng = random.Random(11)
        samples = self.args.cli_samples
        gets, histories, sql_gets, sql_histories = [], [], [], []
        for _ in range(samples):
            stream = rng.choice(self.streams)
            _, namespace, name = stream.split("/", 2)
            point = rng.randint(self.first_seq[stream], self.events)
            _, t, _ = run([self.rollbook, "get", "rs", "-n", namespace, "--at", str(point), "--store", self.store])
            gets.append(t)
            low, high = f"deployment/{namespace}/", f"deployment/{namespace}0"
            _, t, _ = run(["sqlite3", self.store,
                           f"SELECT seq, type, payload FROM events WHERE stream_id >= '{low}' AND stream_id < '{high}' "
                           f"AND seq <= {point} ORDER BY stream_id, stream_version"])
            sql_gets.append(t)
            _, t, _ = run([self.rollbook, "rollout", "history", f"deployment/{name}", "-n", namespace, "--at", str(point),
                           "--store", self.store], check=False)
            histories.append(t)
            _, t, _ = run(["sqlite3", self.store,
                           f"SELECT seq, type, payload FROM events WHERE stream_id = '{stream}' AND seq <= {point} "
                           "ORDER BY stream_version"])
            sql_histories.append(t)
        ms = lambda xs, q: percentile(xs, q) * 1000
        self.line("pit one deployment (in-proc)", p["oneP99Ms"], "ms p99", "target", 2.0, p["oneP99Ms"] / 2.0,
                  note=f"p50 {p['oneP50Ms']:.2f} ms; {p['samples']} random (stream, event) points, the whole stream "
                  f"(describe's read); its objects only (rollout history's, get's) p50 {p['objectsP50Ms']:.2f} ms "
                  f"p99 {p['objectsP99Ms']:.2f} ms", target="<= 2 ms")
        self.line("pit whole cluster (in-proc)", p["clusterMaxMs"], "ms max", "target", 2000.0, p["clusterMaxMs"] / 2000.0,
                  note=f"p50 {p['clusterP50Ms']:.1f} ms over 3 random times", target="<= 2 s")
        self.line("get rs --at (process)", ms(gets, 99), "ms p99", "sqlite3 CLI, same events, p99", ms(sql_gets, 99),
                  ms(gets, 99) / ms(sql_gets, 99), note=f"p50 {ms(gets, 50):.1f} ms (sqlite3 {ms(sql_gets, 50):.1f}); "
                  f"{samples} random points, one namespace (~10 Deployments)", target="< 50 ms")
        self.line("rollout history --at (proc)", ms(histories, 99), "ms p99", "sqlite3 CLI, same events, p99",
                  ms(sql_histories, 99), ms(histories, 99) / ms(sql_histories, 99),
                  note=f"p50 {ms(histories, 50):.1f} ms (sqlite3 {ms(sql_histories, 50):.1f})", target="< 50 ms")

    def current_reads(self):
        log("current reads ...")
        env = dict(os.environ, ROLLBOOK_NOW=self.now)
        rng = random.Random(13)
        samples = self.args.cli_samples
        gets, sql_gets, histories, sql_histories = [], [], [], []
        for _ in range(samples):
            _, t, _ = run([self.rollbook, "get", "deployments", "-A", "--store", self.store], env=env)
            gets.append(t)
            _, t, _ = run(["sqlite3", self.store,
                           "SELECT namespace, name, ready || '/' || replicas, updated, available, "
                           "object ->> '$.metadata.creationTimestamp' FROM deployments ORDER BY namespace, name"])
            sql_gets.append(t)
            stream = rng.choice(self.streams)
            _, namespace, name = stream.split("/", 2)
            _, t, _ = run([self.rollbook, "rollout", "history", f"deployment/{name}", "-n", namespace, "--store", self.store],
                          env=env, check=False)
            histories.append(t)
            _, t, _ = run(["sqlite3", self.store,
                           "SELECT revision, object ->> '$.metadata.annotations.\"kubernetes.io/change-cause\"' "
                           f"FROM replicasets WHERE stream_id = '{stream}' ORDER BY revision"])
            sql_histories.append(t)
        ms = lambda xs, q: percentile(xs, q) * 1000
        self.line("get deployments -A (process)", ms(gets, 50), "ms p50", "sqlite3 CLI equivalent SELECT, p50",
                  ms(sql_gets, 50), ms(gets, 50) / ms(sql_gets, 50),
                  note=f"p99 {ms(gets, 99):.1f} ms (sqlite3 {ms(sql_gets, 99):.1f}); {len(self.streams)} streams",
                  target="<= 2x and < 30 ms")
        self.line("rollout history (process)", ms(histories, 50), "ms p50", "sqlite3 CLI equivalent SELECT, p50",
                  ms(sql_histories, 50), ms(histories, 50) / ms(sql_histories, 50),
                  note=f"p99 {ms(histories, 99):.1f} ms (sqlite3 {ms(sql_histories, 99):.1f})", target="<= 2x and < 30 ms")

    def storage(self):
        size = file_bytes(self.store)
        peer_size = file_bytes(self.peer_db)
        per = size / self.events
        self.line("storage", per, "bytes/event", "raw C log only (no projections)", self.raw_bytes / self.events,
                  per / (self.raw_bytes / self.events),
                  note=f"store {size / 2**20:.1f} MiB incl. projections and indexes; eventsourcing "
                       f"{peer_size / self.events:.0f} B/event", target="<= 500 B/event")


def main():
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--scale", choices=SCALES, default="10k")
    parser.add_argument("--runs", type=int, default=3, help="pairs per metric (medians are reported)")
    parser.add_argument("--commands", type=int, default=200, help="commands per commands/s run")
    parser.add_argument("--cli-samples", type=int, default=40, help="whole-process reads per command line")
    parser.add_argument("--reuse", action="store_true", help="reuse the generated store of an earlier run")
    parser.add_argument("--only", default="", help="comma-separated: append,rebuild,pit,current,storage")
    parser.add_argument("--work", required=True)
    parser.add_argument("--bin", required=True)
    parser.add_argument("--raw", required=True)
    parser.add_argument("--python", required=True)
    parser.add_argument("--peer", required=True)
    parser.add_argument("--json", help="also write the results here")
    parser.add_argument("--markdown", help="also write the results here as a markdown table")
    args = parser.parse_args()

    suite = Suite(args)
    started = time.time()
    suite.generate()
    header = (f"# Rollbook benchmark, scale {args.scale}: {suite.events:,} events, {suite.generated['commands']:,} "
              f"commands, {len(suite.streams):,} Deployment streams; {args.runs} runs; "
              f"{platform.machine()}, {os.cpu_count()} cores, load {os.getloadavg()[0]:.1f}; "
              f"sqlite {sqlite3.sqlite_version}; {datetime.datetime.now(datetime.timezone.utc):%Y-%m-%d %H:%M} UTC")
    print(header, flush=True)
    only = set(filter(None, args.only.split(",")))
    want = lambda name: not only or name in only
    # Rebuild and storage need what append leaves (the peer's store, the raw log's size); reads alone do not.
    writes = not only or bool(only & {"append", "rebuild", "storage"})
    if writes:
        suite.append_and_commands()
    if want("rebuild"):
        suite.rebuild()
    if want("pit"):
        suite.point_in_time()
    if want("current"):
        suite.current_reads()
    if writes:
        suite.storage()
    print(f"# {time.time() - started:.0f} s; generation {suite.generated.get('seconds', 0):.0f} s", flush=True)
    if args.json:
        json.dump({"header": header, "generated": suite.generated, "metrics": suite.results}, open(args.json, "w"),
                  indent=1)
    if args.markdown:
        with open(args.markdown, "w") as out:
            out.write(header.lstrip("# ") + "\n\n| metric | Rollbook | baseline | baseline figure | ratio | target | notes |\n")
            out.write("| --- | ---: | --- | ---: | ---: | --- | --- |\n")
            for name, m in suite.results.items():
                out.write(f"| {name} | {m['figure']:,.1f} {m['unit']} | {m['baseline']} | {m['baselineFigure']:,.1f} | "
                          f"{m['ratio']:.2f} | {m['target']} | {m['note']} |\n")


if __name__ == "__main__":
    main()
