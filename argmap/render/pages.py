"""What every generated page shares: a locked-down Jinja environment and inline assets.

Pages are single offline files. Corpus text is data, so autoescape is always on and data reaches
scripts only as JSON inside ``<script type="application/json">`` (Jinja's ``tojson`` escapes
``<``, ``>``, ``&`` and quotes). Each executable inline script is allowed by its SHA-256 hash in
the Content-Security-Policy, so even an injected ``onerror=`` attribute could not run.
"""

from __future__ import annotations

import base64
import hashlib
from functools import lru_cache
from pathlib import Path
from typing import Any

from jinja2 import Environment, FileSystemLoader, StrictUndefined, select_autoescape
from markupsafe import Markup

from argmap.render.compiled import bytecode_cache

TEMPLATES = Path(__file__).parent / "templates"


@lru_cache(maxsize=None)
def environment() -> Environment:
    """The one Jinja environment, made once per process (compiled templates are kept in it)."""
    env = Environment(
        loader=FileSystemLoader(TEMPLATES),
        autoescape=select_autoescape(default=True, default_for_string=True),
        undefined=StrictUndefined,
        trim_blocks=True,
        lstrip_blocks=True,
        keep_trailing_newline=True,
        bytecode_cache=bytecode_cache(),
    )
    env.globals["csp"] = content_security_policy
    env.globals["asset"] = asset
    env.filters["asset"] = asset
    return env


@lru_cache(maxsize=None)
def asset(name: str) -> Markup:
    """A file from templates/ (or pyvis's vis-network bundle), to inline verbatim."""
    if name.startswith("vis-network."):
        path = _vis_dir() / name
    else:
        path = TEMPLATES / name
    text = path.read_text(encoding="utf-8")
    if "</script" in text.lower():
        raise RuntimeError(f"{name} contains '</script' and cannot be inlined")
    return Markup(text)


def _vis_dir() -> Path:
    # pyvis ships vis-network; find the file without importing pyvis (which imports IPython and
    # jsonpickle, and whose own template loads Bootstrap from a CDN).
    import importlib.util

    spec = importlib.util.find_spec("pyvis")
    if spec is None or spec.origin is None:
        raise RuntimeError("pyvis is not installed")
    return Path(spec.origin).parent / "templates" / "lib" / "vis-9.1.2"


def script_hash(script: str) -> str:
    digest = hashlib.sha256(script.encode("utf-8")).digest()
    return "'sha256-" + base64.b64encode(digest).decode("ascii") + "'"


def content_security_policy(*scripts: str) -> Markup:
    sources = " ".join(script_hash(str(s)) for s in scripts) or "'none'"
    policy = (
        "default-src 'none'; "
        f"script-src {sources}; "
        "style-src 'unsafe-inline'; "
        "img-src data:; font-src data:; connect-src 'none'; "
        "base-uri 'none'; form-action 'none'"
    )
    return Markup('<meta http-equiv="Content-Security-Policy" content="') + policy + Markup('">')


def render(template: str, **context: Any) -> str:
    """Render a template from templates/ with ``context`` (corpus text is escaped)."""
    return environment().get_template(template).render(**context)
