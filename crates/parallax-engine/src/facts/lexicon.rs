//! Word lists the facts rules read: speech verbs, titles, role nouns, pronouns. General
//! English news vocabulary, not the names of any story.

/// Base forms of verbs that attribute speech, writing or a stated view.
const SPEECH_VERBS: &[&str] = &[
    "say",
    "tell",
    "add",
    "ask",
    "write",
    "post",
    "tweet",
    "state",
    "explain",
    "continue",
    "declare",
    "insist",
    "warn",
    "note",
    "argue",
    "claim",
    "stress",
    "reply",
    "respond",
    "announce",
    "acknowledge",
    "admit",
    "suggest",
    "urge",
    "recall",
    "emphasise",
    "emphasize",
    "reveal",
    "hail",
    "describe",
    "call",
    "predict",
    "vow",
    "promise",
    "concede",
    "counter",
    "remark",
    "joke",
    "quip",
    "complain",
    "report",
    "testify",
    "observe",
    "conclude",
    "boast",
    "shout",
    "pledge",
    "confirm",
    "deny",
    "believe",
    "think",
    "maintain",
    "tout",
    "accuse",
    "charge",
    "blast",
    "slam",
    "praise",
    "criticise",
    "criticize",
    "dismiss",
    "mock",
    "assert",
    "allege",
    "contend",
    "brand",
    "label",
    "tweet",
    "chant",
    "sing",
    "read",
    "quote",
    "exclaim",
    "demand",
    "propose",
    "recommend",
    "caution",
    "question",
    "wonder",
    "muse",
    "lament",
    "proclaim",
    "reiterate",
    "repeat",
    "echo",
    "retort",
    "scoff",
    "snap",
    "cry",
    "beg",
    "plead",
    "pray",
    "retaliate",
    "interject",
    "elaborate",
    "point",
    "grouse",
    "gripe",
    "mutter",
    "whisper",
    "yell",
    "scream",
    "rail",
    "press",
    "assure",
    "inform",
    "advise",
    "concur",
    "agree",
];

/// Whether `w` (lowercase) is a speech verb in any form: "say", "said", "saying", "claims",
/// "described", "promising".
pub(crate) fn is_speech_verb(w: &str) -> bool {
    let w = w.trim_end_matches(':');
    if matches!(w, "said" | "told" | "wrote" | "written" | "thought" | "spoke" | "sang" | "according") {
        return true;
    }
    let stems: [Option<&str>; 6] = [
        Some(w),
        w.strip_suffix('s'),
        w.strip_suffix("es"),
        w.strip_suffix("ed").or_else(|| w.strip_suffix('d')),
        w.strip_suffix("ing"),
        w.strip_suffix("ied").or_else(|| w.strip_suffix("ies")),
    ];
    stems.iter().flatten().any(|stem| {
        SPEECH_VERBS.contains(stem)
            || SPEECH_VERBS.contains(&format!("{stem}e").as_str())
            || SPEECH_VERBS.contains(&format!("{stem}y").as_str())
            // "stopped" → "stop"
            || stem.len() > 3 && stem.as_bytes()[stem.len() - 1] == stem.as_bytes()[stem.len() - 2] && SPEECH_VERBS.contains(&&stem[..stem.len() - 1])
    })
}

/// Titles that stand before a name.
pub(crate) fn is_title(w: &str) -> bool {
    matches!(
        w,
        "Mr" | "Mr."
            | "Mrs"
            | "Mrs."
            | "Ms"
            | "Ms."
            | "Miss"
            | "Dr"
            | "Dr."
            | "Sir"
            | "Dame"
            | "Lord"
            | "PM"
            | "MP"
            | "CEO"
            | "Sec"
            | "Pres"
            | "Lady"
            | "Prof"
            | "Prof."
            | "Professor"
            | "Rev"
            | "Rev."
            | "Gen"
            | "Gen."
            | "General"
            | "Adm"
            | "Admiral"
            | "Col"
            | "Colonel"
            | "Capt"
            | "Captain"
            | "Sen"
            | "Sen."
            | "Senator"
            | "Rep"
            | "Rep."
            | "Gov"
            | "Gov."
            | "Governor"
            | "President"
            | "Chancellor"
            | "Judge"
            | "Justice"
            | "Commander"
            | "Commissioner"
            | "Mayor"
            | "Minister"
            | "Secretary"
            | "Ambassador"
            | "Envoy"
            | "King"
            | "Queen"
            | "Prince"
            | "Princess"
            | "Pope"
            | "Cardinal"
            | "Bishop"
            | "Sheikh"
            | "Chief"
            | "Inspector"
            | "Detective"
            | "Sergeant"
            | "Officer"
            | "Speaker"
            | "Leader"
            | "Chair"
            | "Chairman"
            | "Chairwoman"
            | "Director"
            | "Premier"
    )
}

