//! The send loop: pacing, the deadline, retries and redirects, and what a write's unclear
//! answer means.

use std::time::{Duration, Instant, SystemTime};

use reqwest::{Method, StatusCode};

use super::cause;
use super::decide::{self, AfterRedirect, Tries};
use super::redact::Secrets;
use super::request::Request;
use super::{Deadline, Http, Reply};
use crate::error::ProviderError;
use crate::pacing::{BucketShare, Pacer, bucket_key, current_share};
use crate::retry::backoff;
use lanyard_model::error::words::duration;

impl Http {
    pub(super) async fn send_inner(
        &self,
        request: &Request,
        secrets: &Secrets,
        correlation_id: &str,
    ) -> Result<Reply, ProviderError> {
        let mut deadline = request.deadline.unwrap_or_else(|| self.deadline());
        let mut url = self.url(&request.segments, &request.query);
        let bucket = bucket_key(request.method != Method::GET, request.path_template);
        let mut tries = Tries::default();
        loop {
            tries.attempt = tries.attempt.saturating_add(1);
            if request.is_write()
                && let Some(share) = current_share()
            {
                self.pace_share(&share, &bucket, &mut deadline).await;
            }
            if super::priority::is_background() {
                self.pace_behind_people(&bucket, request, &mut deadline, &tries, correlation_id)
                    .await?;
            } else {
                self.pace(&bucket, request, &deadline, &tries, correlation_id)
                    .await?;
            }
            let remaining = deadline.remaining();
            if remaining.is_zero() {
                return Err(self.gave_up(request, &deadline, &tries, correlation_id));
            }
            let built = self.build(
                request,
                &url,
                correlation_id,
                remaining.min(self.options.timeout),
            )?;
            let response = match self.client.execute(built).await {
                Ok(response) => response,
                Err(err) => {
                    // Not connected at all: nothing was sent, so any method may try again.
                    let never_sent = err.is_connect();
                    tries.maybe_applied |= !never_sent;
                    let wait = self.backoff(tries.attempt);
                    if (never_sent || request.idempotent())
                        && tries.may_retry(self.options.max_retries, wait, &deadline)
                    {
                        tokio::time::sleep(wait).await;
                        continue;
                    }
                    return Err(self.transport_failed(
                        &err,
                        request,
                        &deadline,
                        &tries,
                        correlation_id,
                    ));
                }
            };
            let status = response.status();
            let headers = response.headers().clone();
            self.pacer.lock().await.observe(
                &bucket,
                &headers,
                Instant::now(),
                status != StatusCode::TOO_MANY_REQUESTS,
            );

            if status.is_redirection() {
                let location = headers
                    .get(reqwest::header::LOCATION)
                    .and_then(|v| v.to_str().ok())
                    .map(|l| secrets.scrub_text(l));
                let followed = tries.redirects;
                match decide::after_redirect(request, &url, status, location.as_deref(), followed) {
                    AfterRedirect::Follow(next) => {
                        tries.redirects = tries.redirects.saturating_add(1);
                        tries.attempt = tries.attempt.saturating_sub(1);
                        url = next;
                        continue;
                    }
                    AfterRedirect::Unknown(cause) => {
                        return Err(self.unknown(cause, correlation_id));
                    }
                    AfterRedirect::Refuse { location, reason } => {
                        return Err(ProviderError::Redirected {
                            product: self.product,
                            location,
                            reason,
                            correlation_id: correlation_id.to_owned(),
                        });
                    }
                }
            }

            let body = match self.read_capped(response, &deadline, correlation_id).await {
                // A page or message that echoes this request's secrets loses them here, before
                // anything is read from it.
                Ok(body) => secrets.scrub(body),
                // The server answered that it did the change; what it did is read back.
                Err(err) if request.is_write() && status.is_success() => {
                    let how = match err {
                        ProviderError::BodyTooLarge { limit, .. } => {
                            format!("was larger than {limit} bytes")
                        }
                        ProviderError::Timeout { .. } => "came too slowly".to_owned(),
                        _ => "broke off before its end".to_owned(),
                    };
                    return Err(self.unknown(format!("its {status} answer {how}"), correlation_id));
                }
                Err(err @ ProviderError::BodyTooLarge { .. }) => return Err(err),
                Err(err) => {
                    if self
                        .again_after(request, status, &deadline, &mut tries, correlation_id)
                        .await?
                    {
                        continue;
                    }
                    if status.is_success() {
                        return Err(err);
                    }
                    // The status is known even if its body broke off.
                    return Err(ProviderError::UnexpectedReply {
                        product: self.product,
                        status: status.as_u16(),
                        content_type: "a reply that broke off".to_owned(),
                        excerpt: String::new(),
                        correlation_id: correlation_id.to_owned(),
                    });
                }
            };

            if status == StatusCode::TOO_MANY_REQUESTS {
                tries.rate_limited = tries.rate_limited.saturating_add(1);
                let asked = Pacer::wait_after_429(&headers, SystemTime::now());
                let wait = asked
                    .unwrap_or_else(|| self.backoff(tries.rate_limited))
                    .min(self.options.max_wait);
                let fits = deadline.allows(wait);
                if tries.rate_limited <= self.options.max_rate_limit_retries && fits {
                    // A 429 means the request was not processed, so even a POST may go again.
                    tracing::info!(
                        wait_ms = u64::try_from(wait.as_millis()).unwrap_or(u64::MAX),
                        "rate limited; waiting before trying again"
                    );
                    tokio::time::sleep(wait).await;
                    tries.attempt = tries.attempt.saturating_sub(1);
                    continue;
                }
                return Err(ProviderError::RateLimited {
                    product: self.product,
                    attempts: tries.rate_limited,
                    retry_after: if fits { asked } else { Some(wait) },
                    correlation_id: correlation_id.to_owned(),
                });
            }

            if status.is_server_error()
                && self
                    .again_after(request, status, &deadline, &mut tries, correlation_id)
                    .await?
            {
                continue;
            }

            if !status.is_success() {
                return Err(self.api_error(status.as_u16(), &headers, &body, correlation_id));
            }
            return Ok(Reply {
                status: status.as_u16(),
                headers,
                body,
                correlation_id: correlation_id.to_owned(),
                attempts: tries.attempt,
                product: self.product,
            });
        }
    }

