"""Corpus in: YAML files and source texts -> a checked ``Corpus``.

The pipeline, in order: ``yaml_lines`` (YAML with the line of every key), ``reader`` (files ->
validated, located items; ``models`` are the pydantic vocabulary and ``messages`` turn its errors
into sentences), ``checks`` (ids, references, quotes via ``quotes``, relations, timing across
files), ``load`` (all of it, failing with every problem at once).
"""

from argmap.corpus.checked import Corpus
from argmap.corpus.load import load_corpus

__all__ = ["Corpus", "load_corpus"]
