"""Demo seed data: the demonstration round, a round to try the portal in, beside the real ones.

Pure data (no Django imports), read by ``demo.demonstration``. Every text here is invented for the
demonstration and says so ("Demo text"); the round reuses the 2nd round's questionnaire and Parties.

Days are counted from the day the round was first seeded (negative: before it).
"""

SLUG = "demonstration"
SOURCE_SLUG = "2nd-round"  # whose questions and Parties the demonstration round takes

ROUND = {
    # Shown under the round's label, "Demonstration round".
    "theme_en": "Child self-generated sexual images and videos (a demonstration with invented content)",
    "theme_fr": "Images et vidéos sexuelles autoproduites par des enfants (une démonstration au contenu "
    "inventé)",
    "summary_en": "Demo text. This round is a demonstration: its dates follow the day it was set up, and "
    "every reply, comment and finding in it is invented, so that each step of a monitoring round can be "
    "tried. It is not part of the Committee's work and is left out of open data and statistics.",
    "summary_fr": "Texte de démonstration. Ce cycle est une démonstration : ses dates suivent le jour de sa "
    "création, et chaque réponse, commentaire ou constat y est inventé, pour que chaque étape d'un cycle "
    "de suivi puisse être essayée. Il ne fait pas partie des travaux du Comité et n'entre ni dans les "
    "données ouvertes ni dans les statistiques.",
    "questionnaire_adopted_on": -84,
    "reply_deadline": 21,
    "civil_society_deadline": 35,
}
QUESTIONNAIRE_TITLE = {
    "en": "Demonstration questionnaire (the 2nd round's questions)",
    "fr": "Questionnaire de démonstration (les questions du 2e cycle)",
}

# Drafts, and how many of their first questions are answered (None: every one, ready to submit).
DRAFTS = {"FR": 12, "DE": 30, "IT": 4, "ES": None}
# The official language of replies written in French (the others are in English).
IN_FRENCH = {"FR", "BE", "CH", "LU"}
SUBMITTED = {"AT": -3, "BE": -1}  # the day each was submitted
RETURNED = {
    "party": "NL",
    "submitted": -6,
    "message": "Demo text. Please complete the figures asked for in Question 14.1 (cases recorded "
    "since 2015) and attach the law cited in Question 8.",
}
# Published replies: the day each was submitted, and when its comment window opened. "closing in" counts
# the days left before the window closes (a two-month window opened about two months ago).
PUBLISHED = {
    "PT": {"submitted": -62, "closing_in": 4},
    "SE": {"submitted": -9, "opened": 0},
}
# A Party given more time by the Secretariat: its deadline, in days.
EXTENDED = {"PL": 35}

ANSWER = {
    "en": "Demo text. {party} answers question {number} here with invented facts: a law adopted in {year}, "
    "{count} cases recorded last year, and a programme run with schools and NGOs.",
    "fr": "Texte de démonstration. {party} répond ici à la question {number} avec des faits inventés : une "
    "loi adoptée en {year}, {count} affaires enregistrées l'an dernier, et un programme mené avec les "
    "écoles et les ONG.",
}

