//! Every action a user can take, in one place: the menus, the keyboard shortcuts, the buttons, the command
//! palette and the tests all send a `Command`, so a shortcut and a menu item can never do different things and
//! undo sees every change to the document. The app runs the queued commands in one place
//! (`app::command_handling`).
//!
//! Two levels, as in the Rerun viewer: a `CommandKind` needs no target (New, Save, Undo, "remove the selected
//! exercise"); the kinds are listed by `CommandKind::iter()` (a derive, no hand-kept array), and each one's text,
//! tooltip and per-system shortcuts are defined here. An `Edit` names what it changes by stable id (a
//! prescription, a phase) or by position in a list the therapist sees (the second goal); its words are here too.

use egui::os::OperatingSystem;
use egui::{Key, KeyboardShortcut, ModifierNames, Modifiers};
use strum::IntoEnumIterator as _;

use crate::model::{HandoutLayout, HandoutScope};

/// A command that needs no target: listed in the palette and the menus, reachable by shortcut. Variants are in
/// the palette's order.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, strum::EnumIter)]
pub enum CommandKind {
    // File
    New,
    NewFromTemplate,
    Open,
    Save,
    SaveAs,
    ExportPdf,
    /// The program as one web page for the patient's phone.
    ExportWebPage,
    /// Reminders for the patient's calendar.
    ExportCalendar,
    Print,
    // Edit
    Undo,
    Redo,
    Find,
    /// Add the exercise selected in the library to the chosen phase.
    AddSelectedExercise,
    AddPhase,
    AddGoal,
    MoveSelectedUp,
    MoveSelectedDown,
    DuplicateSelected,
    RemoveSelected,
    /// Select the next exercise with something to check, and show it.
    ShowNextProblem,
    NewCustomExercise,
    /// Start a custom exercise from the one selected in the library.
    CopyAsCustomExercise,
    // View
    ShowDetails,
    ShowPreview,
    ZoomIn,
    ZoomOut,
    ZoomReset,
    Settings,
    CommandPalette,
    Quit,
}

/// What the load selector offers: the kind of load, its value set to a sensible start.
#[derive(Clone, Copy, Debug, PartialEq, Eq, strum::EnumIter)]
pub enum LoadKind {
    BodyWeight,
    Kilograms,
    Band,
    RepetitionMaximum,
}

/// What the progression selector offers.
#[derive(Clone, Copy, Debug, PartialEq, Eq, strum::EnumIter)]
pub enum ProgressionKind {
    Steady,
    AddReps,
    AddSets,
    AddHoldSeconds,
    AddLoad,
    ByWeek,
    ByResponse,
}

/// A change to one part of the program. Prescriptions and phases are named by stable id (never by position,
/// which a drag or an undo can change); goals, criteria and table rows by their place in the list on screen.
#[derive(Clone, Debug, PartialEq)]
pub enum Edit {
    /// Add a library exercise to a phase, at a position (`None`: at the end).
    AddExercise {
        exercise_id: String,
        phase_id: u64,
        index: Option<usize>,
    },
    /// Move a prescription to a phase (possibly its own), at a position.
    MovePrescription {
        id: u64,
        phase_id: u64,
        index: usize,
    },
    DuplicatePrescription(u64),
    RemovePrescription(u64),
    /// Replace a prescription's copy of its exercise with the library's current text (dose kept).
    UpdateFromLibrary(u64),
    RemovePhase(u64),
    /// Move a phase up (-1) or down (+1).
    MovePhase {
        id: u64,
        delta: i32,
    },
    /// Whether a phase lasts until its criteria are met (or a number of weeks).
    SetOpenEnded {
        phase_id: u64,
        open_ended: bool,
    },
    RemoveGoal(usize),
    AddCriterion {
        phase_id: u64,
    },
    RemoveCriterion {
        phase_id: u64,
        index: usize,
    },
    AddWeekRow {
        prescription_id: u64,
    },
    RemoveWeekRow {
        prescription_id: u64,
        index: usize,
    },
    SetLoadKind {
        prescription_id: u64,
        kind: LoadKind,
    },
    SetProgressionKind {
        prescription_id: u64,
        kind: ProgressionKind,
    },
    /// The stage (phase, by id) the patient is in now: the timeline marks it, the handout prints it by default.
    SetCurrentStage(u64),
    /// Which stages the handout prints (remembered in the program file).
    SetHandoutScope(HandoutScope),
    /// How the handout lays the exercises out (remembered in the program file).
    SetHandoutLayout(HandoutLayout),
    /// The program's pain rule: one of `PainRule::BUILT_IN`, or the therapist's own words.
    SetPainRule(crate::model::PainRule),
}

