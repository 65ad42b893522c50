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
    "answer",
];

/// [`SPEECH_VERBS`] for lookups (membership only; never iterated, so order cannot leak).
static SPEECH_SET: std::sync::LazyLock<std::collections::HashSet<&'static str>> =
    std::sync::LazyLock::new(|| SPEECH_VERBS.iter().copied().collect());

/// [`PLACES`] for lookups (membership only).
static PLACE_SET: std::sync::LazyLock<std::collections::HashSet<&'static str>> =
    std::sync::LazyLock::new(|| PLACES.split('|').collect());

/// The words of a vocabulary table: one per line, `#` comments and blank lines skipped.
fn table(text: &'static str) -> std::collections::HashSet<&'static str> {
    text.lines().map(str::trim).filter(|l| !l.is_empty() && !l.starts_with('#')).collect()
}

/// Nationalities, regional adjectives and parties (`vocab/en/place-adjectives.txt`).
static PLACE_ADJECTIVES: std::sync::LazyLock<std::collections::HashSet<&'static str>> =
    std::sync::LazyLock::new(|| table(include_str!("../../vocab/en/place-adjectives.txt")));

/// Whether a capitalised name of several words (its title and role taken off) reads as a
/// place, a people or a party rather than a person: a word before its last is a nationality,
/// regional adjective or party ("Pacific Palisades", "British Indian", "Conservative Blue
/// Wall"; a last word may be a surname: David French, Mark Cuban), or a word after its first
/// is a known place ("Universal Studios Japan"; a first word may be a given name: Jordan,
/// Georgia, Chad). A single word is left to the other evidence.
pub(crate) fn not_a_person(name: &str) -> bool {
    let words: Vec<&str> =
        name.split_whitespace().map(|w| w.trim_end_matches("’s").trim_end_matches("'s")).collect();
    let before_last = words.len().saturating_sub(1);
    // A known place as the last of two words may be a surname (Kerry Washington, Whitney
    // Houston); as the last of three it ends a place or a body's name.
    let places_to = if words.len() >= 3 { words.len() } else { before_last };
    // "South Korean", "North London": a direction before a place or a people.
    let direction = words.len() >= 2
        && matches!(words[0], "North" | "South" | "East" | "West")
        && (is_known_place(&words[1..].join(" "))
            || words.last().is_some_and(|w| PLACE_ADJECTIVES.contains(w)));
    // "Rishi Sunak-led Conservatives", "Kremlin-backed Media": a compound that describes.
    let described = words.iter().any(|w| {
        ["-led", "-backed", "-based", "-owned", "-run", "-linked", "-funded", "-style"]
            .iter()
            .any(|s| w.ends_with(s))
    });
    if described {
        return true;
    }
    // "Washington European": every word a place or a people.
    let all_places =
        words.len() >= 2 && words.iter().all(|w| is_known_place(w) || PLACE_ADJECTIVES.contains(w));
    direction
        || all_places
        || words[..before_last].iter().any(|w| PLACE_ADJECTIVES.contains(w))
        || words[..places_to].iter().skip(1).any(|w| is_known_place(w))
}

/// Whether `w` (lowercase) is a speech verb in any form: "say", "said", "saying", "claims",
/// "described", "promising".
pub(crate) fn is_speech_verb(w: &str) -> bool {
    let w = w.trim_end_matches(':');
    if matches!(w, "said" | "told" | "wrote" | "written" | "thought" | "spoke" | "sang" | "according") {
        return true;
    }
    let known = |v: &str| SPEECH_SET.contains(v);
    if known(w) {
        return true;
    }
    // Inflected forms only: "noted" → "note", never "not" → "note".
    let stems: [Option<&str>; 5] = [
        w.strip_suffix('s'),
        w.strip_suffix("es"),
        w.strip_suffix("ed").or_else(|| w.strip_suffix('d')),
        w.strip_suffix("ing"),
        w.strip_suffix("ied").or_else(|| w.strip_suffix("ies")),
    ];
    // `stem` plus one letter ("not" + "e"), compared without building the string.
    let plus = |stem: &str, last: u8| {
        SPEECH_VERBS
            .iter()
            .any(|v| v.len() == stem.len() + 1 && v.as_bytes()[stem.len()] == last && v.starts_with(stem))
    };
    stems.iter().flatten().any(|stem| {
        known(stem)
            || plus(stem, b'e')
            || plus(stem, b'y')
            // "stopped" → "stop"
            || stem.len() > 3 && stem.as_bytes()[stem.len() - 1] == stem.as_bytes()[stem.len() - 2] && known(&stem[..stem.len() - 1])
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
            | "Col."
            | "Lt"
            | "Lt."
            | "Maj"
            | "Maj."
            | "Sgt"
            | "Sgt."
            | "Cmdr"
            | "Cmdr."
            | "Adm."
            | "Capt."
            | "Supt"
            | "Supt."
            | "Det"
            | "Det."
            | "Cpl"
            | "Cpl."
            | "Sec."
            | "Pres."
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

/// Countries, continents, US states and major world cities: a general gazetteer of the places
/// news names most, written once here (no story's places).
const PLACES: &str = "Afghanistan|Albania|Algeria|Andorra|Angola|Argentina|Armenia|Australia|Austria|Azerbaijan|\
Bahamas|Bahrain|Bangladesh|Barbados|Belarus|Belgium|Belize|Benin|Bhutan|Bolivia|Bosnia|Botswana|Brazil|Brunei|\
Bulgaria|Burkina Faso|Burundi|Cambodia|Cameroon|Canada|Chad|Chile|China|Colombia|Congo|Costa Rica|Croatia|Cuba|\
Cyprus|Czech Republic|Czechia|Denmark|Djibouti|Dominica|Ecuador|Egypt|El Salvador|Eritrea|Estonia|Eswatini|Ethiopia|\
Fiji|Finland|France|Gabon|Gambia|Georgia|Germany|Ghana|Greece|Greenland|Grenada|Guatemala|Guinea|Guyana|Haiti|\
Honduras|Hungary|Iceland|India|Indonesia|Iran|Iraq|Ireland|Israel|Italy|Jamaica|Japan|Jordan|Kazakhstan|Kenya|\
Kosovo|Kuwait|Kyrgyzstan|Laos|Latvia|Lebanon|Lesotho|Liberia|Libya|Liechtenstein|Lithuania|Luxembourg|Madagascar|\
Malawi|Malaysia|Maldives|Mali|Malta|Mauritania|Mauritius|Mexico|Moldova|Monaco|Mongolia|Montenegro|Morocco|\
Mozambique|Myanmar|Namibia|Nepal|Netherlands|New Zealand|Nicaragua|Niger|Nigeria|North Korea|North Macedonia|Norway|\
Oman|Pakistan|Palestine|Panama|Papua New Guinea|Paraguay|Peru|Philippines|Poland|Portugal|Qatar|Romania|Russia|\
Rwanda|Samoa|San Marino|Saudi Arabia|Senegal|Serbia|Seychelles|Sierra Leone|Singapore|Slovakia|Slovenia|Somalia|\
South Africa|South Korea|South Sudan|Spain|Sri Lanka|Sudan|Suriname|Sweden|Switzerland|Syria|Taiwan|Tajikistan|\
Tanzania|Thailand|Togo|Tonga|Tunisia|Turkey|Turkmenistan|Uganda|Ukraine|United Arab Emirates|United Kingdom|\
United States|Uruguay|Uzbekistan|Vatican|Venezuela|Vietnam|Yemen|Zambia|Zimbabwe|Britain|Great Britain|England|\
Scotland|Wales|Northern Ireland|America|US|U.S.|USA|UK|UAE|Crimea|Gaza|West Bank|Donbas|Kashmir|Tibet|Hong Kong|\
Macau|Puerto Rico|Africa|Asia|Europe|Antarctica|Oceania|Arctic|Middle East|Latin America|South America|North America|\
Central America|Balkans|Baltics|Caucasus|Scandinavia|Alabama|Alaska|Arizona|Arkansas|California|Colorado|Connecticut|\
Delaware|Florida|Hawaii|Idaho|Illinois|Indiana|Iowa|Kansas|Kentucky|Louisiana|Maine|Maryland|Massachusetts|Michigan|\
Minnesota|Mississippi|Missouri|Montana|Nebraska|Nevada|New Hampshire|New Jersey|New Mexico|New York|North Carolina|\
North Dakota|Ohio|Oklahoma|Oregon|Pennsylvania|Rhode Island|South Carolina|South Dakota|Tennessee|Texas|Utah|Vermont|\
Virginia|West Virginia|Wisconsin|Wyoming|London|Paris|Berlin|Rome|Madrid|Lisbon|Dublin|Brussels|Amsterdam|Vienna|\
Prague|Warsaw|Budapest|Athens|Stockholm|Oslo|Copenhagen|Helsinki|Moscow|Kyiv|Kiev|Minsk|Ankara|Istanbul|Tehran|\
Baghdad|Damascus|Beirut|Jerusalem|Tel Aviv|Cairo|Riyadh|Doha|Dubai|Abu Dhabi|Kabul|Islamabad|Delhi|New Delhi|Mumbai|\
Beijing|Shanghai|Tokyo|Seoul|Pyongyang|Taipei|Hanoi|Bangkok|Jakarta|Manila|Sydney|Canberra|Ottawa|Toronto|Montreal|\
Washington|Chicago|Los Angeles|San Francisco|Boston|Miami|Houston|Dallas|Atlanta|Seattle|Philadelphia|Detroit|\
Mexico City|Havana|Caracas|Bogota|Lima|Santiago|Buenos Aires|Brasilia|Nairobi|Lagos|Johannesburg|Cape Town|\
Addis Ababa|Khartoum|Tripoli|Algiers|Tunis|Rabat|Geneva|Zurich|Munich|Frankfurt|Hamburg|Milan|Naples|Barcelona|\
Edinburgh|Glasgow|Manchester|Birmingham|Liverpool|Belfast|Cardiff|Anchorage|Honolulu|Las Vegas|Phoenix|Denver";

/// Whether `name` is a country, continent, US state or major city.
pub(crate) fn is_known_place(name: &str) -> bool {
    PLACE_SET.contains(name)
}

/// Last words of the names of events, documents and plans, which are neither people nor
/// organisations: "Budapest Memorandum", "Normandy Format", "Victory Day".
pub(crate) fn is_event_word(w: &str) -> bool {
    matches!(
        w,
        "Memorandum"
            | "Format"
            | "Summit"
            | "Act"
            | "Bill"
            | "Plan"
            | "Deal"
            | "Accord"
            | "Treaty"
            | "War"
            | "Day"
            | "Week"
            | "Star"
            | "Cross"
            | "Crane"
            | "Wing"
            | "Room"
    )
}

/// Last words of place names: "Kerch Strait", "Red Square", "Halvik Harbour".
pub(crate) fn is_geo_word(w: &str) -> bool {
    matches!(
        w,
        "Street"
            | "Square"
            | "Road"
            | "Avenue"
            | "Bridge"
            | "Station"
            | "Airport"
            | "Port"
            | "Harbour"
            | "Harbor"
            | "Sea"
            | "Ocean"
            | "River"
            | "Mountains"
            | "Region"
            | "Island"
            | "Islands"
            | "Bay"
            | "Lake"
            | "County"
            | "Province"
            | "Strait"
            | "Gulf"
            | "Peninsula"
            | "Valley"
            | "Coast"
            | "Canal"
            | "Channel"
            | "Terminal"
            | "Oblast"
            | "City"
    )
}

#[cfg(test)]
mod tests {
    use super::not_a_person;

    #[test]
    fn places_peoples_and_parties_are_not_people() {
        for name in [
            "Northern England",
            "Pacific Palisades",
            "British Indian",
            "Universal Studios Japan",
            "South Korean",
            "Washington European",
            "Rishi Sunak-led Conservatives",
        ] {
            assert!(not_a_person(name), "{name}");
        }
        for name in ["David French", "Mark Cuban", "Jordan Peele", "Washington", "Kerry Washington"] {
            assert!(!not_a_person(name), "{name}");
        }
    }
}
