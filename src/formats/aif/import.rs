//! Reading AIF JSON, as OVA, AIFdb and stancemap write it (flat, or inside OVA's `"AIF"`
//! object): I-nodes become claims, RA and CA nodes between I-nodes become relations, and
//! each L-node joined to an I-node by a YA node becomes its speaker's stance on that claim.

use super::extension::Extension;
use crate::formats::Reading;
use crate::formats::draft::{ActorDraft, ClaimDraft, Draft, Record, SourceDraft, StanceDraft};
use crate::formats::report::{ImportProblem, ImportReport, Origin};
use crate::formats::values::{parse_actor_kind, parse_confidence, parse_date, parse_position};
use crate::model::{Point, Position, RelationKind};
use serde_json::Value;
use std::collections::{BTreeMap, HashMap};

/// An id as AIF files write them: a number or a string.
fn id_of(value: Option<&Value>) -> Option<String> {
    match value? {
        Value::String(s) => Some(s.clone()),
        Value::Number(n) => Some(n.to_string()),
        _ => None,
    }
}

fn text_of<'a>(object: &'a Value, key: &str) -> &'a str {
    object.get(key).and_then(Value::as_str).unwrap_or("")
}

struct Node {
    text: String,
    kind: String,
}

/// Longest claim label taken from an I-node's text when the file has no label of its own.
const LABEL_CHARS: usize = 80;

fn label_from_text(text: &str) -> String {
    let text = text.split_whitespace().collect::<Vec<_>>().join(" ");
    if text.chars().count() <= LABEL_CHARS {
        return text;
    }
    let cut: String = text.chars().take(LABEL_CHARS - 1).collect();
    let cut = match cut.rfind(' ') {
        Some(space) if space > LABEL_CHARS / 2 => cut[..space].to_owned(),
        _ => cut,
    };
    format!("{cut}…")
}

/// The position an illocution stands for, when the file says nothing finer.
fn position_of_illocution(illocution: &str) -> Position {
    let key = illocution.to_lowercase();
    if key.contains("disagree") || key.contains("challeng") {
        Position::Opposes
    } else if key.contains("agree")
        || key.contains("assert")
        || key.contains("argu")
        || key.contains("restat")
    {
        Position::Supports
    } else {
        Position::Neutral
    }
}

/// Reads AIF JSON bytes.
pub fn read_aif(bytes: &[u8]) -> Result<Reading, ImportReport> {
    let text = crate::formats::spreadsheet::decode(bytes)?;
    let root: Value = serde_json::from_str(&text).map_err(|e| {
        ImportReport::single(format!(
            "line {}, column {}: this is not JSON: {e}",
            e.line(),
            e.column()
        ))
    })?;
    let aif = root.get("AIF").unwrap_or(&root);
    let (Some(nodes), Some(edges)) = (
        aif.get("nodes").and_then(Value::as_array),
        aif.get("edges").and_then(Value::as_array),
    ) else {
        return Err(ImportReport::single(
            "this JSON is not AIF: it has no \"nodes\" and \"edges\" lists",
        ));
    };
    let extension: Extension = root
        .get("stancemap")
        .and_then(|e| serde_json::from_value(e.clone()).ok())
        .unwrap_or_default();
    let mut reader = AifReader {
        nodes: BTreeMap::new(),
        order: Vec::new(),
        incoming: HashMap::new(),
        outgoing: HashMap::new(),
        problems: Vec::new(),
        notes: Vec::new(),
        extension,
    };
    reader.index(nodes, edges);
    let participants = participants(aif);
    let locutions = locutions(aif);
    let draft = reader.draft(&participants, &locutions);
    Ok(Reading {
        draft,
        problems: reader.problems,
        notes: reader.notes,
    })
}

