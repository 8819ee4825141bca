"""Imports: maps made in other tools (AIF JSON, Argdown) -> corpus data -> corpus YAML."""
