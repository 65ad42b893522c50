//! Write tokens from the server, for whoever holds one: `GET /api/v1/tokens` lists them (names
//! and dates, never a token), `POST /api/v1/tokens` (`{"name": "…"}`) makes one and answers it
//! once, `DELETE /api/v1/tokens/{name}` revokes one. The page `/tokens` does the same with
//! forms that work without script. Every one of them needs a live write token: a newsroom
//! hands its desk one token and the desk makes the others, as `parallax token` does on the
//! machine that holds the store.
//!
//! A token is shown once, in the answer that made it, never in an address, and every answer
//! that holds one says `Cache-Control: no-store`.

use std::fmt::Write as _;
use std::sync::Arc;

use axum::extract::rejection::PathRejection;
use axum::extract::{Path, Request, State};
use axum::http::{HeaderValue, StatusCode, header};
use axum::response::{IntoResponse, Response};
use parallax_engine::render::escape_markup as escape;
use parallax_store::{Store, TokenError, TokenRow};

use crate::api::json;
use crate::write::{token_of, writer, writer_of};
use crate::{Shared, error, with_store};

/// Tokens one store may hold, revoked ones included; past it, making one is refused (400).
pub const MOST_TOKENS: usize = 1000;

/// Largest body the token routes read.
const MOST_BODY: usize = 4 * 1024;

/// A token as the API shows it: its name and dates.
fn shown(token: &TokenRow) -> serde_json::Value {
    serde_json::json!({"name": token.name, "created": token.created, "revoked": token.revoked})
}

/// `GET /api/v1/tokens`: every token, by name (a write token needed: who may write is not for
/// every reader).
pub(crate) async fn list(State(shared): State<Arc<Shared>>, request: Request) -> Response {
    if let Err(answer) = writer(&shared, request.headers()).await {
        return answer;
    }
    match with_store(&shared, Store::tokens).await {
        Ok(tokens) => {
            json(StatusCode::OK, &serde_json::json!({"tokens": tokens.iter().map(shown).collect::<Vec<_>>()}))
        }
        Err(answer) => answer,
    }
}

/// `POST /api/v1/tokens`: makes the token `{"name": …}` (201, with the token itself, shown
/// this once); 409 when the name was used before.
pub(crate) async fn add(State(shared): State<Arc<Shared>>, request: Request) -> Response {
    let name = match crate::write::written_field(
        &shared,
        request,
        MOST_BODY,
        "name",
        "the body is {\"name\": \"NAME\"}, the new token's name",
    )
    .await
    {
        Ok(name) => name,
        Err(answer) => return answer,
    };
    match made(&shared, name).await {
        Ok((row, secret)) => {
            let mut answer =
                json(StatusCode::CREATED, &serde_json::json!({"token": shown(&row), "secret": secret}));
            answer.headers_mut().insert(header::CACHE_CONTROL, HeaderValue::from_static("no-store"));
            answer
        }
        Err(answer) => answer,
    }
}

/// `DELETE /api/v1/tokens/{name}`: revokes token `name` (204; 404 when there is none).
pub(crate) async fn remove(
    State(shared): State<Arc<Shared>>,
    name: Result<Path<String>, PathRejection>,
    request: Request,
) -> Response {
    if let Err(answer) = writer(&shared, request.headers()).await {
        return answer;
    }
    let Ok(Path(name)) = name else {
        return error(StatusCode::BAD_REQUEST, "a token's name is 1 to 64 letters, digits, '-', '_' or '.'");
    };
    match revoked(&shared, name).await {
        Ok(()) => StatusCode::NO_CONTENT.into_response(),
        Err(answer) => answer,
    }
}

/// Makes token `name`: its row and the token, or the answer to give.
async fn made(shared: &Arc<Shared>, name: String) -> Result<(TokenRow, String), Response> {
    let path = shared.config.db.clone();
    let _writing = shared.writer.lock().await;
    let made = tokio::task::spawn_blocking(move || {
        let mut store = Store::open(&path)?;
        if store.tokens()?.len() >= MOST_TOKENS {
            return Ok(None);
        }
        let now = parallax_store::stamp(jiff::Timestamp::now());
        let secret = store.create_token(&name, &now)?;
        let row = TokenRow { name, created: now, revoked: None };
        Ok::<_, TokenError>(Some((row, secret)))
    })
    .await;
    match made {
        Ok(Ok(Some(made))) => Ok(made),
        Ok(Ok(None)) => Err(error(
            StatusCode::BAD_REQUEST,
            &format!("the store holds {MOST_TOKENS} tokens, the most it may"),
        )),
        Ok(Err(e)) => Err(refused(&e)),
        Err(_) => Err(error(StatusCode::INTERNAL_SERVER_ERROR, "the token could not be made")),
    }
}

