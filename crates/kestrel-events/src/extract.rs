//! Event extraction: verb and noun patterns applied to the clause structure of one sentence,
//! with source and target from subjects, objects and prepositional phrases, codes refined by
//! complements, and attribution, modality and date for every event.

use kestrel_actors::{Actor, ActorCode, Conventions, NounPhrase, Sector, Via};
use kestrel_dates::{find_dates, span_days, CivilDate, EventDate, TemporalExpression};
use kestrel_text::{noun_lemma, Tag};

use crate::grammar::{
    complements_of, is_counted, is_dated, subject_of, verb_groups, what_is_counted, Complements, Form, SentenceView,
    Subject, VerbGroup,
};
use crate::lexicon::{Flags, Governor, GovernorPos, Lexicon, ObjectConstraint, Slot, VerbPattern};
use crate::modality::{self, Modality};
use crate::patterns;
use std::borrow::Cow;
use std::cell::OnceCell;

/// One coded event.
#[derive(Debug, Clone, PartialEq)]
pub struct Event {
    pub code: String,
    pub source: Actor,
    pub target: Option<Actor>,
    /// Byte span of the words that express the event.
    pub trigger: (usize, usize),
    pub attribution: Option<Actor>,
    pub modality: Modality,
    pub date: Option<EventDate>,
    pub confidence: f64,
}

/// An event before modality, attribution and date are known.
struct Draft {
    code: String,
    /// Code of the reverse event (target acting on source), as for a visit and its hosting.
    reverse: Option<String>,
    sources: Vec<Actor>,
    targets: Vec<Actor>,
    /// Token whose position decides scope (main verb or head noun).
    anchor: usize,
    trigger: (usize, usize),
    /// Verb group that produced it, if any.
    group: Option<usize>,
    flags: Flags,
    nominal: bool,
    inherited: bool,
    markers: Vec<Governor>,
    /// The group has "would", which reads as intent under a speaker ("said it would").
    would: bool,
    /// A complement whose meaning its governing verb's code already carries.
    absorbed: bool,
    /// A nominal event introduced as known ("the attack", "Russia's invasion").
    presupposed: bool,
    /// A participle with its agent right after a noun ("a truce brokered by Qatar"): what it
    /// says of the noun is given, whatever is planned, urged or feared about the noun.
    relative: bool,
}

/// A reporting frame: who says what, over which tokens.
struct Frame {
    scope: std::ops::Range<usize>,
    speaker: Option<Actor>,
    /// The speaker is named though no actor we know ("..., Saakashvili said"): what it says is
    /// reported, not hedged as what "sources" say is.
    named: bool,
    /// The reporting verb's group (its own event is not inside its frame).
    group: Option<usize>,
}

/// A governing word and the tokens it governs.
struct Scoped {
    governor: Governor,
    scope: std::ops::Range<usize>,
    /// The verb group that governs, when the governor is a verb ("accused", "denied").
    group: Option<usize>,
}

/// Extract the events of one sentence.
pub fn extract(
    view: &SentenceView,
    lex: &Lexicon,
    publication: Option<CivilDate>,
    conventions: Conventions,
) -> Vec<Event> {
    // Every event needs an actor as its source: a sentence naming none has no events.
    if view
        .phrases
        .iter()
        .all(|p| p.actors.is_empty() && p.modifiers.is_empty())
    {
        return Vec::new();
    }
    let groups = verb_groups(
        view,
        |l| lex.verbs.contains_key(l) || lex.phrase_patterns.contains_key(l),
        lex.max_particles,
    );
    // Nothing to code unless some verb or noun is in the lexicon: most sentences stop here.
    // A verb coded only through its patterns (a block coded `---`) counts too.
    let has_verb = groups
        .iter()
        .any(|g| lex.verbs.contains_key(g.lemma.as_ref()) || lex.phrase_patterns.contains_key(g.lemma.as_ref()));
    if !has_verb && (0..view.phrases.len()).all(|p| head_event_noun(view, lex, p).is_none()) {
        return Vec::new();
    }
    let mut comps: Vec<Complements> = groups.iter().map(|g| complements_of(view, g.end)).collect();
    // "detained and beat a journalist", "shot and seriously wounded the prime minister": a verb
    // with nothing after it but "and" (and adverbs) and another verb shares that verb's object
    // and prepositional phrases.
    for k in (0..groups.len().saturating_sub(1)).rev() {
        let bare = comps[k].object.is_none() && comps[k].preps.is_empty() && comps[k].infinitive.is_none();
        let next = &groups[k + 1];
        let adjoining = next.start > groups[k].end && (groups[k].end + 1..next.start).all(|i| view.tag(i).is_adverb());
        if bare && adjoining && matches!(view.lower(groups[k].end), "and" | "or") {
            comps[k] = comps[k + 1].clone();
        }
    }
    let subjects = resolve_subjects(view, lex, &groups, &comps, conventions);

    let mut drafts = Vec::new();
    let mut light_objects = Vec::new();
    // Built on first use: only imported dictionaries have phrase patterns.
    let pattern_words = OnceCell::new();
    for (k, g) in groups.iter().enumerate() {
        if let Some(d) = verb_draft(
            view,
            lex,
            &pattern_words,
            g,
            k,
            &comps[k],
            &subjects,
            &mut light_objects,
            conventions,
        ) {
            drafts.push(d);
        }
    }
    refine_by_complements(view, lex, &groups, &comps, &mut drafts);
    coded_by_means(view, &groups, &comps, &mut drafts);
    nominal_drafts(view, lex, &light_objects, &groups, &comps, &subjects, &mut drafts);
    mediated_parties(&mut drafts);
    casualties_of_attack(view, &groups, &mut drafts);
    judged_doers(view, lex, &comps, &subjects, &mut drafts);
    // Every event needs a source, and what follows only drops drafts or gives them targets:
    // without a draft that has one, frames and governors need not be looked for.
    if drafts.iter().all(|d| d.sources.is_empty()) {
        return Vec::new();
    }

    let frames = frames(view, lex, &drafts, &groups, &comps, &subjects);
    // A governing word scopes only tokens after it, and only the anchors of drafts with a
    // source are ever looked up in a scope: words past the last of them govern nothing of use.
    let last_anchor = drafts
        .iter()
        .filter(|d| !d.sources.is_empty())
        .map(|d| d.anchor)
        .max()
        .unwrap_or(view.range.start);
    let scoped = governors(view, lex, &groups, &frames, last_anchor);
    statements(view, &frames, &scoped, &mut drafts, conventions);

    // Talking to the press ("spoke to reporters", "met journalists") is no consultation.
    let press_only = |d: &Draft| d.code.starts_with("04") && !d.targets.is_empty() && d.targets.iter().all(is_press);
    drafts.retain(|d| !(d.sources.is_empty() || press_only(d)));
    if drafts.is_empty() {
        return Vec::new();
    }
    let dates = sentence_dates(view, publication);
    let drafts_sources: Vec<(usize, Actor)> = drafts
        .iter()
        .filter_map(|d| Some((d.group?, d.sources.first()?.clone())))
        .collect();
    let mut events = Vec::new();
    for d in drafts {
        // A complement already carried by its governor's code adds nothing without a target
        // of its own ("asked Germany to supply missiles": the appeal says it all).
        if d.sources.is_empty() || (d.absorbed && d.targets.is_empty()) {
            continue;
        }
        let frame = frames
            .iter()
            .filter(|f| f.scope.contains(&d.anchor) && (f.group.is_none() || f.group != d.group))
            .min_by_key(|f| f.scope.len());
        // An accusation or denial is its maker's claim: "the U.S. accused Iran of supplying".
        let claimant = || {
            scoped
                .iter()
                .filter(|s| s.scope.contains(&d.anchor) && matches!(s.governor, Governor::Allege | Governor::Deny))
                .filter_map(|s| s.group)
                .find_map(|k| drafts_sources.iter().find(|(g, _)| *g == k).map(|(_, a)| a.clone()))
        };
        // "denied any involvement in the Hamas attack": a definite nominal event is presupposed,
        // not governed by the words around it, nor the denier's claim.
        let attribution = frame
            .and_then(|f| f.speaker.clone())
            .or_else(|| if d.presupposed { None } else { claimant() });
        // A known event is still qualified by its own modifiers ("North Korea's alleged
        // transfer", "Russia's planned offensive").
        let own_modifier = |s: &Scoped| {
            s.group.is_none()
                && d.nominal
                && s.scope.start > view.range.start
                && view
                    .phrase_at(s.scope.start - 1)
                    .is_some_and(|q| Some(q) == view.phrase_at(d.anchor))
        };
        let in_scope = scoped
            .iter()
            .filter(|s| {
                s.scope.contains(&d.anchor)
                    && (!d.presupposed || own_modifier(s))
                    && (s.group.is_none() || s.group != d.group)
                    && !(d.relative
                        && matches!(
                            s.governor,
                            Governor::Intend | Governor::Attempt | Governor::Request | Governor::Hypothetical
                        ))
            })
            .map(|s| s.governor);
        let hedged_frame = frame
            .is_some_and(|f| f.speaker.is_none() && !f.named)
            .then_some(Governor::Hedge);
        let reported_would = (d.would && attribution.is_some()).then_some(Governor::Intend);
        let governors: Vec<Governor> = d
            .markers
            .iter()
            .copied()
            .chain(in_scope)
            .chain(hedged_frame)
            .chain(reported_would)
            .collect();
        let mut governor = modality::strongest(governors.iter().copied());
        let mut code = d.code.clone();
        // A stated intention with no governing event of its own ("Hamas said it would release
        // hostages", "Saudi Arabia plans to invest") is coded as the intent (03x) it expresses.
        // What others are to do ("Egypt offered to host talks between Israel and Hamas") is
        // not the intender's own intent: it stays an intended event.
        let others_intended = || {
            scoped
                .iter()
                .filter(|s| s.governor == Governor::Intend && s.scope.contains(&d.anchor))
                .filter_map(|s| s.group)
                .filter_map(|k| drafts_sources.iter().find(|(g, _)| *g == k).map(|(_, a)| a))
                .any(|intender| d.sources.iter().all(|a| a.code.base() != intender.code.base()))
        };
        let mut stated_intent = false;
        if governor == Some(Governor::Intend) && !d.absorbed && !code.starts_with("03") && !others_intended() {
            if let Some(intent) = lex.refine("030", &code) {
                code = intent.to_string();
                stated_intent = true;
                governor = modality::strongest(
                    governors
                        .iter()
                        .copied()
                        .filter(|g| *g != Governor::Intend && !(d.would && *g == Governor::Hypothetical)),
                );
            }
        }
        // A stated refusal: "Araghchi said Tehran would not negotiate with Washington", "Hungary
        // will not send weapons" is the rejection (12x) of what the verb group negates, as
        // "refused to negotiate" is.
        let own_negation = d.markers.contains(&Governor::Negate);
        if governor == Some(Governor::Negate) && own_negation && governors.contains(&Governor::Intend) && !d.absorbed {
            if let Some(refusal) = lex.refine("120", &code) {
                code = refusal.to_string();
                stated_intent = true;
                // The refusal is said as fact: the negation, the future and "would" are its.
                let refusal_marker = |g: &Governor| {
                    matches!(g, Governor::Negate | Governor::Intend) || (d.would && *g == Governor::Hypothetical)
                };
                governor = modality::strongest(governors.iter().copied().filter(|g| !refusal_marker(g)));
            }
        }
        let modality = modality::resolve(governor, attribution.is_some() || frame.is_some_and(|f| f.named));
        // "Norway will give Ukraine air defence systems, the ministry said on Thursday": an
        // intent is expressed when it is said, so it takes the date of the saying.
        // "Biden will host Kishida in April": an event its own verb puts in the future ("will",
        // "would") is not in the April before publication, which a date naming no year is
        // otherwise taken to be. (A governor's date stays: "agreed on Wednesday to step up".)
        let still_to_come = d.would || d.markers.contains(&Governor::Intend);
        // With no date in the sentence there is nothing to date from or to tie to.
        let tie = if dates.is_empty() {
            None
        } else {
            tied_by_span(view, d.anchor)
        };
        let date = match tie {
            // "struck Gaza on Tuesday, a day after Hamas fired rockets": the firing is dated
            // from the day of the clause it is tied to, and a span of unknown length ("days
            // after") leaves it undated.
            Some(tie) => tie.days.and_then(|days| {
                let (_, main) = nearest_date(view, &dates, tie.main, tie.main)?;
                let day = CivilDate::new(main.date.year, main.date.month?, main.date.day?)?;
                let offset = if tie.after { -days } else { days };
                Some((
                    tie.main,
                    TemporalExpression {
                        date: EventDate::day(day.add_days(offset)),
                        ..main
                    },
                ))
            }),
            None => match frame.and_then(|f| f.group) {
                // The saying's date is in the saying's own clause ("Putin will visit North Korea in
                // June, the Kremlin said": June is the visit's).
                Some(k) if stated_intent => {
                    nearest_date(view, &dates, groups[k].main, groups[k].main).filter(|(t, e)| {
                        !(still_to_come && e.assumed_past && !clause_segment(view, groups[k].main).contains(t))
                    })
                }
                _ => {
                    // "the militia that conducted last year's coup": a verb naming its object's
                    // event is dated as that object is.
                    let own_noun = d
                        .group
                        .and_then(|k| comps[k].object)
                        .filter(|o| light_objects.contains(o))
                        .map_or(d.anchor, |o| view.phrases[o].head);
                    nearest_date(view, &dates, d.anchor, own_noun).filter(|(_, e)| !(still_to_come && e.assumed_past))
                }
            },
        }
        // "occupied the south from 1982 to 2000": the event spans a period, which is no date
        // for it, nor lets a date further away stand in.
        .filter(|(_, e)| !e.period)
        .map(|(_, e)| e.date);
        // "will meet in London tomorrow": what has not happened yet has no date.
        let date = date.filter(|&date| publication.is_none_or(|p| !is_after(date, p)));
        let targets: Vec<Option<&Actor>> = if d.targets.is_empty() {
            vec![None]
        } else {
            d.targets.iter().map(Some).collect()
        };
        // "an attack on Kyiv", "shelled Damascus": what force hits is the city, not the
        // government seated there.
        let violent = is_violent(&code);
        for s in &d.sources {
            // Two people named apart are two actors even when their codes agree: the prime
            // minister meeting the president of the same government. Not so for actors paired
            // with each other ("after meeting with Chancellor A and Foreign Minister B").
            let named_apart =
                |t: &Actor| d.sources.len() == 1 && s.name.is_some() && t.name.is_some() && s.name != t.name;
            let same = |t: &Actor| t.code == s.code && !named_apart(t);
            for t in &targets {
                // An actor acting on itself is a pairing artefact when others remain ("A and B
                // met" gives A->B and B->A, not A->A; "Chinese and Indian troops clashed,
                // killing 20 Indian soldiers" is China's killing); alone, it is an event in its
                // own country ("Ukraine shelled the plant in Zaporizhzhia") whose target is not
                // known.
                let target = match t {
                    Some(t)
                        if same(t)
                            && (targets.iter().flatten().any(|o| !same(o))
                                || d.sources.iter().any(|o| o.code != s.code)) =>
                    {
                        continue
                    }
                    Some(t) if same(t) => None,
                    Some(t) if violent && t.via == Via::Seat => Some(place_of(t)),
                    _ => t.cloned(),
                };
                if target.is_none()
                    && t.is_some()
                    && events
                        .iter()
                        .any(|e: &Event| e.trigger == d.trigger && e.source.code == s.code && e.target.is_none())
                {
                    continue;
                }
                if let (Some(reverse), Some(t)) = (&d.reverse, &target) {
                    events.push(Event {
                        code: reverse.clone(),
                        source: t.clone(),
                        target: Some(s.clone()),
                        trigger: d.trigger,
                        attribution: attribution.clone(),
                        modality,
                        date,
                        confidence: confidence(&d, t, Some(s)),
                    });
                }
                events.push(Event {
                    code: code.clone(),
                    source: s.clone(),
                    target,
                    trigger: d.trigger,
                    attribution: attribution.clone(),
                    modality,
                    date,
                    confidence: confidence(&d, s, *t),
                });
            }
        }
    }
    events.sort_by_key(|e| e.trigger.0);
    // One event per trigger and dyad, even when two phrases name the same actor.
    let mut seen: Vec<(usize, String, ActorCode, Option<ActorCode>)> = Vec::with_capacity(events.len());
    events.retain(|e| {
        let key = (
            e.trigger.0,
            e.code.clone(),
            e.source.code.clone(),
            e.target.as_ref().map(|t| t.code.clone()),
        );
        let fresh = !seen.contains(&key);
        if fresh {
            seen.push(key);
        }
        fresh
    });
    events
}

