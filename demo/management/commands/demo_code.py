from django.contrib.auth import get_user_model
from django.core.management.base import BaseCommand, CommandError
from django_otp.oath import TOTP
from django_otp.plugins.otp_totp.models import TOTPDevice

from demo.services import DEMO_DEVICE


class Command(BaseCommand):
    help = "Print the current second-factor code of a demo user (the demo Secretariat's authenticator)."

    def add_arguments(self, parser):
        parser.add_argument("username", nargs="?", default="secretariat")

    def handle(self, *args, username: str, **options):
        user = get_user_model().objects.filter(username=username).first()
        device = TOTPDevice.objects.filter(user=user, name=DEMO_DEVICE, confirmed=True).first()
        if device is None:
            raise CommandError(f"{username!r} has no demo authenticator: only seed_demo's users have one.")
        totp = TOTP(device.bin_key, device.step, device.t0, device.digits, device.drift)
        self.stdout.write(f"{totp.token():0{device.digits}d}")