    /// Waits for the rate-limit bucket, or fails at once when the wait would pass the deadline.
    async fn pace(
        &self,
        bucket: &str,
        request: &Request,
        deadline: &Deadline,
        tries: &Tries,
        correlation_id: &str,
    ) -> Result<(), ProviderError> {
        let delay = self.pacer.lock().await.delay_before_send(
            bucket,
            Instant::now(),
            SystemTime::now(),
            self.options.max_wait,
        );
        if delay.is_zero() {
            return Ok(());
        }
        if !deadline.allows(delay) {
            return Err(self.wait_too_long(delay, request, tries, correlation_id));
        }
        tracing::debug!(
            wait_ms = u64::try_from(delay.as_millis()).unwrap_or(u64::MAX),
            "pacing: the rate-limit bucket is empty"
        );
        tokio::time::sleep(delay).await;
        Ok(())
    }

    /// A run limited to a share of the bucket waits for a token of its share first (see
    /// `pacing::share`). The wait is the run's own choice, not the server's: it is added to the
    /// deadline.
    async fn pace_share(&self, share: &BucketShare, bucket: &str, deadline: &mut Deadline) {
        loop {
            let learned = self.pacer.lock().await.learned(bucket);
            let wait = share.take(bucket, learned, Instant::now());
            if wait.is_zero() {
                return;
            }
            tokio::time::sleep(wait).await;
            *deadline = deadline.postponed(wait);
        }
    }

