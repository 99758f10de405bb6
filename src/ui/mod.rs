//! The egui application: the planner window.
