//! Compiles the part-of-speech lexicon (data/text/pos-lexicon.tsv, plus the tags implied by
//! data/text/irregular-verbs.tsv) into the hash table the library reads in place, so that
//! start-up does no parsing or hashing. Each word also carries its function-word marks
//! (src/word_marks.rs), so the tagger needs one look-up per word. The layout is documented in src/table_format.rs.

#[path = "src/table_format.rs"]
#[allow(dead_code)]
mod table_format;
#[path = "src/word_marks.rs"]
#[allow(dead_code)]
mod word_marks;

use std::collections::HashMap;
use std::path::{Path, PathBuf};

use table_format::{Key, HEADER_SIZE, INLINE_KEY, MAGIC, MARKS_SHIFT, PRIMARY_SHIFT, SLOT_SIZE, WORD_TAGS};

type Error = Box<dyn std::error::Error>;

/// Primary tag index and tag bit set of a word.
#[derive(Clone, Copy)]
struct Entry {
    primary: u8,
    tags: u64,
}

#[derive(Default)]
struct Words {
    entries: HashMap<String, Entry>,
    /// Words in first-seen order, so the table is the same on every build.
    order: Vec<String>,
}

impl Words {
    /// Adds `tag` to `word`'s tags, creating the word with `tag` as its primary tag.
    fn add(&mut self, word: &str, tag: u8) {
        match self.entries.get_mut(word) {
            Some(entry) => entry.tags |= 1 << tag,
            None => {
                self.entries.insert(
                    word.to_string(),
                    Entry {
                        primary: tag,
                        tags: 1 << tag,
                    },
                );
                self.order.push(word.to_string());
            }
        }
    }
}

fn tag_index(name: &str) -> Option<u8> {
    WORD_TAGS.iter().position(|tag| *tag == name).map(|i| i as u8)
}

fn data_lines(text: &str) -> impl Iterator<Item = &str> {
    text.lines()
        .map(|line| line.trim_end_matches('\r'))
        .filter(|line| !line.is_empty() && !line.starts_with('#'))
}

fn read_lexicon(path: &Path, words: &mut Words) -> Result<(), Error> {
    let text = std::fs::read_to_string(path)?;
    for (number, line) in data_lines(&text).enumerate() {
        let (word, tags) = line
            .split_once('\t')
            .ok_or_else(|| format!("{}: data line {}: no tab", path.display(), number + 1))?;
        for name in tags.split(' ') {
            let tag =
                tag_index(name).ok_or_else(|| format!("{}: unknown tag {name:?} for {word:?}", path.display()))?;
            words.add(word, tag);
        }
    }
    Ok(())
}

/// Past forms may be VBD, participles VBN, bases VB; other forms ("ca" of "can") take the
/// base's tags when the lexicon does not know them.
fn add_irregular_verbs(path: &Path, words: &mut Words) -> Result<(), Error> {
    let text = std::fs::read_to_string(path)?;
    let [vb, vbd, vbn] = ["VB", "VBD", "VBN"].map(|name| tag_index(name).unwrap_or(0));
    for line in data_lines(&text) {
        let mut columns = line.split('\t');
        let base = columns.next().unwrap_or_default();
        let base_entry = words.entries.get(base).copied();
        words.add(base, vb);
        for (column, tag) in columns.zip([Some(vbd), Some(vbn), None]) {
            for form in column.split(',').map(str::trim).filter(|f| !f.is_empty()) {
                match (tag, base_entry) {
                    (Some(tag), _) => words.add(form, tag),
                    (None, Some(entry)) if !words.entries.contains_key(form) => {
                        words.entries.insert(form.to_string(), entry);
                        words.order.push(form.to_string());
                    }
                    (None, _) => {}
                }
            }
        }
    }
    Ok(())
}

fn compile(words: &Words) -> Vec<u8> {
    let base_forms = 1u64 << tag_index("VB").unwrap_or(0) | 1u64 << tag_index("VBP").unwrap_or(0);
    let mut classes: Vec<u64> = Vec::new();
    let mut class_ids: HashMap<u64, u16> = HashMap::new();
    let bits = (words.order.len().max(8) * 2).next_power_of_two().trailing_zeros();
    let mut slots = vec![[0u8; SLOT_SIZE]; 1 << bits];
    let mut long_keys: Vec<u8> = Vec::new();
    let mut count = 0u32;
    // Shortest words first: the commonest words in news are short function words ("the",
    // "of", "said"), and inserted first they take their home slots, so most look-ups of a
    // document read a single slot (on the 300 Lee news articles, 1.14 slots per look-up, not
    // 1.69 in file order). A stable sort keeps the table the same on every build.
    let mut insertion_order: Vec<&String> = words.order.iter().collect();
    insertion_order.sort_by_key(|word| word.len());
    for word in insertion_order {
        let (Some(entry), Some(key)) = (words.entries.get(word), Key::new(word.as_bytes())) else {
            continue;
        };
        // Base forms are VB after "to" and modals, VBP after a subject: rules choose.
        let tags = if entry.tags & base_forms != 0 {
            entry.tags | base_forms
        } else {
            entry.tags
        };
        let class =
            tags | u64::from(entry.primary) << PRIMARY_SHIFT | u64::from(word_marks::word_marks(word)) << MARKS_SHIFT;
        let next_id = classes.len() as u16;
        let class_id = *class_ids.entry(class).or_insert_with(|| {
            classes.push(class);
            next_id
        });
        let tail = if word.len() > INLINE_KEY {
            let offset = long_keys.len() as u32;
            long_keys.extend_from_slice(word.as_bytes());
            offset
        } else {
            key.tail
        };
        let mut position = key.home(bits);
        while slots[position][12] != 0 {
            position = (position + 1) & (slots.len() - 1);
        }
        let slot = &mut slots[position];
        slot[..8].copy_from_slice(&key.head.to_le_bytes());
        slot[8..12].copy_from_slice(&tail.to_le_bytes());
        slot[12] = word.len() as u8;
        slot[14..].copy_from_slice(&class_id.to_le_bytes());
        count += 1;
    }
    let mut blob = Vec::with_capacity(HEADER_SIZE + slots.len() * SLOT_SIZE + long_keys.len());
    blob.extend_from_slice(MAGIC);
    for value in [bits, classes.len() as u32, count] {
        blob.extend_from_slice(&value.to_le_bytes());
    }
    for class in &classes {
        blob.extend_from_slice(&class.to_le_bytes());
    }
    for slot in &slots {
        blob.extend_from_slice(slot);
    }
    blob.extend_from_slice(&long_keys);
    blob
}

fn main() -> Result<(), Error> {
    let manifest = PathBuf::from(std::env::var("CARGO_MANIFEST_DIR")?);
    let data = manifest.join("../../data/text");
    let lexicon = data.join("pos-lexicon.tsv");
    let irregular_verbs = data.join("irregular-verbs.tsv");
    for path in [
        &lexicon,
        &irregular_verbs,
        &manifest.join("src/table_format.rs"),
        &manifest.join("src/word_marks.rs"),
    ] {
        println!("cargo:rerun-if-changed={}", path.display());
    }
    let mut words = Words::default();
    read_lexicon(&lexicon, &mut words)?;
    add_irregular_verbs(&irregular_verbs, &mut words)?;
    let out = PathBuf::from(std::env::var("OUT_DIR")?).join("word-table.bin");
    std::fs::write(out, compile(&words))?;
    Ok(())
}
