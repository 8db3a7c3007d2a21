"""Demo data for ``seed_demo``: the Parties to the Lanzarote Convention (CETS No. 201).

Names are written as the Council of Europe writes them. Dates come from the public Treaty Office chart where
a source confirmed them; a date is ``None`` where it was not sourced (never guessed).
"""

import datetime

# (ISO 639-1 code, or the ISO 639-3 code of a language without one; English name, French name)
LANGUAGES = (
    ("ar", "Arabic", "arabe"),
    ("az", "Azerbaijani", "azerbaïdjanais"),
    ("bg", "Bulgarian", "bulgare"),
    ("bs", "Bosnian", "bosnien"),
    ("ca", "Catalan", "catalan"),
    ("cnr", "Montenegrin", "monténégrin"),
    ("cs", "Czech", "tchèque"),
    ("da", "Danish", "danois"),
    ("de", "German", "allemand"),
    ("el", "Greek", "grec"),
    ("en", "English", "anglais"),
    ("es", "Spanish", "espagnol"),
    ("et", "Estonian", "estonien"),
    ("fi", "Finnish", "finnois"),
    ("fr", "French", "français"),
    ("ga", "Irish", "irlandais"),
    ("hr", "Croatian", "croate"),
    ("hu", "Hungarian", "hongrois"),
    ("hy", "Armenian", "arménien"),
    ("is", "Icelandic", "islandais"),
    ("it", "Italian", "italien"),
    ("ka", "Georgian", "géorgien"),
    ("lb", "Luxembourgish", "luxembourgeois"),
    ("lt", "Lithuanian", "lituanien"),
    ("lv", "Latvian", "letton"),
    ("mk", "Macedonian", "macédonien"),
    ("mt", "Maltese", "maltais"),
    ("nl", "Dutch", "néerlandais"),
    ("no", "Norwegian", "norvégien"),
    ("pl", "Polish", "polonais"),
    ("pt", "Portuguese", "portugais"),
    ("rm", "Romansh", "romanche"),
    ("ro", "Romanian", "roumain"),
    ("ru", "Russian", "russe"),
    ("sk", "Slovak", "slovaque"),
    ("sl", "Slovenian", "slovène"),
    ("sq", "Albanian", "albanais"),
    ("sr", "Serbian", "serbe"),
    ("sv", "Swedish", "suédois"),
    ("tr", "Turkish", "turc"),
    ("uk", "Ukrainian", "ukrainien"),
)

_D = datetime.date

