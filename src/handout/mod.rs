//! Program -> patient handout: template inputs, PDF, preview pages, printing.