/// Nouns that name a role or office (lowercase).
pub(crate) fn is_role_noun(w: &str) -> bool {
    matches!(
        w,
        "president"
            | "minister"
            | "chancellor"
            | "secretary"
            | "general"
            | "envoy"
            | "leader"
            | "chief"
            | "executive"
            | "spokesperson"
            | "spokesman"
            | "spokeswoman"
            | "commander"
            | "ambassador"
            | "governor"
            | "senator"
            | "mayor"
            | "director"
            | "chair"
            | "chairman"
            | "chairwoman"
            | "premier"
            | "king"
            | "queen"
            | "prince"
            | "official"
            | "officials"
            | "diplomat"
            | "adviser"
            | "advisor"
            | "correspondent"
            | "editor"
            | "reporter"
            | "judge"
            | "candidate"
            | "nominee"
            | "campaign"
            | "manager"
            | "officer"
            | "lawyer"
            | "attorney"
            | "secretary-general"
            | "staff"
            | "source"
            | "sources"
            | "aide"
            | "aides"
            | "analyst"
            | "professor"
            | "economist"
            | "expert"
            | "head"
            | "founder"
            | "owner"
            | "passenger"
            | "witness"
            | "resident"
            | "residents"
            | "organiser"
            | "organizer"
            | "representative"
            | "congressman"
            | "congresswoman"
            | "speaker"
            | "admiral"
            | "colonel"
            | "captain"
            | "prosecutor"
            | "commissioner"
            | "deputy"
            | "vice"
            | "prime"
            | "foreign"
            | "defence"
            | "defense"
            | "health"
            | "transport"
            | "finance"
            | "interior"
            | "press"
            | "special"
            | "harbourmaster"
            | "harbormaster"
            | "coastguard"
            | "police"
            | "union"
    )
}

/// Personal pronouns that can stand for a speaker.
pub(crate) fn is_person_pronoun(w: &str) -> bool {
    let w = w.trim_end_matches("’s").trim_end_matches("'s").trim_end_matches("’d").trim_end_matches("'d");
    matches!(w, "he" | "she" | "He" | "She" | "they" | "They" | "I" | "we" | "We")
}

/// Capitalised words that open sentences or name things, never people.
pub(crate) fn is_not_name(w: &str) -> bool {
    matches!(
        w,
        "The"
            | "A"
            | "An"
            | "But"
            | "And"
            | "Or"
            | "In"
            | "On"
            | "At"
            | "For"
            | "To"
            | "Of"
            | "With"
            | "By"
            | "From"
            | "As"
            | "After"
            | "Before"
            | "During"
            | "While"
            | "When"
            | "If"
            | "It"
            | "This"
            | "That"
            | "These"
            | "Those"
            | "There"
            | "Their"
            | "His"
            | "Her"
            | "Its"
            | "Our"
            | "We"
            | "He"
            | "She"
            | "They"
            | "I"
            | "You"
            | "Meanwhile"
            | "However"
            | "Speaking"
            | "Asked"
            | "Earlier"
            | "Later"
            | "Early"
            | "Late"
            | "Following"
            | "Despite"
            | "Whilst"
            | "Posting"
            | "Writing"
            | "Responding"
            | "Monday"
            | "Tuesday"
            | "Wednesday"
            | "Thursday"
            | "Friday"
            | "Saturday"
            | "Sunday"
            | "January"
            | "February"
            | "March"
            | "April"
            | "May"
            | "June"
            | "July"
            | "August"
            | "September"
            | "October"
            | "November"
            | "December"
            | "Some"
            | "Many"
            | "Most"
            | "All"
            | "No"
            | "Not"
            | "One"
            | "Two"
            | "Three"
            | "Both"
            | "Every"
            | "What"
            | "Who"
            | "Why"
            | "How"
            | "Where"
            | "Which"
            | "Yes"
            | "So"
            | "Then"
            | "Now"
            | "Today"
            | "Yesterday"
            | "Tomorrow"
            | "Also"
            | "Still"
            | "Even"
            | "Just"
            | "Only"
            | "Read"
            | "Share"
            | "Follow"
            | "Watch"
            | "Thank"
            | "Thanks"
            | "Please"
            | "Let"
            | "Dear"
            | "Yet"
            | "Instead"
            | "Moreover"
            | "Furthermore"
            | "Indeed"
            | "Thus"
            | "Hence"
            | "Nevertheless"
            | "Nonetheless"
            | "Besides"
            | "Perhaps"
            | "Maybe"
            | "Apparently"
            | "Similarly"
            | "Likewise"
            | "Again"
            | "Already"
            | "Otherwise"
            | "Though"
            | "Although"
            | "Because"
            | "Since"
            | "Unless"
            | "Whether"
            | "Another"
            | "Other"
            | "Several"
            | "Such"
            | "Back"
            | "Last"
            | "Next"
            | "First"
            | "Finally"
            | "Overall"
            | "Ultimately"
    )
}
