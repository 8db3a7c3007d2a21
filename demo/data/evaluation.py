"""Demo seed data: the Committee's evaluation. Pure data (no Django imports), read by ``demo.evaluation``.

The 2nd round's meetings and the structure of its implementation report paraphrase the Committee's public
meeting agendas (the project's process notes); nothing here is the Committee's wording. What no agenda says
is a placeholder and says so below. The demonstration round's evaluation is invented ("Demo text").
"""

from datetime import date, datetime

SECOND_ROUND = "2nd-round"

# --- The 2nd round (history) ---------------------------------------------------------------------------
# The report adopted on 10 March 2022 (T-ES(2022)02; seed 002). The number and place of the meeting that
# adopted it are not in the agendas used: the 36th meeting in Strasbourg is a placeholder.
REPORT_2ND_ROUND = {
    "document_ref": "T-ES(2022)02",
    "title_en": "Implementation report of the 2nd monitoring round",
    "title_fr": "Rapport de mise en œuvre du 2e cycle de suivi",
    "adopted_on": date(2022, 3, 10),
    "adopted_at_meeting": 36,
    # The draft's first chapters were examined at the 29th meeting (23 November 2020): begun by then.
    "drafted_at": datetime(2020, 11, 23, 9, 0),
}

# Each meeting's agenda: (kind, title, what it examines, document). "chapter" items name a chapter of the
# report by its number. No decision is recorded on the past items: the agendas say what was examined, not
# what was decided (the adoption alone is known).
MEETINGS_2ND_ROUND = (
    {
        "number": 23,
        "place": "Strasbourg",
        "starts_on": date(2019, 3, 5),
        "ends_on": date(2019, 3, 7),
        "items": (
            (
                "decision",
                "Exchange of views on the observations on Question 11 (whether the law refers to sexual "
                "coercion and extortion facilitated by ICTs), prepared by the Secretariat from the "
                "additional information sent by Parties",
                None,
                "",
            ),
            (
                "decision",
                "Exchange of views on the observations on the replies and contributions to Question 12 "
                "(jurisdiction rules), prepared by a Rapporteur from one Party's delegation",
                None,
                "",
            ),
            ("decision", "Draft interpretative opinion, for adoption", None, ""),
            (
                "decision",
                "Indicative calendar of the round: observations on the remaining questions and possible "
                "adoption of initial outcomes",
                None,
                "",
            ),
        ),
    },
    {
        "number": 25,
        "place": "Nicosia",
        "starts_on": date(2019, 10, 15),
        "ends_on": date(2019, 10, 18),
        "items": (
            (
                "decision",
                "Exchange of views on the observations of five Rapporteurs, each from a different Party's "
                "delegation: awareness-raising and education; the involvement of and cooperation with civil "
                "society (one Rapporteur for both); research; assistance to victims; international "
                "cooperation",
                None,
                "",
            ),
            (
                "decision",
                "Presentation of the contributions of children gathered under the child-participation "
                "guidelines",
                None,
                "",
            ),
        ),
    },
    {
        "number": 29,
        "place": "online",
        "starts_on": date(2020, 11, 23),
        "ends_on": date(2020, 11, 23),
        "items": (
            ("chapter", "Draft implementation report: Chapter I, legal frameworks", "I", "T-ES(2020)23"),
            (
                "chapter",
                "Draft implementation report: Chapter III, investigation and prosecution",
                "III",
                "T-ES(2020)23",
            ),
        ),
    },
    {
        "number": 31,
        "place": "online",
        "starts_on": date(2021, 3, 29),
        "ends_on": date(2021, 4, 1),
        "items": (
            (
                "chapter",
                "Draft implementation report: Chapter VII, awareness-raising",
                "VII",
                "T-ES(2020)22 rev.1",
            ),
            (
                "chapter",
                "Draft implementation report: Chapter VIII, education for children",
                "VIII",
                "T-ES(2020)22 rev.1",
            ),
            (
                "chapter",
                "Draft implementation report: Chapter IX, higher education and continuous training",
                "IX",
                "T-ES(2020)22 rev.1",
            ),
            ("chapter", "Draft implementation report: Chapter X, research", "X", "T-ES(2020)22 rev.1"),
            (
                "chapter",
                "Compromise text on Chapter IV (international cooperation), carried over from the decisions "
                "of the 30th meeting",
                "IV",
                "T-ES(2020)22 rev.1",
            ),
        ),
    },
    {
        "number": 36,  # placeholder number and place: see REPORT_2ND_ROUND
        "place": "Strasbourg",
        "starts_on": date(2022, 3, 10),
        "ends_on": date(2022, 3, 10),
        "items": (),  # the adoption's decision item is written with the report
    },
)
ADOPTION_ITEM = "Adoption of the implementation report “{title}”"
ADOPTION_DECISION = "Adopted."

