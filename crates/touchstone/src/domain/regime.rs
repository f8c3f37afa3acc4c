//! Legal regimes as data: who is notified after a detention, who must answer by when, and what
//! silence means. The EU's Regulation 608/2013 ships as the default
//! (`regimes/eu-608-2013.toml`); a deployment adds others under `[[legal.regimes]]` in its
//! configuration, and maps countries to them, without a new build.
//!
//! [`resolve`] is the whole procedure in one pure function: given the obligations of a case and
//! the answers so far, it says what happens next. The case workflow calls it after every answer
//! and at every deadline.

use crate::closed_set::closed_set;
pub use crate::model::cases::CaseOutcome;
use std::collections::BTreeMap;

use serde::{Deserialize, Serialize};
use utoipa::ToSchema;

use super::calendar::{Calendar, WorkingDays};

const EU_DEFAULT: &str = include_str!("../../regimes/eu-608-2013.toml");

closed_set!(
    /// Who takes part in the procedure besides the customs office.
    pub enum PartyKind {
        RightsHolder = "rights_holder",
        Declarant = "declarant",
    }
);

closed_set!(
    /// What a party answers.
    pub enum Answer {
        AgreeDestruction = "agree_destruction",
        Object = "object",
        StartProceedings = "start_proceedings",
        NotInfringing = "not_infringing",
    }
);

closed_set!(
    /// When an obligation begins.
    pub enum Start {
        OnDetention = "on_detention",
        OnObjection = "on_objection",
    }
);

closed_set!(
    /// What a party's silence at the deadline means.
    pub enum Silence {
        AgreeDestruction = "agree_destruction",
        Release = "release",
        None = "none",
    }
);

#[derive(Debug, Clone, Serialize, Deserialize, ToSchema)]
#[serde(deny_unknown_fields)]
pub struct Obligation {
    pub party: PartyKind,
    pub starts: Start,
    pub working_days: u32,
    /// The shorter period for perishable goods, when the regime has one.
    #[serde(default)]
    pub perishable_working_days: Option<u32>,
    /// One extension of this many working days may be asked for (never for perishable goods); 0: none.
    #[serde(default)]
    pub extension_working_days: u32,
    pub answers: Vec<Answer>,
    pub silence: Silence,
}

#[derive(Debug, Clone, Serialize, Deserialize, ToSchema)]
#[serde(deny_unknown_fields)]
pub struct Procedure {
    /// Parties notified at detention.
    pub notify: Vec<PartyKind>,
    pub obligations: Vec<Obligation>,
}

#[derive(Debug, Clone, Serialize, Deserialize, ToSchema)]
#[serde(deny_unknown_fields)]
pub struct Regime {
    pub id: String,
    pub name: String,
    /// Countries (ISO 3166-1 alpha-2) whose customs offices apply this regime.
    #[serde(default)]
    pub countries: Vec<String>,
    pub notify_within_working_days: u32,
    #[serde(default = "default_reminder")]
    pub reminder_working_days_before: u32,
    /// `standard`, and optionally `small_consignment`.
    pub procedures: BTreeMap<String, Procedure>,
}

fn default_reminder() -> u32 {
    2
}

/// The `[legal]` part of the configuration.
#[derive(Debug, Clone, Default, Deserialize)]
#[serde(default, deny_unknown_fields)]
pub struct LegalSettings {
    /// Regimes besides the built-in EU one (a regime with the id `eu-608-2013` replaces it).
    pub regimes: Vec<Regime>,
    /// The regime of offices whose country no regime lists; `eu-608-2013` when unset.
    pub default_regime: Option<String>,
    /// Working-day calendars by country; a country without one has Saturday and Sunday off.
    pub calendars: BTreeMap<String, Calendar>,
    /// What rights holders see of a case, by country of the office; `default` applies elsewhere.
    pub disclosure: BTreeMap<String, Vec<String>>,
}

/// The regimes and calendars in force, checked at start-up.
#[derive(Debug, Clone)]
pub struct LegalRules {
    regimes: Vec<Regime>,
    default_regime: usize,
    calendars: BTreeMap<String, WorkingDays>,
    default_calendar: WorkingDays,
    disclosure: BTreeMap<String, Vec<String>>,
}

/// The parts of a case a rights holder may be shown; the disclosure rule picks among these.
pub const DISCLOSABLE: &[&str] = &["goods", "quantities", "route", "parties", "transport", "values", "office"];
pub const DEFAULT_DISCLOSURE: &[&str] = &["goods", "quantities", "route", "parties"];

