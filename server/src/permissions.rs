//! Writes the domain's permission table to `auth.permissions` and
//! `auth.role_permissions`, so reports and other tools read the same rules
//! the server enforces. Only differences are written: a second run, or a
//! restart, changes nothing and leaves no audit rows. It runs in the
//! caller's transaction (the migration's), so the table is written whole
//! or not at all.

use sqlx::PgConnection;
use torvan::DbEnum;
use torvan::permissions::{Action, Resource, grants};

pub async fn sync(conn: &mut PgConnection) -> Result<(), sqlx::Error> {
    let (mut names, mut resources, mut actions) = (Vec::new(), Vec::new(), Vec::new());
    for resource in Resource::ALL {
        for action in Action::ALL {
            names.push(format!("{}:{}", resource.name(), action.name()));
            resources.push(resource.name().to_owned());
            actions.push(action.name().to_owned());
        }
    }
    let (mut roles, mut granted) = (Vec::new(), Vec::new());
    for (role, resource, action) in grants() {
        roles.push(role.as_db_str().to_owned());
        granted.push(format!("{}:{}", resource.name(), action.name()));
    }

    sqlx::query!(
        "INSERT INTO auth.permissions (name, resource, action, description)
         SELECT name, resource, action, action || ' ' || replace(resource, '_', ' ')
         FROM unnest($1::text[], $2::text[], $3::text[]) AS p(name, resource, action)
         ON CONFLICT (name) DO NOTHING",
        &names,
        &resources,
        &actions,
    )
    .execute(&mut *conn)
    .await?;
    sqlx::query!(
        "DELETE FROM auth.role_permissions rp USING auth.permissions p
         WHERE p.id = rp.permission_id
           AND (rp.role::text, p.name) NOT IN (SELECT * FROM unnest($1::text[], $2::text[]))",
        &roles,
        &granted,
    )
    .execute(&mut *conn)
    .await?;
    sqlx::query!(
        "INSERT INTO auth.role_permissions (role, permission_id)
         SELECT g.role::user_role, p.id
         FROM unnest($1::text[], $2::text[]) AS g(role, name)
         JOIN auth.permissions p ON p.name = g.name
         ON CONFLICT (role, permission_id) DO NOTHING",
        &roles,
        &granted,
    )
    .execute(conn)
    .await?;
    Ok(())
}
