"""Demo seed data: what the 2nd round published — State replies, civil-society comments, the Committee's
findings.

Pure data (no Django imports), read by ``demo.publications``.

Everything here is demo content. The answers are written from templates and attributed to real Parties only
so that the portal has something to show: they are never what a Party actually replied, and every answer
says so in its last sentence. The findings paraphrase what the Committee published after the 2nd round
(``shared/seeds/002_…``: its recommendations, promising practices and challenges, with its figures), but
which Parties each finding names is a deterministic demo choice, not the Committee's own list.
"""

from datetime import datetime

ROUND_SLUG = "2nd-round"

# ---------------------------------------------------------------------------------------------------------
# State replies. Dates are Strasbourg time; the reply deadline was 25 October 2017. `national` is the
# national language of a reply that also has a linguistic version (the Party's language code).
#
# Sourced: "as of this morning [25 October 2017], 17 Parties replied" and "a certain amount of other Parties
# promised to reply by next week" (seed 001); replies "will be published ... as soon as they are registered
# by the Secretariat" (seed 003): each reply is published on the day it is registered (`demo.publications`),
# and none is left unpublished in a round whose report is adopted.
# Not sourced, fixed demo choices: which Parties replied, in which language, and every date and time. The 17
# replies received by the deadline are all registered by 31 October, so their two-month comment windows
# close by the end of December 2017, as seed 003 expects. Four Parties reply in the week after the deadline,
# as promised; nothing later is invented: the other 21 monitored Parties have no reply in the demo, which
# does not say that they never replied.
# ---------------------------------------------------------------------------------------------------------

PUBLISHED_REPLIES = (
    # Received by the morning of 25 October 2017: 17.
    {
        "party": "AD",
        "language": "en",
        "submitted": datetime(2017, 10, 17, 10, 20),
        "registered": datetime(2017, 10, 23, 14, 30),
    },
    {
        "party": "AL",
        "language": "en",
        "submitted": datetime(2017, 10, 19, 16, 35),
        "registered": datetime(2017, 10, 25, 10, 50),
    },
    {
        "party": "AT",
        "language": "en",
        "submitted": datetime(2017, 10, 24, 15, 12),
        "registered": datetime(2017, 10, 30, 10, 5),
    },
    {
        "party": "BA",
        "language": "en",
        "submitted": datetime(2017, 10, 23, 9, 40),
        "registered": datetime(2017, 10, 27, 15, 5),
    },
    {
        "party": "BE",
        "language": "fr",
        "submitted": datetime(2017, 10, 24, 17, 48),
        "registered": datetime(2017, 10, 31, 9, 40),
    },
    {
        "party": "CH",
        "language": "fr",
        "submitted": datetime(2017, 10, 23, 16, 2),
        "registered": datetime(2017, 10, 27, 11, 20),
    },
    {
        "party": "DE",
        "language": "en",
        "national": "de",
        "submitted": datetime(2017, 10, 24, 12, 34),
        "registered": datetime(2017, 10, 31, 10, 0),
    },
    {
        "party": "DK",
        "language": "en",
        "submitted": datetime(2017, 10, 18, 9, 55),
        "registered": datetime(2017, 10, 24, 15, 30),
    },
    {
        "party": "ES",
        "language": "en",
        "submitted": datetime(2017, 10, 20, 12, 0),
        "registered": datetime(2017, 10, 27, 10, 30),
    },
    {
        "party": "FI",
        "language": "en",
        "submitted": datetime(2017, 10, 24, 15, 20),
        "registered": datetime(2017, 10, 30, 9, 0),
    },
    {
        "party": "FR",
        "language": "fr",
        "submitted": datetime(2017, 10, 20, 14, 41),
        "registered": datetime(2017, 10, 26, 9, 15),
    },
    {
        "party": "LU",
        "language": "fr",
        "submitted": datetime(2017, 10, 12, 10, 3),
        "registered": datetime(2017, 10, 19, 16, 45),
    },
    {
        "party": "NL",
        "language": "en",
        "submitted": datetime(2017, 10, 24, 22, 58),
        "registered": datetime(2017, 10, 31, 14, 0),
    },
    {
        "party": "PL",
        "language": "en",
        "submitted": datetime(2017, 10, 16, 11, 47),
        "registered": datetime(2017, 10, 23, 10, 10),
    },
    {
        "party": "PT",
        "language": "en",
        "national": "pt",
        "submitted": datetime(2017, 10, 24, 19, 5),
        "registered": datetime(2017, 10, 31, 11, 25),
    },
    {
        "party": "SE",
        "language": "en",
        "submitted": datetime(2017, 10, 9, 8, 50),
        "registered": datetime(2017, 10, 16, 13, 35),
    },
    {
        "party": "SI",
        "language": "en",
        "submitted": datetime(2017, 10, 24, 11, 5),
        "registered": datetime(2017, 10, 30, 15, 10),
    },
    # Late, in the week after the deadline: 4.
    {
        "party": "BG",
        "language": "en",
        "submitted": datetime(2017, 10, 27, 11, 30),
        "registered": datetime(2017, 11, 2, 14, 15),
    },
    {
        "party": "IT",
        "language": "en",
        "national": "it",
        "submitted": datetime(2017, 10, 31, 18, 20),
        "registered": datetime(2017, 11, 8, 12, 0),
    },
    {
        "party": "MT",
        "language": "en",
        "submitted": datetime(2017, 11, 2, 13, 10),
        "registered": datetime(2017, 11, 9, 9, 30),
    },
    {
        "party": "GR",
        "language": "en",
        "submitted": datetime(2017, 11, 3, 16, 40),
        "registered": datetime(2017, 11, 10, 10, 45),
    },
)

# When the focal points opened their reply: the questionnaire was adopted on 2 June 2017.
OPENED_FROM = datetime(2017, 6, 19, 9, 0)

# ---------------------------------------------------------------------------------------------------------
# Answer texts. An answer is: a sentence on the theme, a sentence on the question, a sentence on the kind
# of question, and the demo notice. Placeholders: {Party}/{party} (the Party as a subject, capitalised or
# not), {In_party}/{in_party} ("In Austria" / "in Austria", "Au Luxembourg" / "au Luxembourg"), {de_party}
# (French only: "de la France", "du Luxembourg"), and numbers computed per Party and question: {age},
# {m}, {k}, {n}, {big}, {conv}, {pct}, {team}, {years}, {resp}, {year}.
# ---------------------------------------------------------------------------------------------------------

# How each Party whose demo reply is in French is named in French sentences.
FRENCH_FORMS = {
    "FR": {"party": "la France", "in_party": "en France", "de_party": "de la France"},
    "BE": {"party": "la Belgique", "in_party": "en Belgique", "de_party": "de la Belgique"},
    "LU": {"party": "le Luxembourg", "in_party": "au Luxembourg", "de_party": "du Luxembourg"},
    "CH": {"party": "la Suisse", "in_party": "en Suisse", "de_party": "de la Suisse"},
}
# English names that take the article in a sentence.
ENGLISH_ARTICLE = {"NL": "the Netherlands"}

DEMO_NOTICE = {
    "en": "(Demo text: not the Party's actual reply.)",
    "fr": "(Texte de démonstration : ce n'est pas la réponse réelle de la Partie.)",
}

