//! Actors: countries, public figures and institutions, found by a gazetteer in data files
//! (`data/countries.tsv`, `data/actors.tsv`).
//!
//! Rules:
//! - Every country is known by its names, adjectives (`Chinese`, `Sino-`) and capitals used as
//!   metonyms (`Pyongyang`, `Beijing`); all of them are mentions of the country.
//! - Special forms (`the North`, `inter-Korean`, `the regime`) stand for one or more countries
//!   and count only when the text also names a country they require (`the North` needs a Korea).
//! - People and institutions are actors of their own, each belonging to a country (or to none,
//!   for international bodies). Interactions, relations and the timeline speak of *parties*: the
//!   country an actor belongs to, or the actor itself when it belongs to none.

use std::ops::Range;
use std::sync::OnceLock;

use crate::lexicon::{data_file, data_rows, FxMap, PhraseTable, Token};
use crate::model::ActorKind;

const COUNTRIES: &str = data_file!(include_str!("../data/countries.tsv"));
const ACTORS: &str = data_file!(include_str!("../data/actors.tsv"));

/// One known actor.
#[derive(Debug)]
pub(crate) struct Entity {
    /// Stable id: an ISO alpha-3 code for countries.
    pub(crate) id: &'static str,
    /// Display name.
    pub(crate) name: &'static str,
    /// Country, person or organisation.
    pub(crate) kind: ActorKind,
    /// The country it belongs to (itself for a country).
    pub(crate) country: Option<&'static str>,
    /// The role, for people and institutions.
    pub(crate) role: Option<&'static str>,
}

impl Entity {
    /// The party this actor acts for: its country, or itself when it has none.
    pub(crate) fn party(&self) -> &'static str {
        self.country.unwrap_or(self.id)
    }
}

/// What one gazetteer form stands for: ranges of the gazetteer's pools, which the forms of a
/// row share.
#[derive(Debug)]
struct Form {
    /// Indices into [`Gazetteer::entities`], in [`Gazetteer::targets`].
    targets: Range<u32>,
    /// Ids of which at least one must be named elsewhere (empty: always counts), in
    /// [`Gazetteer::requires`].
    requires: Range<u32>,
}

/// The gazetteer, built once from the data files.
#[derive(Debug)]
pub(crate) struct Gazetteer {
    pub(crate) entities: Vec<Entity>,
    by_id: FxMap<&'static str, usize>,
    forms: PhraseTable<Form>,
    targets: Vec<usize>,
    requires: Vec<&'static str>,
}

/// A mention: tokens `tok..tok + len` of a token list name entity `entity`.
#[derive(Clone, Debug, PartialEq, Eq)]
pub(crate) struct Mention {
    /// First token.
    pub(crate) tok: usize,
    /// Number of tokens.
    pub(crate) len: usize,
    /// Index into [`Gazetteer::entities`].
    pub(crate) entity: usize,
    /// Byte range in the text.
    pub(crate) range: Range<usize>,
    /// The mention's last token carries a possessive.
    pub(crate) possessive: bool,
}

fn split_list(s: Option<&'static str>) -> impl Iterator<Item = &'static str> + Clone {
    s.into_iter()
        .flat_map(|s| s.split('|'))
        .map(str::trim)
        .filter(|x| !x.is_empty())
}

/// Append `items` to a pool; their range in it.
fn pooled<T>(pool: &mut Vec<T>, items: impl Iterator<Item = T>) -> Range<u32> {
    let start = pool.len() as u32;
    pool.extend(items);
    start..pool.len() as u32
}

/// The gazetteer (parsed on first use).
pub(crate) fn gazetteer() -> &'static Gazetteer {
    static G: OnceLock<Gazetteer> = OnceLock::new();
    G.get_or_init(build)
}

