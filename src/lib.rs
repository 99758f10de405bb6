//! Stepwise: build a progressive home-exercise program and print the patient's handout.
//!
//! The folders show the product: `model` is the domain as plain data; `library`, `files`, `schedule` and
//! `handout` each depend only on `model`; `clock` is the one place the date is read; `printing` joins the
//! settings (`files`) to the typesetter (`handout`) for both the window and the command line; `export` (calendar
//! reminders and a web page for the patient's phone) reads `schedule` and `handout`; `ui` uses them all; `main`
//! parses arguments and runs a command or opens the window.

/// The version and the git commit this build was made from, as `stepwise --version` prints it.
pub const VERSION: &str = env!("STEPWISE_VERSION");

pub mod assets;
pub mod clock;
pub mod export;
pub mod files;
pub mod handout;
pub mod icon;
pub mod library;
pub mod model;
pub mod printing;
pub mod schedule;
pub mod ui;
