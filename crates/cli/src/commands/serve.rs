//! `newsgraph serve`: a SPARQL 1.1 Protocol endpoint over the store.
//!
//! GET or POST `/query` (also `/sparql`), `application/sparql-query` or form bodies; updates on
//! `/update` only with `--allow-update`. Results follow the request's `Accept` header.

use super::{open_read_only, open_writable};
use crate::args::ServeArgs;
use anyhow::{anyhow, Result};
use newsgraph_store::{
    write_results, CancellationToken, GraphStore, QueryEvaluationError, QueryResults,
    QueryResultsFormat, RdfFormat, ResultsFormat, StoreError,
};
use std::io::Read;
use std::process::ExitCode;
use std::sync::Arc;
use std::time::Duration;
use tiny_http::{Header, Method, Request, Response, Server};

struct Endpoint {
    store: GraphStore,
    allow_update: bool,
    timeout: Duration,
    max_request: usize,
}

type Reply = Response<std::io::Cursor<Vec<u8>>>;

fn reply(status: u16, content_type: &str, body: impl Into<Vec<u8>>) -> Reply {
    let mut r = Response::from_data(body.into()).with_status_code(status);
    if let Ok(h) = Header::from_bytes("Content-Type", content_type) {
        r = r.with_header(h);
    }
    r
}

fn error(status: u16, message: impl std::fmt::Display) -> Reply {
    reply(status, "text/plain; charset=utf-8", format!("{message}\n"))
}

fn header<'a>(req: &'a Request, name: &str) -> Option<&'a str> {
    req.headers()
        .iter()
        .find(|h| h.field.as_str().as_str().eq_ignore_ascii_case(name))
        .map(|h| h.value.as_str())
}

/// The media types of the Accept header, best first (q-values honoured, order kept on ties).
fn accepted(accept: Option<&str>) -> Vec<String> {
    let mut items: Vec<(f32, usize, String)> = accept
        .unwrap_or("")
        .split(',')
        .enumerate()
        .filter_map(|(i, part)| {
            let mut bits = part.split(';');
            let mt = bits.next()?.trim().to_ascii_lowercase();
            if mt.is_empty() {
                return None;
            }
            let q = bits
                .filter_map(|b| b.trim().strip_prefix("q="))
                .find_map(|q| q.parse::<f32>().ok())
                .unwrap_or(1.0);
            Some((q, i, mt))
        })
        .collect();
    items.sort_by(|a, b| b.0.total_cmp(&a.0).then(a.1.cmp(&b.1)));
    items.into_iter().map(|(_, _, mt)| mt).collect()
}

fn negotiate(accept: Option<&str>) -> (ResultsFormat, &'static str, &'static str) {
    let mut solutions = None;
    let mut graph = None;
    for mt in accepted(accept) {
        if solutions.is_none() {
            solutions = QueryResultsFormat::from_media_type(&mt);
        }
        if graph.is_none() {
            graph = RdfFormat::from_media_type(&mt);
        }
        if mt == "*/*" {
            break;
        }
    }
    let solutions = solutions.unwrap_or(QueryResultsFormat::Json);
    let graph = graph.unwrap_or(RdfFormat::Turtle);
    (
        ResultsFormat { solutions, graph },
        solutions.media_type(),
        graph.media_type(),
    )
}

impl Endpoint {
    fn body(&self, req: &mut Request) -> Result<String, Reply> {
        if req.body_length().is_some_and(|n| n > self.max_request) {
            return Err(error(
                413,
                format!("request body over {} bytes", self.max_request),
            ));
        }
        let mut buf = Vec::new();
        let limit = self.max_request as u64 + 1;
        if let Err(e) = req.as_reader().take(limit).read_to_end(&mut buf) {
            return Err(error(400, format!("cannot read the request body: {e}")));
        }
        if buf.len() > self.max_request {
            return Err(error(
                413,
                format!("request body over {} bytes", self.max_request),
            ));
        }
        String::from_utf8(buf).map_err(|_| error(400, "the request body is not UTF-8"))
    }