    /// The background's pacing: waits while a person's request is pending on this client (that
    /// time is added to the deadline: it says nothing of the server), then takes a slot only
    /// when one is free now, so a person's request that comes meanwhile gets it first.
    async fn pace_behind_people(
        &self,
        bucket: &str,
        request: &Request,
        deadline: &mut Deadline,
        tries: &Tries,
        correlation_id: &str,
    ) -> Result<(), ProviderError> {
        loop {
            let yielding = tokio::time::Instant::now();
            self.priority.idle().await;
            *deadline = deadline.postponed(yielding.elapsed());
            let change = self.priority.next_change();
            if self.priority.pending() {
                continue;
            }
            let delay = self.pacer.lock().await.send_if_free(
                bucket,
                Instant::now(),
                SystemTime::now(),
                self.options.max_wait,
            );
            if delay.is_zero() {
                return Ok(());
            }
            if !deadline.allows(delay) {
                return Err(self.wait_too_long(delay, request, tries, correlation_id));
            }
            tokio::select! {
                () = tokio::time::sleep(delay) => {}
                () = change => {}
            }
        }
    }

    /// Waiting `delay` for the bucket would pass the deadline.
    fn wait_too_long(
        &self,
        delay: Duration,
        request: &Request,
        tries: &Tries,
        correlation_id: &str,
    ) -> ProviderError {
        if request.is_write() && tries.maybe_applied {
            return self.unknown(
                format!(
                    "it did not confirm it, and trying again would have waited {} for the rate limit, past the time one operation may take",
                    duration(delay)
                ),
                correlation_id,
            );
        }
        ProviderError::RateLimited {
            product: self.product,
            attempts: tries.rate_limited,
            retry_after: Some(delay),
            correlation_id: correlation_id.to_owned(),
        }
    }

    /// After a 5xx (which may have done the change) or a body that broke off: true, once the
    /// backoff has passed, when the request may go again; otherwise the unknown outcome that a
    /// gateway's 502–504 leaves a write, or false (the caller reports the reply).
    async fn again_after(
        &self,
        request: &Request,
        status: StatusCode,
        deadline: &Deadline,
        tries: &mut Tries,
        correlation_id: &str,
    ) -> Result<bool, ProviderError> {
        if status.is_server_error() {
            tries.maybe_applied = true;
        }
        let wait = self.backoff(tries.attempt);
        if request.idempotent() && tries.may_retry(self.options.max_retries, wait, deadline) {
            tokio::time::sleep(wait).await;
            return Ok(true);
        }
        if decide::gateway_leaves_write_unknown(request, status) {
            return Err(self.unknown(format!("a gateway answered {status}"), correlation_id));
        }
        Ok(false)
    }

    fn backoff(&self, attempt: u32) -> Duration {
        backoff(attempt, self.options.backoff_base, self.options.backoff_cap)
    }

    fn unknown(&self, cause: String, correlation_id: &str) -> ProviderError {
        ProviderError::OutcomeUnknown {
            product: self.product,
            cause,
            correlation_id: correlation_id.to_owned(),
        }
    }

    pub(super) fn too_slow(&self, deadline: &Deadline, correlation_id: &str) -> ProviderError {
        ProviderError::Timeout {
            product: self.product,
            host: self.host(),
            after: deadline.spent(),
            correlation_id: correlation_id.to_owned(),
        }
    }

    /// The deadline passed between tries.
    fn gave_up(
        &self,
        request: &Request,
        deadline: &Deadline,
        tries: &Tries,
        correlation_id: &str,
    ) -> ProviderError {
        if request.is_write() && tries.maybe_applied {
            return self.unknown(
                format!(
                    "no answer confirmed it within {}",
                    duration(deadline.spent())
                ),
                correlation_id,
            );
        }
        self.too_slow(deadline, correlation_id)
    }

    /// No answer came: a write that may have been sent has an unknown outcome.
    fn transport_failed(
        &self,
        err: &reqwest::Error,
        request: &Request,
        deadline: &Deadline,
        tries: &Tries,
        correlation_id: &str,
    ) -> ProviderError {
        if request.is_write() && tries.maybe_applied {
            let cause = if err.is_timeout() {
                format!("no answer came within {}", duration(deadline.spent()))
            } else {
                format!("the answer was lost ({})", cause::of(err))
            };
            return self.unknown(cause, correlation_id);
        }
        self.read_failed(err, deadline, correlation_id)
    }
}