fn confidence(d: &Draft, source: &Actor, target: Option<&Actor>) -> f64 {
    let mut c: f64 = 0.9;
    if target.is_none() {
        c -= 0.15;
    }
    if d.nominal {
        c -= 0.15;
    }
    if d.inherited {
        c -= 0.05;
    }
    for a in std::iter::once(source).chain(target) {
        if a.via == Via::Reference {
            c -= 0.1;
        }
        if a.code.country().is_none() && !a.code.is_group() {
            c -= 0.15;
        }
    }
    (c.clamp(0.05, 0.99) * 100.0).round() / 100.0
}

/// The actors of phrase `p`, if it names any.
fn actors(view: &SentenceView, p: usize) -> Vec<Actor> {
    view.phrases.get(p).map(|p| p.actors.clone()).unwrap_or_default()
}

/// Subjects after inheritance: infinitives take their controller's subject or object, leading
/// participles the main clause's subject, coordinated verbs the first verb's subject.
fn resolve_subjects(
    view: &SentenceView,
    lex: &Lexicon,
    groups: &[VerbGroup],
    comps: &[Complements],
    conventions: Conventions,
) -> Vec<(Option<usize>, bool)> {
    let own: Vec<Subject> = groups.iter().map(|g| subject_of(view, g)).collect();
    let mut resolved: Vec<(Option<usize>, bool)> = vec![(None, false); groups.len()];
    // Two passes: a leading participle needs the subject of a later verb.
    for pass in 0..2 {
        for (k, g) in groups.iter().enumerate() {
            if let Subject::Phrase(p) = own[k] {
                // "passed a resolution condemning Russia", "signed laws annexing four regions":
                // a document adopted or an operation launched does what it does through the
                // verb's subject.
                let used_by = (g.form == Form::Gerund && is_enactment_before(view, lex, p, g.start))
                    .then(|| (0..k).rev().find(|&j| comps[j].object == Some(p)))
                    .flatten();
                resolved[k] = match used_by {
                    Some(j) => (resolved[j].0, resolved[j].0.is_some()),
                    None => (Some(p), false),
                };
                continue;
            }
            if pass == 1 && resolved[k].0.is_some() {
                continue;
            }
            if let Some(speaker) = inverted_speaker(view, g, &comps[k]) {
                resolved[k] = (Some(speaker), false);
                continue;
            }
            let inherited = match g.form {
                // "calls for Mubarak to step down", "the time has come for Israel to withdraw":
                // the phrase between "for" and "to" is the infinitive's own subject.
                Form::Infinitive => for_subject(view, g)
                    // "praised Denmark's decision to send jets", "expressed dissatisfaction with
                    // the U.S. decision to sell arms": the owner of the noun the infinitive
                    // completes is the one to act, whatever verb governs the noun.
                    .or_else(|| {
                        g.start
                            .checked_sub(2)
                            .and_then(|i| view.phrase_at(i))
                            .filter(|&p| is_owned_noun_before(view, lex, p, g.start))
                    })
                    .or_else(|| {
                        groups[..k]
                            .iter()
                            .enumerate()
                            .rev()
                            .find(|(j, _)| {
                                comps[*j].infinitive == Some(g.start) || comps[*j].infinitive == Some(g.main)
                            })
                            .and_then(|(j, ctrl)| {
                                // What one urges, asks or forces someone to do, they are to do: "pressured
                                // Israel to allow aid", "forced the rebels to withdraw".
                                let object_control = lex.governor(&ctrl.lemma, GovernorPos::Verb)
                                    == Some(Governor::Request)
                                    || CAUSATIVES.contains(&ctrl.lemma.as_ref())
                                    || lex.verbs.get(ctrl.lemma.as_ref()).is_some_and(|rows| {
                                        rows.iter().any(|r| {
                                            r.flags.comp && (r.code.starts_with("02") || r.code.starts_with("17"))
                                        })
                                    });
                                match comps[j].object {
                                    // "called on the international community to act": the one asked
                                    // acts even when it is no actor we know, and then no one we know
                                    // does.
                                    Some(o) if object_control => view.phrases[o].is_actor().then_some(o),
                                    _ => resolved[j].0,
                                }
                            })
                    }),
                _ if opens_sentence(view, g.start)
                    || (conventions == Conventions::Kestrel && is_opening_gerund(view, g)) =>
                {
                    // "Speaking at a briefing, Kirby said", "After meeting Xi, Macron said": the
                    // first finite verb after the comma.
                    let comma = (g.end..view.range.end).find(|&i| view.tag(i) == Tag::Comma);
                    // A past tense read as a participle ("the French president called for")
                    // serves when no finite verb follows.
                    comma.and_then(|c| {
                        let after = |form: Form| {
                            groups
                                .iter()
                                .enumerate()
                                .find(|(j, h)| h.start > c && h.form == form && *j != k)
                        };
                        after(Form::Finite)
                            .or_else(|| after(Form::Participle))
                            .and_then(|(j, _)| match own[j] {
                                Subject::Phrase(p) => Some(p),
                                Subject::Missing => None,
                            })
                    })
                }
                _ => {
                    // A verb right after another ("stop supplying") shares its subject; coordinated
                    // or trailing verbs (", saying ...", "and killed") take the nearest earlier
                    // finite verb's object (accused X of V-ing) or subject; a gerund right after
                    // a participle and its preposition takes the participle's ("a dealer
                    // accused of trying to broker").
                    let catenative = k.checked_sub(1).filter(|&j| groups[j].end == g.start);
                    if let Some(j) = catenative {
                        resolved[k] = (resolved[j].0, resolved[j].0.is_some());
                        continue;
                    }
                    let after_prep = g.start > view.range.start && matches!(view.tag(g.start - 1), Tag::IN);
                    let object_controlled =
                        after_prep && g.form == Form::Gerund && OBJECT_CONTROL.contains(&view.lower(g.start - 1));
                    // "cut ties with Taiwan after meeting Wong", "violating the ceasefire by
                    // shelling towns": a gerund after a preposition of time or manner is done by
                    // the doer of the verb before it, whatever that verb's object. PETRARCH's
                    // conventions code only the main clause beside such a clause (its unit
                    // records leave "after leaving Eriador" uncoded), so there it has no doer.
                    // "filed a case accusing Israel of committing genocide": the object of the
                    // verb right before the preposition, finite or not; "imposed sanctions on
                    // two Chinese firms for supplying": the one the measure is "on" or
                    // "against", right before the preposition.
                    let controller = k.checked_sub(1).filter(|_| object_controlled).and_then(|j| {
                        let named = |&q: &usize| stands_for_actors(&view.phrases[q]);
                        comps[j]
                            .preps
                            .iter()
                            .find(|&&(w, q)| matches!(w, "on" | "against") && view.phrases[q].tokens.end + 1 == g.start)
                            .map(|&(_, q)| q)
                            .filter(named)
                            .or(comps[j].object.filter(named))
                    });
                    if let Some(o) = controller {
                        resolved[k] = (Some(o), true);
                        continue;
                    }
                    if after_prep && g.form == Form::Gerund && !object_controlled {
                        let doer = k.checked_sub(1).and_then(|j| resolved[j].0);
                        if doer.is_some() || conventions == Conventions::Petrarch {
                            let doer = doer.filter(|_| conventions == Conventions::Kestrel);
                            resolved[k] = (doer, doer.is_some());
                            continue;
                        }
                    }
                    groups[..k]
                        .iter()
                        .enumerate()
                        .rev()
                        .find(|(_, h)| {
                            h.form == Form::Finite
                                || (h.form == Form::Participle && g.form == Form::Gerund && h.end + 1 == g.start)
                        })
                        .and_then(|(j, _)| match comps[j].object {
                            Some(o) if object_controlled && view.phrases[o].is_actor() => Some(o),
                            _ => resolved[j].0,
                        })
                }
            };
            resolved[k] = (inherited, inherited.is_some());
        }
    }
    // "Biden threatened China with consequences if it provides arms": "it" names no person, so
    // a clause whose subject it is takes the last thing or country named before it, not an
    // inherited person; after "if", not an inherited country either.
    for (k, g) in groups.iter().enumerate() {
        let Some(it) = pronoun_it_subject(view, g).filter(|_| own[k] == Subject::Missing) else {
            continue;
        };
        let is_person = |p: usize| {
            let actors = &view.phrases[p].actors;
            !actors.is_empty() && actors.iter().all(|a| a.name.is_some())
        };
        // "threatened to attack South Korea if it continued the drills": after a condition's
        // "if", "it" is the last thing or country named, not the subject it would inherit.
        let after_condition = it > view.range.start && opens_condition(view, lex, it - 1);
        if after_condition || resolved[k].0.is_some_and(is_person) {
            let thing = (0..view.phrases.len()).rev().find(|&q| {
                let phrase = &view.phrases[q];
                phrase.tokens.end <= it && phrase.is_actor() && phrase.actors.iter().all(|a| a.name.is_none())
            });
            if thing.is_some() {
                resolved[k] = (thing, true);
            }
        }
    }
    resolved
}

/// The token of "it" standing as the subject of verb group `g` ("if it provides", "it will").
fn pronoun_it_subject(view: &SentenceView, g: &VerbGroup) -> Option<usize> {
    (view.range.start..g.start)
        .rev()
        .find(|&i| !matches!(view.tag(i), Tag::RB | Tag::MD))
        .filter(|&i| view.lower(i) == "it")
}

/// "\"Russia attacked Kyiv,\" said Zelenskiy.", "..., said the ministry": a reporting verb
/// right after the comma closing what it reports, with a phrase after it ending the clause,
/// comes before its subject: that phrase.
fn inverted_speaker(view: &SentenceView, g: &VerbGroup, comps: &Complements) -> Option<usize> {
    if g.form != Form::Finite {
        return None;
    }
    view.closing_comma(g.start)?;
    let p = comps.object?;
    let tokens = &view.phrases[p].tokens;
    let ends_clause = tokens.end >= view.range.end || matches!(view.tag(tokens.end), Tag::Comma | Tag::Period);
    (tokens.start == g.end && ends_clause && kestrel_text::takes_clause(view.lower(g.main))).then_some(p)
}

/// Verbs that make their object do what their infinitive says, without asking it to ("prompting
/// Seoul to warn of countermeasures", "forced the army to retreat"): the infinitive's doer is
/// the object.
const CAUSATIVES: [&str; 8] = ["prompt", "force", "compel", "cause", "lead", "spur", "drive", "push"];

/// Prepositions after a verb's object that make the object the doer of the gerund that follows
/// ("accused Rwanda of sending", "blamed Kyiv for", "charged him with", "barred them from").
const OBJECT_CONTROL: [&str; 6] = ["of", "for", "with", "from", "into", "against"];

/// Whether a phrase names actors or stands for those modifying it ("Russian entities").
fn stands_for_actors(phrase: &NounPhrase) -> bool {
    phrase.is_actor()
        || phrase
            .modifiers
            .iter()
            .any(|m| m.code.country().is_some() || m.code.is_group())
}

/// Phrase `p`, ending right before `gerund` (adverbs aside), is headed by a noun of
/// `&ENACTMENT` and names no actor: a document or operation its maker acts through.
fn is_enactment_before(view: &SentenceView, lex: &Lexicon, p: usize, gerund: usize) -> bool {
    let phrase = &view.phrases[p];
    !stands_for_actors(phrase)
        && (phrase.tokens.end..gerund).all(|i| view.tag(i).is_adverb())
        && head_in_set(view, lex, p, "&ENACTMENT")
}

/// Whether phrase `p` names a deed by its noun alone, definite and with no actor of its own
/// nor an "of" or "by" phrase after it: "the launches", "this attack", "the arrests".
fn names_earlier_deed(view: &SentenceView, lex: &Lexicon, p: usize) -> bool {
    let phrase = &view.phrases[p];
    let end = phrase.tokens.end;
    !view.earlier_doers.is_empty()
        && matches!(
            view.lower(phrase.tokens.start),
            "the" | "this" | "these" | "that" | "those"
        )
        && !stands_for_actors(phrase)
        && (end >= view.range.end || !matches!(view.lower(end), "of" | "by"))
        && head_in_set(view, lex, p, "&DEED")
}