/// Participant id → name.
fn participants(aif: &Value) -> HashMap<String, String> {
    aif.get("participants")
        .and_then(Value::as_array)
        .map(|list| {
            list.iter()
                .filter_map(|p| {
                    let id = id_of(p.get("participantID"))?;
                    let name = format!("{} {}", text_of(p, "firstname"), text_of(p, "surname"));
                    Some((id, name.trim().to_owned()))
                })
                .collect()
        })
        .unwrap_or_default()
}

/// L-node id → its locution entry.
fn locutions(aif: &Value) -> HashMap<String, Value> {
    aif.get("locutions")
        .and_then(Value::as_array)
        .map(|list| {
            list.iter()
                .filter_map(|l| Some((id_of(l.get("nodeID"))?, l.clone())))
                .collect()
        })
        .unwrap_or_default()
}

struct AifReader {
    nodes: BTreeMap<String, Node>,
    /// Node ids in file order.
    order: Vec<String>,
    incoming: HashMap<String, Vec<String>>,
    outgoing: HashMap<String, Vec<String>>,
    problems: Vec<ImportProblem>,
    notes: Vec<String>,
    extension: Extension,
}

impl AifReader {
    fn problem(&mut self, origin: String, message: impl Into<String>) {
        self.problems
            .push(ImportProblem::new(Origin::Element(origin), message));
    }

    fn index(&mut self, nodes: &[Value], edges: &[Value]) {
        for (i, node) in nodes.iter().enumerate() {
            let Some(id) = id_of(node.get("nodeID")) else {
                self.problem(format!("node {}", i + 1), "has no nodeID");
                continue;
            };
            let kind = text_of(node, "type").to_owned();
            if kind.is_empty() {
                self.problem(format!("node {id}"), "has no type (I, L, RA, CA, YA…)");
                continue;
            }
            self.order.push(id.clone());
            self.nodes.insert(
                id,
                Node {
                    text: text_of(node, "text").to_owned(),
                    kind,
                },
            );
        }
        for (i, edge) in edges.iter().enumerate() {
            let name = id_of(edge.get("edgeID")).unwrap_or_else(|| (i + 1).to_string());
            let (Some(from), Some(to)) = (id_of(edge.get("fromID")), id_of(edge.get("toID")))
            else {
                self.problem(format!("edge {name}"), "needs a fromID and a toID");
                continue;
            };
            let missing: Vec<&String> = [&from, &to]
                .into_iter()
                .filter(|id| !self.nodes.contains_key(*id))
                .collect();
            if let Some(id) = missing.first() {
                let id = (*id).clone();
                self.problem(
                    format!("edge {name}"),
                    format!("joins node {id}, which is not in the file"),
                );
                continue;
            }
            self.outgoing
                .entry(from.clone())
                .or_default()
                .push(to.clone());
            self.incoming.entry(to).or_default().push(from);
        }
    }

    fn kind(&self, id: &str) -> &str {
        self.nodes.get(id).map_or("", |n| n.kind.as_str())
    }

    fn neighbours<'a>(&'a self, map: &'a HashMap<String, Vec<String>>, id: &str) -> &'a [String] {
        map.get(id).map_or(&[], Vec::as_slice)
    }

    fn claim(&self, id: &str) -> ClaimDraft {
        let text = self.nodes.get(id).map_or("", |n| n.text.as_str());
        match self.extension.claims.get(id) {
            Some(extra) => ClaimDraft {
                label: if extra.label.trim().is_empty() {
                    label_from_text(text)
                } else {
                    extra.label.clone()
                },
                text: Some(text.to_owned()),
                tags: extra.tags.clone(),
                notes: extra.notes.clone(),
                at: Some(Point::new(extra.x, extra.y)),
            },
            None => ClaimDraft {
                label: label_from_text(text),
                text: Some(text.trim().to_owned()),
                ..ClaimDraft::default()
            },
        }
    }

