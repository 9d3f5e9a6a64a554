"""Settings come from the file, the environment and the command line, in that order."""

from __future__ import annotations

from pathlib import Path

import pytest

from storage.settings import ENV_RETENTION, SettingsError, load_settings


def test_later_sources_win(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.delenv(ENV_RETENTION, raising=False)
    assert load_settings(tmp_path / "geen.toml").bewaartermijn_jaren == 5
    file = tmp_path / "instellingen.toml"
    file.write_text('bewaartermijn_jaren = 7\ngebruiker = "A. de Vries"\n', encoding="utf-8")
    assert load_settings(file).bewaartermijn_jaren == 7
    monkeypatch.setenv(ENV_RETENTION, "8")
    assert load_settings(file).bewaartermijn_jaren == 8
    chosen = load_settings(file, bewaartermijn_jaren=9, gebruiker=None)
    assert (chosen.bewaartermijn_jaren, chosen.gebruiker) == (9, "A. de Vries")


@pytest.mark.parametrize(
    ("text", "message"),
    [
        ("bewaartermijn_jaren = 0", "van 1 tot 100"),
        ('bewaartermijn_jaren = "vijf"', "van 1 tot 100"),
        ("bewaartermijn = 5", "'bewaartermijn' is geen instelling"),
        ("gebruiker = 3", "'gebruiker' klopt niet"),
        ("bewaartermijn_jaren = [", "is niet te lezen"),
    ],
)
def test_a_wrong_setting_is_named_in_dutch(tmp_path: Path, text: str, message: str) -> None:
    file = tmp_path / "instellingen.toml"
    file.write_text(text, encoding="utf-8")
    with pytest.raises(SettingsError, match=message):
        load_settings(file)
