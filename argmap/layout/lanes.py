"""Arranging the lanes: each author's arguments side by side, aligned with the other lanes.

``argmap.layout`` hands over node numbers, box sizes, each lane's own supports links and the
links between lanes; this module returns a centre for every box, and the rows' heights and tops.

1. Every argument (a connected group of the lane's supports links) is ordered on its own by
   ``argmap.layout.layered`` and drawn as a tree: a few passes down and up place each row as
   near as it can to the mean x of its neighbours. Claims with no supports link become pieces
   of their own: single boxes in the top row when a lane has few, else grids as deep as the
   lane's arguments.
2. Pieces go into shelves no wider than a width chosen so that the whole drawing comes closest
   to the target aspect (deepest pieces first, so pieces of like depth share a shelf's rows).
3. Passes down and up the lanes then slide each shelf's pieces, each kept as drawn, toward the
   mean x of the claims they link to in other lanes, mirroring a piece when that brings its
   links closer, reordering pieces by where they pull and keeping them clear of each other.
4. Two last passes let single boxes lean toward their links across lanes (held back by a pull
   to where their piece put them), without changing any order.

So links between lanes come out short and steep while each argument keeps its shape; every pass
is linear in boxes and links, and no step depends on hashing.
"""

from __future__ import annotations

import math
from dataclasses import dataclass, field

from argmap.layout.layered import DUMMY_WIDTH, order_layers, place_row

BOX_GAP = 22.0  # between boxes in one row of one piece
BLOCK_GAP = 56.0  # between boxes of different pieces
FREE_WEIGHT = 0.05  # how strongly a box with no neighbour in view keeps its place
ACROSS_WEIGHT = 0.3  # pull of one link to another lane, against 1 for a link in the argument
ANCHOR_WEIGHT = 0.5  # in the last passes, pull back to where the box sat in its piece as slid
INLINE_LOOSE = 8  # up to this many unlinked claims sit in a lane's top row, one by one
GRID_COLUMNS = 4  # unlinked claims past that come in grids at most this wide
PLACE_SWEEPS = 4  # down-and-up passes drawing one argument
LANE_PASSES = 3  # down-and-up passes over the lanes sliding whole pieces
TUNE_PASSES = 2  # last passes moving single boxes (0: pieces stay exactly as drawn)


@dataclass
class Piece:
    rows: list[list[int]]  # node numbers, left to right; dummies included
    first: int  # its first claim's number: a stable tie-break
    depth: int = field(init=False)

    def __post_init__(self) -> None:
        self.depth = len(self.rows)

    def nodes(self) -> list[int]:
        return [n for row in self.rows for n in row]


@dataclass
class Arrangement:
    """The result: per node (claims first, then dummies) its centre x, lane, shelf and row, and
    per lane and shelf the rows' heights and tops (relative to the lane's content top)."""

    x: list[float]
    shelf: list[int]
    row: list[int]
    layer: list[int]  # row in its argument (0 = conclusion), -1 for a claim with no supports link
    row_tops: list[list[list[float]]]  # [lane][shelf][row] top, from the lane content's top
    row_heights: list[list[list[float]]]
    lane_heights: list[float]  # content height of each lane
    width: float
    reversed_edges: int
    crossings: int