OPENINGS = {
    "prevention": {
        "en": (
            "{Party} treats the prevention of ICT-facilitated sexual exploitation as a shared task of the "
            "ministries of education, health and the interior.",
            "Prevention work {in_party} is guided by the national strategy on children's rights, which has a "
            "chapter on children's safety online.",
            "{In_party}, awareness-raising on child self-generated sexual material has grown steadily since "
            "the first monitoring round.",
        ),
        "fr": (
            "{Party} considère la prévention de l'exploitation sexuelle facilitée par les TIC comme une "
            "tâche partagée entre les ministères de l'éducation, de la santé et de l'intérieur.",
            "{In_party}, la prévention s'appuie sur la stratégie nationale pour les droits de l'enfant, dont "
            "un chapitre porte sur la sécurité des enfants en ligne.",
            "La sensibilisation aux images sexuelles autoproduites par des enfants s'est développée "
            "{in_party} depuis le premier cycle de suivi.",
        ),
    },
    "protection": {
        "en": (
            "{Party} relies on a network of child protection services, health professionals and NGOs to "
            "support children harmed online.",
            "Protection of child victims {in_party} follows the principle that a child depicted in sexual "
            "images is a victim, never an offender.",
            "{In_party}, the child protection system was adapted in recent years to cases of online sexual "
            "exploitation.",
        ),
        "fr": (
            "{Party} s'appuie sur un réseau de services de protection de l'enfance, de professionnels de "
            "santé et d'ONG pour soutenir les enfants victimes en ligne.",
            "{In_party}, la protection des enfants victimes repose sur le principe qu'un enfant représenté "
            "dans des images sexuelles est une victime et jamais un auteur.",
            "Le dispositif de protection de l'enfance a été adapté ces dernières années, {in_party}, aux cas "
            "d'exploitation sexuelle en ligne.",
        ),
    },
    "prosecution": {
        "en": (
            "The criminal law of {party} was amended in recent years to take account of offences committed "
            "through information and communication technologies.",
            "{In_party}, ICT-facilitated sexual offences against children are prosecuted under the Criminal "
            "Code and the code of criminal procedure.",
            "{Party} considers that sexual exploitation must be punished whatever the means used, including "
            "ICTs, as the Committee's interpretative opinion states.",
        ),
        "fr": (
            "Le droit pénal {de_party} a été modifié ces dernières années pour tenir compte des infractions "
            "commises au moyen des technologies de l'information et de la communication.",
            "{In_party}, les infractions sexuelles contre les enfants facilitées par les TIC sont "
            "poursuivies sur le fondement du Code pénal et du code de procédure pénale.",
            "{Party} estime que l'exploitation sexuelle doit être punie quel que soit le moyen utilisé, y "
            "compris les TIC, comme l'indique l'avis interprétatif du Comité.",
        ),
    },
    "international_cooperation": {
        "en": (
            "{Party} regards international cooperation as essential, since most child sexual abuse material "
            "it detects is hosted abroad.",
            "{In_party}, cross-border cases of online sexual exploitation are handled by the central "
            "authority for mutual legal assistance together with the police.",
            "Cooperation with other States {in_party} rests on the Lanzarote and Budapest Conventions and on "
            "bilateral police agreements.",
        ),
        "fr": (
            "{Party} juge la coopération internationale indispensable, car la plupart des matériels d'abus "
            "sexuels sur enfants détectés sont hébergés à l'étranger.",
            "{In_party}, les affaires transfrontières d'exploitation sexuelle en ligne sont traitées par "
            "l'autorité centrale chargée de l'entraide judiciaire, en lien avec la police.",
            "La coopération avec les autres États repose, {in_party}, sur les Conventions de Lanzarote et de "
            "Budapest et sur des accords bilatéraux de police.",
        ),
    },
}

CLOSINGS = {
    "monitoring": {
        "en": (
            "The relevant legal provisions are available on the national legislation portal.",
            "The authorities intend to review these arrangements in the light of the Committee's findings.",
            "Further details can be provided to the Committee on request.",
        ),
        "fr": (
            "Les dispositions légales pertinentes sont disponibles sur le portail national de la "
            "législation.",
            "Les autorités entendent réexaminer ce dispositif à la lumière des conclusions du Comité.",
            "Des précisions complémentaires peuvent être fournies au Comité sur demande.",
        ),
    },
    "capacity_building": {
        "en": (
            "{Party} would be glad to share this experience with other Parties.",
            "The materials mentioned are available on request, and the authorities welcome exchanges with "
            "other Parties.",
            "This practice could be adapted by other Parties at modest cost.",
        ),
        "fr": (
            "{Party} partagera volontiers cette expérience avec les autres Parties.",
            "Les supports mentionnés sont disponibles sur demande, et les autorités sont ouvertes aux "
            "échanges avec les autres Parties.",
            "Cette pratique pourrait être adaptée par d'autres Parties à un coût modeste.",
        ),
    },
}