/// Whether the head noun of phrase `p` is in the named word set of synsets.tsv.
fn head_in_set(view: &SentenceView, lex: &Lexicon, p: usize, set_name: &str) -> bool {
    let head = noun_lemma(view.lower(view.phrases[p].head));
    lex.set_names.get(set_name).is_some_and(|&set| lex.in_set(set, &head))
}

/// Phrase `p` is a non-actor noun of `&UNDERTAKING` whose actor possessor or modifier
/// ("Denmark's decision", "the U.S. decision") decides what the infinitive starting right
/// after its "to" says.
fn is_owned_noun_before(view: &SentenceView, lex: &Lexicon, p: usize, infinitive: usize) -> bool {
    let phrase = &view.phrases[p];
    !phrase.is_actor()
        && !phrase.modifiers.is_empty()
        && phrase.tokens.end + 1 == infinitive
        && head_in_set(view, lex, p, "&UNDERTAKING")
}

/// Phrase `p` is headed by a weapon, a vessel or an aircraft (`&ARMS`, `&NAVAL`, `&AIRCRAFT`:
/// "a Russian missile", "a truck bomb", "Chinese coast guard vessels", "Russian planes"),
/// which stands for whoever it names.
fn is_weapon(view: &SentenceView, lex: &Lexicon, p: usize) -> bool {
    let head = noun_lemma(view.lower(view.phrases[p].head));
    ["&ARMS", "&NAVAL", "&AIRCRAFT"]
        .iter()
        .any(|name| lex.set_names.get(*name).is_some_and(|&set| lex.in_set(set, &head)))
}

/// Phrase `p` is a non-actor noun with an actor possessor ("Kyiv's new mayor", "Iran's
/// missile programme"): as a subject, the possessor is the one acting.
fn is_possessed_noun(view: &SentenceView, p: usize) -> bool {
    let phrase = &view.phrases[p];
    !phrase.is_actor() && !phrase.modifiers.is_empty() && phrase.tokens.clone().any(|t| view.tag(t) == Tag::POS)
}

/// Nothing but adverbs, quotation marks and conjunctions stands before token `tok`.
fn opens_sentence(view: &SentenceView, tok: usize) -> bool {
    (view.range.start..tok).all(|i| matches!(view.tag(i), Tag::RB | Tag::Quote | Tag::CC))
}

/// "After meeting Xi in Beijing, Macron said": a gerund after the preposition that opens the
/// sentence.
fn is_opening_gerund(view: &SentenceView, g: &VerbGroup) -> bool {
    g.form == Form::Gerund
        && g.start > view.range.start
        && view.tag(g.start - 1) == Tag::IN
        && opens_sentence(view, g.start - 1)
}

/// Noun lemmas of a phrase (single words and the compounds the lexicon knows). An iterator,
/// not a list: it runs for every pattern row that constrains its object.
fn phrase_nouns<'v>(view: &'v SentenceView, p: usize) -> impl Iterator<Item = Cow<'v, str>> + 'v {
    let tokens = view.phrases.get(p).map_or(0..0, |phrase| phrase.tokens.clone());
    tokens
        .filter(|&t| {
            matches!(
                view.tag(t),
                Tag::NN | Tag::NNS | Tag::NNP | Tag::NNPS | Tag::JJ | Tag::VBG
            )
        })
        .map(|t| noun_lemma(view.lower(t)))
}

/// The phrases of the first run of "of" phrases after a noun: "the release of dozens of
/// hostages" gives "dozens" and "hostages".
fn of_phrases<'c>(comps: &'c Complements) -> impl Iterator<Item = usize> + 'c {
    comps
        .preps
        .iter()
        .skip_while(|(w, _)| *w != "of")
        .take_while(|(w, _)| *w == "of")
        .map(|(_, q)| *q)
}

/// The event noun heading phrase `p`, including compounds ("air strike"), with its first row
/// that applies: its "of" phrase meets the row's constraint ("the transfer of missiles", not
/// "the transfer of power") and, for a `targeted` row, its target slots name an actor.
fn head_event_noun<'l>(
    view: &SentenceView,
    lex: &'l Lexicon,
    p: usize,
) -> Option<(&'l str, &'l crate::lexicon::NounPattern)> {
    head_event_noun_of(view, lex, p, false)
}

/// [`head_event_noun`] for the object of a verb; with a `joint` subject (actors of two or more
/// countries or organisations), a `targeted` symmetric row applies without a target of its
/// own ("U.S. and Philippine troops began military exercises": they exercise together).
fn head_event_noun_of<'l>(
    view: &SentenceView,
    lex: &'l Lexicon,
    p: usize,
    joint: bool,
) -> Option<(&'l str, &'l crate::lexicon::NounPattern)> {
    let phrase = view.phrases.get(p)?;
    let head = noun_lemma(view.lower(phrase.head));
    if !lex.may_head_noun_event(&head) {
        return None;
    }
    // Built only for a row that looks past the noun.
    let comps = OnceCell::new();
    let applies = |row: &crate::lexicon::NounPattern| {
        if row.object == ObjectConstraint::Any && !row.flags.targeted {
            return true;
        }
        let comps = comps.get_or_init(|| complements_of(view, phrase.tokens.end));
        let object_met =
            row.object == ObjectConstraint::Any || of_phrases(comps).any(|q| phrase_meets(view, lex, row.object, q));
        object_met
            && (!row.flags.targeted
                || (joint && row.flags.recip)
                || !slot_targets(view, &row.targets, comps).is_empty())
    };
    let first_row = |key: &str| {
        let (k, rows) = lex.nouns.get_key_value(key)?;
        rows.iter().find(|r| applies(r)).map(|r| (k.as_str(), r))
    };
    if let Some(compounds) = lex.noun_compounds.get(head.as_ref()) {
        // The phrase's lemmas joined by spaces, built in one string.
        let mut joined = String::new();
        for t in phrase.tokens.clone() {
            if t > phrase.tokens.start {
                joined.push(' ');
            }
            joined.push_str(&noun_lemma(view.lower(t)));
        }
        for c in compounds {
            if joined.ends_with(c.as_str()) {
                if let Some(found) = first_row(c) {
                    return Some(found);
                }
            }
        }
    }
    first_row(head.as_ref())
}

fn object_matches(view: &SentenceView, lex: &Lexicon, row: &VerbPattern, comps: &Complements) -> bool {
    if row.object == ObjectConstraint::Any {
        return true;
    }
    // "welcomed Kim", not "welcomed the release of journalist Cheng Lei": a person received
    // or captured is the object itself.
    if row.object == ObjectConstraint::Person {
        return comps
            .object
            .into_iter()
            .chain(comps.second_object)
            .any(|o| phrase_meets(view, lex, row.object, o));
    }
    // "suspended Mali", "called the German chancellor": the direct object itself, not an
    // actor further on ("suspended raids at the request of a local commander").
    // A second object or an adjective after it says what the actor is, not whom the act is
    // done to: "called the United States the Great Satan", "called Putin dangerous".
    if row.object == ObjectConstraint::Actor {
        return comps.object.is_some_and(|o| {
            let after = view.phrases[o].tokens.end;
            view.phrases[o].is_actor()
                && comps.second_object.is_none()
                && !(after < view.range.end && view.tag(after) == Tag::JJ)
        });
    }
    // The object phrase with its quantity ("dozens of missiles", "more than 300 drones"), what
    // is given "with" ("provide Kyiv with missiles"), the second object ("gave Ukraine
    // tanks"), what the object is put "under" ("placed him under house arrest"), what is
    // asked "for" ("asked Berlin for Patriot systems"), what the object is listed "as" ("listed
    // the Guards as a terrorist entity"), and what an
    // amount among them is in ("pledged $500 million in humanitarian aid", "provide Ukraine
    // with $4.5 billion in financial support").
    let given = comps.object.into_iter().chain(comps.second_object).chain(
        comps
            .preps
            .iter()
            .filter(|(p, _)| matches!(*p, "with" | "of" | "than" | "about" | "under" | "for" | "as"))
            .map(|(_, q)| *q),
    );
    let is_amount = |o: usize| view.phrases[o].tokens.clone().any(|t| view.tag(t) == Tag::CD);
    let amount_in = |o: usize| {
        comps
            .preps
            .iter()
            .find(|(p, q)| *p == "in" && view.phrases[*q].tokens.start == view.phrases[o].tokens.end + 1)
            .map(|(_, q)| *q)
    };
    // "held Moscow responsible": the adjective after the object says what the act makes of it.
    let predicate_met = comps.object.is_some_and(|o| {
        let after = view.phrases[o].tokens.end;
        after < view.range.end
            && view.tag(after) == Tag::JJ
            && matches!(row.object, ObjectConstraint::Set(set) if lex.in_set(set, view.lower(after)))
    });
    predicate_met
        || given
            .flat_map(|o| std::iter::once(o).chain(amount_in(o).filter(|_| is_amount(o))))
            .any(|p| phrase_meets(view, lex, row.object, p))
}

/// Whether phrase `p` meets an object constraint: some noun of it is in the set, it names a
/// person, or it is an actor.
fn phrase_meets(view: &SentenceView, lex: &Lexicon, constraint: ObjectConstraint, p: usize) -> bool {
    match constraint {
        ObjectConstraint::Any => true,
        ObjectConstraint::Set(set) => phrase_nouns(view, p).any(|n| lex.in_set(set, &n)),
        ObjectConstraint::Person => view.phrases[p].actors.iter().any(|a| a.name.is_some()),
        ObjectConstraint::Actor => view.phrases[p].is_actor(),
        ObjectConstraint::Place => {
            let phrase = &view.phrases[p];
            phrase.is_actor()
                && !is_counted(view, p)
                && phrase.actors.iter().all(|a| {
                    a.via == Via::Seat
                        || (a.name.is_none() && a.code.sectors().next().is_none() && a.code.country().is_some())
                })
        }
    }
}

/// Prepositions through which a thing leads to the actor it belongs to, comes from or lies in
/// ("the city of Dnipro", "an apartment block in Kharkiv", "a proposal by Japan", "more than
/// 280 pupils").
const ATTACHING: [&str; 9] = ["of", "between", "in", "across", "near", "outside", "by", "from", "than"];

/// The actors of phrase `p`: its own, else those of the phrases attached after it (`rest`:
/// the prepositional phrases that follow), else the actors modifying it ("the Ukrainian city",
/// "a barrage of Russian missiles").
fn phrase_actors(view: &SentenceView, p: usize, rest: &[(&str, usize)]) -> Vec<Actor> {
    let a = actors(view, p);
    if !a.is_empty() {
        return a;
    }
    // A thing modified by actors stands for them before any phrase attached to it: "struck
    // Hezbollah targets in southern Lebanon" targets Hezbollah.
    let phrase = &view.phrases[p];
    if stands_for_actors(phrase) {
        return phrase.modifiers.clone();
    }
    if let Some(((w, q), tail)) = rest.split_first() {
        if ATTACHING.contains(w) {
            let mut attached = phrase_actors(view, *q, tail);
            // "dispersed the sit-in in Cairo", "a hospital near Kyiv": what lies in a seat of
            // government lies in its country, and is not the government's.
            if LOCATING.contains(w) {
                for a in attached.iter_mut().filter(|a| a.via == Via::Seat) {
                    *a = place_of(a);
                }
            }
            return attached;
        }
    }
    Vec::new()
}

/// The attaching prepositions that say where a thing is.
const LOCATING: [&str; 4] = ["in", "across", "near", "outside"];

/// The actors of the prepositional phrase `comps.preps[i]`.
fn prep_actors(view: &SentenceView, comps: &Complements, i: usize) -> Vec<Actor> {
    comps
        .preps
        .get(i)
        .map(|(_, p)| phrase_actors(view, *p, &comps.preps[i + 1..]))
        .unwrap_or_default()
}

/// A verb or modal at token `i`: the phrase before it is a clause's subject.
fn starts_clause(view: &SentenceView, i: usize) -> bool {
    i < view.range.end && matches!(view.tag(i), Tag::MD | Tag::VBD | Tag::VBZ | Tag::VBP | Tag::VB)
}

/// A bare past form that takes its actor as a direct object, with no object but a
/// preposition of its object's use right after it ("companies accused of smuggling", "men
/// charged with spying", "ships seized by Iran"): the object was left out because the verb is
/// a reduced passive that the tagger read as a past tense. Verbs whose pattern names that
/// preposition ("warned of", "met with"), or an actor after it, stay active.
fn object_left_out(view: &SentenceView, g: &VerbGroup, slots: &[Slot], comps: &Complements) -> bool {
    let bare_past = g.form == Form::Finite && g.start == g.main && matches!(view.tag(g.main), Tag::VBD | Tag::VBN);
    if !bare_past || comps.object.is_some() || !slots.contains(&Slot::Object) || g.end >= view.range.end {
        return false;
    }
    let next = view.lower(g.end);
    // "warned of the Prince", "met with Hamas": an actor after "of" or "with" is the verb's
    // target, not the matter of a passive.
    let actor_follows = next != "by"
        && view
            .phrase_at(g.end + 1)
            .is_some_and(|p| view.phrases[p].is_actor() && view.phrases[p].tokens.start == g.end + 1);
    matches!(next, "of" | "with" | "by")
        && !actor_follows
        && !slots.iter().any(|slot| matches!(slot, Slot::Prep(p) if p == next))
}

/// Prepositions of an attack that an agentless passive happened in ("killed in a Russian
/// missile strike", "wounded during an Israeli raid").
const ATTACK_CIRCUMSTANCE: [&str; 2] = ["in", "during"];

/// The phrase after "in"/"during" naming an attack (an event noun of root 18, 19 or 20) by an
/// actor that modifies it ("an Israeli strike", "Russia's attack").
fn attack_agent(view: &SentenceView, lex: &Lexicon, comps: &Complements) -> Option<usize> {
    comps
        .preps
        .iter()
        .filter(|(w, _)| ATTACK_CIRCUMSTANCE.contains(w))
        .map(|(_, q)| *q)
        .find(|&q| {
            let phrase = &view.phrases[q];
            !phrase.is_actor()
                && phrase
                    .modifiers
                    .iter()
                    .any(|m| m.code.country().is_some() || m.code.is_group())
                && head_event_noun(view, lex, q).is_some_and(|(_, n)| is_violent(&n.code))
        })
}