impl LegalRules {
    pub fn from_settings(settings: &LegalSettings) -> Result<LegalRules, String> {
        let eu: Regime = toml::from_str(EU_DEFAULT).map_err(|e| format!("the built-in EU regime: {e}"))?;
        let mut regimes = vec![eu];
        for r in &settings.regimes {
            match regimes.iter_mut().find(|x| x.id == r.id) {
                Some(existing) => *existing = r.clone(),
                None => regimes.push(r.clone()),
            }
        }
        for r in &regimes {
            validate(r)?;
        }
        let default_id = settings.default_regime.as_deref().unwrap_or("eu-608-2013");
        let default_regime = regimes
            .iter()
            .position(|r| r.id == default_id)
            .ok_or_else(|| format!("legal.default_regime '{default_id}' is not a known regime"))?;
        let mut calendars = settings
            .calendars
            .iter()
            .map(|(c, cal)| {
                let country = c.to_ascii_uppercase();
                WorkingDays::parse(cal, &country).map(|w| (country, w)).map_err(|e| format!("calendar {c}: {e}"))
            })
            .collect::<Result<BTreeMap<_, _>, _>>()?;
        // Every other country counts Monday to Friday in its principal time zone.
        for country in crate::i18n::time::countries() {
            if !calendars.contains_key(country) {
                let days = WorkingDays::parse(&Calendar::default(), country).expect("the default calendar is valid");
                calendars.insert(country.to_string(), days);
            }
        }
        for (country, fields) in &settings.disclosure {
            if let Some(bad) = fields.iter().find(|f| !DISCLOSABLE.contains(&f.as_str())) {
                return Err(format!(
                    "legal.disclosure.{country}: '{bad}' is not a part of a case; choose among {}",
                    DISCLOSABLE.join(", ")
                ));
            }
        }
        Ok(LegalRules {
            regimes,
            default_regime,
            calendars,
            default_calendar: WorkingDays::parse(&Calendar::default(), "").expect("the default calendar is valid"),
            disclosure: settings.disclosure.iter().map(|(k, v)| (k.to_ascii_uppercase(), v.clone())).collect(),
        })
    }

    pub fn regime_for_country(&self, country: &str) -> &Regime {
        self.regimes
            .iter()
            .find(|r| r.countries.iter().any(|c| c == country))
            .unwrap_or(&self.regimes[self.default_regime])
    }

    pub fn regime(&self, id: &str) -> Option<&Regime> {
        self.regimes.iter().find(|r| r.id == id)
    }

    pub fn calendar(&self, country: &str) -> &WorkingDays {
        self.calendars.get(country).unwrap_or(&self.default_calendar)
    }

    /// The parts of a case rights holders may see for an office in `country`.
    pub fn disclosed(&self, country: &str) -> Vec<String> {
        self.disclosure
            .get(country)
            .or_else(|| self.disclosure.get("DEFAULT"))
            .cloned()
            .unwrap_or_else(|| DEFAULT_DISCLOSURE.iter().map(|s| s.to_string()).collect())
    }
}

impl Default for LegalRules {
    fn default() -> Self {
        LegalRules::from_settings(&LegalSettings::default()).expect("the built-in regime is valid")
    }
}

fn validate(r: &Regime) -> Result<(), String> {
    if !r.procedures.contains_key("standard") {
        return Err(format!("regime {}: needs a 'standard' procedure", r.id));
    }
    for (name, p) in &r.procedures {
        if !["standard", "small_consignment"].contains(&name.as_str()) {
            return Err(format!("regime {}: '{name}' is not a procedure (standard, small_consignment)", r.id));
        }
        if p.obligations.is_empty() {
            return Err(format!("regime {} {name}: needs at least one obligation", r.id));
        }
        for o in &p.obligations {
            if o.working_days == 0 || o.answers.is_empty() {
                return Err(format!("regime {} {name}: every obligation needs working_days > 0 and answers", r.id));
            }
        }
    }
    Ok(())
}

/// One obligation of one case, as the workflow tracks it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ObligationState {
    pub party: PartyKind,
    pub starts: Start,
    /// Set once the obligation has begun.
    pub due_at: Option<i64>,
    pub answer: Option<Answer>,
    /// The answer came from silence at the deadline.
    pub deemed: bool,
    pub silence: Silence,
}

/// What the procedure says now.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Next {
    /// Someone still has to answer.
    Waiting,
    /// The obligations that start now (e.g. the rights holder's after an objection).
    Start(Vec<usize>),
    /// The case is decided.
    Decide(CaseOutcome),
}

