"""Detection behaviour, rule by rule of ANNOTATION.md, on text written for these tests."""

from __future__ import annotations

import pytest

from attrlint.analysis.article import analyse
from attrlint.analysis.lexicons import default_lexicons
from attrlint.analysis.numbers import find_quantities
from attrlint.readers.plaintext import PlainTextReader
from tests.conftest import lint_text


def quantities(text: str) -> list[str]:
    return [text[q.start : q.end] for q in find_quantities(text, 0, len(text), default_lexicons())]


def analysed(text: str):
    return analyse(PlainTextReader().read("t.txt", text)).sentences


def codes(text: str) -> list[str]:
    return [f.rule for f in lint_text(text)]


# --- quantities -------------------------------------------------------------------------

@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Pyongyang sent 14,000 troops.", ["14,000 troops"]),
        ("It controls up to 70% of the artillery.", ["up to 70%"]),
        ("The deal is worth $5bn.", ["$5bn"]),
        ("Fines reached 3 million euros.", ["3 million euros"]),
        ("Turnout was 58 per cent.", ["58 per cent"]),
        ("At least 148 people died.", ["At least 148 people"]),
        ("Between 10 and 20 boats sank.", ["Between 10 and 20 boats"]),
        ("Fourteen thousand soldiers crossed.", ["Fourteen thousand soldiers"]),
        ("Two-thirds of voters agreed.", ["Two-thirds of"]),
        ("Half of the budget went to defence.", ["Half of"]),
        ("Millions of shells were supplied.", ["Millions of"]),
        ("Dozens of homes burned.", ["Dozens of"]),
        ("Exports doubled.", ["doubled"]),
        ("It is the third-largest bank.", ["third-largest"]),
        ("The wall is 15 meters high.", ["15 meters"]),
        ("Prices fell by a third.", ["by a third"]),
        ("One in five adults smoke.", ["One in five"]),
    ],
)
def test_quantities_found(text, expected):
    assert quantities(text) == expected


@pytest.mark.parametrize(
    "text",
    [
        "The war began in 2022.",
        "It happened on July 4, 1998.",
        "The meeting is on 12 March.",
        "The blast came at 06:57 local time.",
        "The strike began at 10 p.m.",
        "Smith, 45, was arrested.",
        "A 45-year-old man was arrested.",
        "The KN-23 and Hwasong-11 missiles were fired.",
        "COVID-19 spread in the G7 states.",
        "Article 5 applies to Route 66.",
        "1. Preheat the oven.",
        "One of the reasons is cost.",
        "The 1990s were calm.",
        "The two-way radio failed.",
        "Three kinds of drums are played.",
    ],
)
def test_not_quantities(text):
    assert quantities(text) == []


# --- attribution cues and their quality -------------------------------------------------

@pytest.mark.parametrize(
    ("text", "quality"),
    [
        ("Sales rose 43%, according to Ford.", "named"),
        ("Ford said sales rose 43%.", "named"),
        ('"Sales rose 43%," said Ford.', "named"),
        ("Major General Fuad Basya, a spokesman for the military, said 600 people were rescued.", "named"),
        ("The ministry announced that 12 people died.", "named"),
        ("Aso asked officials to draw up plans.", "named"),
        ("Sales rose 43%, citing company figures.", "named"),
        ("Senator Cornyn issued a statement on the decision.", "named"),
        ("The researchers found that yields fell 10%.", "named"),
        ("Pentagon officials said 3,000 troops arrived.", "named"),
        ("Analysts at the Stimson Center estimate 3,000 troops arrived.", "named"),
        ("Experts say 3,000 troops arrived.", "vague"),
        ("Officials said 3,000 troops arrived.", "vague"),
        ("Recent reports have revealed that 3,000 troops arrived.", "vague"),
        ("A new study found that 40% of children lack iodine.", "vague"),
        ("According to circulating figures, 3,000 troops arrived.", "vague"),
        ('"The site is down," said the post by an unknown author.', "vague"),
    ],
)
def test_cue_quality(text, quality):
    (sa,) = analysed(text)
    assert {c.quality for c in sa.cues} == {quality}


