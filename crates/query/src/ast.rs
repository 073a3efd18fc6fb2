//! The syntax tree: what the text says, before names are checked against the graph.

/// Byte range in the query text, kept on every node that can be blamed in an error.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub struct Span {
    pub start: usize,
    pub end: usize,
}

#[derive(Debug, Clone, PartialEq)]
pub struct Query {
    pub explain: bool,
    pub matches: Vec<MatchClause>,
    pub ret: ReturnClause,
}

impl Query {
    /// Every top-level expression of the query.
    pub fn expressions(&self) -> Vec<&Expr> {
        let mut out = Vec::new();
        for m in &self.matches {
            out.extend(m.filter.iter());
            for p in &m.patterns {
                for n in &p.nodes {
                    out.extend(n.props.iter().map(|pp| &pp.value));
                }
                for r in &p.rels {
                    out.extend(r.props.iter().map(|pp| &pp.value));
                }
            }
        }
        out.extend(self.ret.items.iter().map(|i| &i.expr));
        out.extend(self.ret.order.iter().map(|o| &o.expr));
        out
    }
}

#[derive(Debug, Clone, PartialEq)]
pub struct MatchClause {
    /// OPTIONAL MATCH: rows without a match keep going with this clause's new variables null.
    pub optional: bool,
    pub patterns: Vec<Pattern>,
    pub filter: Option<Expr>,
}

#[derive(Debug, Clone, PartialEq)]
pub struct Pattern {
    /// `p = ...`
    pub path_var: Option<(String, Span)>,
    /// `shortestPath(...)` or `allShortestPaths(...)`.
    pub shortest: bool,
    /// `allShortestPaths(...)`: every shortest path, not just the first found.
    pub all_shortest: bool,
    pub nodes: Vec<NodePattern>,
    /// `rels[i]` joins `nodes[i]` and `nodes[i + 1]`.
    pub rels: Vec<RelPattern>,
    pub span: Span,
}

#[derive(Debug, Clone, PartialEq)]
pub struct NodePattern {
    pub var: Option<(String, Span)>,
    /// Each label is a set of alternatives (`:PERSON|ORG`); several labels must all hold.
    pub labels: Vec<Vec<(String, Span)>>,
    pub props: Vec<PropPair>,
    pub span: Span,
}

#[derive(Debug, Clone, PartialEq)]
pub struct PropPair {
    pub key: String,
    pub key_span: Span,
    pub value: Expr,
}

/// Direction as written, left to right.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Arrow {
    Right,
    Left,
    Both,
}

#[derive(Debug, Clone, PartialEq)]
pub struct RelPattern {
    pub var: Option<(String, Span)>,
    pub types: Vec<(String, Span)>,
    pub arrow: Arrow,
    /// `Some((min, max))` for `*`, `*2`, `*1..3`, `*..3`, `*2..`.
    pub length: Option<(Option<u32>, Option<u32>)>,
    pub props: Vec<PropPair>,
    pub span: Span,
}

#[derive(Debug, Clone, PartialEq)]
pub struct ReturnClause {
    pub distinct: bool,
    /// Empty for `RETURN *`.
    pub items: Vec<ReturnItem>,
    pub star: bool,
    pub order: Vec<SortItem>,
    pub skip: Option<usize>,
    pub limit: Option<usize>,
}

#[derive(Debug, Clone, PartialEq)]
pub struct ReturnItem {
    pub expr: Expr,
    pub alias: Option<String>,
    /// The expression as written: the column name when there is no alias.
    pub text: String,
}

#[derive(Debug, Clone, PartialEq)]
pub struct SortItem {
    pub expr: Expr,
    pub descending: bool,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum BinOp {
    Or,
    Xor,
    And,
    Eq,
    Ne,
    Lt,
    Le,
    Gt,
    Ge,
    Regex,
    Contains,
    StartsWith,
    EndsWith,
    In,
}

impl BinOp {
    pub fn symbol(self) -> &'static str {
        match self {
            BinOp::Or => "OR",
            BinOp::Xor => "XOR",
            BinOp::And => "AND",
            BinOp::Eq => "=",
            BinOp::Ne => "<>",
            BinOp::Lt => "<",
            BinOp::Le => "<=",
            BinOp::Gt => ">",
            BinOp::Ge => ">=",
            BinOp::Regex => "=~",
            BinOp::Contains => "CONTAINS",
            BinOp::StartsWith => "STARTS WITH",
            BinOp::EndsWith => "ENDS WITH",
            BinOp::In => "IN",
        }
    }
}

#[derive(Debug, Clone, PartialEq)]
pub enum Literal {
    Null,
    Bool(bool),
    Int(i64),
    Float(f64),
    String(String),
}

#[derive(Debug, Clone, PartialEq)]
pub enum ExprKind {
    Literal(Literal),
    List(Vec<Expr>),
    Var(String),
    Property(String, String),
    Not(Box<Expr>),
    Neg(Box<Expr>),
    IsNull(Box<Expr>, bool),
    Binary(BinOp, Box<Expr>, Box<Expr>),
    /// `count(*)`
    CountStar,
    Call {
        name: String,
        distinct: bool,
        args: Vec<Expr>,
    },
}

#[derive(Debug, Clone, PartialEq)]
pub struct Expr {
    pub kind: ExprKind,
    pub span: Span,
}

impl Expr {
    pub fn new(kind: ExprKind, span: Span) -> Expr {
        Expr { kind, span }
    }

    /// Nesting depth, computed without recursion so that any tree can be measured.
    pub fn depth(&self) -> usize {
        let mut max = 0;
        let mut stack = vec![(self, 1usize)];
        while let Some((e, d)) = stack.pop() {
            max = max.max(d);
            match &e.kind {
                ExprKind::List(xs) | ExprKind::Call { args: xs, .. } => {
                    stack.extend(xs.iter().map(|x| (x, d + 1)))
                }
                ExprKind::Not(x) | ExprKind::Neg(x) | ExprKind::IsNull(x, _) => {
                    stack.push((x, d + 1))
                }
                ExprKind::Binary(_, a, b) => {
                    stack.push((a, d + 1));
                    stack.push((b, d + 1));
                }
                ExprKind::Literal(_)
                | ExprKind::Var(_)
                | ExprKind::Property(..)
                | ExprKind::CountStar => {}
            }
        }
        max
    }

    /// Every sub-expression, depth first, including `self`.
    pub fn walk<'a>(&'a self, f: &mut dyn FnMut(&'a Expr)) {
        f(self);
        match &self.kind {
            ExprKind::List(xs) | ExprKind::Call { args: xs, .. } => {
                xs.iter().for_each(|x| x.walk(f))
            }
            ExprKind::Not(x) | ExprKind::Neg(x) | ExprKind::IsNull(x, _) => x.walk(f),
            ExprKind::Binary(_, a, b) => {
                a.walk(f);
                b.walk(f);
            }
            ExprKind::Literal(_)
            | ExprKind::Var(_)
            | ExprKind::Property(..)
            | ExprKind::CountStar => {}
        }
    }
}