# The report's chapters and sections, in order, with the questions each covers and the adopted findings
# (by English title, from data/publications.py) that are its statements. Chapters I, III, IV and VII-X and
# the sections of Chapter I follow the agendas; the titles of Chapters II, V and VI are placeholders. The
# texts are short summaries written for the demo.
DEMO_NOTE = {
    "en": "<p><em>Demo: the report's structure and the findings it adopted are shown; every chapter text "
    "is a short summary written for the demo, not the Committee's wording.</em></p>",
    "fr": "<p><em>Démo : la structure du rapport et les constats adoptés sont présentés ; chaque texte de "
    "chapitre est un bref résumé rédigé pour la démo, et non le texte du Comité.</em></p>",
}
CHAPTERS_2ND_ROUND = (
    {
        "number": "I",
        "title_en": "Legal frameworks",
        "title_fr": "Cadres juridiques",
        "questions": ("8", "9", "10", "11"),
        "body_en": "<p>How the Parties' criminal law deals with sexual images and videos that children make "
        "of themselves.</p>",
        "body_fr": "<p>Comment le droit pénal des Parties traite les images et vidéos sexuelles que les "
        "enfants font d'eux-mêmes.</p>",
    },
    {
        "number": "I.1",
        "title_en": "Introduction",
        "title_fr": "Introduction",
        "questions": (),
        "body_en": DEMO_NOTE["en"] + "<p>The chapter reads the replies on the law: definitions, the offences "
        "that apply, and the position of the children concerned.</p>",
        "body_fr": DEMO_NOTE["fr"]
        + "<p>Le chapitre examine les réponses sur le droit : les définitions, les "
        "infractions applicables et la situation des enfants concernés.</p>",
    },
    {
        "number": "I.2",
        "title_en": "Article 20 and self-generated material",
        "title_fr": "L'article 20 et les contenus autoproduits",
        "questions": ("8", "8.1"),
        "body_en": "<p>Whether the law defines child sexual abuse material and names material children "
        "produce themselves.</p>",
        "body_fr": "<p>La loi définit-elle les matériels d'abus sexuels sur enfants et nomme-t-elle les "
        "contenus produits par les enfants eux-mêmes ?</p>",
        "findings": (
            "Speak of child sexual abuse material",
            "Define child sexual abuse material in the law",
            "Few laws name child self-generated sexual material",
        ),
    },
    {
        "number": "I.3",
        "title_en": "Producing and possessing",
        "title_fr": "Produire et détenir",
        "questions": ("9.1", "10", "10.1", "10.2"),
        "body_en": "<p>Making and keeping images of oneself, the reservations Article 20(3) allows, and when "
        "children may be held criminally liable.</p>",
        "body_fr": "<p>Produire et garder des images de soi, les réserves que permet l'article 20(3), et les "
        "cas où un enfant peut être pénalement responsable.</p>",
        "findings": ("Do not prosecute children for their own images",),
    },
    {
        "number": "I.4",
        "title_en": "Sharing",
        "title_fr": "Partager",
        "questions": ("9.2", "9.2.a", "9.2.b"),
        "body_en": "<p>Sending images of oneself or of another child, with or without asking for them.</p>",
        "body_fr": "<p>Envoyer des images de soi ou d'un autre enfant, demandées ou non.</p>",
        "findings": ("Children may still be criminally liable for their own images",),
    },
    {
        "number": "I.5",
        "title_en": "Non-prosecution and sanctions",
        "title_fr": "Absence de poursuites et sanctions",
        "questions": ("9.3",),
        "body_en": "<p>Alternatives to prosecution for children and the sanctions that apply.</p>",
        "body_fr": "<p>Les alternatives aux poursuites pour les enfants et les sanctions applicables.</p>",
    },
    {
        "number": "I.6",
        "title_en": "Coercion and extortion",
        "title_fr": "Contrainte et extorsion",
        "questions": ("11", "11.1", "11.2", "11.3", "11.4"),
        "body_en": "<p>Using self-generated images to obtain more images, sexual acts or money: the "
        "offences, purpose by purpose.</p>",
        "body_fr": "<p>L'usage d'images autoproduites pour obtenir d'autres images, des actes sexuels ou de "
        "l'argent : les infractions, selon le but poursuivi.</p>",
        "findings": ("Criminalise coercion and extortion with self-generated images",),
    },
    {
        "number": "II",
        "title_en": "Jurisdiction",
        "title_fr": "Compétence",
        "questions": ("12", "12.1", "12.2"),
        "body_en": "<p>Which courts can try offences with a cross-border element, and on what "
        "conditions.</p>",
        "body_fr": "<p>Quelles juridictions peuvent juger les infractions ayant un élément "
        "transfrontalier, et à quelles conditions.</p>",
        "findings": (
            "Establish jurisdiction over transnational cases",
            "Prosecute ex officio",
            "Remove the requirement of dual criminality",
            "Prosecution that waits for the victim's complaint",
            "A “universal” jurisdiction for child sexual abuse material",
        ),
    },
    {
        "number": "III",
        "title_en": "Investigation and prosecution",
        "title_fr": "Enquêtes et poursuites",
        "questions": ("13", "14", "15"),
        "body_en": "<p>Specialised units, and the training of police officers, prosecutors and judges.</p>",
        "body_fr": "<p>Les unités spécialisées et la formation des policiers, des procureurs et des "
        "juges.</p>",
        "findings": ("Specialised units and training for police, prosecutors and judges",),
    },
    {
        "number": "IV",
        "title_en": "International cooperation",
        "title_fr": "Coopération internationale",
        "questions": ("16",),
        "body_en": "<p>How Parties work with other States against these offences.</p>",
        "body_fr": "<p>Comment les Parties coopèrent avec d'autres États contre ces infractions.</p>",
    },
    {
        "number": "V",
        "title_en": "Assistance to victims",
        "title_fr": "Assistance aux victimes",
        "questions": ("6", "7"),
        "body_en": "<p>Support for children whose images were shared or misused, and ways to seek help.</p>",
        "body_fr": "<p>Le soutien aux enfants dont les images ont été partagées ou détournées, et les moyens "
        "de demander de l'aide.</p>",
        "findings": ("Few support services designed for child victims of online abuse",),
    },
    {
        "number": "VI",
        "title_en": "Cooperation with civil society",
        "title_fr": "Coopération avec la société civile",
        "questions": ("4",),
        "body_en": "<p>How civil society takes part in prevention and in supporting victims.</p>",
        "body_fr": "<p>Comment la société civile participe à la prévention et au soutien des victimes.</p>",
        "findings": ("Working with civil society on prevention and victim support",),
    },
    {
        "number": "VII",
        "title_en": "Awareness-raising",
        "title_fr": "Sensibilisation",
        "questions": ("2",),
        "body_en": "<p>Informing parents, carers and professionals of the risks.</p>",
        "body_fr": "<p>Informer les parents, les personnes qui s'occupent d'enfants et les "
        "professionnels des risques.</p>",
    },
    {
        "number": "VIII",
        "title_en": "Education for children",
        "title_fr": "Éducation des enfants",
        "questions": ("1",),
        "body_en": "<p>What children learn about the risks, and at what age.</p>",
        "body_fr": "<p>Ce que les enfants apprennent des risques, et à quel âge.</p>",
    },
    {
        "number": "IX",
        "title_en": "Higher education and continuous training",
        "title_fr": "Enseignement supérieur et formation continue",
        "questions": ("2.2",),
        "body_en": "<p>Training for the people who work with children.</p>",
        "body_fr": "<p>La formation des personnes qui travaillent avec des enfants.</p>",
    },
    {
        "number": "X",
        "title_en": "Research",
        "title_fr": "Recherche",
        "questions": ("3",),
        "body_en": "<p>Research carried out or funded on the subject.</p>",
        "body_fr": "<p>Les recherches menées ou financées sur le sujet.</p>",
    },
)

