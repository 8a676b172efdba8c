#!/usr/bin/env python3
"""A PyTorch re-implementation of sdk-imagegen's conditional GAN training loop (same networks, losses, optimiser,
moving average and batch-norm recomputation as Training.trainGan), for ranking training variants in parallel on a
GPU before porting the best to Java. Each variant is scored with the independent classifier of tools/fid-check.

Usage: python3 gan_mirror.py FASHION_MNIST_DIR CLASSIFIER_PT RESULTS_JSONL [VARIANTS|all] [STEP_SCALE]
  FASHION_MNIST_DIR  the four idx-ubyte .gz files
  CLASSIFIER_PT      fmnist_cnn.pt written by tools/fid-check/independent_fid.py
  RESULTS_JSONL      one JSON line per variant is appended here
  VARIANTS           comma-separated names from VARIANTS below (default: all)
  STEP_SCALE         multiplies every variant's step count (default 1; 0.003 for a smoke test)
Environment: PAR (processes at once, default 8), EXTRA (JSON object of more variants).
A variant that costs more compute than the base is given proportionally fewer steps (macs() below), so that
variants are compared at equal CPU time, as the SDK's time-budgeted training would see them."""
import json, os, sys, time, math
import numpy as np
import torch, torch.nn as nn, torch.nn.functional as F
import multiprocessing as mp

sys.path.insert(0, os.path.join(os.path.dirname(os.path.abspath(__file__)), '..', 'fid-check'))
from independent_fid import Net, idx, stats, fd  # noqa: E402  the independent classifier and its distance

# BASE: the SDK's loop before its hinge-loss change, with Xavier initialisation ('he' gives DJL's default
# initialiser back); the variant 'sdk' is the SDK's loop now.
BASE = dict(gw=32, dw=32, refine=False, loss='ns', lr_g=2e-4, lr_d=2e-4, b1=0.5, b2=0.999, ema=0.999, bs=64,
            proj=False, sn=False, d3=False, mbstd=False, seed=1, steps=9800, noema=False, latent=64, dsteps=1,
            r1=0.0, init='xavier')


def djl_init(m, kind='xavier'):
    for mod in m.modules():
        if isinstance(mod, (nn.Conv2d, nn.Linear)):
            if kind == 'he':  # DJL's default for Parameter.Type.WEIGHT: Gaussian, fan-in, magnitude 2
                fan_in = mod.weight[0].numel()
                nn.init.normal_(mod.weight, 0.0, math.sqrt(2.0 / fan_in))
            else:  # DJL's XavierInitializer(): uniform, average fan, magnitude 6
                nn.init.xavier_uniform_(mod.weight, gain=math.sqrt(2))
            nn.init.zeros_(mod.bias)
        if isinstance(mod, nn.Embedding):
            nn.init.xavier_uniform_(mod.weight, gain=math.sqrt(2))


class Gen(nn.Module):
    def __init__(s, c):
        super().__init__(); w = c['gw']; s.w = w; s.c = c
        s.fc = nn.Linear(c['latent'] + 10, 2 * w * 49); s.bn0 = nn.BatchNorm1d(2 * w * 49, eps=1e-5, momentum=0.1)
        s.c1 = nn.Conv2d(2 * w, w, 3, padding=1); s.bn1 = nn.BatchNorm2d(w, momentum=0.1)
        if c['refine']:
            r = c['refine'] if isinstance(c['refine'], int) and c['refine'] > 1 else 16
            s.c2 = nn.Conv2d(w, 4 * r, 3, padding=1); s.bn2 = nn.BatchNorm2d(r, momentum=0.1)
            s.c3 = nn.Conv2d(r, 1, 3, padding=1)
        else:
            s.c2 = nn.Conv2d(w, 4, 3, padding=1)

    def forward(s, zc):
        h = F.relu(s.bn0(s.fc(zc))).view(-1, 2 * s.w, 7, 7)
        h = F.interpolate(h, scale_factor=2, mode='nearest')
        h = F.relu(s.bn1(s.c1(h)))
        h = F.pixel_shuffle(s.c2(h), 2)
        if s.c['refine']:
            h = s.c3(F.relu(s.bn2(h)))
        return torch.tanh(h)


class Dis(nn.Module):
    def __init__(s, c):
        super().__init__(); w = c['dw']; s.c = c
        sn = (lambda m: nn.utils.parametrizations.spectral_norm(m)) if c['sn'] else (lambda m: m)
        s.c1 = sn(nn.Conv2d(1, w, 3, 2, 1)); s.c2 = sn(nn.Conv2d(w, 2 * w, 3, 2, 1))
        s.c3 = sn(nn.Conv2d(2 * w, 2 * w, 3, 1, 1)) if c['d3'] else None
        feat = 2 * w * 49 + (49 if c['mbstd'] else 0)
        if c['proj']:
            s.out = sn(nn.Linear(feat, 1)); s.emb = nn.Embedding(10, feat)
        else:
            s.out = sn(nn.Linear(feat, 10))

    def forward(s, x, y):
        h = F.leaky_relu(s.c1(x), 0.2); h = F.leaky_relu(s.c2(h), 0.2)
        if s.c3 is not None:
            h = F.leaky_relu(s.c3(h), 0.2)
        if s.c['mbstd']:
            sd = h.std(0, unbiased=False).mean(0, keepdim=True)  # [1,7,7]
            h = torch.cat([h, sd.expand(h.shape[0], 1, 7, 7)], 1)
        h = h.flatten(1)
        if s.c['proj']:
            return s.out(h).squeeze(1) + (s.emb(y) * h).sum(1)
        return s.out(h).gather(1, y[:, None]).squeeze(1)


