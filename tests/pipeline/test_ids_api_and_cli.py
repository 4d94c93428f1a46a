"""One article, one id: `eventwire.extract(text)` and `eventwire extract FILE` name the document
(and so its events) the same way."""
import json

import pytest
from click.testing import CliRunner

import eventwire
from eventwire.cli import main

ARTICLE = ("Shelling kills nine in Sudan's El Fasher\n\n"
           "Artillery shells struck a crowded market in El Fasher, Sudan, on Tuesday, killing nine "
           "civilians, medics said.\n")


@pytest.mark.parametrize("newline", ["\n", "\r\n"])
def test_api_and_cli_give_one_article_one_id(tmp_path, newline):
    path = tmp_path / "a.txt"
    path.write_bytes(ARTICLE.replace("\n", newline).encode("utf-8"))
    result = CliRunner().invoke(main, ["extract", str(path), "--published", "2024-06-12"], catch_exceptions=False)
    from_cli = json.loads(result.output)
    from_api = eventwire.extract(ARTICLE, published="2024-06-12")
    assert from_cli["id"] == from_api.id
    assert [e["id"] for e in from_cli["events"]] == [e.id for e in from_api.events] != []
