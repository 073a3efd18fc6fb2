//! Hostile input: no panic, and time linear in the input size.

use newsgraph_extract::{Article, Extractor};
use std::time::{Duration, Instant};

fn ex() -> Extractor {
    Extractor::builtin().expect("built-in data loads")
}

fn timed(ex: &Extractor, text: String) -> Duration {
    let a = Article::new("x", text, None);
    let start = Instant::now();
    let d = ex.extract(&a);
    assert_eq!(d.doc.id, "x");
    start.elapsed()
}

#[test]
fn empty_and_blank_text() {
    let ex = ex();
    for t in ["", " ", "\n\n\n", " date 2025-01-01 ", "date", "“", "."] {
        let d = ex.extract(&Article::new("e", t, None));
        assert!(d.relations.is_empty(), "{t:?}");
    }
}

#[test]
fn binary_and_control_characters() {
    let ex = ex();
    let bytes: Vec<u8> = (0..200_000u32)
        .map(|i| (i.wrapping_mul(2_654_435_761) >> 13) as u8)
        .collect();
    let text = String::from_utf8_lossy(&bytes).into_owned();
    let d = ex.extract(&Article::new("b", text, None));
    assert!(d.relations.len() < 1000);
}

#[test]
fn unbalanced_quotes_and_emoji() {
    let ex = ex();
    let text = "“Trump met Putin in Alaska. 📰 He said ”” “ \" met with Zelensky’s ’’’ — — ‘\n"
        .repeat(200);
    let d = ex.extract(&Article::new("q", text, None));
    assert!(d.entities.iter().any(|e| e.name == "Donald Trump"));
}

#[test]
fn long_single_line_is_linear() {
    let ex = ex();
    let unit = "Donald Trump met Vladimir Putin in Alaska and they spoke about Ukraine, ";
    let small = timed(&ex, unit.repeat(5_000));
    let large = timed(&ex, unit.repeat(20_000));
    // Four times the text must not take much more than four times as long.
    assert!(
        large < small * 10 + Duration::from_millis(200),
        "{small:?} vs {large:?}"
    );
}

#[test]
fn many_sides_led_after_meetings_are_linear() {
    let ex = ex();
    let unit = "Pakistan and Afghanistan held talks in Doha. Pakistan's delegation was led by \
                Defence Minister Khawaja Asif. The Afghan side was led by Minister Ali Jalali. ";
    let small = timed(&ex, unit.repeat(1_000));
    let large = timed(&ex, unit.repeat(4_000));
    assert!(
        large < small * 10 + Duration::from_millis(200),
        "{small:?} vs {large:?}"
    );
}

#[test]
fn many_capitalised_words_are_linear() {
    let ex = ex();
    let small = timed(&ex, "Alpha Bravo Charlie Delta ".repeat(2_500));
    let large = timed(&ex, "Alpha Bravo Charlie Delta ".repeat(10_000));
    assert!(
        large < small * 10 + Duration::from_millis(200),
        "{small:?} vs {large:?}"
    );
    let d = ex.extract(&Article::new(
        "c",
        "Mr ".to_string() + &"Smith ".repeat(10_000),
        None,
    ));
    assert!(d.entities.len() < 10);
}

#[test]
fn evidence_offsets_are_characters() {
    let ex = ex();
    let text = " date 2025-08-21 “Ça va” — émigrés said.\n\nAdvertisement\n\nTrump met Putin in Alaska last week.";
    let d = ex.extract(&Article::new("o", text, None));
    let r = d.relations.first().expect("one meeting");
    let ev = &r.evidence[0];
    let chars: Vec<char> = text.chars().collect();
    let slice: String = chars[ev.start..ev.end].iter().collect();
    assert_eq!(slice, ev.sentence);
    assert_eq!(r.date.as_deref(), Some("2025-W33"));
}

#[test]
fn json_lines_and_fallback_date() {
    let ex = ex();
    let a = Article::from_json_line(r#"{"id":"j1","text":"Trump met Putin on Monday."}"#)
        .expect("record parses")
        .with_date("2025-08-21");
    let d = ex.extract(&a);
    assert_eq!(d.relations[0].date.as_deref(), Some("2025-08-18"));
}

#[test]
fn parallel_output_keeps_input_order() {
    let ex = ex();
    let articles: Vec<Article> = (0..50)
        .map(|i| Article::new(format!("d{i}"), format!("Trump met Putin {i} times."), None))
        .collect();
    let docs = ex.extract_all(&articles);
    let ids: Vec<&str> = docs.iter().map(|d| d.doc.id.as_str()).collect();
    let want: Vec<String> = (0..50).map(|i| format!("d{i}")).collect();
    assert_eq!(ids, want.iter().map(String::as_str).collect::<Vec<_>>());
}
