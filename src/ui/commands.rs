//! Every action a user can take: one `Command` enum that the menus, the keyboard shortcuts, the buttons, the
//! command palette and the tests all send, so a shortcut and a menu item can never do different things and undo
//! sees every change to the document. The app runs the queued commands in one place (`StepwiseApp::run_command`).

use egui::{Key, KeyboardShortcut, Modifiers};

/// One thing the user asked for. Simple commands act on the current selection; the targeted ones name what they
/// act on by stable id (never by position, which a drag or an undo can change).
#[derive(Clone, Debug, PartialEq)]
pub enum Command {
    // File
    New,
    NewFromTemplate,
    Open,
    /// Reopen a file from the recent-files list.
    OpenRecent(std::path::PathBuf),
    Save,
    SaveAs,
    ExportPdf,
    Print,
    Quit,
    // Edit
    Undo,
    Redo,
    Find,
    CommandPalette,
    Settings,
    NewCustomExercise,
    /// Start a custom exercise from the one selected in the library.
    CopyAsCustomExercise,
    /// Add the exercise selected in the library to the chosen phase.
    AddSelectedExercise,
    AddPhase,
    MoveSelectedUp,
    MoveSelectedDown,
    DuplicateSelected,
    RemoveSelected,
    /// Select the next exercise with something to check, and show it.
    ShowNextProblem,
    // View
    ShowDetails,
    ShowPreview,
    ZoomIn,
    ZoomOut,
    ZoomReset,
    // Targeted document edits (buttons on a card or a phase, drag and drop)
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
    /// Start a program from `stepwise::assets::PROGRAM_FILES[index]`.
    OpenTemplate(usize),
}

impl Command {
    /// Every command that needs no target, in the order the palette lists them.
    pub const PALETTE: [Self; 27] = [
        Self::New,
        Self::NewFromTemplate,
        Self::Open,
        Self::Save,
        Self::SaveAs,
        Self::ExportPdf,
        Self::Print,
        Self::Undo,
        Self::Redo,
        Self::Find,
        Self::AddSelectedExercise,
        Self::AddPhase,
        Self::MoveSelectedUp,
        Self::MoveSelectedDown,
        Self::DuplicateSelected,
        Self::RemoveSelected,
        Self::ShowNextProblem,
        Self::NewCustomExercise,
        Self::CopyAsCustomExercise,
        Self::ShowDetails,
        Self::ShowPreview,
        Self::ZoomIn,
        Self::ZoomOut,
        Self::ZoomReset,
        Self::Settings,
        Self::CommandPalette,
        Self::Quit,
    ];

    /// The words on the menu item or palette row, and a longer tooltip.
    #[must_use]
    pub fn text_and_tooltip(&self) -> (&'static str, &'static str) {
        match self {
            Self::New => ("New program", "Start an empty program"),
            Self::NewFromTemplate => ("New from template…", "Start from a ready-made, evidence-based program"),
            Self::Open => ("Open…", "Open a program file"),
            Self::OpenRecent(_) => ("Open recent", "Open a program you worked on lately"),
            Self::Save => ("Save", "Save the program"),
            Self::SaveAs => ("Save as…", "Save the program under a new name"),
            Self::ExportPdf => ("Export handout PDF…", "Save the patient's handout as a PDF"),
            Self::Print => ("Print handout", "Send the patient's handout to the printer"),
            Self::Quit => ("Quit", "Close Stepwise"),
            Self::Undo => ("Undo", "Undo the last change to the program"),
            Self::Redo => ("Redo", "Redo the change you undid"),
            Self::Find => ("Find exercise", "Search the exercise library"),
            Self::CommandPalette => ("Command palette…", "List every command with its shortcut"),
            Self::Settings => ("Settings…", "Therapist, clinic, paper, units and the clinic library"),
            Self::NewCustomExercise => ("New custom exercise…", "Write an exercise of your own into your library"),
            Self::CopyAsCustomExercise => (
                "Copy exercise as my own…",
                "Start a custom exercise from the one selected in the library, and change what you need",
            ),
            Self::AddSelectedExercise => {
                ("Add exercise to phase", "Add the selected library exercise to the chosen phase")
            }
            Self::AddPhase => ("Add phase", "Add a phase at the end of the program"),
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
            Self::AddExercise { .. } => ("Add exercise", "Add an exercise to a phase"),
            Self::MovePrescription { .. } => ("Move exercise", "Move an exercise"),
            Self::DuplicatePrescription(_) => ("Duplicate", "Copy this exercise, with its dose, below it"),
            Self::RemovePrescription(_) => ("Remove", "Remove this exercise from the program"),
            Self::UpdateFromLibrary(_) => (
                "Update from library",
                "Replace this exercise's text with the library's current version; the dose stays",
            ),
            Self::RemovePhase(_) => ("Remove phase", "Remove this phase and its exercises"),
            Self::MovePhase { .. } => ("Move phase", "Move this phase"),
            Self::OpenTemplate(_) => ("Open template", "Start from a ready-made program"),
        }
    }

