//! Web pages to a source: the article's text without navigation, scripts, adverts and
//! comments (Mozilla's Readability algorithm, through dom_smoothie), and the page's own
//! metadata for the source's title, publisher, date, address and language.

use super::error::TextFileError;
use super::normalise::tidy_paragraphs;
use crate::model::Date;
use dom_query::Document;
use dom_smoothie::{Config, Readability, ReadabilityError, TextMode};

/// What a web page gives a source.
#[derive(Debug, Clone, PartialEq, Default)]
pub struct Page {
    /// The article's text, paragraphs separated by blank lines.
    pub text: String,
    /// The article's title.
    pub title: Option<String>,
    /// The site or organisation that published it.
    pub publisher: Option<String>,
    /// When it was published.
    pub date: Option<Date>,
    /// The page's own address (canonical link or `og:url`).
    pub url: Option<String>,
    /// The page's language (`<html lang>`).
    pub language: Option<String>,
}

/// Reduces a web page to its article and metadata. Refuses a page in which no article can be
/// found rather than handing back its menus.
pub fn extract(html: &str) -> Result<Page, TextFileError> {
    let document = Document::from(html);
    let first = |selectors: &[&str], attribute: &str| {
        selectors.iter().find_map(|selector| {
            document
                .select(selector)
                .attr(attribute)
                .map(|value| value.trim().to_owned())
                .filter(|value| !value.is_empty())
        })
    };
    let url = first(&["link[rel='canonical']"], "href")
        .filter(|u| u.contains("://"))
        .or_else(|| first(&["meta[property='og:url']"], "content"));
    let publisher_fallback = first(
        &[
            "meta[name='publisher']",
            "meta[name='application-name']",
            "meta[name='author']",
        ],
        "content",
    );
    let date_fallback = first(
        &[
            "meta[itemprop='datePublished']",
            "meta[name='date']",
            "meta[name='pubdate']",
            "meta[name='publishdate']",
            "meta[name='dc.date']",
        ],
        "content",
    )
    .or_else(|| first(&["time[datetime]"], "datetime"));
    let config = Config {
        text_mode: TextMode::Formatted,
        ..Config::default()
    };
    let mut readability =
        Readability::with_document(document, None, Some(config)).map_err(no_article)?;
    let article = readability.parse().map_err(no_article)?;
    let text = tidy_paragraphs(&article.text_content);
    if text.is_empty() {
        return Err(TextFileError::NoText);
    }
    let clean = |value: Option<String>| {
        value
            .map(|v| v.split_whitespace().collect::<Vec<_>>().join(" "))
            .filter(|v| !v.is_empty())
    };
    Ok(Page {
        text,
        title: clean(Some(article.title)),
        publisher: clean(article.site_name).or(clean(publisher_fallback)),
        date: article
            .published_time
            .as_deref()
            .and_then(date_of)
            .or_else(|| date_fallback.as_deref().and_then(date_of)),
        url: url.or(article.url),
        language: clean(article.lang),
    })
}

/// The calendar date at the start of an ISO 8601 date or timestamp ("2021-12-08T10:30+08:00"
/// is the 8th, where it was published).
fn date_of(value: &str) -> Option<Date> {
    value.trim().get(..10)?.parse().ok()
}

fn no_article(error: ReadabilityError) -> TextFileError {
    match error {
        ReadabilityError::GrabFailed => TextFileError::NoArticle,
        other => TextFileError::Unreadable(format!("the page cannot be read as HTML ({other})")),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn dates_are_read_from_timestamps() {
        assert_eq!(
            date_of("2021-12-08T10:30:00+08:00"),
            Some(Date::constant(2021, 12, 8))
        );
        assert_eq!(date_of(" 2021-12-07 "), Some(Date::constant(2021, 12, 7)));
        assert_eq!(date_of("Dec 7"), None);
        assert_eq!(date_of("yesterday, 7 Dec"), None);
    }
}