/// The actors a pattern's target slots pick.
fn slot_targets(view: &SentenceView, slots: &[Slot], comps: &Complements) -> Vec<Actor> {
    for slot in slots {
        match slot {
            Slot::Object => {
                if let Some(o) = comps.object {
                    let a = phrase_actors(view, o, &comps.preps);
                    if !a.is_empty() {
                        return a;
                    }
                }
            }
            Slot::Prep(_) | Slot::AnyPrep => {
                for (i, (prep, _)) in comps.preps.iter().enumerate() {
                    if matches!(slot, Slot::Prep(word) if word != prep) {
                        continue;
                    }
                    let a = prep_actors(view, comps, i);
                    if !a.is_empty() {
                        return a;
                    }
                }
            }
        }
    }
    Vec::new()
}

#[allow(clippy::too_many_arguments)]
fn verb_draft(
    view: &SentenceView,
    lex: &Lexicon,
    pattern_words: &OnceCell<patterns::PatternWords>,
    g: &VerbGroup,
    k: usize,
    comps: &Complements,
    subjects: &[(Option<usize>, bool)],
    light_objects: &mut Vec<usize>,
    conventions: Conventions,
) -> Option<Draft> {
    let all_rows = lex.verbs.get(g.lemma.as_ref()).map_or(&[][..], Vec::as_slice);
    // The verb's own form is read only for a row that names one. The rows that apply are
    // walked afresh each time rather than collected: a verb has a few rows, and most verbs are
    // done with after a look or two.
    let rows = || {
        all_rows
            .iter()
            .filter(|r| r.form.as_deref().is_none_or(|f| view.lower_is(g.main, f)))
    };
    let phrase_patterns = lex.phrase_patterns.get(g.lemma.as_ref()).map_or(&[][..], Vec::as_slice);
    if rows().next().is_none() && phrase_patterns.is_empty() {
        return None;
    }
    // A bare participle right after a preposition or determiner modifies a noun ("against
    // armed gangs", "the proposed deal"): it is not an event. After an adjective that heads
    // an actor ("China's military launched drills") it is the actor's verb, mistagged.
    if g.form == Form::Participle && g.start > view.range.start {
        let before = g.start - 1;
        let heads_actor = view
            .phrase_at(before)
            .is_some_and(|p| view.phrases[p].head == before && view.phrases[p].is_actor());
        if matches!(view.tag(before), Tag::IN | Tag::DT | Tag::PRPS) || (view.tag(before) == Tag::JJ && !heads_actor) {
            return None;
        }
        // "heavily armed police", "the newly elected parliament": an adverb grading a
        // participle that modifies the noun after it, at the start of a phrase.
        // (Not after "and": "shot and seriously wounded the minister" coordinates verbs.)
        let phrase_starts =
            before == view.range.start || matches!(view.tag(before - 1), Tag::IN | Tag::DT | Tag::PRPS | Tag::JJ);
        if view.tag(before) == Tag::RB && phrase_starts && g.end < view.range.end && view.tag(g.end).is_noun() {
            return None;
        }
    }
    // In the passive, the grammatical subject is the object ("Sanctions were imposed on ...",
    // "A declaration was signed by ...").
    let passive_object = subjects[k].0.filter(|&p| g.passive && !view.phrases[p].is_actor());
    let as_active;
    let comps = match passive_object {
        Some(p) => {
            as_active = Complements {
                object: Some(p),
                ..comps.clone()
            };
            &as_active
        }
        None => comps,
    };
    // A light verb with an event noun as object takes the noun's code; so does a statement
    // verb announcing one ("announced a new aid package for Ukraine"), unless the noun is the
    // subject of what is said ("said the attacks must end", "said any attack on Iran would
    // meet a response": a verb follows it and its prepositional phrases). A statement verb
    // with a particle speaks about its object, not of it ("did not comment on the strike").
    let is_light = rows().any(|r| r.flags.light);
    let says = rows().any(|r| r.flags.say) && !g.lemma.contains(' ');
    let joint = subjects[k].0.is_some_and(|p| {
        let bases = &view.phrases[p].actors;
        bases.iter().any(|a| a.code.base() != bases[0].code.base())
    });
    // A word said or agreed (a light-only noun) gives way to a row of the verb's own whose
    // set holds it: "signed a peace declaration" is signing an agreement (057), not a
    // statement ("stepped up security cooperation" is still cooperation).
    let own_row_names = |o: usize| {
        let head = noun_lemma(view.lower(view.phrases[o].head));
        rows().any(|r| matches!(r.object, ObjectConstraint::Set(set) if lex.in_set(set, &head)))
    };
    let light = comps
        .object
        .filter(|_| is_light || (says && !starts_clause(view, comps.end)))
        .and_then(|o| head_event_noun_of(view, lex, o, joint).map(|n| (o, n)))
        .filter(|&(o, (_, noun))| !noun.flags.light_only || !own_row_names(o));
    // "gave Hezbollah an ultimatum", "paid Moscow a visit": after an actor as indirect object,
    // the event noun is the second object, and the indirect object its target.
    let indirect = light.is_none() && is_light && comps.object.is_some_and(|o| view.phrases[o].is_actor());
    let light = light.or_else(|| {
        comps
            .second_object
            .filter(|_| indirect)
            .and_then(|o| head_event_noun(view, lex, o).map(|n| (o, n)))
    });
    // "retaliated with tariffs on US goods", "responded with air strikes": a verb coded by
    // its means stands for the event its "with" phrase names, as for its gerund after "by".
    let light = light.or_else(|| {
        let (_, q) = comps
            .preps
            .iter()
            .find(|(p, _)| *p == "with")
            .filter(|_| rows().any(|r| r.flags.means))?;
        head_event_noun(view, lex, *q).map(|n| (*q, n))
    });
    // "drew criticism from the EU": the noun's event comes from the verb's slots. With no one
    // named in them it is the noun's own ("provoking Israeli air raids against Arafat").
    let undergo = rows().find(|r| r.flags.light && r.flags.undergo);
    let light = light.filter(|_| undergo.is_none_or(|r| !slot_targets(view, &r.targets, comps).is_empty()));
    let pattern = if phrase_patterns.is_empty() {
        None
    } else {
        let words = pattern_words.get_or_init(|| patterns::PatternWords::new(view));
        patterns::find_match(view, lex, words, g, phrase_patterns)
    };
    let mut reverse = None;
    let (code, slots, flags) = match (pattern, light) {
        (Some((p, m)), _) => (
            {
                reverse = p.reverse.clone();
                p.code.clone()?
            },
            Cow::Borrowed(&[Slot::Object, Slot::AnyPrep][..]),
            Flags {
                recip: m.compound.is_some(),
                ..Flags::default()
            },
        ),
        (None, Some((o, (_, noun)))) if !noun.flags.light_only || is_light => {
            light_objects.push(o);
            let slots = match undergo {
                Some(r) => Cow::Borrowed(&r.targets[..]),
                // A second object: the first, an actor, is the target too.
                None if comps.second_object == Some(o) => Cow::Owned(
                    std::iter::once(Slot::Object)
                        .chain(noun.targets.iter().cloned())
                        .collect(),
                ),
                None => Cow::Borrowed(&noun.targets[..]),
            };
            // "offered further military support": what a verb of intent offers is the intent
            // to act (0332), not the act (072). Words are acts when offered: "offered an
            // apology" is the apology (055), "offered condolences" the comment (018).
            let performative = noun.code.starts_with("01") || noun.code.starts_with("05");
            let code = match lex.governor(&g.lemma, GovernorPos::Verb) {
                Some(Governor::Intend) if !performative => lex.refine("030", &noun.code).unwrap_or(&noun.code),
                _ => &noun.code,
            };
            (
                code.to_string(),
                slots,
                Flags {
                    say: noun.flags.light_only && noun.code.starts_with("01"),
                    undergo: undergo.is_some(),
                    ..noun.flags
                },
            )
        }
        (None, _) => {
            // In the passive the grammatical subject is what an object constraint is about
            // ("Lavrov was received by Kim" is a visitor received), actor or not.
            let subject_as_object;
            let constrained = match subjects[k].0 {
                Some(p) if g.passive && comps.object.is_none() => {
                    subject_as_object = Complements {
                        object: Some(p),
                        ..comps.clone()
                    };
                    &subject_as_object
                }
                _ => comps,
            };
            // The doer a subject constraint is about: the subject, or in the passive the "by"
            // agent.
            let doer = if g.passive {
                comps.preps.iter().find(|(p, _)| *p == "by").map(|&(_, q)| q)
            } else {
                subjects[k].0
            };
            // In the passive the target is the subject, so a targeted row needs no slot.
            let applies = |r: &&VerbPattern| {
                object_matches(view, lex, r, constrained)
                    && (r.subject == ObjectConstraint::Any
                        || doer.is_some_and(|p| phrase_meets(view, lex, r.subject, p)))
                    && (!r.flags.targeted || g.passive || !slot_targets(view, &r.targets, comps).is_empty())
            };
            // A light row only when no other applies: the others need not be tried twice.
            let row = rows()
                .filter(|r| !r.flags.light)
                .find(applies)
                .or_else(|| rows().filter(|r| r.flags.light).find(applies))?;
            // "placed him under house arrest": the custody is this verb's, no event of its own.
            light_objects.extend(
                comps
                    .preps
                    .iter()
                    .filter(|(p, q)| {
                        *p == "under" && row.object != ObjectConstraint::Any && phrase_meets(view, lex, row.object, *q)
                    })
                    .map(|(_, q)| *q),
            );
            // "lifted its arms embargo on Libya", "sanctions were eased": a concession (08)
            // ends what its object names, which is then no event of its own.
            if row.code.starts_with("08") && row.object != ObjectConstraint::Any {
                light_objects.extend(constrained.object.filter(|&o| phrase_meets(view, lex, row.object, o)));
            }
            reverse = row.reverse.clone();
            (row.code.clone(), Cow::Borrowed(&row.targets[..]), row.flags)
        }
    };
    let (subject, inherited) = subjects[k];
    // A bare participle after its noun is a reduced passive ("missiles fired by Russia"),
    // unless a direct object follows, when it is a past tense the tagger misread.
    let passive = g.passive
        || (g.form == Form::Participle && subject.is_some() && !inherited && comps.object.is_none())
        || object_left_out(view, g, &slots, comps);
    let (sources, targets) = if passive {
        // "killed by a truck bomb in Beirut": a weapon stands for whoever it names, never for
        // the place it went off in.
        let mut agent = comps
            .preps
            .iter()
            .position(|(p, _)| *p == "by")
            .map(|i| match comps.preps[i].1 {
                q if is_weapon(view, lex, q) => phrase_actors(view, q, &[]),
                _ => prep_actors(view, comps, i),
            })
            .unwrap_or_default();
        // "Haniyeh was killed in an Israeli strike": with no "by", the attack the patient was
        // hit in names the agent, and is coded through this verb rather than on its own.
        if agent.is_empty() {
            if let Some(q) = attack_agent(view, lex, comps) {
                agent = view.phrases[q].modifiers.clone();
                light_objects.push(q);
            }
        }
        if agent.is_empty() {
            agent = coercing_authorities(view, &code, comps);
        }
        // "Houthi targets were struck": what is hit stands for its owner; "the town of Bakhmut
        // was shelled", "the visit by Modi was criticised": so do the phrases attached to it.
        let patient = subject
            .map(|p| {
                let own = phrase_actors(view, p, &[]);
                let attached = complements_of(view, view.phrases[p].tokens.end);
                if own.is_empty() && attached.object.is_none() && attached.end <= g.start {
                    phrase_actors(view, p, &attached.preps)
                } else {
                    own
                }
            })
            .unwrap_or_default();
        let moved_to = slot_targets(view, &slots, comps);
        if agent.is_empty()
            && g.form == Form::Finite
            && !slots.contains(&Slot::Object)
            && !patient.is_empty()
            && !moved_to.is_empty()
        {
            // "troops were deployed to Russia": with no agent and a prepositional target, the
            // moved actor is the one acting.
            (patient, moved_to)
        } else if patient.is_empty() {
            (agent, slot_targets(view, &slots, comps))
        } else {
            (agent, patient)
        }
    } else {
        // "A Russian missile hit ...": a weapon stands for the actor that fired it. PETRARCH
        // codes any subject by the actor named in it ("Calenardhon crowds" are CAL).
        let sources = subject
            .map(|p| {
                let a = actors(view, p);
                if !a.is_empty() {
                    return a;
                }
                // Only a subject that names no actor is asked whether it is a weapon.
                let weapon = is_weapon(view, lex, p);
                // "the Israeli strike drew condemnation": what is criticised stands for its maker.
                // "protested the U.S. decision to sell jets": a decision, plan or offer whose
                // infinitive this is stands for its owner.
                let by_modifier = weapon
                    || flags.undergo
                    || is_possessed_noun(view, p)
                    || (inherited && matches!(g.form, Form::Infinitive | Form::Gerund))
                    || conventions == Conventions::Petrarch;
                if by_modifier {
                    let owners = phrase_actors(view, p, &[]);
                    if owners.is_empty() && weapon {
                        reduced_relative_agent(view, p)
                    } else {
                        owners
                    }
                } else {
                    a
                }
            })
            .unwrap_or_default();
        // "Iran supplied the drones": a weapon given is the gift, never whom it is given to.
        let gift = code.starts_with("07") && comps.object.is_some_and(|o| is_weapon(view, lex, o));
        let targets = if gift {
            let receivers: Vec<Slot> = slots.iter().filter(|s| **s != Slot::Object).cloned().collect();
            slot_targets(view, &receivers, comps)
        } else {
            let found = slot_targets(view, &slots, comps);
            if found.is_empty() && slots.contains(&Slot::Object) {
                weapon_user(view, lex, comps)
            } else {
                found
            }
        };
        (sources, targets)
    };
    // Actor slots of a matched phrase pattern say who is who.
    let (sources, targets) = match pattern.map(|(_, m)| m) {
        Some(m) => {
            let pick = |slot: Option<usize>, found: Vec<Actor>| slot.map_or(found, |p| phrase_actors(view, p, &[]));
            match m.compound {
                Some(p) => (actors(view, p), Vec::new()),
                None if pattern.is_some_and(|(p, _)| p.swapped) => (pick(m.target, targets), pick(m.source, sources)),
                None => (pick(m.source, sources), pick(m.target, targets)),
            }
        }
        None => (sources, targets),
    };
    // "Orban's trip drew criticism from EU leaders": the subject is criticised, not critic.
    let (sources, targets) = if flags.undergo && !passive {
        (targets, sources)
    } else {
        (sources, targets)
    };
    // "cautioned that North Korea might ...": a verb with no target of its own is about the
    // first other actor of its that-clause. A "that" further on, after a phrase that is not
    // the verb's object, opens a clause of its own, which only a verb of speech is about
    // ("warned on Tuesday that"): "annexed Crimea after a referendum that the West called
    // illegitimate" ends in a relative clause. Under PETRARCH's conventions a reporting verb
    // is an event of its own, whose target is only ever its own object.
    let own_event = conventions == Conventions::Petrarch && flags.say;
    let complement_clause = |that: usize| {
        that == g.end || comps.object.is_some_and(|o| view.phrases[o].tokens.end == that) || is_verbal(&code)
    };
    let targets = match comps.that_clause {
        Some(start) if targets.is_empty() && !own_event && complement_clause(start - 1) => {
            first_other_actor(view, start..view.range.end, &sources, !code.starts_with("01"))
        }
        _ => targets,
    };
    // "Armenia and Azerbaijan accused each other": the compound subject acts on itself.
    let flags = Flags {
        recip: flags.recip || names_each_other(view, comps),
        ..flags
    };
    let (sources, targets) = reciprocal(flags, sources, targets);
    // "protested against the pension reform in Paris": a city where the policy is found is
    // no one the protest is aimed at.
    let only_places = targets
        .iter()
        .all(|t| t.via == Via::Seat && t.code.sectors().next().is_none());
    let aimed = if code.starts_with("14") && only_places {
        policy_target(view, lex, comps, &sources)
    } else {
        Vec::new()
    };
    let targets = if aimed.is_empty() { targets } else { aimed };
    let code = match subject.filter(|_| !passive) {
        Some(p) => force_by_subject(view, lex, code, p),
        None => code,
    };
    let code = seizure_by(code, &sources);
    let mut markers = group_markers(view, lex, g);
    // "made no apology", "sent no troops": an object that is "no" something negates the act.
    let no_object = comps
        .object
        .into_iter()
        .chain(light.map(|(o, _)| o))
        .any(|o| view.lower(view.phrases[o].tokens.start) == "no");
    if no_object && !g.passive {
        markers.push(Governor::Negate);
    }
    let would = g.markers.iter().any(|&m| view.lower(m) == "would");
    Some(Draft {
        code,
        reverse,
        sources,
        targets,
        anchor: g.main,
        trigger: view.span(g.start..g.end),
        group: Some(k),
        flags,
        nominal: false,
        inherited,
        markers,
        would,
        absorbed: false,
        presupposed: false,
        relative: g.form == Form::Participle
            && g.start > view.range.start
            && view.phrase_at(g.start - 1).is_some()
            && g.end < view.range.end
            && view.lower_is(g.end, "by"),
    })
}