# The Convention entered into force generally on 1 July 2010; for each later Party, on the first day of the
# month following three months after the deposit of its instrument.
PARTIES = (
    {
        "code": "AL",
        "name_en": "Albania",
        "name_fr": "Albanie",
        "languages": ("sq",),
        "signed": _D(2008, 12, 17),
        "ratified": _D(2009, 4, 14),
        "in_force": _D(2010, 7, 1),
    },
    {
        "code": "AD",
        "name_en": "Andorra",
        "name_fr": "Andorre",
        "languages": ("ca",),
        "signed": None,
        "ratified": _D(2014, 4, 30),
        "in_force": _D(2014, 8, 1),
    },
    {
        "code": "AM",
        "name_en": "Armenia",
        "name_fr": "Arménie",
        "languages": ("hy",),
        "signed": None,  # signed in 2010; exact day not confirmed
        "ratified": _D(2020, 9, 7),
        "in_force": _D(2021, 1, 1),
    },
    {
        "code": "AT",
        "name_en": "Austria",
        "name_fr": "Autriche",
        "languages": ("de",),
        "signed": _D(2007, 10, 25),
        "ratified": _D(2011, 2, 25),
        "in_force": _D(2011, 6, 1),
    },
    {
        "code": "AZ",
        "name_en": "Azerbaijan",
        "name_fr": "Azerbaïdjan",
        "languages": ("az",),
        "signed": None,
        "ratified": _D(2019, 12, 19),
        "in_force": _D(2020, 4, 1),
    },
    {
        "code": "BE",
        "name_en": "Belgium",
        "name_fr": "Belgique",
        "languages": ("nl", "fr", "de"),
        "signed": _D(2007, 10, 25),
        "ratified": None,
        "in_force": _D(2013, 7, 1),
    },
    {
        "code": "BA",
        "name_en": "Bosnia and Herzegovina",
        "name_fr": "Bosnie-Herzégovine",
        "languages": ("bs", "hr", "sr"),
        "signed": None,
        "ratified": _D(2012, 11, 14),
        "in_force": _D(2013, 3, 1),
    },
    {
        "code": "BG",
        "name_en": "Bulgaria",
        "name_fr": "Bulgarie",
        "languages": ("bg",),
        "signed": None,
        "ratified": _D(2011, 12, 15),
        "in_force": _D(2012, 4, 1),
    },
    {
        "code": "HR",
        "name_en": "Croatia",
        "name_fr": "Croatie",
        "languages": ("hr",),
        "signed": _D(2007, 10, 25),
        "ratified": _D(2011, 9, 21),
        "in_force": _D(2012, 1, 1),
    },
    {
        "code": "CY",
        "name_en": "Cyprus",
        "name_fr": "Chypre",
        "languages": ("el", "tr"),
        "signed": _D(2007, 10, 25),
        "ratified": None,  # deposited in February 2015; exact day not confirmed
        "in_force": _D(2015, 6, 1),
    },
    {
        "code": "CZ",
        "name_en": "Czech Republic",
        "name_fr": "République tchèque",
        "languages": ("cs",),
        "signed": _D(2014, 7, 17),
        "ratified": _D(2016, 5, 2),
        "in_force": _D(2016, 9, 1),
    },
    {
        "code": "DK",
        "name_en": "Denmark",
        "name_fr": "Danemark",
        "languages": ("da",),
        "signed": None,
        "ratified": _D(2009, 11, 18),
        "in_force": _D(2010, 7, 1),
    },
    {
        "code": "EE",
        "name_en": "Estonia",
        "name_fr": "Estonie",
        "languages": ("et",),
        "signed": None,
        "ratified": None,  # ratified in 2017; exact day not confirmed
        "in_force": None,
    },
    {
        "code": "FI",
        "name_en": "Finland",
        "name_fr": "Finlande",
        "languages": ("fi", "sv"),
        "signed": _D(2007, 10, 25),
        "ratified": _D(2011, 6, 9),
        "in_force": _D(2011, 10, 1),
    },
    {
        "code": "FR",
        "name_en": "France",
        "name_fr": "France",
        "languages": ("fr",),
        "signed": _D(2007, 10, 25),
        "ratified": None,  # eighth ratification, in 2010; exact day not confirmed
        "in_force": _D(2011, 1, 1),
    },
    {
        "code": "GE",
        "name_en": "Georgia",
        "name_fr": "Géorgie",
        "languages": ("ka",),
        "signed": _D(2009, 3, 12),
        "ratified": None,
        "in_force": _D(2015, 1, 1),
    },
    {
        "code": "DE",
        "name_en": "Germany",
        "name_fr": "Allemagne",
        "languages": ("de",),
        "signed": _D(2007, 10, 25),
        "ratified": _D(2015, 11, 18),
        "in_force": _D(2016, 3, 1),
    },
    {
        "code": "GR",
        "name_en": "Greece",
        "name_fr": "Grèce",
        "languages": ("el",),
        "signed": _D(2007, 10, 25),
        "ratified": _D(2009, 3, 10),
        "in_force": _D(2010, 7, 1),
    },
    {
        "code": "HU",
        "name_en": "Hungary",
        "name_fr": "Hongrie",
        "languages": ("hu",),
        "signed": None,
        "ratified": None,
        "in_force": _D(2015, 12, 1),
    },
    {
        "code": "IS",
        "name_en": "Iceland",
        "name_fr": "Islande",
        "languages": ("is",),
        "signed": None,
        "ratified": _D(2012, 9, 20),
        "in_force": _D(2013, 1, 1),
    },
    {
        "code": "IE",
        "name_en": "Ireland",
        "name_fr": "Irlande",
        "languages": ("ga", "en"),
        "signed": _D(2007, 10, 25),
        "ratified": None,  # deposited in December 2020; exact day not confirmed
        "in_force": _D(2021, 4, 1),
    },
    {
        "code": "IT",
        "name_en": "Italy",
        "name_fr": "Italie",
        "languages": ("it",),
        "signed": _D(2007, 11, 7),
        "ratified": _D(2013, 1, 3),
        "in_force": _D(2013, 5, 1),
    },
    {
        "code": "LV",
        "name_en": "Latvia",
        "name_fr": "Lettonie",
        "languages": ("lv",),
        "signed": None,
        "ratified": None,
        "in_force": _D(2014, 12, 1),
    },
    {
        "code": "LI",
        "name_en": "Liechtenstein",
        "name_fr": "Liechtenstein",
        "languages": ("de",),
        "signed": None,
        "ratified": None,
        "in_force": None,
    },
    {
        "code": "LT",
        "name_en": "Lithuania",
        "name_fr": "Lituanie",
        "languages": ("lt",),
        "signed": _D(2007, 10, 25),
        "ratified": None,
        "in_force": _D(2013, 8, 1),
    },
    {
        "code": "LU",
        "name_en": "Luxembourg",
        "name_fr": "Luxembourg",
        "languages": ("lb", "fr", "de"),
        "signed": None,
        "ratified": _D(2011, 9, 9),
        "in_force": _D(2012, 1, 1),
    },
    {
        "code": "MT",
        "name_en": "Malta",
        "name_fr": "Malte",
        "languages": ("mt", "en"),
        "signed": None,
        "ratified": None,
        "in_force": _D(2011, 1, 1),
    },
    {
        "code": "MC",
        "name_en": "Monaco",
        "name_fr": "Monaco",
        "languages": ("fr",),
        "signed": None,
        "ratified": _D(2014, 10, 7),
        "in_force": _D(2015, 2, 1),
    },
    {
        "code": "ME",
        "name_en": "Montenegro",
        "name_fr": "Monténégro",
        # Montenegrin, not Serbian: it has no ISO 639-1 code, so its ISO 639-3 code "cnr".
        "languages": ("cnr", "sq", "bs", "hr"),
        "signed": None,
        "ratified": _D(2010, 11, 25),
        "in_force": _D(2011, 3, 1),
    },
    {
        "code": "NL",
        "name_en": "Netherlands",
        "name_fr": "Pays-Bas",
        "languages": ("nl",),
        "signed": _D(2007, 10, 25),
        "ratified": _D(2010, 3, 1),  # acceptance, for the Kingdom in Europe
        "in_force": _D(2010, 7, 1),
    },
    {
        "code": "MK",
        "name_en": "North Macedonia",
        "name_fr": "Macédoine du Nord",
        "languages": ("mk", "sq"),
        "signed": _D(2007, 10, 25),
        "ratified": _D(2012, 6, 11),
        "in_force": _D(2012, 10, 1),
    },
    {
        "code": "NO",
        "name_en": "Norway",
        "name_fr": "Norvège",
        "languages": ("no",),
        "signed": _D(2007, 10, 25),
        "ratified": _D(2018, 6, 13),
        "in_force": _D(2018, 10, 1),
    },
    {
        "code": "PL",
        "name_en": "Poland",
        "name_fr": "Pologne",
        "languages": ("pl",),
        "signed": _D(2007, 10, 25),
        "ratified": None,
        "in_force": _D(2015, 6, 1),
    },
    {
        "code": "PT",
        "name_en": "Portugal",
        "name_fr": "Portugal",
        "languages": ("pt",),
        "signed": _D(2007, 10, 25),
        "ratified": _D(2012, 8, 23),
        "in_force": _D(2012, 12, 1),
    },
    {
        "code": "MD",
        "name_en": "Republic of Moldova",
        "name_fr": "République de Moldova",
        "languages": ("ro",),
        "signed": _D(2007, 10, 25),
        "ratified": _D(2012, 3, 12),
        "in_force": _D(2012, 7, 1),
    },
    {
        "code": "RO",
        "name_en": "Romania",
        "name_fr": "Roumanie",
        "languages": ("ro",),
        "signed": _D(2007, 10, 25),
        "ratified": None,
        "in_force": None,
    },
    {
        "code": "RU",
        "name_en": "Russian Federation",
        "name_fr": "Fédération de Russie",
        "languages": ("ru",),
        "signed": _D(2012, 10, 1),
        "ratified": _D(2013, 8, 9),
        "in_force": _D(2013, 12, 1),
    },
    {
        "code": "SM",
        "name_en": "San Marino",
        "name_fr": "Saint-Marin",
        "languages": ("it",),
        "signed": _D(2007, 10, 25),
        "ratified": None,  # one of the first five ratifications (March 2010); exact day not confirmed
        "in_force": _D(2010, 7, 1),
    },
    {
        "code": "RS",
        "name_en": "Serbia",
        "name_fr": "Serbie",
        "languages": ("sr",),
        "signed": _D(2007, 10, 25),
        "ratified": None,
        "in_force": None,
    },
    {
        "code": "SK",
        "name_en": "Slovak Republic",
        "name_fr": "République slovaque",
        "languages": ("sk",),
        "signed": None,
        "ratified": None,
        "in_force": None,
    },
    {
        "code": "SI",
        "name_en": "Slovenia",
        "name_fr": "Slovénie",
        "languages": ("sl",),
        "signed": _D(2007, 10, 25),
        "ratified": None,
        "in_force": _D(2014, 1, 1),
    },
    {
        "code": "ES",
        "name_en": "Spain",
        "name_fr": "Espagne",
        "languages": ("es",),
        "signed": _D(2009, 3, 12),
        "ratified": None,
        "in_force": _D(2010, 12, 1),
    },
    {
        "code": "SE",
        "name_en": "Sweden",
        "name_fr": "Suède",
        "languages": ("sv",),
        "signed": _D(2007, 10, 25),
        "ratified": None,
        "in_force": None,
    },
    {
        "code": "CH",
        "name_en": "Switzerland",
        "name_fr": "Suisse",
        "languages": ("de", "fr", "it", "rm"),
        "signed": _D(2010, 6, 16),
        "ratified": _D(2014, 3, 18),
        "in_force": _D(2014, 7, 1),
    },
    {
        "code": "TN",
        "name_en": "Tunisia",
        "name_fr": "Tunisie",
        "languages": ("ar",),
        "signed": None,  # accession: no signature
        "ratified": _D(2019, 10, 15),
        "in_force": _D(2020, 2, 1),
    },
    {
        "code": "TR",
        "name_en": "Türkiye",
        "name_fr": "Türkiye",
        "languages": ("tr",),
        "signed": _D(2007, 10, 25),
        "ratified": _D(2011, 12, 7),
        "in_force": _D(2012, 4, 1),
    },
    {
        "code": "UA",
        "name_en": "Ukraine",
        "name_fr": "Ukraine",
        "languages": ("uk",),
        "signed": None,
        "ratified": _D(2012, 8, 27),
        "in_force": _D(2012, 12, 1),
    },
    {
        "code": "GB",
        "name_en": "United Kingdom",
        "name_fr": "Royaume-Uni",
        "languages": ("en",),
        "signed": None,  # signed in 2008; exact day not confirmed
        "ratified": _D(2018, 6, 20),
        "in_force": _D(2018, 10, 1),
    },
)

