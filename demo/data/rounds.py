"""Demo seed data: the Lanzarote Committee's monitoring rounds and the 2nd round's questionnaire.

Pure data (no Django imports), read by the ``seed_demo`` command.

The round themes, key dates and the shape of the 2nd-round questionnaire (16 questions: prevention Q1-5,
protection Q6-7, prosecution Q8-15, international cooperation Q16; monitoring and capacity-building
questions; Question 10 on reservations to Article 20§3) follow the public texts in ``shared/seeds/``.
The question texts and guidance notes below are paraphrased for demo purposes only: they are never the
official text of the questionnaire, and must not be quoted as such.
"""

from datetime import date

ROUND_STATUSES = ("preparation", "replies", "evaluation", "report_adopted", "closed")
ROUND_KINDS = ("regular", "urgent")
QUESTION_KINDS = ("monitoring", "capacity_building")
QUESTION_THEMES = ("prevention", "protection", "prosecution", "international_cooperation")

ROUNDS = (
    {
        "slug": "1st-round",
        "number": 1,
        "kind": "regular",
        "status": "closed",
        "theme_en": "Protection of children against sexual abuse in the circle of trust",
        "theme_fr": "La protection des enfants contre les abus sexuels commis dans le cercle de confiance",
        # The questionnaire was prepared in 2013; its exact adoption date is not in the seeds.
        "questionnaire_adopted_on": None,
        "reply_deadline": date(2014, 1, 31),
        # Two implementation reports: "The framework" (2015) and "The strategies" (adopted at the
        # 20th meeting, 29-31 January 2018). Exact adoption dates are not confirmed by the seeds: left empty.
        "report_adopted_on": None,
        "factsheets_published_on": None,
        # Civil-society comment windows were introduced for the 2nd round; kept for a uniform shape.
        "comment_window_months": 2,
        "summary_en": (
            "The 1st regular round examined how Parties protect children against sexual abuse by people in "
            "their circle of trust, such as relatives, carers and others with authority over the child. Its "
            "findings were set out in two implementation reports, 'The framework' and 'The strategies'."
        ),
        "summary_fr": (
            "Le 1er cycle de suivi ordinaire a examiné la manière dont les Parties protègent les enfants "
            "contre les abus sexuels commis par des personnes de leur cercle de confiance, telles que "
            "des proches, des personnes qui en ont la charge ou qui exercent une autorité sur eux. Ses "
            "conclusions figurent dans deux rapports de mise en œuvre, « Le cadre » et « Les stratégies »."
        ),
    },
    {
        "slug": "urgent-round-refugee-crisis",
        "number": None,
        "kind": "urgent",
        "status": "closed",
        "theme_en": (
            "Protecting children affected by the refugee crisis from sexual exploitation and sexual abuse"
        ),
        "theme_fr": (
            "Protéger les enfants touchés par la crise des réfugiés contre l'exploitation et les abus sexuels"
        ),
        # A focused questionnaire was sent to all Parties in 2016 (exact date unknown) ...
        "questionnaire_adopted_on": None,
        "reply_deadline": None,
        # ... and the special report was adopted at the 17th meeting (1-3 March 2017).
        "report_adopted_on": date(2017, 3, 3),
        "factsheets_published_on": None,
        "comment_window_months": 2,
        "summary_en": (
            "An urgent monitoring round, launched in 2016 with a focused questionnaire sent to all "
            "Parties, on how they protect refugee and migrant children against sexual exploitation and "
            "sexual abuse. The Committee adopted a special report with recommendations in 2017."
        ),
        "summary_fr": (
            "Cycle de suivi urgent, lancé en 2016 au moyen d'un questionnaire ciblé adressé à toutes les "
            "Parties, consacré à la protection des enfants réfugiés et migrants contre l'exploitation et les "
            "abus sexuels. Le Comité a adopté en 2017 un rapport spécial assorti de recommandations."
        ),
    },
    {
        "slug": "2nd-round",
        "number": 2,
        "kind": "regular",
        "status": "report_adopted",
        "theme_en": (
            "Protection of children against sexual exploitation and sexual abuse facilitated by information "
            "and communication technologies (ICTs): addressing the challenges raised by child self-generated "
            "sexual images and/or videos"
        ),
        "theme_fr": (
            "Protection des enfants contre l'exploitation et les abus sexuels facilités par les technologies "
            "de l'information et de la communication (TIC) : relever les défis posés par les images et/ou "
            "vidéos sexuelles autoproduites par des enfants"
        ),
        # Seed 001 says the Committee finalised and adopted the questionnaire on 2 June 2017 (seed 003: "June
        # 2017"); seed 000, dated 20 June 2017, is the later press release announcing the launch.
        "questionnaire_adopted_on": date(2017, 6, 2),
        "reply_deadline": date(2017, 10, 25),
        # Civil society could reply to the questionnaire "by the end of 2017" (seed 000; seed 003: "by the
        # end of December 2017").
        "civil_society_deadline": date(2017, 12, 31),
        "report_adopted_on": date(2022, 3, 10),
        # Seed 002: the factsheets came out in October 2023; exact day unknown, so the demo renders its own.
        "factsheets_published_on": None,
        "comment_window_months": 2,
        "summary_en": (
            "The 2nd regular round, covering 42 Parties, looked at how Parties protect children against the "
            "criminal exploitation of sexual images and videos they make of themselves, in terms of "
            "prevention, protection, prosecution and international cooperation. The implementation report "
            "was adopted in March 2022."
        ),
        "summary_fr": (
            "Le 2e cycle de suivi ordinaire, qui a porté sur 42 Parties, a examiné la manière dont les "
            "Parties protègent les enfants contre l'exploitation criminelle des images et vidéos sexuelles "
            "qu'ils réalisent d'eux-mêmes, sous l'angle de la prévention, de la protection, des poursuites "
            "et de la coopération internationale. Le rapport de mise en œuvre a été adopté en mars 2022."
        ),
    },
)