# One sentence per question, in English and French.
FACTS = {
    "1": {
        "en": "Children learn about the risks of sharing intimate images through the national online safety "
        "programme, which reaches pupils from the age of {age} and covers sexting, sextortion and how to ask "
        "for help.",
        "fr": "Les enfants sont informés des risques liés au partage d'images intimes par le programme "
        "national de sécurité en ligne, qui touche les élèves dès {age} ans et traite du sexting, de la "
        "sextorsion et des moyens de demander de l'aide.",
    },
    "1.1": {
        "en": "Since {year}, online safety and consent have been part of the compulsory curriculum in "
        "primary and secondary schools, taught in health education and digital literacy classes for at least "
        "{m} hours a year.",
        "fr": "Depuis {year}, la sécurité en ligne et le consentement figurent au programme obligatoire des "
        "écoles primaires et secondaires, dans les cours d'éducation à la santé et au numérique, à raison "
        "d'au moins {m} heures par an.",
    },
    "1.2": {
        "en": "A youth panel of {n} pupils tested the latest campaign on self-generated images, and peer "
        "educators trained by the national children's council now run workshops in schools.",
        "fr": "Un panel de {n} élèves a testé la dernière campagne sur les images autoproduites, et des "
        "pairs éducateurs formés par le conseil national des enfants animent désormais des ateliers dans les "
        "écoles.",
    },
    "1.3": {
        "en": "Examples include a short animated video on sexting, a card game for classrooms and an online "
        "quiz translated into {m} languages, all free of charge for teachers.",
        "fr": "Parmi les exemples figurent une courte vidéo d'animation sur le sexting, un jeu de cartes "
        "pour les classes et un quiz en ligne traduit en {m} langues, tous gratuits pour les enseignants.",
    },
    "2": {
        "en": "Parents and carers are reached through evening sessions organised with parents' associations "
        "and through a guide sent with school reports, which explains grooming and the sharing of intimate "
        "images.",
        "fr": "Les parents et les personnes qui s'occupent d'enfants sont sensibilisés lors de réunions "
        "organisées avec les associations de parents et par un guide joint aux bulletins scolaires, qui "
        "explique la sollicitation en ligne et le partage d'images intimes.",
    },
    "2.1": {
        "en": "A national awareness week on online sexual exploitation is held every year, with television "
        "spots, social media messages and a website run by the ministry responsible for children.",
        "fr": "Une semaine nationale de sensibilisation à l'exploitation sexuelle en ligne est organisée "
        "chaque année, avec des spots télévisés, des messages sur les réseaux sociaux et un site internet "
        "géré par le ministère chargé de l'enfance.",
    },
    "2.2": {
        "en": "Teachers, social workers, sports coaches and youth workers can follow an e-learning module on "
        "recognising the signs of online abuse; about {n} professionals completed it last year.",
        "fr": "Les enseignants, travailleurs sociaux, entraîneurs sportifs et animateurs de jeunesse peuvent "
        "suivre un module en ligne sur les signes d'abus en ligne ; environ {n} professionnels l'ont suivi "
        "l'an dernier.",
    },
    "2.3": {
        "en": "An evaluation by a university team found that pupils who followed the programme were twice as "
        "likely to tell an adult about an unwanted request for images.",
        "fr": "Une évaluation menée par une équipe universitaire a montré que les élèves ayant suivi le "
        "programme étaient deux fois plus enclins à parler à un adulte d'une demande d'images non désirée.",
    },
    "3": {
        "en": "Since {year}, {m} studies on self-generated sexual images have been funded; the largest "
        "surveyed {big} teenagers and found that one in {k} had been asked for an intimate picture.",
        "fr": "Depuis {year}, {m} études sur les images sexuelles autoproduites ont été financées ; la plus "
        "importante a interrogé {big} adolescents, dont un sur {k} avait déjà reçu une demande de photo "
        "intime.",
    },
    "4": {
        "en": "Civil society organisations carry out much of the prevention work, from school workshops to "
        "the national helpline, under multi-year agreements with the ministries of education and justice.",
        "fr": "Les organisations de la société civile assurent une grande partie du travail de prévention, "
        "des ateliers scolaires à la ligne d'écoute nationale, dans le cadre de conventions pluriannuelles "
        "avec les ministères de l'éducation et de la justice.",
    },
    "4.1": {
        "en": "NGOs sit on the steering group of the national action plan against sexual violence against "
        "children and were consulted in writing on its chapter on online exploitation.",
        "fr": "Les ONG siègent au comité de pilotage du plan d'action national contre les violences "
        "sexuelles faites aux enfants et ont été consultées par écrit sur son chapitre consacré à "
        "l'exploitation en ligne.",
    },
    "4.2": {
        "en": "The authorities fund {m} civil-society projects, selected through an annual call for "
        "proposals, including a peer-support chat for teenagers and a programme for parents of young "
        "children.",
        "fr": "Les autorités financent {m} projets de la société civile, retenus par un appel à projets "
        "annuel, dont un tchat de soutien entre pairs pour les adolescents et un programme destiné aux "
        "parents de jeunes enfants.",
    },
    "5": {
        "en": "The authorities work with internet service providers and social networks under a voluntary "
        "code of conduct: reported child sexual abuse material is removed within {m} hours on average.",
        "fr": "Les autorités coopèrent avec les fournisseurs d'accès à internet et les réseaux sociaux dans "
        "le cadre d'un code de conduite volontaire : les matériels d'abus sexuels sur enfants signalés sont "
        "retirés en {m} heures en moyenne.",
    },
    "6": {
        "en": "Children whose intimate images have been shared can turn to child advocacy centres, which "
        "bring police, social services and psychologists together under one roof and offer victim support "
        "free of charge.",
        "fr": "Les enfants dont les images intimes ont été diffusées peuvent s'adresser à des unités "
        "d'accueil pédiatriques, qui réunissent police, services sociaux et psychologues en un même lieu et "
        "offrent gratuitement un soutien aux victimes.",
    },
    "6.1": {
        "en": "Psychological, medical, social and legal help is provided by the general victim support "
        "services; no service is designed only for victims of online sexual abuse, but counsellors receive "
        "specific training.",
        "fr": "Une aide psychologique, médicale, sociale et juridique est assurée par les services généraux "
        "d'aide aux victimes ; aucun service n'est réservé aux victimes d'abus sexuels en ligne, mais les "
        "conseillers reçoivent une formation spécifique.",
    },
    "6.1.a": {
        "en": "Because images may circulate again years later, follow-up is offered until the age of 21 and "
        "the child's family can attend counselling sessions with a therapist.",
        "fr": "Comme les images peuvent recirculer des années plus tard, un suivi est proposé jusqu'à l'âge "
        "de 21 ans et la famille de l'enfant peut participer à des séances avec un thérapeute.",
    },
    "6.2": {
        "en": "The national hotline helps children have their images removed by contacting platforms "
        "directly, and a police liaison officer can request the deletion of content hosted abroad.",
        "fr": "La ligne de signalement nationale aide les enfants à faire retirer leurs images en contactant "
        "directement les plateformes, et un officier de liaison de la police peut demander la suppression "
        "de contenus hébergés à l'étranger.",
    },
    "6.3": {
        "en": "Over the last three years, {n} children received assistance in connection with self-generated "
        "sexual images or videos, most of them aged between 13 and 16.",
        "fr": "Au cours des trois dernières années, {n} enfants ont été aidés en lien avec des images ou "
        "vidéos sexuelles autoproduites, pour la plupart âgés de 13 à 16 ans.",
    },
    "7": {
        "en": "Children and worried adults can call the child helpline, use its online chat or report to the "
        "police online; schools display the helpline number in every classroom.",
        "fr": "Les enfants et les adultes inquiets peuvent appeler la ligne d'écoute pour enfants, utiliser "
        "son tchat ou faire un signalement en ligne à la police ; les écoles affichent le numéro de la ligne "
        "d'écoute dans chaque classe.",
    },
    "7.1": {
        "en": "The free and confidential helpline 116 111 is run by an NGO funded by the State; it answers "
        "calls and chat messages seven days a week and handled about {big} contacts last year.",
        "fr": "La ligne d'écoute gratuite et confidentielle 116 111 est gérée par une ONG financée par "
        "l'État ; elle répond aux appels et aux messages sept jours sur sept et a traité environ {big} "
        "contacts l'an dernier.",
    },
    "7.2": {
        "en": "A hotline belonging to the INHOPE network receives reports of illegal content online and "
        "forwards those concerning child sexual abuse material to the specialised police unit within one "
        "working day.",
        "fr": "Une ligne de signalement membre du réseau INHOPE reçoit les signalements de contenus "
        "illicites en ligne et transmet ceux qui concernent des matériels d'abus sexuels sur enfants à "
        "l'unité spécialisée de la police dans un délai d'un jour ouvrable.",
    },
    "7.3": {
        "en": "In 2016 these channels received {n} reports concerning self-generated sexual images or videos "
        "of children, about {pct} per cent more than the year before.",
        "fr": "En 2016, ces canaux ont reçu {n} signalements concernant des images ou vidéos sexuelles "
        "autoproduites d'enfants, soit une hausse d'environ {pct} % par rapport à l'année précédente.",
    },
    "8.2": {
        "en": "Producing, offering, distributing, procuring, possessing and knowingly accessing such "
        "material are offences, whether or not the child depicted made the images.",
        "fr": "La production, l'offre, la diffusion, le fait de se procurer, la détention et l'accès en "
        "connaissance de cause à de tels contenus sont des infractions, que l'enfant représenté ait ou non "
        "réalisé les images.",
    },
    "8.3": {
        "en": "Sexually suggestive images that are not explicit fall outside these offences, but platforms "
        "are asked to remove them when they are posted with sexualised comments.",
        "fr": "Les images sexuellement suggestives mais non explicites ne relèvent pas de ces infractions ; "
        "les plateformes sont toutefois invitées à les retirer lorsqu'elles sont publiées avec des "
        "commentaires sexualisés.",
    },
    "9": {
        "en": "Children are criminally responsible from the age of {resp}; below that age, only educational "
        "measures decided by a youth court can follow.",
        "fr": "Les enfants sont pénalement responsables à partir de {resp} ans ; en dessous de cet âge, "
        "seules des mesures éducatives décidées par un tribunal pour enfants peuvent être prises.",
    },
    "9.1": {
        "en": "A child who makes or keeps sexual images of himself or herself is not prosecuted: prosecutors "
        "treat the child as a possible victim and refer the case to child protection services.",
        "fr": "L'enfant qui réalise ou conserve des images sexuelles de lui-même n'est pas poursuivi : le "
        "parquet le considère comme une victime potentielle et saisit les services de protection de "
        "l'enfance.",
    },
    "9.2.a": {
        "en": "Keeping images of another child who agreed is not prosecuted when both are above the age of "
        "sexual consent, but passing them on to third parties remains an offence.",
        "fr": "La détention d'images d'un autre enfant consentant n'est pas poursuivie lorsque les deux ont "
        "dépassé l'âge de la majorité sexuelle, mais leur transmission à des tiers reste une infraction.",
    },
    "9.2.b": {
        "en": "A child who received images without asking for them, for instance when they circulated in a "
        "school, is not liable provided the images were deleted or reported.",
        "fr": "L'enfant qui a reçu des images sans les avoir demandées, par exemple lorsqu'elles ont circulé "
        "dans un établissement scolaire, n'est pas responsable s'il les a supprimées ou signalées.",
    },
    "9.3": {
        "en": "Prosecutors may divert cases to a restorative programme in which the young person meets a "
        "youth worker, follows a course on consent and online behaviour and, where appropriate, apologises "
        "to the victim.",
        "fr": "Le parquet peut orienter l'affaire vers un programme de justice restaurative : le jeune "
        "rencontre un éducateur, suit un module sur le consentement et les comportements en ligne et, le cas "
        "échéant, présente des excuses à la victime.",
    },
    "10.1": {
        "en": "Images made and kept, with their consent and for their private use only, by children who have "
        "reached the age of sexual consent are not prosecuted.",
        "fr": "Les images réalisées et conservées, avec leur accord et pour leur seul usage privé, par des "
        "enfants ayant atteint l'âge de la majorité sexuelle ne sont pas poursuivies.",
    },
    "10.2": {
        "en": "Simulated representations and realistic images of a child who does not exist are treated as "
        "child sexual abuse material, including drawings and computer-generated images.",
        "fr": "Les représentations simulées et les images réalistes d'un enfant qui n'existe pas sont "
        "assimilées à des matériels d'abus sexuels sur enfants, y compris les dessins et les images générées "
        "par ordinateur.",
    },
    "11": {
        "en": "Using intimate images to pressure or blackmail a child falls under the offences of sexual "
        "coercion, extortion and corruption of children, punishable by up to {years} years' imprisonment.",
        "fr": "Le fait d'utiliser des images intimes pour faire pression sur un enfant ou le faire chanter "
        "relève des infractions de contrainte sexuelle, d'extorsion et de corruption de mineur, punies de "
        "{years} ans d'emprisonnement au plus.",
    },
    "11.1": {
        "en": "Forcing a child to produce more images or to take part in sexual acts by threatening to "
        "publish material is punished as sexual coercion, even when the offender and the child never meet.",
        "fr": "Contraindre un enfant à produire d'autres images ou à participer à des actes sexuels en "
        "menaçant de publier des contenus est puni au titre de la contrainte sexuelle, même si l'auteur et "
        "l'enfant ne se rencontrent jamais.",
    },
    "11.2": {
        "en": "Threatening to share such material to obtain money is prosecuted as extortion; the police "
        "recorded {n} cases of financial sextortion of children last year, often by offenders abroad.",
        "fr": "La menace de diffuser de tels contenus pour obtenir de l'argent est poursuivie comme une "
        "extorsion ; la police a enregistré {n} affaires de sextorsion financière visant des enfants l'an "
        "dernier, souvent commises depuis l'étranger.",
    },
    "11.3": {
        "en": "Soliciting a child through ICTs is punishable when the aim is to obtain sexual images, with "
        "no need for a proposal to meet, in line with the Committee's opinion on Article 23.",
        "fr": "La sollicitation d'un enfant au moyen des TIC est punissable lorsqu'elle vise à obtenir des "
        "images sexuelles, sans qu'une proposition de rencontre soit nécessaire, conformément à l'avis du "
        "Comité sur l'article 23.",
    },
    "11.4": {
        "en": "Making a child watch sexual acts online, including through live streaming, is an offence "
        "under the provision on causing a child to witness sexual abuse.",
        "fr": "Le fait de faire assister un enfant à des actes sexuels en ligne, y compris par diffusion en "
        "direct, constitue une infraction au titre de la disposition sur le fait de faire assister un enfant "
        "à des abus sexuels.",
    },
    "12.1": {
        "en": "Courts can also try offences committed abroad against a child who is a national or habitual "
        "resident, which covers cases where a foreign offender contacted the child online.",
        "fr": "Les juridictions peuvent aussi juger les infractions commises à l'étranger contre un enfant "
        "ressortissant ou résident habituel, ce qui couvre les cas où un auteur étranger a contacté l'enfant "
        "en ligne.",
    },
    "13": {
        "en": "Offences involving self-generated images are investigated by the regional police, supported "
        "by the national cybercrime centre, which analyses seized devices and works with prosecutors.",
        "fr": "Les infractions impliquant des images autoproduites font l'objet d'enquêtes de la police "
        "régionale, appuyée par le centre national de lutte contre la cybercriminalité, qui analyse les "
        "appareils saisis et travaille avec le parquet.",
    },
    "13.1": {
        "en": "A specialised unit of {team} investigators deals with ICT-facilitated sexual offences against "
        "children; it has its own digital forensics laboratory and officers trained in interviewing "
        "children.",
        "fr": "Une unité spécialisée de {team} enquêteurs traite des infractions sexuelles contre les "
        "enfants facilitées par les TIC ; elle dispose de son propre laboratoire de criminalistique "
        "numérique et d'agents formés à l'audition des enfants.",
    },
    "13.2": {
        "en": "Victims are identified by analysing images against the national database connected to "
        "INTERPOL's International Child Sexual Exploitation database; {n} children were identified last "
        "year.",
        "fr": "Les victimes sont identifiées par l'analyse des images au moyen de la base nationale reliée à "
        "la base de données internationale d'INTERPOL sur l'exploitation sexuelle des enfants ; {n} enfants "
        "ont été identifiés l'an dernier.",
    },
    "13.3": {
        "en": "Investigators use hash matching, automated image classification and age estimation tools, "
        "which have roughly halved the time needed to review seized material.",
        "fr": "Les enquêteurs utilisent la comparaison d'empreintes numériques, la classification "
        "automatisée des images et des outils d'estimation de l'âge, ce qui a réduit de moitié environ le "
        "temps d'examen des contenus saisis.",
    },
    "14": {
        "en": "Most cases involving self-generated images end with the conviction of the adult offender; "
        "when the sender was a child, the case is usually closed or referred to youth services.",
        "fr": "La plupart des affaires impliquant des images autoproduites aboutissent à la condamnation de "
        "l'auteur adulte ; lorsque l'expéditeur était un enfant, l'affaire est généralement classée ou "
        "renvoyée aux services de la jeunesse.",
    },
    "14.1": {
        "en": "Over the last three years there were {big} investigations, {n} prosecutions and {conv} "
        "convictions for offences involving child sexual abuse material, about one in {k} of them concerning "
        "self-generated material.",
        "fr": "Au cours des trois dernières années, {big} enquêtes, {n} poursuites et {conv} condamnations "
        "ont concerné des infractions relatives aux matériels d'abus sexuels sur enfants, dont environ une "
        "sur {k} portait sur des contenus autoproduits.",
    },
    "14.2": {
        "en": "Prosecutors report difficulties in gathering electronic evidence held by foreign providers, "
        "with end-to-end encryption and with short data retention periods, which a new protocol with "
        "providers aims to address.",
        "fr": "Le parquet signale des difficultés pour recueillir les preuves électroniques détenues par des "
        "fournisseurs étrangers, liées au chiffrement de bout en bout et aux courtes durées de conservation "
        "des données, auxquelles un nouveau protocole avec les fournisseurs doit répondre.",
    },
    "15": {
        "en": "Police officers, prosecutors and judges receive training on ICT-facilitated sexual offences "
        "against children at the police academy and the national school for the judiciary.",
        "fr": "Les policiers, procureurs et juges sont formés aux infractions sexuelles contre les enfants "
        "facilitées par les TIC à l'académie de police et à l'école nationale de la magistrature.",
    },
    "15.1": {
        "en": "The training is compulsory for members of the specialised unit and optional for judges; {n} "
        "police officers, prosecutors and judges followed it in 2016.",
        "fr": "La formation est obligatoire pour les membres de l'unité spécialisée et facultative pour les "
        "juges ; {n} policiers, procureurs et juges l'ont suivie en 2016.",
    },
    "15.2": {
        "en": "A handbook on interviewing child victims of online abuse and an e-learning course on digital "
        "evidence were developed with the Council of Europe and can be shared with other Parties.",
        "fr": "Un manuel sur l'audition des enfants victimes d'abus en ligne et un cours en ligne sur la "
        "preuve numérique ont été élaborés avec le Conseil de l'Europe et peuvent être partagés avec "
        "d'autres Parties.",
    },
    "16": {
        "en": "Cooperation goes through Europol, INTERPOL and the 24/7 network of the Budapest Convention, "
        "and the police take part in joint action days against online child sexual exploitation.",
        "fr": "La coopération passe par Europol, INTERPOL et le réseau 24/7 de la Convention de Budapest, et "
        "la police participe à des journées d'action communes contre l'exploitation sexuelle des enfants en "
        "ligne.",
    },
    "16.1": {
        "en": "Information and evidence are exchanged through mutual legal assistance, INTERPOL's secure "
        "channels and Europol's SIENA system; urgent requests to preserve data go through the 24/7 contact "
        "point.",
        "fr": "Les informations et les preuves sont échangées par l'entraide judiciaire, les canaux "
        "sécurisés d'INTERPOL et le système SIENA d'Europol ; les demandes urgentes de conservation des "
        "données passent par le point de contact 24/7.",
    },
    "16.2": {
        "en": "A joint investigation team with {m} other States identified {n} child victims in a case of "
        "live-streamed abuse and led to the conviction of the main offender in 2016.",
        "fr": "Une équipe commune d'enquête avec {m} autres États a permis d'identifier {n} enfants victimes "
        "dans une affaire d'abus diffusés en direct et de faire condamner l'auteur principal en 2016.",
    },
}

