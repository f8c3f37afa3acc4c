//! Demo data for `touchstone serve --demo`: organisations on every side of the platform and a
//! user for each role, all signing in with [`DEMO_PASSWORD`]. Seeding is idempotent.

use crate::domain::directory::{self, NewOrganisation, NewUser};
use crate::domain::policy::Principal;
use crate::error::AppResult;
use crate::store::{self, Db};

pub const DEMO_PASSWORD: &str = "touchstone-demo";

/// (organisation, kind, country, [(e-mail, name, role, language)])
type DemoOrg =
    (&'static str, &'static str, &'static str, &'static [(&'static str, &'static str, &'static str, &'static str)]);

pub const DEMO_ORGANISATIONS: &[DemoOrg] = &[
    ("Touchstone Operations", "operator", "FR", &[("admin@touchstone.demo", "Platform Admin", "platform_admin", "en")]),
    (
        "Douane française (démo)",
        "customs",
        "FR",
        &[
            ("officer@douane.demo", "Camille Martin", "officer", "fr"),
            ("chief@douane.demo", "Nadia Benali", "org_admin", "fr"),
            ("analyst@douane.demo", "Hugo Lefèvre", "analyst", "fr"),
        ],
    ),
    ("UK Border Force (demo)", "customs", "GB", &[("officer@border.demo", "Sam Taylor", "officer", "en")]),
    ("Police nationale (démo)", "police", "FR", &[("coordinator@police.demo", "Julien Moreau", "coordinator", "fr")]),
    ("Maison Lumière (demo)", "rights_holder", "FR", &[("brand@lumiere.demo", "Claire Dubois", "org_admin", "en")]),
    ("Brand Protection Partners (demo)", "representative", "GB", &[("agent@bpp.demo", "Alex Morgan", "officer", "en")]),
];

/// Creates whatever of the demo data is missing; returns the sign-ins as (e-mail, role).
pub async fn seed(db: &Db) -> AppResult<Vec<(&'static str, &'static str)>> {
    let console = Principal::console();
    let mut sign_ins = Vec::new();
    for (name, kind, country, users) in DEMO_ORGANISATIONS {
        let org = match store::directory::find_organisation_by_name(db.reader(), name).await? {
            Some(o) => o,
            None => {
                let input =
                    NewOrganisation { name: name.to_string(), kind: kind.to_string(), country: country.to_string() };
                directory::create_organisation(db, &console, &input).await?
            }
        };
        for (email, display_name, role, language) in *users {
            let exists = store::directory::get_user_by_email(db.reader(), &crate::domain::types::Email::parse(email)?)
                .await?
                .is_some();
            if !exists {
                let input = NewUser {
                    email: email.to_string(),
                    display_name: display_name.to_string(),
                    organisation_id: org.id,
                    role: role.to_string(),
                    language: Some(language.to_string()),
                    password: Some(DEMO_PASSWORD.to_string()),
                };
                directory::create_user(db, &console, &input).await?;
            }
            sign_ins.push((*email, *role));
        }
    }
    Ok(sign_ins)
}
