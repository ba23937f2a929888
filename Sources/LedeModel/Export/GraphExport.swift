// SPDX-License-Identifier: Apache-2.0
import Foundation

/// `lede graph`: the co-occurrence network as Graphviz DOT, JSON or GraphML.
///
/// Every format carries the same facts: nodes (entities with type, mention
/// count and unit count) and undirected edges (shared units as the weight,
/// with lift and PMI). Node ids are the export ids `lede entities` prints,
/// and the order is export order, so the same files give the same bytes.
public enum GraphExport {
    public enum Format: String, CaseIterable, Sendable {
        case dot, json, graphml
    }

    public static func write(_ graph: CooccurrenceGraph, format: Format, to output: inout some TextOutputStream) {
        switch format {
        case .dot: writeDOT(graph, to: &output)
        case .json: writeJSON(graph, to: &output)
        case .graphml: writeGraphML(graph, to: &output)
        }
    }

    // MARK: - DOT

    /// Fill colours by type, light enough for black labels (Graphviz X11/SVG names are avoided: hex works everywhere).
    static func fill(_ type: EntityType) -> String {
        switch type {
        case .organisation: "#9ecae1"
        case .person: "#fdd0a2"
        case .location: "#c7e9c0"
        case .model, .modelFamily: "#dadaeb"
        case .product: "#fcbba1"
        default: "#e0e0e0"
        }
    }

    /// Ready for `dot -Tsvg`: the `layout` attribute hands the drawing to
    /// neato, which spreads an undirected network instead of ranking it.
    public static func writeDOT(_ graph: CooccurrenceGraph, to output: inout some TextOutputStream) {
        output.write("graph lede {\n")
        output.write("  graph [layout=neato, overlap=false, splines=true, outputorder=edgesfirst, fontname=\"Helvetica\", ")
        output.write("label=\(dotString("entities that share \(graph.unit.plural); edge width: shared \(graph.unit.plural)")), fontsize=10];\n")
        output.write("  node [shape=box, style=\"rounded,filled\", fontname=\"Helvetica\", fontsize=10, penwidth=0.5];\n")
        output.write("  edge [color=\"#00000055\"];\n")
        let maximum = graph.edges.map(\.shared).max() ?? 1
        for node in graph.nodes {
            output.write("  \(dotString(node.entity.exportID)) [label=\(dotString(node.entity.label)), ")
            output.write("tooltip=\(dotString("\(node.entity.type.displayName.lowercased()), \(node.mentions) mentions")), ")
            output.write("fillcolor=\"\(fill(node.entity.type))\", type=\(dotString(node.entity.type.rawValue)), mentions=\(node.mentions)];\n")
        }
        for edge in graph.edges {
            let width = 0.5 + 3.5 * Double(edge.shared) / Double(maximum)
            output.write("  \(dotString(graph.nodes[edge.source].entity.exportID)) -- \(dotString(graph.nodes[edge.target].entity.exportID)) ")
            output.write("[weight=\(edge.shared), penwidth=\(String(format: "%.2f", width)), lift=\(String(format: "%.4f", edge.lift)), ")
            output.write("tooltip=\(dotString("\(edge.shared) shared \(graph.unit.plural), lift \(String(format: "%.2f", edge.lift))"))];\n")
        }
        output.write("}\n")
    }

    /// A DOT quoted string: quotes and backslashes escaped, control characters
    /// (and the bidi ones a terminal would obey) left out.
    static func dotString(_ text: String) -> String {
        var result = "\""
        for scalar in text.unicodeScalars where !ControlCharacters.needsReplacing(scalar) {
            switch scalar {
            case "\"": result += "\\\""
            case "\\": result += "\\\\"
            default: result.unicodeScalars.append(scalar)
            }
        }
        return result + "\""
    }

    // MARK: - JSON

    public static func writeJSON(_ graph: CooccurrenceGraph, to output: inout some TextOutputStream) {
        JSONValue.object([
            "unit": .string(graph.unit.rawValue),
            "measure": .string("weight: \(graph.unit.plural) naming both; lift: weight × total_units ÷ (units of source × units of target); pmi: log2(lift)"),
            "total_units": .int(graph.total),
            "nodes": .array(graph.nodes.map { node in
                .object(["id": .string(node.entity.exportID), "label": .string(node.entity.label), "type": .string(node.entity.type.rawValue),
                         "mentions": .int(node.mentions), "units": .int(node.units)])
            }),
            "edges": .array(graph.edges.map { edge in
                .object(["source": .string(graph.nodes[edge.source].entity.exportID), "target": .string(graph.nodes[edge.target].entity.exportID),
                         "weight": .int(edge.shared), "lift": .number(edge.lift), "pmi": .number(edge.pmi)])
            }),
        ]).write(to: &output)
        output.write("\n")
    }

    // MARK: - GraphML

    public static func writeGraphML(_ graph: CooccurrenceGraph, to output: inout some TextOutputStream) {
        output.write("""
            <?xml version="1.0" encoding="UTF-8"?>
            <graphml xmlns="http://graphml.graphdrawing.org/xmlns" xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance" \
            xsi:schemaLocation="http://graphml.graphdrawing.org/xmlns http://graphml.graphdrawing.org/xmlns/1.0/graphml.xsd">
              <key id="label" for="node" attr.name="label" attr.type="string"/>
              <key id="type" for="node" attr.name="type" attr.type="string"/>
              <key id="mentions" for="node" attr.name="mentions" attr.type="int"/>
              <key id="units" for="node" attr.name="units" attr.type="int"/>
              <key id="weight" for="edge" attr.name="weight" attr.type="int"/>
              <key id="lift" for="edge" attr.name="lift" attr.type="double"/>
              <key id="pmi" for="edge" attr.name="pmi" attr.type="double"/>
              <graph id="lede" edgedefault="undirected">

            """)
        for node in graph.nodes {
            output.write("    <node id=\"\(xml(node.entity.exportID))\">")
            output.write("<data key=\"label\">\(xml(node.entity.label))</data><data key=\"type\">\(node.entity.type.rawValue)</data>")
            output.write("<data key=\"mentions\">\(node.mentions)</data><data key=\"units\">\(node.units)</data></node>\n")
        }
        for (index, edge) in graph.edges.enumerated() {
            output.write("    <edge id=\"e\(index)\" source=\"\(xml(graph.nodes[edge.source].entity.exportID))\" ")
            output.write("target=\"\(xml(graph.nodes[edge.target].entity.exportID))\">")
            output.write("<data key=\"weight\">\(edge.shared)</data><data key=\"lift\">\(String(format: "%.4f", edge.lift))</data>")
            output.write("<data key=\"pmi\">\(String(format: "%.4f", edge.pmi))</data></edge>\n")
        }
        output.write("  </graph>\n</graphml>\n")
    }

    /// XML text and attribute values: the five specials escaped; characters
    /// XML 1.0 forbids and terminal controls left out.
    static func xml(_ text: String) -> String {
        var result = ""
        for scalar in text.unicodeScalars where !ControlCharacters.needsReplacing(scalar) && scalar != "\u{FFFE}" && scalar != "\u{FFFF}" {
            switch scalar {
            case "&": result += "&amp;"
            case "<": result += "&lt;"
            case ">": result += "&gt;"
            case "\"": result += "&quot;"
            case "'": result += "&apos;"
            default: result.unicodeScalars.append(scalar)
            }
        }
        return result
    }
}
