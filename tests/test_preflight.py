"""Every notebook checks its parameters before its kernel starts: a batch run with a bad value stops with the
notebook's own message naming the parameter, and no cell runs."""

from pathlib import Path

import pytest

from awslab import runner

NOTEBOOKS = runner.find_notebooks()
IDS = [f"{p.parent.name}/{p.name}" for p in NOTEBOOKS]
# Parameters whose whole numeric range is meaningful, so no absurd number exists to reject.
UNBOUNDED = {
    "seed",  # any non-negative integer seeds numpy's generator
    "object_count",  # S3 has no limit on objects per bucket; durability arithmetic holds for any count
}


@pytest.mark.parametrize("notebook", NOTEBOOKS, ids=IDS)
def test_defaults_pass_the_notebooks_own_checks(notebook):
    runner.preflight(notebook, {})


def absurd(default):
    if isinstance(default, bool):
        return []
    if isinstance(default, (int, float)):
        return [-(10**9), 10**15]
    if isinstance(default, str):
        return [""]
    return []


@pytest.mark.parametrize("notebook", NOTEBOOKS, ids=IDS)
def test_every_parameter_is_checked_and_named(notebook):
    for param in runner.notebook_parameters(notebook):
        for value in absurd(param.default):
            if param.name in UNBOUNDED and value != -(10**9):
                continue
            with pytest.raises(ValueError) as caught:
                runner.preflight(notebook, {param.name: value})
            assert param.name in str(caught.value), f"{notebook.name}: {caught.value}"


def test_a_model_message_gets_the_parameter_it_came_from():
    notebook = runner.NOTEBOOKS / "07_management" / "01_cloudwatch.ipynb"
    with pytest.raises(ValueError, match=r"^with log_retention_days=2: days=2 is not one of: 1, 3, 5"):
        runner.preflight(notebook, {"log_retention_days": 2})


def test_a_notebook_without_a_check_cell_is_refused(tmp_path):
    source = Path(runner.NOTEBOOKS / "01_storage" / "01_s3_fundamentals.ipynb").read_text()
    copy = tmp_path / "copy.ipynb"
    copy.write_text(source.replace('"validate-parameters"', '"something-else"'))
    with pytest.raises(ValueError, match="no cell is tagged 'validate-parameters'"):
        runner.preflight(copy, {})


def test_checks_print_nothing(capsys):
    runner.preflight(runner.NOTEBOOKS / "01_storage" / "05_glacier.ipynb", {"data_gb": 5.0})
    assert capsys.readouterr() == ("", "")


def test_a_broken_check_cell_fails_that_notebook_in_one_line(tmp_path):
    source = (runner.NOTEBOOKS / "01_storage" / "05_glacier.ipynb").read_text()
    broken = tmp_path / "broken.ipynb"
    broken.write_text(source.replace("from awslab", "from awslab_missing", 1))
    result, values = runner._execute(str(broken), str(tmp_path / "out.ipynb"), {}, 60)
    assert not result.ok and values == {}
    assert result.message.startswith("its parameter check failed (no cell was run): ModuleNotFoundError")
    assert not (tmp_path / "out.ipynb").exists()
