//! Small maps for tests, built by name; and what tests need from the machine.

/// What a test needs beyond Rust (a program, a font); shared with the integration tests.
#[path = "../tests/common/needs.rs"]
pub mod needs;

/// Settings kept in memory for tests; shared with the integration tests.
#[path = "../tests/common/memory_storage.rs"]
pub mod memory_storage;

use crate::model::{
    Actor, ActorKind, Claim, Date, Edit, IdAllocator, Map, NodeId, Point, Position, Relation,
    RelationKind, Source, SourceId, Stance, StanceId,
};

/// Builds a map from named items; every node starts at the origin, as a fresh import would
/// leave it. Stances get a quote and no source unless told otherwise.
pub struct MapBuilder {
    map: Map,
    ids: IdAllocator,
    edits: Vec<Edit>,
    nodes: Vec<(String, NodeId)>,
    sources: Vec<(String, SourceId)>,
    stances: Vec<StanceId>,
}

impl Default for MapBuilder {
    fn default() -> Self {
        MapBuilder::new()
    }
}

impl MapBuilder {
    /// An empty map.
    pub fn new() -> Self {
        let map = Map::new("test");
        let ids = map.id_allocator();
        MapBuilder {
            map,
            ids,
            edits: Vec::new(),
            nodes: Vec::new(),
            sources: Vec::new(),
            stances: Vec::new(),
        }
    }

    /// Adds an actor in a camp (an empty camp means none).
    pub fn actor(self, name: &str, camp: &str) -> Self {
        self.actor_with(name, camp, &[])
    }

    /// Adds an actor with aliases.
    pub fn actor_with(mut self, name: &str, camp: &str, aliases: &[&str]) -> Self {
        let id = self.ids.actor();
        self.edits.push(Edit::AddActor(Actor {
            camp: (!camp.is_empty()).then(|| camp.to_owned()),
            aliases: aliases.iter().map(|a| (*a).to_owned()).collect(),
            ..Actor::new(id, name, ActorKind::Person, Point::default())
        }));
        self.nodes.push((name.to_owned(), id.into()));
        self
    }

    /// Adds a claim.
    pub fn claim(self, label: &str) -> Self {
        self.claim_tagged(label, &[])
    }

    /// Adds a claim with tags.
    pub fn claim_tagged(mut self, label: &str, tags: &[&str]) -> Self {
        let id = self.ids.claim();
        self.edits.push(Edit::AddClaim(Claim {
            tags: tags.iter().map(|t| (*t).to_owned()).collect(),
            ..Claim::new(id, label, Point::default())
        }));
        self.nodes.push((label.to_owned(), id.into()));
        self
    }

    /// Adds a source with a date.
    pub fn source(mut self, title: &str, date: Option<Date>) -> Self {
        let id = self.ids.source();
        self.edits.push(Edit::AddSource(Source {
            date,
            ..Source::new(id, title, "publisher")
        }));
        self.sources.push((title.to_owned(), id));
        self
    }

    /// The node with this name.
    pub fn node(&self, name: &str) -> NodeId {
        self.nodes
            .iter()
            .find(|(n, _)| n == name)
            .map(|(_, id)| *id)
            .unwrap_or_else(|| panic!("no node {name}"))
    }

    /// Adds a stance with a quote, no source and no date.
    pub fn stance(self, actor: &str, claim: &str, position: Position) -> Self {
        self.stance_with(actor, claim, position, "quoted words", None, None)
    }

    /// Adds a stance with the given quote, source (by title) and date.
    pub fn stance_with(
        mut self,
        actor: &str,
        claim: &str,
        position: Position,
        quote: &str,
        source: Option<&str>,
        date: Option<Date>,
    ) -> Self {
        let (NodeId::Actor(a), NodeId::Claim(c)) = (self.node(actor), self.node(claim)) else {
            panic!("{actor} -> {claim} is not actor -> claim");
        };
        let source = source.map(|title| {
            self.sources
                .iter()
                .find(|(t, _)| t == title)
                .map(|(_, id)| *id)
                .unwrap_or_else(|| panic!("no source {title}"))
        });
        let id = self.ids.stance();
        self.edits.push(Edit::AddStance(Stance {
            quote: quote.to_owned(),
            source,
            date,
            ..Stance::new(id, a, c, position)
        }));
        self.stances.push(id);
        self
    }

    /// Adds a relation between two claims.
    pub fn relation(mut self, from: &str, to: &str, kind: RelationKind) -> Self {
        let (NodeId::Claim(a), NodeId::Claim(b)) = (self.node(from), self.node(to)) else {
            panic!("{from} -> {to} is not claim -> claim");
        };
        let id = self.ids.relation();
        self.edits
            .push(Edit::AddRelation(Relation::new(id, a, b, kind)));
        self
    }

    /// The map, and a lookup of node ids by name.
    pub fn build(self) -> (Map, Names) {
        let mut map = self.map;
        map.apply(Edit::Batch(self.edits))
            .unwrap_or_else(|e| panic!("the test map is invalid: {e}"));
        (
            map,
            Names {
                nodes: self.nodes,
                stances: self.stances,
            },
        )
    }
}

/// Node ids by name, and stance ids in the order the stances were added.
pub struct Names {
    nodes: Vec<(String, NodeId)>,
    /// Stance ids, in the order added.
    pub stances: Vec<StanceId>,
}

impl Names {
    /// The node with this name.
    pub fn node(&self, name: &str) -> NodeId {
        self.nodes
            .iter()
            .find(|(n, _)| n == name)
            .map(|(_, id)| *id)
            .unwrap_or_else(|| panic!("no node {name}"))
    }

    /// Every node with its name.
    pub fn all(&self) -> &[(String, NodeId)] {
        &self.nodes
    }

    /// The actor with this name.
    pub fn actor(&self, name: &str) -> crate::model::ActorId {
        match self.node(name) {
            NodeId::Actor(a) => a,
            NodeId::Claim(_) => panic!("{name} is a claim"),
        }
    }

    /// The claim with this label.
    pub fn claim(&self, name: &str) -> crate::model::ClaimId {
        match self.node(name) {
            NodeId::Claim(c) => c,
            NodeId::Actor(_) => panic!("{name} is an actor"),
        }
    }
}
