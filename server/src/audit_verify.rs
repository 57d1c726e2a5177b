//! `torvan audit verify`: walks the audit trail's hash chain (migration 30)
//! in seq order and names the first row that does not match, then records
//! what it found in `audit.chain_verifications` (the admin screen shows the
//! last one).
//!
//! The walk streams: PostgreSQL recomputes each row's hash beside the row
//! (the same `audit.chain_digest` that wrote it) and this side compares
//! links holding one row at a time (`torvan::audit_chain::ChainWalk`), so a
//! chain of millions of rows needs no more memory than one of ten. It reads
//! one REPEATABLE READ snapshot, so rows committed meanwhile neither count
//! nor break the walk.

use futures::TryStreamExt;
use sqlx::{PgConnection, PgPool};
use torvan::audit_chain::{ChainBreak, ChainEnd, ChainLink, ChainProblem, ChainWalk};
use uuid::Uuid;

use crate::{ServerError, config, db};

/// What one verification found.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Verification {
    pub rows_checked: u64,
    /// The last row that matched (the genesis link when none did).
    pub verified_to: ChainEnd,
    pub broken: Option<BrokenRow>,
}

/// The first row that does not match, named so a person can find it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct BrokenRow {
    pub seq: i64,
    pub table: String,
    pub id: Option<Uuid>,
    /// The audited record the row is about, e.g. `orders 3f…` (when known).
    pub record: Option<String>,
    pub problem: ChainProblem,
}

impl std::fmt::Display for Verification {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        match &self.broken {
            None => write!(
                f,
                "audit chain intact: {} rows checked, up to seq {}",
                self.rows_checked, self.verified_to.seq
            ),
            Some(row) => {
                write!(
                    f,
                    "audit chain broken at seq {} (audit.{}",
                    row.seq, row.table
                )?;
                if let Some(id) = row.id {
                    write!(f, " row {id}")?;
                }
                if let Some(record) = &row.record {
                    write!(f, ", record {record}")?;
                }
                write!(
                    f,
                    "): {}; {} rows before it match",
                    row.problem, self.rows_checked
                )
            }
        }
    }
}

/// The command: verifies, records, prints; a broken chain is an error (the
/// exit code is not zero).
pub async fn run() -> Result<(), ServerError> {
    let database = config::DatabaseConfig::from_env()?;
    let pool = db::connect(&database).await?;
    let verification = verify_and_record(&pool).await?;
    match verification.broken {
        None => {
            println!("{verification}");
            Ok(())
        }
        Some(_) => Err(ServerError::AuditChain(verification.to_string())),
    }
}

/// Walks the chain, then records the outcome in its own transaction.
pub async fn verify_and_record(pool: &PgPool) -> Result<Verification, sqlx::Error> {
    let verification = verify(pool).await?;
    record(&mut *pool.acquire().await?, &verification).await?;
    Ok(verification)
}

/// Walks the chain without recording anything.
pub async fn verify(pool: &PgPool) -> Result<Verification, sqlx::Error> {
    let mut tx = pool.begin().await?;
    // One snapshot for the head, the anchor and every row; UTC because the
    // hashes were computed over rows rendered in UTC (chain_digest).
    sqlx::query!("SET TRANSACTION ISOLATION LEVEL REPEATABLE READ, READ ONLY")
        .execute(&mut *tx)
        .await?;
    sqlx::query!("SET LOCAL TimeZone TO 'UTC'")
        .execute(&mut *tx)
        .await?;
    let head = sqlx::query!("SELECT seq, row_hash FROM audit.chain_head")
        .fetch_one(&mut *tx)
        .await?;
    let head = ChainEnd {
        seq: head.seq,
        hash: head.row_hash,
    };
    let anchor = sqlx::query!(
        "SELECT last_seq, last_hash FROM audit.chain_verifications
         WHERE ok ORDER BY verified_at DESC LIMIT 1"
    )
    .fetch_optional(&mut *tx)
    .await?
    .and_then(|row| {
        row.last_hash.map(|hash| ChainEnd {
            seq: row.last_seq,
            hash,
        })
    });

    let mut walk = ChainWalk::new(anchor);
    let mut current: Option<(String, Uuid)> = None;
    let statement = chain_statement(&mut tx).await?;
    let outcome = {
        let mut rows = sqlx::query_as::<_, (i64, String, Uuid, Vec<u8>, Vec<u8>, bool)>(&statement)
            .fetch(&mut *tx);
        loop {
            let Some((seq, table, id, prev_hash, row_hash, content_matches)) =
                rows.try_next().await?
            else {
                break None;
            };
            let link = ChainLink {
                seq,
                prev_hash,
                row_hash,
                content_matches,
            };
            current = Some((table, id));
            if let Err(broken) = walk.step(&link) {
                break Some(broken);
            }
        }
    };
    let rows_checked = walk.rows();
    let verified_to = walk.last().clone();
    let broken = match outcome {
        Some(broken) => Some(broken),
        None => walk.finish(&head).err(),
    };
    let broken = match broken {
        None => None,
        Some(ChainBreak { seq, problem }) => {
            // The row named: the one being read, or for a missing end the
            // last row read.
            let (table, id) =
                current.map_or((String::from("chain_head"), None), |(t, id)| (t, Some(id)));
            let record = match id {
                Some(id) => record_of(&mut tx, &table, id).await?,
                None => None,
            };
            Some(BrokenRow {
                seq,
                table,
                id,
                record,
                problem,
            })
        }
    };
    tx.commit().await?;
    Ok(Verification {
        rows_checked,
        verified_to,
        broken,
    })
}

