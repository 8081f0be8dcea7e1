//! The columns of a stance spreadsheet: the ones stancemap writes, and the many names other
//! programs and coders give them (Discourse Network Analyzer's person, organization, concept,
//! agreement; Chinese headers; “Claim label”, “Actor type”…).

use crate::formats::report::ImportProblem;
use std::collections::BTreeMap;

/// A column stancemap knows.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub enum Column {
    /// Who takes the stance.
    Actor,
    /// The actor's kind.
    ActorKind,
    /// The actor's camp.
    Camp,
    /// The claim (its label).
    Claim,
    /// The position taken.
    Position,
    /// The quote.
    Quote,
    /// The quote's translation.
    Translation,
    /// The source's title.
    Source,
    /// When the stance was stated.
    Date,
    /// How sure the reading is.
    Confidence,
    /// For relation rows: supports or attacks.
    Relation,
    /// For relation rows: the claim supported or attacked.
    ToClaim,
    /// Notes on the stance or relation.
    Notes,
    /// The actor's other names.
    Aliases,
    /// The claim's full sentence.
    ClaimText,
    /// The claim's tags.
    Tags,
    /// The source's publisher.
    Publisher,
    /// The source's date.
    SourceDate,
    /// The source's address.
    SourceUrl,
}

impl Column {
    /// The columns stancemap writes, in order: the nine of a coder's sheet first.
    pub const WRITTEN: [Column; 19] = [
        Column::Actor,
        Column::ActorKind,
        Column::Camp,
        Column::Claim,
        Column::Position,
        Column::Quote,
        Column::Translation,
        Column::Source,
        Column::Date,
        Column::Confidence,
        Column::Relation,
        Column::ToClaim,
        Column::Notes,
        Column::Aliases,
        Column::ClaimText,
        Column::Tags,
        Column::Publisher,
        Column::SourceDate,
        Column::SourceUrl,
    ];

    /// The header stancemap writes.
    pub fn header(self) -> &'static str {
        match self {
            Column::Actor => "actor",
            Column::ActorKind => "actor kind",
            Column::Camp => "camp",
            Column::Claim => "claim",
            Column::Position => "position",
            Column::Quote => "quote",
            Column::Translation => "translation",
            Column::Source => "source",
            Column::Date => "date",
            Column::Confidence => "confidence",
            Column::Relation => "relation",
            Column::ToClaim => "to claim",
            Column::Notes => "notes",
            Column::Aliases => "actor aliases",
            Column::ClaimText => "claim text",
            Column::Tags => "claim tags",
            Column::Publisher => "source publisher",
            Column::SourceDate => "source date",
            Column::SourceUrl => "source url",
        }
    }
}

/// A header reduced to letters and digits, lower case, for matching.
fn header_key(header: &str) -> String {
    header
        .chars()
        .filter(|c| c.is_alphanumeric())
        .flat_map(char::to_lowercase)
        .collect()
}

/// What a header names; `Organization` is told apart because it means the actor when there
/// is no person column and the camp when there is.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Meaning {
    Column(Column),
    Organisation,
}

fn meaning(header: &str) -> Option<Meaning> {
    let column = match header_key(header).as_str() {
        "actor" | "actorname" | "person" | "speaker" | "who" | "name" | "行為者" | "行为者"
        | "發言人" | "发言人" => Column::Actor,
        "organization" | "organisation" => return Some(Meaning::Organisation),
        "actorkind" | "actortype" | "kind" | "type" | "類型" | "类型" => Column::ActorKind,
        "camp" | "affiliation" | "group" | "party" | "side" | "陣營" | "阵营" => Column::Camp,
        "claim" | "claimlabel" | "concept" | "issue" | "statement" | "topic" | "proposition"
        | "主張" | "主张" | "議題" | "议题" => Column::Claim,
        "position" | "agreement" | "stance" | "code" | "value" | "score" | "polarity" | "立場"
        | "立场" => Column::Position,
        "quote" | "text" | "excerpt" | "quotation" | "statementtext" | "引文" | "原文" | "引語"
        | "引语" => Column::Quote,
        "translation" | "english" | "translatedquote" | "翻譯" | "翻译" | "譯文" | "译文" => {
            Column::Translation
        }
        "source" | "sourcetitle" | "document" | "documenttitle" | "title" | "article" | "來源"
        | "来源" | "出處" | "出处" => Column::Source,
        "date" | "time" | "datetime" | "statementdate" | "日期" | "時間" | "时间" => {
            Column::Date
        }
        "confidence" | "certainty" => Column::Confidence,
        "relation" | "relationkind" | "relationtype" => Column::Relation,
        "toclaim" | "relatedclaim" | "targetclaim" | "target" => Column::ToClaim,
        "notes" | "note" | "comment" | "comments" | "備註" | "备注" => Column::Notes,
        "actoraliases" | "aliases" | "alias" | "別名" | "别名" => Column::Aliases,
        "claimtext" | "fulltext" | "claimsentence" => Column::ClaimText,
        "claimtags" | "tags" | "tag" => Column::Tags,
        "sourcepublisher" | "publisher" | "outlet" => Column::Publisher,
        "sourcedate" | "publicationdate" | "published" => Column::SourceDate,
        "sourceurl" | "url" | "link" => Column::SourceUrl,
        _ => return None,
    };
    Some(Meaning::Column(column))
}