# Questions whose answer depends on the findings the Party is named in (or on its reservations), so that
# what a reply says matches what the Committee found: {question: {case: {language: text}}}.
FACTS_BY_CASE = {
    "8": {
        "explicit": {
            "en": "The Criminal Code refers expressly to material produced by children themselves, and the "
            "offences concerning child sexual abuse material apply whoever made the images.",
            "fr": "Le Code pénal vise expressément les contenus produits par les enfants eux-mêmes, et les "
            "infractions relatives aux matériels d'abus sexuels sur enfants s'appliquent quel que soit "
            "l'auteur des images.",
        },
        "general": {
            "en": "The Criminal Code does not mention self-generated material as such: the general offences "
            "concerning child sexual abuse material apply, whoever made the images.",
            "fr": "Le Code pénal ne mentionne pas en tant que tels les contenus autoproduits : les "
            "infractions générales relatives aux matériels d'abus sexuels sur enfants s'appliquent, quel que "
            "soit l'auteur des images.",
        },
    },
    "8.1": {
        "defined": {
            "en": "The law defines child sexual abuse material as any depiction of a child engaged in real "
            "or simulated sexually explicit conduct, or of a child's sexual organs for primarily sexual "
            "purposes, following Article 20§2.",
            "fr": "La loi définit les matériels d'abus sexuels sur enfants comme toute représentation d'un "
            "enfant se livrant à un comportement sexuellement explicite, réel ou simulé, ou des organes "
            "sexuels d'un enfant à des fins principalement sexuelles, conformément à l'article 20§2.",
        },
        "undefined": {
            "en": "The law still speaks of child pornography without defining it; the courts rely on case "
            "law, and a bill introducing a definition is being prepared.",
            "fr": "La loi parle encore de « pornographie enfantine » sans la définir ; les juridictions "
            "s'appuient sur la jurisprudence et un projet de loi introduisant une définition est en "
            "préparation.",
        },
    },
    "9.2": {
        "liable": {
            "en": "A child who sends such images of himself or herself to others can in theory be prosecuted "
            "for distributing child sexual abuse material, although prosecutors rarely do so.",
            "fr": "L'enfant qui envoie de telles images de lui-même à d'autres personnes peut en théorie "
            "être poursuivi pour diffusion de matériels d'abus sexuels sur enfants, même si le parquet y "
            "renonce le plus souvent.",
        },
        "not_liable": {
            "en": "Since a reform in {year}, a child who sends such images of himself or herself to a peer "
            "cannot be prosecuted for distribution, unless the child acted to harm someone.",
            "fr": "Depuis une réforme de {year}, l'enfant qui envoie de telles images de lui-même à un pair "
            "ne peut pas être poursuivi pour diffusion, sauf s'il a agi dans l'intention de nuire.",
        },
    },
    "10": {
        "reservation": {
            "en": "When ratifying the Convention, {party} made a reservation under Article 20§3 for images "
            "that children over the age of sexual consent produce and keep with their consent, for their "
            "own private use.",
            "fr": "Lors de la ratification de la Convention, {party} a formulé une réserve au titre de "
            "l'article 20§3 pour les images que des enfants ayant atteint l'âge de la majorité sexuelle "
            "produisent et conservent avec leur accord, pour leur seul usage privé.",
        },
        "none": {
            "en": "{Party} has made no reservation under Article 20§3: producing and possessing such images "
            "fall under the criminal law in every case, subject to the prosecutor's discretion.",
            "fr": "{Party} n'a formulé aucune réserve au titre de l'article 20§3 : la production et la "
            "détention de telles images relèvent dans tous les cas du droit pénal, sous réserve de "
            "l'appréciation du parquet.",
        },
    },
    "12": {
        "complaint": {
            "en": "The courts have jurisdiction over offences committed on the territory or by nationals "
            "abroad, but prosecuting an offence committed abroad requires a complaint by the victim or an "
            "official report from the State where it took place.",
            "fr": "Les juridictions sont compétentes pour les infractions commises sur le territoire ou par "
            "des ressortissants à l'étranger, mais la poursuite d'une infraction commise à l'étranger "
            "suppose une plainte de la victime ou une dénonciation officielle de l'État où elle a été "
            "commise.",
        },
        "ex_officio": {
            "en": "The courts have jurisdiction over offences committed on the territory or by nationals and "
            "habitual residents abroad, and prosecutors act ex officio, without any complaint by the "
            "victim.",
            "fr": "Les juridictions sont compétentes pour les infractions commises sur le territoire ou par "
            "des ressortissants et résidents habituels à l'étranger, et le parquet agit d'office, sans "
            "plainte de la victime.",
        },
    },
    "12.2": {
        "dual": {
            "en": "Prosecuting an offence committed abroad still requires that the conduct also be an "
            "offence where it took place (dual criminality), except for the most serious sexual offences.",
            "fr": "La poursuite d'une infraction commise à l'étranger exige encore que les faits soient "
            "aussi punissables dans le pays où ils ont été commis (double incrimination), sauf pour les "
            "infractions sexuelles les plus graves.",
        },
        "no_dual": {
            "en": "Dual criminality is not required for sexual offences against children: an offence "
            "committed abroad by a national can be prosecuted even if it is not punishable where it took "
            "place.",
            "fr": "La double incrimination n'est pas exigée pour les infractions sexuelles contre les "
            "enfants : une infraction commise à l'étranger par un ressortissant peut être poursuivie même si "
            "elle n'est pas punissable dans le pays où elle a été commise.",
        },
    },
}