/// One thing the user asked for.
#[derive(Clone, Debug, PartialEq)]
pub enum Command {
    /// A command without a target.
    Run(CommandKind),
    /// A change to a named part of the program.
    Edit(Edit),
    /// Reopen a file from the recent-files list.
    OpenRecent(std::path::PathBuf),
    /// Start a program from `stepwise::assets::PROGRAM_FILES[index]`.
    OpenTemplate(usize),
}

impl From<CommandKind> for Command {
    fn from(kind: CommandKind) -> Self {
        Self::Run(kind)
    }
}

impl From<Edit> for Command {
    fn from(edit: Edit) -> Self {
        Self::Edit(edit)
    }
}

impl CommandKind {
    /// The words on the menu item or palette row, and a longer tooltip.
    #[must_use]
    pub fn text_and_tooltip(self) -> (&'static str, &'static str) {
        match self {
            Self::New => ("New program", "Start an empty program"),
            Self::NewFromTemplate => ("New from template…", "Start from a ready-made, evidence-based program"),
            Self::Open => ("Open…", "Open a program file"),
            Self::Save => ("Save", "Save the program"),
            Self::SaveAs => ("Save as…", "Save the program under a new name"),
            Self::ExportPdf => ("Export handout PDF…", "Save the patient's handout as a PDF"),
            Self::ExportWebPage => (
                "Web page for the phone…",
                "Save the handout's stages as one web page the patient opens on their phone, without the internet",
            ),
            Self::ExportCalendar => {
                ("Calendar reminders…", "Save reminders for the patient's calendar on each exercise day")
            }
            Self::Print => ("Print handout", "Send the patient's handout to the printer"),
            Self::Quit => ("Quit", "Close Stepwise"),
            Self::Undo => ("Undo", "Undo the last change to the program"),
            Self::Redo => ("Redo", "Redo the change you undid"),
            Self::Find => ("Find exercise", "Search the exercise library"),
            Self::CommandPalette => ("Command palette…", "List every command with its shortcut"),
            Self::Settings => ("Settings…", "Therapist, clinic, paper, units, theme and the clinic library"),
            Self::NewCustomExercise => ("New custom exercise…", "Write an exercise of your own into your library"),
            Self::CopyAsCustomExercise => (
                "Copy exercise as my own…",
                "Start a custom exercise from the one selected in the library, and change what you need",
            ),
            Self::AddSelectedExercise => {
                ("Add exercise to phase", "Add the selected library exercise to the chosen phase")
            }
            Self::AddPhase => ("Add phase", "Add a phase at the end of the program"),
            Self::AddGoal => ("Add goal", "Add a goal for the patient to the program"),
            Self::MoveSelectedUp => {
                ("Move exercise up", "Move the selected exercise up (into the previous phase at the top)")
            }
            Self::MoveSelectedDown => {
                ("Move exercise down", "Move the selected exercise down (into the next phase at the bottom)")
            }
            Self::DuplicateSelected => ("Duplicate exercise", "Copy the selected exercise, with its dose, below it"),
            Self::RemoveSelected => ("Remove exercise", "Remove the selected exercise from the program"),
            Self::ShowNextProblem => ("Next thing to check", "Go to the next exercise whose dose needs a look"),
            Self::ShowDetails => ("Show exercise details", "Show the selected exercise's details beside the program"),
            Self::ShowPreview => ("Show handout preview", "Show the patient's handout beside the program"),
            Self::ZoomIn => ("Larger text", "Make everything larger"),
            Self::ZoomOut => ("Smaller text", "Make everything smaller"),
            Self::ZoomReset => ("Normal text size", "Reset the text size"),
        }
    }