/// Revokes token `name`, or gives the answer to give.
async fn revoked(shared: &Arc<Shared>, name: String) -> Result<(), Response> {
    let path = shared.config.db.clone();
    let _writing = shared.writer.lock().await;
    let now = parallax_store::stamp(jiff::Timestamp::now());
    let done = tokio::task::spawn_blocking(move || {
        let mut store = Store::open(&path)?;
        store.revoke_token(&name, &now)
    })
    .await;
    match done {
        Ok(Ok(())) => Ok(()),
        Ok(Err(e)) => Err(refused(&e)),
        Err(_) => Err(error(StatusCode::INTERNAL_SERVER_ERROR, "the token could not be revoked")),
    }
}

/// The answer to a token the store refused to make or revoke.
fn refused(e: &TokenError) -> Response {
    let status = match e {
        TokenError::BadName(_) => StatusCode::BAD_REQUEST,
        TokenError::Taken(_) => StatusCode::CONFLICT,
        TokenError::Unknown(_) => StatusCode::NOT_FOUND,
        TokenError::Random(_) => StatusCode::INTERNAL_SERVER_ERROR,
        TokenError::Store(_) => StatusCode::SERVICE_UNAVAILABLE,
    };
    error(status, &e.to_string())
}

/// What the tokens page's forms send: the writer's own token (or one in the request's
/// headers), what to do, and the name it is done to.
#[derive(serde::Deserialize)]
#[serde(deny_unknown_fields)]
struct TokenForm {
    #[serde(default)]
    token: Option<String>,
    action: String,
    #[serde(default)]
    name: Option<String>,
}

/// `GET /tokens`: the forms to list, make and revoke tokens; the list itself when the request
/// carries a live token in its headers (a program, or a proxy that adds one).
pub(crate) async fn page(State(shared): State<Arc<Shared>>, request: Request) -> Response {
    let shown_live =
        token_of(request.headers()).is_some() && writer(&shared, request.headers()).await.is_ok();
    let listed = if shown_live { with_store(&shared, Store::tokens).await.ok() } else { None };
    tokens_page(None, listed.as_deref())
}

/// `POST /tokens`: the tokens page's forms: `action=list`, `action=make&name=NAME` (the page
/// then shows the new token, once) or `action=revoke&name=NAME`, each with `token=TOKEN`.
pub(crate) async fn form(State(shared): State<Arc<Shared>>, request: Request) -> Response {
    let (parts, body) = request.into_parts();
    let Some(body) = crate::write::body_within(&parts.headers, body, MOST_BODY).await else {
        return refusal(StatusCode::PAYLOAD_TOO_LARGE, &format!("a form of at most {MOST_BODY} bytes"));
    };
    const SHAPE: &str =
        "the form is action=list, action=make&name=NAME or action=revoke&name=NAME, with token=TOKEN";
    let Ok(form) = serde_urlencoded::from_bytes::<TokenForm>(&body) else {
        return refusal(StatusCode::BAD_REQUEST, SHAPE);
    };
    let token =
        form.token.filter(|t| !t.trim().is_empty()).or_else(|| token_of(&parts.headers).map(str::to_string));
    if let Err(answer) = writer_of(&shared, token).await {
        return as_page(answer).await;
    }
    let name = form.name.map(|n| n.trim().to_string()).filter(|n| !n.is_empty());
    let done = match (form.action.as_str(), name) {
        ("list", None) => Ok(None),
        ("make", Some(name)) => {
            made(&shared, name).await.map(|(row, secret)| Some(Done::Made(row.name, secret)))
        }
        ("revoke", Some(name)) => revoked(&shared, name.clone()).await.map(|()| Some(Done::Revoked(name))),
        _ => Err(error(StatusCode::BAD_REQUEST, SHAPE)),
    };
    let done = match done {
        Ok(done) => done,
        Err(answer) => return as_page(answer).await,
    };
    let tokens = with_store(&shared, Store::tokens).await.unwrap_or_default();
    tokens_page(done, Some(&tokens))
}

