#!/usr/bin/env python3
"""Converts the Tourism forecasting competition data (Athanasopoulos, Hyndman, Song and Wu, IJF 27(3), 2011) to the
M-competition long CSV the project reads (series,period,type,split,t,value).

The source files are the competition's own wide CSVs, {yearly,quarterly,monthly}_{in,oos}.csv: a header of series
names, then the rows length, start year and (except for yearly data) start period, then the values, one column per series.

    python3 tools/datasets/tourism_to_mcompetition.py SOURCE_DIR OUT_DIR [--seed 20261207]

writes OUT_DIR/tourism.csv (all 1,311 series), OUT_DIR/tourism-dev.csv and OUT_DIR/tourism-holdout.csv: a seeded
random half of each frequency in each, the dev half for tuning and the held-out half only for reporting. The data
stay outside the repository.
"""
import argparse
import csv
import os
import random

FREQUENCIES = {"yearly": "YEARLY", "quarterly": "QUARTERLY", "monthly": "MONTHLY"}


def read_wide(path, meta_rows):
    with open(path, newline="") as f:
        rows = list(csv.reader(f))
    names = rows[0]
    series = {}
    for j, name in enumerate(names):
        length = int(float(rows[1][j]))
        values = [rows[1 + meta_rows + i][j] for i in range(length)]
        series[name] = [float(v) for v in values]
    return names, series


def main():
    p = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    p.add_argument("source")
    p.add_argument("out")
    p.add_argument("--seed", type=int, default=20261207)
    a = p.parse_args()
    os.makedirs(a.out, exist_ok=True)
    rng = random.Random(a.seed)
    outs = {k: open(os.path.join(a.out, "tourism" + k + ".csv"), "w", newline="") for k in ("", "-dev", "-holdout")}
    writers = {k: csv.writer(f, lineterminator="\n") for k, f in outs.items()}
    for w in writers.values():
        w.writerow(["series", "period", "type", "split", "t", "value"])
    counts = {k: 0 for k in outs}
    for name, period in FREQUENCIES.items():
        meta = 2 if name == "yearly" else 3
        names, train = read_wide(os.path.join(a.source, name + "_in.csv"), meta)
        _, test = read_wide(os.path.join(a.source, name + "_oos.csv"), meta)
        order = list(names)
        rng.shuffle(order)
        dev = set(order[: len(order) // 2])
        for sid in names:
            rows = [(sid, period, "TOURISM", "train", t + 1, v) for t, v in enumerate(train[sid])]
            n = len(rows)
            rows += [(sid, period, "TOURISM", "test", n + t + 1, v) for t, v in enumerate(test[sid])]
            for key in ("", "-dev" if sid in dev else "-holdout"):
                writers[key].writerows(rows)
                counts[key] += 1
    for k, f in outs.items():
        f.close()
        print("tourism%s.csv: %d series" % (k, counts[k]))


if __name__ == "__main__":
    main()