    fn handle(&self, mut req: Request) {
        let url = req.url().to_string();
        let (path, query_string) = url.split_once('?').unwrap_or((url.as_str(), ""));
        let params: Vec<(String, String)> = form_urlencoded::parse(query_string.as_bytes())
            .into_owned()
            .collect();
        let param = |ps: &[(String, String)], k: &str| {
            ps.iter().find(|(n, _)| n == k).map(|(_, v)| v.clone())
        };
        let accept = header(&req, "Accept").map(str::to_string);
        let content_type = header(&req, "Content-Type").map(|c| {
            c.split(';')
                .next()
                .unwrap_or("")
                .trim()
                .to_ascii_lowercase()
        });
        let response = match (req.method().clone(), path) {
            (Method::Get, "/query" | "/sparql") => match param(&params, "query") {
                Some(q) => self.query(&q, accept.as_deref()),
                None => error(400, "missing the query parameter"),
            },
            (Method::Post, "/query" | "/sparql" | "/update") => match self.body(&mut req) {
                Err(r) => r,
                Ok(body) => {
                    let form: Vec<(String, String)> =
                        if content_type.as_deref() == Some("application/x-www-form-urlencoded") {
                            form_urlencoded::parse(body.as_bytes())
                                .into_owned()
                                .collect()
                        } else {
                            Vec::new()
                        };
                    match content_type.as_deref() {
                        Some("application/sparql-query") => self.query(&body, accept.as_deref()),
                        Some("application/sparql-update") => self.update(&body),
                        Some("application/x-www-form-urlencoded") => {
                            if let Some(q) = param(&form, "query") {
                                self.query(&q, accept.as_deref())
                            } else if let Some(u) = param(&form, "update") {
                                self.update(&u)
                            } else {
                                error(400, "the form has neither a query nor an update field")
                            }
                        }
                        _ => error(
                            415,
                            "use application/sparql-query, application/sparql-update or a form",
                        ),
                    }
                }
            },
            (Method::Get, "/") => reply(
                200,
                "text/plain; charset=utf-8",
                "newsgraph SPARQL endpoint: GET or POST /query (SPARQL 1.1 Protocol)\n",
            ),
            (_, "/query" | "/sparql" | "/update") => error(405, "use GET or POST"),
            _ => error(404, "not found; the endpoint is /query"),
        };
        if let Err(e) = req.respond(response) {
            eprintln!("warning: could not send a response: {e}");
        }
    }

    fn query(&self, query: &str, accept: Option<&str>) -> Reply {
        let token = CancellationToken::new();
        let timer = {
            let token = token.clone();
            let timeout = self.timeout;
            std::thread::spawn(move || {
                std::thread::park_timeout(timeout);
                token.cancel();
            })
        };
        let result = self.store.query_cancellable(query, Some(token));
        let (format, solutions_type, graph_type) = negotiate(accept);
        let response = match result {
            Err(StoreError::UpdateNotAllowed) => {
                error(400, "this is an update; POST it to /update")
            }
            Err(e @ (StoreError::Syntax(_) | StoreError::Evaluation(_))) => error(400, e),
            Err(e) => error(500, e),
            Ok(results) => {
                let media = if matches!(results, QueryResults::Graph(_)) {
                    graph_type
                } else {
                    solutions_type
                };
                let mut body = Vec::new();
                match write_results(results, format, self.store.iris().base(), &mut body) {
                    Ok(()) => reply(200, media, body),
                    Err(StoreError::Evaluation(QueryEvaluationError::Cancelled)) => error(
                        503,
                        format!(
                            "query stopped after the {} s timeout",
                            self.timeout.as_secs()
                        ),
                    ),
                    Err(e) => error(500, e),
                }
            }
        };
        timer.thread().unpark();
        response
    }

    fn update(&self, update: &str) -> Reply {
        if !self.allow_update {
            return error(
                403,
                "this endpoint is read-only (start it with --allow-update)",
            );
        }
        match self.store.update(update) {
            Ok(()) => reply(204, "text/plain", Vec::new()),
            Err(e @ (StoreError::Syntax(_) | StoreError::Update(_))) => error(400, e),
            Err(e) => error(500, e),
        }
    }
}

pub fn run(args: ServeArgs) -> Result<ExitCode> {
    let store = if args.allow_update {
        open_writable(&args.store)?
    } else {
        open_read_only(&args.store)?
    };
    let server =
        Server::http(&args.bind).map_err(|e| anyhow!("cannot listen on {}: {e}", args.bind))?;
    let endpoint = Arc::new(Endpoint {
        store,
        allow_update: args.allow_update,
        timeout: Duration::from_secs(args.timeout.max(1)),
        max_request: args.max_request,
    });
    eprintln!(
        "SPARQL endpoint on http://{}/query ({}), store {}",
        args.bind,
        if args.allow_update {
            "updates allowed"
        } else {
            "read-only"
        },
        args.store.store.display()
    );
    let server = Arc::new(server);
    let workers: Vec<_> = (0..4)
        .map(|_| {
            let server = Arc::clone(&server);
            let endpoint = Arc::clone(&endpoint);
            std::thread::spawn(move || {
                while let Ok(req) = server.recv() {
                    endpoint.handle(req);
                }
            })
        })
        .collect();
    for w in workers {
        let _ = w.join();
    }
    Ok(ExitCode::SUCCESS)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn accept_header_orders_by_quality() {
        assert_eq!(
            accepted(Some(
                "text/csv;q=0.5, application/sparql-results+json, */*;q=0.1"
            )),
            vec!["application/sparql-results+json", "text/csv", "*/*"]
        );
        let (f, s, _) = negotiate(Some("text/tab-separated-values"));
        assert_eq!(f.solutions, QueryResultsFormat::Tsv);
        assert!(s.starts_with("text/tab-separated-values"), "{s}");
        let (f, _, g) = negotiate(None);
        assert_eq!(f.solutions, QueryResultsFormat::Json);
        assert_eq!(g, "text/turtle");
    }
}
