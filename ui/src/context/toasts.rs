//! The app-wide toast queue: the result of a change, with an action (Undo) where there is one.
//! Errors stay until closed; successes fade after a while. `components::toast` shows it.

use leptos::prelude::*;

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum ToastKind {
    Success,
    /// Done, with something the user must know (e.g. the audit entry could not be written).
    Warning,
    Error,
}

/// One toast; `action` is a labelled callback such as Undo.
#[derive(Clone)]
pub struct Toast {
    pub id: u64,
    pub kind: ToastKind,
    pub message: String,
    pub action: Option<(String, Callback<()>)>,
}

/// The app-wide toast queue, part of the app context.
#[derive(Clone, Copy)]
pub struct Toasts {
    items: RwSignal<Vec<Toast>>,
    next: StoredValue<u64>,
}

impl Default for Toasts {
    fn default() -> Self {
        Self::new()
    }
}

impl Toasts {
    pub fn new() -> Self {
        Self {
            items: RwSignal::new(Vec::new()),
            next: StoredValue::new(1),
        }
    }

    pub fn show(
        &self,
        kind: ToastKind,
        message: impl Into<String>,
        action: Option<(String, Callback<()>)>,
    ) {
        let id = self.next.get_value();
        self.next.set_value(id + 1);
        self.items.update(|items| {
            items.push(Toast {
                id,
                kind,
                message: message.into(),
                action,
            });
            // Keep the corner readable.
            if items.len() > 4 {
                items.remove(0);
            }
        });
        if kind == ToastKind::Success {
            let items = self.items;
            set_timeout(
                move || items.update(|list| list.retain(|t| t.id != id)),
                std::time::Duration::from_secs(12),
            );
        }
    }

    pub fn success(&self, message: impl Into<String>) {
        self.show(ToastKind::Success, message, None);
    }

    pub fn error(&self, message: impl Into<String>) {
        self.show(ToastKind::Error, message, None);
    }

    /// The toasts on screen, oldest first (tracked).
    pub fn shown(&self) -> Vec<Toast> {
        self.items.get()
    }

    pub fn dismiss(&self, id: u64) {
        self.items.update(|list| list.retain(|t| t.id != id));
    }
}