# A handful of reservations/declarations, paraphrased (not the official wording).
RESERVATIONS = (
    {
        "party": "DK",
        "article": "20§3",
        "kind": "reservation",
        "text_en": (
            "Does not apply the offences of producing and possessing child sexual abuse images (Art. 20§1 "
            "a and e) where children over the age of sexual consent produce and keep the images "
            "themselves, with their consent and only for their own private use."
        ),
        "text_fr": (
            "N'applique pas les infractions de production et de détention d'images d'abus sexuels "
            "d'enfants (art. 20§1 a et e) lorsque des enfants ayant atteint l'âge de la majorité sexuelle "
            "produisent et conservent eux-mêmes ces images, avec leur accord et pour leur seul usage "
            "privé."
        ),
    },
    {
        "party": "RU",
        "article": "20§3",
        "kind": "reservation",
        "text_en": (
            "Does not apply Art. 20§1 a and e to material consisting only of simulated or realistic "
            "images of a non-existent child, nor to images that children over the age of sexual consent "
            "produce and keep with their consent for their own private use."
        ),
        "text_fr": (
            "N'applique pas l'art. 20§1 a et e aux représentations uniquement simulées ou aux images "
            "réalistes d'un enfant qui n'existe pas, ni aux images que des enfants ayant atteint l'âge de "
            "la majorité sexuelle produisent et conservent avec leur accord pour leur usage privé."
        ),
    },
    {
        "party": "RU",
        "article": "20§4",
        "kind": "reservation",
        "text_en": (
            "Does not apply Art. 20§1 f (knowingly obtaining access to child sexual abuse material "
            "through information and communication technologies)."
        ),
        "text_fr": (
            "N'applique pas l'art. 20§1 f (fait d'accéder sciemment, au moyen des technologies de "
            "l'information et de la communication, à de la pornographie enfantine)."
        ),
    },
    {
        "party": "MC",
        "article": "24§3",
        "kind": "reservation",
        "text_en": (
            "Does not, in whole or in part, criminalise attempt (Art. 24§2) for certain offences, notably "
            "those under Art. 20§1 f, Art. 21§1 c, Art. 22 and Art. 23."
        ),
        "text_fr": (
            "N'incrimine pas, en tout ou en partie, la tentative (art. 24§2) pour certaines infractions, "
            "notamment celles des art. 20§1 f, 21§1 c, 22 et 23."
        ),
    },
    {
        "party": "AD",
        "article": "24§3",
        "kind": "reservation",
        "text_en": (
            "Does not criminalise attempt (Art. 24§2) for the offence of knowingly attending pornographic "
            "performances involving children (Art. 21§1 c)."
        ),
        "text_fr": (
            "N'incrimine pas la tentative (art. 24§2) pour l'infraction consistant à assister en "
            "connaissance de cause à des spectacles pornographiques impliquant des enfants (art. 21§1 c)."
        ),
    },
    {
        "party": "ME",
        "article": "18§2",
        "kind": "declaration",
        "text_en": (
            "States the ages used for Art. 18§1: item a applies to persons under 16, item b to persons "
            "under 18."
        ),
        "text_fr": (
            "Précise les âges retenus pour l'art. 18§1 : le point a vise les personnes de moins de 16 "
            "ans, le point b celles de moins de 18 ans."
        ),
    },
    {
        "party": "NL",
        "article": "37§2",
        "kind": "declaration",
        "text_en": (
            "Names the Netherlands Forensic Institute as the national authority for the Kingdom in Europe "
            "under Art. 37 (data on convicted sexual offenders)."
        ),
        "text_fr": (
            "Désigne l'Institut néerlandais de criminalistique comme autorité nationale pour le Royaume "
            "en Europe au titre de l'art. 37 (données sur les personnes condamnées pour infractions "
            "sexuelles)."
        ),
    },
)
