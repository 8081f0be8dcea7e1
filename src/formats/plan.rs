//! Turning a [`Draft`] into one edit on a map: actors are matched by name or alias, claims by
//! label and sources by title (ignoring case and spaces), the rest is created. A record the
//! map cannot take (a name too long, a second stance that contradicts one already recorded)
//! is left out whole and reported with its place in the file; nothing of it is created.

use super::draft::{ActorDraft, ClaimDraft, Draft, Placed, Record, SourceDraft, StanceDraft};
use super::report::ImportProblem;
use crate::model::rules::{self, MAX_TEXT_CHARS};
use crate::model::{
    Actor, ActorId, ActorKind, Claim, ClaimId, Date, Edit, IdAllocator, ItemId, Map, NodeId, Point,
    Relation, RelationKind, Source, SourceId, Stance,
};
use std::collections::{HashMap, HashSet};

/// How many items an import creates, and how many of the file's items were already there.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub struct ImportSummary {
    /// Actors created.
    pub actors_added: usize,
    /// Claims created.
    pub claims_added: usize,
    /// Sources created.
    pub sources_added: usize,
    /// Stances created.
    pub stances_added: usize,
    /// Relations created.
    pub relations_added: usize,
    /// Actors, claims and sources the file names that the map had already (each counted
    /// once, however often the file names it).
    pub matched: usize,
    /// Stances and relations the map already records exactly so (left as they are).
    pub already_there: usize,
}

impl ImportSummary {
    /// "3 actors, 5 claims, 12 stances added; 4 items matched existing ones".
    pub fn describe(&self) -> String {
        use crate::counts::counted;
        let mut added = Vec::new();
        for (n, one, many) in [
            (self.actors_added, "actor", "actors"),
            (self.claims_added, "claim", "claims"),
            (self.stances_added, "stance", "stances"),
            (self.relations_added, "relation", "relations"),
            (self.sources_added, "source", "sources"),
        ] {
            if n > 0 {
                added.push(counted(n, one, many));
            }
        }
        let mut text = if added.is_empty() {
            "nothing new added".to_owned()
        } else {
            format!("{} added", added.join(", "))
        };
        if self.matched > 0 {
            text.push_str(&format!(
                "; {} matched ones already in the map",
                counted(self.matched, "name", "names")
            ));
        }
        if self.already_there > 0 {
            text.push_str(&format!(
                "; {} already recorded",
                counted(
                    self.already_there,
                    "stance or relation",
                    "stances or relations"
                )
            ));
        }
        text
    }

    /// Whether the import adds anything.
    pub fn adds_anything(&self) -> bool {
        self.actors_added
            + self.claims_added
            + self.sources_added
            + self.stances_added
            + self.relations_added
            > 0
    }
}

/// What importing a draft into a map would do.
#[derive(Debug, Clone, PartialEq)]
pub struct Plan {
    /// Every change, as one batch (one undo step).
    pub edit: Edit,
    /// The actors and claims it creates without a position of their own, to be placed.
    pub unplaced: Vec<NodeId>,
    /// What it adds and matches.
    pub summary: ImportSummary,
    /// The records left out, each with why.
    pub problems: Vec<ImportProblem>,
    /// The title the file gives the map, if any.
    pub title: Option<String>,
    /// The description the file gives the map, if any.
    pub description: Option<String>,
}

/// Plans the import of `draft` into `map`, which is not changed.
pub fn plan(map: &Map, draft: &Draft) -> Plan {
    let mut planner = Planner::new(map);
    for placed in &draft.records {
        planner.record(placed);
    }
    planner.summary.matched = planner.matched.len();
    Plan {
        edit: Edit::Batch(planner.edits),
        unplaced: planner.unplaced,
        summary: planner.summary,
        problems: planner.problems,
        title: draft.title.clone(),
        description: draft.description.clone(),
    }
}

/// The key names are matched by: lower case, without any spaces.
pub fn name_key(name: &str) -> String {
    name.chars()
        .filter(|c| !c.is_whitespace())
        .flat_map(char::to_lowercase)
        .collect()
}

type StanceKey = (ActorId, ClaimId, Option<SourceId>, Option<Date>);

