"""models.base.collector: the cyclic collector paused around big work, and resumed as it was."""

from __future__ import annotations

import gc
import weakref

from models.base.collector import paused, while_paused


class Node:
    def __init__(self):
        self.me = self  # a cycle: only the cyclic collector frees it


def test_nothing_is_collected_inside_and_the_collector_resumes():
    assert gc.isenabled()
    with paused():
        assert not gc.isenabled()
        kept = [[i] for i in range(20_000)]  # far more than a young generation's threshold (700)
        assert gc.get_count()[0] > 20_000    # no young collection ran
        with paused():                       # nested: leaves it off
            assert not gc.isenabled()
        assert not gc.isenabled()
    assert gc.isenabled()
    # what the block made went to the oldest generation, not back to the young one to be walked again
    assert gc.get_count()[0] < 1_000
    assert len(kept) == 20_000


def test_garbage_made_inside_is_freed_by_the_next_full_collection():
    with paused():
        node = Node()
        gone = weakref.ref(node)
        del node
    assert gone() is not None  # a cycle: still there
    gc.collect()
    assert gone() is None


def test_an_error_inside_resumes_the_collector_and_a_paused_caller_is_left_alone():
    try:
        with paused():
            raise ValueError("x")
    except ValueError:
        pass
    assert gc.isenabled()
    gc.disable()
    try:
        assert while_paused(gc.isenabled)() is False
        assert not gc.isenabled()  # the caller had it off: still off
    finally:
        gc.enable()
