//! The `touchstone` command line: serving, migrations, directory and token administration,
//! audit verification and backups. Commands act as the console operator, through the same
//! domain functions (and so the same policy and audit trail) as the pages and the API.

use std::io::BufRead;
use std::path::PathBuf;
use std::process::ExitCode;

use anyhow::Context;
use clap::{Args, Parser, Subcommand};

use crate::config::{Config, Secret};
use crate::domain::auth::{self, NewToken};
use crate::domain::catalog_io;
use crate::domain::directory::{self, NewOrganisation, NewUser};
use crate::domain::policy::Principal;
use crate::domain::types::Email;
use crate::error::AppError;
use crate::state::AppState;
use crate::store::{self, Db};

mod identify;
mod restore;
mod retention;
mod verify;

#[derive(Parser)]
#[command(
    name = "touchstone",
    version,
    about = "Where customs, police and rights holders tell genuine goods from counterfeits."
)]
struct Cli {
    #[command(flatten)]
    global: GlobalArgs,
    #[command(subcommand)]
    command: Command,
}

#[derive(Args)]
struct GlobalArgs {
    /// Configuration file (default: ./touchstone.toml when present).
    #[arg(long, global = true)]
    config: Option<PathBuf>,
    /// Data directory holding the SQLite database [default: ./touchstone-data].
    #[arg(long, global = true)]
    data_dir: Option<PathBuf>,
    /// postgres://… to use PostgreSQL instead of the embedded SQLite file.
    #[arg(long, global = true, env = "TOUCHSTONE_DATABASE_URL", hide_env_values = true)]
    database_url: Option<String>,
}

#[derive(Subcommand)]
enum Command {
    /// Run the web server (pages and API).
    Serve {
        /// Seed demo organisations and users, and print their sign-ins.
        #[arg(long)]
        demo: bool,
        /// Address to listen on [default: 127.0.0.1:8080].
        #[arg(long)]
        bind: Option<String>,
    },
    /// Apply database migrations, then exit.
    Migrate,
    /// Organisations.
    #[command(subcommand)]
    Org(OrgCommand),
    /// Users.
    #[command(subcommand)]
    User(UserCommand),
    /// API tokens.
    #[command(subcommand)]
    Token(TokenCommand),
    /// The audit trail.
    #[command(subcommand)]
    Audit(AuditCommand),
    /// Retention of personal data (`[retention]`).
    #[command(subcommand)]
    Retention(RetentionCommand),
    /// Parties named in cases, hits and operation targets.
    #[command(subcommand)]
    Party(PartyCommand),
    /// The catalog: bulk import and export.
    #[command(subcommand)]
    Catalog(CatalogCommand),
    /// Serialised codes: a rights holder's serial numbers, told genuine or not at each check.
    #[command(subcommand)]
    Verify(VerifyCommand),
    /// Demo data for trying Touchstone and for benchmarks.
    #[command(subcommand)]
    Demo(DemoCommand),
    /// Rebuild the search index (DATA_DIR/search) from the database. A running server keeps
    /// its own index current from the change feed; stop it first.
    Reindex,
    /// Barcodes and product codes, without a database.
    #[command(subcommand)]
    Code(CodeCommand),
    /// Copy the live SQLite database to a file (for PostgreSQL, use pg_dump).
    Backup {
        #[arg(long)]
        to: PathBuf,
    },
    /// Put a SQLite backup in place of the data directory's database (refused while a server
    /// uses it), migrate it, and verify its audit chain: exit 0 intact, 2 naming the first
    /// broken record.
    Restore {
        #[arg(long)]
        from: PathBuf,
    },
}

