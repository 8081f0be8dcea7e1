//! Conflicts a three-way merge left for the analyst: the same field changed differently on
//! both sides, or an item deleted on one side and changed on the other. They are kept in the
//! merged map itself, so the map still opens and the analyst decides each one.

/// One place where the two sides of a merge disagree. The merged map holds our side's value
/// (or keeps the item that one side deleted); the conflict says what each side had.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Conflict {
    /// The raw id of the item concerned; `None` for the map's own fields (title, description).
    pub item: Option<u32>,
    /// The field the sides disagree on; `None` when one side deleted the whole item.
    pub field: Option<String>,
    /// The value before either side changed it; `None` when the item did not exist.
    pub base: Option<String>,
    /// Our side's value; `None` when our side deleted the item.
    pub ours: Option<String>,
    /// Their side's value; `None` when their side deleted the item.
    pub theirs: Option<String>,
}

impl Conflict {
    /// A short description for messages: "quote: ours "…", theirs "…"".
    pub fn summary(&self) -> String {
        let side = |value: &Option<String>| match value {
            Some(value) => value.clone(),
            None => "deleted".to_owned(),
        };
        let what = self.field.as_deref().unwrap_or("the item");
        format!(
            "{what}: ours {}, theirs {}",
            side(&self.ours),
            side(&self.theirs)
        )
    }
}
