//! A plain document tree, built by html5ever's tree builder (the WHATWG parsing algorithm, so
//! pages are read as browsers read them, entities decoded and broken markup repaired).
//!
//! Nodes live in one vector and refer to each other by index; an index is also the node's
//! creation order, which for pages is nearly document order (the tree builder moves a few
//! nodes when it repairs mis-nested markup). Walking the tree is iterative, so no nesting depth
//! can exhaust the stack.

use std::borrow::Cow;
use std::cell::{Ref, RefCell};

use html5ever::interface::{ElementFlags, NodeOrText, QuirksMode, TreeSink};
use html5ever::tendril::{StrTendril, TendrilSink};
use html5ever::{local_name, ns, parse_document, Attribute, ParseOpts, QualName};

/// A node's index in its [`Dom`].
pub(crate) type NodeId = usize;

/// The document node: the root of every tree.
pub(crate) const DOCUMENT: NodeId = 0;

pub(crate) struct Element {
    name: QualName,
    attributes: Vec<Attribute>,
    /// A `<template>`'s contents: a separate tree, not among the element's children.
    template_contents: Option<NodeId>,
}

impl Element {
    /// The local name, lower-cased by the parser for HTML elements (`div`, `meta`).
    pub fn name(&self) -> &str {
        &self.name.local
    }

    /// The value of the attribute with this (lower-case) local name.
    pub fn attr(&self, name: &str) -> Option<&str> {
        self.attributes
            .iter()
            .find(|attribute| &*attribute.name.local == name)
            .map(|attribute| &*attribute.value)
    }

    pub fn id(&self) -> Option<&str> {
        self.attr("id")
    }
}

enum NodeData {
    Document,
    Element(Element),
    Text(String),
    /// Comments, doctypes and processing instructions: nothing the reader uses.
    Other,
}

struct Node {
    parent: Option<NodeId>,
    children: Vec<NodeId>,
    data: NodeData,
}

pub(crate) struct Dom {
    nodes: Vec<Node>,
}

/// One step of a depth-first walk: entering a node, or leaving it after its children.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(crate) enum Edge {
    Open(NodeId),
    Close(NodeId),
}

impl Dom {
    /// Parses a page (or a fragment, which the parser puts into a page's `<body>`).
    pub fn parse(html: &str) -> Dom {
        let sink = DomSink {
            tree: RefCell::new(SinkTree {
                nodes: vec![Node {
                    parent: None,
                    children: Vec::new(),
                    data: NodeData::Document,
                }],
                placeholder_name: QualName::new(None, ns!(html), local_name!("div")),
            }),
        };
        parse_document(sink, ParseOpts::default()).one(StrTendril::from(html))
    }

    pub fn len(&self) -> usize {
        self.nodes.len()
    }

    pub fn element(&self, node: NodeId) -> Option<&Element> {
        match &self.nodes.get(node)?.data {
            NodeData::Element(element) => Some(element),
            _ => None,
        }
    }

    pub fn text(&self, node: NodeId) -> Option<&str> {
        match &self.nodes.get(node)?.data {
            NodeData::Text(text) => Some(text),
            _ => None,
        }
    }

    pub fn children(&self, node: NodeId) -> &[NodeId] {
        self.nodes.get(node).map_or(&[], |node| &node.children)
    }

    /// The node's parent, grandparent... up to the document.
    pub fn ancestors(&self, node: NodeId) -> impl Iterator<Item = NodeId> + '_ {
        std::iter::successors(self.nodes.get(node).and_then(|node| node.parent), |&ancestor| {
            self.nodes[ancestor].parent
        })
    }

    /// Every node of the subtree of `root` (itself first), in document order.
    pub fn descendants(&self, root: NodeId) -> impl Iterator<Item = NodeId> + '_ {
        self.traverse(root).filter_map(|edge| match edge {
            Edge::Open(node) => Some(node),
            Edge::Close(_) => None,
        })
    }

    /// A depth-first walk of the subtree of `root`.
    pub fn traverse(&self, root: NodeId) -> Traverse<'_> {
        Traverse {
            dom: self,
            stack: Vec::new(),
            start: (root < self.nodes.len()).then_some(root),
        }
    }

    /// The text below `node`, as written (not collapsed).
    pub fn text_below(&self, node: NodeId) -> String {
        self.descendants(node)
            .filter_map(|descendant| self.text(descendant))
            .collect()
    }
}

