//! The REPL, driven through a pseudo-terminal as a person would, and through a pipe as a script.

use crate::support::*;
use std::io::Write;
use std::process::Stdio;

#[test]
fn scripted_statements_print_results_and_errors_do_not_stop_it() {
    let b = build_samples();
    let mut child = bin()
        .args(["repl", "--store", &b.store])
        .stdin(Stdio::piped())
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .unwrap();
    child
        .stdin
        .take()
        .unwrap()
        .write_all(b":format csv\nMATCH (p {name: \"zelenskiy\"})\nRETURN p.name;\nMATCH (p RETURN p;\n:nonsense\n:sparql\nASK { ?a ng:metWith ?b };\n")
        .unwrap();
    let out = child.wait_with_output().unwrap();
    let (stdout, stderr) = text(&out);
    assert!(out.status.success(), "{stderr}");
    assert!(stdout.contains("Volodymyr Zelensky"), "{stdout}");
    assert!(stdout.contains('^'), "syntax error caret missing: {stdout}");
    assert!(stdout.contains("unknown command :nonsense"), "{stdout}");
    assert!(
        stdout.contains("true"),
        "SPARQL mode answer missing: {stdout}"
    );
}

#[cfg(unix)]
#[test]
fn interactive_prompt_completion_errors_and_history() {
    let b = build_samples();
    let history = b.dir.path().join("history");
    let cmd = format!(
        "{} repl --store {} --history {}",
        env!("CARGO_BIN_EXE_newsgraph"),
        b.store,
        history.display()
    );
    let mut p = rexpect::spawn(&cmd, Some(20_000)).unwrap();
    p.exp_string("newsgraph> ").unwrap();
    // A query, over two lines.
    p.send_line("MATCH (p {name: \"Putin\"})").unwrap();
    p.send_line("RETURN p.name;").unwrap();
    p.exp_string("Vladimir Putin").unwrap();
    p.exp_string("newsgraph> ").unwrap();
    // Completion of a keyword.
    p.send("MATC").unwrap();
    p.send("\t").unwrap();
    p.send_line(" (n {name: \"Witkoff\"}) RETURN n.name;")
        .unwrap();
    p.exp_string("Steve Witkoff").unwrap();
    p.exp_string("newsgraph> ").unwrap();
    // An error does not end the session.
    p.send_line("MATCH (n RETURN n;").unwrap();
    p.exp_string("^").unwrap();
    p.exp_string("newsgraph> ").unwrap();
    // Ctrl-C abandons the current input.
    p.send("MATCH (half").unwrap();
    p.send_control('c').unwrap();
    p.exp_string("newsgraph> ").unwrap();
    p.send_line(":quit").unwrap();
    p.exp_eof().unwrap();
    // History survives into a second session.
    let mut p = rexpect::spawn(&cmd, Some(20_000)).unwrap();
    p.exp_string("newsgraph> ").unwrap();
    p.send_control('p').unwrap();
    p.exp_string(":quit").unwrap();
    p.send_control('p').unwrap();
    p.exp_string("MATCH (n RETURN n;").unwrap();
    p.send_control('c').unwrap();
    // Ctrl-D is an editor key only once the editor owns the terminal again, at the prompt.
    p.exp_string("newsgraph> ").unwrap();
    p.send_control('d').unwrap();
    p.exp_eof().unwrap();
}
