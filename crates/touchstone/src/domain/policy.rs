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
    /// ISO 3166-1 alpha-2 of the principal's organisation.
    pub org_country: String,
    pub role: Role,
    pub label: String,
}

impl Principal {
    /// The operator at the machine's console (`touchstone` CLI): trusted like a platform
    /// administrator and recorded in the audit trail as `cli`.
    pub fn console() -> Self {
        Principal {
            user_id: 0,
            org_id: 0,
            org_kind: OrgKind::Operator,
            org_country: String::new(),
            role: Role::PlatformAdmin,
            label: "cli".into(),
        }
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
    /// Register, list and remove the organisation's webhook endpoints.
    WebhookManage,
    /// See the organisation's notification deliveries that keep failing.
    DeliveriesRead,
    /// Read the published catalog (products, guides, contacts) outside confidential sections.
    CatalogReadPublished,
    /// Read a brand's confidential sections (supply chain, security features, prices).
    CatalogReadConfidential,
    /// Read a brand's drafts and history.
    BrandReadDraft,
    /// Create a brand owned by the target organisation.
    BrandCreate,
    /// Edit and publish a brand and its products.
    BrandEdit,
    /// Let a representative organisation act for a brand.
    BrandDelegate,
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
        Action::WebhookManage,
        Action::DeliveriesRead,
        Action::CatalogReadPublished,
        Action::CatalogReadConfidential,
        Action::BrandReadDraft,
        Action::BrandCreate,
        Action::BrandEdit,
        Action::BrandDelegate,
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
    /// A brand, with the facts about the principal the rules need: whether the brand is
    /// delegated to the principal's organisation, and whether the principal is in the
    /// audience the rights holder chose for its confidential sections.
    Brand { owner_org_id: i64, delegated_to_principal: bool, principal_in_audience: bool },
}

impl Target {
    fn org_id(self) -> Option<i64> {
        match self {
            Target::Platform => None,
            Target::Organisation { org_id } | Target::User { org_id, .. } => Some(org_id),
            Target::Brand { owner_org_id, .. } => Some(owner_org_id),
        }
    }
}

/// Whether `principal` may perform `action` on `target`.
pub fn allows(principal: &Principal, action: Action, target: Target) -> bool {
    let is_self = matches!(target, Target::User { user_id, .. } if user_id == principal.user_id);
    // Nobody locks themself out: deactivating or resetting oneself needs another administrator.
    if is_self && matches!(action, Action::UserDeactivate | Action::UserResetCredentials) {
        return false;
    }
    if principal.is_platform_admin() {
        return true;
    }
    let own_org = target.org_id() == Some(principal.org_id);
    let org_admin = principal.role == Role::OrgAdmin;
    let (delegated, in_audience) = match target {
        Target::Brand { delegated_to_principal, principal_in_audience, .. } => {
            (delegated_to_principal, principal_in_audience)
        }
        _ => (false, false),
    };
    let is_brand = matches!(target, Target::Brand { .. });
    // Rights-holder staff who maintain the catalog; analysts only read.
    let catalog_editor = matches!(principal.role, Role::OrgAdmin | Role::Officer | Role::Coordinator);
    let acts_for_brand = is_brand
        && ((own_org && principal.org_kind == OrgKind::RightsHolder)
            || (delegated && principal.org_kind == OrgKind::Representative));
    match action {
        Action::OrganisationCreate | Action::OrganisationListAll => false,
        Action::OrganisationRead => own_org,
        Action::UserCreate | Action::UserList | Action::AuditRead => org_admin && own_org,
        Action::WebhookManage | Action::DeliveriesRead => org_admin && own_org,
        Action::UserRead => is_self || (org_admin && own_org),
        Action::UserDeactivate | Action::UserResetCredentials => org_admin && own_org,
        Action::AccountManage => is_self,
        Action::CatalogReadPublished => principal.org_kind.is_enforcement(),
        Action::CatalogReadConfidential => acts_for_brand || (principal.org_kind.is_enforcement() && in_audience),
        Action::BrandReadDraft => acts_for_brand,
        Action::BrandCreate => org_admin && own_org && principal.org_kind == OrgKind::RightsHolder,
        Action::BrandEdit => acts_for_brand && catalog_editor,
        Action::BrandDelegate => is_brand && own_org && org_admin && principal.org_kind == OrgKind::RightsHolder,
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

    fn principal(kind: OrgKind, role: Role) -> Principal {
        Principal {
            user_id: SELF_ID,
            org_id: OWN_ORG,
            org_kind: kind,
            org_country: "FR".into(),
            role,
            label: "t".into(),
        }
    }

    /// Targets by letter: P platform; O own organisation; X other organisation; S self;
    /// C colleague; U user of another organisation; B brand owned by the own organisation;
    /// D brand of another organisation delegated to the own one; A brand of another
    /// organisation whose confidential audience includes the principal; N brand of another
    /// organisation, neither delegated nor in audience.
    const TARGETS: &[(char, Target)] = &[
        ('P', Target::Platform),
        ('O', Target::Organisation { org_id: OWN_ORG }),
        ('X', Target::Organisation { org_id: OTHER_ORG }),
        ('S', Target::User { org_id: OWN_ORG, user_id: SELF_ID }),
        ('C', Target::User { org_id: OWN_ORG, user_id: COLLEAGUE_ID }),
        ('U', Target::User { org_id: OTHER_ORG, user_id: 99 }),
        ('B', Target::Brand { owner_org_id: OWN_ORG, delegated_to_principal: false, principal_in_audience: false }),
        ('D', Target::Brand { owner_org_id: OTHER_ORG, delegated_to_principal: true, principal_in_audience: false }),
        ('A', Target::Brand { owner_org_id: OTHER_ORG, delegated_to_principal: false, principal_in_audience: true }),
        ('N', Target::Brand { owner_org_id: OTHER_ORG, delegated_to_principal: false, principal_in_audience: false }),
    ];

    const ALL: &str = "POXSCUBDAN";

    /// The expected answer as the letters of the targets on which the action is allowed.
    /// Any rule change must be made here too, deliberately.
    fn expected(kind: OrgKind, role: Role, action: Action) -> &'static str {
        use Action::*;
        use OrgKind::*;
        let enforcement = matches!(kind, Customs | Police | OtherEnforcement);
        let editor = matches!(role, Role::OrgAdmin | Role::Officer | Role::Coordinator);
        match (kind, role, action) {
            (Operator, Role::PlatformAdmin, UserDeactivate | UserResetCredentials) => "POXCUBDAN",
            (Operator, Role::PlatformAdmin, _) => ALL,
            (_, _, OrganisationCreate | OrganisationListAll) => "",
            (_, _, OrganisationRead) => "OSCB",
            (_, Role::OrgAdmin, UserCreate | UserList | AuditRead) => "OSCB",
            (_, _, UserCreate | UserList | AuditRead) => "",
            (_, Role::OrgAdmin, WebhookManage | DeliveriesRead) => "OSCB",
            (_, _, WebhookManage | DeliveriesRead) => "",
            (_, Role::OrgAdmin, UserRead) => "OSCB",
            (_, _, UserRead) => "S",
            (_, Role::OrgAdmin, UserDeactivate | UserResetCredentials) => "OCB",
            (_, _, UserDeactivate | UserResetCredentials) => "",
            (_, _, AccountManage) => "S",
            (_, _, CatalogReadPublished) if enforcement => ALL,
            (_, _, CatalogReadPublished) => "",
            (_, _, CatalogReadConfidential) if enforcement => "A",
            (RightsHolder, _, CatalogReadConfidential | BrandReadDraft) => "B",
            (Representative, _, CatalogReadConfidential | BrandReadDraft) => "D",
            (_, _, CatalogReadConfidential | BrandReadDraft) => "",
            (RightsHolder, Role::OrgAdmin, BrandCreate) => "OSCB",
            (_, _, BrandCreate) => "",
            (RightsHolder, _, BrandEdit) if editor => "B",
            (Representative, _, BrandEdit) if editor => "D",
            (_, _, BrandEdit) => "",
            (RightsHolder, Role::OrgAdmin, BrandDelegate) => "B",
            (_, _, BrandDelegate) => "",
        }
    }

    #[test]
    fn policy_table_holds_for_every_action_kind_role_and_target() {
        let mut mismatches = Vec::new();
        for &kind in OrgKind::ALL {
            for &role in Role::ALL {
                for &action in Action::ALL {
                    let want = expected(kind, role, action);
                    for &(letter, target) in TARGETS {
                        let got = allows(&principal(kind, role), action, target);
                        if got != want.contains(letter) {
                            mismatches.push(format!("{kind:?} {role:?} {action:?} on {letter}: allowed={got}"));
                        }
                    }
                }
            }
        }
        assert!(mismatches.is_empty(), "policy differs from the table:\n{}", mismatches.join("\n"));
    }

    #[test]
    fn only_platform_admins_make_platform_admins() {
        let org_admin = principal(OrgKind::Customs, Role::OrgAdmin);
        let platform_admin = principal(OrgKind::Operator, Role::PlatformAdmin);
        assert!(!may_grant_role(&org_admin, Role::PlatformAdmin, OrgKind::Operator));
        assert!(may_grant_role(&platform_admin, Role::PlatformAdmin, OrgKind::Operator));
        assert!(!may_grant_role(&platform_admin, Role::PlatformAdmin, OrgKind::Customs));
    }
}