pub(crate) struct Traverse<'a> {
    dom: &'a Dom,
    /// Open nodes with the index of the next child to visit.
    stack: Vec<(NodeId, usize)>,
    start: Option<NodeId>,
}

impl Iterator for Traverse<'_> {
    type Item = Edge;

    fn next(&mut self) -> Option<Edge> {
        if let Some(root) = self.start.take() {
            self.stack.push((root, 0));
            return Some(Edge::Open(root));
        }
        let (node, next_child) = self.stack.last_mut()?;
        let node = *node;
        match self.dom.nodes[node].children.get(*next_child) {
            Some(&child) => {
                *next_child += 1;
                self.stack.push((child, 0));
                Some(Edge::Open(child))
            }
            None => {
                self.stack.pop();
                Some(Edge::Close(node))
            }
        }
    }
}

/// Builds a [`Dom`] as the html5ever tree builder directs.
struct DomSink {
    tree: RefCell<SinkTree>,
}

struct SinkTree {
    nodes: Vec<Node>,
    /// Named if the tree builder asks for the name of a node that is no element (it does not).
    placeholder_name: QualName,
}

impl DomSink {
    fn new_node(&self, data: NodeData) -> NodeId {
        let nodes = &mut self.tree.borrow_mut().nodes;
        nodes.push(Node {
            parent: None,
            children: Vec::new(),
            data,
        });
        nodes.len() - 1
    }

    fn detach(nodes: &mut [Node], node: NodeId) {
        if let Some(parent) = nodes[node].parent.take() {
            nodes[parent].children.retain(|&child| child != node);
        }
    }

    /// Inserts `child` into `parent` before the child `before` (at the end without it),
    /// merging text with a text node just before it, as the tree builder expects.
    fn insert(&self, parent: NodeId, before: Option<NodeId>, child: NodeOrText<NodeId>) {
        let nodes = &mut self.tree.borrow_mut().nodes;
        if let NodeOrText::AppendNode(node) = &child {
            Self::detach(nodes, *node);
        }
        let siblings = &nodes[parent].children;
        let position = before
            .and_then(|before| siblings.iter().position(|&sibling| sibling == before))
            .unwrap_or(siblings.len());
        match child {
            NodeOrText::AppendText(text) => {
                let previous = position.checked_sub(1).map(|index| siblings[index]);
                if let Some(NodeData::Text(existing)) = previous.map(|previous| &mut nodes[previous].data) {
                    existing.push_str(&text);
                    return;
                }
                nodes.push(Node {
                    parent: Some(parent),
                    children: Vec::new(),
                    data: NodeData::Text(text.to_string()),
                });
                let text_node = nodes.len() - 1;
                nodes[parent].children.insert(position, text_node);
            }
            NodeOrText::AppendNode(node) => {
                nodes[node].parent = Some(parent);
                nodes[parent].children.insert(position, node);
            }
        }
    }
}

impl TreeSink for DomSink {
    type Handle = NodeId;
    type Output = Dom;
    type ElemName<'a> = Ref<'a, QualName>;

    fn finish(self) -> Dom {
        Dom {
            nodes: self.tree.into_inner().nodes,
        }
    }

