"""Precomputed positions for big graphs, so their page needs no physics.

vis-network's in-browser physics costs ~150-250 ms per iteration on 5,000
nodes in headless Chromium (measured), i.e. half a minute to stabilise;
networkx's spring_layout needs scipy (not a dependency) or an n x n dense
matrix. This is a Fruchterman-Reingold layout whose all-pairs repulsion is
computed particle-mesh style: node mass is spread on a grid and convolved with
the 1/r force kernel by FFT, so one iteration is O(n + E + M^2 log M), about
10 ms for 5,000 nodes. Seeded, so one graph always gets one picture.
"""

import numpy as np


def _kernel(m: int, power: float):
    """FFT of the repulsion kernel d/|d|^(power+1) on a (2m x 2m) grid of offsets (grid units)."""
    off = np.fft.fftfreq(2 * m, 1.0 / (2 * m))  # 0, 1, .., m-1, -m, .., -1
    dx, dy = np.meshgrid(off, off, indexing="ij")
    r = np.sqrt(dx * dx + dy * dy)
    r[0, 0] = np.inf
    r = r ** (power + 1)
    return np.fft.rfft2(dx / r), np.fft.rfft2(dy / r)


def _repulsion(pos, mass, kx, ky, m, power):
    """Sum over j of (p_i - p_j)/|p_i - p_j|^2 for every node, by cloud-in-cell deposit + FFT."""
    lo = pos.min(axis=0)
    h = max(float((pos.max(axis=0) - lo).max()), 1e-9) / (m - 1.001)
    g = (pos - lo) / h
    i0 = np.clip(np.floor(g).astype(np.int64), 0, m - 2)
    f = g - i0
    w = [((1 - f[:, 0]) * (1 - f[:, 1]), 0, 0), (f[:, 0] * (1 - f[:, 1]), 1, 0),
         ((1 - f[:, 0]) * f[:, 1], 0, 1), (f[:, 0] * f[:, 1], 1, 1)]
    rho = np.zeros((2 * m, 2 * m))
    for wt, a, b in w:
        np.add.at(rho, (i0[:, 0] + a, i0[:, 1] + b), wt * mass)
    r = np.fft.rfft2(rho)
    fx = np.fft.irfft2(r * kx, s=rho.shape)
    fy = np.fft.irfft2(r * ky, s=rho.shape)
    out = np.zeros_like(pos)
    for wt, a, b in w:
        ix, iy = i0[:, 0] + a, i0[:, 1] + b
        out[:, 0] += wt * fx[ix, iy]
        out[:, 1] += wt * fy[ix, iy]
    return out * mass[:, None] / h ** power


def _spectral_start(n: int, e, rnd, iterations: int = 600) -> np.ndarray:
    """Koren's degree-normalised eigenvectors by power iteration (no scipy): an
    untangled start, so the force phase needs not unfold a crumpled layout."""
    deg = np.bincount(e.ravel(), minlength=n).astype(float) + 1e-3
    axes = []
    for _ in range(2):
        x = rnd.normal(size=n)
        for _ in range(iterations):
            x -= (x * deg).sum() / deg.sum()
            for u in axes:
                x -= (x * deg * u).sum() / (u * deg * u).sum() * u
            ax = np.bincount(e[:, 0], x[e[:, 1]], n) + np.bincount(e[:, 1], x[e[:, 0]], n)
            x = 0.5 * (x + ax / deg)
            x /= np.sqrt((x * x).sum()) + 1e-12
        axes.append(x)
    pos = np.stack(axes, axis=1)
    pos /= np.abs(pos).max(axis=0) + 1e-12
    return pos


def force_layout(n: int, edges, iterations: int = 200, seed: int = 7, grid: int = 128,
                 repulsion: float = 1.0, power: float = 2.0, gravity: float = 0.01,
                 spectral: bool = True) -> np.ndarray:
    """Positions (n x 2) for nodes 0..n-1 joined by `edges` (pairs), unit spring length.

    The model is vis-network's: linear springs along edges, repulsion falling
    off as 1/d^power between masses deg+1 (so hubs push their leaves apart),
    and a weak pull to the centre that keeps components and isolated nodes
    in view instead of drifting away.
    """
    rnd = np.random.default_rng(seed)
    if n == 0:
        return np.zeros((0, 2))
    e = np.asarray(list(edges), dtype=np.int64).reshape(-1, 2)
    e = e[e[:, 0] != e[:, 1]]
    mass = 1.0 + np.bincount(e.ravel(), minlength=n).astype(float)
    side = np.sqrt(n)
    pos = rnd.uniform(-side / 2, side / 2, size=(n, 2))
    if len(e) and spectral:
        pos = _spectral_start(n, e, rnd) * side / 2 + pos * 0.05
    kx, ky = _kernel(grid, power)
    t0 = max(side / (40 if spectral else 8), 1.0)
    for it in range(iterations):
        disp = repulsion * _repulsion(pos, mass, kx, ky, grid, power) if n > 1 else np.zeros_like(pos)
        if len(e):
            d = pos[e[:, 0]] - pos[e[:, 1]]
            dist = np.sqrt((d * d).sum(axis=1)) + 1e-9
            pull = d * ((dist - 1.0) / dist)[:, None]
            disp[:, 0] -= np.bincount(e[:, 0], pull[:, 0], n) - np.bincount(e[:, 1], pull[:, 0], n)
            disp[:, 1] -= np.bincount(e[:, 0], pull[:, 1], n) - np.bincount(e[:, 1], pull[:, 1], n)
        disp -= gravity * mass[:, None] * pos
        length = np.sqrt((disp * disp).sum(axis=1, keepdims=True)) + 1e-9
        temp = t0 * (1 - it / iterations) ** 2 + 0.02
        pos += disp / length * np.minimum(length, temp)
    return pos - pos.mean(axis=0)


