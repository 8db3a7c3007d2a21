"""Pure data for the scale data set's texts: fragments in English and French that combine into sentences
saying the same thing in both languages, and the wording of rounds, questions and findings.

Placeholders are filled with numbers drawn once per sentence of the pool: {n}, {age}, {k}, {m}, {big},
{pct}, {team}, {years}, {resp}, {year}, {year2}, {article}.
"""

# Who acts: singular subjects, so that the verb agrees in both languages.
SUBJECTS = (
    ("The Ministry of Justice", "Le ministère de la Justice"),
    ("The Ministry of Education", "Le ministère de l'Éducation"),
    ("The Ministry of the Interior", "Le ministère de l'Intérieur"),
    ("The Ministry of Health", "Le ministère de la Santé"),
    ("The national police", "La police nationale"),
    ("The public prosecution service", "Le ministère public"),
    ("The Ombudsperson for Children", "Le Défenseur des enfants"),
    ("The national child protection agency", "L'agence nationale de protection de l'enfance"),
    (
        "The inter-ministerial committee on children's rights",
        "Le comité interministériel des droits de l'enfant",
    ),
    ("The Government", "Le Gouvernement"),
    ("The national statistics office", "L'office national de la statistique"),
    ("The judicial training academy", "L'école de la magistrature"),
    ("The national helpline for children", "La ligne d'écoute nationale pour les enfants"),
    ("The parliament", "Le parlement"),
    ("The cybercrime unit", "L'unité de lutte contre la cybercriminalité"),
    ("Each regional authority", "Chaque autorité régionale"),
)

# What it does: verbs taking a direct object.
ACTIONS = (
    ("has adopted", "a adopté"),
    ("has set up", "a mis en place"),
    ("has strengthened", "a renforcé"),
    ("has evaluated", "a évalué"),
    ("has funded", "a financé"),
    ("coordinates", "coordonne"),
    ("has extended", "a étendu"),
    ("is preparing", "prépare"),
    ("has published", "a publié"),
    ("supports", "soutient"),
    ("has revised", "a révisé"),
    ("has launched", "a lancé"),
    ("regularly reviews", "réexamine régulièrement"),
    ("has expanded", "a élargi"),
    ("is piloting", "expérimente"),
)

OBJECTS = (
    (
        "a national action plan against the sexual exploitation of children",
        "un plan d'action national contre l'exploitation sexuelle des enfants",
    ),
    (
        "the training of {n} police officers in interviewing child victims",
        "la formation de {n} policiers à l'audition des enfants victimes",
    ),
    (
        "a programme on consent and healthy relationships for pupils aged {age} and over",
        "un programme sur le consentement et les relations saines pour les élèves de {age} ans et plus",
    ),
    (
        "the guidelines for professionals who work with children",
        "les lignes directrices destinées aux professionnels qui travaillent avec des enfants",
    ),
    (
        "the screening of people applying for jobs that involve contact with children",
        "la vérification des antécédents des personnes qui postulent à un emploi au contact d'enfants",
    ),
    (
        "a network of {n} child-friendly interview rooms",
        "un réseau de {n} salles d'audition adaptées aux enfants",
    ),
    (
        "the collection of data on reported cases of sexual abuse",
        "la collecte de données sur les cas signalés d'abus sexuels",
    ),
    ("a helpline open {resp} hours a day", "une ligne d'écoute ouverte {resp} heures par jour"),
    ("the Barnahus model in {k} regions", "le modèle Barnahus dans {k} régions"),
    (
        "an awareness campaign on grooming and sextortion",
        "une campagne de sensibilisation à la sollicitation en ligne et à la sextorsion",
    ),
    (
        "the cooperation protocol between the police and social services",
        "le protocole de coopération entre la police et les services sociaux",
    ),
    (
        "the support offered to child victims during criminal proceedings",
        "le soutien offert aux enfants victimes pendant la procédure pénale",
    ),
    ("a team of {team} specialised investigators", "une équipe de {team} enquêteurs spécialisés"),
    (
        "the rules on the removal of child sexual abuse material from the internet",
        "les règles relatives au retrait des matériels d'abus sexuels sur enfants sur internet",
    ),
    (
        "an intervention programme for people who fear they might offend",
        "un programme d'intervention pour les personnes qui craignent de passer à l'acte",
    ),
    (
        "the limitation periods for sexual offences against children",
        "les délais de prescription des infractions sexuelles contre les enfants",
    ),
    (
        "the participation of children in the design of prevention materials",
        "la participation des enfants à la conception des supports de prévention",
    ),
    (
        "a study of {big} case files from the last {years} years",
        "une étude de {big} dossiers des {years} dernières années",
    ),
    (
        "the exchange of information with other States through Europol and INTERPOL",
        "l'échange d'informations avec les autres États par Europol et INTERPOL",
    ),
    ("a reporting channel available in {m} languages", "un canal de signalement disponible en {m} langues"),
    (
        "the codes of conduct in sports clubs and youth organisations",
        "les codes de conduite des clubs sportifs et des organisations de jeunesse",
    ),
    (
        "the therapeutic care available to children harmed by sexual abuse",
        "la prise en charge thérapeutique des enfants victimes d'abus sexuels",
    ),
    (
        "the specialised training of {n} judges and prosecutors",
        "la formation spécialisée de {n} juges et procureurs",
    ),
    ("a register of convicted sex offenders", "un fichier des auteurs d'infractions sexuelles condamnés"),
)