/// Applies silence at passed deadlines (mutating the states) and says what happens next.
pub fn resolve(states: &mut [ObligationState], now_ms: i64) -> Next {
    for s in states.iter_mut() {
        if s.answer.is_none() && s.due_at.is_some_and(|d| now_ms > d) {
            match s.silence {
                Silence::AgreeDestruction => (s.answer, s.deemed) = (Some(Answer::AgreeDestruction), true),
                Silence::Release => return Next::Decide(CaseOutcome::Released),
                Silence::None => {}
            }
        }
    }
    let answered = |a: Answer| states.iter().any(|s| s.answer == Some(a));
    if answered(Answer::NotInfringing) {
        return Next::Decide(CaseOutcome::Released);
    }
    if answered(Answer::StartProceedings) {
        return Next::Decide(CaseOutcome::LegalProceedings);
    }
    let objected = answered(Answer::Object);
    if objected {
        let to_start: Vec<usize> = states
            .iter()
            .enumerate()
            .filter(|(_, s)| s.starts == Start::OnObjection && s.due_at.is_none())
            .map(|(i, _)| i)
            .collect();
        if !to_start.is_empty() {
            return Next::Start(to_start);
        }
        // After an objection only proceedings keep the goods; the rights holder has until its
        // deadline to start them, and its silence then releases the goods.
        return Next::Waiting;
    }
    let active: Vec<&ObligationState> = states.iter().filter(|s| s.due_at.is_some()).collect();
    if active.iter().any(|s| s.answer.is_none()) {
        return Next::Waiting;
    }
    if active.iter().all(|s| s.answer == Some(Answer::AgreeDestruction)) {
        return Next::Decide(CaseOutcome::Destruction);
    }
    Next::Waiting
}

#[cfg(test)]
mod tests {
    use super::*;

    fn states(rules: &LegalRules, procedure: &str, due: i64) -> Vec<ObligationState> {
        rules.regimes[0].procedures[procedure]
            .obligations
            .iter()
            .map(|o| ObligationState {
                party: o.party,
                starts: o.starts,
                due_at: (o.starts == Start::OnDetention).then_some(due),
                answer: None,
                deemed: false,
                silence: o.silence,
            })
            .collect()
    }

    #[test]
    fn the_eu_standard_procedure() {
        let rules = LegalRules::default();
        let mut s = states(&rules, "standard", 100);
        assert_eq!(resolve(&mut s, 50), Next::Waiting);
        s[0].answer = Some(Answer::AgreeDestruction);
        assert_eq!(resolve(&mut s, 50), Next::Waiting, "the declarant still has time");
        assert_eq!(
            resolve(&mut s, 101),
            Next::Decide(CaseOutcome::Destruction),
            "a silent declarant is deemed to agree"
        );
        assert!(s[1].deemed);

        let mut s = states(&rules, "standard", 100);
        s[1].answer = Some(Answer::AgreeDestruction);
        assert_eq!(resolve(&mut s, 101), Next::Decide(CaseOutcome::Released), "no confirmation from the rights holder");

        let mut s = states(&rules, "standard", 100);
        s[0].answer = Some(Answer::AgreeDestruction);
        s[1].answer = Some(Answer::Object);
        assert_eq!(resolve(&mut s, 50), Next::Waiting, "the rights holder may still start proceedings");
        assert_eq!(resolve(&mut s, 101), Next::Waiting, "its agreement alone does not keep the goods");
        s[0].answer = Some(Answer::StartProceedings);
        assert_eq!(resolve(&mut s, 60), Next::Decide(CaseOutcome::LegalProceedings));
    }

    #[test]
    fn the_eu_small_consignment_procedure() {
        let rules = LegalRules::default();
        let mut s = states(&rules, "small_consignment", 100);
        assert_eq!(s.iter().filter(|o| o.due_at.is_some()).count(), 1, "only the declarant at first");
        assert_eq!(resolve(&mut s, 101), Next::Decide(CaseOutcome::Destruction), "silence is agreement");

        let mut s = states(&rules, "small_consignment", 100);
        s[0].answer = Some(Answer::Object);
        assert_eq!(resolve(&mut s, 50), Next::Start(vec![1]), "the rights holder is brought in");
        s[1].due_at = Some(200);
        assert_eq!(resolve(&mut s, 150), Next::Waiting);
        assert_eq!(resolve(&mut s, 201), Next::Decide(CaseOutcome::Released));
    }

    #[test]
    fn a_regime_added_by_configuration_is_checked() {
        let extra: Regime = toml::from_str(
            r#"id = "x"
name = "X"
countries = ["US"]
notify_within_working_days = 5
[procedures.standard]
notify = ["declarant"]
[[procedures.standard.obligations]]
party = "declarant"
starts = "on_detention"
working_days = 7
answers = ["agree_destruction", "object"]
silence = "none"
"#,
        )
        .unwrap();
        let rules =
            LegalRules::from_settings(&LegalSettings { regimes: vec![extra.clone()], ..Default::default() }).unwrap();
        assert_eq!(rules.regime_for_country("US").id, "x");
        assert_eq!(rules.regime_for_country("FR").id, "eu-608-2013");
        assert_eq!(rules.regime_for_country("JP").id, "eu-608-2013");
        let mut broken = extra;
        broken.procedures.clear();
        let err =
            LegalRules::from_settings(&LegalSettings { regimes: vec![broken], ..Default::default() }).unwrap_err();
        assert!(err.contains("standard"), "{err}");
        let err = LegalRules::from_settings(&LegalSettings {
            disclosure: [("FR".to_string(), vec!["secrets".to_string()])].into(),
            ..Default::default()
        })
        .unwrap_err();
        assert!(err.contains("secrets"), "{err}");
    }
}
