"""What the benchmarks ask for, chosen from the data so that any seeding works: the round with the most
published replies, its largest published reply, its most answered question, a word those answers use, the
largest reply a focal point edits; and the bench's own users (a focal point, a Secretariat member with
their second factor), with a password of the bench's."""

import dataclasses
import re
import time
from collections import Counter

PASSWORD = "bench-password-not-secret"
FOCAL, STAFF = "bench-focal", "bench-staff"


@dataclasses.dataclass(frozen=True)
class Targets:
    round: str
    party: str
    question: str
    search: str
    editor_round: str
    editor_party: str


def targets() -> Targets:
    from django.db.models import Count, F, Q, Sum
    from django.db.models.functions import Length

    from questionnaires.models import Question
    from rounds.models import Round
    from submissions.models import Answer, Reply

    published = Q(replies__state=Reply.State.PUBLISHED)
    round_ = (
        Round.objects.annotate(published=Count("replies", filter=published))
        .filter(published__gt=0)
        .order_by("-published", "-pk")
        .first()
    )
    if round_ is None:
        raise SystemExit("The benchmark database holds no published reply: nothing to measure.")
    replies = Reply.objects.filter(round=round_, state=Reply.State.PUBLISHED)
    party = (
        replies.annotate(size=Sum(Length("answers__text")))
        .order_by(F("size").desc(nulls_last=True), "party__code")[0]
        .party
    )
    question = (
        Question.objects.filter(questionnaire__round=round_)
        .annotate(answered=Count("answers", filter=Q(answers__reply__in=replies)))
        .order_by("-answered", "position")[0]
    )
    texts = Answer.objects.filter(reply__in=replies, question=question).values_list("text", flat=True)
    editor = (
        Reply.objects.filter(state__in=Reply.EDITABLE_STATES)
        .annotate(answered=Count("answers"))
        .order_by("-answered", "-round__pk", "party__code")
        .select_related("round", "party")
        .first()
    ) or replies.annotate(answered=Count("answers")).order_by("-answered", "party__code")[0]
    return Targets(
        round=round_.slug,
        party=party.code,
        question=question.number,
        search=_common_word(texts),
        editor_round=editor.round.slug,
        editor_party=editor.party.code,
    )


def _common_word(texts) -> str:
    """The most frequent long word of these texts: a query with many hits to rank."""
    words = Counter(word.lower() for text in texts for word in re.findall(r"[^\W\d_]{8,}", text))
    return words.most_common(1)[0][0] if words else "children"


def users(targets: Targets) -> None:
    """The bench's focal point (of the edited reply's Party) and Secretariat member, created or updated."""
    from django.contrib.auth import get_user_model
    from django.contrib.auth.models import Group, Permission

    from demo.services import SECRETARIAT_APPS, SECRETARIAT_GROUP
    from rounds.models import FocalPoint, Party

    model = get_user_model()
    focal, _ = model.objects.get_or_create(username=FOCAL, defaults={"email": f"{FOCAL}@example.org"})
    FocalPoint.objects.update_or_create(
        user=focal, defaults={"party": Party.objects.get(code=targets.editor_party)}
    )
    staff, _ = model.objects.get_or_create(
        username=STAFF, defaults={"email": f"{STAFF}@example.org", "is_staff": True}
    )
    group, created = Group.objects.get_or_create(name=SECRETARIAT_GROUP)
    if created:
        group.permissions.set(Permission.objects.filter(content_type__app_label__in=SECRETARIAT_APPS))
    staff.groups.add(group)
    for user in (focal, staff):
        user.set_password(PASSWORD)
        user.save()
    if _second_factor():
        from django_otp.plugins.otp_totp.models import TOTPDevice

        TOTPDevice.objects.get_or_create(user=staff, name="bench", defaults={"confirmed": True})


def _second_factor() -> bool:
    from django.apps import apps

    return apps.is_installed("django_otp.plugins.otp_totp")


def second_factor_token() -> str | None:
    """A current code of the bench's staff user's authenticator, or None when the portal has no second
    factor."""
    if not _second_factor():
        return None
    from django_otp.oath import totp
    from django_otp.plugins.otp_totp.models import TOTPDevice

    device = TOTPDevice.objects.get(user__username=STAFF, name="bench")
    if device.last_t >= int(time.time() - device.t0) // device.step:
        # This period's code is used up (a run moments ago): the next period's.
        time.sleep(device.step - (time.time() - device.t0) % device.step + 0.5)
    code = totp(device.bin_key, step=device.step, t0=device.t0, digits=device.digits, drift=device.drift)
    return f"{code:0{device.digits}d}"