/// "the detention of two Canadians in China", "Imran Khan was arrested in Islamabad": an
/// arrest, detention or expulsion (17x) that names no one doing it is done by the authorities
/// of the country it happens in.
fn coercing_authorities(view: &SentenceView, code: &str, comps: &Complements) -> Vec<Actor> {
    if code.starts_with("17") {
        slot_targets(view, &[Slot::Prep("in".to_string())], comps)
    } else {
        Vec::new()
    }
}

/// CAMEO's "arrest, detain or charge with legal action" and "abduct, hijack, take hostage".
const ARREST: &str = "173";
const ABDUCT: &str = "181";

/// Role blocks of armed or criminal actors outside the state: rebels, insurgents,
/// unidentified armed men, criminals.
const IRREGULAR: [&str; 4] = ["REB", "INS", "UAF", "CRM"];

/// Role blocks of the state's own forces and authorities ("Afghan militia forces" are UAF and
/// MIL: allied forces, not a gang).
const STATE: [&str; 5] = ["GOV", "MIL", "COP", "SPY", "JUD"];

/// An arrest is legal action, which authorities take: rebels, militants or criminals who seize
/// people abduct them ("Hezbollah fighters captured two Israeli soldiers", "gunmen detained
/// three engineers").
fn seizure_by(code: String, sources: &[Actor]) -> String {
    let irregular = |a: &Actor| {
        a.code.sectors().any(|s| IRREGULAR.contains(&s.as_str()))
            && !a.code.sectors().any(|s| STATE.contains(&s.as_str()))
    };
    if code == ARREST && !sources.is_empty() && sources.iter().all(irregular) {
        ABDUCT.to_string()
    } else {
        code
    }
}

/// CAMEO's "protest violently, riot".
const VIOLENT_PROTEST: &str = "145";

/// Force (root 17, 18 or 19) used by a subject that says how it is used: "Protesters stormed
/// parliament", "crowds attacked the embassy" (a subject headed by a noun of `&PROTESTERS`) is a
/// violent protest; "a suicide bomber killed 25 people" (an actor named by an attack noun of
/// nouns.tsv) is that attack.
fn force_by_subject(view: &SentenceView, lex: &Lexicon, code: String, subject: usize) -> String {
    let forceful = ["17", "18", "19"].iter().any(|root| code.starts_with(root));
    if !forceful {
        return code;
    }
    if head_in_set(view, lex, subject, "&PROTESTERS") {
        return VIOLENT_PROTEST.to_string();
    }
    let attacker = view.phrases[subject]
        .is_actor()
        .then(|| head_event_noun(view, lex, subject))
        .flatten();
    match attacker {
        Some((_, noun)) if is_violent(&noun.code) => noun.code.clone(),
        _ => code,
    }
}

/// Prepositions naming what a protest is against ("rallied against a bill", "protests over the
/// pension reform").
const PROTESTED_AT: [&str; 3] = ["against", "over", "at"];

/// "Thousands rallied in Tbilisi against a bill": a protest at a policy (a noun of `&POLICY`)
/// that names no actor is aimed at the government of the protesters' country.
fn policy_target(view: &SentenceView, lex: &Lexicon, comps: &Complements, sources: &[Actor]) -> Vec<Actor> {
    let Some(&set) = lex.set_names.get("&POLICY") else {
        return Vec::new();
    };
    let Some(q) = comps
        .preps
        .iter()
        .filter(|(w, _)| PROTESTED_AT.contains(w))
        .map(|(_, q)| *q)
        .find(|&q| phrase_nouns(view, q).any(|n| lex.in_set(set, &n)))
    else {
        return Vec::new();
    };
    let Some(country) = sources.iter().find_map(|a| a.code.country_code()) else {
        return Vec::new();
    };
    vec![Actor {
        code: country.with_sectors(&[Sector::GOV]),
        name: None,
        span: view.span(view.phrases[q].tokens.clone()),
        via: Via::Reference,
    }]
}

/// "shot down 30 of 35 drones launched by Russia", "intercepted rockets fired by Hezbollah":
/// the actors who used the weapon a verb's object names, through a participle after it.
fn weapon_user(view: &SentenceView, lex: &Lexicon, comps: &Complements) -> Vec<Actor> {
    let Some(p) = comps.object.map(|o| what_is_counted(view, o)) else {
        return Vec::new();
    };
    if is_weapon(view, lex, p) {
        reduced_relative_agent(view, p)
    } else {
        Vec::new()
    }
}

/// "rockets fired by Hezbollah": the agent of a participle right after phrase `p`, which
/// stands for whoever used the thing `p` names.
fn reduced_relative_agent(view: &SentenceView, p: usize) -> Vec<Actor> {
    let end = view.phrases[p].tokens.end;
    if end + 2 >= view.range.end || view.tag(end) != Tag::VBN || view.lower(end + 1) != "by" {
        return Vec::new();
    }
    view.phrase_at(end + 2).map(|q| actors(view, q)).unwrap_or_default()
}

/// The governors a verb group carries itself: negation, modals and adverbs in it or right
/// before it ("did not", "might", "reportedly").
fn group_markers(view: &SentenceView, lex: &Lexicon, g: &VerbGroup) -> Vec<Governor> {
    let mut markers = Vec::new();
    if g.negated {
        markers.push(Governor::Negate);
    }
    // The adverb before the group, or before its "to" ("agreed not to use force").
    let before = g
        .start
        .checked_sub(1)
        .filter(|&i| i >= view.range.start)
        .map(|i| match view.tag(i) {
            Tag::TO if i > view.range.start => i - 1,
            _ => i,
        })
        .filter(|&i| matches!(view.tag(i), Tag::RB));
    for m in g.markers.iter().copied().chain(before) {
        let pos = if view.tag(m) == Tag::MD {
            GovernorPos::Modal
        } else {
            GovernorPos::Adverb
        };
        let gov = match pos {
            GovernorPos::Modal => modal_governor(view, lex, m),
            _ => lex.governor(view.lower(m), pos),
        };
        markers.extend(gov);
    }
    markers
}

/// What the modal at token `m` governs. "may have used", "could have shot down": a modal
/// before a perfect doubts a past event, which hedges it; "would have" stays a counterfactual.
fn modal_governor(view: &SentenceView, lex: &Lexicon, m: usize) -> Option<Governor> {
    let gov = lex.governor(view.lower(m), GovernorPos::Modal)?;
    let perfect = view.lower(m) != "would"
        && (m + 1..view.range.end)
            .find(|&k| !view.tag(k).is_adverb())
            .is_some_and(|k| view.lower_is(k, "have"));
    Some(if gov == Governor::Hypothetical && perfect {
        Governor::Hedge
    } else {
        gov
    })
}

/// "Britain condemned the detention of an aid worker in Iran", "condemned the arrest of
/// journalists by the junta", "the arrest drew condemnation from Paris", "welcomed the release
/// of two hostages by Hamas": criticism (11x) or praise (051) of an event is aimed at whoever
/// did it, not at the one it was done to.
fn judged_doers(
    view: &SentenceView,
    lex: &Lexicon,
    comps: &[Complements],
    subjects: &[(Option<usize>, bool)],
    drafts: &mut [Draft],
) {
    for c in 0..drafts.len() {
        let judgement = &drafts[c];
        if judgement.nominal || !(judgement.code.starts_with("11") || judgement.code == "051") {
            continue;
        }
        // What is judged: the object, or the subject that undergoes the judgement, or an event
        // protested "against" or "over".
        let judged = judgement.group.and_then(|k| {
            if judgement.flags.undergo {
                subjects[k].0
            } else {
                comps[k].object.or_else(|| {
                    comps[k]
                        .preps
                        .iter()
                        .find(|&&(w, q)| matches!(w, "against" | "over") && head_event_noun(view, lex, q).is_some())
                        .map(|&(_, q)| q)
                })
            }
        });
        let Some(judged) = judged else {
            continue;
        };
        let head = view.phrases[judged].head;
        let doers = drafts
            .iter()
            .find(|d| d.nominal && d.anchor == head && !d.sources.is_empty())
            .map(|d| d.sources.clone());
        if let Some(doers) = doers {
            drafts[c].targets = doers;
        } else if drafts[c].targets.is_empty() && names_earlier_deed(view, lex, judged) {
            // "North Korea fired two missiles. Japan condemned the launches.": a deed named
            // by its noun alone is the last one the document told, and its doers are judged.
            let judges: Vec<&str> = drafts[c].sources.iter().map(|a| a.code.base()).collect();
            let doers: Vec<Actor> = view
                .earlier_doers
                .iter()
                .filter(|a| !judges.contains(&a.code.base()))
                .cloned()
                .collect();
            drafts[c].targets = doers;
        } else if !is_possessed_noun(view, judged) && head_event_noun(view, lex, judged).is_some() {
            // "China condemned the killing of its citizens": with no doer named, the judge's
            // own people the event befell are not whom the judgement is aimed at (an owner
            // is the doer: "criticised the government's deal").
            let befallen: Vec<(usize, usize)> = judgement
                .group
                .into_iter()
                .flat_map(|k| of_phrases(&comps[k]))
                .flat_map(|q| view.phrases[q].actors.iter().map(|a| a.span))
                .collect();
            let d = &mut drafts[c];
            let judges: Vec<Option<&str>> = d.sources.iter().map(|a| a.code.country()).collect();
            d.targets.retain(|t| {
                !(t.code.country().is_some() && judges.contains(&t.code.country()) && befallen.contains(&t.span))
            });
        }
    }
}

/// Drops the drafts of verbs coded by their means ("retaliated by raising duties") whose
/// means, the gerund after "by", is an event of its own; when the gerund codes nothing, the
/// verb's own code stands ("retaliated by burning an effigy" is still 190).
fn coded_by_means(view: &SentenceView, groups: &[VerbGroup], comps: &[Complements], drafts: &mut Vec<Draft>) {
    let means_of = |d: &Draft| {
        let k = d.group.filter(|_| d.flags.means && !d.nominal)?;
        let end = comps[k].end;
        (end > view.range.start && end < view.range.end && view.lower(end - 1) == "by" && view.tag(end) == Tag::VBG)
            .then(|| groups.iter().position(|g| g.start == end))
            .flatten()
    };
    let coded: Vec<usize> = drafts
        .iter()
        .filter(|d| !d.sources.is_empty())
        .filter_map(|d| d.group)
        .collect();
    drafts.retain(|d| means_of(d).is_none_or(|m| !coded.contains(&m)));
}

/// CAMEO's "mediate".
const MEDIATE: &str = "045";

/// "a swap mediated by the UAE", "freed after mediation by Morocco", "with Egypt and Qatar
/// acting as mediators": a mediation that names no party is between the parties of the event
/// it comes with, the nearest other event of the sentence with both a source and a target.
fn mediated_parties(drafts: &mut [Draft]) {
    for m in 0..drafts.len() {
        let mediation = &drafts[m];
        if mediation.code != MEDIATE || !mediation.targets.is_empty() || mediation.sources.is_empty() {
            continue;
        }
        let Some(mediated) = drafts
            .iter()
            .filter(|d| d.code != MEDIATE && !d.sources.is_empty() && !d.targets.is_empty())
            .min_by_key(|d| d.anchor.abs_diff(mediation.anchor))
        else {
            continue;
        };
        let mut parties: Vec<Actor> = Vec::new();
        for a in mediated.sources.iter().chain(&mediated.targets) {
            let mediator = mediation.sources.iter().any(|s| s.code.base() == a.code.base());
            if !mediator && parties.iter().all(|p| p.code != a.code) {
                parties.push(a.clone());
            }
        }
        drafts[m].targets = parties;
    }
}

