//! Updates: a running count (the dead, the missing, the evacuated) as the reports of each day
//! give it, so that a reader sees "dead: 2 on 8 Jan → 24 on 12 Jan" instead of two figures
//! that look like a disagreement.
//!
//! A report's count holds for the day it was published (given, or read from its own text): a
//! sentence that names another day ("had killed five by Wednesday") may hold for that day and
//! is left out, as are undated reports. Of each report, only the first sentence that gives a
//! count of a class is read (the lead gives the latest toll; later sentences give breakdowns and
//! history), and only when that sentence gives one value of it ("rose to 205 from 158" tells two
//! moments). A figure that is a part of a breakdown ("39 in Wajima") or counts one craft's
//! people ("all 64 aboard the jet") is no count of the whole. A count is shown when reports of
//! at least two days give it different values.

use std::collections::{BTreeMap, BTreeSet};

use jiff::civil::Date;

use super::diverge::{Figure, PEOPLE};
use super::group::{DocInput, Prepared, SentenceRef, origins_of};
use super::words::vocab;

/// A count by day.
#[derive(Clone, Debug, PartialEq)]
pub struct Update {
    /// What is counted: a class of the table's `[running]`.
    pub quantity: &'static str,
    /// Each value given, by day, then by value.
    pub steps: Vec<Step>,
}

/// One value of a count, as the reports of one day give it.
#[derive(Clone, Debug, PartialEq)]
pub struct Step {
    /// The day the reports hold for.
    pub day: Date,
    /// The value.
    pub value: f64,
    /// The value as written, with its bound ("at least 62"), as its first report writes it.
    pub written: String,
    /// The first sentence that gives it.
    pub sentence: SentenceRef,
    /// Documents that give it.
    pub documents: BTreeSet<usize>,
    /// Independent origins among them.
    pub origins: usize,
}

/// A value of a count as first read: as written, its first sentence, and the documents that
/// give it.
type Given = (String, SentenceRef, BTreeSet<usize>);

/// Whether a figure counts people of the whole event: not a part of a breakdown by place
/// ("39 in Wajima"), not one craft's people ("all 64 aboard the jet").
pub(super) fn counts_all(f: &Figure) -> bool {
    f.unit == *PEOPLE && !f.part && !f.aboard
}

/// At most this many values of one day are shown, those most reports give: a day's figures
/// beyond them are stragglers, not the count's course.
const VALUES_PER_DAY: usize = 3;

/// The running counts of the documents whose reports of different days give different values,
/// in the table's order of classes.
pub(crate) fn updates(docs: &[DocInput], prepared: &Prepared) -> Vec<Update> {
    let running = vocab("running");
    // (class, day, value) → (written, first sentence, documents)
    let mut given: BTreeMap<(usize, Date, u64), Given> = BTreeMap::new();
    for (d, doc) in docs.iter().enumerate() {
        let Some(day) = doc.published else { continue };
        let mut read: BTreeSet<usize> = BTreeSet::new();
        for (i, figures) in prepared.figures[d].iter().enumerate() {
            if prepared.statements[d].get(i).is_none_or(|s| s.is_empty()) || figures.names_other_day(day) {
                continue;
            }
            let mut counts: BTreeMap<usize, Vec<&Figure>> = BTreeMap::new();
            for f in figures.figures() {
                let Some(class) = f.class.and_then(|c| running.iter().position(|r| *r == c)) else {
                    continue;
                };
                if counts_all(f) {
                    counts.entry(class).or_default().push(f);
                }
            }
            for (class, fs) in counts {
                if !read.insert(class) {
                    continue;
                }
                let [f] = fs.as_slice() else { continue };
                let at = given.entry((class, day, f.value.to_bits())).or_insert_with(|| {
                    // A number word that opens its sentence ("Six people remain missing") is
                    // shown as in running text.
                    let written = if f.written.chars().all(char::is_alphabetic) {
                        f.written.to_lowercase()
                    } else {
                        f.written.clone()
                    };
                    (format!("{}{written}", f.bound.phrase()), (d, i), BTreeSet::new())
                });
                at.2.insert(d);
            }
        }
    }
    let mut by_class: BTreeMap<usize, Vec<Step>> = BTreeMap::new();
    for ((class, day, bits), (written, sentence, documents)) in given {
        let value = f64::from_bits(bits);
        let steps = by_class.entry(class).or_default();
        // A value an earlier day gave, given again, is no news: its reports join that day's.
        if let Some(earlier) = steps.iter_mut().find(|s| s.value == value) {
            earlier.documents.extend(documents);
            earlier.origins = origins_of(docs, &earlier.documents);
            continue;
        }
        let origins = origins_of(docs, &documents);
        steps.push(Step { day, value, written, sentence, documents, origins });
    }
    let never_fall = vocab("never-fall");
    by_class
        .into_iter()
        .filter_map(|(class, mut steps)| {
            if never_fall.contains(&running[class]) {
                drop_falls(&mut steps);
            }
            let steps = kept(steps);
            let days: BTreeSet<Date> = steps.iter().map(|s| s.day).collect();
            let values: BTreeSet<u64> = steps.iter().map(|s| s.value.to_bits()).collect();
            (days.len() >= 2 && values.len() >= 2).then(|| Update { quantity: running[class], steps })
        })
        .collect()
}

