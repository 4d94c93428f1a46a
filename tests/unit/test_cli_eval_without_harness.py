"""`eventwire eval` outside a checkout (pip-installed eventwire has no eval/): a clear message
and exit code 2, no traceback."""
from click.testing import CliRunner

from eventwire import cli


def test_eval_without_the_harness_says_so(tmp_path, monkeypatch):
    monkeypatch.setattr(cli, "CHECKOUT", tmp_path)
    result = CliRunner().invoke(cli.main, ["eval", "all"])
    assert result.exit_code == 2
    assert "no evaluation harness" in result.output and "checkout" in result.output
    assert result.exception is None or isinstance(result.exception, SystemExit)
