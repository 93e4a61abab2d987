from plugins.kb.outputs.searchterms import compound_parts, search_terms


def test_compounds_split_into_modifier_and_inflected_head():
    assert compound_parts("praktikvejlederne") == ("praktik", "vejlederne")
    assert compound_parts("spiremedarbejdere") == ("spire", "medarbejdere")
    assert compound_parts("praktikplatformen") == ("praktik", "platformen")
    assert compound_parts("oplæringsvejleder") == ("oplærings", "vejleder")


def test_plain_words_and_short_prefixes_are_not_split():
    assert compound_parts("vejleder") == ()
    assert compound_parts("relevante") == ()
    assert compound_parts("elevplanlægning") == ()  # "plan" followed by more than an inflection


def test_terms_come_from_html_text_in_order_without_repeats():
    html = "<p>Praktikvejlederne mødte <b>spiremedarbejdere</b> og praktikvejlederne igen.</p>"
    assert search_terms(html) == ["praktik", "vejlederne", "spire", "medarbejdere"]


def test_words_already_on_the_page_are_not_repeated():
    assert search_terms("vejleder og praktikvejleder") == ["praktik"]


def test_abbreviations_add_the_long_form_and_the_long_form_adds_the_abbreviation():
    assert "pædagogisk assistent" in search_terms("Nyt fra PA-området")
    assert "luu" in search_terms("Det lokale uddannelsesudvalg, lokalt uddannelsesudvalg")
    assert "pa" not in search_terms("PA og pædagogisk assistent")


def test_a_decision_can_be_found_by_the_verb():
    assert search_terms("Beslutning Udvalget godkendte planen.")[:3] == [
        "besluttede",
        "besluttet",
        "beslutte",
    ]


def test_no_terms_for_text_without_compounds_or_abbreviations():
    assert search_terms("<p>Intet nyt.</p>") == []
