//! The exercise libraries: built-in, user and clinic; load, merge, search.