# How, where or when; a qualifier starting with a comma follows the object without a space.
QUALIFIERS = (
    ("", ""),
    ("", ""),
    (
        "in cooperation with civil society organisations",
        "en coopération avec les organisations de la société civile",
    ),
    ("since {year}", "depuis {year}"),
    ("in all {k} regions of the country", "dans les {k} régions du pays"),
    ("with an annual budget of {big} thousand euros", "avec un budget annuel de {big} milliers d'euros"),
    ("following the Committee's recommendations", "à la suite des recommandations du Comité"),
    ("after consulting children and young people", "après avoir consulté des enfants et des jeunes"),
    ("for the period {year}-{year2}", "pour la période {year}-{year2}"),
    (
        "in line with Article {article} of the Convention",
        "conformément à l'article {article} de la Convention",
    ),
    (
        "as part of the national strategy for the rights of the child",
        "dans le cadre de la stratégie nationale pour les droits de l'enfant",
    ),
    ("with the support of the Council of Europe", "avec le soutien du Conseil de l'Europe"),
    (", reaching {pct} per cent of schools", ", touchant {pct} % des écoles"),
)

# One sentence per paragraph names a programme, a body or a place: the names are drawn from a long list, a few
# often and most rarely, as names are in real texts (what full-text search finds rare).
SPECIFICS = (
    (
        "The {name} programme was evaluated in {place} in {year}.",
        "Le programme {name} a été évalué à {place} en {year}.",
    ),
    (
        "A pilot project in {place} is run by the {name} foundation.",
        "Un projet pilote à {place} est mené par la fondation {name}.",
    ),
    (
        "The {name} centre in {place} received {n} referrals last year.",
        "Le centre {name} de {place} a reçu {n} signalements l'an dernier.",
    ),
    (
        "Judges in {place} refer to the {name} guidelines.",
        "Les juges de {place} se réfèrent aux lignes directrices {name}.",
    ),
    (
        "The {name} helpline covers {place} and the surrounding region.",
        "La ligne d'écoute {name} couvre {place} et sa région.",
    ),
)

# Linking words opening some sentences (the subject then starts in lower case).
CONNECTIVES = (
    ("In addition, ", "En outre, "),
    ("Moreover, ", "De plus, "),
    ("As a result, ", "En conséquence, "),
    ("At the same time, ", "Parallèlement, "),
    ("In {year}, ", "En {year}, "),
)

# The demo's sentences name the Party; in the pool they speak of "the State".
PARTY_FORMS = {
    "en": {
        "party": "the State",
        "Party": "The State",
        "in_party": "in the State",
        "In_party": "In the State",
    },
    "fr": {
        "party": "l'État",
        "Party": "L'État",
        "in_party": "dans l'État",
        "In_party": "Dans l'État",
        "de_party": "de l'État",
    },
}