@pytest.mark.parametrize(
    "text",
    [
        "Apple unveiled the iPad.",
        "GM named a new chief.",
        "The central bank offered a 60 billion rouble loan.",
        "The robots were required to recognize balls.",
        "Police arrested and questioned the student.",
        "She speaks Uzbek and Russian.",
        "A teacher thought it resembled a bomb.",
        "The economy added 200,000 jobs.",
        "The law bans migrants from claiming asylum.",
        "Troops entered the United States.",
        "The annual report period ended.",
    ],
)
def test_actions_source_nothing(text):
    (sa,) = analysed(text)
    assert not sa.named_cues and not sa.attributed


# --- scope -----------------------------------------------------------------------------

def test_attribution_does_not_cross_a_paragraph_break():
    text = "The ministry said 12 people died.\n\nAnother 30 were injured."
    assert codes(text) == ["ATR001"]


def test_pronoun_continues_the_account():
    assert "ATR001" not in codes("The ministry said 12 people died. It added that 30 were hurt.")


def test_new_figures_in_the_writers_voice_are_not_covered():
    assert codes("The ministry said 12 people died. The plant employs 2,000 workers.") == ["ATR001"]


def test_quotation_sentences_share_their_speaker():
    text = '"We lost 40 tanks," the general said. "We will lose 40 more."'
    assert codes(text) == []


def test_colon_introduces_a_sourced_quotation():
    assert codes('The minister told parliament: "We have 2,000 beds ready."') == []


def test_trailing_attribution_in_next_sentence_covers_a_quotation():
    assert codes('"We have 2,000 beds ready. Nobody will be turned away," the minister said.') == []


def test_quotation_left_open_carries_over_the_paragraph_break():
    text = 'The mayor said: "We will rebuild 300 homes.\n\n"We will also open 12 schools."'
    assert codes(text) == []


def test_new_quotation_in_a_new_paragraph_needs_a_speaker():
    text = '"We will rebuild," the mayor said.\n\n"We will also open new schools next year."'
    assert "ATR004" in codes(text)


# A body that issues, releases or puts out a statement, a report or a note speaks what it
# says: the quotation after "saying", "that said" or "which read" is its own.
@pytest.mark.parametrize(
    "intro",
    [
        "The drivers' union issued a statement saying",
        "The drivers' union issued statement saying",  # the article left out
        "The drivers' union released a short statement that said",
        "The regional council put out a note which read:",
        "The health board released a report saying",
        "The drivers' union issued a joint statement, saying",
        "In a statement, the drivers' union said:",
    ],
)
def test_issued_statement_speaks_the_quotation(intro):
    text = (f'Buses stopped running across the valley on Monday. {intro} "Our members will not drive buses whose '
            'brakes have failed their inspections twice in a single winter.'
            ' Nobody should be asked to take that risk with children on board."')
    sentences = analysed(text)
    quoted = [sa for sa in sentences if sa.quote_group >= 0]
    assert len(quoted) == 2 and any(sa.claim_kind == "quote" for sa in quoted)
    assert all(sa.attributed and sa.source.quality == "named" for sa in quoted)
    assert "ATR004" not in codes(text)


@pytest.mark.parametrize(
    "text",
    [
        "Police released prisoners after the review.",
        "The gallery published photographs of the statement pieces.",
    ],
)
def test_publishing_something_else_is_no_statement(text):
    (sa,) = analysed(text)
    assert not any(c.kind == "issued" for c in sa.cues)


# The source a cue names is a noun phrase: it ends before the verb group and before a
# prepositional phrase that names nothing.
@pytest.mark.parametrize(
    ("text", "source"),
    [
        ("Both cities have now confirmed the size of the transfer.", "Both cities"),
        ("Regional officials have long warned that the dam would fail.", "Regional officials"),
        ("The Lindqvist Institute just released a report on river levels.", "The Lindqvist Institute"),
        ("A research team has now published a review of the excavations.", "A research team"),
        ('The ferry operator issued a notice, saying "Crossings resume at noon."', "The ferry operator"),
        ("Dr Amsel noted the findings show the river is cleaner.", "Dr Amsel"),
        ("Analysts at the Stimson Center estimate that 3,000 troops arrived.", "Analysts at the Stimson Center"),
        ("Engineers working on the new survey said the bridge was sound.", "Engineers working on the new survey"),
    ],
)
def test_cue_source_is_a_noun_phrase(text, source):
    (sa,) = analysed(text)
    assert sa.cues and {c.source for c in sa.cues if c.kind in ("verb", "issued")} == {source}