struct Planner {
    ids: IdAllocator,
    actors: HashMap<String, ActorId>,
    claims: HashMap<String, ClaimId>,
    sources: HashMap<String, SourceId>,
    /// Stances recorded so far (in the map or planned), with their position and quote.
    stances: HashMap<StanceKey, (crate::model::Position, String)>,
    relations: HashMap<(ClaimId, ClaimId), RelationKind>,
    edits: Vec<Edit>,
    unplaced: Vec<NodeId>,
    summary: ImportSummary,
    problems: Vec<ImportProblem>,
    /// Items of the map the file named.
    matched: HashSet<ItemId>,
}

/// What one record adds, kept apart until the whole record is known to be good.
#[derive(Default)]
struct Pending {
    edits: Vec<Edit>,
    actors: Vec<(String, ActorId)>,
    claims: Vec<(String, ClaimId)>,
    sources: Vec<(String, SourceId)>,
    unplaced: Vec<NodeId>,
    summary: ImportSummary,
    matched: Vec<ItemId>,
}

impl Planner {
    fn new(map: &Map) -> Self {
        let mut actors = HashMap::new();
        for actor in map.actors() {
            for name in std::iter::once(&actor.name).chain(&actor.aliases) {
                actors.entry(name_key(name)).or_insert(actor.id);
            }
        }
        let mut claims = HashMap::new();
        for claim in map.claims() {
            claims.entry(name_key(&claim.label)).or_insert(claim.id);
        }
        let mut sources = HashMap::new();
        for source in map.sources() {
            sources.entry(name_key(&source.title)).or_insert(source.id);
        }
        let stances = map
            .stances()
            .map(|s| {
                (
                    (s.actor, s.claim, s.source, s.date),
                    (s.position, s.quote.clone()),
                )
            })
            .collect();
        let relations = map.relations().map(|r| ((r.from, r.to), r.kind)).collect();
        Planner {
            ids: map.id_allocator(),
            actors,
            claims,
            sources,
            stances,
            relations,
            edits: Vec::new(),
            unplaced: Vec::new(),
            summary: ImportSummary::default(),
            problems: Vec::new(),
            matched: HashSet::new(),
        }
    }

    fn record(&mut self, placed: &Placed) {
        let mut pending = Pending::default();
        match self.plan_record(&placed.record, &mut pending) {
            Ok(()) => self.commit(pending),
            Err(message) => self
                .problems
                .push(ImportProblem::new(placed.origin.clone(), message)),
        }
    }

    fn commit(&mut self, pending: Pending) {
        self.edits.extend(pending.edits);
        self.actors.extend(pending.actors);
        self.claims.extend(pending.claims);
        self.sources.extend(pending.sources);
        self.unplaced.extend(pending.unplaced);
        self.matched.extend(pending.matched);
        let (s, p) = (&mut self.summary, pending.summary);
        s.actors_added += p.actors_added;
        s.claims_added += p.claims_added;
        s.sources_added += p.sources_added;
        s.stances_added += p.stances_added;
        s.relations_added += p.relations_added;
        s.already_there += p.already_there;
    }

    fn plan_record(&mut self, record: &Record, pending: &mut Pending) -> Result<(), String> {
        match record {
            Record::Actor(actor) => self.actor(actor, pending).map(|_| ()),
            Record::Claim(claim) => self.claim(claim, pending).map(|_| ()),
            Record::Source(source) => self.source(source, pending).map(|_| ()),
            Record::Stance {
                actor,
                claim,
                source,
                stance,
            } => {
                let actor = self.actor(actor, pending)?;
                let claim = self.claim(claim, pending)?;
                let source = match source {
                    Some(source) => Some(self.source(source, pending)?),
                    None => None,
                };
                self.stance(actor, claim, source, stance, pending)
            }
            Record::Relation {
                from,
                to,
                kind,
                note,
            } => {
                let from = self.claim(from, pending)?;
                let to = self.claim(to, pending)?;
                self.relation(from, to, *kind, note.as_ref(), pending)
            }
        }
    }