#[derive(Subcommand)]
enum OrgCommand {
    Create {
        #[arg(long)]
        name: String,
        /// customs, police, other_enforcement, rights_holder, representative or operator.
        #[arg(long)]
        kind: String,
        /// ISO 3166-1 alpha-2.
        #[arg(long)]
        country: String,
        /// An e-mail domain vetted as the organisation's own (repeat for several): its
        /// administrators create accounts at these domains only.
        #[arg(long = "email-domain")]
        email_domains: Vec<String>,
    },
    /// Replaces the e-mail domains vetted as an organisation's own.
    SetEmailDomains {
        /// The organisation's id or exact name.
        #[arg(long)]
        org: String,
        #[arg(long = "email-domain")]
        email_domains: Vec<String>,
    },
    /// Sets the API limits of each of an organisation's tokens; a figure not given is the
    /// [api_limits] default (so giving none returns the organisation to the defaults).
    SetApiLimits {
        /// The organisation's id or exact name.
        #[arg(long)]
        org: String,
        #[arg(long)]
        requests_per_minute: Option<u32>,
        #[arg(long)]
        burst: Option<u32>,
        #[arg(long)]
        concurrent_requests: Option<u32>,
    },
    List {
        #[arg(long)]
        json: bool,
    },
}

#[derive(Subcommand)]
enum UserCommand {
    Create {
        #[arg(long)]
        email: String,
        #[arg(long)]
        name: String,
        /// Organisation name or id.
        #[arg(long)]
        org: String,
        /// officer, analyst, coordinator, org_admin or platform_admin.
        #[arg(long)]
        role: String,
        #[arg(long, default_value = "en")]
        language: String,
        /// Read the password from standard input instead of generating one.
        #[arg(long)]
        password_stdin: bool,
    },
    List {
        #[arg(long)]
        json: bool,
    },
}

#[derive(Subcommand)]
enum TokenCommand {
    /// Create a bearer token for a user and print it (once).
    Create {
        #[arg(long)]
        user: String,
        #[arg(long, default_value = "cli")]
        name: String,
        #[arg(long)]
        days: Option<i64>,
    },
}

#[derive(Subcommand)]
enum CatalogCommand {
    /// Import products from a CSV or JSON Lines file (upsert on brand and product keys).
    Import {
        file: PathBuf,
        /// csv or jsonl; from the file name when absent.
        #[arg(long)]
        format: Option<String>,
        /// The rights-holder organisation (name or id) that owns brands the import creates.
        #[arg(long)]
        owner: Option<String>,
        /// Import as this user (their rights are checked) instead of as the console operator.
        #[arg(long = "as")]
        as_user: Option<String>,
    },
    /// Export every product (as CSV or JSON Lines) to a file or standard output.
    Export {
        #[arg(long, default_value = "jsonl")]
        format: String,
        #[arg(long)]
        out: Option<PathBuf>,
        /// Write pictures into the file as data: URIs, so that it imports into another
        /// Touchstone; without it they are media: references to this one's files.
        #[arg(long)]
        embed_images: bool,
    },
}

#[derive(Subcommand)]
enum VerifyCommand {
    /// Register a product's serial numbers from a CSV or JSON Lines file (columns serial, batch,
    /// expiry, and optionally market and status). Re-importing the same file changes nothing.
    /// Exits 3 when rows were refused (each listed with its row and reason).
    Import {
        file: PathBuf,
        /// The product's id in Touchstone.
        #[arg(long)]
        product: i64,
        /// csv or jsonl; from the file name when absent.
        #[arg(long)]
        format: Option<String>,
        /// Import as this user (their rights are checked) instead of as the console operator.
        #[arg(long = "as")]
        as_user: Option<String>,
    },
}

#[derive(Subcommand)]
enum CodeCommand {
    /// Parse a GTIN, GS1 element string, Digital Link URI or scanner output; print JSON.
    /// Exits 1 with an error object when the code is invalid.
    Parse { text: String },
    /// Read the barcodes in photos (JPEG, PNG, WebP): one JSON object per line per image,
    /// `{"file", "codes": [{"format", "symbology_identifier", "text"}]}`. A file that cannot be
    /// read prints `{"file", "error"}`; the others are still read, and the exit status is 1.
    Read {
        #[arg(required = true)]
        images: Vec<PathBuf>,
    },
}

