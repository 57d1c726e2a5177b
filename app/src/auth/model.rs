//! Who is signed in, as it crosses the wire to the pages.

use serde::{Deserialize, Serialize};
use torvan::{Action, Resource, Role, permits};
use uuid::Uuid;

/// Who is signed in, as the pages need to know it.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct CurrentUser {
    pub id: Uuid,
    pub email: String,
    pub name: String,
    pub role: Role,
}

impl CurrentUser {
    pub fn may(&self, resource: Resource, action: Action) -> bool {
        permits(self.role, resource, action)
    }
}