# Closes every answer, comment and finding: nobody may take the text for what a Party or the Committee wrote.
NOTICE = {
    "en": "(Synthetic text generated for load testing: not what a Party, an organisation or the Committee "
    "wrote.)",
    "fr": "(Texte synthétique généré pour des tests de charge : ni une Partie, ni une organisation, ni le "
    "Comité ne l'a écrit.)",
}

ARTICLES = ("5", "6", "9", "12", "14", "18", "20§1.a", "20§3", "21", "23", "24", "30", "31", "35", "38")

# What the Parties are asked about and what the Committee asks of them: infinitives, in both languages.
GOALS = {
    "prevention": (
        (
            "raise children's awareness of the risks of sharing intimate images",
            "sensibiliser les enfants aux risques du partage d'images intimes",
        ),
        (
            "train the professionals who work with children",
            "former les professionnels qui travaillent avec des enfants",
        ),
        (
            "screen candidates for posts involving contact with children",
            "vérifier les antécédents des candidats à des postes au contact d'enfants",
        ),
        ("inform parents about grooming", "informer les parents sur la sollicitation d'enfants"),
        ("involve children in prevention campaigns", "associer les enfants aux campagnes de prévention"),
        (
            "offer help to people who fear they might offend",
            "proposer une aide aux personnes qui craignent de passer à l'acte",
        ),
        (
            "teach consent and healthy relationships at school",
            "enseigner le consentement et les relations saines à l'école",
        ),
        ("make sports clubs safe for children", "rendre les clubs sportifs sûrs pour les enfants"),
    ),
    "protection": (
        (
            "provide therapeutic care to child victims",
            "fournir une prise en charge thérapeutique aux enfants victimes",
        ),
        (
            "set up child-friendly reporting channels",
            "mettre en place des canaux de signalement adaptés aux enfants",
        ),
        ("run a helpline for children", "gérer une ligne d'écoute pour les enfants"),
        (
            "coordinate the services that support child victims",
            "coordonner les services qui soutiennent les enfants victimes",
        ),
        (
            "remove abusive images of children from the internet",
            "retirer d'internet les images d'abus sur enfants",
        ),
        ("protect children in residential care", "protéger les enfants placés en institution"),
    ),
    "prosecution": (
        (
            "criminalise the solicitation of children for sexual purposes",
            "ériger en infraction la sollicitation d'enfants à des fins sexuelles",
        ),
        (
            "hear child victims in adapted premises",
            "auditionner les enfants victimes dans des locaux adaptés",
        ),
        (
            "extend the limitation periods for sexual offences",
            "allonger les délais de prescription des infractions sexuelles",
        ),
        (
            "train judges and prosecutors in child-friendly justice",
            "former les juges et les procureurs à une justice adaptée aux enfants",
        ),
        ("investigate offences committed online", "enquêter sur les infractions commises en ligne"),
        (
            "hold legal persons liable for sexual offences",
            "engager la responsabilité des personnes morales pour les infractions sexuelles",
        ),
        (
            "avoid prosecuting children for images of themselves",
            "éviter de poursuivre les enfants pour des images d'eux-mêmes",
        ),
        ("collect data on convictions", "collecter des données sur les condamnations"),
    ),
    "international_cooperation": (
        ("exchange information with other States", "échanger des informations avec les autres États"),
        ("cooperate through Europol and INTERPOL", "coopérer par l'intermédiaire d'Europol et d'INTERPOL"),
        (
            "assist other States in cross-border cases",
            "assister les autres États dans les affaires transfrontières",
        ),
        ("share good practice with other Parties", "partager les bonnes pratiques avec les autres Parties"),
    ),
}

QUESTION_FORMS = (
    ("What measures have been taken to {goal}?", "Quelles mesures ont été prises pour {goal} ?"),
    ("How does your State {goal}?", "Comment votre État s'y prend-il pour {goal} ?"),
    (
        "Which authorities are responsible for the duty to {goal}?",
        "Quelles autorités ont pour mission de {goal} ?",
    ),
    (
        "Describe the steps taken in the last five years to {goal}.",
        "Décrire les mesures prises ces cinq dernières années pour {goal}.",
    ),
)

