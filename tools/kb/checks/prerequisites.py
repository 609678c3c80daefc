"""Prerequisite cycles between quiz modules, of any length.

A module that (through others) requires itself can never be started; the
"Start here" order would also be undefined. Each cycle is reported once,
at the first module of the cycle in file order.
"""

from __future__ import annotations

from typing import Mapping, Sequence


def prerequisite_cycles(requires: Mapping[str, Sequence[str]]) -> list[list[str]]:
    """Every elementary cycle found by a depth-first walk, as [a, b, ..., a], each once."""
    cycles: list[list[str]] = []
    seen_cycles: set[frozenset[str]] = set()
    state: dict[str, int] = {}  # 1: on the current path, 2: finished
    path: list[str] = []

    def visit(module: str) -> None:
        state[module] = 1
        path.append(module)
        for needed in requires.get(module, ()):
            if needed not in requires:
                continue  # an unknown module is reported on its own
            if state.get(needed) == 1:
                cycle = path[path.index(needed):]
                if frozenset(cycle) not in seen_cycles:
                    seen_cycles.add(frozenset(cycle))
                    cycles.append(cycle + [needed])
            elif needed not in state:
                visit(needed)
        path.pop()
        state[module] = 2

    for module in sorted(requires):
        if module not in state:
            visit(module)
    return cycles
