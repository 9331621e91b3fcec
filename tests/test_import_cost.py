"""A notebook's fixed cost (issue 24): what importing the course's UI pulls in, checked in a fresh interpreter."""

import subprocess
import sys


def _fresh(code: str) -> str:
    done = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, timeout=120, check=True)
    return done.stdout.strip()


def test_the_ui_does_not_compile_the_iri_grammar():
    # jsonschema (via plotly.io -> nbformat) would import rfc3987_syntax, which compiles a Lark grammar: 1-2 s.
    out = _fresh(
        "import sys, awslab.ui, jsonschema; print(sys.modules.get('rfc3987_syntax', 'absent'), 'lark' in sys.modules)"
    )
    assert out == "None False"


def test_an_earlier_import_of_rfc3987_syntax_is_left_alone():
    out = _fresh(
        "import sys, importlib.util\n"
        "have = importlib.util.find_spec('rfc3987_syntax') is not None\n"
        "if have: import rfc3987_syntax\n"
        "import awslab\n"
        "print(not have or sys.modules['rfc3987_syntax'] is not None)"
    )
    assert out == "True"