def arrange(
    widths: list[float],
    heights: list[float],
    lanes: list[list[int]],
    lane_edges: list[list[tuple[int, int]]],
    partners: list[list[tuple[int, float]]],
    target_aspect: float,
    lane_overhead: float,
    row_gap: float,
    shelf_gap: float,
) -> Arrangement:
    """Place claims ``0 .. len(widths)-1``: ``lanes`` lists each lane's claims in order,
    ``lane_edges`` its supports links (reason, conclusion), ``partners[n]`` the claims in other
    lanes ``n`` links to, with a weight each."""
    count = len(widths)
    width = list(widths)
    layer = [-1] * count
    up: list[list[int]] = [[] for _ in range(count)]
    down: list[list[int]] = [[] for _ in range(count)]
    piece_of: list[int] = [-1] * count
    pieces: list[Piece] = []
    lane_pieces: list[list[int]] = []
    reversed_edges = crossings = 0
    for members, edges in zip(lanes, lane_edges):
        own: list[int] = []
        groups, loose = _groups(members, edges)
        for group, group_edges in groups:
            number = {n: i for i, n in enumerate(group)}
            ordered = order_layers(len(group), [(number[a], number[b]) for a, b in group_edges])
            reversed_edges += len(ordered.reversed_edges)
            crossings += ordered.crossings
            glob = list(group)
            for _ in range(ordered.size - ordered.count):  # dummies get numbers after the claims
                glob.append(len(width))
                width.append(DUMMY_WIDTH)
                layer.append(-1)
                up.append([])
                down.append([])
                piece_of.append(-1)
            for i, n in enumerate(glob):
                if i < ordered.count:
                    layer[n] = ordered.layer[i]
                up[n] = [glob[m] for m in ordered.up[i]]
                down[n] = [glob[m] for m in ordered.down[i]]
            own.append(len(pieces))
            pieces.append(Piece([[glob[m] for m in row] for row in ordered.rows], group[0]))
        depth = max((pieces[p].depth for p in own), default=1)
        for chunk in _loose_pieces(loose, depth):
            own.append(len(pieces))
            pieces.append(chunk)
        lane_pieces.append(own)
    for index, piece in enumerate(pieces):
        for n in piece.nodes():
            piece_of[n] = index

    total = len(width)
    x = [0.0] * total
    all_partners = partners + [[] for _ in range(total - count)]
    solver = _Solver(width, x, up, down, all_partners, piece_of)
    piece_width = []
    for piece in pieces:  # each piece on its own first, to know its width
        solver.place([piece], sweeps=PLACE_SWEEPS, across=False)
        left, right = solver.extent(piece)
        for n in piece.nodes():
            x[n] -= left
        piece_width.append(right - left)

    piece_height = [_piece_height(p, heights, count, row_gap) for p in pieces]
    limit = _shelf_width(lane_pieces, piece_width, piece_height, target_aspect, lane_overhead, shelf_gap)
    shelves = [_shelves(own, piece_width, piece_height, limit) for own in lane_pieces]

    local = list(x)  # each piece's own drawing, its left edge at 0
    offset = [0.0] * len(pieces)
    for lane_shelves in shelves:  # side by side in their first order
        for shelf in lane_shelves:
            cursor = 0.0
            for p in shelf:
                offset[p] = cursor
                cursor += piece_width[p] + BLOCK_GAP
    for p, piece in enumerate(pieces):
        for n in piece.nodes():
            x[n] = offset[p] + local[n]
    order = list(range(len(lanes)))
    sequence = (order + order[-2:0:-1]) * LANE_PASSES + order
    for lane in sequence:
        for shelf in shelves[lane]:
            _align_shelf(shelf, pieces, piece_width, offset, local, x, all_partners, count)
    solver.anchor = list(x)
    if TUNE_PASSES:  # then let single boxes lean toward their links, held back by the anchor
        for lane in order[::-1] + order[1:]:
            for shelf in shelves[lane]:
                solver.place([pieces[p] for p in shelf], sweeps=TUNE_PASSES, across=True)

    left = min((x[n] - width[n] / 2 for n in range(total)), default=0.0)
    for n in range(total):
        x[n] -= left
    right = max((x[n] + width[n] / 2 for n in range(total)), default=0.0)

    shelf_of = [0] * total
    row_of = [0] * total
    row_tops: list[list[list[float]]] = []
    row_heights: list[list[list[float]]] = []
    lane_heights = []
    for lane_shelves in shelves:
        tops_l, heights_l = [], []
        cursor = 0.0
        for s, shelf in enumerate(lane_shelves):
            depth = max((pieces[p].depth for p in shelf), default=0)
            rows_h = [0.0] * depth
            for p in shelf:
                for r, row in enumerate(pieces[p].rows):
                    for n in row:
                        shelf_of[n], row_of[n] = s, r
                        if n < count:
                            rows_h[r] = max(rows_h[r], heights[n])
            tops = []
            for h in rows_h:
                tops.append(cursor)
                cursor += h + row_gap
            cursor += shelf_gap - row_gap
            tops_l.append(tops)
            heights_l.append(rows_h)
        row_tops.append(tops_l)
        row_heights.append(heights_l)
        lane_heights.append(max(cursor - shelf_gap, 0.0))
    return Arrangement(x, shelf_of, row_of, layer, row_tops, row_heights, lane_heights, right, reversed_edges, crossings)


