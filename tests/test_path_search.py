"""The warm-path search's shortcuts change nothing: lazy tie weighing and resumed searches.

The best-first search (``PathFinder.settle``) weighs a tie only when a cheap lower bound of
its cost (``TieModel.min_cost``) comes off the heap, and a search can be resumed with a higher
node limit. Both must settle exactly the nodes, in exactly the order and with exactly the
costs, of the plain Dijkstra search written out below (the search as first written).
"""

from __future__ import annotations

import heapq
import importlib.util
import math
import random
import sys
from datetime import date
from pathlib import Path

import pytest

from graphnet import load
from graphnet.analyses.strength import TieModel
from graphnet.analyses.warm_paths import MIN_SCORE, PathFinder, _Settler
from graphnet.model import ME

TODAY = date(2026, 11, 25)
ROOT = Path(__file__).resolve().parent.parent


def _generated(folder: Path, people: int, seed: int) -> Path:
    spec = importlib.util.spec_from_file_location("bench_generate_search", ROOT / "benchmarks" / "generate.py")
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    sys.modules[spec.name] = module
    spec.loader.exec_module(module)
    module.generate(folder, people, seed)
    return folder


@pytest.fixture(scope="module")
def networks(tmp_path_factory: pytest.TempPathFactory) -> list[TieModel]:
    models = []
    for root in (ROOT / "data", _generated(tmp_path_factory.mktemp("net600"), 600, 3)):
        net, problems = load(root, today=TODAY, use_cache=False)
        assert not [p for p in problems if p.is_error]
        models.append(TieModel(net, TODAY))
    return models


def plain_settle(model: TieModel, ends: dict[str, float], limit: int) -> tuple[list[tuple[str, float]], bool]:
    """Dijkstra backwards from the insiders, weighing every tie as soon as it is seen.

    A tie hop other -> node repeating a declined introduction costs the penalty's −log more.
    """
    penalty = PathFinder(model).hop_penalty
    social, memberships = model.social, model.memberships
    limit = max(limit, len(ends) + 1)
    fanout = max(model.settings.path_max_fanout, 1)
    max_cost = -math.log(MIN_SCORE)
    best = {node: -math.log(max(trust, 1e-12)) for node, trust in ends.items()}
    heap = [(cost, node) for node, cost in best.items()]
    heapq.heapify(heap)
    done: dict[str, float] = {}
    while heap:
        cost, node = heapq.heappop(heap)
        if node in done:
            continue
        if len(done) >= limit or cost > max_cost:
            return list(done.items()), False
        done[node] = cost
        steps = []
        if node in social:
            for other in social[node]:
                if other != ME and other not in done:
                    steps.append((other, -math.log(model.weight(node, other)) + penalty(other, node)))
            for place in memberships.get(node, ()):
                if place not in done:
                    steps.append((place, -math.log(model.membership_weight(node, place))))
        else:
            members = model.members.get(node, [])
            if len(members) > fanout:
                members = model.ranked_members(node)[:fanout]
            for member in members:
                if member != ME and member not in done:
                    steps.append((member, -math.log(model.membership_weight(member, node))))
        for other, step in steps:
            if cost + step < best.get(other, math.inf):
                best[other] = cost + step
                heapq.heappush(heap, (cost + step, other))
    return list(done.items()), True


def test_min_cost_never_exceeds_the_cost(networks: list[TieModel]) -> None:
    for model in networks:
        fresh = TieModel(model.net, TODAY)  # bounds taken before any tie is weighed
        pairs = [(a, b) for a, row in fresh.social.items() for b in row if a < b]
        assert len(pairs) > 50
        bounds = {(a, b): fresh.min_cost(a, b) for a, b in pairs}
        for (a, b), bound in bounds.items():
            assert 0 <= bound <= fresh.cost(a, b) + 1e-12, (a, b)
            assert fresh.min_cost(a, b) == fresh.cost(a, b)  # exact once the tie is weighed
        # The bound does prune: most ties between two people have no dated record and share one value.
        assert len({round(v, 9) for (a, b), v in bounds.items() if ME not in (a, b)}) < len(bounds)


def test_the_sample_declined_introduction_is_charged_in_the_search(networks: list[TieModel]) -> None:
    # data/: Nikhil Rao declined to introduce me to Wendy Tran (at Cascade Health). Backwards from
    # Cascade Health, Nikhil's cost is Wendy's (0, an insider) plus the tie's cost plus −log(0.1).
    model = networks[0]
    finder = PathFinder(model)
    assert finder.hop_penalty("nikhil-rao", "wendy-tran") == pytest.approx(math.log(10))
    assert finder.hop_penalty("wendy-tran", "nikhil-rao") == 0.0
    done, _ = finder.settle(finder.insiders("cascade-health", "organization"), 3000)
    assert done["nikhil-rao"] == pytest.approx(model.cost("nikhil-rao", "wendy-tran") + math.log(10))


def test_lazy_search_settles_what_the_plain_search_settles(networks: list[TieModel]) -> None:
    rng = random.Random(11)
    for model in networks:
        finder = PathFinder(model)
        net = model.net
        targets = [(org, "organization") for org in sorted(net.organizations)]
        targets = rng.sample(targets, min(8, len(targets))) + [(p, "person") for p in rng.sample(sorted(net.people), 8)]
        for target, kind in targets:
            ends = finder.insiders(target, kind)
            if not ends:
                continue
            for limit in (5, 40, 300):
                reference = plain_settle(TieModel(net, TODAY), ends, limit)
                done, ran_out = finder.settle(ends, limit)
                assert (list(done.items()), ran_out) == reference, (target, limit)


def test_a_resumed_search_equals_a_fresh_one(networks: list[TieModel]) -> None:
    model = networks[1]
    finder = PathFinder(model)
    for org in sorted(model.net.organizations)[:6]:
        ends = finder.insiders(org, "organization")
        if not ends:
            continue
        search = _Settler(finder, ends)
        for limit in (10, 50, 200, 800):
            done, ran_out = search.run(limit)
            assert (list(done.items()), ran_out) == plain_settle(model, ends, limit), (org, limit)


def test_no_bound_when_a_setting_could_break_monotonicity(networks: list[TieModel]) -> None:
    net = networks[0].net
    saved = net.me.settings.tie_weight_frequency
    net.me.settings.tie_weight_frequency = -0.1
    try:
        model = TieModel(net, TODAY)
        a, row = next((a, row) for a, row in model.social.items() if a != ME and any(b != ME for b in row))
        b = next(b for b in row if b != ME)
        assert model.min_cost(a, b) == model.cost(a, b)
    finally:
        net.me.settings.tie_weight_frequency = saved
