//! Who may do what: the one place that answers "may this principal do this to that?".
//!
//! Domain functions call [`check`] before they read or write; handlers never decide access
//! on their own. The whole table is walked by a test (every action × every role × own and
//! other organisation), so a change of rule shows up as a change of that table.

use super::types::{OrgKind, Role};
use crate::error::AppError;

/// The authenticated actor of a request or a command.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Principal {
    pub user_id: i64,
    pub org_id: i64,
    pub org_kind: OrgKind,
    pub role: Role,
    pub label: String,
}

impl Principal {
    /// The operator at the machine's console (`touchstone` CLI): trusted like a platform
    /// administrator and recorded in the audit trail as `cli`.
    pub fn console() -> Self {
        Principal { user_id: 0, org_id: 0, org_kind: OrgKind::Operator, role: Role::PlatformAdmin, label: "cli".into() }
    }

    pub fn is_platform_admin(&self) -> bool {
        self.role == Role::PlatformAdmin && self.org_kind == OrgKind::Operator
    }
}

/// Every action the system knows. Later modules add theirs here and to the table test.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum Action {
    OrganisationCreate,
    OrganisationListAll,
    OrganisationRead,
    UserCreate,
    UserList,
    UserRead,
    UserDeactivate,
    UserResetCredentials,
    /// Change one's own password, language, second factor and API tokens.
    AccountManage,
    AuditRead,
}

impl Action {
    pub const ALL: &'static [Action] = &[
        Action::OrganisationCreate,
        Action::OrganisationListAll,
        Action::OrganisationRead,
        Action::UserCreate,
        Action::UserList,
        Action::UserRead,
        Action::UserDeactivate,
        Action::UserResetCredentials,
        Action::AccountManage,
        Action::AuditRead,
    ];
}

/// What an action is applied to, with the facts the rules need.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Target {
    /// The platform as a whole (creating organisations, listing all of them).
    Platform,
    /// An organisation, or everything scoped to it (its users, its audit records).
    Organisation { org_id: i64 },
    /// One user account.
    User { org_id: i64, user_id: i64 },
}

impl Target {
    fn org_id(self) -> Option<i64> {
        match self {
            Target::Platform => None,
            Target::Organisation { org_id } | Target::User { org_id, .. } => Some(org_id),
        }
    }
}

/// Whether `principal` may perform `action` on `target`.
pub fn allows(principal: &Principal, action: Action, target: Target) -> bool {
    if principal.is_platform_admin() {
        return true;
    }
    let own_org = target.org_id() == Some(principal.org_id);
    let is_self = matches!(target, Target::User { user_id, .. } if user_id == principal.user_id);
    let org_admin = principal.role == Role::OrgAdmin;
    match action {
        Action::OrganisationCreate | Action::OrganisationListAll => false,
        Action::OrganisationRead => own_org,
        Action::UserCreate | Action::UserList | Action::AuditRead => org_admin && own_org,
        Action::UserRead => is_self || (org_admin && own_org),
        // An administrator who locks themself out needs another administrator.
        Action::UserDeactivate | Action::UserResetCredentials => org_admin && own_org && !is_self,
        Action::AccountManage => is_self,
    }
}

/// [`allows`], as a `forbidden` error when it does not.
pub fn check(principal: &Principal, action: Action, target: Target) -> Result<(), AppError> {
    if allows(principal, action, target) {
        Ok(())
    } else {
        Err(AppError::forbidden())
    }
}

/// Whether an organisation admin may give this role: nobody but a platform admin makes
/// platform admins, and only inside the operator organisation.
pub fn may_grant_role(principal: &Principal, role: Role, org_kind: OrgKind) -> bool {
    match role {
        Role::PlatformAdmin => principal.is_platform_admin() && org_kind == OrgKind::Operator,
        _ => true,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    const OWN_ORG: i64 = 10;
    const OTHER_ORG: i64 = 20;
    const SELF_ID: i64 = 1;
    const COLLEAGUE_ID: i64 = 2;

    fn principal(role: Role) -> Principal {
        let org_kind = if role == Role::PlatformAdmin { OrgKind::Operator } else { OrgKind::Customs };
        Principal { user_id: SELF_ID, org_id: OWN_ORG, org_kind, role, label: "t".into() }
    }

    /// The expected answer for each action, as a row of letters per target:
    /// P = platform, O = own organisation, X = other organisation,
    /// S = self, C = a colleague in the own organisation, U = a user of another organisation.
    /// A letter present means "allowed". One line per role below; any rule change must be
    /// made here too, deliberately.
    fn expected(role: Role, action: Action) -> &'static str {
        use Action::*;
        match (role, action) {
            (Role::PlatformAdmin, _) => "POXSCU",
            (_, OrganisationCreate | OrganisationListAll) => "",
            (_, OrganisationRead) => "OSC",
            (Role::OrgAdmin, UserCreate | UserList | AuditRead) => "OSC",
            (_, UserCreate | UserList | AuditRead) => "",
            (Role::OrgAdmin, UserRead) => "OSC",
            (_, UserRead) => "S",
            (Role::OrgAdmin, UserDeactivate | UserResetCredentials) => "OC",
            (_, UserDeactivate | UserResetCredentials) => "",
            (_, AccountManage) => "S",
        }
    }

    #[test]
    fn policy_table_holds_for_every_action_role_and_target() {
        let targets = [
            ('P', Target::Platform),
            ('O', Target::Organisation { org_id: OWN_ORG }),
            ('X', Target::Organisation { org_id: OTHER_ORG }),
            ('S', Target::User { org_id: OWN_ORG, user_id: SELF_ID }),
            ('C', Target::User { org_id: OWN_ORG, user_id: COLLEAGUE_ID }),
            ('U', Target::User { org_id: OTHER_ORG, user_id: 99 }),
        ];
        let mut mismatches = Vec::new();
        for &role in Role::ALL {
            for &action in Action::ALL {
                let want = expected(role, action);
                for (letter, target) in targets {
                    let got = allows(&principal(role), action, target);
                    if got != want.contains(letter) {
                        mismatches.push(format!("{role:?} {action:?} on {letter}: allowed={got}"));
                    }
                }
            }
        }
        assert!(mismatches.is_empty(), "policy differs from the table:\n{}", mismatches.join("\n"));
    }

    #[test]
    fn a_platform_admin_role_outside_the_operator_organisation_grants_nothing_extra() {
        let mut p = principal(Role::PlatformAdmin);
        p.org_kind = OrgKind::RightsHolder;
        assert!(!allows(&p, Action::OrganisationCreate, Target::Platform));
        assert!(!allows(&p, Action::UserList, Target::Organisation { org_id: OTHER_ORG }));
    }

    #[test]
    fn only_platform_admins_make_platform_admins() {
        assert!(!may_grant_role(&principal(Role::OrgAdmin), Role::PlatformAdmin, OrgKind::Operator));
        assert!(may_grant_role(&principal(Role::PlatformAdmin), Role::PlatformAdmin, OrgKind::Operator));
        assert!(!may_grant_role(&principal(Role::PlatformAdmin), Role::PlatformAdmin, OrgKind::Customs));
    }
}