    #[must_use]
    pub fn text(self) -> &'static str {
        self.text_and_tooltip().0
    }

    /// The keyboard shortcuts on `os`, primary first. `Modifiers::COMMAND` is Ctrl, or Cmd on a Mac.
    #[must_use]
    pub fn shortcuts(self, os: OperatingSystem) -> Vec<KeyboardShortcut> {
        const fn cmd(key: Key) -> KeyboardShortcut {
            KeyboardShortcut::new(Modifiers::COMMAND, key)
        }
        const fn cmd_shift(key: Key) -> KeyboardShortcut {
            KeyboardShortcut::new(Modifiers::COMMAND.plus(Modifiers::SHIFT), key)
        }
        const fn alt(key: Key) -> KeyboardShortcut {
            KeyboardShortcut::new(Modifiers::ALT, key)
        }
        const fn plain(key: Key) -> KeyboardShortcut {
            KeyboardShortcut::new(Modifiers::NONE, key)
        }
        let mac = os == OperatingSystem::Mac;
        match self {
            Self::New => vec![cmd(Key::N)],
            Self::Open => vec![cmd(Key::O)],
            Self::Save => vec![cmd(Key::S)],
            Self::SaveAs => vec![cmd_shift(Key::S)],
            Self::ExportPdf => vec![cmd(Key::E)],
            Self::Print => vec![cmd(Key::P)],
            Self::Quit => vec![cmd(Key::Q)],
            Self::Undo => vec![cmd(Key::Z)],
            // Windows users know Ctrl+Y; a Mac knows only Cmd+Shift+Z.
            Self::Redo if mac => vec![cmd_shift(Key::Z)],
            Self::Redo if os == OperatingSystem::Windows => vec![cmd(Key::Y), cmd_shift(Key::Z)],
            Self::Redo => vec![cmd_shift(Key::Z), cmd(Key::Y)],
            Self::Find => vec![cmd(Key::F), plain(Key::Slash)],
            Self::CommandPalette => vec![cmd(Key::K)],
            Self::Settings => vec![cmd(Key::Comma)],
            Self::MoveSelectedUp => vec![alt(Key::ArrowUp)],
            Self::MoveSelectedDown => vec![alt(Key::ArrowDown)],
            Self::DuplicateSelected => vec![cmd(Key::D)],
            // A Mac's "delete" key is Backspace.
            Self::RemoveSelected if mac => vec![plain(Key::Backspace), plain(Key::Delete)],
            Self::RemoveSelected => vec![plain(Key::Delete)],
            Self::ZoomIn => vec![cmd(Key::Plus), cmd(Key::Equals)],
            Self::ZoomOut => vec![cmd(Key::Minus)],
            Self::ZoomReset => vec![cmd(Key::Num0)],
            Self::ShowNextProblem => vec![plain(Key::F8)],
            Self::NewFromTemplate
            | Self::ExportWebPage
            | Self::ExportCalendar
            | Self::AddSelectedExercise
            | Self::AddPhase
            | Self::AddGoal
            | Self::NewCustomExercise
            | Self::CopyAsCustomExercise
            | Self::ShowDetails
            | Self::ShowPreview => Vec::new(),
        }
    }

    /// The primary shortcut as `os` names it ("Ctrl+Shift+S", "Shift+Cmd+S"), or an empty string.
    #[must_use]
    pub fn shortcut_text(self, os: OperatingSystem) -> String {
        self.shortcuts(os).first().map(|shortcut| shortcut_text(shortcut, os)).unwrap_or_default()
    }

    /// The tooltip, with the shortcut when there is one: "Save the program (Ctrl+S)".
    #[must_use]
    pub fn tooltip_with_shortcut(self, os: OperatingSystem) -> String {
        let tooltip = self.text_and_tooltip().1;
        match self.shortcut_text(os) {
            shortcut if shortcut.is_empty() => tooltip.to_owned(),
            shortcut => format!("{tooltip} ({shortcut})"),
        }
    }

    /// Whether a focused text field needs this shortcut for itself (its own undo, typing a `/`).
    #[must_use]
    pub fn yields_to_text_field(self, shortcut: &KeyboardShortcut) -> bool {
        matches!(self, Self::Undo | Self::Redo) || shortcut.modifiers.is_none()
    }
}

