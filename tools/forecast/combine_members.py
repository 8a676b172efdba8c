#!/usr/bin/env python3
"""Scores combinations of ensemble members offline from a member dump.

The dump comes from MemberDumpTest in sdk-forecast (each candidate member fitted once per series and origin, its
point forecasts written as one line). This script combines them as the ensemble does (weights from the errors at the
validation origin before each forecast origin, the trimmed mean when there is none) and prints the sMAPE overall and
per frequency, so that member sets and weightings can be compared without refitting anything.

Levels: L0 forecasts each series' test rows from its whole training part (the competition's own holdout); L1
forecasts the last h training values from the training part without them (the series' own validation cut).

    python3 tools/forecast/combine_members.py --data m3.csv --dump m3-members.tsv --level L1 \\
        --yearly ets,theta,arima,dotm,rwdmed,logtheta --quarterly ets,theta,arima,dotm,rwdmed \\
        --monthly ets,logets,theta,logdamped,logtheta
"""
import argparse
import collections
import math

import numpy as np

PERIODS = {'MONTHLY': 12, 'QUARTERLY': 4}


def read_data(path):
    series = collections.OrderedDict()
    with open(path) as f:
        next(f)
        for line in f:
            sid, period, _type, split, _t, value = line.rstrip('\n').split(',')
            d = series.setdefault(sid, {'per': period, 'train': [], 'test': []})
            d['train' if split == 'train' else 'test'].append(float(value))
    for d in series.values():
        d['train'] = np.array(d['train'])
        d['test'] = np.array(d['test'])
        d['m'] = PERIODS.get(d['per'], 1)
    return series


def read_dumps(paths):
    dump = collections.defaultdict(dict)
    for path in paths:
        with open(path) as f:
            for line in f:
                sid, _tag, length, member, values = line.rstrip('\n').split('\t')
                dump[(sid, int(length))][member] = np.array([float(x) for x in values.split(',')])
    return dump


def smape(a, f):
    d = np.abs(a) + np.abs(f)
    return float(np.mean(np.where(d == 0, 0, 200 * np.abs(a - f) / np.where(d == 0, 1, d))))


def naive_scale(y, m):
    lag = m if m > 1 and len(y) > m else 1
    return float(np.mean(np.abs(y[lag:] - y[:-lag]))) if len(y) > lag else 0.0


def weights(kind, e):
    e = np.maximum(e, 1e-3)
    if kind.startswith('inv'):
        w = 1 / e ** float(kind[3:])
    elif kind.startswith('mix'):
        lam = float(kind[3:])
        w = 1 / e ** 2
        return lam * w / w.sum() + (1 - lam) / len(e)
    elif kind == 'equal':
        w = np.ones(len(e))
    else:
        raise SystemExit('unknown weights ' + kind)
    return w / w.sum()


def trimmed_mean(f):
    if len(f) >= 4:
        f = np.sort(f, axis=0)[1:-1]
    return f.mean(axis=0)


THETA_FAMILY = ['ses', 'theta15', 'theta', 'theta3']


def evaluate(series, dump, level, members, kind, origins, error, geometric=False, drop_worst=False,
             choose_theta=None):
    scores = collections.defaultdict(list)
    for sid, d in series.items():
        train, h, m = d['train'], len(d['test']), d['m']
        n = len(train) if level == 'L0' else len(train) - h
        hist = train[:n]
        actual = d['test'] if level == 'L0' else train[n:]
        fc = dump.get((sid, n))
        if fc is None:
            f = np.repeat(hist[-1], h)
        else:
            names = [x for x in members(m) if x in fc]
            forecasts = np.array([fc[x] for x in names])
            scale = naive_scale(hist, m)
            min_train = max(2 * m, 8) if m > 1 else 8
            errs, o = [], n
            for _ in range(origins):
                v = min(h, o - min_train)
                vf = dump.get((sid, o - v)) if v >= 1 else None
                if vf is None or not all(x in vf for x in names):
                    break
                va = hist[o - v:o]
                if error == 'smape':
                    errs.append([smape(va, np.maximum(0, vf[x][:v])) for x in names])
                else:
                    errs.append([np.mean(np.abs(va - np.maximum(0, vf[x][:v]))) / scale if scale > 0 else math.nan
                                 for x in names])
                o -= v
            e = np.mean(errs, axis=0) if errs else None
            if e is not None and 'theta' in names and choose_theta and (choose_theta == 'all' or m <= 4):
                # theta chosen per series on the validation origin: the family member that validated best
                v = min(h, n - min_train)
                vf, va = dump[(sid, n - v)], hist[n - v:n]
                fam = {x: np.mean(np.abs(va - np.maximum(0, vf[x][:v]))) / scale for x in THETA_FAMILY}
                best = min(fam, key=fam.get)
                j = names.index('theta')
                forecasts[j] = fc[best]
                e[j] = fam[best]
            if kind == 'median':
                f = np.median(forecasts, axis=0)
            elif e is None or len(names) < 2 or not np.all(np.isfinite(e)):
                f = trimmed_mean(forecasts)
            else:
                if drop_worst and len(names) >= 4:
                    keep = np.argsort(e)[:-1]
                    e, forecasts = e[keep], forecasts[keep]
                w = weights(kind, e)[:, None]
                if geometric and np.all(forecasts > 0):
                    f = np.exp((w * np.log(forecasts)).sum(axis=0))
                else:
                    f = (w * forecasts).sum(axis=0)
            f = np.maximum(0, f)
        scores[d['per']].append(smape(actual, f))
    out = {k.lower(): float(np.mean(v)) for k, v in scores.items()}
    out['all'] = float(np.mean(np.concatenate([np.array(v) for v in scores.values()])))
    return out


def main():
    p = argparse.ArgumentParser(description=__doc__.split('\n')[0])
    p.add_argument('--data', required=True, help='series in the m-competition CSV layout')
    p.add_argument('--dump', required=True, action='append', help='member dump(s) of MemberDumpTest')
    p.add_argument('--level', default='L1', choices=['L0', 'L1'])
    p.add_argument('--yearly', default='ets,theta,arima,dotm', help='members for period 1 (yearly, other)')
    p.add_argument('--quarterly', default='ets,theta,arima,dotm', help='members for periods 2-4')
    p.add_argument('--monthly', default='ets,logets,theta,logdamped', help='members for periods above 4')
    p.add_argument('--weights', default='inv2', help='inv<p> (1/e^p), mix<l> (l * 1/e^2 + (1 - l) * equal), '
                   'equal, median')
    p.add_argument('--origins', type=int, default=1, help='validation origins averaged for the errors')
    p.add_argument('--error', default='mase', choices=['mase', 'smape'], help='validation error')
    p.add_argument('--geometric', action='store_true', help='weighted geometric mean (positive forecasts)')
    p.add_argument('--drop-worst', action='store_true', help='leave out the member that validated worst (4 or more)')
    p.add_argument('--choose-theta', choices=['short', 'all'], help='replace theta by the best of ses, theta 1.5, '
                   '2 and 3 on the validation origin, for periods up to 4 or for all')
    a = p.parse_args()
    lists = {1: a.yearly.split(','), 4: a.quarterly.split(','), 12: a.monthly.split(',')}
    result = evaluate(read_data(a.data), read_dumps(a.dump), a.level,
                      lambda m: lists[1] if m == 1 else lists[4] if m <= 4 else lists[12],
                      a.weights, a.origins, a.error, a.geometric, a.drop_worst, a.choose_theta)
    print(' '.join('%s %.4f' % (k, v) for k, v in result.items()))


if __name__ == '__main__':
    main()
