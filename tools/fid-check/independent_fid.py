#!/usr/bin/env python3
"""Independent Fashion-MNIST check of generated images: a CNN classifier trained here (not the SDK's), its 128-d
penultimate features, Frechet distance of generated vs real test images with the real-train vs real-test floor,
class fidelity, and a 0.5-pixel blur of the real test images as a sanity reference.

Usage: python3 independent_fid.py FASHION_MNIST_DIR RAW_DIR WORK_DIR
  FASHION_MNIST_DIR  the four idx-ubyte .gz files
  RAW_DIR            c0..c9 sub-folders with 1,000 PNGs each from `retailgen imagegen generate --raw`
  WORK_DIR           where the classifier (fmnist_cnn.pt, reused when present) and results.json are written
Needs Debian's python3-torch and python3-numpy; runs on one CPU thread."""
import gzip, os, sys, struct, time, zlib, json, glob
import numpy as np
import torch, torch.nn as nn, torch.nn.functional as F
def idx(path):
    with gzip.open(path, 'rb') as f:
        b = f.read()
    magic, = struct.unpack('>I', b[:4]); nd = magic & 0xff
    dims = struct.unpack('>' + 'I' * nd, b[4:4 + 4 * nd])
    return np.frombuffer(b, np.uint8, offset=4 + 4 * nd).reshape(dims)

def read_png_gray8(path):
    b = open(path, 'rb').read()
    assert b[:8] == b'\x89PNG\r\n\x1a\n', path
    p = 8; idat = b''; w = h = None
    while p < len(b):
        ln, = struct.unpack('>I', b[p:p + 4]); typ = b[p + 4:p + 8]; data = b[p + 8:p + 8 + ln]; p += 12 + ln
        if typ == b'IHDR':
            w, h, bd, ct, comp, flt, il = struct.unpack('>IIBBBBB', data)
            assert bd == 8 and ct == 0 and il == 0, (path, bd, ct, il)
        elif typ == b'IDAT': idat += data
        elif typ == b'IEND': break
    raw = zlib.decompress(idat); out = np.zeros((h, w), np.uint8); prev = np.zeros(w, np.int32)
    stride = w + 1
    for y in range(h):
        ft = raw[y * stride]; line = np.frombuffer(raw, np.uint8, w, y * stride + 1).astype(np.int32); cur = np.zeros(w, np.int32)
        for x in range(w):
            a = cur[x - 1] if x > 0 else 0; up = prev[x]; c = prev[x - 1] if x > 0 else 0
            if ft == 0: v = line[x]
            elif ft == 1: v = line[x] + a
            elif ft == 2: v = line[x] + up
            elif ft == 3: v = line[x] + ((a + up) >> 1)
            elif ft == 4:
                pp = a + up - c; pa, pb, pc = abs(pp - a), abs(pp - up), abs(pp - c)
                v = line[x] + (a if (pa <= pb and pa <= pc) else (up if pb <= pc else c))
            else: raise ValueError(ft)
            cur[x] = v & 0xff
        out[y] = cur; prev = cur
    return out

def tens(X):  # same scaling for real and generated: uint8 0..255 -> [0,1], 0 = background
    return torch.from_numpy(X.astype(np.float32) / 255.0).unsqueeze(1)

class Net(nn.Module):
    def __init__(s):
        super().__init__()
        s.c1 = nn.Conv2d(1, 32, 3, padding=1); s.b1 = nn.BatchNorm2d(32)
        s.c2 = nn.Conv2d(32, 64, 3, padding=1); s.b2 = nn.BatchNorm2d(64)
        s.c3 = nn.Conv2d(64, 64, 3, padding=1); s.b3 = nn.BatchNorm2d(64)
        s.fc = nn.Linear(64 * 7 * 7, 128); s.drop = nn.Dropout(0.3); s.out = nn.Linear(128, 10)
    def features(s, x):
        x = F.max_pool2d(F.relu(s.b1(s.c1(x))), 2)
        x = F.max_pool2d(F.relu(s.b2(s.c2(x))), 2)
        x = F.relu(s.b3(s.c3(x)))
        return F.relu(s.fc(x.flatten(1)))  # 128-d penultimate
    def forward(s, x): return s.out(s.drop(s.features(x)))

def stats(f): return f.mean(0), np.cov(f, rowvar=False)
def psd_sqrt(S):
    w, V = np.linalg.eigh(S); return (V * np.sqrt(np.clip(w, 0, None))) @ V.T
def fd(a, b):
    m1, S1 = a; m2, S2 = b; r = psd_sqrt(S1)
    ev = np.linalg.eigvalsh(r @ S2 @ r); tr = np.sqrt(np.clip(ev, 0, None)).sum()
    return float(((m1 - m2) ** 2).sum() + np.trace(S1) + np.trace(S2) - 2 * tr)

def blur(X, sigma=0.5):
    k = np.exp(-0.5 * (np.arange(-2, 3) / sigma) ** 2); k = torch.tensor(k / k.sum(), dtype=torch.float32)
    x = F.pad(X, (2, 2, 2, 2), mode='replicate')
    x = F.conv2d(x, k.view(1, 1, 1, 5)); return F.conv2d(x, k.view(1, 1, 5, 1))