/// "Insurgents ambushed a U.S. convoy, killing three soldiers", "Pakistani troops fired on
/// Indian posts, wounding two soldiers": the soldiers, police or officials a trailing
/// participle clause kills or wounds, named without a country, are the attacked side's. The
/// country guessed for them (the last one named, or the attackers' own for soldiers) is
/// replaced by that of the clause's attack target. Civilians keep theirs: they are where the
/// attack happened ("attacked a NATO convoy in Kabul, wounding 10 civilians").
fn casualties_of_attack(view: &SentenceView, groups: &[VerbGroup], drafts: &mut [Draft]) {
    for d in 0..drafts.len() {
        let casualty = &drafts[d];
        let Some(k) = casualty
            .group
            .filter(|_| casualty.inherited && is_violent(&casualty.code))
        else {
            continue;
        };
        let trailing = groups[k].form == Form::Gerund
            && groups[k].start > view.range.start
            && view.tag(groups[k].start - 1) == Tag::Comma;
        if !trailing {
            continue;
        }
        let attacked = drafts[..d]
            .iter()
            .rev()
            .filter(|m| m.group.is_some_and(|j| j < k) && is_violent(&m.code))
            .find(|m| m.sources.iter().zip(&casualty.sources).all(|(a, b)| a.code == b.code))
            .and_then(|m| {
                let attacker = m.sources.first()?.code.country()?;
                m.targets
                    .iter()
                    .filter_map(|t| t.code.country_code())
                    .find(|country| country.as_str() != attacker)
            });
        let Some(attacked) = attacked else { continue };
        for t in &mut drafts[d].targets {
            let guessed = t.via == Via::Reference && t.name.is_none();
            let uniformed = t.code.sectors().any(|s| s.as_str() != "CVL");
            if guessed && uniformed && t.code.country() != Some(attacked.as_str()) {
                let sectors: Vec<Sector> = t.code.sectors().collect();
                t.code = attacked.with_sectors(&sectors);
            }
        }
    }
}

/// The actor phrase `p` in "for p to V" before infinitive group `g` (which starts after "to").
fn for_subject(view: &SentenceView, g: &VerbGroup) -> Option<usize> {
    let p = view.phrase_at(g.start.checked_sub(2)?)?;
    let phrase = &view.phrases[p];
    let start = phrase.tokens.start;
    (phrase.is_actor() && start > view.range.start && view.lower_is(start - 1, "for")).then_some(p)
}

/// Whether the object or a prepositional phrase of a verb is "each other" or "one another".
fn names_each_other(view: &SentenceView, comps: &Complements) -> bool {
    let mut phrases = comps.object.into_iter().chain(comps.preps.iter().map(|&(_, q)| q));
    phrases.any(|p| {
        let t = view.phrases[p].tokens.start;
        t + 1 < view.range.end
            && matches!(
                (view.lower(t), view.lower(t + 1)),
                ("each", "other") | ("one", "another")
            )
    })
}

/// A symmetric event with a compound subject and no target runs both ways.
fn reciprocal(flags: Flags, sources: Vec<Actor>, targets: Vec<Actor>) -> (Vec<Actor>, Vec<Actor>) {
    // "Sudan and Darfur rebels signed a ceasefire in Doha": a capital named only as a city is
    // where two parties act together, not a party.
    let venue = !targets.is_empty() && targets.iter().all(|t| t.via == Via::Seat);
    if flags.recip && (targets.is_empty() || venue) && sources.len() >= 2 {
        (sources.clone(), sources)
    } else {
        (sources, targets)
    }
}

/// The complement of verb group `g`: its infinitive ("urged X to supply"), or a gerund right
/// after it or after its object and a preposition ("denied supplying", "accused X of attacking",
/// "accused X on Monday of attacking", "accused by Washington of ordering"). A gerund further
/// on, after other prepositional phrases, is no complement: "agreed to a truce after six weeks
/// of fighting".
fn complement_group(view: &SentenceView, groups: &[VerbGroup], comps: &[Complements], g: usize) -> Option<usize> {
    if let Some(inf) = comps[g].infinitive {
        return groups.iter().position(|h| h.start == inf || h.main == inf);
    }
    let next = g + 1;
    let h = groups.get(next)?;
    let adjacent = h.start == groups[g].end;
    let after_prep = h.start > view.range.start
        && view.tag(h.start - 1) == Tag::IN
        && h.start <= comps[g].end + 1
        && comps[g]
            .preps
            .iter()
            .all(|&(prep, p)| prep == "by" || is_dated(view, p));
    (h.form == Form::Gerund && (adjacent || after_prep)).then_some(next)
}

/// The code of the event noun right after verb group `g` and "to", when the verb has no
/// object: "agreed to a ceasefire" and "agreed to talks" say what "agreed to observe a
/// ceasefire" and "agreed to hold talks" say. Only nouns of cooperation and concession (roots
/// 01 to 08) complete a verb so: "agreed to sanctions" is joining them, no threat.
fn nominal_complement<'l>(
    view: &SentenceView,
    lex: &'l Lexicon,
    groups: &[VerbGroup],
    comps: &[Complements],
    g: usize,
) -> Option<&'l str> {
    let &(prep, p) = comps[g].preps.first()?;
    let adjacent = view.phrases[p].tokens.start == groups[g].end + 1;
    if comps[g].object.is_some() || prep != "to" || !adjacent || view.phrases[p].is_actor() {
        return None;
    }
    let (_, noun) = head_event_noun(view, lex, p)?;
    (noun.code.as_str() < "09").then_some(noun.code.as_str())
}

/// "urged Pyongyang to supply arms": the appeal becomes an appeal for military aid, takes the
/// complement's target when it has none ("pledged to send tanks to Ukraine", or the object of
/// a complement that is no event: "threatened to turn Seoul into a sea of fire"), and the
/// supply is marked as absorbed by it.
fn refine_by_complements(
    view: &SentenceView,
    lex: &Lexicon,
    groups: &[VerbGroup],
    comps: &[Complements],
    drafts: &mut [Draft],
) {
    // Innermost first: "urged both sides to agree to a ceasefire" is an appeal for what the
    // agreement has become (0356), not for a bare agreement.
    for j in (0..drafts.len()).rev() {
        let Some(gj) = drafts[j].group else { continue };
        if !drafts[j].flags.comp {
            continue;
        }
        let Some(k) = complement_group(view, groups, comps, gj) else {
            if let Some(r) =
                nominal_complement(view, lex, groups, comps, gj).and_then(|noun| lex.refine(&drafts[j].code, noun))
            {
                drafts[j].code = r.to_string();
            }
            continue;
        };
        let Some(c) = drafts.iter().position(|d| d.group == Some(k)) else {
            // "threatened to turn Seoul into a sea of fire": a complement that is no event is
            // still about the actor it acts on.
            if let Some(object) = comps[k].object.filter(|_| drafts[j].targets.is_empty()) {
                drafts[j].targets = other_than(actors(view, object), &drafts[j].sources);
            }
            continue;
        };
        // "sent troops to support M23 rebels": a complement whose row keeps the governor's own
        // code is that event's purpose, carried by it rather than an event of its own.
        // A negated complement refines nothing: "agreed not to use force" is no threat.
        let mut carried = false;
        let negated = drafts[c].markers.contains(&Governor::Negate);
        if let Some(r) = lex
            .refine_for_targets(&drafts[j].code, &drafts[c].code, &drafts[c].targets)
            .filter(|_| !negated)
        {
            carried = r == drafts[j].code;
            drafts[j].code = r.to_string();
        }
        if drafts[j].targets.is_empty() {
            let from_complement = if drafts[c].targets.is_empty() {
                other_than(drafts[c].sources.iter().cloned(), &drafts[j].sources)
            } else {
                drafts[c].targets.clone()
            };
            drafts[j].targets = from_complement;
        }
        drafts[c].absorbed = true;
        if carried {
            drafts[c].sources.clear();
        }
    }
}

/// The `actors` of a country or body other than those of `sources`.
fn other_than(actors: impl IntoIterator<Item = Actor>, sources: &[Actor]) -> Vec<Actor> {
    actors
        .into_iter()
        .filter(|a| sources.iter().all(|s| s.code.base() != a.code.base()))
        .collect()
}

/// Prepositions giving the reason for an act towards someone ("over its invasion", "for its
/// support", "after its missile test").
const REASON: [&str; 3] = ["over", "for", "after"];

/// Prepositions before a meeting or visit that the clause's subject takes part in ("on a
/// visit to Moscow", "during talks with Lavrov", "in a phone call").
const TAKING_PART: [&str; 7] = ["on", "during", "in", "at", "for", "after", "before"];

/// Nominal events: "Shoigu's visit", "a Russian attack on Kyiv", "talks between A and B".
fn nominal_drafts(
    view: &SentenceView,
    lex: &Lexicon,
    light_objects: &[usize],
    groups: &[VerbGroup],
    verb_comps: &[Complements],
    subjects: &[(Option<usize>, bool)],
    drafts: &mut Vec<Draft>,
) {
    // The "of" phrases of coded constrained nouns: "the delivery of humanitarian aid by Egypt"
    // is one event, not a delivery and an aid.
    let mut given: Vec<usize> = Vec::new();
    for (p, phrase) in view.phrases.iter().enumerate() {
        if light_objects.contains(&p) || phrase.is_actor() || given.contains(&p) {
            continue;
        }
        let Some((_, noun)) = head_event_noun(view, lex, p) else {
            continue;
        };
        if noun.flags.light_only {
            continue;
        }
        // "Greece sent a shipment of tanks to Slovenia": a verb's object with the verb's own
        // code names the verb's event, not a second one.
        let restates_verb = drafts
            .iter()
            .any(|d| !d.nominal && d.code == noun.code && d.group.is_some_and(|k| verb_comps[k].object == Some(p)));
        if restates_verb {
            continue;
        }
        // "is expected to host the talks", "plans to attend the summit": a meeting that a
        // verb of meeting (04) has as its object happens as that verb's event does, known
        // or not.
        let hosted = noun.code.starts_with("04")
            && drafts.iter().any(|d| {
                !d.nominal && d.code.starts_with("04") && d.group.is_some_and(|k| verb_comps[k].object == Some(p))
            });
        let comps = complements_of(view, phrase.tokens.end);
        if noun.object != ObjectConstraint::Any {
            given.extend(of_phrases(&comps));
        }
        let by = comps
            .preps
            .iter()
            .position(|(w, _)| *w == "by")
            .map(|i| prep_actors(view, &comps, i))
            .filter(|a| !a.is_empty());
        let mut sources = by.unwrap_or_else(|| phrase.modifiers.clone());
        // "their attack", "its offensive": the subject of the verb before it; of the nearest
        // verb before when that verb is no event of its own ("fired a missile hours after the
        // US and South Korea ended their drills"), else of the last event's.
        let start = phrase.tokens.start;
        if sources.is_empty() && view.tag(start) == Tag::PRPS {
            let unevented_subject = groups
                .iter()
                .rposition(|g| g.end <= start)
                .filter(|&k| !drafts.iter().any(|d| !d.nominal && d.group == Some(k)))
                .and_then(|k| subjects[k].0)
                .filter(|&q| view.phrases[q].is_actor());
            if let Some(q) = unevented_subject {
                sources = actors(view, q);
            } else if let Some(d) = drafts.iter().rev().find(|d| !d.nominal && d.anchor < start) {
                // "sanctioned Russia over its invasion", "thanked the US for its support": after
                // a preposition giving the reason, a country's or body's act is the target's
                // ("arrived in Pyongyang for his first visit" is still the visitor's).
                let for_reason = start > view.range.start
                    && REASON.contains(&view.lower(start - 1))
                    && matches!(view.lower(start), "its" | "their")
                    && !d.targets.is_empty();
                // "faced criticism over his visit": the verb's subject is the undergoing target.
                sources = if d.flags.undergo || for_reason {
                    d.targets.clone()
                } else {
                    d.sources.clone()
                };
            }
        }
        // "Hamas claimed responsibility for the attack": a claim of responsibility (015) names
        // who made the attack it is for, and whom it hit when the noun does not say.
        let claim = if sources.is_empty() {
            drafts.iter().find(|d| {
                !d.nominal
                    && d.code.starts_with("015")
                    && d.group
                        .is_some_and(|k| verb_comps[k].preps.iter().any(|(w, q)| *w == "for" && *q == p))
            })
        } else {
            None
        };
        let claimed_targets = claim.map(|d| d.targets.clone()).unwrap_or_default();
        if let Some(d) = claim {
            sources = d.sources.clone();
        }
        // "Russia was ready for talks with Ukraine", "is open to dialogue": an event noun
        // completing an adjective of intent is what the clause's subject intends.
        let intent_of_subject = sources.is_empty() && {
            let doer = intent_complement_doer(view, lex, groups, subjects, phrase.tokens.start);
            sources = doer.map(|p| actors(view, p)).unwrap_or_default();
            !sources.is_empty()
        };
        // "the transfer of North Korean missiles to Russia", "the deployment of troops from
        // Chad": what a constrained row's "of" phrase names is moved, fired or imposed by the
        // actors it belongs to or comes from, unless that phrase is the row's target ("the
        // release of Israeli hostages").
        if sources.is_empty() && noun.object != ObjectConstraint::Any {
            let slot_is = |w: &str| noun.targets.iter().any(|s| matches!(s, Slot::Prep(p) if p == w));
            if !slot_is("of") {
                sources = of_phrases(&comps)
                    .map(|q| phrase_actors(view, q, &[]))
                    .find(|a| !a.is_empty())
                    .unwrap_or_default();
            }
            if sources.is_empty() && !slot_is("from") {
                sources = slot_targets(view, &[Slot::Prep("from".to_string())], &comps);
            }
        }
        if sources.is_empty() {
            sources = coercing_authorities(view, &noun.code, &comps);
        }
        // "the killing of a Hezbollah commander in an Israeli strike": a death or injury in an
        // attack is the attacker's, as in the passive ("was killed in an Israeli strike").
        let violent = is_violent(&noun.code);
        if sources.is_empty() && violent {
            if let Some(q) = attack_agent(view, lex, &comps) {
                sources = view.phrases[q].modifiers.clone();
            }
        }
        let mut targets = slot_targets(view, &noun.targets, &comps);
        if targets.is_empty() {
            targets = claimed_targets;
        }
        if targets.is_empty() && violent {
            targets = hit_by_subject(view, lex, groups, verb_comps, subjects, p);
        }
        if noun.flags.recip && targets.len() >= 2 && sources.is_empty() {
            sources = targets.clone();
        } else if noun.flags.recip && sources.len() >= 2 && targets.is_empty() {
            targets = sources.clone();
        }
        // The verb whose subject takes part in the nominal event, which shares its markers.
        let mut taking_part: Option<usize> = None;
        // "Wang Yi, who is on a visit to Moscow", "told Trump in a phone call": a meeting,
        // visit or call (04x) that the clause's subject is on or in is the subject's, and
        // with no target of its own it is with the verb's object.
        // "rejected a proposal by Japan for a summit", "hopes for talks": "for" after a verb's
        // object that is a thing, or after a common noun, completes that noun, not the verb.
        let completes_noun = |prep: usize, k: usize| {
            view.lower(prep) == "for"
                && (verb_comps[k].object.is_some_and(|o| !view.phrases[o].is_actor())
                    || matches!(view.tag(prep - 1), Tag::NN | Tag::NNS)
                        && view.phrase_at(prep - 1).is_none_or(|q| !view.phrases[q].is_actor()))
        };
        if sources.is_empty()
            && noun.code.starts_with("04")
            && start > view.range.start
            && TAKING_PART.contains(&view.lower(start - 1))
        {
            if let Some(k) = groups.iter().rposition(|g| g.end < start) {
                let clause_verb = !(groups[k].end..start).any(|i| view.is_boundary(i) && view.tag(i) != Tag::Comma);
                if clause_verb && !completes_noun(start - 1, k) {
                    sources = subjects[k].0.map(|p| actors(view, p)).unwrap_or_default();
                    if targets.is_empty() {
                        // "recalled its ambassador for consultations": one's own envoy called
                        // home is no counterpart.
                        let countries: Vec<Option<&str>> = sources.iter().map(|a| a.code.country()).collect();
                        targets = verb_comps[k].object.map(|o| actors(view, o)).unwrap_or_default();
                        targets.retain(|t| t.code.country().is_none() || !countries.contains(&t.code.country()));
                        if targets.is_empty() && verb_comps[k].object.is_some_and(|o| view.phrases[o].is_actor()) {
                            continue;
                        }
                    }
                    // A visit already coded from the verb ("visited Kyiv on a two-day visit").
                    let coded = drafts.iter().any(|d| {
                        d.code == noun.code && d.sources.iter().any(|a| sources.iter().any(|b| a.code == b.code))
                    });
                    if coded {
                        continue;
                    }
                    taking_part = Some(k);
                    // "Xi and Putin spoke during a meeting": the subjects met each other.
                    if noun.flags.recip && sources.len() >= 2 && targets.is_empty() {
                        targets = sources.clone();
                    }
                }
            }
        }
        if sources.is_empty() {
            continue;
        }
        let head = phrase.head;
        drafts.push(Draft {
            reverse: None,
            code: noun.code.clone(),
            sources,
            targets,
            anchor: head,
            trigger: view.span(head..head + 1),
            // The verb it is a circumstance of: that verb's own frame and governors are about
            // something else ("called for talks during a visit to Budapest").
            group: taking_part,
            flags: noun.flags,
            nominal: true,
            // "the" before a noun whose row constrains its "of" phrase comes with that phrase,
            // not from the event being known: "urged the release of hostages", "feared the
            // transfer of missiles" are governed.
            presupposed: !intent_of_subject
                && !hosted
                && ((view.lower(phrase.tokens.start) == "the" && noun.object == ObjectConstraint::Any)
                    || phrase.tokens.clone().any(|t| view.tag(t) == Tag::POS)),
            inherited: taking_part.is_some() || intent_of_subject,
            markers: taking_part.map_or_else(Vec::new, |k| group_markers(view, lex, &groups[k])),
            would: false,
            absorbed: false,
            relative: false,
        });
    }
}

