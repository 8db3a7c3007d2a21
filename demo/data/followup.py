"""Demo seed data: the follow-up of recommendations. Pure data (no Django imports), read by ``demo.followup``.

Sourced (the project's process notes, from the Committee's agendas): the urgent round's special report was
followed up at the 23rd meeting (March 2019), on the Parties' follow-up to its 5 "urge" recommendations, with
decisions for the Parties still not in compliance; the 31st meeting (2021) examined the additional
clarifications requested to finalise the assessment of compliance. Invented: the recommendations' wording
(paraphrased for the demo), the Parties each one concerns, every level and reasoning, and the dates inside
a meeting. The demonstration round's follow-up is invented ("Demo text").
"""

from datetime import date, datetime

URGENT_ROUND = "urgent-round-refugee-crisis"
# When the special report was adopted (17th meeting, 1-3 March 2017), at a placeholder hour.
URGES_ADOPTED_AT = datetime(2017, 3, 3, 12, 0)
# The follow-up's reply deadline is not in the agendas used: a placeholder before the 23rd meeting.
URGENT_REPLY_DEADLINE = date(2018, 9, 30)
ASSESSED_AT_MEETING = 23
ASSESSED_ON = date(2019, 3, 6)
CLARIFIED_AT_MEETING = 31
CLARIFIED_ON = date(2021, 3, 30)

DEMO_NOTE_EN = "Demo: paraphrased for the demo, not the Committee's wording. "
DEMO_NOTE_FR = "Démo : paraphrase écrite pour la démonstration, non le texte du Comité. "

# The 5 "urge" recommendations of the special report, paraphrased; each concerns the Parties named.
URGES = (
    {
        "theme": "protection",
        "parties": ("GR", "IT", "TR", "BG"),
        "title_en": "Identify and register every child arriving",
        "title_fr": "Identifier et enregistrer chaque enfant à son arrivée",
        "text_en": "The Committee urges the Parties concerned to identify and register every refugee and "
        "migrant child on arrival, so that no child goes missing unnoticed.",
        "text_fr": "Le Comité exhorte les Parties concernées à identifier et à enregistrer chaque enfant "
        "réfugié ou migrant dès son arrivée, afin qu'aucun enfant ne disparaisse sans que cela soit "
        "remarqué.",
    },
    {
        "theme": "protection",
        "parties": ("GR", "IT", "HU", "RS"),
        "title_en": "Appoint a guardian without delay",
        "title_fr": "Désigner un tuteur sans délai",
        "text_en": "The Committee urges the Parties concerned to appoint a guardian for every unaccompanied "
        "child without delay.",
        "text_fr": "Le Comité exhorte les Parties concernées à désigner sans délai un tuteur pour chaque "
        "enfant non accompagné.",
    },
    {
        "theme": "prevention",
        "parties": ("AT", "DE", "SE", "IT"),
        "title_en": "Screen the staff working with children",
        "title_fr": "Contrôler les antécédents du personnel travaillant avec des enfants",
        "text_en": "The Committee urges the Parties concerned to screen everyone working or volunteering in "
        "reception facilities with children for convictions of sexual offences against children.",
        "text_fr": "Le Comité exhorte les Parties concernées à vérifier que les personnes qui travaillent ou "
        "sont bénévoles auprès d'enfants dans les centres d'accueil n'ont pas été condamnées pour des "
        "infractions sexuelles contre des enfants.",
    },
    {
        "theme": "prevention",
        "parties": ("GR", "BG", "HR", "TR"),
        "title_en": "Separate children from unrelated adults",
        "title_fr": "Séparer les enfants des adultes sans lien avec eux",
        "text_en": "The Committee urges the Parties concerned to house unaccompanied children apart from "
        "unrelated adults in reception facilities.",
        "text_fr": "Le Comité exhorte les Parties concernées à héberger les enfants non accompagnés à "
        "l'écart des adultes sans lien avec eux dans les centres d'accueil.",
    },
    {
        "theme": "protection",
        "parties": ("DE", "SE", "AT", "HU"),
        "title_en": "Tell children where to find help",
        "title_fr": "Dire aux enfants où trouver de l'aide",
        "text_en": "The Committee urges the Parties concerned to tell refugee and migrant children, in a "
        "language they understand, how to report sexual abuse and where to find help.",
        "text_fr": "Le Comité exhorte les Parties concernées à indiquer aux enfants réfugiés et migrants, "
        "dans une langue qu'ils comprennent, comment signaler des abus sexuels et où trouver de l'aide.",
    },
)

# The level adopted at the 23rd meeting for each recommendation (by position, from 1) and Party; a Party
# left out has no adopted assessment yet. Invented.
LEVELS = {
    (1, "GR"): "partially_complied",
    (1, "IT"): "complied",
    (1, "TR"): "no_information",
    (1, "BG"): "not_complied",
    (2, "GR"): "not_complied",
    (2, "IT"): "partially_complied",
    (2, "HU"): "no_information",
    (2, "RS"): "complied",
    (3, "AT"): "complied",
    (3, "DE"): "complied",
    (3, "SE"): "partially_complied",
    (4, "GR"): "partially_complied",
    (4, "BG"): "not_complied",
    (4, "HR"): "complied",
    (5, "DE"): "partially_complied",
    (5, "SE"): "complied",
    (5, "HU"): "not_complied",
}
REASONING = {
    "complied": "Demo text. The reply describes measures in force that answer the recommendation in full.",
    "partially_complied": "Demo text. Measures are in place in part of the territory or for part of the "
    "children concerned; the reply announces the rest.",
    "not_complied": "Demo text. The reply describes no measure answering the recommendation.",
    "no_information": "Demo text. The Party sent no information on this recommendation.",
}

# The clarification cycle: a Party not in compliance at the 23rd meeting, asked for clarifications the
# day after, assessed again (cycle 2) at the 31st meeting.
CLARIFICATION = {
    "recommendation": 2,
    "party": "GR",
    "requested_at": datetime(2019, 3, 7, 12, 0),
    "due_on": date(2019, 12, 31),
    "request": "Demo text. Say how many unaccompanied children had a guardian appointed within a month of "
    "their arrival in 2019, and what the law now requires.",
    "responded_at": datetime(2019, 11, 28, 15, 30),
    "response": "<p>Demo text. In 2019, 412 of the 480 unaccompanied children registered had a guardian "
    "appointed within a month of their arrival. A bill setting that time limit in law is before Parliament."
    "</p>",
    "level": "partially_complied",
    "reasoning": "Demo text. The clarifications show guardians appointed within a month for most children; "
    "the law is being amended for the rest.",
}

# The demonstration round: the follow-up of its adopted "considers" recommendation, in progress, with one
# proposed assessment not yet adopted.
DEMONSTRATION_GRADES = ("considers",)
DEMONSTRATION_REPLY_IN = 60  # days after the round's first day
DEMONSTRATION_ASSESSMENT = {
    "party": "PT",
    "level": "partially_complied",
    "reasoning": "Demo text. The helpline answers at all hours by telephone; the online chat closes at "
    "night.",
}
