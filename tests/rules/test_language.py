"""Table tests for the language family (LG)."""
from __future__ import annotations

import pytest

from tests.helpers import findings, spans

ENGLISH = ("The minister spoke to reporters after the meeting in Brussels on Tuesday and said "
           "that the government would present its plan to parliament next month.")
GERMAN = ("Die Bundesregierung hat am Mittwoch neue Sanktionen gegen Russland beschlossen. Der "
          "Kanzler sagte, man werde die Ukraine weiter unterstützen, solange es nötig sei.")
FRENCH = ("Nous avons décidé de soutenir les agriculteurs, a-t-il dit, et nous allons continuer "
          "dans cette voie pendant les prochains mois avec le gouvernement.")

CASES = [
    # LG01: the whole document is in another language (one finding, on the first paragraph)
    (GERMAN + "\n\n" + GERMAN, [("LG01", GERMAN)]),
    (ENGLISH, []),
    ("Kyiv, Ukraine", []),  # too short to judge
    ("Vladimir Putin, Volodymyr Zelensky, Recep Tayyip Erdoğan, Emmanuel Macron, Olaf Scholz, "
     "Giorgia Meloni, Pedro Sánchez, Donald Tusk, Viktor Orbán", []),  # a list of names
    # LG02: an untranslated paragraph
    (ENGLISH + "\n\n" + FRENCH + "\n\n" + ENGLISH, [("LG02", FRENCH)]),
    (ENGLISH + "\n\nPutin, Zelensky, Erdoğan, Macron, Scholz, Meloni, Sánchez, Tusk, Orbán, "
     "Rutte, Stoltenberg.", []),
    # LG03: foreign words inside English sentences
    ('Sheinbaum said Mexico would respond calmly. "No vamos a caer en provocaciones," she '
     'told reporters, meaning "we will not fall for provocations."', []),  # quoted speech
    ("You can également seek advice from governments other than your own.",
     [("LG03", "également")]),
    ("When a large number of companies plötzlich applied for part-time work, the agency "
     "had to react quickly.", [("LG03", "plötzlich")]),
    ("The vehicle lui-même was removed from the crash site around noon the same day.",
     [("LG03", "lui-même")]),
    ("Officials said że the talks would continue on Friday in Warsaw.", [("LG03", "że")]),
    ("Several million vials of vaccine were pledged by the government, qui will help the "
     "health agencies.", [("LG03", "qui")]),
    # LG03 quiet: loanwords, names and particles, quoted words, addresses, accented English
    ("The déjà vu of the status quo was, per se, a matter for the Bundestag, Müller said.", []),
    ("Juan Martín del Potro beat Leonardo da Silva; Wernher von Braun was mentioned.", []),
    # names holding lower-case words, labelled terms, quoted terms, a document's own term
    ("Kenya's former president Daniel arap Moi died in Nairobi at the age of 95.", []),
    ("A car bomb exploded in Deir ez-Zor, and the Ala-ud-din mosque was damaged.", []),
    ("The agency (ESA; French: Agence spatiale européenne) launched the probe.", []),
    ("The thinker called it \"tout autre\", wholly other, in his lecture.", []),
    ("Police cleared the gilets jaunes from the roundabout on Saturday.", []),
    ("The marshal of the sejm opened the session in Warsaw.", []),
    ("The séances began at nine. Two séances were held in Paris, and the séances drew crowds.",
     []),
    ('Note the pronunciation: "caro" means dear, while "carro" means carriage.', []),
    ("The report was published on gordonua.com and shared widely on social media.", []),
    ("The naïve café owner served a crème brûlée and a piñata to the fiancée.", []),
    ("Prices fell, Smith et al. reported in the journal.", []),
    # a word that opens or closes a quotation, a romanisation after its script, an English
    # word in its accented spelling, a sentence that names the word's language away from it
    ('The old motto, "siempre adelante (always forward)", hung above the door.', []),
    ('The choir sang the last line, "ahora y siempre!", twice.', []),
    ("The word λόγος [logos] meant both speech and reason.", []),
    ("Each state machine uses first in first out (fifo) queues and directed acyclic graphs "
     "(dags) for its jobs.", []),
    ("She poured the egg-nog into small cups before the carols began.", []),
    ("His dual rôle in the two régimes drew criticism from the press.", []),
    ("German bakeries in the town sell rye bread, pretzels and kuchen on weekends.", []),
    # a quotation found by its marks' sides: never closed on its line (a title), or after an
    # unpaired mark earlier on the line
    ('Salieri wrote an opera on the debate, "Prima la musica, poi le parole, for the court.',
     []),
    ('The aria ends there," she wrote, and the score repeats it as "Tramontate, stelle! '
     'All\'alba, vincerò!"', []),
    # the tail of a name after its particle, a title's original after the title, the
    # language named in the sentence before, a swapped-letter typo, a term used twice, notation
    ("The Seychelles palm known as the Coco de mer has the largest seeds of any plant.", []),
    ("Condat was an agent of the Direction de la surveillance du territoire, the agency.", []),
    ("He was an agent of the surveillance du territoire, the agency.",
     [("LG03", "territoire")]),  # no capitalised word opens the name
    ('In the drama "The Girl of Your Dreams" (La niña de tus ojos), Cruz played a singer.', []),
    ("The tutors of the period were Italian. Graces such as the accento and the trillo were "
     "taught to every singer.", []),
    ("She was one of the first usch engineers to work for the city.", []),
    ("The pudú hides in dense forest, and hunters there rarely see pudús.", []),
    ("Makers produce couverture chocolate. Chocolatiers use the finished couverture for bars.",
     []),  # a content word used twice: the text's term
    ("You can également seek advice, and the embassy can également help you.",
     [("LG03", "également"), ("LG03", "également")]),  # an adverb twice is still a leftover
    ("The determinant det(A) equals the product of the diagonal entries.", []),
    # a term glossed in English in parentheses after it, or introduced by name; a
    # romanisation in brackets after a quoted word in its script; English legal loans;
    # symbols that are no language's letters
    ("Some churches re-ordain priests using the concept of economia (church economy) "
     "instead.", []),
    ("The god rules over many temples and hörgrs (a type of Germanic altar) in the north.",
     []),
    ("The pollen has three pores set in furrows called colpi by botanists.", []),
    ('Modern Greek has the verbs "γνωρίζω" (gnorízo) and "ξέρω" (kséro) for it.', []),
    ("Some even accuse them of greed in qui tam cases.", []),
    ("The font shows ≽ʌⱷᴥⱷʌ≼ as a cat's face.", []),
    # a unit after its number, a scholarly romanisation, a word opening a single-quoted term
    ("A common example is a standard 1.5-volt battery meant for consumer use.", []),
    ("He studied lightning in his laboratory, using 120,000 volt generators.", []),
    ("In Indochina the Indian serpent nāga was equated with the Chinese dragon.", []),
    ("Most modern versions use the newspaper print style kǎishū for the text.", []),
    ("The work was largely put down without underdrawings ('alla prima'), as was usual.", []),
    # ... the same words without that evidence
    ("Each state had a volt of its own in the old days of the empire.", [("LG03", "volt")]),
    ("The work was largely put down without underdrawings, alla prima, as was usual.",
     [("LG03", "alla")]),
    ("Some churches re-ordain priests using the concept of economia instead.",
     [("LG03", "economia")]),
    ("The pollen has three pores set in furrows and colpi by botanists.",
     [("LG03", "colpi")]),
    ('Salieri wrote an opera on the debate, Prima la musica, poi le parole, for the court.',
     [("LG03", "poi")]),
    ("In dos siguientes instances they have protested at the border.",
     [("LG03", "siguientes")]),  # a particle after the sentence's first word: no name
    ("The palm known there as mer has the largest seeds of any plant.", [("LG03", "mer")]),
    ("In the drama, Cruz played a singer with dark ojos and a sad voice.", [("LG03", "ojos")]),
    ("The tutors of the period were many. Graces such as the accento and the trillo were "
     "taught to every singer.", [("LG03", "accento")]),
    ("Small deer such as the pudú live in dense forests and are rarely seen.",
     [("LG03", "pudú")]),
    ("The determinant det equals the product of the diagonal entries.", [("LG03", "det")]),
    # ... but the nationality right before the word, or a language the sentence does not
    # name, is no excuse
    ("The minister visited the Czech stomatologické clinic on Monday.",
     [("LG03", "stomatologické")]),
    ("The German bakeries said they would également close on Monday.", [("LG03", "également")]),
]


@pytest.mark.parametrize("text,expected", CASES)
def test_language_rules(text, expected):
    assert spans(text, "LG") == expected


def test_messages_and_no_fix():
    (f,) = findings(GERMAN, "LG")
    assert f.message == "the document is in German (de), not English"
    assert f.suggestion is None
    (f,) = findings("You can également seek advice from governments.", "LG")
    assert f.message == "'également' looks like French, not English"
    assert f.suggestion is None