# --- The demonstration round (invented) ----------------------------------------------------------------
# Its Rapporteurs: the Party of the member appointed, and the questions they report on.
RAPPORTEURS = {"IT": ("1",), "PT": ("9", "10")}
ANSWER_PASSAGE = "cases recorded last year, and a programme run with schools and NGOs"
OBSERVATIONS = (
    {
        "rapporteur": "IT",
        "questions": ("1",),
        "title": "Demo: observations on the replies to Question 1 (how children are informed of the risks)",
        # Saved twice by the Rapporteur: the observation's versions.
        "versions": (
            "<p>Demo text. First notes on the replies published so far.</p>",
            "<p>Demo text. Both replies published so far describe lessons in schools; neither says at what "
            "age they begin.</p><p>To do: read the comments on Question 1 once their windows close.</p>",
        ),
        "citations": (("answer", "PT", "1", ANSWER_PASSAGE),),
        "comments": (
            ("member-fr", "Demo text. Could the observations compare the ages given in each reply?"),
        ),
        "document_ref": "T-ES(DEMO)01",
    },
    {
        "rapporteur": "PT",
        "questions": ("9", "10"),
        "title": "Demo: observations on the replies to Questions 9 and 10 (children's criminal liability; "
        "reservations under Article 20§3)",
        "versions": (
            "<p>Demo text. Sweden's reply describes the law; a confidential contribution reports a case in "
            "court, which the observations take into account without naming anyone.</p>",
        ),
        "citations": (
            ("answer", "SE", "9", ANSWER_PASSAGE),
            (
                "item",
                "Demo: a case handled in court (confidential)",
                "9",
                "A 15-year-old was prosecuted for images of herself",
            ),
        ),
        "comments": (
            ("member-fr", "Demo text. Agreed; the report should say how often this happens, not the case."),
            ("member-de", "Demo text. Question 10: no reservation to report in the replies so far."),
        ),
        "document_ref": "T-ES(DEMO)02",
    },
)
# The demonstration's meeting: its number, place, and first and last days counted from the round's first
# seed (a few weeks ahead).
MEETING = {"number": 48, "place": "Strasbourg", "starts_in": 42, "ends_in": 44}
REPORT = {
    "title_en": "Demo: implementation report of the demonstration round (draft)",
    "title_fr": "Démo : rapport de mise en œuvre du cycle de démonstration (projet)",
    "document_ref": "T-ES(DEMO)03",
    "chapters": (
        {
            "number": "I",
            "title_en": "Demo: informing children of the risks",
            "title_fr": "Démo : informer les enfants des risques",
            "questions": ("1",),
            "body_en": "<p>Demo text. The Parties that replied inform children of the risks at school; the "
            "ages differ.</p>",
            "body_fr": "<p>Texte de démonstration. Les Parties qui ont répondu informent les enfants des "
            "risques à l'école ; les âges diffèrent.</p>",
            "statements": (
                {
                    "kind": "recommendation",
                    "grade": "considers",
                    "parties": ("PT", "SE"),
                    "questions": ("1",),
                    "answers": (("PT", "1"), ("SE", "1")),
                    "title_en": "Demo: begin before secondary school",
                    "title_fr": "Démo : commencer avant l'école secondaire",
                    "text_en": "Demo text. The Committee considers that the Parties concerned should talk to "
                    "children about images of themselves before they start secondary school.",
                    "text_fr": "Texte de démonstration. Le Comité considère que les Parties concernées "
                    "devraient parler aux enfants des images d'eux-mêmes avant leur entrée à l'école "
                    "secondaire.",
                },
            ),
        },
        {
            "number": "II",
            "title_en": "Demo: children's criminal liability",
            "title_fr": "Démo : la responsabilité pénale des enfants",
            "questions": ("9", "10"),
            "body_en": "<p>Demo text. Whether children can be prosecuted for images of themselves, and the "
            "alternatives used.</p>",
            "body_fr": "<p>Texte de démonstration. Les enfants peuvent-ils être poursuivis pour des images "
            "d'eux-mêmes, et quelles alternatives sont utilisées ?</p>",
            "statements": (
                {
                    "kind": "challenge",
                    "grade": "",
                    "parties": ("SE",),
                    "questions": ("9",),
                    "answers": (("SE", "9"),),
                    "title_en": "Demo: children may still be prosecuted",
                    "title_fr": "Démo : des enfants encore exposés à des poursuites",
                    "text_en": "Demo text. The law still allows children to be prosecuted for images they "
                    "made of themselves.",
                    "text_fr": "Texte de démonstration. La loi permet encore de poursuivre des enfants pour "
                    "des images qu'ils ont faites d'eux-mêmes.",
                },
                {
                    "kind": "promising_practice",
                    "grade": "",
                    "parties": ("PT",),
                    "questions": ("9.3",),
                    "answers": (("PT", "9.3"),),
                    "title_en": "Demo: educational measures instead of prosecution",
                    "title_fr": "Démo : des mesures éducatives plutôt que des poursuites",
                    "text_en": "Demo text. Children are offered an educational programme rather than a "
                    "prosecution.",
                    "text_fr": "Texte de démonstration. Un programme éducatif est proposé aux enfants plutôt "
                    "que des poursuites.",
                },
            ),
        },
    ),
}
# The meeting's agenda, in order: the two observations (by their titles above), the report's first chapter,
# and a decision still to take.
AGENDA = (
    ("observation", "Demo: exchange of views on the observations on Question 1 (Rapporteur: Italy)", 0),
    (
        "observation",
        "Demo: exchange of views on the observations on Questions 9 and 10 (Rapporteur: Portugal)",
        1,
    ),
    ("chapter", "Demo: first reading of Chapter I of the draft report", "I"),
    (
        "decision",
        "Demo: calendar of the demonstration round (adoption of the report at the next meeting)",
        None,
    ),
)