#[derive(Subcommand)]
enum DemoCommand {
    /// Seed the demo organisations, users and catalog, then exit (what `serve --demo` does first).
    Seed,
    /// Write a large import file of fictional brands and products (CSV or JSON Lines by extension).
    Generate {
        #[arg(long, default_value_t = 400)]
        brands: usize,
        #[arg(long, default_value_t = 3)]
        products_per_brand: usize,
        #[arg(long)]
        out: PathBuf,
    },
}

#[derive(Subcommand)]
enum AuditCommand {
    /// Check the hash chain; exits non-zero naming the first broken record. Lists the
    /// retention purges met (what each removed, when).
    Verify,
}

#[derive(Subcommand)]
enum RetentionCommand {
    /// Purge now what is past its period (a server's pass does it every
    /// `[retention] pass_interval_minutes`).
    Purge,
}

#[derive(Subcommand)]
enum PartyCommand {
    /// Everything held about a named party, as JSON, for a lawful request (audited).
    Export {
        /// The party's name (case and accents do not matter; every word must be there).
        #[arg(long)]
        name: String,
        /// Only parties recorded in this country (ISO 3166-1 alpha-2).
        #[arg(long)]
        country: Option<String>,
        /// Write to this file instead of standard output.
        #[arg(long)]
        out: Option<PathBuf>,
    },
}

pub fn run() -> ExitCode {
    let cli = Cli::parse();
    if let Err(e) = crate::ops::logs::init() {
        eprintln!("error: {e}");
        return ExitCode::FAILURE;
    }
    let runtime = match tokio::runtime::Builder::new_multi_thread().enable_all().build() {
        Ok(r) => r,
        Err(e) => {
            eprintln!("error: cannot start the async runtime: {e}");
            return ExitCode::FAILURE;
        }
    };
    match runtime.block_on(execute(cli)) {
        Ok(code) => code,
        Err(e) => {
            match e.downcast_ref::<AppError>() {
                Some(AppError::Client(c)) => eprintln!("error: {} ({})", c.message, c.code),
                _ => eprintln!("error: {e:#}"),
            }
            ExitCode::FAILURE
        }
    }
}

fn load_config(g: &GlobalArgs) -> anyhow::Result<Config> {
    let mut config = Config::load(g.config.as_deref())?;
    if let Some(d) = &g.data_dir {
        config.data_dir = d.clone();
    }
    if let Some(u) = g.database_url.as_ref().filter(|u| !u.is_empty()) {
        config.database_url = Some(Secret::new(u.clone()));
    }
    Ok(config)
}

/// Opens (creating if need be) the configured database and brings its schema up to date.
pub async fn open_database(config: &Config) -> anyhow::Result<Db> {
    if config.database_url.is_none() {
        std::fs::create_dir_all(&config.data_dir)
            .with_context(|| format!("creating the data directory {}", config.data_dir.display()))?;
    }
    let db = Db::connect(config.database_url().expose()).await?;
    db.migrate().await?;
    Ok(db)
}

fn app<T>(r: Result<T, AppError>) -> anyhow::Result<T> {
    r.map_err(anyhow::Error::new)
}

/// `code parse`: the scan as JSON with its Application Identifiers in order under `ais`.
fn parse_code(text: &str) -> anyhow::Result<ExitCode> {
    let scan = gs1::parse_scan(text);
    let mut json = serde_json::to_value(&scan)?;
    let ais: Vec<serde_json::Value> = match &scan {
        gs1::Scan::Gtin { gtin, .. } => vec![serde_json::json!({"ai": "01", "value": gtin.to_gtin14()})],
        gs1::Scan::ElementString { element_string, .. } => {
            element_string.ais.iter().map(|a| serde_json::json!({"ai": a.ai, "value": a.value})).collect()
        }
        gs1::Scan::DigitalLink { digital_link, .. } => {
            digital_link.element_string.ais.iter().map(|a| serde_json::json!({"ai": a.ai, "value": a.value})).collect()
        }
        gs1::Scan::Invalid { error, .. } => {
            let kind = json["error"]["kind"].as_str().unwrap_or("invalid").to_string();
            println!("{}", serde_json::json!({"error": {"code": kind, "message": error.to_string()}, "input": text}));
            return Ok(ExitCode::FAILURE);
        }
        gs1::Scan::Unrecognised { reason, .. } => {
            println!("{}", serde_json::json!({"error": {"code": "unrecognised", "message": reason}, "input": text}));
            return Ok(ExitCode::FAILURE);
        }
    };
    json["ais"] = serde_json::Value::Array(ais);
    println!("{json}");
    Ok(ExitCode::SUCCESS)
}

