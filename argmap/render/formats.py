"""The export formats' names and the file suffixes that name them: light enough for the command
line to offer as choices without importing the renderers (``argmap --help`` stays fast)."""

EXPORT_FORMATS = ("aif", "argdown", "graphml", "gexf", "csv", "dot", "cytoscape")
# File suffixes that name one format (.json could be AIF or Cytoscape.js, so it names none).
SUFFIXES = {".aif": "aif", ".argdown": "argdown", ".ad": "argdown", ".graphml": "graphml", ".gexf": "gexf",
            ".dot": "dot", ".gv": "dot", ".cyjs": "cytoscape"}
