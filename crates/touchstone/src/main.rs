fn main() -> std::process::ExitCode {
    touchstone::cli::run()
}