    /// The keyboard shortcuts, primary first. `Modifiers::COMMAND` is Ctrl, or ⌘ on a Mac.
    #[must_use]
    pub fn shortcuts(&self) -> &'static [KeyboardShortcut] {
        const fn ctrl(key: Key) -> KeyboardShortcut {
            KeyboardShortcut::new(Modifiers::COMMAND, key)
        }
        const fn ctrl_shift(key: Key) -> KeyboardShortcut {
            KeyboardShortcut::new(Modifiers::COMMAND.plus(Modifiers::SHIFT), key)
        }
        const fn alt(key: Key) -> KeyboardShortcut {
            KeyboardShortcut::new(Modifiers::ALT, key)
        }
        match self {
            Self::New => const { &[ctrl(Key::N)] },
            Self::Open => const { &[ctrl(Key::O)] },
            Self::Save => const { &[ctrl(Key::S)] },
            Self::SaveAs => const { &[ctrl_shift(Key::S)] },
            Self::ExportPdf => const { &[ctrl(Key::E)] },
            Self::Print => const { &[ctrl(Key::P)] },
            Self::Quit => const { &[ctrl(Key::Q)] },
            Self::Undo => const { &[ctrl(Key::Z)] },
            Self::Redo => const { &[ctrl_shift(Key::Z), ctrl(Key::Y)] },
            Self::Find => const { &[ctrl(Key::F), KeyboardShortcut::new(Modifiers::NONE, Key::Slash)] },
            Self::CommandPalette => const { &[ctrl(Key::K)] },
            Self::Settings => const { &[ctrl(Key::Comma)] },
            Self::MoveSelectedUp => const { &[alt(Key::ArrowUp)] },
            Self::MoveSelectedDown => const { &[alt(Key::ArrowDown)] },
            Self::DuplicateSelected => const { &[ctrl(Key::D)] },
            Self::RemoveSelected => const { &[KeyboardShortcut::new(Modifiers::NONE, Key::Delete)] },
            Self::ZoomIn => const { &[ctrl(Key::Plus), ctrl(Key::Equals)] },
            Self::ZoomOut => const { &[ctrl(Key::Minus)] },
            Self::ZoomReset => const { &[ctrl(Key::Num0)] },
            Self::ShowNextProblem => const { &[KeyboardShortcut::new(Modifiers::NONE, Key::F8)] },
            _ => const { &[] },
        }
    }

    /// Whether a focused text field needs this command's keys for itself (its own undo, typing a `/`).
    #[must_use]
    pub fn yields_to_text_field(&self, shortcut: &KeyboardShortcut) -> bool {
        matches!(self, Self::Undo | Self::Redo) || shortcut.modifiers.is_none()
    }

    /// The primary shortcut as text, "Ctrl+Shift+S", or an empty string.
    #[must_use]
    pub fn shortcut_text(&self, is_mac: bool) -> String {
        self.shortcuts().first().map(|shortcut| shortcut_text(shortcut, is_mac)).unwrap_or_default()
    }
}