# Contributions of the demo organisations on the published replies, in various states.
# "co_signer": the other organisation, asked to co-sign and not yet answering (a coalition waiting).
CONTRIBUTIONS = (
    {
        "author": "ngo-alpha",
        "party": "PT",
        "visibility": "public",
        "state": "acknowledged",
        "title": "Demo: helplines for children in Portugal",
        "items": (
            (
                "7",
                "Demo text. The helpline answers children in the evening only; we ask for a 24-hour "
                "service and for answers by chat.",
            ),
        ),
    },
    {
        "author": "ngo-beta",
        "party": "PT",
        "visibility": "confidential",
        "state": "submitted",
        "title": "Demo: cases we followed (confidential)",
        "items": (
            (
                "14",
                "Demo text. Three families told us that investigations stopped when the images "
                "were found abroad; details are given to the Secretariat only.",
            ),
        ),
        "information_request": {
            "question": "Demo text. Could you tell us in which year these cases were reported and whether "
            "the police were informed?",
            "due_in": 10,
        },
    },
    {
        "author": "ngo-alpha",
        "party": "PT",
        "visibility": "confidential",
        "state": "draft",
        "title": "Demo: schools programme, first notes",
        "items": (("1", "Demo text. Notes to finish: the programme reaches pupils aged 12 to 15 only."),),
    },
    {
        "author": "ngo-beta",
        "party": "SE",
        "visibility": "public",
        "state": "submitted",
        "title": "Demo: what young people told us about sharing images",
        "children_involved": True,
        "children_involvement": "Demo text. A youth panel of twelve members read the reply and chose the "
        "points to raise.",
        "items": (
            ("1", "Demo text. Young people want lessons on consent given before the age of 12."),
            (
                "6",
                "Demo text. Removing an image from a platform takes weeks; children need help within a day.",
            ),
        ),
    },
    {
        "author": "ngo-alpha",
        "party": "SE",
        "visibility": "public",
        "state": "acknowledged",
        "title": "Demo: training of police officers",
        "items": (
            (
                "15",
                "Demo text. Training on self-generated images is optional for police officers; we "
                "recommend it for every investigator.",
            ),
        ),
    },
    {
        "author": "ngo-beta",
        "party": "SE",
        "visibility": "confidential",
        "state": "acknowledged",
        "title": "Demo: a case handled in court (confidential)",
        "items": (
            (
                "9",
                "Demo text. A 15-year-old was prosecuted for images of herself; the details are "
                "for the Secretariat only.",
            ),
        ),
    },
    {
        "author": "ngo-alpha",
        "party": "SE",
        "visibility": "public",
        "state": "draft",
        "co_signer": "ngo-beta",
        "title": "Demo: joint comment on cooperation with platforms",
        "items": (
            (
                "5",
                "Demo text. A coalition comment, waiting for its co-signer to confirm: platforms "
                "should report to one national contact point.",
            ),
        ),
    },
)

# Findings of the demonstration round: the first ones adopted, on the reply published two months ago, the
# last a draft on the reply published today (whose comments are still to come).
FINDINGS = (
    {
        "state": "adopted",
        "kind": "recommendation",
        "grade": "considers",
        "parties": ("PT",),
        "questions": ("7",),
        "title_en": "Demo: helplines open at all hours",
        "title_fr": "Démo : des lignes d'écoute ouvertes à toute heure",
        "text_en": "Demo text. The Committee considers that Parties should make sure that children can "
        "reach a helpline at any hour, by telephone and online.",
        "text_fr": "Texte de démonstration. Le Comité considère que les Parties devraient veiller à ce "
        "que les enfants puissent joindre une ligne d'écoute à toute heure, par téléphone et en ligne.",
    },
    {
        "state": "adopted",
        "kind": "promising_practice",
        "parties": ("PT",),
        "questions": ("5",),
        "title_en": "Demo: one contact point for platforms",
        "title_fr": "Démo : un point de contact unique pour les plateformes",
        "text_en": "Demo text. A single national contact point receives the platforms' reports and answers "
        "within a day.",
        "text_fr": "Texte de démonstration. Un point de contact national unique reçoit les signalements des "
        "plateformes et y répond dans la journée.",
    },
    {
        "state": "draft",
        "kind": "challenge",
        "parties": ("SE",),
        "questions": ("14",),
        "title_en": "Demo: investigations stopped when images are hosted abroad",
        "title_fr": "Démo : des enquêtes arrêtées quand les images sont hébergées à l'étranger",
        "text_en": "Demo text. A draft for the Committee: cases seem to stop when the images are found on "
        "servers abroad.",
        "text_fr": "Texte de démonstration. Un projet pour le Comité : les affaires semblent s'arrêter quand "
        "les images sont trouvées sur des serveurs à l'étranger.",
    },
)
# Factsheets rendered when the round is seeded: the country factsheets of the published replies, in EN
# and FR (the rest are rendered by the workers when asked: `render_factsheets --round demonstration`).
FACTSHEET_PARTIES = ("PT", "SE")