/// An organisation named on the command line by its id or its exact name.
async fn organisation_id(db: &Db, org: &str) -> anyhow::Result<i64> {
    match org.parse::<i64>() {
        Ok(id) => Ok(id),
        Err(_) => store::directory::find_organisation_by_name(db.reader(), org)
            .await?
            .map(|o| o.id)
            .with_context(|| format!("no organisation is named {org:?}")),
    }
}

async fn execute(cli: Cli) -> anyhow::Result<ExitCode> {
    if let Command::Code(CodeCommand::Parse { text }) = &cli.command {
        return parse_code(text);
    }
    if let Command::Code(CodeCommand::Read { images }) = &cli.command {
        return Ok(identify::read_codes(images));
    }
    let mut config = load_config(&cli.global)?;
    if let Command::Serve { bind: Some(b), .. } = &cli.command {
        config.bind = b.clone();
    }
    if let Command::Restore { from } = &cli.command {
        return restore::restore(&config, from).await;
    }
    // Held until this command ends: a restore waits for no one and refuses while it is held.
    let _data_dir = restore::hold_shared(&config)?;
    let db = open_database(&config).await?;
    let console = Principal::console();
    let code = match cli.command {
        Command::Serve { demo, .. } => {
            serve(db.clone(), config, demo).await?;
            ExitCode::SUCCESS
        }
        Command::Migrate => {
            println!("migrations applied");
            ExitCode::SUCCESS
        }
        Command::Org(OrgCommand::Create { name, kind, country, email_domains }) => {
            let input = NewOrganisation { name, kind, country, email_domains };
            let org = app(directory::create_organisation(&db, &console, &input).await)?;
            println!("{}", serde_json::to_string(&org)?);
            ExitCode::SUCCESS
        }
        Command::Org(OrgCommand::SetEmailDomains { org, email_domains }) => {
            let id = organisation_id(&db, &org).await?;
            let input = directory::EmailDomains { email_domains };
            let org = app(directory::set_email_domains(&db, &console, id, &input).await)?;
            println!("{}", serde_json::to_string(&org)?);
            ExitCode::SUCCESS
        }
        Command::Org(OrgCommand::SetApiLimits { org, requests_per_minute, burst, concurrent_requests }) => {
            let id = organisation_id(&db, &org).await?;
            let input =
                crate::domain::api_limits::ApiLimitOverrides { requests_per_minute, burst, concurrent_requests };
            let limits = app(crate::domain::api_limits::set(&db, &console, &config.api_limits, id, &input).await)?;
            println!("{}", serde_json::to_string(&limits)?);
            ExitCode::SUCCESS
        }
        Command::Org(OrgCommand::List { json }) => {
            let orgs = app(directory::list_organisations(&db, &console).await)?;
            for o in orgs {
                if json {
                    println!("{}", serde_json::to_string(&o)?);
                } else {
                    println!("{}\t{}\t{}\t{}\t{}", o.id, o.name, o.kind, o.country, o.email_domains.join(","));
                }
            }
            ExitCode::SUCCESS
        }
        Command::User(UserCommand::Create { email, name, org, role, language, password_stdin }) => {
            let organisation_id = organisation_id(&db, &org).await?;
            let password = if password_stdin {
                let mut line = String::new();
                std::io::stdin().lock().read_line(&mut line)?;
                Some(line.trim_end_matches(['\r', '\n']).to_string())
            } else {
                None
            };
            let input =
                NewUser { email, display_name: name, organisation_id, role, language: Some(language), password };
            let created = app(directory::create_user(&db, &console, &input).await)?;
            println!("{}", serde_json::to_string(&created)?);
            ExitCode::SUCCESS
        }
        Command::User(UserCommand::List { json }) => {
            let users = app(directory::list_users(&db, &console, None).await)?;
            if json {
                let rows: Vec<_> = users
                    .iter()
                    .map(|u| {
                        serde_json::json!({
                            "id": u.id, "email": u.email, "display_name": u.display_name,
                            "organisation": u.organisation_name, "organisation_kind": u.organisation_kind,
                            "role": u.role, "language": u.language, "active": u.active,
                        })
                    })
                    .collect();
                println!("{}", serde_json::to_string_pretty(&rows)?);
            } else {
                for u in users {
                    println!("{}\t{}\t{}\t{}", u.email, u.organisation_name, u.organisation_kind, u.role);
                }
            }
            ExitCode::SUCCESS
        }
        Command::Token(TokenCommand::Create { user, name, days }) => {
            let email = app(Email::parse(&user))?;
            let owner = store::directory::get_user_by_email(db.reader(), &email)
                .await?
                .with_context(|| format!("no user has the e-mail {email}"))?;
            let created = app(auth::create_token(
                &db,
                &config.auth,
                &console,
                &auth::principal_of(&owner),
                &NewToken { name, days },
            )
            .await)?;
            println!("{}", created.secret);
            ExitCode::SUCCESS
        }
        Command::Audit(AuditCommand::Verify) => {
            let report = crate::domain::audit::verify_chain(&db).await?;
            match report.first_broken_seq {
                None => {
                    retention::print_intact(&report);
                    ExitCode::SUCCESS
                }
                Some(seq) => {
                    eprintln!("audit chain broken at record {seq}: {}", report.problem.unwrap_or_default());
                    ExitCode::from(2)
                }
            }
        }
        Command::Catalog(CatalogCommand::Import { file, format, owner, as_user }) => {
            let files =
                crate::domain::media::MediaStore::new(config.data_dir.join("media"), config.max_upload_bytes, &db);
            import_file(&db, &files, &file, format.as_deref(), owner.as_deref(), as_user.as_deref()).await?
        }
        Command::Verify(VerifyCommand::Import { file, product, format, as_user }) => {
            let principal = principal_as(&db, as_user.as_deref()).await?;
            verify::import_serials(&db, &config, &principal, product, &file, format.as_deref()).await?
        }
        Command::Catalog(CatalogCommand::Export { format, out, embed_images }) => {
            let format = catalog_io::Format::from_name(&format).context("--format is csv or jsonl")?;
            let files =
                crate::domain::media::MediaStore::new(config.data_dir.join("media"), config.max_upload_bytes, &db);
            let images =
                if embed_images { catalog_io::ExportImages::Embed } else { catalog_io::ExportImages::Reference };
            let count = match &out {
                Some(path) => {
                    let file = std::io::BufWriter::new(
                        std::fs::File::create(path).with_context(|| format!("creating {}", path.display()))?,
                    );
                    app(catalog_io::export(&db, &files, &console, format, images, file).await)?
                }
                None => {
                    let stdout = std::io::BufWriter::new(std::io::stdout().lock());
                    app(catalog_io::export(&db, &files, &console, format, images, stdout).await)?
                }
            };
            eprintln!("exported {count} products");
            ExitCode::SUCCESS
        }
        Command::Demo(DemoCommand::Seed) => {
            print_sign_ins(&seed_demo(&db, &config).await?);
            ExitCode::SUCCESS
        }
        Command::Demo(DemoCommand::Generate { brands, products_per_brand, out }) => {
            let format =
                catalog_io::Format::from_name(&out.to_string_lossy()).context("--out must end in .csv or .jsonl")?;
            let file = std::io::BufWriter::new(
                std::fs::File::create(&out).with_context(|| format!("creating {}", out.display()))?,
            );
            let rows = crate::demo_catalog::write_import_file(file, format, brands, products_per_brand)?;
            eprintln!("wrote {rows} products of {brands} brands to {}", out.display());
            ExitCode::SUCCESS
        }
        Command::Reindex => identify::reindex(&db, &config).await?,
        Command::Retention(RetentionCommand::Purge) => retention::purge(&db, &config).await?,
        Command::Party(PartyCommand::Export { name, country, out }) => {
            retention::export_party(&db, name, country, out.as_deref()).await?
        }
        Command::Code(_) | Command::Restore { .. } => unreachable!("handled before the database is opened"),
        Command::Backup { to } => {
            anyhow::ensure!(!to.exists(), "{} already exists; choose a new file name", to.display());
            db.backup_sqlite(&to.to_string_lossy()).await?;
            println!("backed up to {}", to.display());
            ExitCode::SUCCESS
        }
    };
    db.close().await;
    Ok(code)
}

