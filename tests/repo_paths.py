"""Test helper: where the checkout, its labelled data and ../shared are, from any test folder."""
import os
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent  # the checkout
DATA = ROOT / "tests" / "data"  # the team's labelled sets
SHARED = Path(os.environ.get("EVENTWIRE_SHARED", ROOT.parent / "shared"))  # evaluation data, not shipped