/// A shortcut in plain letters every font has: "Ctrl+Shift+S", "Alt+Up", "/".
#[must_use]
pub fn shortcut_text(shortcut: &KeyboardShortcut, is_mac: bool) -> String {
    let mut parts: Vec<&str> = Vec::new();
    let modifiers = shortcut.modifiers;
    if modifiers.command || modifiers.ctrl {
        parts.push(if is_mac { "Cmd" } else { "Ctrl" });
    }
    if modifiers.alt {
        parts.push(if is_mac { "Option" } else { "Alt" });
    }
    if modifiers.shift {
        parts.push("Shift");
    }
    let key = match shortcut.logical_key {
        Key::ArrowUp => "Up",
        Key::ArrowDown => "Down",
        Key::Plus => "Plus",
        Key::Minus => "Minus",
        Key::Equals => "=",
        Key::Comma => ",",
        Key::Slash => "/",
        Key::Delete => "Delete",
        other => other.name(),
    };
    parts.push(key);
    parts.join("+")
}

/// Takes this frame's shortcut key presses out of the input and returns the commands they stand for.
///
/// `consume_shortcut` ignores extra Shift and Alt, so Ctrl+Shift+S would also match Ctrl+S: shortcuts with more
/// modifiers are tried first. While a text field has the keyboard, keys it needs stay with it.
#[must_use]
pub fn consume_shortcuts(ctx: &egui::Context) -> Vec<Command> {
    let text_field_focused = ctx.text_edit_focused();
    let mut candidates: Vec<(u32, &KeyboardShortcut, Command)> = Vec::new();
    for command in Command::PALETTE {
        for shortcut in command.shortcuts() {
            if text_field_focused && command.yields_to_text_field(shortcut) {
                continue;
            }
            let m = shortcut.modifiers;
            let weight = u32::from(m.shift) + u32::from(m.alt) + u32::from(m.command || m.ctrl);
            candidates.push((weight, shortcut, command.clone()));
        }
    }
    candidates.sort_by_key(|candidate| std::cmp::Reverse(candidate.0));
    let mut fired = Vec::new();
    ctx.input_mut(|input| {
        for (_, shortcut, command) in candidates {
            let exact = |m: Modifiers| {
                // A plain `/` must not fire when Ctrl or Alt is down (Ctrl+/ is someone else's).
                !shortcut.modifiers.is_none() || !(m.command || m.ctrl || m.alt)
            };
            if exact(input.modifiers) && input.consume_shortcut(shortcut) {
                if shortcut.logical_key == Key::Slash {
                    // The same key press also arrives as typed text; the search box gets focus this frame and
                    // must not receive the `/`.
                    input.events.retain(|event| !matches!(event, egui::Event::Text(text) if text == "/"));
                }
                if !fired.contains(&command) {
                    fired.push(command);
                }
            }
        }
    });
    fired
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn no_two_commands_share_a_shortcut() {
        let mut seen = std::collections::HashMap::new();
        for command in Command::PALETTE {
            for shortcut in command.shortcuts() {
                let key = (shortcut_text(shortcut, false), 0);
                if let Some(other) = seen.insert(key, command.clone()) {
                    panic!("{other:?} and {command:?} share {}", shortcut_text(shortcut, false));
                }
            }
        }
    }

    #[test]
    fn shortcuts_read_plainly() {
        assert_eq!(Command::SaveAs.shortcut_text(false), "Ctrl+Shift+S");
        assert_eq!(Command::MoveSelectedUp.shortcut_text(false), "Alt+Up");
        assert_eq!(Command::Redo.shortcut_text(true), "Cmd+Shift+Z");
    }
}
