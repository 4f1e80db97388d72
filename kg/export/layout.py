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

from kg.export.records import FRESH


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


def _subtree(root: int, children: dict) -> list:
    """`root` and every node hanging below it, each before its descendants."""
    out, stack = [], [root]
    while stack:
        v = stack.pop()
        out.append(v)
        stack.extend(children.get(v, ()))
    return out


def _radial(pos, root: int, children: dict, start: float) -> None:
    """Draw the trees hanging on `root` round it, in place: each node gets a
    wedge of its parent's wedge (the whole circle for the root, from angle
    `start`) in proportion to the leaves below it, and sits in its wedge's
    middle at a distance of its depth times one step (a spring length or
    more, so that the outermost ring has room). Wedges do not overlap, so
    no two nodes of one tree land on one spot."""
    leaves = {}
    for v in reversed(_subtree(root, children)):   # children before their parent
        kids = children.get(v)
        leaves[v] = sum(leaves[k] for k in kids) if kids else 1
    step = max(1.0, 0.35 * leaves[root] / (2 * np.pi))
    wedge, depth, queue = {root: (start, start + 2 * np.pi)}, {root: 0}, [root]
    for v in queue:
        kids = children.get(v)
        if not kids:
            continue
        a, b = wedge[v]
        span = b - a
        for k in kids:
            w = span * leaves[k] / leaves[v]
            wedge[k], depth[k] = (a, a + w), depth[v] + 1
            mid = a + w / 2
            pos[k] = pos[root] + step * depth[k] * np.array([np.cos(mid), np.sin(mid)])
            a += w
            queue.append(k)


def layout_parts(keys: list, pairs: list):
    """(core, roots, children {node: [nodes hanging on it]}, isolated) of
    nodes 0..n-1 (keys in sorted order).

    Trees are peeled off, all their leaves at once round by round (a node
    with one neighbour left goes and hangs on that neighbour), until what is
    left is the 2-core (`core`) plus one root per component that was all
    tree (its centre, so its drawing is balanced). The force layout runs on
    the 2-core only; the trees are drawn round and out from where they
    hang, tree components and isolated nodes go in rows beside the drawing. On a news corpus
    most nodes are isolated or in trees (documents introduced once, people
    with one post, bodies with one parent), so the force phase is a small
    part of the graph, and an edit that grows a tree leaves the core, and its
    cached layout, as it was."""
    n = len(keys)
    nbrs = [set() for _ in range(n)]
    for a, b in pairs:
        if a != b:
            nbrs[a].add(b)
            nbrs[b].add(a)
    left = [len(x) for x in nbrs]
    isolated = [i for i in range(n) if not left[i]]
    gone = [not d for d in left]
    children = {}
    frontier = [i for i in range(n) if left[i] == 1]
    while frontier:      # all the leaves at once, round by round: a tree's last node is its centre
        leaves, nxt = set(frontier), []
        for i in frontier:
            if gone[i] or left[i] != 1:
                continue
            j = next(k for k in nbrs[i] if not gone[k])
            if j in leaves and left[j] == 1 and i < j:
                continue    # two last nodes: the second hangs on the first
            gone[i] = True
            children.setdefault(j, []).append(i)
            left[j] -= 1
            if left[j] == 1:
                nxt.append(j)
        frontier = sorted(set(nxt))
    core = [i for i in range(n) if not gone[i] and left[i]]
    roots = [i for i in range(n) if not gone[i] and not left[i]]
    for kids in children.values():
        kids.sort()
    return core, roots, children, isolated


def positions(g, ids: dict, scale: float = 90.0, memo=FRESH) -> dict:
    """{page node id: (x, y)} in vis-network pixels, a spring `scale` long.

    The force layout (force_layout) places the 2-core (layout_parts), with
    the trees hanging on it drawn round their node; components that are all
    tree are drawn round their centre and set in rows under that drawing,
    isolated nodes in a grid under those. The force layout's result is
    asked of `memo` (kg.export.records, table "core") under a hash of the
    core's nodes and edges, so a rebuild whose edit did not change the core
    can skip it."""
    n = len(ids)
    keys = sorted(ids, key=ids.get)
    pairs = sorted({(ids[h], ids[t]) for h, t in g.edges() if h != t})
    core, roots, children, isolated = layout_parts(keys, pairs)
    at = {c: i for i, c in enumerate(core)}
    core_pairs = sorted({(at[a], at[b]) for a, b in pairs if a in at and b in at})
    digest = _hash_structure([keys[c] for c in core], core_pairs)
    core_pos = memo.get("core", digest, force_layout, len(core), core_pairs)
    pos = np.zeros((n, 2))
    pos[core] = core_pos
    centre = core_pos.mean(axis=0) if len(core) else np.zeros(2)
    for c in core:       # trees round the core node they hang on, starting away from the middle
        if c in children:
            away = pos[c] - centre
            _radial(pos, c, children, float(np.arctan2(away[1], away[0])))
    for r in roots:      # components that are all tree: round their centre, at the origin for now
        _radial(pos, r, children, 0.0)
    # one spring length (the force layout's unit; a tree's radial step is
    # one or more) is `scale` pixels: a mean over all edges would be
    # dominated by the long spokes of a hub's tree and shrink the rest
    pos *= scale
    drawn = [c for c in core for c in _subtree(c, children)]
    top = (pos[drawn, 1].max() if drawn else 0.0) + 2 * scale
    left = pos[drawn, 0].min() if drawn else 0.0
    width = pos[drawn, 0].max() - left if drawn else 0.0
    if roots:            # rows of tree components under the drawing
        parts = [_subtree(r, children) for r in roots]
        boxes = [(pos[m, 0].min(), pos[m, 1].min(), pos[m, 0].max(), pos[m, 1].max()) for m in parts]
        width = max(width, float(np.sqrt(sum((b[2] - b[0] + scale) * (b[3] - b[1] + scale) for b in boxes))))
        x, row_h = left, 0.0
        for m, (x0, y0, x1, y1) in zip(parts, boxes):
            if x > left and x + (x1 - x0) > left + width:
                x, top, row_h = left, top + row_h + scale, 0.0
            pos[m] += np.array([x - x0, top - y0])
            x += x1 - x0 + scale
            row_h = max(row_h, y1 - y0)
        top += row_h + 2 * scale
    if isolated:   # a grid under that, half a spring length apart, no wider than the rest
        gap = scale / 2
        width = max(width, gap * np.sqrt(len(isolated)))
        per_row = max(1, int(width // gap) + 1)
        k = np.arange(len(isolated))
        pos[isolated, 0] = left + (k % per_row) * gap
        pos[isolated, 1] = top + (k // per_row) * gap
    return {i: (round(float(pos[i, 0]), 1), round(float(pos[i, 1]), 1)) for i in range(n)}


