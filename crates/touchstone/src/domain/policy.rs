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
    /// What police and other agencies may reach through active access grants; customs
    /// administrations reach all of it without one.
    pub grants: GrantScopes,
}

/// The scopes of access grants an organisation holds.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub struct GrantScopes {
    /// The published catalog and the alerts that target the organisation.
    pub catalog_alerts: bool,
    /// Cases shared with the organisation, and their threads.
    pub case_sharing: bool,
    /// Operations, targets, planned actions and their hits.
    pub coordination: bool,
}

impl GrantScopes {
    pub const ALL: GrantScopes = GrantScopes { catalog_alerts: true, case_sharing: true, coordination: true };
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
            grants: GrantScopes::ALL,
        }
    }

    pub fn is_platform_admin(&self) -> bool {
        self.role == Role::PlatformAdmin && self.org_kind == OrgKind::Operator
    }

    /// The operator at the console, who runs the deployment (imports, exports, demo data) and
    /// is trusted with everything; a platform administrator signed in through the pages or the
    /// API is not: they get the row of the design's policy table.
    pub fn is_console(&self) -> bool {
        self.user_id == 0 && self.is_platform_admin()
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
    /// Record a detention for the target (own) organisation.
    CaseCreate,
    /// Read a case: the own administration's in full; a rights holder's only the disclosed parts.
    CaseRead,
    /// Edit a case, move it through its workflow, record the declarant's answers.
    CaseEdit,
    /// Answer a case as the rights holder concerned.
    CaseAnswer,
    /// Write in a case's thread.
    CaseMessage,
    /// Publish an alert for the target (own) organisation.
    AlertCreate,
    AlertRead,
    AlertEdit,
    /// Give, list and revoke access grants to police and other agencies (as the grantor).
    GrantManage,
    /// Ask the customs administrations for an access grant (police and other agencies).
    AccessRequest,
    /// Register an operation for the target (own) organisation.
    OperationCreate,
    /// Read an operation, its targets, planned actions and hits.
    OperationRead,
    /// Edit an operation, add targets and planned actions.
    OperationEdit,
    /// Register a product's serial numbers and change their status (acting for the brand).
    SerialManage,
    /// Read a product's registered serials (as keys) and the counts of its scans by country.
    SerialRead,
    /// Check a serialised code and see the verdict (never the serial list).
    SerialCheck,
    /// Register, read and remove the brand's connected verification service (it holds a
    /// secret that speaks for the brand: its owner's administrators only, as webhooks).
    VerificationServiceManage,
    /// Export everything the organisation holds about a named party, for a lawful request.
    PartyExport,
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
        Action::CaseCreate,
        Action::CaseRead,
        Action::CaseEdit,
        Action::CaseAnswer,
        Action::CaseMessage,
        Action::AlertCreate,
        Action::AlertRead,
        Action::AlertEdit,
        Action::GrantManage,
        Action::AccessRequest,
        Action::OperationCreate,
        Action::OperationRead,
        Action::OperationEdit,
        Action::SerialManage,
        Action::SerialRead,
        Action::SerialCheck,
        Action::VerificationServiceManage,
        Action::PartyExport,
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
    /// A case (detention) recorded by `org_id`, with whether it names a brand the principal's
    /// organisation owns or represents, whether it is shared with the principal's organisation,
    /// and whether it is still a draft (internal to the administration: no notice has gone out).
    Case { org_id: i64, concerns_principal: bool, shared_with_principal: bool, draft: bool },
    /// An alert published by `owner_org_id`, with whether it targets the principal (its country,
    /// its office, or every country).
    Alert { owner_org_id: i64, targets_principal: bool },
    /// An operation registered by `org_id`: only that agency ever reads it.
    Operation { org_id: i64 },
}