    fn actor(
        &self,
        person: &str,
        fallback_name: &str,
        participants: &HashMap<String, String>,
    ) -> ActorDraft {
        match self.extension.actors.get(person) {
            Some(extra) => ActorDraft {
                name: extra.name.clone(),
                kind: parse_actor_kind(&extra.kind).ok(),
                camp: extra.camp.clone(),
                aliases: extra.aliases.clone(),
                colour: extra.colour.as_deref().and_then(|c| c.parse().ok()),
                at: Some(Point::new(extra.x, extra.y)),
            },
            None => ActorDraft::named(
                participants
                    .get(person)
                    .cloned()
                    .filter(|n| !n.is_empty())
                    .unwrap_or_else(|| fallback_name.to_owned()),
            ),
        }
    }

    fn draft(
        &mut self,
        participants: &HashMap<String, String>,
        locutions: &HashMap<String, Value>,
    ) -> Draft {
        let mut draft = Draft {
            title: Some(self.extension.title.clone()).filter(|t| !t.trim().is_empty()),
            description: Some(self.extension.description.clone()).filter(|d| !d.is_empty()),
            records: Vec::new(),
        };
        for source in &self.extension.sources {
            draft.push(
                Origin::Element(format!("source “{}”", source.title)),
                Record::Source(SourceDraft {
                    title: source.title.clone(),
                    publisher: Some(source.publisher.clone()),
                    date: source.date.as_deref().and_then(|d| parse_date(d).ok()),
                    url: source.url.clone(),
                    language: source.language.clone(),
                    notes: source.notes.clone(),
                }),
            );
        }
        let mut spoken = std::collections::HashSet::new();
        let order = self.order.clone();
        let mut skipped_kinds: BTreeMap<String, usize> = BTreeMap::new();
        for id in &order {
            let origin = Origin::Element(format!("node {id}"));
            match self.kind(id) {
                "I" => draft.push(origin, Record::Claim(self.claim(id))),
                "RA" | "CA" => self.relation(id, origin, &mut draft),
                "L" => {
                    if let Some(person) = self.stances(id, participants, locutions, &mut draft) {
                        spoken.insert(person);
                    }
                }
                "YA" | "TA" => {}
                other => *skipped_kinds.entry(other.to_owned()).or_default() += 1,
            }
        }
        for (kind, n) in skipped_kinds {
            self.notes.push(format!(
                "{n} {kind} node{} left out: stancemap maps I, L, RA, CA and YA nodes",
                if n == 1 { "" } else { "s" }
            ));
        }
        // Participants who say nothing in the file still come in as actors.
        let mut silent: Vec<&String> = participants
            .keys()
            .filter(|p| !spoken.contains(*p))
            .collect();
        silent.sort();
        for person in silent {
            let actor = self.actor(person, person, participants);
            draft.push(
                Origin::Element(format!("participant {person}")),
                Record::Actor(actor),
            );
        }
        draft
    }

    fn relation(&mut self, id: &str, origin: Origin, draft: &mut Draft) {
        let kind = if self.kind(id) == "RA" {
            RelationKind::Supports
        } else {
            RelationKind::Attacks
        };
        let premises: Vec<String> = self.neighbours(&self.incoming, id).to_vec();
        let conclusions: Vec<String> = self.neighbours(&self.outgoing, id).to_vec();
        let to = conclusions.iter().find(|c| self.kind(c) == "I").cloned();
        let Some(to) = to else {
            let message = if conclusions.is_empty() {
                "leads to no claim".to_owned()
            } else {
                "bears on an inference or conflict rather than a claim, which stancemap \
                 cannot show"
                    .to_owned()
            };
            self.problems.push(ImportProblem::new(origin, message));
            return;
        };
        let note = self.extension.relations.get(id).cloned();
        let mut any = false;
        for from in premises.iter().filter(|p| self.kind(p) == "I") {
            any = true;
            draft.push(
                origin.clone(),
                Record::Relation {
                    from: self.claim(from),
                    to: self.claim(&to),
                    kind,
                    note: note.clone(),
                },
            );
        }
        if !any {
            self.problems
                .push(ImportProblem::new(origin, "comes from no claim"));
        }
    }

