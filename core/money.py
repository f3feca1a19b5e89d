"""Amounts of money as French readers write them: « 1 250 000 € », « 2 500,50 € »."""

from decimal import Decimal

from django.core.validators import MinValueValidator
from django.db import models

THOUSANDS = "\u202f"  # narrow no-break space, as French typography groups digits
BEFORE_UNIT = "\u00a0"  # the unit never starts a line on its own


def euros(value):
    """« 1 250 000 € »; cents only when there are some (« 2 500,50 € »); "" for None."""
    if value is None or value == "":
        return ""
    value = Decimal(value).quantize(Decimal("0.01"))
    whole, cents = divmod(abs(value), 1)
    digits = f"{int(whole):,}".replace(",", THOUSANDS)
    if cents:
        digits += f",{int(cents * 100):02d}"
    sign = "-" if value < 0 else ""
    return f"{sign}{digits}{BEFORE_UNIT}€"


def amount_field(verbose_name, help_text):
    """An optional amount in euros, to the cent, never negative."""
    return models.DecimalField(
        verbose_name,
        max_digits=12,
        decimal_places=2,
        null=True,
        blank=True,
        validators=[MinValueValidator(0)],
        help_text=help_text,
    )
