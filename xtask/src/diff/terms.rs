//! The words every part of the diff uses, with nothing below them: how a change is graded
//! ([`Grade`]), which document a pointer is in ([`Side`]) and what in the generated Rust API a
//! spec change can explain ([`Target`]). The spec walk (`spec_changes`), the rule table and
//! the API reader import them from here, not from `diff` itself, which calls them.

/// How a change affects one side.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub enum Grade {
    /// Nothing changes on this side (rust: the public API is the same).
    None,
    /// Existing clients or code keep working.
    Compatible,
    /// Existing clients fail or misbehave; existing code no longer compiles or fails at run time.
    Breaking,
}

impl Grade {
    /// `none`, `compatible` or `breaking`.
    pub fn name(self) -> &'static str {
        match self {
            Self::None => "none",
            Self::Compatible => "compatible",
            Self::Breaking => "breaking",
        }
    }
}

/// Which of the two documents a pointer points into.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Side {
    /// The old document (the thing is gone from the new one).
    Old,
    /// The new document.
    New,
}

/// A Rust item a spec change may touch. Names are normalised (lower-case letters and digits),
/// so that `customerId`, `customer_id` and `CustomerId` agree.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Target {
    /// A type in `types` whose name starts with this.
    Type(String),
    /// A field (2nd) of a type whose name starts with the 1st.
    Field(String, String),
    /// A variant (2nd) of an enum whose name starts with the 1st.
    Variant(String, String),
    /// The `Client` method of this operation.
    ClientMethod(String),
    /// The builder struct of this operation.
    Builder(String),
    /// A method (2nd) of this operation's (1st) builder.
    BuilderMember(String, String),
}