# The 2nd round's questionnaire opens with preliminary remarks that tell two kinds of material apart
# (seed 001): the first is what Article 20§2 covers and the Committee monitors; the second may go beyond
# Article 20 and is asked about to learn from more protective laws. Paraphrased, like the questions (see the
# module docstring). French spaces before « » : ; are non-breaking (\u00a0).
INTRODUCTION_2ND_ROUND = {
    "en": (
        "This questionnaire tells apart two kinds of material that children make of themselves.\n\n"
        "a. “Self-generated sexually explicit images and/or videos”: material that children made, or seem "
        "to have made, of themselves on their own initiative, showing a child in real or simulated sexually "
        "explicit conduct or showing a child's sexual organs. This is the material of Article 20§2 of the "
        "Convention, on which the Committee monitors the Parties.\n\n"
        "b. “Self-generated sexual content”: images, videos and other material that children made, or seem "
        "to have made, of themselves on their own initiative, showing a child in a sexually suggestive way "
        "(for instance naked or half-naked, posing to arouse sexual interest). It may go beyond Article 20: "
        "the Committee asks about it because some Parties' laws protect children further, which may "
        "inspire others."
    ),
    "fr": (
        "Le présent questionnaire distingue deux types de contenus que les enfants réalisent "
        "d'eux-mêmes.\n\n"
        "a. «\u00a0images et/ou vidéos sexuellement explicites autoproduites\u00a0»\u00a0: contenus que "
        "les enfants ont réalisés, ou semblent avoir réalisés, d'eux-mêmes et de leur propre initiative, "
        "montrant un enfant se livrant à un comportement sexuellement explicite, réel ou simulé, ou "
        "montrant les organes sexuels d'un enfant. Ce sont les contenus visés par l'article 20§2 de la "
        "Convention, sur lesquels porte le suivi du Comité.\n\n"
        "b. «\u00a0contenus sexuels autoproduits\u00a0»\u00a0: images, vidéos et autres contenus que les "
        "enfants ont réalisés, ou semblent avoir réalisés, d'eux-mêmes et de leur propre initiative, "
        "montrant un enfant de manière sexuellement suggestive (par exemple nu ou à demi nu, posant pour "
        "susciter une excitation sexuelle). Ils peuvent dépasser le champ de l'article 20\u00a0: le Comité "
        "s'y intéresse parce que la législation de certaines Parties protège davantage les enfants et peut "
        "en inspirer d'autres."
    ),
}