/// "Israeli air strikes killed 12 civilians", "shelling by Russian forces wounded two": the
/// actors an attack phrase `p` hits when it is the subject of an active verb of violence,
/// found in that verb's own target slots.
fn hit_by_subject(
    view: &SentenceView,
    lex: &Lexicon,
    groups: &[VerbGroup],
    comps: &[Complements],
    subjects: &[(Option<usize>, bool)],
    p: usize,
) -> Vec<Actor> {
    let Some(k) = (0..groups.len()).find(|&k| subjects[k].0 == Some(p) && !groups[k].passive) else {
        return Vec::new();
    };
    let violent_row = lex
        .verbs
        .get(groups[k].lemma.as_ref())
        .and_then(|rows| rows.iter().find(|r| is_violent(&r.code)));
    violent_row.map_or_else(Vec::new, |row| slot_targets(view, &row.targets, &comps[k]))
}

/// For a noun phrase starting at `start` right after "ready for", "willing to", "open to" (an
/// adjective governing with intent, and its preposition), the subject phrase of the verb the
/// adjective completes in the same clause ("Russia was ready for talks").
fn intent_complement_doer(
    view: &SentenceView,
    lex: &Lexicon,
    groups: &[VerbGroup],
    subjects: &[(Option<usize>, bool)],
    start: usize,
) -> Option<usize> {
    let adjective = start.checked_sub(2).filter(|&a| a >= view.range.start)?;
    let intent = matches!(view.lower(start - 1), "for" | "to")
        && view.tag(adjective) == Tag::JJ
        // A predicate adjective may stand as a phrase of its own, never inside a longer one.
        && view
            .phrase_at(adjective)
            .is_none_or(|q| view.phrases[q].tokens == (adjective..adjective + 1) && !view.phrases[q].is_actor())
        && lex.governor(view.lower(adjective), GovernorPos::Adjective) == Some(Governor::Intend);
    if !intent {
        return None;
    }
    let k = groups.iter().rposition(|g| g.end <= adjective)?;
    let same_clause = !(groups[k].end..adjective).any(|i| view.is_boundary(i));
    same_clause.then_some(subjects[k].0).flatten()
}

/// Reporting frames: "X said (that) ...", "..., X said.", "according to X, ...", and speakers
/// that are not actors ("reports suggest"), which hedge.
fn frames(
    view: &SentenceView,
    lex: &Lexicon,
    drafts: &[Draft],
    groups: &[VerbGroup],
    comps: &[Complements],
    subjects: &[(Option<usize>, bool)],
) -> Vec<Frame> {
    let mut out = Vec::new();
    for (k, g) in groups.iter().enumerate() {
        let gov = lex.governor(&g.lemma, GovernorPos::Verb);
        let says = lex
            .verbs
            .get(g.lemma.as_ref())
            .is_some_and(|rows| rows.iter().any(|r| r.flags.say));
        let reports = matches!(gov, Some(Governor::Report | Governor::Hedge)) || says;
        // "China appears to have supplied": a raising verb hedges its infinitive; it is not
        // a speaker's report. Other governing verbs frame only what precedes them ("...,
        // the Kremlin warned.").
        if (gov.is_none() && !says) || g.negated || comps[k].infinitive.is_some() {
            continue;
        }
        // "declared martial law, accusing ...", "announced sanctions": a statement verb coded
        // as the event its object names reports nothing else.
        // A meeting the speaker was in when speaking ("told Trump in a phone call") is not it.
        if reports
            && drafts
                .iter()
                .any(|d| d.group == Some(k) && !d.nominal && !d.flags.say && !d.code.starts_with("01"))
        {
            continue;
        }
        // "X is believed to ...", "it was reported that ...": a passive report names no speaker.
        let subject = subjects[k].0.filter(|_| !g.passive);
        let speaker_phrase = subject.or_else(|| {
            // ", said the ministry."
            comps[k]
                .object
                .filter(|_| comps[k].end >= view.range.end.saturating_sub(1))
        });
        let speaker = speaker_phrase.and_then(|p| view.phrases[p].actors.first().cloned());
        // "..., the White House announced on Wednesday.": the frame covers what precedes.
        let trailing = speaker_phrase.and_then(|p| {
            let start = view.phrases[p].tokens.start.min(g.start);
            let comma = view.closing_comma(start)?;
            let rest_is_plain =
                comps[k].infinitive.is_none() && groups[k + 1..].iter().all(|h| h.start >= comps[k].end);
            let nothing_follows = !(g.end..view.range.end).any(|i| view.lower(i) == "that");
            // "On Tuesday, the Kremlin said Putin would visit": what precedes is reported only
            // when it holds a finite verb ("Speaking in Ankara, Cavusoglu said ..." opens with
            // a participle that reports nothing).
            let verb_before = groups[..k].iter().any(|h| h.end <= comma && h.form == Form::Finite);
            (rest_is_plain && nothing_follows && verb_before).then_some(comma)
        });
        let scope = match trailing {
            Some(comma) => view.range.start..comma,
            // "South Korean officials warned that the North could test a missile": what a
            // governing verb's that-clause says is its subject's claim (what one demands is
            // no claim).
            // A speaker quoted speaks only within the quotation ("\"We believe he was there,\"
            // the admiral said.").
            None if reports
                || (comps[k].that_clause.is_some() && comps[k].object.is_none() && gov != Some(Governor::Request)) =>
            {
                g.end..view.quotation_end(g.start).unwrap_or(view.range.end)
            }
            None => continue,
        };
        // A governing verb's frame only names who claims what it governs; with no actor for a
        // speaker it hedges nothing ("a report alleged that ...").
        if !reports && speaker.is_none() {
            continue;
        }
        // A non-actor speaker ("reports", "sources") hedges only when it is a real noun phrase.
        if speaker.is_none() && subject.is_none() {
            continue;
        }
        let named = speaker.is_none() && speaker_phrase.is_some_and(|p| is_name(view, p));
        out.push(Frame {
            scope,
            speaker,
            named,
            group: Some(k),
        });
    }
    // "according to X"
    for i in view.range.start..view.range.end.saturating_sub(2) {
        if view.lower_is(i, "according") && view.lower_is(i + 1, "to") {
            if let Some(p) = view.phrase_at(i + 2) {
                let speaker = view.phrases[p].actors.first().cloned();
                out.push(Frame {
                    scope: view.range.clone(),
                    named: speaker.is_none() && is_name(view, p),
                    speaker,
                    group: None,
                });
            }
        }
    }
    out
}

/// Who speaks the quotation this sentence closes, when a reporting verb and its speaker follow
/// the closing mark: "... we will respond,\" Zelenskiy said." or "...,\" said the ministry.".
/// The coder gives that speaker the earlier sentences of a quotation running over several.
pub fn quotation_speaker(view: &SentenceView) -> Option<Actor> {
    let start = view.range.start;
    let close = (start + 1..view.range.end)
        .find(|&i| view.tag(i) == Tag::Quote && !view.token(i).opening && matches!(view.tag(i - 1), Tag::Comma))?;
    let reports = |i: usize| i < view.range.end && kestrel_text::takes_clause(view.lower(i));
    let speaker = match view.phrase_at(close + 1) {
        Some(p) => reports(view.phrases[p].tokens.end).then_some(p),
        None if reports(close + 1) => view.phrase_at(close + 2),
        None => None,
    }?;
    view.phrases[speaker].actors.first().cloned()
}

/// Whether `a` is the press: reporters, journalists, a broadcaster.
fn is_press(a: &Actor) -> bool {
    a.code.sectors().any(|s| s == Sector::MED)
}

/// Whether phrase `p` is a proper name: its head is one.
fn is_name(view: &SentenceView, p: usize) -> bool {
    view.tag(view.phrases[p].head) == Tag::NNP
}

/// Where the scope of a governor starting at `from` ends: at the end of its clause, or before
/// a conjunction that coordinates a finite verb with the governed one ("did not visit the
/// shrine but sent an offering", "denied the attack and instead blamed Kyiv"). Only "but"
/// counts unless `any_conjunction` (negation and governing verbs): "reportedly shelled the
/// town and killed five" is hedged throughout. A finite verb before the conjunction heads an
/// embedded clause, which the conjunction continues ("denied that its forces shelled the
/// town and killed civilians").
fn coordination_end(view: &SentenceView, from: usize, any_conjunction: bool) -> usize {
    let end = view.clause_end(from);
    for k in from..end {
        let tag = view.tag(k);
        if tag.is_finite_verb() && view.phrase_at(k).is_none() {
            break;
        }
        if tag == Tag::CC && (any_conjunction || view.lower(k) == "but") {
            let next = (k + 1..end).find(|&j| !view.tag(j).is_adverb());
            if next.is_some_and(|j| view.tag(j).is_finite_verb() && view.phrase_at(j).is_none()) {
                return k;
            }
        }
    }
    end
}

/// Where a condition opens in `range`, else its end: "vowed to retaliate if the United States
/// sold more weapons" vows the retaliation, not the sale, which only "if" governs.
fn condition_start(view: &SentenceView, lex: &Lexicon, range: std::ops::Range<usize>) -> usize {
    let end = range.end;
    range
        .into_iter()
        .find(|&i| view.tag(i) == Tag::IN && opens_condition(view, lex, i))
        .unwrap_or(end)
}

/// Whether token `i` is a conjunction opening a condition ("if", "unless").
fn opens_condition(view: &SentenceView, lex: &Lexicon, i: usize) -> bool {
    lex.governor(view.lower(i), GovernorPos::Conjunction) == Some(Governor::Hypothetical)
}