# The linguistic versions: a short text per theme in the Party's national language, after the question's
# number, and the demo notice in that language.
NATIONAL_TEXTS = {
    "DE": {
        "language": "de",
        "question": "Frage {number}:",
        "prevention": "Deutschland setzt auf Aufklärung in den Schulen über die Risiken beim Versenden "
        "intimer Bilder sowie auf Informationsangebote für Eltern und Fachkräfte.",
        "protection": "In Deutschland erhalten betroffene Kinder kostenlose psychologische und rechtliche "
        "Unterstützung, und das Kinder- und Jugendtelefon ist anonym und kostenlos erreichbar.",
        "prosecution": "In Deutschland ermitteln spezialisierte Dienststellen der Polizei bei sexuellem "
        "Kindesmissbrauch im Internet; Polizei und Justiz werden regelmäßig fortgebildet.",
        "international_cooperation": "Deutschland arbeitet über Europol, INTERPOL und die internationale "
        "Rechtshilfe eng mit anderen Staaten zusammen.",
        "notice": "(Demo-Text, nicht die tatsächliche Antwort des Vertragsstaats.)",
    },
    "IT": {
        "language": "it",
        "question": "Domanda {number}:",
        "prevention": "L'Italia punta sull'educazione nelle scuole ai rischi della condivisione di immagini "
        "intime e su iniziative di sensibilizzazione per genitori e professionisti.",
        "protection": "In Italia i minori coinvolti ricevono gratuitamente sostegno psicologico e legale, e "
        "la linea di ascolto per l'infanzia è attiva giorno e notte.",
        "prosecution": "In Italia unità specializzate della polizia indagano sugli abusi sessuali sui minori "
        "commessi online; agenti, pubblici ministeri e giudici seguono una formazione specifica.",
        "international_cooperation": "L'Italia collabora strettamente con gli altri Stati tramite Europol, "
        "INTERPOL e l'assistenza giudiziaria.",
        "notice": "(Testo dimostrativo, non la risposta effettiva della Parte.)",
    },
    "PT": {
        "language": "pt",
        "question": "Pergunta {number}:",
        "prevention": "Portugal aposta na educação nas escolas sobre os riscos da partilha de imagens "
        "íntimas e em ações de sensibilização para pais e profissionais.",
        "protection": "Em Portugal, as crianças afetadas recebem gratuitamente apoio psicológico e jurídico, "
        "e a linha de apoio à criança funciona dia e noite.",
        "prosecution": "Em Portugal, unidades especializadas da polícia investigam os abusos sexuais de "
        "crianças cometidos em linha; polícias, procuradores e juízes recebem formação específica.",
        "international_cooperation": "Portugal coopera estreitamente com outros Estados através da Europol, "
        "da INTERPOL e do auxílio judiciário mútuo.",
        "notice": "(Texto de demonstração, não a resposta efetiva da Parte.)",
    },
}