    fn parse_error(&self, _message: Cow<'static, str>) {}

    fn get_document(&self) -> NodeId {
        DOCUMENT
    }

    fn elem_name<'a>(&'a self, target: &'a NodeId) -> Ref<'a, QualName> {
        Ref::map(self.tree.borrow(), |tree| match &tree.nodes[*target].data {
            NodeData::Element(element) => &element.name,
            _ => &tree.placeholder_name,
        })
    }

    fn create_element(&self, name: QualName, attributes: Vec<Attribute>, flags: ElementFlags) -> NodeId {
        let template_contents = flags.template.then(|| self.new_node(NodeData::Document));
        self.new_node(NodeData::Element(Element {
            name,
            attributes,
            template_contents,
        }))
    }

    fn create_comment(&self, _text: StrTendril) -> NodeId {
        self.new_node(NodeData::Other)
    }

    fn create_pi(&self, _target: StrTendril, _data: StrTendril) -> NodeId {
        self.new_node(NodeData::Other)
    }

    fn append(&self, parent: &NodeId, child: NodeOrText<NodeId>) {
        self.insert(*parent, None, child);
    }

    fn append_based_on_parent_node(&self, element: &NodeId, prev_element: &NodeId, child: NodeOrText<NodeId>) {
        let has_parent = self.tree.borrow().nodes[*element].parent.is_some();
        if has_parent {
            self.append_before_sibling(element, child);
        } else {
            self.append(prev_element, child);
        }
    }

    fn append_doctype_to_document(&self, _name: StrTendril, _public_id: StrTendril, _system_id: StrTendril) {
        let doctype = self.new_node(NodeData::Other);
        self.insert(DOCUMENT, None, NodeOrText::AppendNode(doctype));
    }

    fn get_template_contents(&self, target: &NodeId) -> NodeId {
        match &self.tree.borrow().nodes[*target].data {
            NodeData::Element(Element {
                template_contents: Some(contents),
                ..
            }) => *contents,
            _ => *target,
        }
    }

    fn same_node(&self, x: &NodeId, y: &NodeId) -> bool {
        x == y
    }

    fn set_quirks_mode(&self, _mode: QuirksMode) {}

    fn append_before_sibling(&self, sibling: &NodeId, new_node: NodeOrText<NodeId>) {
        let parent = self.tree.borrow().nodes[*sibling].parent;
        if let Some(parent) = parent {
            self.insert(parent, Some(*sibling), new_node);
        }
    }

    fn add_attrs_if_missing(&self, target: &NodeId, attributes: Vec<Attribute>) {
        if let NodeData::Element(element) = &mut self.tree.borrow_mut().nodes[*target].data {
            for attribute in attributes {
                if !element
                    .attributes
                    .iter()
                    .any(|existing| existing.name == attribute.name)
                {
                    element.attributes.push(attribute);
                }
            }
        }
    }

    fn remove_from_parent(&self, target: &NodeId) {
        Self::detach(&mut self.tree.borrow_mut().nodes, *target);
    }

    fn reparent_children(&self, node: &NodeId, new_parent: &NodeId) {
        let nodes = &mut self.tree.borrow_mut().nodes;
        let children = std::mem::take(&mut nodes[*node].children);
        for &child in &children {
            nodes[child].parent = Some(*new_parent);
        }
        nodes[*new_parent].children.extend(children);
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn names(dom: &Dom, root: NodeId) -> Vec<String> {
        dom.traverse(root)
            .map(|edge| match edge {
                Edge::Open(node) => match (dom.element(node), dom.text(node)) {
                    (Some(element), _) => element.name().to_string(),
                    (None, Some(text)) => format!("'{text}'"),
                    (None, None) => "#".to_string(),
                },
                Edge::Close(_) => "/".to_string(),
            })
            .collect()
    }

    #[test]
    fn the_tree_is_walked_in_document_order_with_text_merged() {
        let dom = Dom::parse("<p>a &amp; <b>b</b>c<p>d");
        let body = dom
            .descendants(DOCUMENT)
            .find(|&node| dom.element(node).is_some_and(|element| element.name() == "body"))
            .expect("a body");
        assert_eq!(
            names(&dom, body),
            ["body", "p", "'a & '", "/", "b", "'b'", "/", "/", "'c'", "/", "/", "p", "'d'", "/", "/", "/"]
        );
        assert_eq!(dom.text_below(body), "a & bcd");
    }

    #[test]
    fn misnested_markup_is_repaired_as_browsers_do() {
        // The adoption agency algorithm moves and clones nodes: <b> is closed and reopened.
        let dom = Dom::parse("<b>1<p>2</b>3</p>");
        assert_eq!(dom.text_below(DOCUMENT), "123");
        let bold_texts: Vec<String> = dom
            .descendants(DOCUMENT)
            .filter(|&node| dom.element(node).is_some_and(|element| element.name() == "b"))
            .map(|node| dom.text_below(node))
            .collect();
        assert_eq!(bold_texts, ["1", "2"]);
        // Every child's parent is the node that lists it.
        for node in 0..dom.len() {
            for &child in dom.children(node) {
                assert_eq!(dom.ancestors(child).next(), Some(node));
            }
        }
    }

    #[test]
    fn attributes_and_template_contents() {
        let dom = Dom::parse("<div ID=main data-x='1'><template><p>hidden</p></template>shown</div>");
        let div = dom
            .descendants(DOCUMENT)
            .find(|&node| dom.element(node).is_some_and(|element| element.name() == "div"))
            .expect("a div");
        let element = dom.element(div).expect("an element");
        assert_eq!(element.id(), Some("main"));
        assert_eq!(element.attr("data-x"), Some("1"));
        assert_eq!(element.attr("class"), None);
        assert_eq!(dom.text_below(div), "shown", "template contents are not children");
    }
}