def _groups(members: list[int], edges: list[tuple[int, int]]) -> tuple[list[tuple[list[int], list[tuple[int, int]]]], list[int]]:
    """Connected groups of ``edges`` (claims in order, their edges) and the claims in none."""
    parent = {n: n for n in members}

    def find(n: int) -> int:
        while parent[n] != n:
            parent[n] = parent[parent[n]]
            n = parent[n]
        return n

    for a, b in edges:
        ra, rb = find(a), find(b)
        if ra != rb:
            parent[max(ra, rb)] = min(ra, rb)  # the earlier claim names the group, every run alike
    linked = [False] * (max(members, default=-1) + 1)
    for a, b in edges:
        linked[a] = linked[b] = True
    groups: dict[int, list[int]] = {}
    for n in members:
        if linked[n]:
            groups.setdefault(find(n), []).append(n)
    group_edges: dict[int, list[tuple[int, int]]] = {root: [] for root in groups}
    for a, b in edges:
        group_edges[find(a)].append((a, b))
    return [(groups[r], group_edges[r]) for r in groups], [n for n in members if not linked[n]]


def _loose_pieces(loose: list[int], depth: int) -> list[Piece]:
    """A few unlinked claims: one piece each (top row); many: grids ``depth`` rows deep."""
    if len(loose) <= INLINE_LOOSE:
        return [Piece([[n]], n) for n in loose]
    rows = max(depth, 2)
    per_grid = rows * GRID_COLUMNS
    out = []
    for start in range(0, len(loose), per_grid):
        chunk = loose[start : start + per_grid]
        columns = math.ceil(len(chunk) / rows)
        out.append(Piece([chunk[r * columns : (r + 1) * columns] for r in range(rows) if chunk[r * columns :]], chunk[0]))
    return out


def _piece_height(piece: Piece, heights: list[float], count: int, row_gap: float) -> float:
    rows = [max((heights[n] for n in row if n < count), default=0.0) for row in piece.rows]
    return sum(rows) + row_gap * (len(rows) - 1)


def _shelves(own: list[int], piece_width: list[float], piece_height: list[float], limit: float) -> list[list[int]]:
    """The lane's pieces in shelves no wider than ``limit`` (unless one piece is): deepest first,
    each shelf filled before the next is opened, so pieces of like depth share a shelf's rows;
    each shelf then keeps its pieces in their first order."""
    shelves: list[list[int]] = []
    load = limit + 1.0
    for p in sorted(own, key=lambda p: (-piece_height[p], -piece_width[p], p)):
        if load + piece_width[p] > limit:
            shelves.append([])
            load = -BLOCK_GAP
        shelves[-1].append(p)
        load += piece_width[p] + BLOCK_GAP
    return [sorted(shelf) for shelf in shelves] or [[]]


def _shelf_width(lane_pieces: list[list[int]], piece_width: list[float], piece_height: list[float], aspect: float,
                 lane_overhead: float, shelf_gap: float) -> float:
    """The shelf width, among a range from the widest piece to the widest lane in one shelf,
    whose drawing comes closest to ``aspect`` (width / height)."""
    widest = max(piece_width, default=1.0)
    longest = max((sum(piece_width[p] + BLOCK_GAP for p in own) for own in lane_pieces), default=widest)
    best, best_score = widest, math.inf
    steps = 24
    for step in range(steps + 1):
        limit = widest * (max(longest, widest) / widest) ** (step / steps)
        height = width = 0.0
        for own in lane_pieces:
            shelves = _shelves(own, piece_width, piece_height, limit)
            height += lane_overhead + sum(max((piece_height[p] for p in shelf), default=0.0) + shelf_gap for shelf in shelves)
            width = max([width] + [sum(piece_width[p] + BLOCK_GAP for p in shelf) for shelf in shelves])
        score = abs(math.log(max(width, 1.0) / max(height, 1.0) / aspect))
        if score < best_score - 1e-9:
            best, best_score = limit, score
    return best


