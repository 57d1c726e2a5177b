//! Writes the domain's permission table to `auth.permissions` and
//! `auth.role_permissions`, so reports and other tools read the same rules
//! the server enforces. Only differences are written: a second run, or a
//! restart, changes nothing and leaves no audit rows.

use sqlx::PgPool;
use torvan::DbEnum;
use torvan::permissions::{Action, Resource, grants};

pub async fn sync(pool: &PgPool) -> Result<(), sqlx::Error> {
    let (mut names, mut resources, mut actions) = (Vec::new(), Vec::new(), Vec::new());
    for resource in Resource::ALL {
        for action in Action::ALL {
            names.push(format!("{}:{}", resource.name(), action.name()));
            resources.push(resource.name());
            actions.push(action.name());
        }
    }
    let (mut roles, mut granted) = (Vec::new(), Vec::new());
    for (role, resource, action) in grants() {
        roles.push(role.as_db_str());
        granted.push(format!("{}:{}", resource.name(), action.name()));
    }

    let mut tx = pool.begin().await?;
    sqlx::query(
        "INSERT INTO auth.permissions (name, resource, action, description)
         SELECT name, resource, action, action || ' ' || replace(resource, '_', ' ')
         FROM unnest($1::text[], $2::text[], $3::text[]) AS p(name, resource, action)
         ON CONFLICT (name) DO NOTHING",
    )
    .bind(&names)
    .bind(&resources)
    .bind(&actions)
    .execute(&mut *tx)
    .await?;
    sqlx::query(
        "DELETE FROM auth.role_permissions rp USING auth.permissions p
         WHERE p.id = rp.permission_id
           AND (rp.role::text, p.name) NOT IN (SELECT * FROM unnest($1::text[], $2::text[]))",
    )
    .bind(&roles)
    .bind(&granted)
    .execute(&mut *tx)
    .await?;
    sqlx::query(
        "INSERT INTO auth.role_permissions (role, permission_id)
         SELECT g.role::user_role, p.id
         FROM unnest($1::text[], $2::text[]) AS g(role, name)
         JOIN auth.permissions p ON p.name = g.name
         ON CONFLICT (role, permission_id) DO NOTHING",
    )
    .bind(&roles)
    .bind(&granted)
    .execute(&mut *tx)
    .await?;
    tx.commit().await
}
