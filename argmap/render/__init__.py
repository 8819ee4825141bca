"""Renderers: one module per output format; each takes data and returns text."""