def _align_shelf(shelf: list[int], pieces: list[Piece], piece_width: list[float], offset: list[float],
                 local: list[float], x: list[float], partners: list[list[tuple[int, float]]], count: int) -> None:
    """Slide (and maybe mirror) the shelf's pieces, each kept as drawn, toward the claims they link
    to in other lanes; the pieces keep clear of each other and are reordered by where they pull."""
    keyed = []
    for p in shelf:
        piece = pieces[p]
        claims = [n for n in piece.nodes() if n < count]
        pull = mass = 0.0
        pulls = []
        for n in claims:
            for m, w in partners[n]:
                pulls.append((n, x[m], w))
        if pulls:
            # compare alignment as drawn and mirrored: mirror when that brings the links closer
            straight = sum(w * abs(target - (offset[p] + local[n])) for n, target, w in pulls)
            mirrored = sum(w * abs(target - (offset[p] + piece_width[p] - local[n])) for n, target, w in pulls)
            if mirrored < straight:
                for n in piece.nodes():
                    local[n] = piece_width[p] - local[n]
                for row in piece.rows:
                    row.reverse()
            for n, target, w in pulls:
                pull += w * (target - local[n])
                mass += w
            keyed.append((pull / mass + piece_width[p] / 2, p, pull / mass, mass))
        else:
            keyed.append((offset[p] + piece_width[p] / 2, p, offset[p], FREE_WEIGHT))
    keyed.sort()
    shelf[:] = [p for _, p, _, _ in keyed]
    targets = [target for _, _, target, _ in keyed]
    weights = [weight for _, _, _, weight in keyed]
    gaps = [piece_width[a] + BLOCK_GAP for a in shelf[:-1]]
    place_row(shelf, targets, weights, gaps, offset)
    for p in shelf:
        for n in pieces[p].nodes():
            x[n] = offset[p] + local[n]


class _Solver:
    """Coordinate passes over shelves of pieces, sharing one x array."""

    def __init__(self, width: list[float], x: list[float], up: list[list[int]], down: list[list[int]],
                 partners: list[list[tuple[int, float]]], piece_of: list[int]) -> None:
        self.width, self.x, self.up, self.down, self.partners, self.piece_of = width, x, up, down, partners, piece_of
        self.count = len(partners)
        self.anchor: list[float] = []  # where each box sat as its piece was drawn and slid (tuning pulls it back)

    def extent(self, piece: Piece) -> tuple[float, float]:
        nodes = piece.nodes()
        return (min(self.x[n] - self.width[n] / 2 for n in nodes), max(self.x[n] + self.width[n] / 2 for n in nodes))

    def _pull(self, n: int) -> tuple[float, float]:
        """(weighted sum of partner x, total weight) for node ``n``'s links to other lanes."""
        total = weight = 0.0
        for m, w in self.partners[n]:
            total += w * self.x[m]
            weight += w
        return total, weight

    def place(self, shelf: list[Piece], sweeps: int, across: bool) -> None:
        depth = max((p.depth for p in shelf), default=0)
        rows: list[list[int]] = [[] for _ in range(depth)]
        for piece in shelf:
            for r, row in enumerate(piece.rows):
                rows[r].extend(row)
        gaps = [[self._gap(a, b) for a, b in zip(row, row[1:])] for row in rows]
        for _ in range(sweeps):
            for r in range(depth):
                self._place_row(rows[r], gaps[r], self.up, across)
            for r in range(depth - 1, -1, -1):
                self._place_row(rows[r], gaps[r], self.down, across)

    def _gap(self, a: int, b: int) -> float:
        if self.piece_of[a] != self.piece_of[b]:
            spacing = BLOCK_GAP
        elif a < self.count and b < self.count:
            spacing = BOX_GAP
        else:
            spacing = BOX_GAP / 2
        return (self.width[a] + self.width[b]) / 2 + spacing

    def _place_row(self, row: list[int], gaps: list[float], neighbours: list[list[int]], across: bool) -> None:
        x = self.x
        targets, weights = [], []
        for n in row:
            near = neighbours[n]
            total = float(sum(x[m] for m in near))
            weight = float(len(near))
            if weight and n >= self.count:
                total, weight = total * 2, weight * 2  # dummy chains straighten first
            if across and n < self.count:
                pull, mass = self._pull(n)
                total += ACROSS_WEIGHT * pull + ANCHOR_WEIGHT * self.anchor[n]
                weight += ACROSS_WEIGHT * mass + ANCHOR_WEIGHT
            if weight:
                targets.append(total / weight)
                weights.append(weight)
            else:
                targets.append(x[n])
                weights.append(FREE_WEIGHT)
        place_row(row, targets, weights, gaps, x)