def macs(c):
    w, d = c['gw'], c['dw']
    g = (c['latent'] + 10) * 2 * w * 49 + 196 * 2 * w * w * 9
    if c['refine']:
        r = c['refine'] if isinstance(c['refine'], int) and c['refine'] > 1 else 16
        g += 196 * w * 4 * r * 9 + 784 * r * 9
    else:
        g += 196 * w * 4 * 9
    dm = 196 * d * 9 + 49 * d * 2 * d * 9 + 2 * d * 49 * 10 + (49 * 4 * d * d * 9 if c['d3'] else 0)
    return 3 * g + 9 * dm * c['dsteps'] + (6 * dm if c['r1'] else 0)


def run(name, over, data_dir, ckpt, out_path, dev, cost_scale):
    c = dict(BASE); c.update(over)
    if 'steps' not in over:
        rel = macs(c) / macs(BASE)
        c['steps'] = int(BASE['steps'] * 64 / c['bs'] / (0.3 + 0.7 * rel) * cost_scale)
    torch.manual_seed(c['seed']); np.random.seed(c['seed'])
    t0 = time.time()
    Xtr = torch.from_numpy(idx(f'{data_dir}/train-images-idx3-ubyte.gz').copy()).to(dev)
    ytr = torch.from_numpy(idx(f'{data_dir}/train-labels-idx1-ubyte.gz').astype(np.int64)).to(dev)
    Xte = torch.from_numpy(idx(f'{data_dir}/t10k-images-idx3-ubyte.gz').copy()).to(dev)
    xreal = (Xtr.float() * (2 / 255) - 1).unsqueeze(1)
    G, D = Gen(c).to(dev), Dis(c).to(dev); djl_init(G, c['init']); djl_init(D, c['init'])
    og = torch.optim.Adam(G.parameters(), c['lr_g'], betas=(c['b1'], c['b2']))
    od = torch.optim.Adam(D.parameters(), c['lr_d'], betas=(c['b1'], c['b2']))
    gp = [p for p in G.parameters()]
    ema = [p.detach().clone() for p in gp]
    bs, L = c['bs'], c['latent']
    perm = torch.randperm(60000, device=dev); pos = 0
    for g in range(c['steps']):
        for _ in range(c['dsteps']):
            if pos + bs > 60000:
                perm = torch.randperm(60000, device=dev); pos = 0
            b = perm[pos:pos + bs]; pos += bs
            real, y = xreal[b], ytr[b]
            z = torch.randn(bs, L, device=dev)
            fake = G(torch.cat([z, F.one_hot(y, 10).float()], 1))
            if c['r1']:
                real = real.detach().requires_grad_(True)
            dr = D(real, y); df = D(fake.detach(), y)
            if c['loss'] == 'hinge':
                ld = F.relu(1 - dr).mean() + F.relu(1 + df).mean()
            else:
                ld = F.softplus(-dr).mean() + F.softplus(df).mean()
            if c['r1']:
                gr, = torch.autograd.grad(dr.sum(), real, create_graph=True)
                ld = ld + c['r1'] / 2 * gr.pow(2).flatten(1).sum(1).mean()
            od.zero_grad(set_to_none=True); ld.backward(); od.step()
        dg = D(fake, y)
        lg = -dg.mean() if c['loss'] == 'hinge' else F.softplus(-dg).mean()
        og.zero_grad(set_to_none=True); lg.backward(); og.step()
        keep = min(c['ema'], (1 + g) / (10 + g))
        with torch.no_grad():
            torch._foreach_mul_(ema, keep); torch._foreach_add_(ema, gp, alpha=1 - keep)
    train_s = time.time() - t0
    if not c['noema']:
        with torch.no_grad():
            for e, p in zip(ema, G.parameters()):
                p.copy_(e)
            G.train()
            for _ in range(40):
                yy = torch.randint(0, 10, (256,), device=dev)
                G(torch.cat([torch.randn(256, L, device=dev), F.one_hot(yy, 10).float()], 1))
    G.eval()
    net = Net().to(dev); net.load_state_dict(torch.load(ckpt, map_location=dev)); net.eval()

    @torch.no_grad()
    def feats(X8):
        fs, ps = [], []
        for i in range(0, len(X8), 1000):
            x = (X8[i:i + 1000].float() / 255.0).unsqueeze(1)
            f = net.features(x); fs.append(f.double().cpu()); ps.append(net.out(f).argmax(1).cpu())
        return torch.cat(fs).numpy(), torch.cat(ps).numpy()
    fte, _ = feats(Xte); Ste = stats(fte)
    ftr, _ = feats(Xtr); floor = fd(stats(ftr), Ste)
    res = dict(name=name, cfg=c, train_s=round(train_s, 1), floor=floor)
    gen = torch.Generator(device=dev); gen.manual_seed(1234)
    for t in (1.0, 0.8):
        with torch.no_grad():
            yy = torch.arange(10, device=dev).repeat_interleave(1000)
            z = torch.randn(10000, L, device=dev, generator=gen) * t
            img = G(torch.cat([z, F.one_hot(yy, 10).float()], 1))
            X8 = torch.round((img.squeeze(1) + 1) * 0.5 * 255).clamp(0, 255).to(torch.uint8)
        fg, pg = feats(X8)
        yn = yy.cpu().numpy()
        res[f'ratio_t{t}'] = round(fd(stats(fg), Ste) / floor, 1)
        res[f'fid_t{t}'] = round(float((pg == yn).mean()), 4)
        if t == 1.0:
            res['percat'] = [round(float((pg[yn == k] == k).mean()), 3) for k in range(10)]
            res['mean_pix'] = round(float(X8.float().mean()), 1)
    res['real_mean_pix'] = round(float(Xte.float().mean()), 1)
    res['wall_s'] = round(time.time() - t0, 1)
    line = json.dumps(res)
    print(line, flush=True)
    with open(out_path, 'a') as f:
        f.write(line + '\n')