def test_prepositional_tail_naming_nothing_is_cut():
    from attrlint.analysis.attribution import source_phrase

    assert source_phrase("a bargaining chip in peace") == "a bargaining chip"
    assert source_phrase("residents in the flooded streets") == "residents"
    assert source_phrase("a doctor at a burn hospital in Herat") == "a doctor at a burn hospital in Herat"
    assert source_phrase("the pilots union") == "the pilots union"


def test_unsourced_clause_joined_to_a_sourced_one_is_flagged():
    findings = lint_text("The broadcasts began on Monday, and South Korea says they will continue.")
    (finding,) = findings
    assert finding.rule == "ATR003"
    assert finding.evidence["claim"] == "The broadcasts began on Monday"


def test_window_zero_turns_off_neighbour_attribution():
    from attrlint.analysis.article import AnalysisOptions

    doc = PlainTextReader().read("t.txt", "The ministry said 12 people died. They all worked in the mine.")
    assert analyse(doc).sentences[1].attributed
    assert not analyse(doc, options=AnalysisOptions(window=0)).sentences[1].attributed


def test_links_count_as_citations_unless_turned_off():
    from attrlint.analysis.article import AnalysisOptions
    from attrlint.document.model import Span

    text = "North Korea sent 14,000 troops."
    doc = PlainTextReader().read("t.txt", text)
    doc.citations.append(Span(0, 11))
    assert analyse(doc).sentences[0].attributed
    assert not analyse(doc, options=AnalysisOptions(links_are_citations=False)).sentences[0].attributed


def test_exempt_patterns_make_public_record_figures_no_claim():
    from attrlint.analysis.article import AnalysisOptions

    doc = PlainTextReader().read("t.txt", "Shares closed at $41.20 on Friday.")
    options = AnalysisOptions(exempt=(r"closed at \$[\d.]+",))
    assert analyse(doc).sentences[0].quantities
    assert not analyse(doc, options=options).sentences[0].quantities


# --- what is not a claim ---------------------------------------------------------------

@pytest.mark.parametrize(
    ("text", "reason"),
    [
        ("Headline here\n\nFriday, July 21, 2017\n\nBody text that is long enough.", "dateline"),
        ("Headline here\n\nLyon, France - The strike ended.", "dateline"),
        ("Headline here\n\nWhy did the army leave the city?", "question"),
        ("Headline here\n\nResults of the vote in the north\n\nThe vote was held.", "heading"),
        ("Headline here\n\nThe launch.\nImage: NASA.", "credit or byline"),
        ("Headline here\n\nThe launch pad at dawn.\n\nImage: NASA.", "photo caption"),
        ("Headline here\n\nThe current flag of New Zealand.", "fragment without a verb (a label or caption)"),
        ("Headline here\n\nThe attackers could sneak into the network.", "the writer's speculation or advice"),
        ("Headline here\n\nEach animal wears a collar around its neck.", "explains how something works"),
        ("Headline here\n\nIf the talks fail, the strike will go on.", "the writer's speculation"),
        ("Headline here\n\nPerhaps the talks will resume.", "the writer's speculation"),
        ("Headline here\n\nThe strike will probably cost 300 jobs.", "the writer's speculation"),
        ("Headline here\n\nBut hopefully the port reopens soon.", "the writer's speculation"),
        ("Headline here\n\nAfter the vote, it is sad to see the council so divided.", "the writer's speculation"),
        ("Headline here\n\nHere are five lessons from the strike:", "introduces a list"),
        ("Headline here\n\nStay tuned for more election coverage.", "instruction to the reader"),
        ("Why ports are running out of cranes", "question"),
        ("Headline here\n\nThe strike was sparked, I think, by the closures.", "the writer's speculation"),
        ("Headline here\n\nHarbour Times reporters attended the launch and spoke to workers.",
         "the outlet on its own reporting"),
        ("Headline here\n\nThe strike shouldn't have lasted this long.", "the writer's speculation"),
        ("Headline here\n\nAfter the flood, it seemed like the town had given up.", "the writer's speculation"),
    ],
)
def test_not_a_claim(text, reason):
    index = {"dateline": 1, "heading": 1, "photo caption": 1}.get(reason, -1)
    last = analysed(text)[index]
    assert last.claim_kind is None
    assert last.not_claim.startswith(reason)


