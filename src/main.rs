//! The `stepwise` command: no arguments opens the planner window; subcommands check, list, plan and print.

use std::path::{Path, PathBuf};
use std::process::ExitCode;

use clap::{Parser, Subcommand, ValueEnum};

use stepwise::export::ics::ClockTime;
use stepwise::files::{self, FileError};
use stepwise::library::{self, Library, LibraryFile, SearchQuery};
use stepwise::model::{Severity, validate_program};

/// Build progressive home-exercise programs and print clear patient handouts.
///
/// Run with no command to open the planner window.
#[derive(Parser)]
#[command(name = "stepwise", version = stepwise::VERSION, about, long_about = None, args_conflicts_with_subcommands = true)]
struct Cli {
    /// A program to open in the window (optional).
    program: Option<PathBuf>,
    #[command(subcommand)]
    command: Option<Command>,
}

// Doc comments here are the --help text, read by people, not rustdoc.
#[allow(clippy::doc_markdown)]
#[derive(Subcommand)]
enum Command {
    /// Check program and exercise-library files for mistakes.
    ///
    /// Prints FILE:LINE:COLUMN: message for each problem (a typo, a newer file version, a dose outside its safe
    /// range, an unknown exercise). Exits with 1 if there is any problem, 0 otherwise.
    Check {
        /// Program files (.ron) or exercise-library files (.ron).
        #[arg(required = true)]
        files: Vec<PathBuf>,
    },
    /// List the exercise library, or search it (best matches first).
    ///
    /// Prints one exercise a line: id, name and kind, separated by tabs.
    Library {
        /// Words to search for, e.g. "heel drop" or "soleus". Leave out to list everything.
        query: Vec<String>,
    },
    /// Print a program's plan week by week, with dates and doses.
    Schedule {
        #[arg(required = true)]
        programs: Vec<PathBuf>,
    },
    /// Make the patient's handout as a PDF.
    ///
    /// Without --stage or --whole it prints the stage the patient is in now, in the layout saved with the
    /// program (detailed unless chosen in the app).
    Print {
        program: PathBuf,
        /// Where to write the PDF.
        #[arg(short, long)]
        output: PathBuf,
        /// Print this stage (1 = the first); repeat for more stages.
        #[arg(long = "stage", value_name = "N", conflicts_with = "whole")]
        stages: Vec<usize>,
        /// Print every stage.
        #[arg(long)]
        whole: bool,
        /// Detailed (every step and tip), compact (three exercises a page) or summary (one page for the fridge).
        #[arg(long, value_enum)]
        layout: Option<Layout>,
        #[arg(long, value_enum, default_value_t = Paper::A4)]
        paper: Paper,
        /// Larger type for patients who find small print hard to read.
        #[arg(long)]
        large_print: bool,
    },
    /// Put the program on the patient's phone: a web page that works offline, and calendar reminders to import.
    ///
    /// Covers the program's current stage unless --stage or --whole says otherwise. Reminders ring at the morning time for
    /// exercises done once a day, morning and evening for twice a day, and at midday too for three times a day.
    #[command(group(clap::ArgGroup::new("outputs").required(true).multiple(true)))]
    Export {
        program: PathBuf,
        /// Write the program as one web page for the patient's phone (works offline, sends nothing anywhere).
        #[arg(long, value_name = "OUT.html", group = "outputs")]
        html: Option<PathBuf>,
        /// Write calendar reminders (an iCalendar .ics file for the patient's calendar app).
        #[arg(long, value_name = "OUT.ics", group = "outputs")]
        ics: Option<PathBuf>,
        /// A stage to export (1 = the first); give it more than once for several stages.
        #[arg(long = "stage", value_name = "N")]
        stages: Vec<usize>,
        /// Every stage of the program.
        #[arg(long, conflicts_with = "stages")]
        whole: bool,
        /// When the first reminder of a day rings (24-hour clock).
        #[arg(long, value_name = "HH:MM", default_value = "08:00")]
        morning: ClockTime,
        /// When the second reminder rings, for exercises done twice or three times a day.
        #[arg(long, value_name = "HH:MM", default_value = "18:00")]
        evening: ClockTime,
        /// When the third reminder rings, for exercises done three times a day.
        #[arg(long, value_name = "HH:MM", default_value = "13:00")]
        midday: ClockTime,
    },
}

