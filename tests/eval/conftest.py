"""The harness lives in the checkout's eval/ folder, not in the installed package: its tests
import it from there (as `eventwire eval` does)."""
import sys

from repo_paths import ROOT

HARNESS_PARENT = str(ROOT / "eval")
if HARNESS_PARENT not in sys.path:
    sys.path.insert(0, HARNESS_PARENT)
