"""Pages stay light: one small stylesheet everywhere, JavaScript only on the search page."""

from __future__ import annotations

from benchmarks.page_weight import PAGE_TYPES, assets, weight

CSS_AND_JS_BUDGET = 32 * 1024  # bytes, uncompressed, for any one page


def test_css_and_js_stay_within_budget_and_only_search_has_script(real_site):
    for name, page in PAGE_TYPES.items():
        files = assets(real_site, page)
        assert all(path.exists() for path in files["css"] + files["js"]), name
        raw = weight(files["css"])[0] + weight(files["js"])[0]
        assert raw <= CSS_AND_JS_BUDGET, f"{name}: {raw} bytes of CSS and JS"
        assert bool(files["js"]) == (name == "søgning"), name