def main():
    torch.set_num_threads(1); torch.set_num_interop_threads(1)
    torch.manual_seed(0); np.random.seed(0)

    T0 = time.time()
    if len(sys.argv) != 4:
        sys.exit(__doc__)
    D, R, W = sys.argv[1], sys.argv[2], sys.argv[3]
    os.makedirs(W, exist_ok=True)
    Xtr = idx(f'{D}/train-images-idx3-ubyte.gz'); ytr = idx(f'{D}/train-labels-idx1-ubyte.gz').astype(np.int64)
    Xte = idx(f'{D}/t10k-images-idx3-ubyte.gz'); yte = idx(f'{D}/t10k-labels-idx1-ubyte.gz').astype(np.int64)
    print('real', Xtr.shape, Xte.shape, flush=True)

    # generated images
    G, gy = [], []
    for c in range(10):
        files = sorted(glob.glob(f'{R}/c{c}/raw-c{c}-*.png'))
        others = sorted(set(os.listdir(f'{R}/c{c}')) - set(os.path.basename(f) for f in files))
        if others: print(f'c{c}: ignoring non-raw files {others}')
        assert len(files) == 1000, (c, len(files))
        for f in files: G.append(read_png_gray8(f)); gy.append(c)
    G = np.stack(G); gy = np.array(gy, np.int64)
    print('generated', G.shape, f'(t={time.time()-T0:.0f}s)', flush=True)

    net = Net(); ck = f'{W}/fmnist_cnn.pt'
    xtr, xte = tens(Xtr), tens(Xte); ttr, tte = torch.from_numpy(ytr), torch.from_numpy(yte)

    @torch.no_grad()
    def run(X, bs=1000):
        net.eval(); fs, ps = [], []
        for i in range(0, len(X), bs):
            f = net.features(X[i:i + bs]); fs.append(f.double()); ps.append(net.out(f).argmax(1))
        return torch.cat(fs).numpy(), torch.cat(ps).numpy()

    if os.path.exists(ck):
        net.load_state_dict(torch.load(ck)); print('loaded', ck)
    else:
        opt = torch.optim.Adam(net.parameters(), 1e-3); EP = 6
        sched = torch.optim.lr_scheduler.CosineAnnealingLR(opt, EP * ((60000 + 127) // 128))
        for ep in range(EP):
            net.train(); perm = torch.randperm(60000); tl = 0
            for i in range(0, 60000, 128):
                b = perm[i:i + 128]; x = xtr[b]
                # light augmentation: random horizontal flip
                fl = torch.rand(len(b)) < 0.5; x = torch.where(fl[:, None, None, None], x.flip(3), x)
                loss = F.cross_entropy(net(x), ttr[b]); opt.zero_grad(); loss.backward(); opt.step(); sched.step(); tl += loss.item() * len(b)
            _, p = run(xte); print(f'epoch {ep+1} loss {tl/60000:.4f} test acc {(p==yte).mean():.4f} (t={time.time()-T0:.0f}s)', flush=True)
        torch.save(net.state_dict(), ck)

    ftr, ptr = run(xtr); fte, pte = run(xte); fg, pg = run(tens(G))
    xbl = blur(xte); fbl, pbl = run(xbl)
    acc = float((pte == yte).mean())
    Ste, Str, Sg, Sbl = stats(fte), stats(ftr), stats(fg), stats(fbl)
    floor = fd(Str, Ste); fdg = fd(Sg, Ste); fdb = fd(Sbl, Ste)
    res = dict(test_acc=acc, train_acc=float((ptr == ytr).mean()), floor=floor, fd_gen=fdg, ratio_gen=fdg / floor,
               fd_blur=fdb, ratio_blur=fdb / floor, blur_acc=float((pbl == yte).mean()),
               fidelity=float((pg == gy).mean()),
               fidelity_per_cat={c: float((pg[gy == c] == c).mean()) for c in range(10)},
               gen_pred_hist_per_cat={c: np.bincount(pg[gy == c], minlength=10).tolist() for c in range(10)},
               fd_gen_per_cat_vs_test_cat={c: fd(stats(fg[gy == c]), stats(fte[yte == c])) for c in range(10)},
               floor_per_cat_train_vs_test={c: fd(stats(ftr[ytr == c]), stats(fte[yte == c])) for c in range(10)},
               mean_pix_gen={c: float(G[gy == c].mean()) for c in range(10)},
               mean_pix_test={c: float(Xte[yte == c].mean()) for c in range(10)},
               mean_pix_train={c: float(Xtr[ytr == c].mean()) for c in range(10)},
               border_mean_gen=float(np.concatenate([G[:, 0], G[:, -1], G[:, :, 0], G[:, :, -1]]).mean()),
               border_mean_test=float(np.concatenate([Xte[:, 0], Xte[:, -1], Xte[:, :, 0], Xte[:, :, -1]]).mean()),
               frac_zero_gen=float((G == 0).mean()), frac_zero_test=float((Xte == 0).mean()),
               wall_s=time.time() - T0)
    json.dump(res, open(f'{W}/results.json', 'w'), indent=1)
    print(json.dumps(res, indent=1))


if __name__ == '__main__':
    main()
