//! The code under test: disconnect a customer from one chat-platform client.

use manta_client::types::CustomerBindRequest;

/// Unbinds `customer` from `platform_client` of `bot`; `Ok(true)` when MantaGo says so.
pub async fn disconnect(
    client: &manta_client::Client,
    secret: &str,
    bot: &str,
    platform_client: &str,
    customer: &str,
) -> Result<bool, manta_client::Error<manta_client::types::ErrorResponse>> {
    let answer = client
        .unbind_customer()
        .bot_id(bot)
        .body(CustomerBindRequest {
            secret: secret.into(),
            client_id: platform_client.into(),
            customer_id: customer.into(),
        })
        .send()
        .await?;
    Ok(answer.success)
}

/// [`disconnect`], tried again (up to `tries` times in all) after a 429 or a 5xx answer.
pub async fn disconnect_with_retries(
    client: &manta_client::Client,
    secret: &str,
    bot: &str,
    platform_client: &str,
    customer: &str,
    tries: usize,
) -> Result<bool, manta_client::Error<manta_client::types::ErrorResponse>> {
    let mut left = tries;
    loop {
        left -= 1;
        match disconnect(client, secret, bot, platform_client, customer).await {
            Err(manta_client::Error::ErrorResponse(answer))
                if left > 0 && (answer.status() == 429 || answer.status().is_server_error()) => {}
            other => return other,
        }
    }
}