impl Edit {
    /// The words on the button that sends it, and its tooltip.
    #[must_use]
    pub fn text_and_tooltip(&self) -> (&'static str, &'static str) {
        match self {
            Self::AddExercise { .. } => ("Add exercise", "Add an exercise to a phase"),
            Self::MovePrescription { .. } => ("Move exercise", "Move an exercise"),
            Self::DuplicatePrescription(_) => ("Duplicate", "Copy this exercise, with its dose, below it"),
            Self::RemovePrescription(_) => ("Remove", "Remove this exercise from the program"),
            Self::UpdateFromLibrary(_) => {
                ("Update from library", "The library's text for this exercise has changed: take it; the dose stays")
            }
            Self::RemovePhase(_) => ("Remove phase", "Remove this phase and its exercises"),
            Self::MovePhase { delta, .. } if *delta < 0 => ("Earlier", "Move this phase earlier"),
            Self::MovePhase { .. } => ("Later", "Move this phase later"),
            Self::SetOpenEnded { .. } => ("Until criteria met", "The phase lasts until its criteria are met"),
            Self::RemoveGoal(_) => ("Remove", "Remove this goal"),
            Self::AddCriterion { .. } => ("Add a measurable criterion", "A test the patient passes to move on"),
            Self::RemoveCriterion { .. } => ("Remove", "Remove this criterion"),
            Self::AddWeekRow { .. } => ("Add row", "Add a week to the dose table, copied from the last"),
            Self::RemoveWeekRow { .. } => ("Remove row", "Remove this row of the dose table"),
            Self::SetLoadKind { .. } => ("Load", "What the load is: body weight, added weight, a band"),
            Self::SetProgressionKind { .. } => ("Progression", "How the dose changes week by week"),
            Self::SetCurrentStage(_) => {
                ("Patient is here", "The patient is in this stage now: the timeline marks it and the handout prints it")
            }
            Self::SetHandoutScope(scope) => match scope {
                HandoutScope::CurrentStage => {
                    ("Current stage", "Print the stage the patient is in now (set with “Patient is here”)")
                }
                HandoutScope::Stages(_) => ("Chosen stages", "Print the stages ticked below"),
                HandoutScope::Whole => ("Whole program", "Print every stage"),
            },
            Self::SetHandoutLayout(layout) => (
                layout.label(),
                match layout {
                    HandoutLayout::Detailed => "Every exercise with all its steps, tips and cautions: two to a page",
                    HandoutLayout::Compact => {
                        "Picture, name, dose, a few short steps and the main caution: three exercises to a page"
                    }
                    HandoutLayout::Summary => {
                        "One page for the fridge: a table of the exercises with tick boxes for a week, and the \
                         safety essentials"
                    }
                },
            ),
            Self::SetPainRule(_) => ("Pain rule", "How much pain the program allows: the handout's traffic light"),
        }
    }
}