VARIANTS = {
    'base': {}, 'sdk': {'loss': 'hinge', 'lr_d': 3e-4, 'lr_g': 3e-4}, 'base_s2': {'seed': 2}, 'hinge': {'loss': 'hinge'}, 'proj': {'proj': True},
    'dw64': {'dw': 64}, 'dw48': {'dw': 48}, 'refine': {'refine': True}, 'gw48': {'gw': 48},
    'ttur': {'lr_d': 4e-4, 'lr_g': 1e-4}, 'lr1e4': {'lr_d': 1e-4, 'lr_g': 1e-4}, 'b0': {'b1': 0.0, 'b2': 0.99},
    'sn_hinge': {'sn': True, 'loss': 'hinge'}, 'dw64_refine': {'dw': 64, 'refine': True},
    'bs128': {'bs': 128}, 'ema9995': {'ema': 0.9995}, 'mbstd': {'mbstd': True}, 'd3': {'d3': True},
    'noema': {'noema': True}, 'r1': {'r1': 1.0}, 'proj_dw64': {'proj': True, 'dw': 64},
    'gw64_dw64': {'gw': 64, 'dw': 64}, 'lr4e4': {'lr_d': 4e-4, 'lr_g': 4e-4},
    'long2x': {'steps': 19600}, 'proj_hinge_sn': {'proj': True, 'loss': 'hinge', 'sn': True},
    'refine32': {'refine': 32}, 'dw64_lr1e4': {'dw': 64, 'lr_d': 1e-4, 'lr_g': 1e-4},
    'hinge_dw64': {'loss': 'hinge', 'dw': 64},
    'he': {'init': 'he'}, 'he_lr4e4': {'init': 'he', 'lr_d': 4e-4, 'lr_g': 4e-4},
    'hinge_lr4e4': {'loss': 'hinge', 'lr_d': 4e-4, 'lr_g': 4e-4},
    'hinge_lr3e4': {'loss': 'hinge', 'lr_d': 3e-4, 'lr_g': 3e-4},
    'lr4e4_s2': {'lr_d': 4e-4, 'lr_g': 4e-4, 'seed': 2}, 'lr6e4': {'lr_d': 6e-4, 'lr_g': 6e-4},
    'lr4e4_ema9995': {'lr_d': 4e-4, 'lr_g': 4e-4, 'ema': 0.9995},
    'phs_lr4e4': {'proj': True, 'loss': 'hinge', 'sn': True, 'lr_d': 4e-4, 'lr_g': 4e-4}, 'proj_mbstd': {'proj': True, 'mbstd': True},
}

if __name__ == '__main__':
    if len(sys.argv) < 4:
        sys.exit(__doc__)
    data_dir, ckpt, out = sys.argv[1], sys.argv[2], sys.argv[3]
    names = sys.argv[4].split(',') if len(sys.argv) > 4 and sys.argv[4] != 'all' else []
    scale = float(sys.argv[5]) if len(sys.argv) > 5 else 1.0
    par = int(os.environ.get('PAR', '8'))
    dev = 'cuda' if torch.cuda.is_available() else 'cpu'
    extra = json.loads(os.environ.get('EXTRA', '{}'))
    allv = dict(VARIANTS); allv.update(extra)
    if not names or names == ['']:
        names = list(allv)
    ctx = mp.get_context('spawn')
    procs = []
    for n in names:
        while sum(p.is_alive() for p in procs) >= par:
            time.sleep(0.5)
        p = ctx.Process(target=run, args=(n, allv[n], data_dir, ckpt, out, dev, scale)); p.start(); procs.append(p)
    for p in procs:
        p.join()