/// Which cell of a row holds which column.
#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub struct Layout {
    cells: BTreeMap<Column, usize>,
    /// The actor column is an organization column (no person column): new actors are
    /// organisations unless a kind column says otherwise.
    pub actors_are_organisations: bool,
    /// Headers not understood, or naming a column a header before them named already.
    pub ignored: Vec<String>,
}

impl Layout {
    /// The cell index of `column`, if the sheet has it.
    pub fn index(&self, column: Column) -> Option<usize> {
        self.cells.get(&column).copied()
    }

    /// Reads the header row. Fails when no column names the claim, the actor or a relation,
    /// since then no row could say anything.
    pub fn of(headers: &[String]) -> Result<Layout, ImportProblem> {
        let mut layout = Layout::default();
        let mut organisation = None;
        for (i, header) in headers.iter().enumerate() {
            match meaning(header) {
                Some(Meaning::Column(column)) if !layout.cells.contains_key(&column) => {
                    layout.cells.insert(column, i);
                }
                Some(Meaning::Organisation) if organisation.is_none() => organisation = Some(i),
                _ if header.trim().is_empty() => {}
                _ => layout.ignored.push(header.trim().to_owned()),
            }
        }
        if let Some(i) = organisation {
            match layout.cells.entry(Column::Actor) {
                std::collections::btree_map::Entry::Occupied(_) => {
                    layout.cells.entry(Column::Camp).or_insert(i);
                }
                std::collections::btree_map::Entry::Vacant(actor) => {
                    actor.insert(i);
                    layout.actors_are_organisations = true;
                }
            }
        }
        let knows_something = [Column::Actor, Column::Claim, Column::Source]
            .iter()
            .any(|c| layout.cells.contains_key(c));
        if !knows_something {
            let found: Vec<&str> = headers.iter().map(|h| h.trim()).collect();
            return Err(ImportProblem::new(
                crate::formats::report::Origin::Row { row: 1, line: 1 },
                format!(
                    "the first row should name the columns (actor, actor kind, camp, claim, \
                     position, quote, translation, source, date), but it has {}",
                    if found.iter().all(|h| h.is_empty()) {
                        "none".to_owned()
                    } else {
                        format!("“{}”", found.join("”, “"))
                    }
                ),
            ));
        }
        Ok(layout)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn headers(names: &[&str]) -> Vec<String> {
        names.iter().map(|s| (*s).to_owned()).collect()
    }

    #[test]
    fn our_own_headers_read_back() {
        let written: Vec<String> = Column::WRITTEN
            .iter()
            .map(|c| c.header().to_owned())
            .collect();
        let layout = Layout::of(&written).unwrap();
        for (i, column) in Column::WRITTEN.iter().enumerate() {
            assert_eq!(layout.index(*column), Some(i), "{column:?}");
        }
        assert!(layout.ignored.is_empty());
    }

    #[test]
    fn dna_statements_map_person_organisation_concept_agreement() {
        let layout = Layout::of(&headers(&[
            "id",
            "time",
            "person",
            "organization",
            "concept",
            "agreement",
            "text",
        ]))
        .unwrap();
        assert_eq!(layout.index(Column::Actor), Some(2));
        assert_eq!(layout.index(Column::Camp), Some(3));
        assert_eq!(layout.index(Column::Claim), Some(4));
        assert_eq!(layout.index(Column::Position), Some(5));
        assert_eq!(layout.index(Column::Quote), Some(6));
        assert_eq!(layout.index(Column::Date), Some(1));
        assert_eq!(layout.ignored, ["id"]);
        let orgs = Layout::of(&headers(&["organization", "concept", "agreement"])).unwrap();
        assert_eq!(orgs.index(Column::Actor), Some(0));
        assert!(orgs.actors_are_organisations);
    }

    #[test]
    fn a_sheet_without_known_columns_is_refused_with_what_it_has() {
        let err = Layout::of(&headers(&["foo", "bar"])).unwrap_err();
        assert!(err.message.contains("“foo”, “bar”"), "{}", err.message);
    }
}