fn build() -> Gazetteer {
    let mut entities = Vec::new();
    let mut by_id = FxMap::default();
    let mut forms = PhraseTable::default();
    let mut targets = Vec::new();
    let mut requires = Vec::new();
    // Countries first, so that forms below can refer to them.
    for row in data_rows(COUNTRIES) {
        let (id, Some(name)) = (row.first(), row.get(1)) else {
            continue;
        };
        let ix = entities.len();
        by_id.insert(id, ix);
        entities.push(Entity {
            id,
            name: name.trim_start_matches('?'),
            kind: ActorKind::Country,
            country: Some(id),
            role: None,
        });
        let target = pooled(&mut targets, std::iter::once(ix));
        let context = pooled(
            &mut requires,
            std::iter::once(id).chain(split_list(row.get(5))),
        );
        let names = std::iter::once(name)
            .chain(split_list(row.get(2)))
            .chain(split_list(row.get(3)))
            .chain(split_list(row.get(4)));
        for f in names {
            let (f, requires) = match f.strip_prefix('?') {
                Some(f) => (f, context.clone()),
                None => (f, 0..0),
            };
            forms.insert(
                f,
                Form {
                    targets: target.clone(),
                    requires,
                },
            );
        }
    }
    for row in data_rows(ACTORS) {
        let (id, Some(kind)) = (row.first(), row.get(1)) else {
            continue;
        };
        let countries = split_list(row.get(2));
        let names = split_list(row.get(3));
        let role = row.get(5).filter(|r| !r.is_empty());
        let target = match kind {
            "form" => pooled(
                &mut targets,
                countries.filter_map(|c| by_id.get(c).copied()),
            ),
            _ => {
                let ix = entities.len();
                by_id.insert(id, ix);
                entities.push(Entity {
                    id,
                    name: names.clone().next().unwrap_or(id),
                    kind: if kind == "person" {
                        ActorKind::Person
                    } else {
                        ActorKind::Organization
                    },
                    country: countries.clone().next(),
                    role,
                });
                pooled(&mut targets, std::iter::once(ix))
            }
        };
        let required = pooled(&mut requires, split_list(row.get(4)));
        for f in names {
            forms.insert(
                f,
                Form {
                    targets: target.clone(),
                    requires: required.clone(),
                },
            );
        }
    }
    Gazetteer {
        entities,
        by_id,
        forms,
        targets,
        requires,
    }
}

impl Form {
    /// Its entities.
    fn targets<'a>(&self, g: &'a Gazetteer) -> &'a [usize] {
        &g.targets[self.targets.start as usize..self.targets.end as usize]
    }

    /// The ids it requires.
    fn requires<'a>(&self, g: &'a Gazetteer) -> &'a [&'static str] {
        &g.requires[self.requires.start as usize..self.requires.end as usize]
    }
}

impl Gazetteer {
    /// The entity with this id.
    pub(crate) fn get(&self, id: &str) -> Option<&Entity> {
        self.by_id.get(id).map(|&i| &self.entities[i])
    }

    /// The display name of a party id (`CHN` → `China`); unknown ids are returned as they are.
    pub(crate) fn name_of<'a>(&'a self, id: &'a str) -> &'a str {
        self.get(id).map_or(id, |e| e.name)
    }