def _hash_structure(nodes, pairs) -> str:
    import hashlib
    h = hashlib.sha256()
    for n in nodes:
        h.update(f"{n}\0".encode())
    h.update(b"\1")
    h.update(np.asarray(pairs, dtype=np.int64).tobytes())
    return h.hexdigest()


def _ring(center, count: int, start: float = 0.0) -> np.ndarray:
    """`count` points around `center`, one spring length out and farther
    for many (about 0.35 apart on the circle), evenly spaced."""
    r = max(1.0, 0.35 * count / (2 * np.pi))
    a = start + 2 * np.pi * np.arange(count) / max(count, 1)
    return np.asarray(center) + r * np.stack([np.cos(a), np.sin(a)], axis=1)


def layout_parts(keys: list, pairs: list):
    """(core, leaves {anchor: [leaf]}, isolated) of nodes 0..n-1 (keys in sorted order).

    A leaf has exactly one neighbour, which is not a leaf itself; the force
    layout runs on the core only, leaves go round their anchor and isolated
    nodes into a grid beside the drawing. On a news corpus most nodes are
    isolated or leaves (documents introduced once, people with one post),
    so the force phase is a fraction of the graph, and an edit that adds
    leaves leaves the core, and its cached layout, as it was."""
    n = len(keys)
    nbrs = [set() for _ in range(n)]
    for a, b in pairs:
        if a != b:
            nbrs[a].add(b)
            nbrs[b].add(a)
    deg = [len(x) for x in nbrs]
    leaves, core, isolated = {}, [], []
    for i in range(n):
        if deg[i] == 0:
            isolated.append(i)
        elif deg[i] == 1 and deg[next(iter(nbrs[i]))] > 1:
            leaves.setdefault(next(iter(nbrs[i])), []).append(i)
        else:
            core.append(i)
    return core, leaves, isolated


def positions(g, ids: dict, scale: float = 90.0, reuse=None) -> dict:
    """{page node id: (x, y)} in vis-network pixels, mean edge length about `scale`.

    The force layout (force_layout) places the core (layout_parts); its
    result is kept by `reuse` (kg.export.reuse) under a hash of the core's
    nodes and edges, so a rebuild whose edit did not change the core skips it."""
    n = len(ids)
    keys = sorted(ids, key=ids.get)
    pairs = sorted({(ids[h], ids[t]) for h, t in g.edges() if h != t})
    core, leaves, isolated = layout_parts(keys, pairs)
    at = {c: i for i, c in enumerate(core)}
    core_pairs = sorted({(at[a], at[b]) for a, b in pairs if a in at and b in at})
    digest = _hash_structure([keys[c] for c in core], core_pairs)
    saved = reuse.load("layout") if reuse is not None else None
    core_pos = saved["core"].get(digest) if saved else None
    if core_pos is None or len(core_pos) != len(core):
        core_pos = force_layout(len(core), core_pairs)
    if reuse is not None:   # one entry: the last core's layout
        reuse.save("layout", {"core": {digest: core_pos}})
    pos = np.zeros((n, 2))
    pos[core] = core_pos
    centre = core_pos.mean(axis=0) if len(core) else np.zeros(2)
    for anchor, group in leaves.items():
        away = pos[anchor] - centre      # the ring starts facing away from the middle
        pos[group] = _ring(pos[anchor], len(group), float(np.arctan2(away[1], away[0])))
    if pairs:
        p = np.asarray(pairs)
        mean = float(np.sqrt(((pos[p[:, 0]] - pos[p[:, 1]]) ** 2).sum(axis=1)).mean()) or 1.0
    else:
        mean = 1.0
    pos *= scale / mean
    if isolated:   # a grid under the drawing, one spring length apart
        alone = set(isolated)
        linked = [i for i in range(n) if i not in alone]
        top = (pos[linked, 1].max() if linked else 0.0) + 2 * scale
        left = pos[linked, 0].min() if linked else 0.0
        width = max(pos[linked, 0].max() - left if linked else 0.0, scale * np.sqrt(len(isolated)))
        per_row = max(1, int(width // scale) + 1)
        k = np.arange(len(isolated))
        pos[isolated, 0] = left + (k % per_row) * scale
        pos[isolated, 1] = top + (k // per_row) * scale
    return {i: (round(float(pos[i, 0]), 1), round(float(pos[i, 1]), 1)) for i in range(n)}
