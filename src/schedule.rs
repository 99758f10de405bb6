//! Phases become dated weeks: each week's exercises and doses after the progression rules.