# The 2nd round's questionnaire, in order. Sub-parts share their parent's theme. "kind": monitoring
# questions lead to recommendations, capacity-building questions to promising practices. Paraphrased
# (see the module docstring).
QUESTIONS_2ND_ROUND = (
    # Prevention (Questions 1-5)
    {
        "number": "1",
        "parent": None,
        "kind": "monitoring",
        "theme": "prevention",
        "articles": "6",
        "asks_for_data": False,
        "text_en": (
            "How are children informed about the risks they face when they make sexually explicit images or "
            "videos of themselves and share them?"
        ),
        "text_fr": (
            "Comment les enfants sont-ils informés des risques auxquels ils s'exposent lorsqu'ils produisent "
            "et partagent des images ou des vidéos sexuellement explicites d'eux-mêmes ?"
        ),
        "guidance_en": (
            "Cover both sexually explicit material and wider sexual content (for instance suggestive poses). "
            "Say whether the information is adapted to the age and maturity of the children it targets."
        ),
        "guidance_fr": (
            "Couvrir à la fois les contenus sexuellement explicites et les contenus sexuels plus larges (par "
            "exemple des poses suggestives). Préciser si l'information est adaptée à l'âge et à la maturité "
            "des enfants auxquels elle s'adresse."
        ),
    },
    {
        "number": "1.1",
        "parent": "1",
        "kind": "monitoring",
        "theme": "prevention",
        "articles": "6",
        "asks_for_data": False,
        "text_en": (
            "Is this topic part of the school curriculum in primary and secondary education? If so, at what "
            "ages and in which subjects is it addressed?"
        ),
        "text_fr": (
            "Ce thème fait-il partie des programmes de l'enseignement primaire et secondaire ? Si oui, à "
            "quel âge et dans quelles matières est-il abordé ?"
        ),
        "guidance_en": "",
        "guidance_fr": "",
    },
    {
        "number": "1.2",
        "parent": "1",
        "kind": "monitoring",
        "theme": "prevention",
        "articles": "9§1",
        "asks_for_data": False,
        "text_en": (
            "Are children themselves involved in designing, testing or delivering awareness-raising "
            "activities on this topic? Please describe how."
        ),
        "text_fr": (
            "Les enfants participent-ils eux-mêmes à la conception, à l'expérimentation ou à la mise en "
            "œuvre des actions de sensibilisation sur ce thème ? Veuillez préciser de quelle manière."
        ),
        "guidance_en": "",
        "guidance_fr": "",
    },
    {
        "number": "1.3",
        "parent": "1",
        "kind": "capacity_building",
        "theme": "prevention",
        "articles": "",
        "asks_for_data": False,
        "text_en": (
            "Share examples of awareness-raising material or campaigns for children (leaflets, videos, "
            "games, online tools) that proved effective, and explain how their effect was measured."
        ),
        "text_fr": (
            "Veuillez présenter des exemples de supports ou de campagnes de sensibilisation destinés aux "
            "enfants (brochures, vidéos, jeux, outils en ligne) qui se sont révélés efficaces, et expliquer "
            "comment leur effet a été mesuré."
        ),
        "guidance_en": "",
        "guidance_fr": "",
    },
    {
        "number": "2",
        "parent": None,
        "kind": "monitoring",
        "theme": "prevention",
        "articles": "5§1, 8§1",
        "asks_for_data": False,
        "text_en": (
            "What is done to make parents, carers and people who work with children aware of the risks "
            "linked to child self-generated sexual images and videos?"
        ),
        "text_fr": (
            "Quelles mesures sont prises pour sensibiliser les parents, les personnes qui s'occupent "
            "d'enfants et les professionnels travaillant à leur contact aux risques liés aux images et "
            "vidéos sexuelles autoproduites par des enfants ?"
        ),
        "guidance_en": "",
        "guidance_fr": "",
    },
    {
        "number": "2.1",
        "parent": "2",
        "kind": "monitoring",
        "theme": "prevention",
        "articles": "8§1",
        "asks_for_data": False,
        "text_en": (
            "Describe awareness-raising aimed at parents and the general public, including who runs it and "
            "how often."
        ),
        "text_fr": (
            "Décrivez les actions de sensibilisation destinées aux parents et au grand public, en précisant "
            "qui les mène et à quelle fréquence."
        ),
        "guidance_en": "",
        "guidance_fr": "",
    },
    {
        "number": "2.2",
        "parent": "2",
        "kind": "monitoring",
        "theme": "prevention",
        "articles": "5§1",
        "asks_for_data": False,
        "text_en": (
            "Describe awareness-raising aimed at professionals and volunteers in regular contact with "
            "children (education, health, social protection, sport, culture and leisure)."
        ),
        "text_fr": (
            "Décrivez les actions de sensibilisation destinées aux professionnels et aux bénévoles en "
            "contact régulier avec des enfants (éducation, santé, protection sociale, sport, culture et "
            "loisirs)."
        ),
        "guidance_en": "",
        "guidance_fr": "",
    },
    {
        "number": "2.3",
        "parent": "2",
        "kind": "capacity_building",
        "theme": "prevention",
        "articles": "",
        "asks_for_data": False,
        "text_en": (
            "Have any of these initiatives been evaluated? Share the lessons learned and any material that "
            "other Parties could reuse."
        ),
        "text_fr": (
            "Certaines de ces initiatives ont-elles fait l'objet d'une évaluation ? Faites part des "
            "enseignements tirés et des supports que d'autres Parties pourraient réutiliser."
        ),
        "guidance_en": "",
        "guidance_fr": "",
    },
    {
        "number": "3",
        "parent": None,
        "kind": "capacity_building",
        "theme": "prevention",
        "articles": "10§2.b",
        "asks_for_data": True,
        "text_en": (
            "Has research been carried out or funded in your country on child self-generated sexual images "
            "and videos (how widespread the practice is, why children engage in it, the harm it causes, how "
            "offenders exploit it)? Summarise the main findings and give references."
        ),
        "text_fr": (
            "Des recherches ont-elles été menées ou financées dans votre pays sur les images et vidéos "
            "sexuelles autoproduites par des enfants (ampleur du phénomène, raisons qui y conduisent les "
            "enfants, préjudices causés, exploitation par les auteurs d'infractions) ? Résumez-en les "
            "principales conclusions et indiquez les références."
        ),
        "guidance_en": (
            "Figures from surveys are welcome; state the year, the sample and the age group covered."
        ),
        "guidance_fr": (
            "Les chiffres issus d'enquêtes sont les bienvenus ; préciser l'année, l'échantillon et la "
            "tranche d'âge couverte."
        ),
    },
    {
        "number": "4",
        "parent": None,
        "kind": "monitoring",
        "theme": "prevention",
        "articles": "9§2, 10§3",
        "asks_for_data": False,
        "text_en": (
            "How are civil society organisations involved in preventing the exploitation of child "
            "self-generated sexual images and videos?"
        ),
        "text_fr": (
            "Comment les organisations de la société civile sont-elles associées à la prévention de "
            "l'exploitation des images et vidéos sexuelles autoproduites par des enfants ?"
        ),
        "guidance_en": "",
        "guidance_fr": "",
    },
    {
        "number": "4.1",
        "parent": "4",
        "kind": "monitoring",
        "theme": "prevention",
        "articles": "9§2",
        "asks_for_data": False,
        "text_en": (
            "Are civil society organisations consulted when policies, strategies or action plans on this "
            "subject are drawn up and implemented?"
        ),
        "text_fr": (
            "Les organisations de la société civile sont-elles consultées lors de l'élaboration et de la "
            "mise en œuvre des politiques, stratégies ou plans d'action dans ce domaine ?"
        ),
        "guidance_en": "",
        "guidance_fr": "",
    },
    {
        "number": "4.2",
        "parent": "4",
        "kind": "capacity_building",
        "theme": "prevention",
        "articles": "9§4",
        "asks_for_data": False,
        "text_en": (
            "Give examples of projects run by civil society that the authorities fund or support, and say "
            "how they were selected."
        ),
        "text_fr": (
            "Donnez des exemples de projets menés par la société civile que les autorités financent ou "
            "soutiennent, et indiquez selon quels critères ils ont été retenus."
        ),
        "guidance_en": "",
        "guidance_fr": "",
    },
    {
        "number": "5",
        "parent": None,
        "kind": "capacity_building",
        "theme": "prevention",
        "articles": "9§2, 9§3",
        "asks_for_data": False,
        "text_en": (
            "Describe how the authorities work with the ICT industry (internet service providers, social "
            "networks, app developers) and with the media to prevent the misuse of children's self-generated "
            "sexual images and videos, for example through safety-by-design features, age-appropriate "
            "settings or fast removal of reported content."
        ),
        "text_fr": (
            "Décrivez comment les autorités coopèrent avec le secteur des TIC (fournisseurs d'accès à "
            "internet, réseaux sociaux, développeurs d'applications) et avec les médias pour prévenir "
            "l'utilisation abusive des images et vidéos sexuelles autoproduites par des enfants, par exemple "
            "au moyen de la sécurité dès la conception, de paramètres adaptés à l'âge ou du retrait rapide "
            "des contenus signalés."
        ),
        "guidance_en": "",
        "guidance_fr": "",
    },
    # Protection (Questions 6-7)
    {
        "number": "6",
        "parent": None,
        "kind": "monitoring",
        "theme": "protection",
        "articles": "11§1, 14§1",
        "asks_for_data": False,
        "text_en": (
            "What assistance is available to children whose self-generated sexual images or videos have been "
            "shared or misused, and to their families?"
        ),
        "text_fr": (
            "Quelle assistance est proposée aux enfants dont les images ou vidéos sexuelles autoproduites "
            "ont été partagées ou détournées, ainsi qu'à leurs familles ?"
        ),
        "guidance_en": (
            "Pay attention to the lasting harm caused when the material keeps circulating online long after "
            "it was first shared."
        ),
        "guidance_fr": (
            "Tenir compte du préjudice durable causé lorsque le contenu continue de circuler en ligne "
            "longtemps après sa première diffusion."
        ),
    },
    {
        "number": "6.1",
        "parent": "6",
        "kind": "monitoring",
        "theme": "protection",
        "articles": "14§1",
        "asks_for_data": False,
        "text_en": (
            "Which services (psychological, medical, social, legal) can these children use, and are any of "
            "them designed specifically for victims of online sexual abuse?"
        ),
        "text_fr": (
            "À quels services (psychologiques, médicaux, sociaux, juridiques) ces enfants peuvent-ils avoir "
            "recours, et certains d'entre eux sont-ils spécifiquement conçus pour les victimes d'abus "
            "sexuels en ligne ?"
        ),
        "guidance_en": "",
        "guidance_fr": "",
    },
    {
        "number": "6.1.a",
        "parent": "6.1",
        "kind": "monitoring",
        "theme": "protection",
        "articles": "14§1, 14§4",
        "asks_for_data": False,
        "text_en": (
            "How is support provided over the long term, to the child and to the people close to the child, "
            "given that the material may resurface years later?"
        ),
        "text_fr": (
            "Comment l'accompagnement de l'enfant et de ses proches est-il assuré dans la durée, sachant que "
            "le contenu peut réapparaître des années plus tard ?"
        ),
        "guidance_en": "",
        "guidance_fr": "",
    },
    {
        "number": "6.2",
        "parent": "6",
        "kind": "capacity_building",
        "theme": "protection",
        "articles": "",
        "asks_for_data": False,
        "text_en": (
            "Can children get help to have their images or videos removed from websites, platforms and "
            "messaging services? Describe the procedures and tools available."
        ),
        "text_fr": (
            "Les enfants peuvent-ils obtenir de l'aide pour faire retirer leurs images ou vidéos des sites "
            "internet, des plateformes et des messageries ? Décrivez les procédures et les outils "
            "disponibles."
        ),
        "guidance_en": "",
        "guidance_fr": "",
    },
    {
        "number": "6.3",
        "parent": "6",
        "kind": "monitoring",
        "theme": "protection",
        "articles": "",
        "asks_for_data": True,
        "text_en": (
            "How many children received assistance in connection with self-generated sexual images or videos "
            "over the last three years? Break the figures down by age and sex where possible."
        ),
        "text_fr": (
            "Combien d'enfants ont bénéficié d'une assistance en lien avec des images ou vidéos sexuelles "
            "autoproduites au cours des trois dernières années ? Si possible, ventilez les chiffres par âge "
            "et par sexe."
        ),
        "guidance_en": "",
        "guidance_fr": "",
    },
    {
        "number": "7",
        "parent": None,
        "kind": "monitoring",
        "theme": "protection",
        "articles": "12, 13",
        "asks_for_data": False,
        "text_en": (
            "How can children, and adults worried about a child, seek advice or report a situation involving "
            "self-generated sexual images or videos?"
        ),
        "text_fr": (
            "Comment les enfants, ainsi que les adultes inquiets pour un enfant, peuvent-ils demander "
            "conseil ou signaler une situation impliquant des images ou vidéos sexuelles autoproduites ?"
        ),
        "guidance_en": "",
        "guidance_fr": "",
    },
    {
        "number": "7.1",
        "parent": "7",
        "kind": "monitoring",
        "theme": "protection",
        "articles": "13",
        "asks_for_data": False,
        "text_en": (
            "Is there a free and confidential helpline or online chat for children that deals with this "
            "subject? Who runs it and when can it be reached?"
        ),
        "text_fr": (
            "Existe-t-il une ligne d'écoute ou un service de discussion en ligne gratuit et confidentiel "
            "pour les enfants qui traite de ce sujet ? Qui en assure la gestion et à quelles heures est-il "
            "joignable ?"
        ),
        "guidance_en": "",
        "guidance_fr": "",
    },
    {
        "number": "7.2",
        "parent": "7",
        "kind": "monitoring",
        "theme": "protection",
        "articles": "12§1, 12§2",
        "asks_for_data": False,
        "text_en": (
            "Is there a hotline or other mechanism for reporting illegal content online, and how are the "
            "reports passed on to the police and to hosting providers?"
        ),
        "text_fr": (
            "Existe-t-il une ligne de signalement ou un autre mécanisme permettant de signaler les contenus "
            "illicites en ligne, et comment les signalements sont-ils transmis à la police et aux hébergeurs "
            "?"
        ),
        "guidance_en": "",
        "guidance_fr": "",
    },
    {
        "number": "7.3",
        "parent": "7",
        "kind": "monitoring",
        "theme": "protection",
        "articles": "",
        "asks_for_data": True,
        "text_en": (
            "How many reports concerning self-generated sexual images or videos of children were received "
            "through these channels over the last three years?"
        ),
        "text_fr": (
            "Combien de signalements relatifs à des images ou vidéos sexuelles autoproduites par des enfants "
            "ont été reçus par ces canaux au cours des trois dernières années ?"
        ),
        "guidance_en": "",
        "guidance_fr": "",
    },
    # Prosecution (Questions 8-15)
    {
        "number": "8",
        "parent": None,
        "kind": "monitoring",
        "theme": "prosecution",
        "articles": "20§1, 20§2",
        "asks_for_data": False,
        "text_en": (
            "How does your legislation deal with child sexual abuse material that children have produced "
            "themselves?"
        ),
        "text_fr": (
            "Comment votre législation traite-t-elle les contenus d'abus sexuels sur enfants que les enfants "
            "ont eux-mêmes produits ?"
        ),
        "guidance_en": (
            "In this questionnaire, 'self-generated sexually explicit images and/or videos' means material "
            "that children make of themselves, on their own initiative, showing them in real or simulated "
            "sexually explicit conduct or showing their sexual organs. 'Self-generated sexual content' is a "
            "broader notion that also covers suggestive material, such as naked or half-naked posing."
        ),
        "guidance_fr": (
            "Dans ce questionnaire, on entend par « images et/ou vidéos sexuellement explicites "
            "autoproduites » les contenus que les enfants réalisent d'eux-mêmes, de leur propre initiative, "
            "et qui les montrent se livrant à un comportement sexuellement explicite, réel ou simulé, ou qui "
            "montrent leurs organes sexuels. Les « contenus sexuels autoproduits » constituent une notion "
            "plus large, qui inclut aussi les contenus suggestifs, par exemple des poses nues ou à demi "
            "nues."
        ),
    },
    {
        "number": "8.1",
        "parent": "8",
        "kind": "monitoring",
        "theme": "prosecution",
        "articles": "20§2",
        "asks_for_data": False,
        "text_en": (
            "Does the law define child sexual abuse material, and does it refer expressly to material "
            "produced by the child depicted?"
        ),
        "text_fr": (
            "La loi définit-elle les contenus d'abus sexuels sur enfants et mentionne-t-elle expressément "
            "les contenus produits par l'enfant représenté ?"
        ),
        "guidance_en": "",
        "guidance_fr": "",
    },
    {
        "number": "8.2",
        "parent": "8",
        "kind": "monitoring",
        "theme": "prosecution",
        "articles": "20§1.a, 20§1.b, 20§1.c, 20§1.d, 20§1.e, 20§1.f",
        "asks_for_data": False,
        "text_en": (
            "Which conduct is a criminal offence when the material was self-generated: producing, offering "
            "or making available, distributing or transmitting, procuring, possessing, knowingly accessing?"
        ),
        "text_fr": (
            "Quels comportements constituent une infraction pénale lorsque le contenu a été autoproduit : la "
            "production, l'offre ou la mise à disposition, la diffusion ou la transmission, le fait de se "
            "procurer ou de procurer à autrui, la détention, l'accès en connaissance de cause ?"
        ),
        "guidance_en": "",
        "guidance_fr": "",
    },
    {
        "number": "8.3",
        "parent": "8",
        "kind": "capacity_building",
        "theme": "prosecution",
        "articles": "",
        "asks_for_data": False,
        "text_en": (
            "Does the law also cover self-generated sexual content that is suggestive rather than explicit? "
            "If so, explain how and why."
        ),
        "text_fr": (
            "La loi couvre-t-elle également les contenus sexuels autoproduits qui sont suggestifs sans être "
            "explicites ? Si oui, expliquez de quelle manière et pour quelles raisons."
        ),
        "guidance_en": "",
        "guidance_fr": "",
    },
    {
        "number": "9",
        "parent": None,
        "kind": "monitoring",
        "theme": "prosecution",
        "articles": "20§1, 20§3",
        "asks_for_data": False,
        "text_en": (
            "In which situations can children themselves be held criminally liable in connection with "
            "self-generated sexual images or videos?"
        ),
        "text_fr": (
            "Dans quelles situations les enfants eux-mêmes peuvent-ils voir leur responsabilité pénale "
            "engagée en lien avec des images ou vidéos sexuelles autoproduites ?"
        ),
        "guidance_en": "",
        "guidance_fr": "",
    },
    {
        "number": "9.1",
        "parent": "9",
        "kind": "monitoring",
        "theme": "prosecution",
        "articles": "20§1.a, 20§1.e",
        "asks_for_data": False,
        "text_en": (
            "Can a child be prosecuted for making or keeping sexual images or videos of himself or herself?"
        ),
        "text_fr": (
            "Un enfant peut-il être poursuivi pour avoir réalisé ou conservé des images ou vidéos sexuelles "
            "de lui-même ?"
        ),
        "guidance_en": "",
        "guidance_fr": "",
    },
    {
        "number": "9.2",
        "parent": "9",
        "kind": "monitoring",
        "theme": "prosecution",
        "articles": "20§1.c",
        "asks_for_data": False,
        "text_en": (
            "Can a child be prosecuted for sending such images or videos of himself or herself to other "
            "people?"
        ),
        "text_fr": (
            "Un enfant peut-il être poursuivi pour avoir envoyé à d'autres personnes de telles images ou "
            "vidéos de lui-même ?"
        ),
        "guidance_en": "",
        "guidance_fr": "",
    },
    {
        "number": "9.2.a",
        "parent": "9.2",
        "kind": "monitoring",
        "theme": "prosecution",
        "articles": "20§1.c, 20§1.e",
        "asks_for_data": False,
        "text_en": (
            "Is the answer different when a child keeps or passes on images of another child who agreed to "
            "share them?"
        ),
        "text_fr": (
            "La réponse est-elle différente lorsqu'un enfant conserve ou transmet des images d'un autre "
            "enfant qui avait accepté de les partager ?"
        ),
        "guidance_en": "",
        "guidance_fr": "",
    },
    {
        "number": "9.2.b",
        "parent": "9.2",
        "kind": "monitoring",
        "theme": "prosecution",
        "articles": "20§1.e",
        "asks_for_data": False,
        "text_en": (
            "Is the answer different when a child received the images without asking for them (for example "
            "when they circulate around a school)?"
        ),
        "text_fr": (
            "La réponse est-elle différente lorsqu'un enfant a reçu ces images sans les avoir demandées (par "
            "exemple lorsqu'elles circulent dans un établissement scolaire) ?"
        ),
        "guidance_en": "",
        "guidance_fr": "",
    },
    {
        "number": "9.3",
        "parent": "9",
        "kind": "capacity_building",
        "theme": "prosecution",
        "articles": "",
        "asks_for_data": False,
        "text_en": (
            "Describe any alternatives to prosecution used for children (diversion, educational or "
            "restorative measures, referral to support services) and how well they work."
        ),
        "text_fr": (
            "Décrivez les alternatives aux poursuites appliquées aux enfants (déjudiciarisation, mesures "
            "éducatives ou réparatrices, orientation vers des services d'aide) et les résultats obtenus."
        ),
        "guidance_en": "",
        "guidance_fr": "",
    },
    {
        "number": "10",
        "parent": None,
        "kind": "monitoring",
        "theme": "prosecution",
        "articles": "20§3",
        "asks_for_data": False,
        "text_en": (
            "Has your country made a reservation under Article 20§3, which allows Parties not to criminalise "
            "certain production and possession of material? If so, explain its scope and whether it is still "
            "considered necessary."
        ),
        "text_fr": (
            "Votre pays a-t-il formulé une réserve au titre de l'article 20§3, qui permet aux Parties de ne "
            "pas incriminer certains actes de production et de détention de contenus ? Si oui, précisez-en "
            "la portée et indiquez si elle est toujours jugée nécessaire."
        ),
        "guidance_en": "",
        "guidance_fr": "",
    },
    {
        "number": "10.1",
        "parent": "10",
        "kind": "monitoring",
        "theme": "prosecution",
        "articles": "18§2, 20§3",
        "asks_for_data": False,
        "text_en": (
            "Where the reservation concerns images made and kept, with their consent and for their private "
            "use only, by children who have reached the legal age for sexual activities: what conditions "
            "apply, and how are consent and private use established in practice?"
        ),
        "text_fr": (
            "Lorsque la réserve vise des images réalisées et conservées, avec leur consentement et pour leur "
            "seul usage privé, par des enfants ayant atteint l'âge légal pour entretenir des activités "
            "sexuelles : quelles conditions s'appliquent, et comment le consentement et l'usage privé "
            "sont-ils établis en pratique ?"
        ),
        "guidance_en": "",
        "guidance_fr": "",
    },
    {
        "number": "10.2",
        "parent": "10",
        "kind": "monitoring",
        "theme": "prosecution",
        "articles": "20§3",
        "asks_for_data": False,
        "text_en": (
            "Where the reservation concerns simulated representations or realistic images of a child who "
            "does not exist, how does it affect the handling of material that has been digitally altered or "
            "generated?"
        ),
        "text_fr": (
            "Lorsque la réserve vise des représentations simulées ou des images réalistes d'un enfant qui "
            "n'existe pas, quelle incidence a-t-elle sur le traitement des contenus modifiés ou générés "
            "numériquement ?"
        ),
        "guidance_en": "",
        "guidance_fr": "",
    },
    {
        "number": "11",
        "parent": None,
        "kind": "monitoring",
        "theme": "prosecution",
        "articles": "18§1.b, 21§1, 22, 23",
        "asks_for_data": False,
        "text_en": (
            "Which offences apply when self-generated sexual images or videos are used to pressure, coerce "
            "or blackmail a child?"
        ),
        "text_fr": (
            "Quelles infractions s'appliquent lorsque des images ou vidéos sexuelles autoproduites sont "
            "utilisées pour faire pression sur un enfant, le contraindre ou le faire chanter ?"
        ),
        "guidance_en": "",
        "guidance_fr": "",
    },
    {
        "number": "11.1",
        "parent": "11",
        "kind": "monitoring",
        "theme": "prosecution",
        "articles": "18§1.b, 21§1.a, 21§1.b",
        "asks_for_data": False,
        "text_en": (
            "Is it an offence to use such material to force a child to produce more images or videos, to "
            "take part in sexual acts streamed live or to engage in sexual activities?"
        ),
        "text_fr": (
            "Est-il pénalement répréhensible d'utiliser de tels contenus pour forcer un enfant à produire "
            "d'autres images ou vidéos, à participer à des actes sexuels diffusés en direct ou à se livrer à "
            "des activités sexuelles ?"
        ),
        "guidance_en": "",
        "guidance_fr": "",
    },
    {
        "number": "11.2",
        "parent": "11",
        "kind": "monitoring",
        "theme": "prosecution",
        "articles": "",
        "asks_for_data": False,
        "text_en": (
            "Is it an offence to threaten to share such material in order to obtain money or another "
            "advantage from the child (sexual extortion)? Which provisions apply?"
        ),
        "text_fr": (
            "Est-il pénalement répréhensible de menacer de diffuser de tels contenus afin d'obtenir de "
            "l'enfant de l'argent ou un autre avantage (extorsion sexuelle) ? Quelles dispositions "
            "s'appliquent ?"
        ),
        "guidance_en": "",
        "guidance_fr": "",
    },
    {
        "number": "11.3",
        "parent": "11",
        "kind": "monitoring",
        "theme": "prosecution",
        "articles": "23",
        "asks_for_data": False,
        "text_en": (
            "Is soliciting a child through ICTs punishable when the offender's aim is to obtain sexual "
            "images from the child, even if no physical meeting is planned?"
        ),
        "text_fr": (
            "La sollicitation d'un enfant au moyen des TIC est-elle punissable lorsque l'auteur cherche à "
            "obtenir des images sexuelles de l'enfant, même si aucune rencontre physique n'est envisagée ?"
        ),
        "guidance_en": "",
        "guidance_fr": "",
    },
    {
        "number": "11.4",
        "parent": "11",
        "kind": "monitoring",
        "theme": "prosecution",
        "articles": "22",
        "asks_for_data": False,
        "text_en": (
            "Is it punishable to make a child watch sexual acts or sexual abuse online for sexual purposes, "
            "for example through a webcam or a shared video?"
        ),
        "text_fr": (
            "Le fait de faire assister un enfant, à des fins sexuelles, à des actes ou à des abus sexuels en "
            "ligne, par exemple au moyen d'une webcam ou d'une vidéo partagée, est-il punissable ?"
        ),
        "guidance_en": "",
        "guidance_fr": "",
    },
    {
        "number": "12",
        "parent": None,
        "kind": "monitoring",
        "theme": "prosecution",
        "articles": "25",
        "asks_for_data": False,
        "text_en": (
            "What jurisdiction rules apply when offences involving self-generated material have a "
            "cross-border element, for example when the offender and the child are in different countries?"
        ),
        "text_fr": (
            "Quelles règles de compétence s'appliquent lorsque des infractions impliquant des contenus "
            "autoproduits présentent un élément transfrontalier, par exemple lorsque l'auteur et l'enfant se "
            "trouvent dans des pays différents ?"
        ),
        "guidance_en": "",
        "guidance_fr": "",
    },
    {
        "number": "12.1",
        "parent": "12",
        "kind": "monitoring",
        "theme": "prosecution",
        "articles": "25§1, 25§2",
        "asks_for_data": False,
        "text_en": (
            "Can your courts deal with cases in which the child victim or the offender is a national or "
            "habitual resident of your country but the offence was committed online from abroad?"
        ),
        "text_fr": (
            "Vos juridictions peuvent-elles connaître d'affaires dans lesquelles l'enfant victime ou "
            "l'auteur est un ressortissant de votre pays ou y réside habituellement, alors que l'infraction "
            "a été commise en ligne depuis l'étranger ?"
        ),
        "guidance_en": "",
        "guidance_fr": "",
    },
    {
        "number": "12.2",
        "parent": "12",
        "kind": "monitoring",
        "theme": "prosecution",
        "articles": "25§4, 25§6",
        "asks_for_data": False,
        "text_en": (
            "Does prosecuting an offence committed abroad require that the conduct also be an offence where "
            "it took place (dual criminality), or that the victim file a complaint or the foreign State "
            "report the offence?"
        ),
        "text_fr": (
            "Les poursuites pour une infraction commise à l'étranger sont-elles subordonnées à la condition "
            "que les faits soient également punissables là où ils ont été commis (double incrimination), ou "
            "à une plainte de la victime ou à une dénonciation de l'État étranger ?"
        ),
        "guidance_en": "",
        "guidance_fr": "",
    },
    {
        "number": "13",
        "parent": None,
        "kind": "monitoring",
        "theme": "prosecution",
        "articles": "30§5, 34§1",
        "asks_for_data": False,
        "text_en": (
            "Which law enforcement bodies investigate offences involving child self-generated sexual images "
            "or videos, and how are they organised?"
        ),
        "text_fr": (
            "Quels services répressifs enquêtent sur les infractions impliquant des images ou vidéos "
            "sexuelles autoproduites par des enfants, et comment sont-ils organisés ?"
        ),
        "guidance_en": "",
        "guidance_fr": "",
    },
    {
        "number": "13.1",
        "parent": "13",
        "kind": "monitoring",
        "theme": "prosecution",
        "articles": "34§1",
        "asks_for_data": False,
        "text_en": (
            "Is there a specialised unit, department or team for ICT-facilitated sexual offences against "
            "children? Describe its staff, resources and remit."
        ),
        "text_fr": (
            "Existe-t-il une unité, un service ou une équipe spécialisés dans les infractions sexuelles "
            "contre des enfants facilitées par les TIC ? Décrivez ses effectifs, ses moyens et ses "
            "attributions."
        ),
        "guidance_en": "",
        "guidance_fr": "",
    },
    {
        "number": "13.2",
        "parent": "13",
        "kind": "monitoring",
        "theme": "prosecution",
        "articles": "30§5",
        "asks_for_data": True,
        "text_en": (
            "How are the children shown in the material identified (for example by analysing the images or "
            "using national or international databases)? How many children were identified over the last "
            "three years?"
        ),
        "text_fr": (
            "Comment les enfants figurant dans les contenus sont-ils identifiés (par exemple par l'analyse "
            "des images ou le recours à des bases de données nationales ou internationales) ? Combien "
            "d'enfants ont été identifiés au cours des trois dernières années ?"
        ),
        "guidance_en": (
            "Mention whether your country feeds INTERPOL's International Child Sexual Exploitation (ICSE) "
            "database."
        ),
        "guidance_fr": (
            "Indiquer si votre pays alimente la base de données internationale d'INTERPOL sur l'exploitation "
            "sexuelle des enfants (ICSE)."
        ),
    },
    {
        "number": "13.3",
        "parent": "13",
        "kind": "capacity_building",
        "theme": "prosecution",
        "articles": "30§5",
        "asks_for_data": False,
        "text_en": (
            "Share investigative techniques or technological tools that have proved useful (automated image "
            "analysis, hash matching, covert online operations)."
        ),
        "text_fr": (
            "Faites part des techniques d'enquête ou des outils technologiques qui se sont révélés utiles "
            "(analyse automatisée des images, comparaison d'empreintes numériques, opérations d'infiltration "
            "en ligne)."
        ),
        "guidance_en": "",
        "guidance_fr": "",
    },
    {
        "number": "14",
        "parent": None,
        "kind": "monitoring",
        "theme": "prosecution",
        "articles": "",
        "asks_for_data": False,
        "text_en": (
            "What happens in practice to cases involving child self-generated sexual images or videos once "
            "they reach the criminal justice system?"
        ),
        "text_fr": (
            "Quelle suite est donnée en pratique aux affaires impliquant des images ou vidéos sexuelles "
            "autoproduites par des enfants lorsqu'elles sont portées devant la justice pénale ?"
        ),
        "guidance_en": "",
        "guidance_fr": "",
    },
    {
        "number": "14.1",
        "parent": "14",
        "kind": "monitoring",
        "theme": "prosecution",
        "articles": "27",
        "asks_for_data": True,
        "text_en": (
            "Over the last three years, how many investigations, prosecutions and convictions concerned "
            "offences involving child self-generated sexual images or videos, and how many child victims "
            "were involved? Say whether any of the suspects were themselves children."
        ),
        "text_fr": (
            "Au cours des trois dernières années, combien d'enquêtes, de poursuites et de condamnations ont "
            "porté sur des infractions impliquant des images ou vidéos sexuelles autoproduites par des "
            "enfants, et combien d'enfants victimes étaient concernés ? Indiquez si certains suspects "
            "étaient eux-mêmes des enfants."
        ),
        "guidance_en": (
            "Give the source of the figures and the period they cover; if no such data are collected, say so."
        ),
        "guidance_fr": (
            "Indiquer la source des chiffres et la période couverte ; si ces données ne sont pas collectées, "
            "le préciser."
        ),
    },
    {
        "number": "14.2",
        "parent": "14",
        "kind": "capacity_building",
        "theme": "prosecution",
        "articles": "",
        "asks_for_data": False,
        "text_en": (
            "What difficulties arise when prosecuting these cases (gathering electronic evidence, "
            "encryption, data retention, identifying offenders) and how have they been overcome?"
        ),
        "text_fr": (
            "Quelles difficultés se posent dans la poursuite de ces affaires (collecte de preuves "
            "électroniques, chiffrement, conservation des données, identification des auteurs) et comment "
            "ont-elles été surmontées ?"
        ),
        "guidance_en": "",
        "guidance_fr": "",
    },
    {
        "number": "15",
        "parent": None,
        "kind": "monitoring",
        "theme": "prosecution",
        "articles": "34§1, 36§1",
        "asks_for_data": False,
        "text_en": (
            "What training do police officers, prosecutors and judges receive on ICT-facilitated sexual "
            "offences against children, including those involving self-generated material?"
        ),
        "text_fr": (
            "Quelle formation les policiers, les procureurs et les juges reçoivent-ils sur les infractions "
            "sexuelles contre des enfants facilitées par les TIC, y compris celles qui impliquent des "
            "contenus autoproduits ?"
        ),
        "guidance_en": "",
        "guidance_fr": "",
    },
    {
        "number": "15.1",
        "parent": "15",
        "kind": "monitoring",
        "theme": "prosecution",
        "articles": "34§1, 36§1",
        "asks_for_data": True,
        "text_en": (
            "Is this training compulsory or optional, initial or continuous, and how many professionals have "
            "followed it?"
        ),
        "text_fr": (
            "Cette formation est-elle obligatoire ou facultative, initiale ou continue, et combien de "
            "professionnels l'ont suivie ?"
        ),
        "guidance_en": "",
        "guidance_fr": "",
    },
    {
        "number": "15.2",
        "parent": "15",
        "kind": "capacity_building",
        "theme": "prosecution",
        "articles": "",
        "asks_for_data": False,
        "text_en": (
            "Share training modules, handbooks or e-learning tools that could be useful to other Parties."
        ),
        "text_fr": (
            "Faites part des modules de formation, manuels ou outils d'apprentissage en ligne qui pourraient "
            "être utiles à d'autres Parties."
        ),
        "guidance_en": "",
        "guidance_fr": "",
    },
    # International cooperation (Question 16)
    {
        "number": "16",
        "parent": None,
        "kind": "monitoring",
        "theme": "international_cooperation",
        "articles": "38",
        "asks_for_data": False,
        "text_en": (
            "How does your country cooperate with other States to prevent and combat sexual offences against "
            "children involving self-generated images or videos?"
        ),
        "text_fr": (
            "Comment votre pays coopère-t-il avec d'autres États pour prévenir et combattre les infractions "
            "sexuelles contre des enfants impliquant des images ou vidéos autoproduites ?"
        ),
        "guidance_en": "",
        "guidance_fr": "",
    },
    {
        "number": "16.1",
        "parent": "16",
        "kind": "monitoring",
        "theme": "international_cooperation",
        "articles": "38§1",
        "asks_for_data": False,
        "text_en": (
            "Which channels are used to exchange information and evidence across borders (mutual legal "
            "assistance, INTERPOL, Europol, round-the-clock contact points), and how quickly do they work?"
        ),
        "text_fr": (
            "Quels canaux sont utilisés pour échanger des informations et des preuves par-delà les "
            "frontières (entraide judiciaire, INTERPOL, Europol, points de contact joignables en "
            "permanence), et dans quels délais fonctionnent-ils ?"
        ),
        "guidance_en": "",
        "guidance_fr": "",
    },
    {
        "number": "16.2",
        "parent": "16",
        "kind": "capacity_building",
        "theme": "international_cooperation",
        "articles": "38§1",
        "asks_for_data": False,
        "text_en": (
            "Give examples of successful cross-border cooperation, such as joint investigations, victim "
            "identification across countries or fast removal of content hosted abroad."
        ),
        "text_fr": (
            "Donnez des exemples de coopération transfrontalière réussie, comme des enquêtes conjointes, "
            "l'identification de victimes dans plusieurs pays ou le retrait rapide de contenus hébergés à "
            "l'étranger."
        ),
        "guidance_en": "",
        "guidance_fr": "",
    },
)
