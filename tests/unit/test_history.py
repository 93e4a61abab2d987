"""Each file's last day from git's log, in Danish time; nothing known outside a full clone."""

from __future__ import annotations

import datetime as dt

from plugins.kb.storage.history import History, parse_log, read_history


def test_the_newest_commit_to_name_a_file_gives_its_day_in_danish_time():
    # 1726529400 is 16 September 2024 23:30 UTC: 17 September in Copenhagen.
    log = (
        "1726529400\0\ncontent/referater/a.md\0data/b.csv\0"
        '1718013600\0\ncontent/referater/a.md\0content/sider/c "æ\tø".md\0'
    )
    assert parse_log(log) == {
        "content/referater/a.md": dt.date(2024, 9, 17),
        "data/b.csv": dt.date(2024, 9, 17),
        'content/sider/c "æ\tø".md': dt.date(2024, 6, 10),
    }


def test_a_page_of_several_files_changed_when_the_newest_did():
    history = History({"data/t.yml": dt.date(2024, 1, 2), "data/t.csv": dt.date(2024, 3, 4)})
    assert history.last_changed("data/t.yml", "data/t.csv") == dt.date(2024, 3, 4)
    assert history.last_changed("data/ukendt.yml") is None
    assert history.newest == dt.date(2024, 3, 4)
    assert History().newest is None


def test_outside_a_repository_nothing_is_known(tmp_path):
    assert read_history(tmp_path) == History()