    /// The stances an L-node records; returns its speaker's participant id.
    fn stances(
        &mut self,
        id: &str,
        participants: &HashMap<String, String>,
        locutions: &HashMap<String, Value>,
        draft: &mut Draft,
    ) -> Option<String> {
        let origin = Origin::Element(format!("node {id}"));
        let text = self.nodes.get(id).map_or(String::new(), |n| n.text.clone());
        let locution = locutions.get(id);
        let person = locution.and_then(|l| id_of(l.get("personID")));
        // "Speaker: words" (IAT writes the speaker before a colon).
        let (spoken_name, words) = match text.split_once(':') {
            Some((name, words)) if !name.trim().is_empty() && name.chars().count() <= 80 => {
                (name.trim().to_owned(), words.trim().to_owned())
            }
            _ => (String::new(), text.trim().to_owned()),
        };
        let actor = match &person {
            Some(person) => self.actor(person, &spoken_name, participants),
            None => ActorDraft::named(spoken_name.clone()),
        };
        if actor.name.trim().is_empty() {
            self.problems.push(ImportProblem::new(
                origin,
                "names no speaker: no locution gives a participant and the text does not \
                 start with “Name:”",
            ));
            return person;
        }
        let extra = self.extension.stances.get(id).cloned();
        let locution_date = locution
            .and_then(|l| l.get("start"))
            .and_then(Value::as_str)
            .and_then(|s| parse_date(s).ok());
        let source_title = extra
            .as_ref()
            .and_then(|e| e.source.clone())
            .or_else(|| {
                locution
                    .and_then(|l| l.get("source"))
                    .and_then(Value::as_str)
                    .map(str::to_owned)
            })
            .filter(|s| !s.trim().is_empty());
        let source = source_title.map(|title| {
            self.extension
                .sources
                .iter()
                .find(|s| s.title == title)
                .map(|s| SourceDraft {
                    title: s.title.clone(),
                    publisher: Some(s.publisher.clone()),
                    date: s.date.as_deref().and_then(|d| parse_date(d).ok()),
                    url: s.url.clone(),
                    language: s.language.clone(),
                    notes: s.notes.clone(),
                })
                .unwrap_or_else(|| SourceDraft::titled(title))
        });
        let claims: Vec<(String, String)> = self
            .neighbours(&self.outgoing, id)
            .iter()
            .filter(|ya| self.kind(ya) == "YA")
            .flat_map(|ya| {
                let illocution = self.nodes.get(ya).map_or(String::new(), |n| n.text.clone());
                self.neighbours(&self.outgoing, ya)
                    .iter()
                    .filter(|c| self.kind(c) == "I")
                    .map(move |c| (c.clone(), illocution.clone()))
                    .collect::<Vec<_>>()
            })
            .collect();
        for (claim, illocution) in claims {
            let position = extra
                .as_ref()
                .and_then(|e| parse_position(&e.position, None).ok())
                .unwrap_or_else(|| position_of_illocution(&illocution));
            let stance = StanceDraft {
                position,
                confidence: extra
                    .as_ref()
                    .and_then(|e| e.confidence.as_deref())
                    .and_then(|c| parse_confidence(c).ok()),
                quote: extra
                    .as_ref()
                    .map_or_else(|| words.clone(), |e| e.quote.clone()),
                translation: extra.as_ref().and_then(|e| e.translation.clone()),
                date: extra
                    .as_ref()
                    .and_then(|e| e.date.as_deref())
                    .and_then(|d| parse_date(d).ok())
                    .or(locution_date),
                notes: extra.as_ref().and_then(|e| e.notes.clone()),
            };
            draft.push(
                origin.clone(),
                Record::Stance {
                    actor: actor.clone(),
                    claim: self.claim(&claim),
                    source: source.clone(),
                    stance,
                },
            );
        }
        person
    }
}
