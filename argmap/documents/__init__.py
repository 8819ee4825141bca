"""Documents as data: the debate brief and the worksheets, built from an ``Analysis``.

Renderers in ``argmap.render`` turn them into Markdown or HTML; every claim in them is a
``refs.ClaimRef`` carrying its quote and citation.
"""