SUBPART_FORMS = (
    ("Please give examples.", "Veuillez donner des exemples."),
    (
        "Please specify whether these measures reach children with disabilities.",
        "Veuillez préciser si ces mesures touchent les enfants handicapés.",
    ),
    (
        "Please provide figures for the last three years.",
        "Veuillez fournir des chiffres pour les trois dernières années.",
    ),
    ("Which budget is allocated to these measures?", "Quel budget est consacré à ces mesures ?"),
    ("How are children consulted?", "Comment les enfants sont-ils consultés ?"),
    (
        "Please describe any evaluation of these measures.",
        "Veuillez décrire toute évaluation de ces mesures.",
    ),
    (
        "Which civil-society organisations take part?",
        "Quelles organisations de la société civile y participent ?",
    ),
)

ROUND_THEMES = (
    (
        "Sexual abuse in the circle of trust (synthetic)",
        "Les abus sexuels dans le cercle de confiance (synthétique)",
    ),
    ("Children in residential care (synthetic)", "Les enfants placés en institution (synthétique)"),
    ("Sexual abuse in sport (synthetic)", "Les abus sexuels dans le sport (synthétique)"),
    ("Children with disabilities (synthetic)", "Les enfants handicapés (synthétique)"),
    (
        "Online grooming and sextortion (synthetic)",
        "La sollicitation en ligne et la sextorsion (synthétique)",
    ),
    ("Child-friendly justice (synthetic)", "La justice adaptée aux enfants (synthétique)"),
    (
        "Prevention programmes for potential offenders (synthetic)",
        "Les programmes de prévention pour les auteurs potentiels (synthétique)",
    ),
    ("Children on the move (synthetic)", "Les enfants en situation de migration (synthétique)"),
)

FINDING_FORMS = {
    "urges": (
        "The Lanzarote Committee urges the Parties concerned to {goal}.",
        "Le Comité de Lanzarote exhorte les Parties concernées à {goal}.",
    ),
    "considers": (
        "The Lanzarote Committee considers that the Parties concerned should {goal}.",
        "Le Comité de Lanzarote considère que les Parties concernées devraient {goal}.",
    ),
    "invites": (
        "The Lanzarote Committee invites the Parties concerned to {goal}.",
        "Le Comité de Lanzarote invite les Parties concernées à {goal}.",
    ),
    "promising_practice": (
        "The Lanzarote Committee notes as a promising practice the way some Parties {goal}.",
        "Le Comité de Lanzarote relève comme pratique prometteuse la manière dont certaines Parties "
        "s'emploient à {goal}.",
    ),
    "challenge": (
        "The Lanzarote Committee notes that many Parties find it difficult to {goal}.",
        "Le Comité de Lanzarote constate que de nombreuses Parties peinent à {goal}.",
    ),
}

FINDING_TITLES = {
    "recommendation": ("Recommendation: {goal}", "Recommandation : {goal}"),
    "promising_practice": ("Promising practice: {goal}", "Pratique prometteuse : {goal}"),
    "challenge": ("Challenge: {goal}", "Défi : {goal}"),
}

FIGURE_LABELS = (
    ("Parties reporting specific measures", "Parties faisant état de mesures spécifiques"),
    ("Parties without specific legislation", "Parties sans législation spécifique"),
    ("Parties providing data", "Parties fournissant des données"),
)

ORGANISATION_NAMES = (
    "Child Rights Network",
    "Youth Voice",
    "Safe Childhood Alliance",
    "Children's Helpline Association",
    "Survivors' Support Centre",
    "Coalition for Child Protection",
    "Families Together",
    "Digital Safety Institute",
)

ATTACHMENT_TITLES = (
    ("National action plan", "Plan d'action national"),
    ("Statistics on reported cases", "Statistiques des cas signalés"),
    ("Relevant legislation", "Législation pertinente"),
    ("Evaluation report", "Rapport d'évaluation"),
    ("Guidelines for professionals", "Lignes directrices pour les professionnels"),
    ("Training curriculum", "Programme de formation"),
)

CHILDREN_INVOLVEMENT = (
    (
        "A youth panel of twelve members commented on the draft.",
        "Un panel de douze jeunes a commenté le projet.",
    ),
    (
        "Children from two schools answered a questionnaire we used.",
        "Des enfants de deux écoles ont répondu à notre questionnaire.",
    ),
)
