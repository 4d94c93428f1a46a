"""The per-document time limit (issue 11): work over the limit is stopped with E016, work within
it is untouched, and a limit is never set where signals cannot be used."""
import threading

import pytest

from eventwire.errors import EventwireError
from eventwire.timelimit import seconds_setting, time_limit


def _spin_forever():
    while True:
        pass


def test_work_over_the_limit_is_stopped_with_e016():
    with pytest.raises(EventwireError) as info:
        with time_limit(0.05):
            _spin_forever()
    assert info.value.code == "E016"


def test_a_stage_catching_every_exception_cannot_swallow_the_expiry():
    def stubborn():
        while True:
            try:
                _spin_forever()
            except Exception:  # what a careless stage does
                pass
    with pytest.raises(EventwireError, match="E016"):
        with time_limit(0.05):
            stubborn()


def test_work_within_the_limit_is_untouched_and_the_clock_is_stopped_after():
    import signal

    with time_limit(30):
        total = sum(range(1000))
    assert total == 499500 and signal.getitimer(signal.ITIMER_PROF)[0] == 0


def test_no_limit_outside_the_main_thread():
    out = []

    def work():
        try:
            with time_limit(0.05):
                out.append("ran")
        except Exception as exc:  # pragma: no cover - the failure this test would show
            out.append(exc)
    t = threading.Thread(target=work)
    t.start()
    t.join()
    assert out == ["ran"]


@pytest.mark.parametrize("value, seconds", [("5", 5.0), ("0", 0.0), ("-3", 300.0), ("soon", 300.0)])
def test_the_setting_is_read_with_a_default(monkeypatch, value, seconds):
    monkeypatch.setenv("EVENTWIRE_DOC_TIMEOUT", value)
    assert seconds_setting() == seconds