/// Counts the bytes read, for the progress bar.
/// The user a command acts as (`--as EMAIL`), whose rights are checked; else the console.
async fn principal_as(db: &Db, as_user: Option<&str>) -> anyhow::Result<Principal> {
    Ok(match as_user {
        Some(email) => {
            let email = app(Email::parse(email))?;
            let user = store::directory::get_user_by_email(db.reader(), &email)
                .await?
                .with_context(|| format!("no user has the e-mail {email}"))?;
            auth::principal_of(&user)
        }
        None => Principal::console(),
    })
}

/// A reader that counts the bytes read, for a progress bar.
struct Counting<R> {
    inner: R,
    read: std::sync::Arc<std::sync::atomic::AtomicU64>,
}

impl<R: std::io::Read> std::io::Read for Counting<R> {
    fn read(&mut self, buf: &mut [u8]) -> std::io::Result<usize> {
        let n = self.inner.read(buf)?;
        self.read.fetch_add(n as u64, std::sync::atomic::Ordering::Relaxed);
        Ok(n)
    }
}

async fn import_file(
    db: &Db,
    files: &crate::domain::media::MediaStore,
    file: &std::path::Path,
    format: Option<&str>,
    owner: Option<&str>,
    as_user: Option<&str>,
) -> anyhow::Result<ExitCode> {
    use std::sync::atomic::Ordering;
    let format = match format {
        Some(f) => catalog_io::Format::from_name(f).context("--format is csv or jsonl")?,
        None => catalog_io::Format::from_name(&file.to_string_lossy())
            .context("name the format with --format csv or --format jsonl")?,
    };
    let principal = principal_as(db, as_user).await?;
    catalog_io::check_may_import(&principal).map_err(anyhow::Error::new)?;
    let owner_id = match owner {
        None => None,
        Some(o) => Some(match o.parse::<i64>() {
            Ok(id) => id,
            Err(_) => store::directory::find_organisation_by_name(db.reader(), o)
                .await?
                .map(|o| o.id)
                .with_context(|| format!("no organisation is named {o:?}"))?,
        }),
    };
    let size = std::fs::metadata(file).with_context(|| format!("reading {}", file.display()))?.len();
    let read = std::sync::Arc::new(std::sync::atomic::AtomicU64::new(0));
    let reader =
        std::io::BufReader::with_capacity(1 << 16, Counting { inner: std::fs::File::open(file)?, read: read.clone() });
    let bar = indicatif::ProgressBar::with_draw_target(Some(size), indicatif::ProgressDrawTarget::stderr());
    if let Ok(style) =
        indicatif::ProgressStyle::with_template("{bar:40} {percent:>3}% {bytes}/{total_bytes} {msg} eta {eta}")
    {
        bar.set_style(style);
    }
    let started = std::time::Instant::now();
    // Pictures named by path are read from the import file's folder, and from nowhere else.
    let folder = match file.parent() {
        Some(p) if !p.as_os_str().is_empty() => p.to_path_buf(),
        _ => std::path::PathBuf::from("."),
    };
    let mut importer = catalog_io::Importer::new(db, files, &principal, owner_id)
        .with_files_under(&folder)
        .with_context(|| format!("reading the folder {}", folder.display()))?;
    match format {
        catalog_io::Format::Csv => {
            for (row, parsed) in catalog_io::csv_rows(reader) {
                app(importer.push(row, parsed, true).await)?;
                if row % 1000 == 0 {
                    bar.set_position(read.load(Ordering::Relaxed));
                    bar.set_message(format!("{row} rows"));
                }
            }
        }
        catalog_io::Format::Jsonl => {
            for (row, parsed) in catalog_io::jsonl_rows(reader) {
                app(importer.push(row, parsed, false).await)?;
                if row % 1000 == 0 {
                    bar.set_position(read.load(Ordering::Relaxed));
                    bar.set_message(format!("{row} rows"));
                }
            }
        }
    }
    let report = app(importer.finish().await)?;
    bar.finish_and_clear();
    let secs = started.elapsed().as_secs_f64();
    println!(
        "{} rows in {secs:.1} s ({:.0} rows/s): {} created, {} updated, {} unchanged, {} published, {} brands created, {} pictures stored, {} failed",
        report.rows,
        report.rows as f64 / secs.max(0.001),
        report.created,
        report.updated,
        report.unchanged,
        report.published,
        report.brands_created,
        report.images_stored,
        report.failed
    );
    for e in &report.errors {
        println!(
            "row {}, column {}: {} ({})",
            e.row,
            if e.column.is_empty() { "-" } else { &e.column },
            e.message,
            e.code
        );
    }
    if report.errors_truncated {
        println!("… and more; only the first {} problems are listed", report.errors.len());
    }
    Ok(if report.failed > 0 { ExitCode::from(3) } else { ExitCode::SUCCESS })
}

