"""A layered drawing of one directed graph (the Sugiyama method), in near-linear time.

Nodes are ``0 .. count-1`` and edges ``(reason, conclusion)`` pairs. ``order_layers`` does the
first three steps, ``place_row`` is the fourth for one row (``argmap.layout.lanes`` runs it):

1. **Cycles** are broken by a depth-first search in node order that turns its back edges round
   (argmap's checks forbid cycles of supports, but a layout must not fail on any graph).
2. **Layers**: a conclusion nobody builds on (a sink) is layer 0; every other node sits one layer
   below the lowest claim it supports (the longest path to a sink), so a reason is drawn right
   under what it supports and every edge runs from a higher layer to a lower one.
3. **Order** within each layer starts as a depth-first walk from the sinks taking reasons in
   node order (a tree comes out with no crossings), then barycentre sweeps down and up keep the
   order with the fewest crossings (counted exactly, per pair of layers, in O(E log V)). Edges
   spanning several layers get a chain of narrow dummy nodes, so they keep a gap of their own.
4. **Coordinates**: a row is placed as close as it can to targets (its neighbours' mean x),
   keeping its order and minimum gaps: a weighted isotonic regression (pool adjacent violators),
   exact and linear per row.

Every step is a fixed number of linear passes (sorting within a layer aside), and ties are broken
by position and node number, never by hashing, so the result is the same on every run.
"""

from __future__ import annotations

from dataclasses import dataclass

ORDER_SWEEPS = 6  # down-and-up barycentre sweeps; the best order seen is kept
MAX_DUMMY_SPAN = 16  # longer edges get no dummy chain (keeps the work linear in edges)
DUMMY_WIDTH = 10.0


@dataclass
class Ordered:
    """The rows of a layered drawing, before coordinates.

    Nodes ``0 .. count-1`` are the graph's; higher numbers are dummies, one per layer crossed by
    an edge that spans several (their width is DUMMY_WIDTH). ``rows[0]`` is layer 0 (the sinks).
    ``up[n]``/``down[n]``: neighbours of ``n`` one row nearer to / further from the sinks.
    """

    count: int
    layer: list[int]
    rows: list[list[int]]
    up: list[list[int]]
    down: list[list[int]]
    reversed_edges: list[tuple[int, int]]  # edges turned round to break cycles
    crossings: int  # between adjacent rows, dummy chains included

    @property
    def size(self) -> int:
        return len(self.layer)


def order_layers(count: int, edges: list[tuple[int, int]]) -> Ordered:
    """Steps 1 to 3: break cycles, assign layers, order the rows."""
    succ = _successors(count, edges)
    kept, turned = _break_cycles(count, succ)
    layer = _layers(count, kept)
    node_layer = list(layer)
    up: list[list[int]] = [[] for _ in range(count)]
    down: list[list[int]] = [[] for _ in range(count)]
    for source, target in kept:
        span = layer[source] - layer[target]
        if span > MAX_DUMMY_SPAN:
            continue
        previous = source
        for step in range(1, span):
            dummy = len(node_layer)
            node_layer.append(layer[source] - step)
            up.append([])
            down.append([])
            up[previous].append(dummy)
            down[dummy].append(previous)
            previous = dummy
        up[previous].append(target)
        down[target].append(previous)
    order = _initial_order(count, node_layer, up, down)
    order, crossings = _reduce_crossings(order, up, down)
    return Ordered(count, node_layer, order, up, down, turned, crossings)


def place_row(row: list[int], targets: list[float], weights: list[float], gaps: list[float], x: list[float]) -> None:
    """Step 4 for one row: set ``x`` of the nodes of ``row`` (in that order, ``gaps[i]`` apart
    from centre to centre between ``row[i]`` and ``row[i+1]``) to minimise the weighted squared
    distance to ``targets``: pool adjacent violators on the positions less their offsets."""
    if not row:
        return
    offsets = [0.0]
    for gap in gaps:
        offsets.append(offsets[-1] + gap)
    blocks: list[list[float]] = []  # [weighted sum, weight, length]; value = weighted mean
    for index in range(len(row)):
        weight = weights[index]
        blocks.append([(targets[index] - offsets[index]) * weight, weight, 1.0])
        while len(blocks) > 1 and blocks[-2][0] * blocks[-1][1] >= blocks[-1][0] * blocks[-2][1]:
            total, mass, length = blocks.pop()
            blocks[-1][0] += total
            blocks[-1][1] += mass
            blocks[-1][2] += length
    index = 0
    for total, mass, length in blocks:
        value = total / mass
        for _ in range(int(length)):
            x[row[index]] = value + offsets[index]
            index += 1


def _successors(count: int, edges: list[tuple[int, int]]) -> list[list[int]]:
    succ: list[list[int]] = [[] for _ in range(count)]
    seen: set[tuple[int, int]] = set()  # membership only; the lists keep the given order
    for source, target in edges:
        if source != target and (source, target) not in seen:
            seen.add((source, target))
            succ[source].append(target)
    return succ


