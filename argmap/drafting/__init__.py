"""Bring your own texts: draft claims from a text, suggest links across authors, list what is unmapped.

The pipeline, in order: ``text`` (a text -> its body, paragraphs, sentences and clauses, with
offsets; page furniture recognised), ``guess`` (a sentence -> a claim type, a voice and speaker,
an id, a paraphrase to edit), ``draft`` (a text -> a drafted source file), ``similarity`` and
``suggest`` (a graph -> ranked candidate links with a reason and a guessed kind), ``review``
(the suggestions file: read, write, accept into relations.yaml), ``gaps`` (the curator's to-do
list), ``schema`` (the JSON Schema of the corpus files), ``yaml_text`` (YAML written as text, so
comments survive). Nothing here reads the network; the optional sentence-embedding model
(``embeddings``) loads from an installed package only.
"""