# ---------------------------------------------------------------------------------------------------------
# Findings, adopted with the report on 10 March 2022 (seed 002). `parties` says whom a finding names:
# "all" (every Party monitored), or the name of a group of Parties chosen in `PARTY_GROUPS`. `evidence` is
# the question whose published answers (of the Parties named) are cited.
# ---------------------------------------------------------------------------------------------------------

REPORT_ADOPTED_AT = datetime(2022, 3, 10, 11, 30)
FINDINGS_DRAFTED_AT = datetime(2021, 11, 22, 10, 0)

# name: (how many Parties, Parties it must not share any with). The figures the seed gives are kept:
# 11 Parties refer explicitly to self-generated material, 8 have no definition of child sexual abuse
# material, 15 require a complaint by the victim, 13 apply dual criminality. The other sizes paraphrase
# "the vast majority", "most" and "a number of" Parties.
PARTY_GROUPS = {
    "explicit": (11, ()),
    "undefined": (8, ("explicit",)),
    "liable": (30, ()),
    "complaint": (15, ()),
    "dual": (13, ()),
    "coercion_gaps": (9, ()),
    "jurisdiction_gaps": (10, ()),
    "specialised": (27, ()),
    "universal": (7, ("dual",)),
    "civil_society": (29, ()),
}

