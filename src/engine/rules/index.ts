// Every code rule, one per file under rules/<category>/<slug>.ts. The meta test fails when a file is missing here.
import type { Rule } from '../rule.ts';
import { rule as crossAccountLookalikeDomain } from './cross-account/lookalike-domain.ts';
import { rule as competitorFudNegativeClaim } from './competitor-fud/negative-claim.ts';
import { rule as crossAccountMixedRecipients } from './cross-account/mixed-recipients.ts';
import { rule as crossAccountOtherAccountMention } from './cross-account/other-account-mention.ts';
import { rule as genericTemplateNoSpecificContext } from './generic-template/no-specific-context.ts';
import { rule as genericTemplateWrongName } from './generic-template/wrong-name.ts';
import { rule as humanReviewMissingMarker } from './human-review/missing-marker.ts';
import { rule as onboardingMissingCriteria } from './onboarding/missing-criteria.ts';
import { rule as overcommitmentCertainOutcome } from './overcommitment/certain-outcome.ts';
import { rule as piiIban } from './pii/iban.ts';
import { rule as piiLabelledIdentifier } from './pii/labelled-identifier.ts';
import { rule as piiNationalId } from './pii/national-id.ts';
import { rule as piiPaymentCard } from './pii/payment-card.ts';
import { rule as piiSecret } from './pii/secret.ts';
import { rule as placeholderTemplateField } from './placeholder/template-field.ts';
import { rule as pricingAdHocPrice } from './pricing/ad-hoc-price.ts';
import { rule as pricingConcession } from './pricing/concession.ts';
import { rule as pricingDiscountLimit } from './pricing/discount-limit.ts';
import { rule as pricingUnapprovedPrice } from './pricing/unapproved-price.ts';
import { rule as slaResponseWindow } from './sla/response-window.ts';
import { rule as slaRootCause } from './sla/root-cause.ts';
import { rule as timelineDeliveryCommitment } from './timeline/delivery-commitment.ts';
import { rule as toneHostileLanguage } from './tone/hostile-language.ts';
import { rule as timelineDeliveryOffer } from './timeline/delivery-offer.ts';
import { rule as toneIncidentCare } from './tone/incident-care.ts';

export const CODE_RULES: readonly Rule[] = [
  crossAccountLookalikeDomain,
  crossAccountMixedRecipients,
  crossAccountOtherAccountMention,
  genericTemplateNoSpecificContext,
  genericTemplateWrongName,
  humanReviewMissingMarker,
  onboardingMissingCriteria,
  piiIban,
  piiPaymentCard,
  piiSecret,
  placeholderTemplateField,
  pricingDiscountLimit,
  pricingUnapprovedPrice,
  slaResponseWindow,
  slaRootCause,
  timelineDeliveryCommitment,
  toneIncidentCare,
  piiNationalId,
  pricingConcession,
  pricingAdHocPrice,
  toneHostileLanguage,
  piiLabelledIdentifier,
  timelineDeliveryOffer,
  overcommitmentCertainOutcome,
  competitorFudNegativeClaim,
];