impl Target {
    fn org_id(self) -> Option<i64> {
        match self {
            Target::Platform => None,
            Target::Organisation { org_id } | Target::User { org_id, .. } => Some(org_id),
            Target::Brand { owner_org_id, .. } => Some(owner_org_id),
            Target::Case { .. } | Target::Alert { .. } | Target::Operation { .. } => None,
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
    if principal.is_console() {
        return true;
    }
    if principal.is_platform_admin() {
        return platform_admin_allows(action, is_self);
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
    let customs = principal.org_kind == OrgKind::Customs;
    // Police and other agencies reach the enforcement side through access grants.
    let enforcement = customs || (principal.org_kind.is_enforcement() && principal.grants.catalog_alerts);
    let may_share = customs || (principal.org_kind.is_enforcement() && principal.grants.case_sharing);
    let coordinates = customs || (principal.org_kind.is_enforcement() && principal.grants.coordination);
    let own_operation = matches!(target, Target::Operation { org_id } if org_id == principal.org_id);
    let for_rights_holder = matches!(principal.org_kind, OrgKind::RightsHolder | OrgKind::Representative);
    let own_org_itself = matches!(target, Target::Organisation { org_id } if org_id == principal.org_id);
    let (own_case, concerned_case, shared_case) = match target {
        Target::Case { org_id, concerns_principal, shared_with_principal, draft } => {
            (org_id == principal.org_id, concerns_principal && !draft, shared_with_principal)
        }
        _ => (false, false, false),
    };
    let (own_alert, targeted_alert) = match target {
        Target::Alert { owner_org_id, targets_principal } => (owner_org_id == principal.org_id, targets_principal),
        _ => (false, false),
    };
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
        Action::CatalogReadPublished => enforcement,
        Action::CatalogReadConfidential => acts_for_brand || (enforcement && in_audience),
        Action::BrandReadDraft => acts_for_brand,
        Action::BrandCreate => org_admin && own_org && principal.org_kind == OrgKind::RightsHolder,
        Action::BrandEdit => acts_for_brand && catalog_editor,
        Action::BrandDelegate => is_brand && own_org && org_admin && principal.org_kind == OrgKind::RightsHolder,
        Action::CaseCreate => own_org_itself && customs && catalog_editor,
        Action::CaseRead => {
            (customs && own_case) || (may_share && shared_case) || (for_rights_holder && concerned_case)
        }
        Action::CaseEdit => customs && catalog_editor && own_case,
        Action::CaseAnswer => for_rights_holder && catalog_editor && concerned_case,
        Action::CaseMessage => {
            catalog_editor
                && ((customs && own_case) || (may_share && shared_case) || (for_rights_holder && concerned_case))
        }
        Action::AlertCreate => own_org_itself && catalog_editor && (enforcement || for_rights_holder),
        Action::AlertRead => own_alert || (enforcement && targeted_alert),
        Action::AlertEdit => own_alert && catalog_editor && (enforcement || for_rights_holder),
        Action::GrantManage => own_org_itself && org_admin && customs,
        Action::AccessRequest => {
            own_org_itself && matches!(principal.org_kind, OrgKind::Police | OrgKind::OtherEnforcement)
        }
        Action::OperationCreate => own_org_itself && coordinates && catalog_editor,
        Action::OperationRead => own_operation && coordinates,
        Action::OperationEdit => own_operation && coordinates && catalog_editor,
        Action::SerialManage => acts_for_brand && catalog_editor,
        Action::SerialRead => acts_for_brand,
        Action::SerialCheck => enforcement,
        Action::VerificationServiceManage => {
            is_brand && own_org && org_admin && principal.org_kind == OrgKind::RightsHolder
        }
        // The administration holds the cases and answers for them (the console for all).
        Action::PartyExport => own_org_itself && org_admin && customs,
    }
}

/// The platform administrator vets organisations and users, decides which agencies get access,
/// moderates alerts and answers for the audit trail. Of the catalog they read what an officer
/// without confidential access reads; of cases only counts ([`crate::domain::cases::stats`]);
/// of operations nothing.
fn platform_admin_allows(action: Action, is_self: bool) -> bool {
    use Action::*;
    match action {
        OrganisationCreate | OrganisationListAll | OrganisationRead => true,
        UserCreate | UserList | UserRead | UserDeactivate | UserResetCredentials => true,
        AuditRead | WebhookManage | DeliveriesRead | GrantManage => true,
        AccessRequest => false,
        AccountManage => is_self,
        CatalogReadPublished | AlertRead | AlertEdit => true,
        CatalogReadConfidential | BrandReadDraft | BrandCreate | BrandEdit | BrandDelegate => false,
        CaseCreate | CaseRead | CaseEdit | CaseAnswer | CaseMessage | AlertCreate => false,
        OperationCreate | OperationRead | OperationEdit => false,
        // Serials and scan events: none (the design's row).
        SerialManage | SerialRead | SerialCheck | VerificationServiceManage => false,
        // A party's cases are the administrations' to export; the console exports across them.
        PartyExport => false,
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
            // The table holds for police and other agencies with every grant; what they reach
            // without one has its own test below.
            grants: GrantScopes::ALL,
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
        ('K', Target::Case { org_id: OWN_ORG, concerns_principal: false, shared_with_principal: false, draft: true }),
        ('L', Target::Case { org_id: OTHER_ORG, concerns_principal: true, shared_with_principal: false, draft: false }),
        ('M', Target::Case { org_id: OTHER_ORG, concerns_principal: false, shared_with_principal: true, draft: false }),
        (
            'Q',
            Target::Case { org_id: OTHER_ORG, concerns_principal: false, shared_with_principal: false, draft: false },
        ),
        ('J', Target::Case { org_id: OTHER_ORG, concerns_principal: true, shared_with_principal: false, draft: true }),
        ('R', Target::Alert { owner_org_id: OWN_ORG, targets_principal: false }),
        ('T', Target::Alert { owner_org_id: OTHER_ORG, targets_principal: true }),
        ('V', Target::Alert { owner_org_id: OTHER_ORG, targets_principal: false }),
        ('W', Target::Operation { org_id: OWN_ORG }),
        ('Y', Target::Operation { org_id: OTHER_ORG }),
    ];

    /// Targets by letter, continued: K case of the own organisation; L case of another
    /// organisation naming a brand of the principal's; M case of another organisation shared
    /// with the principal's; Q any other case; R alert of the own organisation; T alert of
    /// another organisation targeting the principal; V any other alert; J a draft case of
    /// another organisation naming a brand of the principal's (not notified yet: unseen).
    /// W operation of the own organisation; Y operation of another.
    const ALL: &str = "POXSCUBDANKLMQJRTVWY";

    /// The expected answer as the letters of the targets on which the action is allowed.
    /// Any rule change must be made here too, deliberately.
    fn expected(kind: OrgKind, role: Role, action: Action) -> &'static str {
        use Action::*;
        use OrgKind::*;
        let enforcement = matches!(kind, Customs | Police | OtherEnforcement);
        let editor = matches!(role, Role::OrgAdmin | Role::Officer | Role::Coordinator);
        match (kind, role, action) {
            (Operator, Role::PlatformAdmin, UserDeactivate | UserResetCredentials) => "POXCUBDANKLMQJRTVWY",
            (Operator, Role::PlatformAdmin, AccountManage) => "S",
            (
                Operator,
                Role::PlatformAdmin,
                OrganisationCreate | OrganisationListAll | OrganisationRead | UserCreate | UserList | UserRead
                | AuditRead | WebhookManage | DeliveriesRead | GrantManage | CatalogReadPublished | AlertRead
                | AlertEdit,
            ) => ALL,
            // No case, operation, draft or confidential section: counts of cases come from stats.
            (Operator, Role::PlatformAdmin, _) => "",
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
            (Customs, _, CaseCreate) if editor => "O",
            (_, _, CaseCreate) => "",
            (_, _, AlertCreate) if enforcement && editor => "O",
            (RightsHolder | Representative, _, AlertCreate) if editor => "O",
            (_, _, AlertCreate) => "",
            (Customs, _, CaseRead) => "KM",
            (_, _, CaseRead) if enforcement => "M",
            (RightsHolder | Representative, _, CaseRead) => "L",
            (_, _, CaseRead) => "",
            (Customs, _, CaseEdit) if editor => "K",
            (_, _, CaseEdit) => "",
            (RightsHolder | Representative, _, CaseAnswer | CaseMessage) if editor => "L",
            (_, _, CaseAnswer) => "",
            (Customs, _, CaseMessage) if editor => "KM",
            (_, _, CaseMessage) if enforcement && editor => "M",
            (_, _, CaseMessage) => "",
            (_, _, AlertRead) if enforcement => "RT",
            (_, _, AlertRead) => "R",
            (RightsHolder | Representative, _, AlertEdit) if editor => "R",
            (_, _, AlertEdit) if enforcement && editor => "R",
            (_, _, AlertEdit) => "",
            (Customs, Role::OrgAdmin, GrantManage) => "O",
            (_, _, GrantManage) => "",
            (Police | OtherEnforcement, _, AccessRequest) => "O",
            (_, _, AccessRequest) => "",
            (_, _, OperationCreate) if enforcement && editor => "O",
            (_, _, OperationCreate) => "",
            (_, _, OperationRead) if enforcement => "W",
            (_, _, OperationRead) => "",
            (_, _, OperationEdit) if enforcement && editor => "W",
            (_, _, OperationEdit) => "",
            (RightsHolder, _, SerialManage) if editor => "B",
            (Representative, _, SerialManage) if editor => "D",
            (_, _, SerialManage) => "",
            (RightsHolder, _, SerialRead) => "B",
            (Representative, _, SerialRead) => "D",
            (_, _, SerialRead) => "",
            (_, _, SerialCheck) if enforcement => ALL,
            (_, _, SerialCheck) => "",
            (RightsHolder, Role::OrgAdmin, VerificationServiceManage) => "B",
            (_, _, VerificationServiceManage) => "",
            (Customs, Role::OrgAdmin, PartyExport) => "O",
            (_, _, PartyExport) => "",
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
    fn police_without_a_grant_reach_nothing_of_the_enforcement_side() {
        for kind in [OrgKind::Police, OrgKind::OtherEnforcement] {
            let mut p = principal(kind, Role::Coordinator);
            p.grants = GrantScopes::default();
            for &(letter, target) in TARGETS {
                for action in [
                    Action::CatalogReadPublished,
                    Action::AlertRead,
                    Action::CaseRead,
                    Action::OperationRead,
                    Action::OperationCreate,
                ] {
                    // An alert the agency itself published stays readable to it.
                    if !(action == Action::AlertRead && letter == 'R') {
                        assert!(!allows(&p, action, target), "{kind:?} without grant may {action:?} on {letter}");
                    }
                }
            }
            p.grants = GrantScopes { catalog_alerts: true, ..GrantScopes::default() };
            assert!(allows(&p, Action::CatalogReadPublished, Target::Platform));
            assert!(
                !allows(&p, Action::OperationCreate, Target::Organisation { org_id: OWN_ORG }),
                "coordination is its own scope"
            );
            assert!(!allows(
                &p,
                Action::CaseRead,
                Target::Case {
                    org_id: OTHER_ORG,
                    concerns_principal: false,
                    shared_with_principal: true,
                    draft: false
                }
            ));
        }
    }

    #[test]
    fn the_console_may_do_everything_a_signed_in_platform_admin_may_not() {
        let console = Principal::console();
        let mut admin = principal(OrgKind::Operator, Role::PlatformAdmin);
        admin.user_id = 7;
        for &(letter, target) in TARGETS {
            for &action in Action::ALL {
                let self_lock = matches!(target, Target::User { user_id: 0, .. })
                    && matches!(action, Action::UserDeactivate | Action::UserResetCredentials);
                assert!(self_lock || allows(&console, action, target), "console {action:?} on {letter}");
            }
            for action in [Action::CaseRead, Action::OperationRead, Action::CatalogReadConfidential, Action::BrandEdit]
            {
                assert!(!allows(&admin, action, target), "platform admin {action:?} on {letter}");
            }
        }
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