FINDINGS = (
    {
        "kind": "recommendation",
        "grade": "invites",
        "questions": ("8",),
        "parties": "all",
        "evidence": "8",
        "title_en": "Speak of child sexual abuse material",
        "title_fr": "Parler de matériels d'abus sexuels sur enfants",
        "text_en": "The Committee invites the Parties to use the term “child sexual abuse material” rather "
        "than “child pornography” in their legislation and policies, in line with the Terminology "
        "Guidelines.",
        "text_fr": "Le Comité invite les Parties à employer l'expression « matériels d'abus sexuels sur "
        "enfants » plutôt que « pornographie enfantine » dans leur législation et leurs politiques, "
        "conformément aux Lignes directrices terminologiques.",
    },
    {
        "kind": "recommendation",
        "grade": "urges",
        "questions": ("8.1",),
        "parties": "undefined",
        "evidence": "8.1",
        "title_en": "Define child sexual abuse material in the law",
        "title_fr": "Définir les matériels d'abus sexuels sur enfants dans la loi",
        "text_en": "The Committee requires the Parties concerned to introduce a definition of child sexual "
        "abuse material into their legal framework, covering material produced by children themselves.",
        "text_fr": "Le Comité demande aux Parties concernées d'introduire dans leur cadre juridique une "
        "définition des matériels d'abus sexuels sur enfants, couvrant les contenus produits par les enfants "
        "eux-mêmes.",
        "figure_label_en": "Parties without a definition of child sexual abuse material in their legislation",
        "figure_label_fr": "Parties dont la législation ne définit pas les matériels d'abus sexuels sur "
        "enfants",
    },
    {
        "kind": "recommendation",
        "grade": "urges",
        "questions": ("9.1", "9.2", "9.2.a", "9.2.b"),
        "parties": "liable",
        "evidence": "9.2",
        "title_en": "Do not prosecute children for their own images",
        "title_fr": "Ne pas poursuivre les enfants pour leurs propres images",
        "text_en": "The Committee urges the Parties concerned to ensure that children are not prosecuted for "
        "possessing their own images, images of another child shared with that child's informed consent, "
        "or images they received without asking for them, for example when photos circulate in a whole "
        "school.",
        "text_fr": "Le Comité exhorte les Parties concernées à veiller à ce que les enfants ne soient pas "
        "poursuivis pour la détention de leurs propres images, d'images d'un autre enfant partagées avec son "
        "consentement éclairé ou d'images reçues sans les avoir demandées, par exemple lorsque des photos "
        "circulent dans toute une école.",
    },
    {
        "kind": "recommendation",
        "grade": "urges",
        "questions": ("11.1", "11.2"),
        "parties": "coercion_gaps",
        "evidence": "11.2",
        "title_en": "Criminalise coercion and extortion with self-generated images",
        "title_fr": "Incriminer la contrainte et l'extorsion au moyen d'images autoproduites",
        "text_en": "The Committee urges the Parties concerned to ensure that using self-generated images or "
        "videos to force, coerce or threaten a child, whether to obtain more material, sexual favours or "
        "money, is a criminal offence.",
        "text_fr": "Le Comité exhorte les Parties concernées à veiller à ce que l'utilisation d'images ou de "
        "vidéos autoproduites pour forcer, contraindre ou menacer un enfant, afin d'obtenir d'autres "
        "contenus, des faveurs sexuelles ou de l'argent, constitue une infraction pénale.",
    },
    {
        "kind": "recommendation",
        "grade": "considers",
        "questions": ("12.1",),
        "parties": "jurisdiction_gaps",
        "evidence": "12.1",
        "title_en": "Establish jurisdiction over transnational cases",
        "title_fr": "Établir la compétence pour les affaires transnationales",
        "text_en": "The Committee considers that the Parties concerned should establish jurisdiction over "
        "transnational cases of sexual exploitation and abuse of children, which matters particularly for "
        "child sexual abuse material and the live streaming of abuse.",
        "text_fr": "Le Comité considère que les Parties concernées devraient établir leur compétence pour "
        "les affaires transnationales d'exploitation et d'abus sexuels d'enfants, ce qui importe tout "
        "particulièrement pour les matériels d'abus sexuels sur enfants et la diffusion d'abus en direct.",
    },
    {
        "kind": "recommendation",
        "grade": "considers",
        "questions": ("12",),
        "parties": "complaint",
        "evidence": "12",
        "title_en": "Prosecute ex officio",
        "title_fr": "Poursuivre d'office",
        "text_en": "The Committee considers that the Parties concerned should make sure prosecutions can be "
        "initiated whether or not the victim has reported the offence or lodged a complaint.",
        "text_fr": "Le Comité considère que les Parties concernées devraient veiller à ce que des poursuites "
        "puissent être engagées, que la victime ait ou non signalé l'infraction ou porté plainte.",
        "figure_label_en": "Parties where prosecution may depend on a complaint by the victim",
        "figure_label_fr": "Parties où les poursuites peuvent dépendre d'une plainte de la victime",
    },
    {
        "kind": "recommendation",
        "grade": "invites",
        "questions": ("12.2",),
        "parties": "dual",
        "evidence": "12.2",
        "title_en": "Remove the requirement of dual criminality",
        "title_fr": "Supprimer l'exigence de double incrimination",
        "text_en": "The Committee invites the Parties concerned to remove the requirement of dual "
        "criminality for sexual offences against children committed abroad by their nationals or habitual "
        "residents.",
        "text_fr": "Le Comité invite les Parties concernées à supprimer l'exigence de double incrimination "
        "pour les infractions sexuelles contre les enfants commises à l'étranger par leurs ressortissants ou "
        "résidents habituels.",
        "figure_label_en": "Parties still applying dual criminality to sexual offences against children",
        "figure_label_fr": "Parties appliquant encore la double incrimination aux infractions sexuelles "
        "contre les enfants",
    },
    {
        "kind": "promising_practice",
        "questions": ("13.3", "15.2"),
        "parties": "specialised",
        "evidence": "13.3",
        "title_en": "Specialised units and training for police, prosecutors and judges",
        "title_fr": "Unités spécialisées et formation des policiers, procureurs et juges",
        "text_en": "Most Parties have units specialised in ICT-facilitated offences against children within "
        "law enforcement, and training modules for police officers, prosecutors and judges on child sexual "
        "exploitation and sexual abuse.",
        "text_fr": "La plupart des Parties disposent, au sein des services répressifs, d'unités spécialisées "
        "dans les infractions contre les enfants facilitées par les TIC, ainsi que de modules de formation "
        "pour les policiers, les procureurs et les juges sur l'exploitation et les abus sexuels d'enfants.",
    },
    {
        "kind": "promising_practice",
        "questions": ("16.2",),
        "parties": "universal",
        "evidence": "16.2",
        "title_en": "A “universal” jurisdiction for child sexual abuse material",
        "title_fr": "Une compétence « universelle » pour les matériels d'abus sexuels sur enfants",
        "text_en": "A number of Parties apply a kind of universal jurisdiction in cases of child sexual "
        "abuse material, prosecuting whether or not the conduct is an offence in the country of nationality "
        "or habitual residence of the victim or the offender.",
        "text_fr": "Plusieurs Parties appliquent une forme de compétence universelle dans les affaires de "
        "matériels d'abus sexuels sur enfants : elles poursuivent, que les faits soient ou non punissables "
        "dans le pays de nationalité ou de résidence habituelle de la victime ou de l'auteur.",
    },
    {
        "kind": "promising_practice",
        "questions": ("1.3", "4.2"),
        "parties": "civil_society",
        "evidence": "4.2",
        "title_en": "Working with civil society on prevention and victim support",
        "title_fr": "Travailler avec la société civile à la prévention et au soutien des victimes",
        "text_en": "Most Parties coordinate with civil society partners to prevent child sexual exploitation "
        "and abuse, including when ICTs facilitate it, through victim support services and awareness-raising "
        "initiatives.",
        "text_fr": "La plupart des Parties se coordonnent avec des partenaires de la société civile pour "
        "prévenir l'exploitation et les abus sexuels d'enfants, y compris lorsqu'ils sont facilités par les "
        "TIC, au moyen de services d'aide aux victimes et d'initiatives de sensibilisation.",
    },
    {
        "kind": "challenge",
        "questions": ("8",),
        "parties": "explicit",
        "evidence": "8",
        "title_en": "Few laws name child self-generated sexual material",
        "title_fr": "Peu de lois nomment les contenus sexuels autoproduits par des enfants",
        "text_en": "When the report was adopted, only a minority of Parties referred explicitly to child "
        "self-generated sexual material in their legal frameworks.",
        "text_fr": "Lors de l'adoption du rapport, seule une minorité de Parties mentionnait expressément "
        "les contenus sexuels autoproduits par des enfants dans leur cadre juridique.",
        "figure_label_en": "Parties referring explicitly to child self-generated sexual material",
        "figure_label_fr": "Parties mentionnant expressément les contenus sexuels autoproduits par des "
        "enfants",
    },
    {
        "kind": "challenge",
        "questions": ("9.2",),
        "parties": "liable",
        "evidence": "9.2",
        "title_en": "Children may still be criminally liable for their own images",
        "title_fr": "Les enfants restent exposés à des poursuites pour leurs propres images",
        "text_en": "In the vast majority of Parties, children are still potentially criminally liable for "
        "distributing or transmitting images or videos they took of themselves.",
        "text_fr": "Dans la grande majorité des Parties, les enfants restent potentiellement pénalement "
        "responsables de la diffusion ou de la transmission d'images ou de vidéos qu'ils ont prises "
        "d'eux-mêmes.",
        "figure_label_en": "Parties where children may be liable for sending images of themselves",
        "figure_label_fr": "Parties où un enfant peut être poursuivi pour l'envoi d'images de lui-même",
    },
    {
        "kind": "challenge",
        "questions": ("12",),
        "parties": "complaint",
        "evidence": "12",
        "title_en": "Prosecution that waits for the victim's complaint",
        "title_fr": "Des poursuites subordonnées à la plainte de la victime",
        "text_en": "When the report was adopted, prosecution for offences related to child sexual abuse "
        "material could not always be brought without a complaint by the victim; in one State, prosecution "
        "ex officio was possible only where the victim was a national.",
        "text_fr": "Lors de l'adoption du rapport, les poursuites pour des infractions liées aux matériels "
        "d'abus sexuels sur enfants ne pouvaient pas toujours être engagées sans plainte de la victime ; "
        "dans un État, la poursuite d'office n'était possible que si la victime en était ressortissante.",
        "figure_label_en": "Parties where prosecution cannot always be brought without a complaint by the "
        "victim",
        "figure_label_fr": "Parties où les poursuites ne peuvent pas toujours être engagées sans plainte de "
        "la victime",
    },
    {
        "kind": "challenge",
        "questions": ("6.1",),
        "parties": "all",
        "evidence": "6.1",
        "contributions": True,
        "title_en": "Few support services designed for child victims of online abuse",
        "title_fr": "Peu de services d'aide conçus pour les enfants victimes d'abus en ligne",
        "text_en": "Only a few Parties have support services specifically designed for child victims of "
        "online sexual abuse; most rely on general victim support services.",
        "text_fr": "Seules quelques Parties disposent de services d'aide spécialement conçus pour les "
        "enfants victimes d'abus sexuels en ligne ; la plupart s'appuient sur les services généraux d'aide "
        "aux victimes.",
    },
)