#[derive(Clone, Copy, ValueEnum)]
enum Layout {
    Detailed,
    Compact,
    Summary,
}

#[derive(Clone, Copy, ValueEnum)]
enum Paper {
    A4,
    Letter,
}

fn main() -> ExitCode {
    let cli = Cli::parse();
    let result = match cli.command {
        None => stepwise::ui::run_with_file(cli.program)
            .map(|()| ExitCode::SUCCESS)
            .map_err(|e| anyhow::anyhow!("could not open the window: {e}")),
        Some(Command::Check { files }) => Ok(check(&files)),
        Some(Command::Library { query }) => Ok(list_library(&query.join(" "))),
        Some(Command::Schedule { programs }) => schedule(&programs),
        Some(Command::Print { program, output, stages, whole, layout, paper, large_print }) => {
            print(&program, &output, &PrintChoice { stages, whole, layout, paper, large_print })
        }
        Some(Command::Export { program, html, ics, stages, whole, morning, evening, midday }) => {
            let choice = if whole {
                stepwise::export::StageChoice::Whole
            } else if stages.is_empty() {
                stepwise::export::StageChoice::Current
            } else {
                stepwise::export::StageChoice::Stages(stages)
            };
            let times = stepwise::export::ics::ReminderTimes { morning, midday, evening };
            export(&program, &choice, &ExportTo { html, ics }, times)
        }
    };
    match result {
        Ok(code) => code,
        Err(error) => {
            eprintln!("stepwise: {error:#}");
            ExitCode::FAILURE
        }
    }
}

/// Prints one line of output. When the reader has gone (`stepwise library | head`), stop quietly as other
/// command-line tools do, rather than panic on the broken pipe.
fn say(line: &str) {
    use std::io::Write as _;
    let mut out = std::io::stdout().lock();
    if let Err(error) = writeln!(out, "{line}") {
        if error.kind() == std::io::ErrorKind::BrokenPipe {
            std::process::exit(0);
        }
        eprintln!("stepwise: could not write the output: {error}");
        std::process::exit(1);
    }
}

/// The user's merged library (built-in + clinic + own), as the app sees it.
fn user_library() -> Library {
    let locations = files::settings::Locations::for_user();
    let settings =
        locations.as_ref().and_then(|l| files::settings::Settings::load(&l.settings_file()).ok()).unwrap_or_default();
    let user_file = locations.as_ref().map(files::settings::Locations::user_library_file);
    let (library, problems) = Library::load(user_file.as_deref(), settings.clinic_library.as_deref());
    for problem in problems {
        eprintln!("warning: {problem}");
    }
    library
}

/// Whether a file is an exercise library rather than a program: its top-level struct name says so.
fn is_library_file(text: &str) -> bool {
    let body = text
        .lines()
        .map(str::trim)
        .find(|line| !line.is_empty() && !line.starts_with("//") && !line.starts_with("#!"))
        .unwrap_or_default();
    body.starts_with("ExerciseLibrary")
}

fn check(paths: &[PathBuf]) -> ExitCode {
    let library = user_library();
    let mut errors = 0usize;
    let mut warnings = 0usize;
    let mut report = |line: String, severity: Severity| {
        match severity {
            Severity::Error => errors += 1,
            Severity::Warning => warnings += 1,
        }
        say(&line);
    };
    // Library files are checked together, so progressions may point into another file of the same set.
    let mut library_files = Vec::new();
    for path in paths {
        let text = match std::fs::read_to_string(path) {
            Ok(text) => text,
            Err(source) => {
                report(FileError::Read { path: path.clone(), source }.to_string(), Severity::Error);
                continue;
            }
        };
        if is_library_file(&text) {
            match LibraryFile::parse(path, text) {
                Ok(file) => library_files.push(file),
                Err(e) => report(e.to_string(), Severity::Error),
            }
            continue;
        }
        match files::program_from_str(&text, path) {
            Ok(loaded) => {
                if let Some(reason) = &loaded.read_only {
                    report(format!("{}:1:1: {reason}", path.display()), Severity::Error);
                }
                let problems = validate_program(&loaded.program, &|id| library.contains(id));
                for located in files::locate_problems(&text, path, problems) {
                    let severity = located.problem.severity;
                    report(located.to_string(), severity);
                }
            }
            Err(e) => report(e.to_string(), Severity::Error),
        }
    }
    let mut layered = Library::default();
    if let Err(e) = layered.add_layer(library::Source::User, &library_files) {
        report(e.to_string(), Severity::Error);
    }
    for located in library::check_files(&library_files, &|id| library.contains(id)) {
        let severity = located.problem.severity;
        report(located.to_string(), severity);
    }
    let files = paths.len();
    let plural = if files == 1 { "" } else { "s" };
    if errors > 0 {
        eprintln!("{errors} problem(s) and {warnings} warning(s) in {files} file{plural}");
        ExitCode::FAILURE
    } else {
        say(&format!(
            "{files} file{plural} checked: no problems{}",
            if warnings > 0 { format!(", {warnings} warning(s)") } else { String::new() }
        ));
        ExitCode::SUCCESS
    }
}

