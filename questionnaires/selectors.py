from django.db.models import Exists, F, OuterRef, Q, QuerySet

from rounds.models import Party, Round

from .models import Question, Questionnaire

# How far up a sub-part looks for the Parties its question is asked of: 6.1.a → 6.1 → 6, and one more level.
ANCESTOR_LEVELS = 3


def questions_of(*, round: Round) -> QuerySet[Question]:
    """A round's questions in questionnaire order; questionnaires of visible rounds are public."""
    return Question.objects.filter(questionnaire__round=round).order_by("position")


def questionnaire_of(*, round: Round) -> Questionnaire | None:
    """A round's questionnaire (its title and preliminary remarks), if it has one yet."""
    return Questionnaire.objects.filter(round=round).first()


def addressed_to(party, *, prefix: str = "") -> Q:
    """The condition "the question is asked of `party`", one expression for a queryset of questions (or,
    with `prefix="question__"`, of rows pointing at a question, such as answers).

    A question naming no Parties is asked of every Party monitored in its round; a sub-part naming none
    follows the nearest question above it that names some. `party` is a Party, its id, a field of the rows
    filtered (`F("reply__party")`) or of the query around them (`OuterRef("party")`).
    """
    named = Question.parties.through.objects
    # Inside the subqueries on the link table, the rows filtered are one level out.
    if isinstance(party, OuterRef):
        party = OuterRef(party)
    elif isinstance(party, F):
        party = OuterRef(party.name)
    condition, none_named_so_far = Q(), Q()
    for level in range(ANCESTOR_LEVELS + 1):
        path = "__".join(["parent"] * level) if level else "pk"
        if prefix:
            path = prefix.removesuffix("__") if not level else f"{prefix}{path}"
        question = OuterRef(path)
        condition |= none_named_so_far & Exists(named.filter(question=question, party=party))
        none_named_so_far &= ~Exists(named.filter(question=question))
    return condition | none_named_so_far


def questions_for(*, round: Round, party: Party) -> QuerySet[Question]:
    """The round's questions asked of `party`, in questionnaire order: those naming it, and those naming no
    Parties (when the questions they are part of name none either)."""
    return questions_of(round=round).filter(addressed_to(party))


def parties_addressed(*, round: Round) -> dict[int, frozenset[int] | None]:
    """Per question id of the round, the ids of the Parties it is asked of, or None for every Party
    monitored, in one query whatever the number of questions and Parties (as `addressed_to` decides)."""
    parent_of: dict[int, int | None] = {}
    named: dict[int, set[int]] = {}
    rows = questions_of(round=round).order_by().values_list("pk", "parent_id", "parties")
    for question_id, parent_id, party_id in rows:
        parent_of[question_id] = parent_id
        if party_id is not None:
            named.setdefault(question_id, set()).add(party_id)
    result: dict[int, frozenset[int] | None] = {}
    for question_id in parent_of:
        current, level = question_id, 0
        while current is not None and current not in named and level < ANCESTOR_LEVELS:
            current, level = parent_of.get(current), level + 1
        result[question_id] = frozenset(named[current]) if current in named else None
    return result