/// Takes out of the steps of a count that never falls (the dead) those that set it falling: a
/// later day's lower figure is a stale copy or another count (an earlier disaster's toll, a
/// region's share). Step by step, the step that falls against the most others goes, the one
/// fewer origins give on a tie, then the later.
fn drop_falls(steps: &mut Vec<Step>) {
    let falls =
        |a: &Step, b: &Step| (a.day < b.day && a.value > b.value) || (b.day < a.day && b.value > a.value);
    loop {
        let against: Vec<usize> =
            steps.iter().map(|a| steps.iter().filter(|b| falls(a, b)).count()).collect();
        let worst = (0..steps.len()).filter(|&k| against[k] > 0).max_by(|&x, &y| {
            against[x]
                .cmp(&against[y])
                .then(steps[y].origins.cmp(&steps[x].origins))
                .then(steps[x].day.cmp(&steps[y].day))
        });
        match worst {
            Some(k) => {
                steps.remove(k);
            }
            None => return,
        }
    }
}

/// The steps of one count shown: of each day, the [`VALUES_PER_DAY`] values most origins give
/// (the larger on a tie), in order of value.
fn kept(steps: Vec<Step>) -> Vec<Step> {
    let mut by_day: BTreeMap<Date, Vec<Step>> = BTreeMap::new();
    for s in steps {
        by_day.entry(s.day).or_default().push(s);
    }
    by_day
        .into_values()
        .flat_map(|mut day| {
            day.sort_by(|a, b| b.origins.cmp(&a.origins).then(b.value.total_cmp(&a.value)));
            day.truncate(VALUES_PER_DAY);
            day.sort_by(|a, b| a.value.total_cmp(&b.value));
            day
        })
        .collect()
}

impl Update {
    /// The count in words: "dead: 51 and 72 on 30 Oct → 158 on 31 Oct".
    pub fn description(&self) -> String {
        let steps: Vec<(Date, &str)> = self.steps.iter().map(|s| (s.day, s.written.as_str())).collect();
        describe(self.quantity, &steps)
    }
}