/// What a form of the tokens page did.
enum Done {
    /// Made the token named so, with the token itself.
    Made(String, String),
    /// Revoked the token named so.
    Revoked(String),
}

/// The tokens page: what a form just did, the list when the reader showed a live token, and
/// the forms. Never cached: it may show a token.
fn tokens_page(done: Option<Done>, listed: Option<&[TokenRow]>) -> Response {
    let mut s = crate::pages::head(
        "Parallax: write tokens",
        "",
        "li{margin:.4rem 0}.meta{color:#555;font-size:.9rem}a{color:#0645ad}.done{background:#e8f5e9;padding:.4rem .8rem}code{word-break:break-all}",
    );
    s.push_str(
        "<p><a href=\"/\">Running stories</a> · <a href=\"/feeds\">Feeds</a></p>\n<h1>Write tokens</h1>\n",
    );
    match done {
        Some(Done::Made(name, secret)) => {
            let _ = writeln!(
                s,
                "<p class=\"done\" role=\"status\">Token <strong>{}</strong> made. Copy it now: it is not shown again.<br><code>{}</code></p>",
                escape(&name),
                escape(&secret)
            );
        }
        Some(Done::Revoked(name)) => {
            let _ = writeln!(
                s,
                "<p class=\"done\" role=\"status\">Token <strong>{}</strong> revoked.</p>",
                escape(&name)
            );
        }
        None => {}
    }
    s.push_str("<p>Writing documents, feeds and tokens needs a write token. Whoever holds one can make and revoke the others here, as <code>parallax token</code> does on the store's machine.</p>\n");
    const TOKEN_FIELD: &str = "<label>Your write token <input type=\"password\" name=\"token\" required autocomplete=\"current-password\" maxlength=\"200\"></label>";
    const NAME_FIELD: &str = "<label>Name <input name=\"name\" required maxlength=\"64\" pattern=\"[A-Za-z0-9._\\-]{1,64}\"></label>";
    let _ = writeln!(
        s,
        "<form method=\"post\" action=\"/tokens\"><input type=\"hidden\" name=\"action\" value=\"make\">{NAME_FIELD} {TOKEN_FIELD} <button>Make a token</button></form>"
    );
    let _ = writeln!(
        s,
        "<form method=\"post\" action=\"/tokens\"><input type=\"hidden\" name=\"action\" value=\"revoke\">{NAME_FIELD} {TOKEN_FIELD} <button>Revoke</button></form>"
    );
    match listed {
        Some(tokens) => {
            if tokens.is_empty() {
                s.push_str("<p>No tokens.</p>\n");
            }
            s.push_str("<ul>\n");
            for t in tokens {
                let state = match &t.revoked {
                    Some(at) => format!("revoked {}", escape(at)),
                    None => "live".to_string(),
                };
                let _ = writeln!(
                    s,
                    "<li><strong>{}</strong> <span class=\"meta\">made {}; {state}</span></li>",
                    escape(&t.name),
                    escape(&t.created)
                );
            }
            s.push_str("</ul>\n");
        }
        None => {
            let _ = writeln!(
                s,
                "<form method=\"post\" action=\"/tokens\"><input type=\"hidden\" name=\"action\" value=\"list\">{TOKEN_FIELD} <button>List the tokens</button></form>"
            );
        }
    }
    s.push_str("</body></html>\n");
    let mut answer = crate::pages::html(s);
    answer.headers_mut().insert(header::CACHE_CONTROL, HeaderValue::from_static("no-store"));
    answer
}

/// A refusal as a page.
fn refusal(status: StatusCode, text: &str) -> Response {
    crate::pages::message(status, "The tokens were not changed", text, ("/tokens", "Back to the tokens"))
}

/// A JSON error answer as a page a browser shows.
async fn as_page(answer: Response) -> Response {
    crate::pages::as_page(answer, "The tokens were not changed", ("/tokens", "Back to the tokens")).await
}