    fn actor(&mut self, draft: &ActorDraft, pending: &mut Pending) -> Result<ActorId, String> {
        let key = name_key(&draft.name);
        if key.is_empty() {
            return Err("the actor's name is empty".to_owned());
        }
        if let Some(&id) = self.actors.get(&key) {
            pending.matched.push(id.into());
            return Ok(id);
        }
        if let Some((_, id)) = pending.actors.iter().find(|(k, _)| *k == key) {
            return Ok(*id);
        }
        let id = self.ids.actor();
        let mut actor = Actor::new(
            id,
            draft.name.trim(),
            draft.kind.unwrap_or(ActorKind::Other),
            draft.at.unwrap_or_default(),
        );
        actor.camp = draft.camp.clone().filter(|c| !c.trim().is_empty());
        actor.aliases = draft
            .aliases
            .iter()
            .map(|a| a.trim().to_owned())
            .filter(|a| !a.is_empty())
            .collect();
        actor.colour = draft.colour;
        let mut problems = Vec::new();
        rules::check_actor(&actor, &mut problems);
        first_message(problems, "actor", &draft.name)?;
        if draft.at.is_none() {
            pending.unplaced.push(id.into());
        }
        for alias in &actor.aliases {
            pending.actors.push((name_key(alias), id));
        }
        pending.actors.push((key, id));
        pending.edits.push(Edit::AddActor(actor));
        pending.summary.actors_added += 1;
        Ok(id)
    }

    fn claim(&mut self, draft: &ClaimDraft, pending: &mut Pending) -> Result<ClaimId, String> {
        let key = name_key(&draft.label);
        if key.is_empty() {
            return Err("the claim's label is empty".to_owned());
        }
        if let Some(&id) = self.claims.get(&key) {
            pending.matched.push(id.into());
            return Ok(id);
        }
        if let Some((_, id)) = pending.claims.iter().find(|(k, _)| *k == key) {
            return Ok(*id);
        }
        let id = self.ids.claim();
        let mut claim = Claim::new(id, draft.label.trim(), draft.at.unwrap_or_default());
        if let Some(text) = draft
            .text
            .as_deref()
            .map(str::trim)
            .filter(|t| !t.is_empty())
        {
            text.clone_into(&mut claim.text);
        }
        claim.tags = draft
            .tags
            .iter()
            .map(|t| t.trim().to_owned())
            .filter(|t| !t.is_empty())
            .collect();
        claim.notes = draft.notes.clone().filter(|n| !n.trim().is_empty());
        let mut problems = Vec::new();
        rules::check_claim(&claim, &mut problems);
        first_message(problems, "claim", &draft.label)?;
        if draft.at.is_none() {
            pending.unplaced.push(id.into());
        }
        pending.claims.push((key, id));
        pending.edits.push(Edit::AddClaim(claim));
        pending.summary.claims_added += 1;
        Ok(id)
    }

    fn source(&mut self, draft: &SourceDraft, pending: &mut Pending) -> Result<SourceId, String> {
        let key = name_key(&draft.title);
        if key.is_empty() {
            return Err("the source's title is empty".to_owned());
        }
        if let Some(&id) = self.sources.get(&key) {
            pending.matched.push(id.into());
            return Ok(id);
        }
        if let Some((_, id)) = pending.sources.iter().find(|(k, _)| *k == key) {
            return Ok(*id);
        }
        let id = self.ids.source();
        let mut source = Source::new(
            id,
            draft.title.trim(),
            draft.publisher.as_deref().unwrap_or("").trim(),
        );
        source.date = draft.date;
        source.url = non_blank(&draft.url);
        source.language = non_blank(&draft.language);
        source.notes = non_blank(&draft.notes);
        let mut problems = Vec::new();
        rules::check_source(&source, &mut problems);
        first_message(problems, "source", &draft.title)?;
        pending.sources.push((key, id));
        pending.edits.push(Edit::AddSource(source));
        pending.summary.sources_added += 1;
        Ok(id)
    }

