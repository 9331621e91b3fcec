"""What the site tells a learner who has no kernel: setup cells start collapsed, and each explorer says what its
JupyterLab face adds."""

import pytest

from tests.browser.test_site import open_page

pytestmark = pytest.mark.browser


def test_parameter_and_check_cells_start_collapsed_and_open_on_click(browser, site):
    page, _, errors = open_page(browser, f"{site}/notebooks/01_storage/05_glacier.html")
    try:
        for tag in ("tag_parameters", "tag_validate-parameters"):
            details = page.locator(f".cell.{tag} details").first
            assert not details.evaluate("d => d.open")
            assert not details.locator(".cell_input").is_visible()
        printed = page.locator(".cell.tag_validate-parameters .cell_output").first
        assert printed.is_visible() and "parameters:" in printed.inner_text()
        summary = page.locator(".cell.tag_parameters details summary").first
        assert "parameters and checks" in summary.inner_text()
        summary.click()
        assert page.locator(".cell.tag_parameters .cell_input").first.is_visible()
        assert "data_gb" in page.locator(".cell.tag_parameters .cell_input").first.inner_text()
        assert errors == []
    finally:
        page.close()


def test_an_explorer_with_live_only_controls_says_so_under_its_figure(browser, site):
    page, _, errors = open_page(browser, f"{site}/notebooks/05_security/02_iam_policies.html")
    try:
        notes = page.locator(".awslab-figure .awslab-live-only")
        assert notes.count() >= 1
        first = notes.first
        first.scroll_into_view_if_needed()
        assert first.is_visible() and "Run the notebook in JupyterLab to also change:" in first.inner_text()
        assert errors == []
    finally:
        page.close()
