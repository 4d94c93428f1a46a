"""A page whose address tells an earlier day than the given date is read from its own day."""
import eventwire


def test_pipeline_reads_relative_days_from_the_pages_own_day():
    doc = eventwire.extract("Man wounded on Elm Street\nA man was shot and wounded on Elm Street in Dayton "
                            "on Tuesday night, police said.", published="2018-04-02",
                            url="https://news.example.com/2018/03/14/man-wounded-on-elm-street")
    assert (doc.published, doc.published_from) == ("2018-03-14", "url")
    assert doc.events and doc.events[0].date.start == "2018-03-13"