/// One statement over every chained table (those with the chain trigger,
/// so a table chained by a later migration is walked too), merged in seq
/// order from each table's seq index; each row's hash recomputed beside it.
/// A row the retention job removed is walked as its tombstone: its links
/// to both neighbours are still checked, its content is in the archive the
/// tombstone names (whose hash the retention run recorded).
/// Built by the database from catalogue names (`format` quotes them).
async fn chain_statement(conn: &mut PgConnection) -> Result<String, sqlx::Error> {
    sqlx::query_scalar!(
        r#"SELECT coalesce(string_agg(format(
                    'SELECT t.seq, %L::text, t.id, t.prev_hash, t.row_hash, '
                    'audit.chain_digest(%L, to_jsonb(t)) = t.row_hash FROM audit.%I AS t',
                    c.relname, c.relname, c.relname), ' UNION ALL ' ORDER BY c.relname)
                || ' UNION ALL SELECT t.seq, t.table_name, t.row_id, t.prev_hash, t.row_hash, true '
                || 'FROM audit.chain_tombstones AS t ORDER BY 1', 'SELECT 0::bigint, '''', NULL::uuid, NULL::bytea, NULL::bytea, true WHERE false')
                AS "statement!"
           FROM pg_trigger AS tr
           JOIN pg_class AS c ON c.oid = tr.tgrelid
           JOIN pg_namespace AS n ON n.oid = c.relnamespace
          WHERE n.nspname = 'audit' AND tr.tgname = 'zz_chain_link'"#
    )
    .fetch_one(conn)
    .await
}

/// What the broken row is about, to find it in the app: the audited table
/// and record (audit_log, data_changes) or the email (login_attempts).
async fn record_of(
    conn: &mut PgConnection,
    table: &str,
    id: Uuid,
) -> Result<Option<String>, sqlx::Error> {
    let statement = format!(
        "SELECT nullif(concat_ws(' ', j ->> 'resource_type', j ->> 'table_name', \
         j ->> 'resource_id', j ->> 'record_id', j ->> 'email'), '') \
         FROM (SELECT to_jsonb(t) AS j FROM audit.\"{}\" AS t WHERE t.id = $1) AS row",
        table.replace('"', "\"\"")
    );
    Ok(sqlx::query_scalar::<_, Option<String>>(&statement)
        .bind(id)
        .fetch_optional(conn)
        .await?
        .flatten())
}

async fn record(conn: &mut PgConnection, verification: &Verification) -> Result<(), sqlx::Error> {
    let broken = verification.broken.as_ref();
    sqlx::query!(
        "INSERT INTO audit.chain_verifications
             (rows_checked, last_seq, last_hash, ok, bad_seq, bad_table, bad_id, problem)
         VALUES ($1, $2, $3, $4, $5, $6, $7, $8)",
        i64::try_from(verification.rows_checked).unwrap_or(i64::MAX),
        verification.verified_to.seq,
        verification.verified_to.hash,
        broken.is_none(),
        broken.map(|row| row.seq),
        broken.map(|row| row.table.clone()),
        broken.and_then(|row| row.id),
        broken.map(|row| row.problem.to_string()),
    )
    .execute(conn)
    .await?;
    Ok(())
}