/// A count in words: "dead: 51 and 72 on 30 Oct → 158 on 31 Oct", the days with their year
/// when the steps span more than one ("224 on 19 Feb 2025").
fn describe(quantity: &str, steps: &[(Date, &str)]) -> String {
    let years: BTreeSet<i16> = steps.iter().map(|(day, _)| day.year()).collect();
    let format = if years.len() > 1 { "%-d %b %Y" } else { "%-d %b" };
    let mut days: Vec<(Date, Vec<&str>)> = Vec::new();
    for &(day, written) in steps {
        match days.last_mut() {
            Some((last, values)) if *last == day => values.push(written),
            _ => days.push((day, vec![written])),
        }
    }
    let told: Vec<String> = days
        .iter()
        .map(|(day, values)| {
            let values = match values.split_last() {
                Some((last, rest)) if !rest.is_empty() => format!("{} and {last}", rest.join(", ")),
                _ => values.join(""),
            };
            format!("{values} on {}", day.strftime(format))
        })
        .collect();
    format!("{quantity}: {}", told.join(" → "))
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::claims::{DocInput, Input, claims};

    fn doc(origin: usize, day: &str, sentences: Vec<&'static str>) -> DocInput<'static> {
        DocInput { sentences, origin, published: Some(day.parse().expect("a date")), ..Default::default() }
    }

    fn described(docs: Vec<DocInput<'static>>) -> Vec<String> {
        let out = claims(&Input { docs, ..Default::default() }, &Default::default());
        out.updates.iter().map(Update::description).collect()
    }

    #[test]
    fn a_toll_raised_on_later_days_is_told_by_day() {
        let out = described(vec![
            doc(0, "2026-01-08", vec!["The wildfire in Ridgeview has killed two people, officials said."]),
            doc(1, "2026-01-08", vec!["Two people have died in the Ridgeview wildfire, the sheriff said."]),
            // A value an earlier day gave is no news: it joins that day.
            doc(4, "2026-01-09", vec!["Two people have died in the Ridgeview wildfire, officials said."]),
            doc(2, "2026-01-10", vec!["The Ridgeview fire has killed at least 10 people as crews fight on."]),
            doc(3, "2026-01-12", vec!["The death toll from the Ridgeview fire rose to 24 on Monday."]),
        ]);
        assert_eq!(out, ["dead: two on 8 Jan → at least 10 on 10 Jan → 24 on 12 Jan"]);
    }

    #[test]
    fn one_days_reports_a_figure_of_another_day_or_a_part_are_no_update() {
        // One day only: a disagreement or rounding, never an update.
        let same_day = described(vec![
            doc(0, "2026-01-08", vec!["The wildfire in Ridgeview has killed 10 people, officials said."]),
            doc(1, "2026-01-08", vec!["The wildfire in Ridgeview has killed 12 people, the sheriff said."]),
        ]);
        assert!(same_day.is_empty(), "{same_day:?}");
        // A sentence that names another day, or gives a part of a breakdown, holds for
        // something else.
        let other = described(vec![
            doc(0, "2026-01-08", vec!["The wildfire in Ridgeview has killed 10 people, officials said."]),
            doc(1, "2026-01-12", vec!["By Friday the wildfire in Ridgeview had killed 16 people."]),
            doc(
                2,
                "2026-01-13",
                vec!["Officials said 12 people died in Ridgeview and four were missing in Elmstead."],
            ),
        ]);
        assert!(other.is_empty(), "{other:?}");
    }

    #[test]
    fn a_toll_that_would_fall_loses_the_figure_that_stands_against_the_others() {
        // Another disaster's toll in an early report would set the count falling twice.
        let out = described(vec![
            doc(0, "2026-01-08", vec!["The floods of 1957 killed 230 people in the valley, historians say."]),
            doc(1, "2026-01-08", vec!["The floods in the Arren valley have killed at least 51 people."]),
            doc(2, "2026-01-09", vec!["The floods in the Arren valley have killed at least 158 people."]),
            doc(
                3,
                "2026-01-10",
                vec!["The floods in the Arren valley have killed 205 people, officials said."],
            ),
        ]);
        assert_eq!(out, ["dead: at least 51 on 8 Jan → at least 158 on 9 Jan → 205 on 10 Jan"]);
    }

    #[test]
    fn a_sentence_that_tells_two_moments_of_the_count_is_left_out() {
        let out = described(vec![
            doc(0, "2026-01-08", vec!["The wildfire in Ridgeview has killed 10 people, officials said."]),
            doc(1, "2026-01-10", vec!["The toll rose to 16 from 10 dead, officials said on the fire."]),
        ]);
        assert!(out.is_empty(), "{out:?}");
    }

    #[test]
    fn a_day_with_several_values_lists_them_in_order() {
        let steps = [
            (Date::constant(2024, 10, 30), "51"),
            (Date::constant(2024, 10, 30), "95"),
            (Date::constant(2024, 11, 1), "at least 205"),
        ];
        assert_eq!(describe("dead", &steps), "dead: 51 and 95 on 30 Oct → at least 205 on 1 Nov");
        let years = [(Date::constant(2024, 10, 30), "51"), (Date::constant(2025, 2, 19), "224")];
        assert_eq!(describe("dead", &years), "dead: 51 on 30 Oct 2024 → 224 on 19 Feb 2025");
    }
}
