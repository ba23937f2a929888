// SPDX-License-Identifier: Apache-2.0
import Foundation

/// Reads a brat standoff pair: `x.txt` (the text) and `x.ann` (annotations).
///
/// `ArticleFileReader` hands the pair over as one byte string: the `.txt`
/// bytes, one NUL, the `.ann` bytes (neither file may hold a NUL, so the
/// framing is unambiguous); the article's path is the `.txt`. Text-bound
/// annotations (`T1<TAB>ORG 0 6<TAB>OpenAI`) become mentions as given;
/// relations, events, attributes and notes are skipped. A `T` line that
/// cannot be read, or whose span does not fit the text, is dropped with a
/// warning naming `x.ann` and the line. Offsets are Unicode scalars.
public struct BratImporter: ArticleImporter {
    public var limits: ImportLimits

    public init(limits: ImportLimits = .standard) { self.limits = limits }

    public var fingerprint: String { "brat-1" }

    /// The framing `ArticleFileReader` uses for a pair.
    public static func frame(text: Data, annotations: Data) -> Data {
        var data = text
        data.append(0)
        data.append(annotations)
        return data
    }

    public func parse(_ data: Data, path: String) -> Result<Article, LoadError> {
        let separator = data.firstIndex(of: 0) ?? data.endIndex
        guard let text = String(validating: data[data.startIndex..<separator], as: UTF8.self) else {
            return .failure(LoadError(path: path, message: "not UTF-8 text"))
        }
        let annotationBytes = separator < data.endIndex ? data[(separator + 1)...] : Data()[...]
        let annPath = Self.annotationPath(for: path)
        guard let annotations = String(validating: annotationBytes, as: UTF8.self) else {
            return .failure(LoadError(path: path, message: "\(annPath): not UTF-8 text"))
        }
        let layout = ParagraphLayout(text: text)
        guard !layout.paragraphs.isEmpty else { return .failure(LoadError(path: path, message: "the text is empty")) }
        var warnings: [String] = []
        let spans = Self.spans(in: annotations, annPath: annPath, warnings: &warnings)
        let given = layout.givenMentions(spans, limits: limits, warnings: &warnings)
        var article = Article(path: path, title: ImportText.title(fromFirst: layout.paragraphs), paragraphs: layout.paragraphs,
                              warnings: warnings, format: .brat, givenMentions: given)
        ImportText.applyParagraphLimit(&article, limits: limits)
        return .success(article)
    }

    /// `x.txt` → `x.ann`.
    public static func annotationPath(for textPath: String) -> String {
        let lower = textPath.lowercased()
        return (lower.hasSuffix(".txt") ? String(textPath.dropLast(4)) : textPath) + ".ann"
    }

    /// The `T` lines: `T<id> TAB <type> <start> <end>[;<start> <end>…] TAB <text>`.
    static func spans(in annotations: String, annPath: String, warnings: inout [String]) -> [StatedSpan] {
        var spans: [StatedSpan] = []
        var lineNumber = 0
        for line in annotations.split(separator: "\n", omittingEmptySubsequences: false) {
            lineNumber += 1
            guard line.hasPrefix("T") else { continue }
            let origin = "\(annPath):\(lineNumber)"
            let fields = line.split(separator: "\t", maxSplits: 2, omittingEmptySubsequences: false)
            guard fields.count >= 2 else {
                warnings.append("\(origin): a T line needs an id, a type with offsets, and the text, separated by tabs; dropped")
                continue
            }
            let typeAndOffsets = fields[1].split(separator: " ")
            guard typeAndOffsets.count >= 3 else {
                warnings.append("\(origin): expected '<type> <start> <end>'; dropped")
                continue
            }
            guard !fields[1].contains(";") else {
                warnings.append("\(origin): a discontinuous span (';') is not shown; dropped")
                continue
            }
            guard let start = Int(typeAndOffsets[1]), let end = Int(typeAndOffsets[2]) else {
                warnings.append("\(origin): offsets are not whole numbers; dropped")
                continue
            }
            spans.append(StatedSpan(start: start, end: end, label: nil, type: EntityType(nerTag: String(typeAndOffsets[0])), origin: origin))
        }
        return spans
    }
}