impl LoadKind {
    #[must_use]
    pub fn label(self) -> &'static str {
        match self {
            Self::BodyWeight => "Body weight",
            Self::Kilograms => "Added weight",
            Self::Band => "Band",
            Self::RepetitionMaximum => "Repetition maximum",
        }
    }

    #[must_use]
    pub fn of(load: &crate::model::Load) -> Self {
        use crate::model::Load;
        match load {
            Load::BodyWeight => Self::BodyWeight,
            Load::Kilograms(_) => Self::Kilograms,
            Load::Band(_) => Self::Band,
            Load::RepetitionMaximum(_) => Self::RepetitionMaximum,
        }
    }

    /// The load this kind starts at when chosen.
    #[must_use]
    pub fn start(self) -> crate::model::Load {
        use crate::model::Load;
        match self {
            Self::BodyWeight => Load::BodyWeight,
            Self::Kilograms => Load::Kilograms(0.0),
            Self::Band => Load::Band("Yellow".to_owned()),
            Self::RepetitionMaximum => Load::RepetitionMaximum(15),
        }
    }
}

impl ProgressionKind {
    #[must_use]
    pub fn of(progression: &crate::model::Progression) -> Self {
        use crate::model::Progression;
        match progression {
            Progression::Steady => Self::Steady,
            Progression::AddReps { .. } => Self::AddReps,
            Progression::AddSets { .. } => Self::AddSets,
            Progression::AddHoldSeconds { .. } => Self::AddHoldSeconds,
            Progression::AddLoad { .. } => Self::AddLoad,
            Progression::ByWeek(_) => Self::ByWeek,
            Progression::ByResponse(_) => Self::ByResponse,
        }
    }

    /// The rule this kind starts with when chosen.
    #[must_use]
    pub fn start(self) -> crate::model::Progression {
        use crate::model::{Progression, WeekDose};
        match self {
            Self::Steady => Progression::Steady,
            Self::AddReps => Progression::AddReps { add: 2, every_weeks: 1, up_to: 15 },
            Self::AddSets => Progression::AddSets { add: 1, every_weeks: 2, up_to: 4 },
            Self::AddHoldSeconds => Progression::AddHoldSeconds { add: 5, every_weeks: 1, up_to: 60 },
            Self::AddLoad => Progression::AddLoad { add_kg: 2.5, every_weeks: 1, up_to_kg: 20.0 },
            Self::ByWeek => Progression::ByWeek(vec![WeekDose {
                from_week: 1,
                sets: 3,
                reps: Some(15),
                hold_seconds: None,
                load: None,
            }]),
            Self::ByResponse => Progression::ByResponse(String::new()),
        }
    }

    #[must_use]
    pub fn label(self) -> &'static str {
        self.start().label()
    }
}

/// A shortcut in the words `os` uses, in plain letters every font has: "Ctrl+Shift+S", "Shift+Cmd+S", "Alt+Up".
#[must_use]
pub fn shortcut_text(shortcut: &KeyboardShortcut, os: OperatingSystem) -> String {
    shortcut.format(&ModifierNames::NAMES, os == OperatingSystem::Mac)
}

/// Takes this frame's shortcut key presses out of the input and returns the commands they stand for.
///
/// `consume_shortcut` ignores extra Shift and Alt, so Ctrl+Shift+S would also match Ctrl+S: shortcuts with more
/// modifiers are tried first. While a text field has the keyboard, keys it needs stay with it.
#[must_use]
pub fn consume_shortcuts(ctx: &egui::Context) -> Vec<Command> {
    let os = ctx.os();
    let text_field_focused = ctx.text_edit_focused();
    let mut candidates: Vec<(u32, KeyboardShortcut, CommandKind)> = Vec::new();
    for kind in CommandKind::iter() {
        for shortcut in kind.shortcuts(os) {
            if text_field_focused && kind.yields_to_text_field(&shortcut) {
                continue;
            }
            let m = shortcut.modifiers;
            let weight = u32::from(m.shift) + u32::from(m.alt) + u32::from(m.command || m.ctrl || m.mac_cmd);
            candidates.push((weight, shortcut, kind));
        }
    }
    candidates.sort_by_key(|candidate| std::cmp::Reverse(candidate.0));
    let mut fired = Vec::new();
    ctx.input_mut(|input| {
        for (_, shortcut, kind) in candidates {
            // A plain key must not fire when Ctrl, Cmd or Alt is down (Ctrl+/ is someone else's).
            let plain_key_clean = !shortcut.modifiers.is_none()
                || !(input.modifiers.command || input.modifiers.ctrl || input.modifiers.alt);
            if plain_key_clean && input.consume_shortcut(&shortcut) {
                if shortcut.logical_key == Key::Slash {
                    // The same key press also arrives as typed text; the search box gets focus this frame and
                    // must not receive the `/`.
                    input.events.retain(|event| !matches!(event, egui::Event::Text(text) if text == "/"));
                }
                let command = Command::Run(kind);
                if !fired.contains(&command) {
                    fired.push(command);
                }
            }
        }
    });
    fired
}