/// Governing words (urge, plan, deny, might, if, against, ...) and their scopes; of the words
/// outside verb groups, only those before token `until`.
fn governors(view: &SentenceView, lex: &Lexicon, groups: &[VerbGroup], frames: &[Frame], until: usize) -> Vec<Scoped> {
    let mut out = Vec::new();
    for (k, g) in groups.iter().enumerate() {
        if let Some(gov) = lex.governor(&g.lemma, GovernorPos::Verb) {
            if !matches!(gov, Governor::Report) {
                // "North Korea could test a missile soon, officials warned": a verb closing
                // the sentence as its frame governs what precedes it.
                let trailing = frames.iter().find(|f| f.group == Some(k) && f.scope.end <= g.start);
                let scope = match trailing {
                    Some(f) => f.scope.clone(),
                    None => g.end..condition_start(view, lex, g.end..coordination_end(view, g.end, true)),
                };
                out.push(Scoped {
                    governor: gov,
                    scope,
                    group: Some(k),
                });
            }
        }
        // "did not say that", "has yet to": a negated or modal governor covers its complement.
        if g.negated {
            out.push(Scoped {
                governor: Governor::Negate,
                scope: g.end..coordination_end(view, g.end, true),
                group: None,
            });
        }
    }
    for i in view.range.start..until.min(view.range.end) {
        let pos = match view.tag(i) {
            Tag::RB | Tag::RBR | Tag::RBS => GovernorPos::Adverb,
            Tag::NN | Tag::NNS => GovernorPos::Noun,
            Tag::JJ | Tag::VBN => GovernorPos::Adjective,
            Tag::IN => GovernorPos::Preposition,
            Tag::CC => GovernorPos::Conjunction,
            Tag::MD => GovernorPos::Modal,
            Tag::DT => GovernorPos::Determiner,
            _ => continue,
        };
        let word = match pos {
            GovernorPos::Noun => noun_lemma(view.lower(i)),
            _ => Cow::Borrowed(view.lower(i)),
        };
        let gov = match pos {
            GovernorPos::Modal => modal_governor(view, lex, i),
            _ => lex.governor(&word, pos),
        };
        // "without consulting Kyiv": a preposition governs only a gerund right after it, never
        // what its noun phrase leads on to ("the campaign against terrorism by calling on its
        // allies" is no negated appeal).
        if gov.is_some() && pos == GovernorPos::Preposition && !(i + 1 < view.range.end && view.tag(i + 1) == Tag::VBG)
        {
            continue;
        }
        let gov = gov.or_else(|| {
            if pos == GovernorPos::Preposition {
                lex.governor(&word, GovernorPos::Conjunction)
            } else {
                None
            }
        });
        // "due to hold talks" is planned; "due to the storm" gives a cause, governing nothing.
        let cause = pos == GovernorPos::Adjective
            && i + 2 < view.range.end
            && view.lower(i + 1) == "to"
            && !(view.tag(i + 2).is_verb() || view.tag(i + 2).is_adverb());
        if let Some(gov) = gov.filter(|_| !cause) {
            let mut end = match pos {
                GovernorPos::Adverb | GovernorPos::Modal => coordination_end(view, i + 1, gov == Governor::Negate),
                // "any Israeli attack": a determiner governs its own noun phrase.
                GovernorPos::Determiner => view.phrase_at(i).map_or(i + 1, |p| view.phrases[p].tokens.end),
                _ => view.clause_end(i),
            };
            // "Plans to expand the base were condemned": a noun's own complement ends where
            // the verb it is the subject of begins; only "that" opens a clause it governs
            // ("fears that Russia will attack").
            if pos == GovernorPos::Noun {
                // "announced the agreement after talks with British officers": a time adjunct
                // after the noun's phrase is no part of what the noun governs.
                if let Some(adjunct) = (i + 1..end).find(|&k| {
                    view.tag(k) == Tag::IN
                        && matches!(
                            view.lower(k),
                            "after" | "before" | "following" | "since" | "amid" | "despite"
                        )
                }) {
                    end = adjunct;
                }
                if let Some(g) = groups
                    .iter()
                    .find(|g| g.start > i && g.start < end && view.tag(g.start).is_finite_verb())
                {
                    // "Calls grew for Mubarak to step down", "pressure is mounting on Israel
                    // to allow aid": a noun's complement may follow the verb it is the subject
                    // of, opening with the preposition the noun takes.
                    let after = (g.end..end).find(|&k| !view.tag(k).is_adverb()).unwrap_or(end);
                    let extraposed = after < end && matches!(view.lower(after), "for" | "on");
                    if !extraposed && !(i + 1..g.start).any(|k| view.lower(k) == "that") {
                        end = g.start;
                    }
                }
            }
            out.push(Scoped {
                governor: gov,
                scope: i + 1..end,
                group: None,
            });
        }
    }
    out
}

/// Statement verbs are coded only when what they introduce has no event of its own; their
/// target is then the first actor they talk about. Under PETRARCH's conventions they are coded
/// as they stand, beside what they report.
fn statements(
    view: &SentenceView,
    frames: &[Frame],
    scoped: &[Scoped],
    drafts: &mut Vec<Draft>,
    conventions: Conventions,
) {
    // Any other event inside a statement's scope is what the statement says; a statement
    // introducing another statement ("issued a statement, asserting that ...") gives way to it.
    let content: Vec<usize> = drafts
        .iter()
        .filter(|d| !d.sources.is_empty())
        .map(|d| d.anchor)
        .collect();
    drafts.retain_mut(|d| {
        if !d.flags.say {
            return true;
        }
        // "declined to comment", "did not say": no statement was made.
        let negated = d.markers.contains(&Governor::Negate)
            || scoped
                .iter()
                .any(|s| s.governor == Governor::Negate && s.scope.contains(&d.anchor));
        if negated {
            return false;
        }
        if conventions == Conventions::Petrarch {
            return true;
        }
        let scope = match d.group.and_then(|k| frames.iter().find(|f| f.group == Some(k))) {
            Some(f) => f.scope.clone(),
            None => d.anchor + 1..view.range.end,
        };
        if content.iter().any(|a| *a != d.anchor && scope.contains(a)) {
            return false;
        }
        // "told reporters", "told CNN": the press is the speaker's channel, not whom it addresses.
        d.targets.retain(|a| !is_press(a));
        // A quotation that codes nothing is the speaker's own words, mostly about "we" and "I":
        // the first actor it names is seldom the one addressed ("\"We have a side good enough
        // to beat Australia,\" he said").
        // (A quotation may open in an earlier sentence; its closing mark may follow the comma.)
        let quoted = [scope.start, scope.end.saturating_sub(1), scope.end + 1]
            .iter()
            .any(|&i| i >= scope.start && i < view.range.end && view.tag(i) == Tag::Quote);
        if quoted && d.targets.is_empty() {
            return false;
        }
        if d.targets.is_empty() {
            d.targets = first_other_actor(view, scope, &d.sources, false);
        }
        !d.targets.is_empty()
    });
}

/// The actors of the first phrase in `tokens` naming someone other than `sources`: another
/// country or body, or with `sides`, also the other side within one country, the state and
/// those outside it ("protesters demanded that the military hand over power", "the opposition
/// warned that the government would ..."), but not two arms of one state. What someone merely
/// says about their own country's people is about no one else.
fn first_other_actor(
    view: &SentenceView,
    tokens: std::ops::Range<usize>,
    sources: &[Actor],
    sides: bool,
) -> Vec<Actor> {
    let outside_state = |a: &Actor| sides && (a.code.is_outside_state() || a.code.sectors().any(|s| s == Sector::CVL));
    let own: Vec<(&str, bool)> = sources.iter().map(|a| (a.code.base(), outside_state(a))).collect();
    let mut seen = None;
    for t in tokens {
        let Some(p) = view.phrase_at(t) else { continue };
        if seen == Some(p) {
            continue;
        }
        seen = Some(p);
        let phrase = &view.phrases[p];
        let behalf = phrase.tokens.start >= 2
            && view.lower(phrase.tokens.start - 1) == "of"
            && view.lower(phrase.tokens.start - 2) == "behalf";
        if !behalf
            && phrase
                .actors
                .iter()
                .any(|a| !own.contains(&(a.code.base(), outside_state(a))))
        {
            return phrase.actors.clone();
        }
    }
    Vec::new()
}

/// `date` lies after the publication date `p`, at its own precision ("next month", "tomorrow").
fn is_after(date: EventDate, p: CivilDate) -> bool {
    let month = date.month.map(|m| (m, date.day));
    date.year > p.year
        || (date.year == p.year
            && month.is_some_and(|(m, day)| m > p.month || (m == p.month && day.is_some_and(|d| d > p.day))))
}

/// Temporal expressions of the sentence with the token each starts at.
fn sentence_dates(view: &SentenceView, publication: Option<CivilDate>) -> Vec<(usize, TemporalExpression)> {
    if view.range.is_empty() {
        return Vec::new();
    }
    let start = view.token(view.range.start).start as usize;
    let end = view.token(view.range.end - 1).end as usize;
    let Some(text) = view.text.get(start..end) else {
        return Vec::new();
    };
    find_dates(text, publication)
        .into_iter()
        .filter_map(|mut e| {
            let at = start + e.start;
            let tok = (view.range.clone()).find(|&t| view.token(t).end as usize > at)?;
            let before = (tok > view.range.start).then(|| view.lower(tok - 1));
            let bounds_a_period = before.is_some_and(|w| DATE_BOUNDS.contains(&w));
            // "were killed in Monday's attack": what happens in an occasion of a day happens
            // that day, so the possessive date is the event's own.
            e.possessive &= !before.is_some_and(|w| OCCASION_PREPOSITIONS.contains(&w));
            (!bounds_a_period).then_some((tok, e))
        })
        .collect()
}

/// Prepositions making a date the bound of a period rather than the time of an event:
/// "arrived on his fifth visit since October", "met before Tuesday's vote".
const DATE_BOUNDS: [&str; 5] = ["since", "until", "till", "before", "after"];

/// Prepositions putting an event inside an occasion: "killed in Monday's attack", "detained
/// during Sunday's protests".
const OCCASION_PREPOSITIONS: [&str; 4] = ["in", "on", "at", "during"];

/// A clause tied to another by a span of time: "a day after Hamas fired rockets".
struct SpanTie {
    /// The last token of the clause the span is measured from.
    main: usize,
    /// The span in days, if it is counted ("a day", "two weeks"; not "days").
    days: Option<i64>,
    /// The tied event comes before the other ("a day after"), not after it ("a day before").
    after: bool,
}

/// The tie of the clause holding the event anchored at `anchor`, when that clause opens with a
/// span of time and "after" or "before" ("..., a day after Hamas fired rockets", "..., days
/// after Washington and Seoul began drills").
fn tied_by_span(view: &SentenceView, anchor: usize) -> Option<SpanTie> {
    // The anchor's verb group ("had fired"), then its subject, back to "after" or "before";
    // another verb or a comma first means the clause is not tied.
    let mut t = anchor;
    while t > view.range.start && (view.tag(t - 1).is_verb() || view.tag(t - 1).is_adverb()) {
        t -= 1;
    }
    while t > view.range.start + 3 {
        t -= 1;
        let word = view.lower(t);
        if word == "after" || word == "before" {
            let days = span_days(view.lower(t - 2), view.lower(t - 1))?;
            let main = (view.range.start..t - 2).rev().find(|&i| view.tag(i) != Tag::Comma)?;
            return Some(SpanTie {
                main,
                days,
                after: word == "after",
            });
        }
        if view.tag(t).is_verb() || view.tag(t) == Tag::Comma {
            return None;
        }
    }
    None
}

/// The date of the event anchored at `anchor`: the nearest expression in its clause, else an
/// expression fronted before the first comma ("Earlier this month, ..."). A possessive date
/// after `own_noun`, the last token naming the event, is another event's.
fn nearest_date(
    view: &SentenceView,
    dates: &[(usize, TemporalExpression)],
    anchor: usize,
    own_noun: usize,
) -> Option<(usize, TemporalExpression)> {
    // "Ukraine condemned Monday's attack": a possessive date is the date of what its noun
    // names, not of an event before it.
    let usable_dates = || dates.iter().filter(|(t, e)| !(e.possessive && *t > own_noun));
    let segment = clause_segment(view, anchor);
    let in_clause = usable_dates()
        .filter(|(t, _)| segment.contains(t))
        .min_by_key(|(t, _)| t.abs_diff(anchor));
    if let Some(found) = in_clause {
        return Some(*found);
    }
    // Later in the same clause past an apposition ("surrounded the hospital, al-Shifa, on
    // Friday"): the first date after the event with no other verb before it.
    let later = usable_dates()
        .filter(|(t, _)| *t > anchor)
        .find(|(t, _)| !(anchor + 1..*t).any(|i| is_clause_verb(view, i)));
    if let Some(found) = later {
        return Some(*found);
    }
    let first_comma = (view.range.clone()).find(|&i| view.tag(i) == Tag::Comma)?;
    usable_dates()
        .find(|(t, _)| *t < first_comma && first_comma < anchor)
        .copied()
}

/// The tokens of the clause around `anchor`: from after the last comma, colon or dash before
/// it to the clause's end.
fn clause_segment(view: &SentenceView, anchor: usize) -> std::ops::Range<usize> {
    let start = (view.range.start..anchor)
        .rev()
        .find(|&i| matches!(view.tag(i), Tag::Comma | Tag::Colon | Tag::Dash))
        .map_or(view.range.start, |i| i + 1);
    start..view.clause_end(anchor)
}

/// A finite verb, a relative pronoun, a verb after a comma or a participle right after a
/// noun ("a member of Hamas jailed a year ago"): the start of another clause.
fn is_clause_verb(view: &SentenceView, i: usize) -> bool {
    let after = |is: fn(Tag) -> bool| i > view.range.start && is(view.tag(i - 1));
    matches!(
        view.tag(i),
        Tag::VBD | Tag::VBZ | Tag::VBP | Tag::MD | Tag::WDT | Tag::WP | Tag::WPS | Tag::WRB
    ) || (view.tag(i) == Tag::VBG && after(|t| t == Tag::Comma))
        || (view.tag(i) == Tag::VBN && after(Tag::is_noun))
}

/// A seat of government read as the place it is: its country ("Kyiv" as a target of attack
/// is UKR, not UKRGOV).
fn place_of(seat: &Actor) -> Actor {
    Actor {
        code: seat.code.country_code().unwrap_or_else(|| seat.code.clone()),
        ..seat.clone()
    }
}

/// Whether a CAMEO code is a verbal one (QuadClass 1 or 3: roots 01–05 and 09–13), an act of
/// speech that may be about what a that-clause says; the others are deeds.
pub fn is_verbal(code: &str) -> bool {
    matches!(
        code.get(..2),
        Some("01" | "02" | "03" | "04" | "05" | "09" | "10" | "11" | "12" | "13")
    )
}

/// Whether a CAMEO code is one of force: assault (18), fight (19) or mass violence (20).
fn is_violent(code: &str) -> bool {
    matches!(code.get(..2), Some("18" | "19" | "20"))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn only_dates_past_the_publication_at_their_own_precision_are_future() {
        let p = CivilDate::new(2024, 3, 1).expect("valid date");
        let day = |y, m, d| EventDate::day(CivilDate::new(y, m, d).expect("valid date"));
        assert!(is_after(day(2024, 3, 2), p), "tomorrow");
        assert!(!is_after(day(2024, 3, 1), p), "today");
        assert!(!is_after(day(2024, 2, 29), p), "yesterday");
        assert!(
            is_after(EventDate::month(2024, 4).expect("valid month"), p),
            "next month"
        );
        assert!(
            !is_after(EventDate::month(2024, 3).expect("valid month"), p),
            "this month"
        );
        assert!(is_after(EventDate::year(2025), p), "next year");
        assert!(!is_after(EventDate::year(2024), p), "this year");
    }
}