def test_headline_is_a_claim():
    (sa,) = analysed("Rebels seize the northern port")
    assert sa.claim_kind == "factual"


# --- vague hedges ---------------------------------------------------------------------

def test_hedge_inside_a_named_account_is_not_vague():
    assert "ATR002" not in codes("Officials at the ministry said he allegedly left with the files.")


def test_hedge_before_the_speaker_is_vague():
    assert "ATR002" in codes("Allegedly, his sister pleaded with him, but he replied that he could not.")


@pytest.mark.parametrize(
    "text",
    [
        "The dam is thought to be the largest in Asia.",
        "The parents are accused of neglect.",
        "Reports: the minister will resign",
        "Media reports said 40 people died.",
        "Many believe the vote was rigged.",
    ],
)
def test_vague_phrases(text):
    assert "ATR002" in codes(text)


def test_the_sources_pointed_back_at_are_still_vague():
    assert "ATR002" in codes("The sources claimed the chief would resign within weeks.")
    assert "ATR002" not in codes("The sources at the ministry claimed the chief would resign within weeks.")


@pytest.mark.parametrize(
    "text",
    [
        "It was revealed that the mill would close in spring.",
        "The new valve has been found to stop the leaks.",
        "The opening of the bridge is now anticipated to slip to autumn.",
        "The harbour police have also been accused of taking bribes.",
        "The mayor has repeatedly been criticised for the delays.",
        "The canal was often touted as the answer to the drought.",
        "The origin of the coins was also debated at length.",
        "The new ferry was also announced at the fair.",
        "The cause of the fire is widely accepted to be a faulty heater.",
        "The governors are seen by farmers as partners of the mill owners.",
        "The storm killed an estimated 300 people in the delta.",
        "A ruling on the appeal is expected next week.",
        "The new line is also expected to open in May.",
        "The harbour master is best known for his rescue of the trawler crew.",
    ],
)
def test_agentless_passives_that_carry_the_claim_are_vague(text):
    assert "ATR002" in codes(text)


@pytest.mark.parametrize(
    "text",
    [
        "The shop closed the day the merger was announced.",
        "The new ferry was announced by the harbour board.",
        "It was decided that the ferry would run twice a day.",
        "The mill's ownership is disputed between two families.",
    ],
)
def test_passives_with_an_agent_or_in_a_time_clause_are_not_vague(text):
    assert "ATR002" not in codes(text)


def test_a_passive_inside_a_named_speakers_quotation_is_theirs():
    text = 'The council argued, "this kind of fair is considered as a market."'
    assert "ATR002" not in codes(text)
    assert "ATR002" in codes("This kind of fair is considered as a market.")


@pytest.mark.parametrize(
    "text",
    [
        "Scientists think the cave is older than the town.",
        "Many people feel that the ferry fares are too high.",
        "Other experts are cautious about the new dating.",
        "Some are now questioning the cost of the bridge.",
        "Several analysts have pointed to the weak exports.",
        "Supporters fear the clinic will close next year.",
        "Several past surveys have provided strong evidence that the lake is shrinking.",
    ],
)
def test_an_unnamed_group_that_thinks_or_doubts_is_vague(text):
    (sa,) = analysed(text)
    assert [c.quality for c in sa.cues] == ["vague"]


@pytest.mark.parametrize(
    "text",
    [
        "The mayor thinks the cave is older than the town.",
        "Harbour board officials fear the clinic will close next year.",
        "I think the ferry fares are too high.",
        "Analysts at the Stimson Center are cautious about the deal.",
    ],
)
def test_a_named_source_that_thinks_makes_no_cue(text):
    (sa,) = analysed(text)
    assert not sa.vague_cues


@pytest.mark.parametrize(
    "text",
    [
        "Photos of the harbour showed 12 sunken boats.",
        "New evidence suggests the wreck lies further north.",
        "Data suggests few drivers obey the limit.",
        "Figures to be released today show 4,000 more nurses left.",
        "Recent reviews have found that the drug works in one of six patients.",
    ],
)
def test_unidentified_evidence_as_the_source_is_vague(text):
    (sa,) = analysed(text)
    assert [c.quality for c in sa.cues] == ["vague"]


