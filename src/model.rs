//! The analysis object: the one result `analyze` returns, serialised with camelCase names.
//!
//! Offsets: every `start`/`end` in this module counts **UTF-16 code units** into the analysed
//! text, half-open `[start, end)`, so that `text.slice(start, end)` in JavaScript returns the
//! span. The TypeScript declaration of these types lives in `src/analysis.d.ts`; a test keeps
//! the two in step.

use serde::{Deserialize, Serialize};

/// A half-open range `[start, end)` in UTF-16 code units of the analysed text.
#[derive(
    Clone, Copy, Debug, Default, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize,
)]
pub struct Span {
    /// First code unit of the span.
    pub start: usize,
    /// One past the last code unit of the span.
    pub end: usize,
}

/// Everything the analysis found in one article.
#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct Analysis {
    /// Non-empty paragraphs in text order.
    pub paragraphs: Vec<Paragraph>,
    /// Quotations and reported statements, in text order.
    pub quotes: Vec<Quote>,
    /// The voices the quotes are attributed to.
    pub speakers: Vec<Speaker>,
    /// Quoted words that are nobody's speech: names, labels, irony.
    pub scare_quotes: Vec<ScareQuote>,
    /// Countries and institutions mentioned.
    pub actors: Vec<Actor>,
    /// Directed actor-to-actor events.
    pub interactions: Vec<Interaction>,
    /// Per actor pair: a score, a label and its evidence.
    pub relations: Vec<Relation>,
    /// The ids of the two actors the article is about (empty until actors are found).
    pub focus: Vec<String>,
    /// Dated events.
    pub timeline: Vec<TimelineEvent>,
    /// The article's author, from a `By NAME (email)` line.
    pub byline: Option<Byline>,
}

/// One paragraph: a maximal run of non-blank lines' text, trimmed.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct Paragraph {
    /// First code unit of the trimmed paragraph.
    pub start: usize,
    /// One past its last code unit.
    pub end: usize,
    /// Index of an earlier paragraph with the same text after whitespace normalisation.
    pub duplicate_of: Option<usize>,
}

/// How a quote is given in the text.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
pub enum QuoteKind {
    /// Whole sentences between quotation marks.
    Direct,
    /// A quoted fragment inside the reporter's own sentence.
    Partial,
    /// Reported speech without quotation marks.
    Indirect,
}

/// One quotation or reported statement.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct Quote {
    /// Stable id within this analysis (`q1`, `q2`, …).
    pub id: String,
    /// Exactly the input's `[start, end)` slice: the words between the marks for direct and
    /// partial quotes, the reported clause for indirect ones.
    pub text: String,
    /// Direct, partial or indirect.
    pub kind: QuoteKind,
    /// First code unit of `text`.
    pub start: usize,
    /// One past its last code unit.
    pub end: usize,
    /// The id of the speaker in `speakers`, or null when nobody could be found.
    pub speaker: Option<String>,
    /// The reporting verb (`said`, `told`, `reads`…), or null.
    pub cue: Option<Cue>,
    /// The quote's stance toward the focus relationship, or null until stance is computed.
    pub stance: Option<Stance>,
}

/// A reporting verb and where it stands.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct Cue {
    /// The words of the cue as they stand in the text.
    pub text: String,
    /// First code unit.
    pub start: usize,
    /// One past the last code unit.
    pub end: usize,
}

/// A stance toward the focus relationship, with the words that moved it.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct Stance {
    /// From -1 (strained) to +1 (cordial).
    pub score: f64,
    /// `strained`, `mixed` or `cordial`.
    pub label: StanceLabel,
    /// The words that moved the score.
    pub cues: Vec<StanceCue>,
}

/// The stance in words.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
pub enum StanceLabel {
    /// The relationship is described as under strain.
    Strained,
    /// Evidence both ways, or too weak either way.
    Mixed,
    /// The relationship is described as close or improving.
    Cordial,
}

/// One word or phrase that moved a stance score.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct StanceCue {
    /// The words as they stand in the text.
    pub text: String,
    /// First code unit.
    pub start: usize,
    /// One past the last code unit.
    pub end: usize,
    /// Signed contribution to the score (negative: strained).
    pub weight: f64,
}

/// What kind of voice a speaker is.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
pub enum SpeakerKind {
    /// A named person.
    Person,
    /// An organisation, state media included.
    Organization,
    /// Several people spoken of together (`other analysts`).
    Group,
    /// A person the text does not name (`a U.S. official`).
    Unnamed,
}