# A finding the Secretariat is still drafting: seen in the admin, never on the public portal.
DRAFT_FINDING = {
    "kind": "recommendation",
    "grade": "considers",
    "questions": ("7.3", "14.1"),
    # The questions cited belong to two themes: the finding names its own.
    "theme": "prosecution",
    "parties": "all",
    "title_en": "Collect data on cases involving self-generated material",
    "title_fr": "Collecter des données sur les affaires impliquant des contenus autoproduits",
    "text_en": "Draft: the Committee considers that the Parties should collect data on reports, "
    "investigations, prosecutions and convictions involving child self-generated sexual material, "
    "broken down by the age and sex of the children concerned.",
    "text_fr": "Projet : le Comité considère que les Parties devraient collecter des données sur les "
    "signalements, enquêtes, poursuites et condamnations impliquant des contenus sexuels autoproduits par "
    "des enfants, ventilées par âge et par sexe des enfants concernés.",
}
DRAFT_FINDING_CREATED_AT = datetime(2022, 2, 14, 15, 0)

# ---------------------------------------------------------------------------------------------------------
# Civil-society comments on published replies, within each Party's two-month window (the windows of the
# replies received on time close by the end of December 2017, seed 003). `author` is the demo user who wrote
# it; the organisation is that user's. Item texts and general parts are plain paragraphs. Which
# organisations commented, on what and when, and every text are demo content.
# ---------------------------------------------------------------------------------------------------------

CONTRIBUTIONS = (
    {
        "author": "ngo-alpha",
        "party": "FR",
        "title": "Commentaires sur la réponse de la France : soutien aux victimes et ligne d'écoute",
        "visibility": "public",
        "language": "fr",
        "state": "acknowledged",
        "created": datetime(2017, 11, 20, 10, 0),
        "submitted": datetime(2017, 12, 8, 16, 30),
        "acknowledged": datetime(2017, 12, 15, 11, 0),
        "general": "Notre réseau réunit des associations d'aide aux victimes dans six régions. Ces "
        "commentaires s'appuient sur les situations qu'elles ont suivies en 2017 ; ils portent sur l'accès "
        "des enfants victimes à un soutien spécialisé. (Partie générale de démonstration.)",
        "items": (
            (
                "6.1",
                "Les associations constatent que les enfants victimes de diffusion d'images intimes "
                "attendent souvent plusieurs mois avant d'obtenir un rendez-vous avec un psychologue. Un "
                "service spécialisé dans les abus sexuels en ligne manque encore. (Commentaire de "
                "démonstration.)",
            ),
            (
                "7.1",
                "La ligne d'écoute est appréciée des adolescents, mais son tchat n'est ouvert qu'en "
                "soirée. Nous recommandons d'étendre ses horaires et de mieux la faire connaître dans les "
                "collèges. (Commentaire de démonstration.)",
            ),
        ),
    },
    {
        "author": "ngo-beta",
        "party": "PT",
        "title": "Young people's views on awareness-raising in Portuguese schools",
        "visibility": "public",
        "language": "en",
        "state": "acknowledged",
        "children_involved": True,
        "children_involvement": "A group of twelve pupils aged 14 to 17 discussed the reply in two workshops "
        "and chose the points raised here.",
        "created": datetime(2017, 11, 13, 9, 30),
        "submitted": datetime(2017, 12, 12, 17, 45),
        "acknowledged": datetime(2017, 12, 18, 10, 20),
        "general": "Beta Youth Voice works with secondary schools in Lisbon and Porto. The points below come "
        "from two workshops in which pupils read the reply and said what they would change. (Demo general "
        "part.)",
        "items": (
            (
                "1.1",
                "Pupils told us that online safety lessons exist but often come too late, after the "
                "first requests for intimate pictures have already happened. They ask for lessons on sexting "
                "and consent from the age of eleven. (Demo comment.)",
            ),
            (
                "1.2",
                "Young people would like to design the next campaign themselves: the workshops showed "
                "that messages written by peers are taken far more seriously than adult posters. (Demo "
                "comment.)",
            ),
        ),
    },
    {
        "author": "ngo-alpha",
        "party": "DE",
        "title": "Comments on Germany's reply: criminal liability of children and cross-border cases",
        "visibility": "public",
        "language": "en",
        "state": "acknowledged",
        "created": datetime(2017, 11, 27, 14, 0),
        "submitted": datetime(2017, 12, 19, 12, 10),
        "acknowledged": datetime(2017, 12, 21, 9, 45),
        "general": "Our counselling partners in Berlin and Hamburg see children who shared or received "
        "self-generated images. We comment on how the law and the police treat them, and on cases that "
        "cross borders. (Demo general part.)",
        "items": (
            (
                "9.2.b",
                "Counsellors report that children who received images circulating in their school "
                "were questioned by the police as suspects. Clear guidance for prosecutors would avoid "
                "treating these children as offenders. (Demo comment.)",
            ),
            (
                "12.2",
                "We welcome the reply's account of jurisdiction, but cases of live-streamed abuse "
                "ordered from abroad show that any remaining condition of dual criminality should go. (Demo "
                "comment.)",
            ),
            (
                "13.1",
                "The specialised unit is well regarded, yet its staff are too few for the growing "
                "number of reports from platforms. (Demo comment.)",
            ),
        ),
    },
    {
        "author": "ngo-beta",
        "party": "IT",
        "title": "Confidential information on sextortion cases in Italy",
        "visibility": "confidential",
        "language": "en",
        "state": "acknowledged",
        "created": datetime(2017, 11, 20, 11, 0),
        "submitted": datetime(2017, 11, 27, 15, 0),
        "acknowledged": datetime(2017, 12, 4, 10, 0),
        "general": "Confidential: the cases summarised here were reported to our helpline partners in 2017 "
        "and must not be published. (Demo general part.)",
        "items": (
            (
                "11.2",
                "Our helpline partners followed several cases of financial sextortion of teenage boys "
                "by organised groups abroad; the details, which could identify the children, are for the "
                "Secretariat only. (Demo comment.)",
            ),
        ),
    },
    {
        "author": "ngo-alpha",
        "party": "BE",
        "title": "Brouillon : formation des magistrats en Belgique",
        "visibility": "public",
        "language": "fr",
        "state": "draft",
        "created": datetime(2017, 12, 1, 15, 20),
        "items": (
            (
                "15",
                "Brouillon à compléter : la formation des magistrats du parquet de la jeunesse aux "
                "infractions facilitées par les TIC reste facultative. (Commentaire de démonstration.)",
            ),
        ),
    },
)