@pytest.mark.parametrize(
    "text",
    [
        "The data suggests few drivers obey the limit.",
        "Data from the Transport Agency suggests few drivers obey the limit.",
        "These were the images Reuters showed at the opening.",
        "Sales rose, according to figures released May 4 by Kantar.",
        "There is no evidence the virus alleged to have spread was real.",
    ],
)
def test_identified_or_absent_evidence_is_not_vague(text):
    (sa,) = analysed(text)
    assert not sa.vague_cues


@pytest.mark.parametrize(
    ("text", "vague"),
    [
        ("Study: Coffee drinkers sleep less", True),
        ("Half of the lakes have dried up – new study", True),
        ("Please fill in this short survey: example.org/form.", False),
        ("From the same Harbour Board study:", False),
    ],
)
def test_a_headline_hedged_on_an_unnamed_study(text, vague):
    (sa,) = analysed(text)
    assert bool(sa.vague_cues) == vague


def test_inverted_subject_with_irregular_spacing_keeps_exact_offsets():
    text = '"We won 3-0,"  said   the  coach\n of the  team.'
    (sa,) = analysed(text)
    (cue,) = sa.named_cues
    assert text[cue.start : cue.end].startswith("said") and cue.end <= len(text)


def test_bare_and_before_the_speaker_still_splits_the_clauses():
    findings = lint_text("The broadcasts began on August 10 and South Korea says they will continue.")
    assert [f.rule for f in findings] == ["ATR003"]


def test_noun_after_a_gerund_is_not_a_verb():
    (sa,) = analysed("The commission is investigating claims that the army used phosphorus.")
    assert not sa.named_cues


@pytest.mark.parametrize(
    ("text", "source"),
    [
        ("President Donald Trump personally asked the council to help.", "President Donald Trump"),
        ("Officials in Italy said the law applies.", "Officials in Italy"),
        ("When Burnidge spoke to reporters, he said the fences work.", "he"),
    ],
)
def test_source_phrases_are_clean(text, source):
    (sa,) = analysed(text)
    assert sa.named_cues[-1].source == source


def test_demonstratives_are_not_speakers():
    (sa,) = analysed("That explains the delay.")
    assert not sa.cues


def test_title_case_headline_is_a_label():
    (sa,) = analysed("Virtual Fences for Cows Show Benefits")
    assert sa.claim_kind is None and sa.not_claim.startswith("title-case heading")


@pytest.mark.parametrize(
    ("text", "expected"),
    [("It paid US$5,000.", ["US$5,000"]), ("Output rose tenfold.", ["tenfold"]),
     ("Output rose ten-fold.", ["ten-fold"])],
)
def test_currency_prefixes_and_fold_multipliers(text, expected):
    assert quantities(text) == expected


# --- subjects of communication verbs ------------------------------------------------------

@pytest.mark.parametrize(
    ("text", "source"),
    [
        ("Both the city council and the harbour police have asserted that the fire was an accident.",
         "the harbour police"),
        ("After the floods, the Roads and Bridges Agency urged drivers to stay home.",
         "the Roads and Bridges Agency"),
        ("WHO say the vaccine is safe.", "WHO"),
        ("A smaller share of French voters – 31 percent – report trusting the press.",
         "A smaller share of French voters"),
        ("The minister, in remarks to reporters, said 40 schools would close.", "The minister"),
    ],
)
def test_subject_found_across_names_dashes_and_phrases(text, source):
    (sa,) = analysed(text)
    assert sa.source is not None and sa.source.source == source


def test_a_name_joined_by_and_is_not_a_clause_of_its_own():
    assert codes("Both the city council and the harbour police have asserted that the fire was an accident.") == []


@pytest.mark.parametrize(
    "text",
    [
        "The parade ends with a 12 meter dragon, a laser light show and fireworks.",
        "The village lies in the far north, in the mountain state, 300 kilometers from the capital.",
        "The collar holds a radio signal receiver for 40 days.",
    ],
)
def test_nouns_shaped_like_verbs_source_nothing(text):
    (sa,) = analysed(text)
    assert not sa.named_cues
    assert codes(text) == ["ATR001"]


def test_capitalised_ing_word_is_a_name_not_a_verb():
    _, sa = analysed("The festival opened.\n\nThe Irving and Reading office.")
    assert sa.claim_kind is None and sa.not_claim.startswith("fragment")