def _break_cycles(count: int, succ: list[list[int]]) -> tuple[list[tuple[int, int]], list[tuple[int, int]]]:
    """Edges of an acyclic graph (back edges of a DFS in node order turned round), and the turned."""
    state = [0] * count  # 0 unseen, 1 on the DFS stack, 2 finished
    pointer = [0] * count
    kept: list[tuple[int, int]] = []
    turned: list[tuple[int, int]] = []
    present = set()
    for source, targets in enumerate(succ):
        for target in targets:
            present.add((source, target))
    for root in range(count):
        if state[root]:
            continue
        state[root] = 1
        stack = [root]
        while stack:
            node = stack[-1]
            if pointer[node] < len(succ[node]):
                nxt = succ[node][pointer[node]]
                pointer[node] += 1
                if state[nxt] == 1:
                    turned.append((node, nxt))
                    if (nxt, node) not in present:  # the pair already exists the other way round
                        kept.append((nxt, node))
                else:
                    kept.append((node, nxt))
                    if state[nxt] == 0:
                        state[nxt] = 1
                        stack.append(nxt)
            else:
                state[node] = 2
                stack.pop()
    return kept, turned


def _layers(count: int, kept: list[tuple[int, int]]) -> list[int]:
    """Longest path to a sink, by a topological pass from the sinks."""
    out_degree = [0] * count
    pred: list[list[int]] = [[] for _ in range(count)]
    for source, target in kept:
        out_degree[source] += 1
        pred[target].append(source)
    layer = [0] * count
    queue = [n for n in range(count) if out_degree[n] == 0]
    head = 0
    while head < len(queue):
        node = queue[head]
        head += 1
        for source in pred[node]:
            if layer[node] + 1 > layer[source]:
                layer[source] = layer[node] + 1
            out_degree[source] -= 1
            if out_degree[source] == 0:
                queue.append(source)
    return layer


def _initial_order(count: int, node_layer: list[int], up: list[list[int]], down: list[list[int]]) -> list[list[int]]:
    """A depth-first walk from the sinks down through the reasons, in node order."""
    depth = max(node_layer, default=-1) + 1
    order: list[list[int]] = [[] for _ in range(depth)]
    visited = [False] * len(node_layer)
    roots = [n for n in range(count) if not up[n]]
    for root in roots + list(range(len(node_layer))):  # then anything the walk did not reach
        if visited[root]:
            continue
        visited[root] = True
        stack = [root]
        while stack:
            node = stack.pop()
            order[node_layer[node]].append(node)
            for child in reversed(down[node]):
                if not visited[child]:
                    visited[child] = True
                    stack.append(child)
    return order


def _reduce_crossings(
    order: list[list[int]], up: list[list[int]], down: list[list[int]]
) -> tuple[list[list[int]], int]:
    position = [0] * len(up)
    for row in order:
        for index, node in enumerate(row):
            position[node] = index
    best = [list(row) for row in order]
    best_crossings = _crossings(order, down, position)
    stale = 0
    for _ in range(ORDER_SWEEPS):
        if best_crossings == 0:
            break
        for depth in range(1, len(order)):
            _sort_by_barycentre(order[depth], up, position)
        for depth in range(len(order) - 2, -1, -1):
            _sort_by_barycentre(order[depth], down, position)
        crossings = _crossings(order, down, position)
        if crossings < best_crossings:
            best, best_crossings, stale = [list(row) for row in order], crossings, 0
        else:
            stale += 1
            if stale == 2:
                break
    return best, best_crossings


def _sort_by_barycentre(row: list[int], neighbours: list[list[int]], position: list[int]) -> None:
    keys = []
    for index, node in enumerate(row):
        near = neighbours[node]
        centre = sum(position[n] for n in near) / len(near) if near else float(index)
        keys.append((centre, index, node))
    keys.sort()
    for index, (_, _, node) in enumerate(keys):
        row[index] = node
        position[node] = index


def _crossings(order: list[list[int]], down: list[list[int]], position: list[int]) -> int:
    """Crossings between each pair of adjacent layers: inversions counted with a Fenwick tree."""
    total = 0
    for depth in range(len(order) - 1):
        pairs = sorted((position[upper], position[lower]) for upper in order[depth] for lower in down[upper])
        size = len(order[depth + 1])
        tree = [0] * (size + 1)
        seen = 0
        for _, lower in pairs:
            # pairs already seen whose lower end is to the right of this one cross it
            index, not_greater = lower + 1, 0
            while index > 0:
                not_greater += tree[index]
                index -= index & -index
            total += seen - not_greater
            index = lower + 1
            while index <= size:
                tree[index] += 1
                index += index & -index
            seen += 1
    return total
