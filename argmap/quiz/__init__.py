"""The quiz as data: exercises with exactly one right answer each, drawn from an ``Analysis``.

``generate`` picks and mixes the kinds; ``claims`` builds the exercises about single claims
(attribution, voice, evidence), ``links`` those about how accounts relate (relation, stance,
timing); ``model`` is the data every renderer reads; ``similar`` keeps look-alikes out of the
wrong options.
"""