def test_clause_after_but_is_outside_a_vague_passive():
    findings = lint_text("No injuries were reported at the port, but the navy moved 300 sailors inland.")
    assert sorted(f.rule for f in findings) == ["ATR001", "ATR002"]
    (numeric,) = [f for f in findings if f.rule == "ATR001"]
    assert numeric.evidence["claim"] == "300 sailors"


def test_hedge_adverb_keeps_the_whole_sentence_vague():
    findings = lint_text("The rebels allegedly took the town, but the army still holds 300 prisoners.")
    assert [f.rule for f in findings] == ["ATR002"]


def test_continue_before_a_comma_joins_clauses_rather_than_speech():
    (sa,) = analysed("While the checks will continue, the border guards will turn back 40 trucks a day.")
    assert not sa.named_cues
    (sa,) = analysed('"We will not stop," she continued, "until the law changes."')
    assert sa.named_cues


@pytest.mark.parametrize(
    ("text", "sourced"),
    [
        ("The survey shows 40 percent of nurses plan to quit.", True),
        ("Photos from the Coast Guard showed 12 sunken boats.", True),
        ("The 30 marchers show the city that the protest is alive.", False),
        ("She related how 40 villagers escaped the flood.", True),
        ("The town keeps a 300 year old tradition of harvest related dances.", False),
    ],
)
def test_show_and_relate_report_only_as_findings_or_with_a_clause(text, sourced):
    (sa,) = analysed(text)
    assert bool(sa.named_cues) == sourced


@pytest.mark.parametrize(
    "text",
    [
        "The survey counted 40 percent more cyclists than last year.",
        "In the report, 12 hospitals were rated unsafe.",
        '"It was 3 to 1 for the home side, and a long season." - Maria Lopes',
    ],
)
def test_a_named_document_or_a_dash_credit_sources_the_sentence(text):
    assert codes(text) == []


def test_an_indefinite_document_is_still_vague():
    assert "ATR002" in codes("A new study found 40 percent more cyclists.")


def test_a_new_straight_quotation_after_an_open_one_is_not_its_continuation():
    text = ('The mayor said, "We lost the vote.\n\n'
            'The port was also proposed. The governor said, "The port put in a great effort. '
            'Its 300 cranes would have been a perfect fit.')
    last = analysed(text)[-1]
    assert last.is_quote and last.source is not None


def test_the_percentage_continues_the_sourced_account():
    text = ("Only 35 percent of voters trust the press, the survey found. "
            "The percentage was lower in Spain (28 percent).")
    assert codes(text) == []


def test_a_connective_continues_the_findings_of_a_study():
    text = ("The county survey found that 70 percent of wells were dry. "
            "However, wells near the river held 20 percent more water.")
    assert codes(text) == []
    text = "The mayor said 70 percent of wells were dry. However, wells near the river held 20 percent more water."
    assert codes(text) == ["ATR001"]


@pytest.mark.parametrize(
    "text",
    [
        "The figures on 300 closed schools come from the education ministry.",
        "The claim that the dam leaked came from an engineer at the plant.",
        "The club invites every member to run 5 kilometres for the hospital.",
    ],
)
def test_information_coming_from_a_source_and_invitations_are_attributed(text):
    assert codes(text) == []


def test_coming_from_a_place_sources_nothing():
    assert codes("The 300 refugees came from the northern villages.") == ["ATR001"]


@pytest.mark.parametrize(
    "text",
    [
        "Police investigating claim of a leak at the plant.",
        "Secret army document found on a train.",
    ],
)
def test_objects_and_things_found_somewhere_source_nothing(text):
    (sa,) = analysed(text)
    assert not sa.named_cues


@pytest.mark.parametrize(
    "text",
    [
        "The vote came before the 2014 protests.",
        "She lives in the southern U.S. state of Ohio.",
        "Tensions flared after a disputed election.",
        "The guards countered the attack by closing the gates.",
        'To "walk out" in union jargon refers to a strike.',
    ],
)
def test_verb_shaped_nouns_adjectives_and_actions_source_nothing(text):
    (sa,) = analysed(text)
    assert not sa.named_cues


