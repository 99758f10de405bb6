//! RON documents on disk: versions, atomic save, backups, recovery, errors with line:column.
