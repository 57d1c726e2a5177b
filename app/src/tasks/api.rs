use leptos::prelude::*;

use super::model::TaskDetail;
use crate::error::AppError;

#[server(prefix = "/api", endpoint = "tasks/task")]
pub async fn get_task(task_number: String) -> Result<TaskDetail, AppError> {
    crate::auth::guard::require(torvan::Resource::Tasks, torvan::Action::Read)?;
    let number =
        torvan::workflow::TaskNumber::parse(&task_number).map_err(|_| AppError::NotFound)?;
    let mut conn = crate::db::connection().await?;
    super::queries::detail(&mut conn, &number).await
}