fn list_library(query: &str) -> ExitCode {
    let library = user_library();
    for index in library.search(&SearchQuery::text(query)) {
        let exercise = &library.entries()[index].exercise;
        say(&format!("{}\t{}\t{}", exercise.id, exercise.name, exercise.kind.label()));
    }
    ExitCode::SUCCESS
}

fn load(path: &Path) -> anyhow::Result<stepwise::model::Program> {
    let loaded = files::load_program(path)?;
    if let Some(reason) = loaded.read_only {
        eprintln!("note: {}: {reason}", path.display());
    }
    Ok(loaded.program)
}

fn schedule(paths: &[PathBuf]) -> anyhow::Result<ExitCode> {
    for (n, path) in paths.iter().enumerate() {
        let text = files::read_text(path)?;
        let loaded = files::program_from_str(&text, path)?;
        if let Some(reason) = &loaded.read_only {
            eprintln!("note: {}: {reason}", path.display());
        }
        let program = loaded.program;
        if refuse_too_long(&text, path, &program) {
            return Ok(ExitCode::FAILURE);
        }
        if n > 0 {
            say("");
        }
        let plan = stepwise::schedule::build(&program);
        say(stepwise::schedule::to_text(&plan, &program).trim_end());
    }
    Ok(ExitCode::SUCCESS)
}

/// A phase of years on end is a slip of the keyboard: says where it is (`FILE:LINE:COLUMN`) and returns true,
/// rather than plan or print it. `schedule` and `print` refuse alike.
fn refuse_too_long(text: &str, path: &Path, program: &stepwise::model::Program) -> bool {
    let too_long = stepwise::model::length_problems(program);
    if too_long.is_empty() {
        return false;
    }
    for located in files::locate_problems(text, path, too_long) {
        eprintln!("{located}");
    }
    true
}

/// What `stepwise print` was asked for, besides the files.
struct PrintChoice {
    stages: Vec<usize>,
    whole: bool,
    layout: Option<Layout>,
    paper: Paper,
    large_print: bool,
}

/// The program's own handout choice, changed by the command line's `--stage`, `--whole` and `--layout`.
fn choose_scope(program: &mut stepwise::model::Program, choice: &PrintChoice) -> anyhow::Result<()> {
    use stepwise::model::{HandoutLayout, HandoutScope};
    if choice.whole {
        program.handout.scope = HandoutScope::Whole;
    } else if !choice.stages.is_empty() {
        let count = program.phases.len();
        let mut ids = Vec::new();
        for &number in &choice.stages {
            let Some(phase) = number.checked_sub(1).and_then(|index| program.phases.get(index)) else {
                let names: Vec<String> =
                    program.phases.iter().enumerate().map(|(i, p)| format!("{}: {}", i + 1, p.name.trim())).collect();
                anyhow::bail!(
                    "there is no stage {number}: the program has {} ({})",
                    match count {
                        0 => "no stages".to_owned(),
                        1 => "stage 1 only".to_owned(),
                        n => format!("stages 1 to {n}"),
                    },
                    names.join(", ")
                );
            };
            ids.push(phase.id);
        }
        program.handout.scope = HandoutScope::Stages(ids);
    } else {
        // What a therapist hands over at the desk: the stage the patient is in now, whatever the window last chose.
        program.handout.scope = HandoutScope::CurrentStage;
    }
    if let Some(layout) = choice.layout {
        program.handout.layout = match layout {
            Layout::Detailed => HandoutLayout::Detailed,
            Layout::Compact => HandoutLayout::Compact,
            Layout::Summary => HandoutLayout::Summary,
        };
    }
    Ok(())
}