/// A voice quoted in the article.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct Speaker {
    /// Stable id within this analysis (`s1`, `s2`, …).
    pub id: String,
    /// The fullest form of the name found in the text.
    pub name: String,
    /// Role or title, from appositives and titles.
    pub role: Option<String>,
    /// Organisation the speaker belongs to.
    pub org: Option<String>,
    /// Person, organisation, group or unnamed.
    pub kind: SpeakerKind,
    /// Other names the text uses for this speaker.
    pub aliases: Vec<String>,
    /// Every place the text names or refers to the speaker.
    pub mentions: Vec<Span>,
    /// The id of the country the speaker acts for, when the text gives it (an official or
    /// state medium the gazetteer knows), else null.
    #[serde(default)]
    pub country: Option<String>,
}

/// Quoted words that are nobody's speech.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct ScareQuote {
    /// The words between the marks.
    pub text: String,
    /// First code unit.
    pub start: usize,
    /// One past the last code unit.
    pub end: usize,
}

/// A country or institution the article mentions.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct Actor {
    /// Stable id (a country code such as `CHN`, or an institution's id).
    pub id: String,
    /// Display name.
    pub name: String,
    /// Every mention, names, adjectives and metonyms alike.
    pub mentions: Vec<Span>,
    /// Country, person or organisation.
    pub kind: ActorKind,
    /// The id of the country the actor belongs to (its own id for a country; null for
    /// international bodies).
    pub country: Option<String>,
    /// The role of a person or institution (`President of China`), from the gazetteer.
    pub role: Option<String>,
}

/// What kind of actor an [`Actor`] is.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
pub enum ActorKind {
    /// A state, named by its name, adjective or capital.
    Country,
    /// A public figure who acts for a country.
    Person,
    /// An institution: state media, a ministry, an army, an international body.
    Organization,
}

/// A directed event: one actor does something to another.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct Interaction {
    /// Id of the acting actor.
    pub source: String,
    /// Id of the actor acted on.
    pub target: String,
    /// The words that describe the event.
    pub text: String,
    /// First code unit.
    pub start: usize,
    /// One past the last code unit.
    pub end: usize,
    /// Goldstein-style score from -10 (conflict) to +10 (cooperation).
    pub score: f64,
    /// `verbalCooperation`, `materialCooperation`, `verbalConflict` or `materialConflict`.
    pub class: InteractionClass,
}

/// The four CAMEO quad classes.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
pub enum InteractionClass {
    /// Statements of support, praise, agreement.
    VerbalCooperation,
    /// Aid, trade, visits, troops sent to help.
    MaterialCooperation,
    /// Criticism, insults, threats.
    VerbalConflict,
    /// Sanctions, cuts, halts, force.
    MaterialConflict,
}

/// A verdict on one pair of actors.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct Relation {
    /// The two actor ids.
    pub pair: Vec<String>,
    /// The two actors' display names.
    pub pair_names: Vec<String>,
    /// From -1 (strained) to +1 (cordial).
    pub score: f64,
    /// The score in words.
    pub label: StanceLabel,
    /// One sentence that explains the verdict from its evidence.
    pub explanation: String,
    /// What the verdict rests on.
    pub evidence: Vec<Evidence>,
    /// The journalist's own stance, from the narration evidence alone (quoted voices kept
    /// apart), or null when the narration says nothing about the pair.
    pub narrator: Option<Stance>,
}

/// One piece of evidence behind a relation verdict.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct Evidence {
    /// `quote`, `narration` or `interaction`.
    pub kind: String,
    /// The quote id, for quote evidence.
    pub quote: Option<String>,
    /// The words the evidence rests on.
    pub text: String,
    /// First code unit.
    pub start: usize,
    /// One past the last code unit.
    pub end: usize,
    /// Signed contribution.
    pub weight: f64,
    /// The words that moved it (empty for interaction evidence, whose score comes from the
    /// event-verb table).
    pub cues: Vec<StanceCue>,
}

/// A dated event.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct TimelineEvent {
    /// The sentence or clause that carries the date.
    pub text: String,
    /// First code unit.
    pub start: usize,
    /// One past the last code unit.
    pub end: usize,
    /// ISO-style date: `2014`, `2013-12`, `2014-07-23`, or a range `1950/1953`.
    pub date: String,
    /// True when the date was inferred rather than stated.
    pub approximate: bool,
    /// The words that give the date (`in December`, `1950-53`, `last year`).
    pub when: Span,
    /// Ids of the actors involved.
    pub actors: Vec<String>,
}

/// The article's author.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct Byline {
    /// The author's name.
    pub author: String,
    /// The author's e-mail address, when given.
    pub email: Option<String>,
}
