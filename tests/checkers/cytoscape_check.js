// Load a Cytoscape.js JSON export in headless Cytoscape.js and print what it holds, as JSON.
"use strict";
const fs = require("fs");
const cytoscape = require("cytoscape");

const exported = JSON.parse(fs.readFileSync(process.argv[2], "utf8"));
const cy = cytoscape({ headless: true, styleEnabled: true, elements: exported.elements, style: exported.style });
const nodes = cy.nodes().map((n) => ({ id: n.id(), label: n.data("label"), text: n.data("text"), quote: n.data("quote"),
  shape: n.style("shape"), colour: n.style("background-color") }));
const edges = cy.edges().map((e) => ({ source: e.source().id(), target: e.target().id(), relation: e.data("relation"),
  lineStyle: e.style("line-style") }));
cy.destroy();
process.stdout.write(JSON.stringify({ nodes, edges }), () => process.exit(0));  // headless Cytoscape.js keeps a timer alive