    /// Resolve a user-given name (`north korea`, `PRK`, `Pyongyang`) to a country id, ignoring
    /// case.
    pub(crate) fn resolve(&self, name: &str) -> Option<&'static str> {
        let name = name.trim();
        if let Some(e) = self.get(&name.to_ascii_uppercase()) {
            return Some(e.party());
        }
        let toks = crate::lexicon::tokens(name, 0..name.len());
        let form = self.forms.exact_ignoring_case(&toks)?;
        form.targets(self)
            .first()
            .map(|&t| self.entities[t].party())
    }

    /// Every mention in one token list, unconditional forms and conditional ones apart:
    /// conditional ones carry the ids they require.
    #[cfg(test)]
    pub(crate) fn scan(&self, toks: &[Token]) -> Vec<(Mention, &[&'static str])> {
        let mut out = Vec::new();
        self.scan_each(toks, |m, req| out.push((m, req)));
        out
    }

    /// Every mention in one token list, in order, each passed to `found` with the ids it
    /// requires (none for an unconditional form).
    pub(crate) fn scan_each<'a>(
        &'a self,
        toks: &[Token],
        mut found: impl FnMut(Mention, &'a [&'static str]),
    ) {
        self.forms.scan(toks, |i, n, form| {
            let range = toks[i].range.start..toks[i + n - 1].range.end;
            for &entity in form.targets(self) {
                found(
                    Mention {
                        tok: i,
                        len: n,
                        entity,
                        range: range.clone(),
                        possessive: toks[i + n - 1].possessive,
                    },
                    form.requires(self),
                );
            }
        });
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::lexicon::tokens;

    fn parties(text: &str) -> Vec<(&str, &'static str)> {
        let g = gazetteer();
        let toks = tokens(text, 0..text.len());
        g.scan(&toks)
            .into_iter()
            .map(|(m, _)| (&text[m.range], g.entities[m.entity].party()))
            .collect()
    }

    #[test]
    fn every_country_has_an_iso_id_and_a_name() {
        let g = gazetteer();
        let countries: Vec<&Entity> = g
            .entities
            .iter()
            .filter(|e| e.kind == ActorKind::Country)
            .collect();
        assert!(countries.len() >= 195, "{} countries", countries.len());
        for c in countries {
            assert_eq!(c.id.len(), 3, "{}", c.id);
            assert!(c.id.chars().all(|x| x.is_ascii_uppercase()), "{}", c.id);
            assert!(!c.name.is_empty());
        }
        for e in &g.entities {
            if let Some(c) = e.country {
                assert!(g.get(c).is_some(), "{} belongs to unknown {c}", e.id);
            }
        }
    }

    #[test]
    fn names_adjectives_capitals_people_and_institutions() {
        let cases: &[(&str, &[(&str, &str)])] = &[
            (
                "Pyongyang’s ties with Beijing",
                &[("Pyongyang", "PRK"), ("Beijing", "CHN")],
            ),
            (
                "Sino-North Korea ties",
                &[("Sino", "CHN"), ("North Korea", "PRK")],
            ),
            (
                "inter-Korean talks",
                &[("inter-Korean", "PRK"), ("inter-Korean", "KOR")],
            ),
            (
                "Kim Jong Un met Xi Jinping and Kim Jong-un’s aide",
                &[
                    ("Kim Jong Un", "PRK"),
                    ("Xi Jinping", "CHN"),
                    ("Kim Jong-un", "PRK"),
                ],
            ),
            (
                "the U.S. and the U.N. Security Council",
                &[("U.S", "USA"), ("U.N. Security Council", "unsc")],
            ),
            (
                "the Korean Central News Agency said",
                &[("Korean Central News Agency", "PRK")],
            ),
            ("the North’s media", &[("the North", "PRK")]),
            ("a trump card and china plates", &[]),
            ("South Korean President", &[("South Korean", "KOR")]),
            // Ambiguous names carry their context (checked against the whole text later).
            ("Georgia", &[("Georgia", "GEO")]),
        ];
        for (text, want) in cases {
            assert_eq!(&parties(text), want, "{text:?}");
        }
    }

    #[test]
    fn ambiguous_names_need_context() {
        let g = gazetteer();
        let text = "Georgia and Tbilisi";
        let toks = tokens(text, 0..text.len());
        let req: Vec<Vec<&str>> = g.scan(&toks).into_iter().map(|(_, r)| r.to_vec()).collect();
        assert_eq!(req[0][0], "GEO");
        assert!(req[0].contains(&"RUS"));
        assert!(req[1].is_empty());
    }

    #[test]
    fn resolve_user_names() {
        let g = gazetteer();
        assert_eq!(g.resolve("north korea"), Some("PRK"));
        assert_eq!(g.resolve("China"), Some("CHN"));
        assert_eq!(g.resolve("rus"), Some("RUS"));
        assert_eq!(g.resolve("Atlantis"), None);
    }
}