/// Seeds the demo organisations, users and catalog (what exists already is kept); the demo
/// sign-ins.
async fn seed_demo(db: &Db, config: &Config) -> anyhow::Result<Vec<(&'static str, &'static str)>> {
    let sign_ins = app(crate::demo::seed(db).await)?;
    let started = std::time::Instant::now();
    let files = crate::domain::media::MediaStore::new(config.data_dir.join("media"), config.max_upload_bytes, db);
    let created =
        app(
            crate::demo::seed_catalog(db, &files, crate::demo::DEMO_BRANDS, crate::demo::DEMO_PRODUCTS_PER_BRAND).await
        )?;
    if created > 0 {
        println!("Demo catalog: {created} brands created in {:.1} s", started.elapsed().as_secs_f64());
    }
    Ok(sign_ins)
}

fn print_sign_ins(sign_ins: &[(&str, &str)]) {
    if !sign_ins.is_empty() {
        println!("Demo sign-ins (password: {}):", crate::demo::DEMO_PASSWORD);
        for (email, role) in sign_ins {
            println!("  {email:<28} {role}");
        }
    }
}

async fn serve(db: Db, config: Config, demo: bool) -> anyhow::Result<()> {
    let sign_ins = if demo { seed_demo(&db, &config).await? } else { Vec::new() };
    let listener =
        tokio::net::TcpListener::bind(&config.bind).await.with_context(|| format!("listening on {}", config.bind))?;
    let addr = listener.local_addr()?;
    let where_data = match &config.database_url {
        Some(_) => "the configured database".to_string(),
        None => format!("{}", config.data_dir.join("touchstone.db").display()),
    };
    println!("Touchstone is running at http://{addr}/ (data: {where_data})");
    print_sign_ins(&sign_ins);
    // The search index follows the change feed for as long as the server runs.
    let search = identify::open_search(&config, &db);
    let state = AppState::new(db, config).with_search(search);
    // The search follower, notification delivery, the detention matcher and the deadline pass,
    // each beating a heartbeat that /readyz checks.
    crate::ops::workers::spawn_all(&state)?;
    let router = crate::http::build_router(state);
    crate::http::serve(listener, router, crate::http::shutdown_signal()).await?;
    Ok(())
}
