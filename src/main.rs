//! stancemap's entry point: parse the command line, then run the app or a headless command.

fn main() -> std::process::ExitCode {
    stancemap::cli::run()
}
