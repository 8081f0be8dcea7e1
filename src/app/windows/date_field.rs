//! Dates typed into fields, read one way everywhere: `YYYY-MM-DD`, an empty field for no date,
//! and one wording for a mistake.

use crate::model::Date;

/// How a date is written, for hints in empty fields.
pub const DATE_HINT: &str = "YYYY-MM-DD";

/// Reads a date field: `Ok(None)` when it is empty, the date when it holds one, and otherwise
/// what is wrong in words fit to show beside the field.
pub fn parse_date_field(text: &str) -> Result<Option<Date>, String> {
    let text = text.trim();
    if text.is_empty() {
        return Ok(None);
    }
    text.parse::<Date>()
        .map(Some)
        .map_err(|_| format!("“{text}” is not a date; write it as {DATE_HINT}, e.g. 2021-12-07"))
}

/// A "Dates from … to …" row of two date fields (in the form [`parse_date_field`] reads), the
/// first with `hover` as its tooltip when given.
pub fn date_range_fields(
    ui: &mut eframe::egui::Ui,
    (from, to): (&mut String, &mut String),
    hover: Option<&str>,
) {
    ui.horizontal(|ui| {
        ui.label("Dates from");
        let first = ui.add(date_edit(from));
        if let Some(hover) = hover {
            first.on_hover_text(hover);
        }
        ui.label("to");
        ui.add(date_edit(to));
    });
}

/// A one-line field for a date, hinting at its form.
fn date_edit(text: &mut String) -> eframe::egui::TextEdit<'_> {
    eframe::egui::TextEdit::singleline(text)
        .hint_text(DATE_HINT)
        .desired_width(100.0)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn empty_means_none_and_mistakes_are_explained() {
        assert_eq!(parse_date_field(" "), Ok(None));
        assert_eq!(
            parse_date_field(" 2021-12-07 "),
            Ok(Some(Date::constant(2021, 12, 7)))
        );
        assert_eq!(
            parse_date_field("7 Dec"),
            Err("“7 Dec” is not a date; write it as YYYY-MM-DD, e.g. 2021-12-07".to_owned())
        );
        assert!(parse_date_field("2021-13-01").is_err());
    }
}