fn print(program_path: &Path, output: &Path, choice: &PrintChoice) -> anyhow::Result<ExitCode> {
    use stepwise::handout;
    let text = files::read_text(program_path)?;
    let loaded = files::program_from_str(&text, program_path)?;
    if let Some(reason) = &loaded.read_only {
        eprintln!("note: {}: {reason}", program_path.display());
    }
    if refuse_too_long(&text, program_path, &loaded.program) {
        return Ok(ExitCode::FAILURE);
    }
    let mut program = loaded.program;
    choose_scope(&mut program, choice).map_err(|e| anyhow::anyhow!("{}: {e}", program_path.display()))?;
    let settings = user_settings();
    // The same options as the window's (stepwise::printing), with the paper and print size from the arguments.
    let mut setup = stepwise::printing::handout_options(&settings, &program, stepwise::clock::today());
    setup.options.paper = match choice.paper {
        Paper::A4 => handout::Paper::A4,
        Paper::Letter => handout::Paper::Letter,
    };
    setup.options.large_print = choice.large_print;
    let exported = stepwise::printing::export_pdf(&program, &setup, output)
        .map_err(|e| anyhow::anyhow!("{}: {e}", program_path.display()))?;
    for warning in &exported.warnings {
        eprintln!("warning: {warning}");
    }
    let pages = exported.page_count;
    eprintln!("wrote {} ({pages} page{})", output.display(), if pages == 1 { "" } else { "s" });
    Ok(ExitCode::SUCCESS)
}

/// The therapist's settings (clinic details, logo, emergency number) as the window uses them; defaults when there
/// are none, and a warning naming the file and the mistake when they cannot be read (the command still prints).
fn user_settings() -> files::settings::Settings {
    let Some(locations) = files::settings::Locations::for_user() else { return files::settings::Settings::default() };
    match files::settings::Settings::load(&locations.settings_file()) {
        Ok(settings) => settings,
        Err(error) => {
            eprintln!("warning: {error}: the clinic's details are left out of this handout until it is fixed");
            files::settings::Settings::default()
        }
    }
}

/// Where `stepwise export` writes.
struct ExportTo {
    html: Option<PathBuf>,
    ics: Option<PathBuf>,
}

fn export(
    program_path: &Path,
    choice: &stepwise::export::StageChoice,
    to: &ExportTo,
    times: stepwise::export::ics::ReminderTimes,
) -> anyhow::Result<ExitCode> {
    use stepwise::export;
    let program = load(program_path)?;
    let stages = export::stages(&program, choice).map_err(|e| anyhow::anyhow!("{}: {e}", program_path.display()))?;
    if let Some(output) = &to.html {
        let settings = user_settings();
        // The clinic and the date exactly as the printed handout has them.
        let setup = stepwise::printing::handout_options(&settings, &program, stepwise::clock::today());
        let options = export::html::PageOptions {
            clinic: setup.options.clinic.clone(),
            exported_on: setup.options.printed_on,
            ..export::html::PageOptions::default()
        };
        let page = export::html::page(&program, &stages, &options);
        for warning in setup.warnings.iter().chain(&page.warnings) {
            eprintln!("warning: {warning}");
        }
        files::write_export(output, page.html.as_bytes())?;
        let kilobytes = page.html.len().div_ceil(1024);
        eprintln!("wrote {} ({kilobytes} KB web page)", output.display());
    }
    if let Some(output) = &to.ics {
        let options = export::ics::CalendarOptions { times, exported_at: None };
        let calendar = export::ics::calendar(&program, &stages, &options);
        for warning in &calendar.warnings {
            eprintln!("warning: {warning}");
        }
        files::write_export(output, calendar.text.as_bytes())?;
        let events = calendar.event_count;
        eprintln!("wrote {} ({events} reminder{})", output.display(), if events == 1 { "" } else { "s" });
    }
    Ok(ExitCode::SUCCESS)
}
