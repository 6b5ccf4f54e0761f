/**
 * Word classes the timeline rules read delivery promises with, whatever their grammatical form: a finite
 * promise ("will be live by May 1"), a present-tense offer ("orders ship within 24 hours"), a headline
 * ("48-hour delivery", "ready in one week"), a proposal label ("Timeline: 6 weeks") or a plan line
 * ("Week 3: go-live"). Kept as data, one class per line of meaning, so a new word joins a class, not a regex.
 */

/** A count of time units: "48", "4 to 5", "two", "forty-eight". */
export const COUNT = String.raw`(?:\d+(?:[.,]\d+)?(?:\s*(?:-|to)\s*\d+)?|an?|one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|fifteen|twenty|thirty|forty|sixty|ninety|twenty-four|forty-eight|seventy-two)`;
/** A unit of elapsed time (not a calendar date). */
export const UNIT = '(?:minutes?|mins?|hours?|hrs?|days?|weeks?|months?)';
/** "48 hours", "4 to 5 days", "two weeks", "30 business days", "2 weeks' time". */
export const DURATION = String.raw`${COUNT}[\s-]*(?:business[\s-]+|working[\s-]+|calendar[\s-]+)?${UNIT}(?:'\s*time)?`;

/** Nouns naming something delivered: the thing a deadline is put on in a headline ("48-hour delivery"). */
export const DELIVERY_NOUNS = [
  'delivery',
  'deliveries',
  'setup',
  'set-up',
  'turnaround',
  'turn-around',
  'implementation',
  'onboarding',
  'installation',
  'install',
  'go-live',
  'golive',
  'launch',
  'migration',
  'rollout',
  'roll-out',
  'deployment',
  'build',
  'integration',
  'activation',
  'fix',
  'resolution',
  'shipping',
  'dispatch',
  'handover',
  'hand-off',
  'cutover',
  'cut-over',
  'transformation',
  'automation',
];

/** Words that state the delivered result itself, in a verbless headline: "ready in 1 week", "live within 10 days". */
export const RESULT_WORDS = [
  ...DELIVERY_NOUNS,
  'delivered',
  'done',
  'finished',
  'completed',
  'ready',
  'live',
  'installed',
  'launched',
  'shipped',
  'ships',
  'ship',
  'deliver',
  'delivers',
  'up and running',
  'operational',
  'onboarded',
  'implemented',
  'deployed',
  'arrive',
  'arrives',
  'arrival',
  'in production',
  'go live',
  'goes live',
];

/** Verbs of delivering, in their base form, for offers in the infinitive or imperative ("install the stack in 30 days"). */
export const DELIVERY_VERBS = [
  'install',
  'deploy',
  'launch',
  'implement',
  'deliver',
  'ship',
  'fix',
  'resolve',
  'migrate',
  'set up',
  'build',
  'automate',
  'complete',
  'finish',
  'roll out',
  'go live',
  'onboard',
  'integrate',
  'transform',
  'digitize',
  'digitise',
  'modernize',
  'modernise',
  'replace',
  'upgrade',
  'get you live',
  'get you up and running',
  'get you set up',
  'have you live',
];

/** Headings of a plan or proposal whose value is a delivery duration ("Timeline: 7 weeks"). */
export const TIMELINE_LABELS = String.raw`(?:(?:implementation|delivery|rollout|roll-out|migration|onboarding|setup|set-up|build|installation|launch|go-live|project|deployment)\s+(?:time|timeline|timeframe|time\s+frame|duration|period|window)|timeline|timeframe|turnaround(?:\s+time)?|delivery|lead\s+time|time\s+to\s+(?:go-live|go\s+live|launch|value|first\s+results|live|results))`;

/** Steps of a plan that are a go-live or hand-over (a plan line "Week 4: Go-live"). */
export const GO_LIVE_STEP = String.raw`(?:go-live|go\s+live|golive|launch|live|delivery|handover|hand-off|hand\s+off|cutover|cut-over|rollout|roll-out|production)`;

/**
 * Hedges and conditions that make a time an estimate rather than a promise ("usually", "estimated", "if you…").
 * "Once you sign" starts the clock of a promise ("live within two weeks once you sign"), so it is not one.
 */
export const HEDGE_WORDS = String.raw`\b(?:aim|aims|aiming|target|targets|targeted|targeting|estimate|estimates|estimated|estimating|est|expect|expects|expected|expecting|hope|hoping|hopefully|plan|plans|planned|planning|tentative|tentatively|should|might|may(?!\s+\d)|could|likely|probably|approximately|approx|roughly|around|about|usually|typically|typical|normally|generally|on average|average|often|most|vary|varies|varying|if|unless|assuming|provided|depending|depends|subject to|pending|barring|ideally|fingers crossed|up to)\b`;

/** Past events: a duration describing what already happened ("it took 5 hours", "we fixed it within a day"). */
export const PAST_WORDS = String.raw`\b(?:was|were|took|had|did|went|got|ago|last\s+(?:week|month|year|quarter)|yesterday|earlier\s+today|this\s+morning|previously|since)\b|\b(?:we|i|they|he|she|it|team|company)\s+(?:\w+\s+)?(?:fixed|resolved|delivered|launched|shipped|installed|migrated|automated|completed|finished|implemented|deployed|restored|rolled)\b`;

/** Someone else's deadline or a request, not our promise ("please reply within 24 hours", "must be signed by"). */
export const NOT_OURS = String.raw`\b(?:please|kindly|must|need\s+to|needs\s+to|required|requires|deadline|no\s+later\s+than|make\s+sure|remember\s+to|you\s+should|you\s+have\s+to)\b`;

/** Words list -> alternation (longest first, spaces and hyphens interchangeable). */
export function alternation(words: readonly string[]): string {
  return [...words]
    .sort((a, b) => b.length - a.length)
    .map((w) => w.replace(/[.*+?^${}()|[\]\\]/g, '\\$&').replace(/[\s-]+/g, '[\\s-]+'))
    .join('|');
}