@pytest.mark.parametrize(
    ("text", "source"),
    [
        ('"It was worse," Omar Haddad, editor at large at the Gazette, said.', "editor at large at the Gazette"),
        ('"It was worse," Omar Haddad, the editor at large at the Harbour Gazette, said.',
         "large at the Harbour Gazette"),
        ('"The port lost 12 cranes and 251", said the agency.', "the agency."),
        ("The minister countered that the port had 12 cranes.", "The minister"),
    ],
)
def test_speakers_still_found_next_to_numbers_and_long_appositives(text, source):
    (sa,) = analysed(text)
    assert sa.named_cues and sa.named_cues[0].source == source


def test_a_share_of_what_the_sourced_sentence_counted_continues_it():
    text = ("The navy said it had recorded 44 incidents at sea. "
            "At least 11 of the incidents involved fishing boats.")
    assert codes(text) == []
    text = ("The navy said it had recorded 44 incidents at sea. "
            "At least 11 of the ports were closed.")
    assert codes(text) == ["ATR001"]


def test_a_name_and_title_closing_the_paragraph_credit_the_quote_before():
    text = ("Headline here\n\n"
            "The decision is an insult to the thousands of workers at the plant. Ana Ruiz, Mayor of Vigo")
    assert "ATR001" not in codes(text)


def test_what_happens_to_a_document_is_not_its_content():
    (sa,) = analysed("The data will be handed to 12 regulators.")
    assert not sa.named_cues


def test_a_chart_shows_what_it_shows():
    (sa,) = analysed("This chart shows 40 percent of the ice is gone.")
    assert sa.named_cues


# --- the two crossings of a paragraph break in ANNOTATION.md ---------------------------

def _sourced_from(text: str) -> list[tuple[str, str]]:
    from attrlint.analysis.article import analyse
    from attrlint.readers.plaintext import PlainTextReader

    analysis = analyse(PlainTextReader().read("a.txt", text))
    return [(text[sa.sentence.start : sa.sentence.end], sa.source_from) for sa in analysis.sentences]


def test_interview_answers_are_the_interviewees_words():
    text = ("Wikinews interviews the harbour master of Tema\n\n"
            "How many ships dock each week?\n\n"
            "About forty ships dock each week. Most carry grain.\n\n"
            "What changed this year?\n\n"
            "The new berth opened in March.\n")
    got = dict(_sourced_from(text))
    assert got["About forty ships dock each week."] == "interview"
    assert got["Most carry grain."] == "interview"
    assert got["The new berth opened in March."] == "interview"
    assert got["How many ships dock each week?"] == ""  # the interviewer's question


def test_questions_in_a_story_that_is_no_interview_do_not_make_answers():
    text = ("Port traffic doubles\n\nHow many ships dock each week?\n\n"
            "About forty ships dock each week.\n\nWhat changed?\n\nThe new berth opened in March.\n")
    assert dict(_sourced_from(text))["About forty ships dock each week."] == ""


def test_a_colon_introduction_covers_the_passage_after_it():
    text = ("The survey\n\nIn its annual survey, the ministry reported three findings:\n\n"
            "- 43% of farmers sold their cattle.\n\n- Prices rose by a third.\n\n"
            "The harvest was late this year.\n")
    got = dict(_sourced_from(text))
    assert got["- 43% of farmers sold their cattle."] == "colon-intro"
    assert got["- Prices rose by a third."] == "colon-intro"
    assert got["The harvest was late this year."] == ""  # the writer's own voice again


def test_a_colon_without_a_named_source_covers_nothing():
    text = "Storms\n\nThis occurs for two reasons:\n\nThe sea is warm. The air is moist.\n"
    assert dict(_sourced_from(text))["The sea is warm."] == ""


def test_a_length_of_time_that_places_an_event_is_no_figure():
    for text in ("The plant closed two years ago.", "With 50 days until the election, both camps spent heavily.",
                 "Within 24 hours, the army left the town.", "Over the past 10 years, the port grew."):
        assert not [f for f in lint_text(text) if f.rule == "ATR001"], text
    for text in ("The strike lasted 22 days.", "The bridge is two years behind schedule."):
        assert [f for f in lint_text(text) if f.rule == "ATR001"], text


def test_a_named_poll_as_the_frame_sources_its_figures():
    text = "In the previous Washington Post/ABC News poll, Clinton led Trump by 5 percentage points."
    assert not [f for f in lint_text(text) if f.category == "unattributed"]