    fn stance(
        &mut self,
        actor: ActorId,
        claim: ClaimId,
        source: Option<SourceId>,
        draft: &StanceDraft,
        pending: &mut Pending,
    ) -> Result<(), String> {
        for (field, text) in [
            ("quote", Some(&draft.quote)),
            ("translation", draft.translation.as_ref()),
            ("notes", draft.notes.as_ref()),
        ] {
            check_length(field, text, MAX_TEXT_CHARS)?;
        }
        let key = (actor, claim, source, draft.date);
        if let Some((position, quote)) = self.stances.get(&key) {
            if *position == draft.position && quote.trim() == draft.quote.trim() {
                pending.summary.already_there += 1;
                return Ok(());
            }
            return Err(format!(
                "the map already records a stance of this actor on this claim from the same \
                 source and date ({}{}); give this one another source or date, or change \
                 that stance",
                position.label(),
                if quote.trim() == draft.quote.trim() {
                    ""
                } else {
                    ", with another quote"
                }
            ));
        }
        let mut stance = Stance::new(self.ids.stance(), actor, claim, draft.position);
        stance.confidence = draft.confidence;
        draft.quote.trim().clone_into(&mut stance.quote);
        stance.translation = non_blank(&draft.translation);
        stance.source = source;
        stance.date = draft.date;
        stance.notes = non_blank(&draft.notes);
        self.stances
            .insert(key, (stance.position, stance.quote.clone()));
        pending.edits.push(Edit::AddStance(stance));
        pending.summary.stances_added += 1;
        Ok(())
    }

    fn relation(
        &mut self,
        from: ClaimId,
        to: ClaimId,
        kind: RelationKind,
        note: Option<&String>,
        pending: &mut Pending,
    ) -> Result<(), String> {
        if from == to {
            return Err("a claim cannot support or attack itself".to_owned());
        }
        check_length("note", note, MAX_TEXT_CHARS)?;
        if let Some(existing) = self.relations.get(&(from, to)) {
            if *existing == kind {
                pending.summary.already_there += 1;
                return Ok(());
            }
            return Err(format!(
                "the map already has a relation between these claims, and it {}; change \
                 that relation instead",
                existing.label()
            ));
        }
        let mut relation = Relation::new(self.ids.relation(), from, to, kind);
        relation.note = note.cloned().filter(|n| !n.trim().is_empty());
        self.relations.insert((from, to), kind);
        pending.edits.push(Edit::AddRelation(relation));
        pending.summary.relations_added += 1;
        Ok(())
    }
}

fn non_blank(text: &Option<String>) -> Option<String> {
    text.as_deref()
        .map(str::trim)
        .filter(|t| !t.is_empty())
        .map(str::to_owned)
}

fn check_length(field: &str, text: Option<&String>, limit: usize) -> Result<(), String> {
    match text {
        Some(text) if text.len() > limit && text.chars().count() > limit => Err(format!(
            "the {field} is {} characters long; the limit is {limit}",
            text.chars().count()
        )),
        _ => Ok(()),
    }
}

/// The first rule an item breaks, as a message naming the item by what the file calls it.
fn first_message(problems: Vec<rules::Problem>, what: &str, name: &str) -> Result<(), String> {
    match problems.into_iter().next() {
        None => Ok(()),
        Some(problem) => {
            let shown: String = name.chars().take(40).collect();
            let ellipsis = if name.chars().count() > 40 { "…" } else { "" };
            Err(format!("{what} “{shown}{ellipsis}”: {}", problem.message))
        }
    }
}

/// The placed edit: `plan`'s edit with every added node that had no position moved to the
/// nearest free spot beside the nodes it is linked to (`fallback` for nodes linked to
/// nothing placed). For imports into a map that is already laid out.
pub fn with_new_nodes_placed(map: &Map, plan: &Plan, fallback: Point) -> Edit {
    if plan.unplaced.is_empty() {
        return plan.edit.clone();
    }
    let mut probe = map.clone();
    if probe.apply(plan.edit.clone()).is_err() {
        return plan.edit.clone();
    }
    let style = crate::scene::Style::new(crate::scene::Theme::Light);
    let spots: HashMap<NodeId, Point> =
        crate::layout::place_new_nodes(&probe, &style, &plan.unplaced, fallback)
            .into_iter()
            .collect();
    let Edit::Batch(edits) = plan.edit.clone() else {
        return plan.edit.clone();
    };
    Edit::Batch(
        edits
            .into_iter()
            .map(|edit| match edit {
                Edit::AddActor(mut actor) => {
                    if let Some(&at) = spots.get(&actor.id.into()) {
                        actor.at = at;
                    }
                    Edit::AddActor(actor)
                }
                Edit::AddClaim(mut claim) => {
                    if let Some(&at) = spots.get(&claim.id.into()) {
                        claim.at = at;
                    }
                    Edit::AddClaim(claim)
                }
                other => other,
            })
            .collect(),
    )
}
