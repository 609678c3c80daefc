"""Company-specific values (company.yml): never invented in content.

Playbooks refer to them by key, as an offer's `limit` or as `{company:key}`
in text. Unset values are shown to reps as "ask your team lead" and listed
by `kb check`.
"""

from __future__ import annotations

import re

from pydantic import ConfigDict, Field

from kb.content.model import ContentModel, LocalizedText

COMPANY_FILE = "company.yml"
PLACEHOLDER = re.compile(r"\{company:([a-z0-9-]+)\}")


class CompanySettings(ContentModel):
    model_config = ConfigDict(extra="forbid", frozen=True, populate_by_name=True)

    max_monthly_discount: LocalizedText | None = Field(
        None, alias="max-monthly-discount", description="Largest discount on the monthly bill a rep may offer")
    premium_service_period: LocalizedText | None = Field(
        None, alias="premium-service-period", description="How long a free premium service may be offered")
    refund_approver: LocalizedText | None = Field(None, alias="refund-approver", description="Who approves a refund")
    replacement_approver: LocalizedText | None = Field(
        None, alias="replacement-approver", description="Who approves a free replacement")
    coupon_value: LocalizedText | None = Field(None, alias="coupon-value", description="Value of a complaint coupon")
    punch_card_rule: LocalizedText | None = Field(
        None, alias="punch-card-rule", description="How many purchases earn the loyalty reward")
    escalation_contact: LocalizedText | None = Field(
        None, alias="escalation-contact", description="Whom a rep hands a call over to")
    follow_up_deadline: LocalizedText | None = Field(
        None, alias="follow-up-deadline", description="By when a rep follows up after a call")

    @classmethod
    def keys(cls) -> list[str]:
        return [field.alias for field in cls.model_fields.values() if field.alias]

    def value(self, key: str) -> LocalizedText | None:
        value: LocalizedText | None = getattr(self, key.replace("-", "_"))
        return value