/// The systems whose shortcuts are checked for clashes (and named in menus).
pub const EVERY_OS: [OperatingSystem; 3] = [OperatingSystem::Nix, OperatingSystem::Windows, OperatingSystem::Mac];

/// Pairs of commands that share a shortcut on `os`, as text: empty when every shortcut is unique.
#[must_use]
pub fn clashing_shortcuts(os: OperatingSystem) -> Vec<String> {
    clashes_among(os, CommandKind::iter().map(|kind| (kind, kind.shortcuts(os))))
}

/// The clashes in a list of commands and their shortcuts (compared as `os` writes them, so Ctrl+S and Cmd+S
/// are the same key on a Mac).
fn clashes_among(os: OperatingSystem, list: impl Iterator<Item = (CommandKind, Vec<KeyboardShortcut>)>) -> Vec<String> {
    let mut seen: std::collections::HashMap<String, CommandKind> = std::collections::HashMap::new();
    let mut clashes = Vec::new();
    for (kind, shortcuts) in list {
        for shortcut in shortcuts {
            let text = shortcut_text(&shortcut, os);
            if let Some(other) = seen.insert(text.clone(), kind)
                && other != kind
            {
                clashes.push(format!("{other:?} and {kind:?} share {text} on {os:?}"));
            }
        }
    }
    clashes
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn no_two_commands_share_a_shortcut_on_any_system() {
        for os in EVERY_OS {
            assert_eq!(clashing_shortcuts(os), Vec::<String>::new());
        }
    }

    #[test]
    fn the_clash_check_finds_a_clash() {
        // Find given the palette's Ctrl+K (Cmd+K on a Mac): the check must say so on every system.
        for os in EVERY_OS {
            let find_on_k = CommandKind::iter().map(|kind| {
                let shortcuts = if kind == CommandKind::Find {
                    vec![KeyboardShortcut::new(Modifiers::COMMAND, Key::K)]
                } else {
                    kind.shortcuts(os)
                };
                (kind, shortcuts)
            });
            let clashes = clashes_among(os, find_on_k);
            assert_eq!(clashes.len(), 1, "{clashes:?}");
            assert!(clashes[0].contains("Find") && clashes[0].contains("CommandPalette"), "{clashes:?}");
        }
    }

    #[test]
    fn shortcuts_read_as_each_system_names_them() {
        assert_eq!(CommandKind::SaveAs.shortcut_text(OperatingSystem::Nix), "Ctrl+Shift+S");
        assert_eq!(CommandKind::SaveAs.shortcut_text(OperatingSystem::Mac), "Shift+Cmd+S");
        assert_eq!(CommandKind::MoveSelectedUp.shortcut_text(OperatingSystem::Windows), "Alt+Up");
        assert_eq!(CommandKind::MoveSelectedUp.shortcut_text(OperatingSystem::Mac), "Option+Up");
        assert_eq!(CommandKind::Redo.shortcut_text(OperatingSystem::Windows), "Ctrl+Y");
        assert_eq!(CommandKind::Redo.shortcut_text(OperatingSystem::Mac), "Shift+Cmd+Z");
    }

    #[test]
    fn load_and_progression_kinds_round_trip() {
        for kind in LoadKind::iter() {
            assert_eq!(LoadKind::of(&kind.start()), kind);
        }
        for kind in ProgressionKind::iter() {
            assert_eq!(ProgressionKind::of(&kind.start()), kind);
        }
    }
}
